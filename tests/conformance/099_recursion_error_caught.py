# unbounded recursion raises RecursionError, which can be caught
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught RecursionError:", type(e).__name__, isinstance(e, RuntimeError))
depth = 0
def measure():
    global depth
    depth += 1
    measure()
sys.setrecursionlimit(200)
try:
    measure()
except RecursionError:
    print("depth in a sane range:", 50 < depth <= 200)
sys.setrecursionlimit(1000)
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(300))
