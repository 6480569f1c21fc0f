def helper(x):
    return x * 2

def main():
    print("name is", __name__)
    print(helper(21))

if __name__ == "__main__":
    main()
else:
    print("imported")
