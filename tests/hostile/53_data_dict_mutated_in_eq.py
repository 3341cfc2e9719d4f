# A key whose __eq__ clears the dict during a lookup.
# hostile-exit: 0
# hostile-stdout: done

class K:
    def __init__(self, d): self.d = d
    def __hash__(self): return 1
    def __eq__(self, other):
        self.d.clear()
        return False
d = {}
for i in range(10):
    d[K(d)] = i
print('done')
