samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\tnew\nline", "back\\slash", "\x00\x7f", "é ü ☃", "\u200b", ""]
for s in samples:
    print(repr(s), len(s))
print("a\\nb", r"raw\n", "\101\x42\u0043", "\N{GREEK SMALL LETTER ALPHA}")
print(repr(["x", 'y"', "z'"]), str(["é"]), repr(("\n",)))
multi = """line one
    indented "quoted" 'single'
end"""
print(multi)
print(repr(multi))
