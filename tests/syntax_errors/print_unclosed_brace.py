def f():
    print{('done')
    return 1
