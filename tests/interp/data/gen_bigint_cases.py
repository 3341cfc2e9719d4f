#!/usr/bin/env python3
"""Generates bigint_cases.txt for tests/interp/bigint_test.cpp.

Every expected value is what CPython computes. Run with python3 (3.11+) from this directory:
    python3 gen_bigint_cases.py > bigint_cases.txt

Format: one case per line, tab-separated: op, the operands, then the expected result(s).
Integers are decimal unless written with a 0x prefix. An expected value starting with '!' names
the Python exception the operation must raise. Lines starting with '#' are comments.
"""
import random
import sys

rng = random.Random(20240611)

P = [2**63, 2**64, 2**127, 2**128]
SPECIAL = [0, 1, -1, 2, -2, 3, 7, 10, 255, 256, -256, 2**31, 2**32, 2**53, 2**53 + 1]
for p in P:
    SPECIAL += [p - 1, p, p + 1, -p + 1, -p, -p - 1]
SPECIAL += [10**300 + 7, -(10**300) - 11, int("9" * 300), 3**600]


def rand_int(bits_max=700):
    kind = rng.randrange(6)
    if kind == 0:
        return rng.choice(SPECIAL)
    if kind == 1:
        v = rng.getrandbits(rng.randrange(1, 64))
    elif kind == 2:
        v = rng.getrandbits(rng.randrange(60, 70))
    elif kind == 3:
        v = rng.getrandbits(rng.randrange(120, 140))
    elif kind == 4:
        v = rng.randrange(10**299, 10**300)
    else:
        v = rng.getrandbits(rng.randrange(1, bits_max))
    return -v if rng.random() < 0.4 else v


def rand_pair():
    return rand_int(), rand_int()


out = []


def emit(*fields):
    out.append("\t".join(str(f) for f in fields))


def err(fn):
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - we record the exception type
        return "!" + type(e).__name__


# Binary arithmetic.
pairs = [(a, b) for a in SPECIAL for b in SPECIAL[::5]] + [rand_pair() for _ in range(120)]
for a, b in pairs:
    emit("add", a, b, a + b)
    emit("sub", a, b, a - b)
    emit("mul", a, b, a * b)
    emit("cmp", a, b, (a > b) - (a < b))
    emit("and", a, b, a & b)
    emit("or", a, b, a | b)
    emit("xor", a, b, a ^ b)
    if b != 0:
        q, r = divmod(a, b)
        emit("divmod", a, b, q, r)
# Division edge cases, including the single machine-word overflow and division by zero.
for a, b in [(-(2**63), -1), (-(2**63), 1), (2**63, -1), (7, -2), (-7, 2), (-7, -2), (7, 2),
             (-1, 2**70), (1, -(2**70)), (-(2**70), 3), (2**70, -3), (0, -5), (5, 2**64),
             (-(2**64), 2**64), (-(2**64) + 1, 2**64), (-(2**128), -(2**64))]:
    q, r = divmod(a, b)
    emit("divmod", a, b, q, r)
for a in [0, 5, -5, 2**64, -(2**100)]:
    emit("floordiv", a, 0, "!ZeroDivisionError")
    emit("mod", a, 0, "!ZeroDivisionError")
# Big dividends with small divisors (the single-limb remainder path).
for _ in range(60):
    a = rand_int()
    b = rng.choice([1, 2, 3, 7, 10, 10000000, 2**61 - 1, 2**63 - 1, -3, -10000000])
    q, r = divmod(a, b)
    emit("divmod", a, b, q, r)

# Unary.
for a in SPECIAL + [rand_int() for _ in range(60)]:
    emit("neg", a, -a)
    emit("invert", a, ~a)

# Powers with small exponents.
for _ in range(80):
    a = rand_int(300)
    b = rng.randrange(0, 12)
    emit("pow", a, b, a**b)
