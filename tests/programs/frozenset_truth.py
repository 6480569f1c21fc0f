print(bool(frozenset()), not frozenset(), bool(frozenset([0])), [x for x in (frozenset(), set(), frozenset("a")) if x])
