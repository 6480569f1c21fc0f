x = 32 if a == 1: else 64
