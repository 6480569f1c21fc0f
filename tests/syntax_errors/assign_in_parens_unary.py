n = (size=+rows-1) // rows
