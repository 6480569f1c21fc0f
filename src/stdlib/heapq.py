# `heapq`: a binary min-heap kept in a list, with the same layout of items as CPython's module
# (the order of a heap's list shows when it is printed). Written for Baton from the documented
# behaviour of CPython 3.11's heapq.

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge', 'nlargest', 'nsmallest',
           'heappushpop']


def _sift_toward_root(heap, root, pos):
    # The item at `pos` moves up while it is smaller than its parent.
    item = heap[pos]
    while pos > root:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if not item < parent:
            break
        heap[pos] = parent
        pos = parent_pos
    heap[pos] = item


def _sift_toward_leaves(heap, pos):
    # The hole at `pos` goes down to a leaf along the smaller children, then the item that was
    # there moves back up to its place (fewer comparisons than stopping on the way down).
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root(heap, start, pos)


def heappush(heap, item):
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def heappop(heap):
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _sift_toward_leaves(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    smallest = heap[0]
    heap[0] = item
    _sift_toward_leaves(heap, 0)
    return smallest


def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_toward_leaves(heap, 0)
    return item


def heapify(x):
    for i in reversed(range(len(x) // 2)):
        _sift_toward_leaves(x, i)


def nsmallest(n, iterable, key=None):
    return sorted(iterable, key=key)[:max(n, 0)]


def nlargest(n, iterable, key=None):
    return sorted(iterable, key=key, reverse=True)[:max(n, 0)]


def merge(*iterables, key=None, reverse=False):
    # Lazily, the next item of whichever input has the smallest (largest when `reverse`)
    # one; among equals the earliest input's, so the merge is stable.
    heads = []
    for it in map(iter, iterables):
        for value in it:
            heads.append([value, it])
            break
    while heads:
        best = 0
        best_key = heads[0][0] if key is None else key(heads[0][0])
        for i in range(1, len(heads)):
            k = heads[i][0] if key is None else key(heads[i][0])
            if (best_key < k) if reverse else (k < best_key):
                best, best_key = i, k
        head = heads[best]
        yield head[0]
        for value in head[1]:
            head[0] = value
            break
        else:
            del heads[best]
