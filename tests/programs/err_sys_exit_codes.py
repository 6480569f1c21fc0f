import sys

def main():
    print("starting")
    try:
        sys.exit(3)
    except SystemExit as e:
        print("intercepted", e.code)
    print("exiting for real")
    sys.exit("fatal: giving up")

main()
