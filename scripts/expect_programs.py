#!/usr/bin/env python3
"""Record CPython's behaviour for each program in tests/programs/.

    scripts/expect_programs.py [NAME...]

Runs `python3 NAME.py` (from tests/programs/, stdin closed) and writes NAME.out (stdout),
NAME.code (exit status) and NAME.err_last (last non-empty stderr line) — the same files
shared/examples/ holds, so one checker serves both.
"""
import os
import subprocess
import sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "programs")


def main():
    names = sys.argv[1:] or sorted(n[:-3] for n in os.listdir(HERE) if n.endswith(".py"))
    for name in names:
        p = subprocess.run([sys.executable, "-I", name + ".py"], cwd=HERE, capture_output=True,
                           stdin=subprocess.DEVNULL, timeout=120)
        lines = [l for l in p.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
        base = os.path.join(HERE, name)
        with open(base + ".out", "wb") as f:
            f.write(p.stdout)
        with open(base + ".code", "w") as f:
            f.write(f"{p.returncode}\n")
        with open(base + ".err_last", "w", encoding="utf-8") as f:
            f.write((lines[-1] if lines else "") + "\n")
    print(f"{len(names)} programs recorded")


if __name__ == "__main__":
    sys.exit(main())
