# ascii(): repr with every non-ASCII character escaped by its code point.
print(ascii("plain"), ascii("é"), ascii("€ and 😀"), ascii(["ü", 1, ("ß",)]), ascii({"ключ": "значение"}))
print(ascii(b"bytes\xff"), ascii(3.5), ascii(None), ascii("tab\there"), ascii("\x00\u200b"))


class Named:
    def __repr__(self):
        return "Named(ñ)"


print(ascii(Named()))
