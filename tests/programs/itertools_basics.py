# itertools: the infinite, terminating and combinatoric iterators, and groupby's shared groups.
import itertools as it
from itertools import count, islice, groupby, chain
print(list(islice(count(5, 2), 4)), list(islice("abcdefg", 2, None, 2)), list(islice(range(10), 3, 8)))
print(list(islice(it.cycle("ab"), 5)), list(it.repeat("x", 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(chain("ab", [1, 2])), list(chain.from_iterable(["xy", "z"])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(None, [0, 1, "", "a"])), list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.pairwise("abcd")))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), list(it.zip_longest("ab", "xyz", fillvalue="-")))
print([(k, list(g)) for k, g in groupby("aaabbcaa")])
print([(k, len(list(g))) for k, g in groupby(sorted(["apple", "avocado", "banana", "cherry"]), key=lambda w: w[0])])
groups = list(groupby("aabb"))
print([(k, list(g)) for k, g in groups])
print(list(it.product("ab", repeat=2)), list(it.product([1, 2], "xy")))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(4)))))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)))
try:
    it.islice([], -1)
except ValueError as e:
    print(e)
