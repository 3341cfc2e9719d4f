# File objects from open(): modes and their errors, attributes, reading by size and by line,
# seek/tell in text and binary files (tell's cookie after a lone CR included), truncate,
# universal newlines for each newline= value, readinto, writelines, and closed-file errors.
import io
import os

base = f"/tmp/gilsim_conf_444_{os.getpid()}"
os.mkdir(base)
home = os.getcwd()
os.chdir(base)  # relative names: no path in what is printed


def attempt(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__, e)


print("-- modes")
with open("t.txt", "w") as f:
    print(f.write("first\nsecond\n"), f.write("é\n"))
attempt("x existing:", open, "t.txt", "x")
with open("new.txt", "x") as f:
    f.write("made")
attempt("missing:", open, "missing.txt")
for mode in ["q", "rw", "rr", "b", "+", "rtb", "U"]:
    attempt(f"mode {mode!r}:", open, "t.txt", mode)
attempt("binary newline:", open, "t.txt", "rb", 0, None, None, "")
attempt("binary encoding:", open, "t.txt", "rb", -1, "utf-8")
attempt("bad newline:", open, "t.txt", "r", -1, None, None, "x")
attempt("directory:", open, ".")
with open("t.txt", "a") as f:
    print("append tell", f.tell(), f.write("third\n"), f.tell())
with open("t.txt", "r+") as f:
    f.write("FIRST")
    f.seek(0)
    print("r+", repr(f.read()))
with open("w.txt", "w+") as f:
    f.write("abc\ndef\n")
    f.seek(0)
    print("w+", f.readlines())
with open("b.bin", "wb") as f:
    print("wb write", f.write(b"0123456789"), f.write(bytearray(b"ab")))
with open("b.bin", "rb+") as f:
    print("rb+", f.read(3), f.tell())
    f.write(b"XY")
    f.seek(0)
    print("rb+", f.read())
attempt("x missing dir:", open, "nodir/x.txt", "w")

print("-- attributes")
f = open("t.txt", encoding="UTF-8")  # the default encoding is the locale's: not printed
print(f.name, f.mode, f.closed, f.encoding, f.errors, f.newlines, f.line_buffering)
print(type(f).__name__, repr(f))
print(type(f.fileno()).__name__, f.fileno() > 2, f.isatty(), f.readable(), f.writable(), f.seekable())
f.close()
print(f.closed, f.name, f.mode)
for mode in ["wb", "rb", "ab", "rb+", "wb+", "w+b", "ab+", "r+", "a+"]:
    with open("m.bin", mode, encoding=None if "b" in mode else "UTF-8") as f:
        print(mode, type(f).__name__, f.mode, f.readable(), f.writable(), repr(f))
f = open("t.txt", "rt", encoding="utf8")
print(f.mode, f.encoding, repr(f))
f.close()

print("-- reading")
with open("t.txt") as f:
    print(repr(f.read(3)), repr(f.read(0)), repr(f.readline()), repr(f.readline(3)))
    print(repr(f.readline(-1)), repr(f.read()), repr(f.read()), repr(f.readline()))
with open("t.txt") as f:
    print(f.readlines(6))
    print(f.readlines())
with open("t.txt") as f:
    print([line for line in f])
with open("t.txt") as f:
    attempt("write on r:", f.write, "x")
    attempt("read(str):", f.read, "3")
    attempt("readline(None):", f.readline, None)
with open("w.txt", "w") as f:
    attempt("read on w:", f.read)
    attempt("next on w:", next, f)
    attempt("write bytes:", f.write, b"x")
with open("b.bin", "rb") as f:
    attempt("write on rb:", f.write, b"x")

print("-- text seek and tell")
with open("t.txt") as f:
    print(f.tell(), repr(f.readline()), f.tell(), repr(f.readline()), f.tell())
    where = f.tell()
    print(repr(f.read()), f.seek(where), repr(f.readline()))
    print(f.seek(0, 2), f.tell(), repr(f.read()), f.seek(0), f.seek(0, 1))
    attempt("cur-relative:", f.seek, 1, 1)
    attempt("end-relative:", f.seek, -1, 2)
    attempt("negative:", f.seek, -1)
    attempt("whence 3:", f.seek, 0, 3)
    for line in f:
        attempt("tell in loop:", f.tell)
        break
    f.seek(0)
    print("after seek", f.tell())

print("-- newline modes, reading")
with open("nl.bin", "wb") as f:
    f.write(b"a\r\nb\rc\nd")
