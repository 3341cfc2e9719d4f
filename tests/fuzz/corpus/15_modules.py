import sys
import time
print(sys.argv[:0], sys.getrecursionlimit() > 0, type(time.time()).__name__)
sys.setrecursionlimit(100)
if __name__ == "__main__":
    try:
        sys.exit(3)
    except SystemExit as e:
        print("exit", e.code if hasattr(e, "code") else e.args)
x = 5
del x
try:
    x
except NameError:
    print("deleted")
