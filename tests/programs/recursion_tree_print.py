tree = ("root", [("a", [("a1", []), ("a2", [("a2x", [])])]), ("b", []), ("c", [("c1", [])])])

def show(node, prefix="", last=True):
    name, children = node
    print(prefix + ("└── " if last else "├── ") + name)
    prefix += "    " if last else "│   "
    for i, child in enumerate(children):
        show(child, prefix, i == len(children) - 1)

show(tree)
def count(node):
    return 1 + sum(count(c) for c in node[1])
def depth(node):
    return 1 + max((depth(c) for c in node[1]), default=0)
def leaves(node):
    if not node[1]:
        return [node[0]]
    return [l for c in node[1] for l in leaves(c)]
print(count(tree), depth(tree), leaves(tree))
