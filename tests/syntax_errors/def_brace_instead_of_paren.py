def main{():
    pass
