# itertools for Baton: the iterator building blocks, as generators giving what CPython 3.11's
# give, in the same order (written from the module's documentation).


def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    for _ in range(times):
        yield obj


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


def chain(*iterables):
    for it in iterables:
        yield from it


def _chain_from_iterable(iterables):
    for it in iterables:
        yield from it


chain.from_iterable = _chain_from_iterable


def compress(data, selectors):
    return (d for d, s in zip(data, selectors) if s)


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


def takewhile(predicate, iterable):
    for x in iterable:
        if not predicate(x):
            return
        yield x


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    return (x for x in iterable if not predicate(x))


def starmap(function, iterable):
    return (function(*args) for args in iterable)


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def _islice_index(value, what):
    if value is None:
        return None
    if not isinstance(value, int) or value < 0:
        raise ValueError(f"{what} argument for islice() must be None or an integer: "
                         f"0 <= x <= sys.maxsize.")
    return value


def islice(iterable, *args):
    if not 1 <= len(args) <= 3:
        raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
    if len(args) == 1:
        start, stop, step = 0, _islice_index(args[0], "Stop"), 1
    else:
        start = _islice_index(args[0], "Indices") or 0
        stop = _islice_index(args[1], "Stop")
        step = 1 if len(args) < 3 or args[2] is None else args[2]
        if not isinstance(step, int) or step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    following = start
    for i, element in enumerate(it):
        if stop is not None and i >= stop:
            return
        if i == following:
            yield element
            following += step


def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    buffers = [[] for _ in range(n)]

    def branch(mine):
        while True:
            if not mine:
                try:
                    value = next(it)
                except StopIteration:
                    return
                for b in buffers:
                    b.append(value)
            yield mine.pop(0)

    return tuple(branch(b) for b in buffers)


def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def groupby(iterable, key=None):
    keyfunc = (lambda x: x) if key is None else key
    state = _GroupState(iter(iterable), keyfunc)
    while state.advance_to_next_group():
        state.group_key = state.key
        yield state.group_key, state.group(state.group_key, state.new_group())


class _GroupState:
    # The one iterator groupby and its groups share: `value`/`key` is the element read ahead.
    def __init__(self, it, keyfunc):
        self.it = it
        self.keyfunc = keyfunc
        self.has_value = False
        self.done = False
        self.group_key = None
        self.started = False
        self.current = None

    def new_group(self):
        # A group once passed is empty: only the current one reads the shared iterator.
        self.current = object()
        return self.current

    def read(self):
        try:
            self.value = next(self.it)
        except StopIteration:
            self.done = True
            self.has_value = False
            return False
        self.key = self.keyfunc(self.value)
        self.has_value = True
        return True

    def advance_to_next_group(self):
        if not self.started:
            self.started = True
            return self.read()
        while self.has_value and self.key == self.group_key:
            self.read()
        return self.has_value

    def group(self, group_key, token):
        while self.current is token and self.has_value and self.key == group_key:
            value = self.value
            self.read()
            yield value


def product(*iterables, repeat=1):
    pools = [tuple(pool) for pool in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    for indices in product(range(n), repeat=r):
        if len(set(indices)) == r:
            yield tuple(pool[i] for i in indices)


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return
    for indices in permutations(range(n), r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    for indices in product(range(n), repeat=r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)