for a, b in [(2, 0), (0, 0), (0, 5), (1, 10**6), (-1, 10**6 + 1), (-1, 2**70), (2, 62), (2, 63),
             (2, 64), (-2, 63), (-2, 64), (3, 40), (3, 41), (10, 300), (2, 1000), (-(2**63), 2),
             (7, 200), (-3, 333), (2**64, 3)]:
    emit("pow", a, b, a**b)

# Modular exponentiation, including negative exponents (modular inverses) and negative moduli.
for _ in range(80):
    a = rand_int(400)
    b = rng.randrange(0, 2000) if rng.random() < 0.8 else rand_int(300)
    b = abs(b) if rng.random() < 0.7 else -abs(b)
    m = rand_int(400)
    if m == 0:
        m = 97
    emit("powmod", a, b, m, err(lambda: pow(a, b, m)))
for a, b, m in [(3, -1, 7), (3, -1, -7), (-3, -1, 7), (2, -1, 4), (0, -1, 1), (5, 3, 1), (5, 3, -1),
                (5, 0, 1), (5, 0, 7), (0, 0, 7), (2, 10, 0), (2**100, -1, 2**127 - 1),
                (12345678901234567890, -3, 10**20 + 39), (4, -2, 9), (6, -1, 9), (3, 2, -5),
                (-2, 3, 5), (-2, 3, -5), (2**64, 2**64, 2**61 - 1)]:
    emit("powmod", a, b, m, err(lambda: pow(a, b, m)))

# Shifts.
for _ in range(80):
    a = rand_int(400)
    b = rng.randrange(0, 300)
    emit("lshift", a, b, a << b)
    emit("rshift", a, b, a >> b)
for a in [1, -1, 3, -3, 2**63 - 1, -(2**63), 2**64, -(2**64), -(2**64) - 1, 0]:
    for b in [0, 1, 62, 63, 64, 65, 127, 128, 129, 200]:
        emit("lshift", a, b, a << b)
        emit("rshift", a, b, a >> b)
    emit("rshift", a, 2**70, a >> 2**70)
    emit("lshift", a, -1, "!ValueError")
    emit("rshift", a, -1, "!ValueError")
emit("lshift", 0, 2**70, 0)

# Conversion to text: str() of values given in hex, and hex()/oct()/bin().
for a in SPECIAL + [rand_int() for _ in range(40)]:
    emit("str", hex(a), str(a))
    emit("hex", a, hex(a))
    emit("oct", a, oct(a))
    emit("bin", a, bin(a))

# hash(): CPython's modular hash (modulus 2**61 - 1, -1 maps to -2).
for a in SPECIAL + [2**61 - 1, 2**61, 2**61 - 2, -(2**61) + 1, -(2**61) + 2, 2**122 - 1,
                    (2**61 - 1) * 5 - 1, -((2**61 - 1) * 5 - 1), (2**61 - 1) * 12345 + 1,
                    -((2**61 - 1) * 12345 + 1)] + [rand_int() for _ in range(60)]:
    emit("hash", a, hash(a))

# True division (correctly rounded) and float().
def frepr(fn):
    r = err(fn)
    return r if isinstance(r, str) else repr(r)

td = [(1, 3), (-1, 3), (2**53 + 1, 1), (2**53 + 3, 1), ((2**53 + 1) * 2**20 + 1, 2**20),
      (-((2**53 + 1) * 2**20 + 1), 2**20), ((2**53 + 1) * 2**80 + 1, 2**80),
      (10**300, 3), (10**400, 10**100), (2**2000, 2**1990), (10**400, 1), (-(10**400), 7),
      (1, 10**310), (3, 2**1080), (1, 10**400), (10**400, 10**399 + 1), (5, 0), (10**30, 0),
      (2**1024 - 2**970, 1), (2**1024 - 2**971, 1), (0, 10**500), (2**64, 2**64 + 1),
      (int("9" * 300), int("3" * 299)), (1, 2**1074), (1, 2**1075), (3, 2**1076)]
for _ in range(60):
    a, b = rand_pair()
    td.append((a, b))
for a, b in td:
    emit("truediv", a, b, frepr(lambda: a / b))
