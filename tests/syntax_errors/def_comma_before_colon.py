def task(name),:
    pass
