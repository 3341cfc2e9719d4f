# sys.stdin (here at EOF: the conformance runner gives /dev/null), sys.stdout.buffer and
# sys.stderr.buffer for bytes, sys.getrefcount, sys.getsizeof (CPython 3.11's 64-bit sizes),
# _thread.stack_size.
import sys
import _thread
import threading

print(repr(sys.stdin.readline()), repr(sys.stdin.read()), list(sys.stdin))
sys.stdout.write("text, then bytes\n")
sys.stdout.flush()
print(sys.stdout.buffer.write(b"raw bytes \xe2\x9c\x93\n"))
sys.stdout.buffer.flush()
sys.stderr.buffer.write(b"")

fresh = []
alias = fresh
print(sys.getrefcount(fresh) >= 2, sys.getrefcount(fresh) > sys.getrefcount([]))

print([sys.getsizeof(v) for v in [0, 1, 2**30, 2**60, -5, True, 1.5, None]])
print([sys.getsizeof(v) for v in ["", "a", "ascii text", "é", "€uro", "𝄞", b"", b"ab", (), (1, 2)]])
print([sys.getsizeof(v) for v in [[], [1], {}, {1: 2}, {"a": 1}, set(), {1}, object()]])
print([sys.getsizeof({i: i for i in range(n)}) for n in (5, 6, 11, 22, 43, 100, 300)])
print([sys.getsizeof({str(i): i for i in range(n)}) for n in (1, 6, 30)])
print([sys.getsizeof(set(range(n))) for n in (4, 5, 19, 100)])

print(_thread.stack_size(), threading.stack_size(64 * 1024), threading.stack_size(), _thread.stack_size(0))
try:
    _thread.stack_size(100)
except ValueError as e:
    print("ValueError:", e)
