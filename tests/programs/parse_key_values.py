text = "host=localhost; port=8080 ;debug = true; ratio=0.75; name= baton ;empty="
settings = {}
for part in text.split(";"):
    if "=" not in part:
        continue
    key, _, value = part.partition("=")
    key, value = key.strip(), value.strip()
    if value.isdigit():
        value = int(value)
    elif value in ("true", "false"):
        value = value == "true"
    else:
        try:
            value = float(value)
        except ValueError:
            pass
    settings[key] = value
for k, v in settings.items():
    print(f"{k!r:>8}: {v!r} ({type(v).__name__})")
print(settings.get("port", 0) + 1, settings["debug"] and "on")
