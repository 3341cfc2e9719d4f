# io.StringIO and io.BytesIO: write/read/readline/seek/truncate, closing, type errors.
import io
s = io.StringIO(); s.write("hello\n"); print(s.write("world"), s.tell(), repr(s.getvalue()))
s.seek(0); print(repr(s.readline()), repr(s.read()), repr(s.read()))
s = io.StringIO("a\nb\nc"); print(list(s), s.closed); s.seek(0); print(s.readlines())
s.seek(2); s.write("X"); print(repr(s.getvalue())); s.truncate(3); print(repr(s.getvalue()), s.tell())
s.seek(0, 2); print(s.tell()); s.close(); print(s.closed)
for f in [lambda: s.read(), lambda: io.StringIO().write(1), lambda: io.BytesIO().write("x"), lambda: io.StringIO().seek(-1)]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
b = io.BytesIO(b"abc"); b.seek(0, 2); b.write(b"def"); print(b.getvalue(), b.tell()); b.seek(1); print(b.read(2), b.readline())
with io.StringIO("x") as f:
    print(f.read())
print(f.closed)
