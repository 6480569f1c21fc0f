a a = f()
