# common class patterns: methods calling methods, default args, containers of instances
class Stack:
    def __init__(self, items=None):
        self.items = list(items) if items else []
    def push(self, x):
        self.items.append(x)
        return self
    def pop(self):
        if self.is_empty():
            raise IndexError("pop from empty stack")
        return self.items.pop()
    def is_empty(self):
        return len(self.items) == 0
    def __len__(self):
        return len(self.items)
    def __repr__(self):
        return "Stack(" + repr(self.items) + ")"
s = Stack().push(1).push(2).push(3)
print(s, len(s), s.pop(), s)
t = Stack([9])
print(t, s.items is t.items)
try:
    Stack().pop()
except IndexError as e:
    print("error:", e)
class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.nxt = nxt
def build(vals):
    head = None
    for v in reversed(vals):
        head = Node(v, head)
    return head
def to_list(node):
    out = []
    while node is not None:
        out.append(node.val)
        node = node.nxt
    return out
print(to_list(build([1, 2, 3, 4])))
