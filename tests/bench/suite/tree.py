# tree: a binary search tree of Node objects: insertion and lookup by walking links, an in-order
# walk both recursive and as a recursive generator (yield from), deletion-free updates, lookups of
# missing keys handled with try/except KeyError, and getattr(obj, name, default). Pointer-chasing
# through small objects is the core of many data-structure-heavy programs.
# Usage: tree.py [SIZE]   (SIZE: integer scale factor, default 1; 0 is a quick smoke size)
import sys


class Node:
    def __init__(self, key, value):
        self.key = key
        self.value = value
        self.left = None
        self.right = None


class Tree:
    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key, value):
        node = self.root
        if node is None:
            self.root = Node(key, value)
            self.size = 1
            return
        while True:
            if key < node.key:
                if node.left is None:
                    node.left = Node(key, value)
                    break
                node = node.left
            elif key > node.key:
                if node.right is None:
                    node.right = Node(key, value)
                    break
                node = node.right
            else:
                node.value = value
                return
        self.size += 1

    def __getitem__(self, key):
        node = self.root
        while node is not None:
            if key < node.key:
                node = node.left
            elif key > node.key:
                node = node.right
            else:
                return node.value
        raise KeyError(key)

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def __len__(self):
        return self.size

    def keys_recursive(self):
        out = []
        _collect(self.root, out)
        return out

    def items(self):
        return _walk(self.root)

    def height(self):
        return _height(self.root)


def _collect(node, out):
    if node is not None:
        _collect(node.left, out)
        out.append(node.key)
        _collect(node.right, out)


def _walk(node):
    if node is not None:
        yield from _walk(node.left)
        yield node.key, node.value
        yield from _walk(node.right)


def _height(node):
    if node is None:
        return 0
    return 1 + max(_height(node.left), _height(node.right))


class Tagged(Node):
    def __init__(self, key, value, tag):
        super().__init__(key, value)
        self.tag = tag


def run(n, rounds):
    total_hits = 0
    total_missing = 0
    check = 0
    for r in range(rounds):
        t = Tree()
        x = r + 1
        for i in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            t.insert(x % (4 * n), i)
        hits = 0
        missing = 0
        for k in range(0, 4 * n, 3):
            try:
                hits += t[k] & 1
            except KeyError:
                missing += 1
        if 17 in t:
            hits += 1
        keys = t.keys_recursive()
        walked = 0
        for k, v in t.items():
            walked = (walked * 31 + k + v) % 1000000007
        tags = 0
        t.root.left = Tagged(-1, 0, "neg") if t.root.left is None else t.root.left
        node = t.root
        while node is not None:
            tags += len(getattr(node, "tag", "")) + 1
            node = node.left
        total_hits += hits
        total_missing += missing
        check = (check * 7 + walked + len(keys) + t.height() + tags + (keys == sorted(keys))) % 1000000007
    return total_hits, total_missing, check


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    rounds = 60 * size if size > 0 else 1
    hits, missing, check = run(4000, rounds)
    print("tree", hits, missing, check)


main()
