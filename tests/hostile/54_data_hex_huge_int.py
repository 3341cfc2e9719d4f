# hex of a million-digit int finishes quickly, as CPython.
# hostile-exit: 0
# hostile-stdout: 0x

x = 10 ** (10 ** 6)
print(hex(x)[:2])
