x = 1
"    print("Hello, Async!")
