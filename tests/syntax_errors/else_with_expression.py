if a:
    pass
else x:
    pass
