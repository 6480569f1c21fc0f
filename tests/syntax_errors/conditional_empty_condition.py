print('x' if )
