#!/usr/bin/env python3
"""Writes scripts/startup.order: the functions of the baton binary that a run of
`print("hello")` executes, one linker symbol per line.

build.rs hands the file to the linker (`--symbol-ordering-file`), which places those functions
next to each other. The kernel maps a program's code in 64 KiB pieces around each page it
touches; with the start-up code spread over the whole binary, a one-line script mapped almost
all of it (about 1.9 MB of a 2.5 MB text). Grouped, it maps a few pieces.

Run it after changes to what every run goes through (the CLI, `Interpreter::new`, the
pipeline), on a release build:

    cargo build --release && python3 scripts/startup_order.py

The names are written without Rust's hash suffix, which moves with unrelated edits;
scripts/link_ordered.py (the linker command) resolves them at each link. Names that no longer
exist are skipped; start-up functions missing from the file only cost memory, never
correctness. Needs valgrind (callgrind) and nm.
"""
import os
import re
import subprocess
import sys
import tempfile

from link_ordered import stable_name

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def executed_functions(binary, script):
    """The (mangled) names of the functions callgrind saw run."""
    with tempfile.NamedTemporaryFile(suffix=".out") as out:
        subprocess.run(
            ["valgrind", "--tool=callgrind", "--demangle=no",
             f"--callgrind-out-file={out.name}", binary, script],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        names, ran = {}, set()
        for line in open(out.name, encoding="utf-8", errors="replace"):
            m = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
            if m:
                kind, key, name = m.groups()
                if name:
                    names[key] = name
                if kind == "fn":
                    ran.add(names.get(key))
        return ran


def text_symbols(binary):
    listing = subprocess.run(["nm", binary], check=True, capture_output=True, text=True).stdout
    return {p[2] for p in (line.split() for line in listing.splitlines())
            if len(p) == 3 and p[1] in "tT"}


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/baton")
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write('print("hello")\n')
    try:
        ran = executed_functions(binary, script.name)
    finally:
        os.unlink(script.name)
    order = sorted({stable_name(name) for name in ran & text_symbols(binary)})
    path = os.path.join(ROOT, "scripts", "startup.order")
    with open(path, "w") as f:
        f.write("".join(name + "\n" for name in order))
    print(f"{len(order)} functions written to {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    main()
