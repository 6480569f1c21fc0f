class ConfigError(Exception):
    def __init__(self, field):
        super().__init__(f"invalid field {field!r}")


def load():
    raise ConfigError("port")


load()
