#!/usr/bin/env python3
"""Compare `baton --check` with CPython's compiler on every .py file under some folders.

    scripts/compare_check.py [--baton target/release/baton] [-j JOBS] DIR_OR_FILE...

For each file CPython's verdict is taken with compile() in this process (nothing is run): accepted,
or the last line CPython would print ("SyntaxError: expected ':'"). Baton must accept the same files
and reject the others with the same last stderr line. Baton's NotImplementedError for a feature it
does not support is counted apart. Prints each mismatch, then `N passed, M failed`.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import warnings


def cpython_verdict(path):
    data = open(path, "rb").read()
    if b"\0" in data:
        return "SyntaxError: source code cannot contain null bytes"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(data, path, "exec")
    except SyntaxError as e:
        if e.msg.startswith(("(unicode error)", "encoding problem", "unknown encoding")):
            return file_run_verdict(path)
        return f"{type(e).__name__}: {e.msg}"
    except (RecursionError, MemoryError, ValueError) as e:
        return f"{type(e).__name__}: {e}"
    return ""


def file_run_verdict(path):
    """The last stderr line of `python3 FILE`: it words decoding errors unlike compile().
    Only called for files compile() rejected, so nothing runs."""
    p = subprocess.run([sys.executable, "-I", path], capture_output=True)
    lines = [l for l in p.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    return lines[-1] if lines else ""


def baton_verdict(baton, path):
    p = subprocess.run([baton, "--check", path], capture_output=True, env={**os.environ, "NO_COLOR": "1"})
    lines = [l for l in p.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    if p.returncode == 0:
        return ""
    return lines[-1] if lines else f"exit {p.returncode} with no message"


def files_under(roots):
    for root in roots:
        if os.path.isfile(root):
            yield root
            continue
        for d, _, names in os.walk(root):
            for n in sorted(names):
                if n.endswith(".py"):
                    yield os.path.join(d, n)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baton", default="target/release/baton")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("roots", nargs="+")
    args = ap.parse_args()
    paths = list(files_under(args.roots))
    passed = failed = unsupported = 0
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        results = pool.map(lambda p: (p, baton_verdict(args.baton, p)), paths)
        for path, got in results:
            want = cpython_verdict(path)
            if got == want:
                passed += 1
            elif got.startswith("NotImplementedError") and not want:
                unsupported += 1
                print(f"UNSUPPORTED {path}: {got}")
            else:
                failed += 1
                print(f"FAIL {path}\n   want: {want or 'accepted'}\n    got: {got or 'accepted'}")
    print(f"{unsupported} unsupported")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
