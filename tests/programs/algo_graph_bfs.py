graph = {
    "a": ["b", "c"],
    "b": ["d"],
    "c": ["d", "e"],
    "d": ["f"],
    "e": ["f"],
    "f": [],
}

def bfs(start):
    seen = [start]
    queue = [start]
    dist = {start: 0}
    while queue:
        node = queue.pop(0)
        for nxt in graph[node]:
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                seen.append(nxt)
                queue.append(nxt)
    return seen, dist

def dfs(node, visited=None):
    if visited is None:
        visited = []
    visited.append(node)
    for nxt in graph[node]:
        if nxt not in visited:
            dfs(nxt, visited)
    return visited

print(bfs("a"))
print(dfs("a"))
print(bfs("c")[1])
