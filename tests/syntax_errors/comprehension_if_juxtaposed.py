x = [str(i) for i, bp in y
     if bp is notdef None]
