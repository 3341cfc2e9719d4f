# type(x).__name__ for many kinds of values
import sys
class K:
    def m(self):
        pass
def f():
    pass
values = [None, True, 1, 2 ** 100, 1.5, "s", b"b", [], (), {}, set(), range(3),
          f, lambda: 0, K, K(), K().m, ValueError("x"), sys]
for v in values:
    print(type(v).__name__)
print(K.__name__, f.__name__, ValueError.__name__, type(K()).__name__)
