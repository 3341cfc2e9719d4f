# complex: literals (1j), the constructor (numbers and strings), arithmetic mixed with int and
# float, CPython's division and powers, abs, hash (equal to the int/float hash when imag is 0),
# repr with signed zeros, and CPython's errors.
z = 1 + 2j
print(z, repr(z), 2j, 1.5j, -2j, 0j, -0j, complex(), complex(1), complex(1, 2), complex(-0.0, 1), complex(1.5, -0.0))
print(z + 1, 1 + z, z - 1, 1 - z, z * 2, 2 * z, z * z, z / 2, 2 / z, z / (3 - 4j), z ** 2, z ** -1, z ** 0.5, 2 ** z, (1j) ** 2)
print(abs(3 + 4j), z.real, z.imag, z.conjugate(), -z, +z, bool(0j), bool(1j))
print(z == 1 + 2j, z == 1, complex(1) == 1, complex(1) == 1.0, 1 == complex(1), z != 2, hash(complex(1)) == hash(1), hash(complex(1.5, 0)) == hash(1.5), hash(1 + 2j))
print(complex("1+2j"), complex(" (3-j) "), complex("4.5"), complex("-j"), complex("j"), complex("1e3j"), complex("-1.5e-3+2.5E2J"), complex("inf-nanj"))
print(complex(1 + 2j, 3), complex(1j, 1j), type(z).__name__, isinstance(z, complex), complex(real=1, imag=2))
print([complex(a, b) for a in (0.0, 1.0, -1.0, 1e20, 1e-20) for b in (0.0, -0.0, 2.5, float("inf"))])
for bad in [lambda: z < z, lambda: complex("abc"), lambda: complex("1+2"), lambda: complex(None), lambda: z / 0, lambda: 0j ** -1, lambda: complex("1", 2), lambda: z % 2, lambda: int(z)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
c = 0j
for i in range(50):
    c = c * c + complex(-0.75, 0.1)
print(c, abs(c) < 2, sum([1j, 2j, 3]), {1j: 1}[1j], sorted([3, 1, 2], key=lambda x: abs(x * 1j)))
print(f"{z}", str(z), "%s" % z, [z], (1+0j))
