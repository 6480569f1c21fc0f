def box(width, height, depth=1):
    return width * height * depth


print(box(height=2, width=3))
box(depth=2)
