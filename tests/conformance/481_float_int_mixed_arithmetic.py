# Float arithmetic with floats and ints mixed, infinities, signed zeros, division by zero and
# in-place forms: the eval loop's float fast paths must answer as the generic path does.
vals = [0.0, -0.0, 1.5, -2.25, 1e308, float('inf'), float('-inf'), 3, -7, 0, 2**53 + 1, 2**62, -(2**63)]
out = []
for a in vals:
    for b in vals:
        for name, f in (('+', lambda x, y: x + y), ('-', lambda x, y: x - y), ('*', lambda x, y: x * y), ('/', lambda x, y: x / y)):
            try:
                r = f(a, b)
            except Exception as e:
                r = type(e).__name__ + ': ' + str(e)
            out.append(repr(r))
        x = a
        try:
            x += b
            x -= b
            x /= (b if b else 1)
            x *= 2
        except Exception as e:
            x = type(e).__name__
        out.append(repr(x))
print(len(out))
print(hash(tuple(out)) == hash(tuple(out)), out[:40])
import hashlib
print(hashlib.sha256('\n'.join(out).encode()).hexdigest())