for newline in [None, "", "\n", "\r", "\r\n"]:
    with open("nl.bin", newline=newline) as f:
        print(repr(newline), f.readlines(), f.newlines)
    with open("nl.bin", newline=newline) as f:
        print("  read", repr(f.read()), f.newlines)
    with open("nl.bin", newline=newline) as f:
        print("  readline(2)", [f.readline(2) for i in range(5)])
    with open("nl.bin", newline=newline) as f:
        print("  tells", [(line, f.tell()) for line in iter(f.readline, "")])
with open("nl.bin") as f:
    print(repr(f.readline()), f.newlines)

print("-- tell after a lone CR")
with open("cr.bin", "wb") as f:
    f.write(b"a\rb\r")
with open("cr.bin") as f:
    print(repr(f.readline()))
    cookie = f.tell()
    print(cookie, repr(f.read()), f.seek(cookie), repr(f.readline()), f.tell())
with open("cr.bin", newline="") as f:
    print(repr(f.read(2)), f.tell())

print("-- newline modes, writing")
for newline in [None, "", "\n", "\r", "\r\n"]:
    with open("out.txt", "w", newline=newline) as f:
        f.write("x\ny\r\nz\r")
    with open("out.txt", "rb") as f:
        print(repr(newline), f.read())

print("-- binary")
with open("b.bin", "rb") as f:
    print(f.read(2), f.tell(), f.seek(3), f.read(2), f.seek(-2, 1), f.read(1))
    print(f.seek(-3, 2), f.read(), f.tell(), f.read(), f.read(5))
    attempt("negative:", f.seek, -1)
    attempt("whence 9:", f.seek, 0, 9)
    buffer = bytearray(4)
    f.seek(0)
    print(f.readinto(buffer), buffer, f.readinto(bytearray(20)))
    attempt("readinto bytes:", f.readinto, b"xx")
with open("lines.bin", "wb") as f:
    f.writelines([b"one\n", bytearray(b"two\r\n"), b"three"])
with open("lines.bin", "rb") as f:
    print(f.readline(), f.readline(2), f.readlines(), f.readline())
with open("lines.bin", "rb") as f:
    print(list(f))
with open("lines.bin", "ab") as f:
    attempt("str to binary:", f.write, "x")
    attempt("read on ab:", f.read)

print("-- truncate, flush, writelines")
with open("tr.txt", "w+") as f:
    f.writelines(["abc\n", "def\n", "ghi\n"])
    f.flush()
    print(f.truncate(6), f.tell())
    f.seek(2)
    print(f.truncate(), f.seek(0, 2))
with open("tr.txt") as f:
    print(repr(f.read()))
    attempt("truncate on r:", f.truncate)
with open("tr.bin", "wb+") as f:
    f.write(b"0123456789")
    f.seek(4)
    print(f.truncate(), f.tell(), f.truncate(2), f.tell())
    f.seek(0)
    print(f.read())

print("-- closed files")
with open("t.txt") as f:
    pass
print(f.closed, f.close())
for name, call in [("read", f.read), ("readline", f.readline), ("write", lambda: f.write("x")),
                   ("seek", lambda: f.seek(0)), ("tell", f.tell), ("fileno", f.fileno),
                   ("flush", f.flush), ("readable", f.readable), ("next", lambda: next(f)),
                   ("readlines", f.readlines), ("enter", f.__enter__)]:
    attempt(f"text {name}:", call)
try:
    for line in f:
        pass
except ValueError as e:
    print("text for:", type(e).__name__, e)
try:
    with f:
        pass
except ValueError as e:
    print("text with:", type(e).__name__, e)
g = open("b.bin", "rb+")
g.close()
for name, call in [("read", g.read), ("readline", g.readline), ("write", lambda: g.write(b"x")),
                   ("seek", lambda: g.seek(0)), ("tell", g.tell), ("flush", g.flush),
                   ("truncate", g.truncate), ("readinto", lambda: g.readinto(bytearray(1)))]:
    attempt(f"binary {name}:", call)
try:
    for line in g:
        pass
except ValueError as e:
    print("binary for:", type(e).__name__, e)
print(isinstance(io.UnsupportedOperation("x"), OSError), repr(g))

os.chdir(home)
for name in sorted(os.listdir(base)):
    os.remove(os.path.join(base, name))
os.rmdir(base)
print(os.path.exists(base))
