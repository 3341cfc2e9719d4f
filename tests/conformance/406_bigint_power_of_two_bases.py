# hex, oct, bin and format(x, 'x'/'o'/'b'/'X') of huge ints convert in linear time (issue 15:
# hex(10**(10**6)) did not finish) and are never subject to the decimal digit limit.
x = 10 ** (10**6)
h = hex(x)
print(len(h), h[:12], h[-8:])
print(len(oct(x)), oct(x)[:10], len(bin(x)), bin(x)[:12])
print(len(format(x, "x")), len(format(x, "#X")), format(x, "X")[:8])
print(len(format(-x, "b")), len("%x" % x), len(f"{x:o}"), len("%#o" % -x))
# Round trips through the power-of-two bases are exact and unlimited.
print(int(h, 16) == x, int(oct(x), 8) == x, int(bin(x)[2:], 2) == x)
# Small and edge values.
for v in (0, 1, -1, 255, -256, 2**63 - 1, 2**63, -(2**64), 2**64 + 1, 2**127, 2**128 - 1, 7**77):
    print(hex(v), oct(v), bin(v)[:40], format(v, "#x"), format(v, "08b")[:20], "%X" % v)
print(format(2**200, "_x"), format(2**70, "#_b"), format(-(2**90), "+#o"))
