x = 'q' if a - b <def 5 else 'b'
