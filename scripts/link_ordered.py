#!/usr/bin/env python3
"""The linker command (`.cargo/config.toml`): runs `cc` with rustc's arguments, after resolving
the start-up order file that build.rs passes (`--symbol-ordering-file`) to this build's symbols.

Rust's symbol names end in a hash (`17h<16 hex digits>E`) that moves with unrelated edits (it
covers the types a generic function is instantiated with, closures included), so
`scripts/startup.order` keeps the names without it, and each is resolved here to every symbol of
the objects being linked that has that name. Without an order file in the arguments, the command
is run unchanged.
"""
import os
import re
import subprocess
import sys

ORDER_FLAG = "-Wl,--symbol-ordering-file="
HASH = re.compile(r"17h[0-9a-f]{16}E$")


def stable_name(symbol):
    """The symbol without its hash (names without one are their own stable name)."""
    return HASH.sub("E", symbol)


def defined_symbols(objects):
    try:
        listing = subprocess.run(["nm", "--defined-only", *objects],
                                 capture_output=True, text=True)
    except OSError:
        # Without nm the names stay unresolved: the link works, the order is mostly lost.
        return []
    return [p[2] for p in (line.split() for line in listing.stdout.splitlines()) if len(p) == 3]


def resolve(order_path, args):
    """Writes the order with this build's symbols beside the output; returns its path."""
    objects = [a for a in args if a.endswith(".o") and os.path.isfile(a)]
    by_stable = {}
    for symbol in defined_symbols(objects):
        by_stable.setdefault(stable_name(symbol), []).append(symbol)
    resolved = []
    for name in open(order_path).read().split():
        resolved.extend(by_stable.get(name, [name]))
    output = args[args.index("-o") + 1] if "-o" in args[:-1] else "a.out"
    path = output + ".order"
    with open(path, "w") as f:
        f.write("".join(name + "\n" for name in resolved))
    return path


def main():
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg.startswith(ORDER_FLAG):
            args[i] = ORDER_FLAG + resolve(arg[len(ORDER_FLAG):], args)
    os.execvp("cc", ["cc", *args])


if __name__ == "__main__":
    main()
