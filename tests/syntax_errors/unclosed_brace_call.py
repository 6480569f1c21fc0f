print({'a': 1)
