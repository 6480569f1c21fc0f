def f():
    {loop = get_loop()
    # comment
    return loop
