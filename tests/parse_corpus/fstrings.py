"""f-strings: conversions, nested specs, the = specifier, nesting of quotes, escapes."""
name = "Baton"
width, precision = 10, 3
value = 3.14159
items = {"a": 1, "b": [2, 3]}
print(f"{name}")
print(f"{name!r} {name!s} {name!a}")
print(f"[{name:>{width}}] [{name:<{width}}] [{name:^{width}}]")
print(f"{value:{width}.{precision}f}|{value:.2e}|{value:g}")
print(f"{value=} {width = } {name=!s} {value=:.1f}")
print(f"{items['a']} {items['b'][1]} {len(items)}")
print(f'{"nested " + f"{name!r}"}')
print(f"{{literal}} {{{name}}}")
print(f"tab\tdone", "\N{BULLET}", "\x41\u00e9\101")
print(F"upper {name.upper()}", rf"raw \{name}", fr"\d{width}")
print(f"{1 + 2} {[i * i for i in range(3)]} {(lambda v: v * 2)(4)}")
print(f"{width:#x} {width:08b} {1234567:,} {0.25:%}")
print(f"""multi
line {name}
""")
print("%s has %d chars" % (name, len(name)), "{0}-{1}".format(1, 2))
