# random for Baton: the Mersenne Twister (MT19937) seeded as CPython seeds it, so a seeded
# program draws the same numbers as under CPython 3.11, and the functions built on it (random,
# getrandbits, randrange, randint, choice, shuffle, uniform, sample). Written for Baton from the
# published algorithm and CPython's documented behaviour.

import time

_N = 624
_M = 397


class Random:
    def __init__(self, x=None):
        self._mt = [0] * _N
        self._index = _N
        self.seed(x)

    def _init_genrand(self, s):
        mt = self._mt
        mt[0] = s & 0xffffffff
        for i in range(1, _N):
            mt[i] = (1812433253 * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i) & 0xffffffff
        self._index = _N

    def _init_by_array(self, key):
        self._init_genrand(19650218)
        mt = self._mt
        i, j = 1, 0
        k = _N if _N > len(key) else len(key)
        while k:
            mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525)) + key[j] + j) & 0xffffffff
            i += 1
            j += 1
            if i >= _N:
                mt[0] = mt[_N - 1]
                i = 1
            if j >= len(key):
                j = 0
            k -= 1
        k = _N - 1
        while k:
            mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941)) - i) & 0xffffffff
            i += 1
            if i >= _N:
                mt[0] = mt[_N - 1]
                i = 1
            k -= 1
        mt[0] = 0x80000000
        self._index = _N

    def seed(self, a=None):
        if a is None:
            a = int(time.time() * 1000003) ^ id(self)
        if isinstance(a, float):
            a = hash(a)
        if isinstance(a, str):
            a = hash(a)
        a = abs(int(a))
        key = []
        while a:
            key.append(a & 0xffffffff)
            a >>= 32
        if not key:
            key = [0]
        self._init_by_array(key)

    def _next(self):
        mt = self._mt
        if self._index >= _N:
            for i in range(_N):
                y = (mt[i] & 0x80000000) | (mt[(i + 1) % _N] & 0x7fffffff)
                v = mt[(i + _M) % _N] ^ (y >> 1)
                if y & 1:
                    v ^= 0x9908b0df
                mt[i] = v
            self._index = 0
        y = mt[self._index]
        self._index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        y ^= y >> 18
        return y

    def random(self):
        a = self._next() >> 5
        b = self._next() >> 6
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k):
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        if k <= 32:
            return self._next() >> (32 - k)
        result = 0
        shift = 0
        while k > 0:
            r = self._next()
            if k < 32:
                r >>= 32 - k
            result |= r << shift
            shift += 32
            k -= 32
        return result

    def _randbelow(self, n):
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            if start > 0:
                return self._randbelow(start)
            raise ValueError("empty range for randrange()")
        width = stop - start
        if step == 1:
            if width > 0:
                return start + self._randbelow(width)
            raise ValueError(f"empty range for randrange() ({start}, {stop}, {width})")
        if step > 0:
            n = (width + step - 1) // step
        elif step < 0:
            n = (width + step + 1) // step
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return start + step * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        for i in reversed(range(1, len(x))):
            j = self._randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def sample(self, population, k):
        population = list(population)
        n = len(population)
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        setsize = 21
        if k > 5:
            setsize += 4 ** _ceil_log(k * 3, 4)
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = self._randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            for i in range(k):
                j = self._randbelow(n)
                while j in selected:
                    j = self._randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result


def _ceil_log(x, base):
    # ceil(log(x, base)) for the sizes sample() uses.
    power, n = 1, 0
    while power < x:
        power *= base
        n += 1
    return n


_inst = Random()
seed = _inst.seed
random = _inst.random
getrandbits = _inst.getrandbits
randrange = _inst.randrange
randint = _inst.randint
choice = _inst.choice
shuffle = _inst.shuffle
uniform = _inst.uniform
sample = _inst.sample
