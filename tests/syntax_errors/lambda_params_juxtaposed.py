f = g(lambda x x: x)
