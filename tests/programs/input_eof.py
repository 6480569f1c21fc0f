print("asking")
try:
    answer = input("name? ")
except EOFError:
    print("no input available")
name = input()
