try:
    pass
except AttributeError,:
    pass
