def fetch(url url):
    pass