for a in [2**53 + 1, 2**53 + 3, -(2**53) - 1, 2**64 - 1, 2**1024 - 2**970, 2**1024 - 2**971,
          2**1024, 10**308, 10**309, (2**53 + 1) * 2**100 + 1] + [rand_int() for _ in range(40)]:
    emit("float", a, frepr(lambda: float(a)))

# int(text, base): underscores, prefixes, signs, surrounding spaces, invalid text.
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(v, base):
    if v == 0:
        return "0"
    s = ""
    n = abs(v)
    while n:
        s = DIGITS[n % base] + s
        n //= base
    return ("-" if v < 0 else "") + s


def add_underscores(s):
    if len(s) < 2 or rng.random() < 0.5:
        return s
    chars = list(s)
    for i in range(len(chars) - 1, 0, -1):
        if rng.random() < 0.2:
            chars.insert(i, "_")
    return "".join(chars)


for _ in range(150):
    base = rng.choice([0, 2, 3, 7, 8, 10, 16, 36])
    v = rand_int(500)
    digit_base = base if base else rng.choice([2, 8, 10, 16])
    body = add_underscores(to_base(abs(v), digit_base))
    if rng.random() < 0.3:
        body = body.upper()
    prefix = ""
    if digit_base in (2, 8, 16) and (base == 0 or rng.random() < 0.5):
        prefix = {2: "0b", 8: "0o", 16: "0x"}[digit_base]
        if rng.random() < 0.3:
            prefix = prefix.upper()
        if rng.random() < 0.3:
            prefix += "_"
    sign = "-" if v < 0 else rng.choice(["", "", "+"])
    text = sign + prefix + body
    if rng.random() < 0.2:
        text = " " * rng.randrange(1, 3) + text + " " * rng.randrange(0, 3)
    emit("parse", base, text, err(lambda: int(text, base)))
for base, text in [(10, "0"), (10, "-0"), (10, "+7"), (10, "  42  "), (10, "1_000_000"),
                   (10, "1__0"), (10, "_1"), (10, "1_"), (10, ""), (10, " "), (10, "+"), (10, "-"),
                   (10, "- 1"), (10, "12a"), (10, "1.5"), (10, "0x10"), (16, "0x10"), (16, "0X_f"),
                   (16, "0x"), (16, "0x_"), (16, "0b1"), (2, "0b1"), (2, "0b"), (2, "0b_1_0"),
                   (2, "2"), (8, "0o17"), (8, "0o8"), (8, "17"), (0, "010"), (0, "000"), (0, "0_0"),
                   (0, "00_0"), (0, "0_1"), (0, "0x1F"), (0, "0o17"), (0, "0b101"), (0, "-0b101"),
                   (0, "0b"), (0, "1_2_3"), (0, "0"), (0, "9223372036854775807"),
                   (0, "-9223372036854775808"), (10, "9223372036854775808"),
                   (10, "-9223372036854775809"), (16, "ffffffffffffffff"),
                   (16, "-8000000000000000"), (36, "zz"), (36, "ZZ"), (36, "0x1"), (35, "z"),
                   (10, "1" * 4300), (10, "1" * 4301), (10, "1_" * 4300 + "1"),
                   (10, "0" * 4400 + "1"), (3, "1" * 5000), (16, "f" * 5000),
                   (10, "1 2")]:
    r = err(lambda: int(text, base))
    if isinstance(r, int) and r.bit_length() > 1400:
        r = hex(r)  # past the decimal str limit: stored (and checked) in hex
    emit("parse", base, text, r)

# The seed recurrence (a cpu-bound workload's inner loop).
result = 1
for i in range(200):
    result = (result * result * i + 2 * result * i * i + 3) % 10000000
    emit("seed", i, result)
# The same recurrence with a modulus past 64 bits.
M = 10**30 + 57
result = 1
for i in range(200):
    result = (result * result * i + 2 * result * i * i + 3) % M
    emit("seedbig", i, result)

print("# Generated by gen_bigint_cases.py (CPython %s); do not edit." % sys.version.split()[0])
print("\n".join(out))
