#!/usr/bin/env python3
"""Differential test of syntax errors: mutate valid programs, compare Baton with CPython.

    scripts/mutate_check.py [--baton target/release/baton] [-n PER_FILE] [--seed S] [--show K] FILE...

Each FILE gets PER_FILE mutants, each one small edit of the kind people make (a token deleted,
doubled or swapped with its neighbour; a bracket, colon, comma, quote or indent added or removed).
Mutants CPython rejects are kept; for each, Baton's last stderr line must equal CPython's.
Prints mismatches grouped by CPython's message (K examples each), then `N passed, M failed`.
"""
import argparse
import collections
import concurrent.futures
import io
import os
import random
import subprocess
import sys
import tempfile
import tokenize
import warnings

INSERTS = [":", "(", ")", "[", "]", "{", "}", ",", "=", "'", '"', "    ", "\t", ".", "*", "if ", "else", "def ", "in ", "\\", "#"]


def cpython_last_line(src):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(src, "mutant.py", "exec")
    except SyntaxError as e:
        return f"{type(e).__name__}: {e.msg}"
    except (RecursionError, MemoryError, ValueError) as e:
        return f"{type(e).__name__}: {e}"
    return None


def mutants(src, rng, count):
    try:
        toks = [t for t in tokenize.generate_tokens(io.StringIO(src).readline)
                if t.type not in (tokenize.ENDMARKER, tokenize.DEDENT, tokenize.NL, tokenize.COMMENT)]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return
    if not toks:
        return
    lines = src.splitlines(keepends=True)
    starts = [0]
    for l in lines:
        starts.append(starts[-1] + len(l))

    def offset(pos):
        return starts[pos[0] - 1] + pos[1]

    for _ in range(count):
        t = rng.choice(toks)
        a, b = offset(t.start), offset(t.end)
        kind = rng.randrange(5)
        if kind == 0:
            yield src[:a] + src[b:]
        elif kind == 1:
            yield src[:b] + " " + t.string + src[b:]
        elif kind == 2:
            yield src[:a] + rng.choice(INSERTS) + src[a:]
        elif kind == 3:
            yield src[:b] + rng.choice(INSERTS) + src[b:]
        else:
            line_start = starts[t.start[0] - 1]
            if rng.random() < 0.5:
                yield src[:line_start] + "  " + src[line_start:]
            else:
                yield src[:line_start] + src[line_start:].lstrip(" ")[:0] + src[line_start + 1:]


def baton_last_line(baton, path):
    p = subprocess.run([baton, "--check", path], capture_output=True, env={**os.environ, "NO_COLOR": "1"})
    lines = [l for l in p.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    if p.returncode == 0:
        return None
    return lines[-1] if lines else f"exit {p.returncode}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baton", default="target/release/baton")
    ap.add_argument("-n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=2)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cases = []
    for f in args.files:
        src = open(f, encoding="utf-8").read()
        seen = set()
        for m in mutants(src, rng, args.n):
            if m in seen:
                continue
            seen.add(m)
            want = cpython_last_line(m)
            if want is not None and "null bytes" not in want:
                cases.append((m, want))
    tmp = tempfile.mkdtemp()
    paths = []
    for i, (m, _) in enumerate(cases):
        p = os.path.join(tmp, f"m{i}.py")
        with open(p, "w", encoding="utf-8") as fh:
            fh.write(m)
        paths.append(p)
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        got = list(pool.map(lambda p: baton_last_line(args.baton, p), paths))
    failures = collections.defaultdict(list)
    for (m, want), g, p in zip(cases, got, paths):
        if g != want:
            failures[want].append((p, g))
    for want, items in sorted(failures.items(), key=lambda kv: -len(kv[1])):
        print(f"[{len(items)}] want: {want}")
        for p, g in items[: args.show]:
            print(f"      got: {g}   ({p})")
    failed = sum(len(v) for v in failures.values())
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
