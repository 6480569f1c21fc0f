#!/usr/bin/env python3
"""Parse-speed benchmark: Baton's front end against CPython's compile() on one large file.

    scripts/bench_parse.py [--baton target/release/baton] [--lines 120000] [-n 5] [--keep FILE]

Generates a deterministic module of realistic code (classes, sync and async functions, loops,
comprehensions, f-strings, try/with blocks, decorators, long literals), then times, in alternating
runs, `baton --check FILE` and `python3 -c "compile(open(f).read(), f, 'exec')"`. Prints the
median wall time of each, Baton's throughput in MB/s and the median pair-by-pair ratio
(below 1 means Baton is faster). This is a benchmark, not a test: it asserts nothing.
"""
import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

WORDS = ("user item order price total count name value data result queue task worker client "
         "session record index buffer limit delay score node edge cache token").split()


def ident(rng):
    return "_".join(rng.sample(WORDS, rng.choice((1, 2))))


def expression(rng, depth=0):
    choices = [
        lambda: ident(rng),
        lambda: str(rng.randrange(1000)),
        lambda: f"{rng.random():.3f}",
        lambda: f'"{ident(rng)}"',
        lambda: f"{ident(rng)}.{ident(rng)}",
        lambda: f"{ident(rng)}[{rng.randrange(10)}]",
    ]
    if depth < 2:
        choices += [
            lambda: f"{expression(rng, depth + 1)} {rng.choice('+-*/%')} {expression(rng, depth + 1)}",
            lambda: f"{ident(rng)}({expression(rng, depth + 1)}, key={expression(rng, depth + 1)})",
            lambda: f"[{ident(rng)} * 2 for {ident(rng)} in range({rng.randrange(9)}) if {ident(rng)}]",
            lambda: f'f"{{{ident(rng)}!r}}: {{{ident(rng)}:>{rng.randrange(4, 12)}}}"',
            lambda: f"{{'{ident(rng)}': {expression(rng, depth + 1)}, **{ident(rng)}}}",
            lambda: f"{expression(rng, depth + 1)} if {ident(rng)} is not None else {expression(rng, depth + 1)}",
            lambda: f"(lambda {ident(rng)}: {expression(rng, depth + 1)})",
        ]
    return rng.choice(choices)()


def function(rng, indent, is_async):
    pad = " " * indent
    name = ident(rng)
    head = "async def" if is_async else "def"
    lines = [f"{pad}@decorator_{rng.randrange(5)}"] if rng.random() < 0.3 else []
    lines.append(f"{pad}{head} {name}(self, {ident(rng)}_arg, *args, limit_kw: int = {rng.randrange(100)}, **kwargs) -> dict:")
    lines.append(f'{pad}    """Compute the {ident(rng)} of {ident(rng)}."""')
    for _ in range(rng.randrange(4, 12)):
        kind = rng.randrange(7)
        body = pad + "    "
        if kind == 0:
            lines.append(f"{body}{ident(rng)} = {expression(rng)}")
        elif kind == 1:
            lines += [f"{body}for {ident(rng)}, {ident(rng)} in enumerate({expression(rng)}):",
                      f"{body}    if {expression(rng)} > {rng.randrange(50)}:",
                      f"{body}        {ident(rng)} += {expression(rng)}",
                      f"{body}    elif not {ident(rng)}:", f"{body}        continue"]
        elif kind == 2:
            lines += [f"{body}try:", f"{body}    {ident(rng)} = {expression(rng)}",
                      f"{body}except (KeyError, ValueError) as error:",
                      f"{body}    raise RuntimeError(f\"failed: {{error}}\") from error",
                      f"{body}finally:", f"{body}    {ident(rng)}.close()"]
        elif kind == 3:
            awaited = "await " if is_async else ""
            lines.append(f"{body}{ident(rng)} = {awaited}{ident(rng)}({expression(rng)})")
        elif kind == 4:
            lines += [f"{body}with open({expression(rng)}) as {ident(rng)}:",
                      f"{body}    {ident(rng)}.append({expression(rng)})"]
        elif kind == 5:
            lines += [f"{body}while {ident(rng)} < {rng.randrange(1000)}:",
                      f"{body}    {ident(rng)} = {expression(rng)}"]
        else:
            lines.append(f"{body}{ident(rng)}, *{ident(rng)} = {expression(rng)}, {expression(rng)}")
    lines.append(f"{pad}    return {{'{ident(rng)}': {expression(rng)}}}")
    return lines


def generate(target_lines, seed=2026):
    rng = random.Random(seed)
    out = ['"""Generated benchmark module."""', "import asyncio", "from collections import defaultdict", ""]
    n = 0
    while len(out) < target_lines:
        n += 1
        out.append(f"class {ident(rng).title().replace('_', '')}{n}(Base, metaclass=Meta):")
        out.append(f"    {ident(rng)}: int = {rng.randrange(100)}")
        for _ in range(rng.randrange(2, 6)):
            out += function(rng, 4, rng.random() < 0.4)
            out.append("")
        out.append("")
    return "\n".join(out) + "\n"


def timed(cmd):
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"{cmd[0]} failed:\n{p.stderr.decode()[-2000:]}")
    return elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baton", default="target/release/baton")
    ap.add_argument("--lines", type=int, default=120_000)
    ap.add_argument("-n", type=int, default=5)
    ap.add_argument("--keep", help="write the generated module here")
    args = ap.parse_args()
    source = generate(args.lines)
    path = args.keep or os.path.join(tempfile.mkdtemp(), "bench_module.py")
    with open(path, "w") as f:
        f.write(source)
    compile(source, path, "exec")  # the module must be valid Python
    size = len(source.encode())
    baton = [args.baton, "--check", path]
    cpython = [sys.executable, "-c", "import sys; f = sys.argv[1]; compile(open(f).read(), f, 'exec')", path]
    timed(baton), timed(cpython)  # warm-up pair
    bt, ct = [], []
    for _ in range(args.n):
        bt.append(timed(baton))
        ct.append(timed(cpython))
    ratios = [b / c for b, c in zip(bt, ct)]
    lines = source.count("\n")
    print(f"file: {lines} lines, {size / 1e6:.1f} MB")
    print(f"baton --check: {statistics.median(bt) * 1000:8.1f} ms  ({size / 1e6 / statistics.median(bt):.1f} MB/s)")
    print(f"CPython compile: {statistics.median(ct) * 1000:6.1f} ms  ({size / 1e6 / statistics.median(ct):.1f} MB/s)")
    print(f"ratio (baton / CPython, median of pairs): {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()
