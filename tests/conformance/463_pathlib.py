# pathlib: pure path arithmetic, file system calls on a private temporary tree, errors.
import os
import pathlib
from pathlib import Path, PurePath, PurePosixPath, PosixPath

p = PurePosixPath("/usr/lib/python3.11/os.tar.gz")
print(repr(p), str(p), p.parts, p.name, p.stem, p.suffix, p.suffixes)
print(p.parent, p.anchor, p.root, repr(p.drive), p.is_absolute())
print(list(p.parents), len(p.parents), p.parents[0], p.parents[-1], p.parents[1:3])
print(repr(p.parents))
print(repr(PurePath("a", "b")), repr(Path("a//b/./c")), repr(Path()), repr(Path("/")))
print(PurePosixPath("//x/y"), PurePosixPath("///x/y"), PurePosixPath("a/../b"))
q = PurePosixPath("a") / "b" / PurePosixPath("c")
print(q, "x" / PurePosixPath("y"), q.joinpath("d", "e"), q / "/abs")
print(PurePosixPath("a/b.txt").with_name("c.py"), PurePosixPath("a/b.txt").with_suffix(".md"),
      PurePosixPath("a/b.txt").with_suffix(""), PurePosixPath("a/b").with_stem("z"),
      PurePosixPath("a/b.tar.gz").with_stem("w"))
print(PurePosixPath(".bashrc").suffix, PurePosixPath("x.").suffixes, PurePosixPath("a.b.").suffix,
      PurePosixPath("/").name, repr(PurePosixPath("/").parent), PurePosixPath("..").name)
for bad in [lambda: PurePosixPath("a").with_suffix("b"),
            lambda: PurePosixPath("a").with_suffix("."),
            lambda: PurePosixPath("a").with_suffix("./b"),
            lambda: PurePosixPath("/").with_name("x"),
            lambda: PurePosixPath("a").with_name("x/y"),
            lambda: PurePosixPath("a").with_name(""),
            lambda: PurePosixPath("/a/b").relative_to("/c"),
            lambda: PurePosixPath("a/b").relative_to("/a"),
            lambda: PurePosixPath("/a").relative_to(""),
            lambda: PurePosixPath("a").match(""),
            lambda: PurePosixPath(3)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(PurePosixPath("/a/b/c").relative_to("/a"), PurePosixPath("/a/b").relative_to("/a", "b"),
      PurePosixPath("a/b").relative_to(""), PurePosixPath("/a/b").is_relative_to("/a"),
      PurePosixPath("/a/b").is_relative_to("/b"))
print(PurePosixPath("a/b.py").match("*.py"), PurePosixPath("/a/b.py").match("b/*.py"),
      PurePosixPath("/a/b.py").match("a/*.py"), PurePosixPath("/a/b.py").match("/a/*.py"),
      PurePosixPath("a/b.py").match("/*.py"), PurePosixPath("b.py").match("x/b.py"))
print(PurePosixPath("a") == PurePosixPath("a/"), PurePosixPath("a") == PosixPath("a"),
      PurePosixPath("a") == "a", hash(PurePosixPath("x/y")) == hash(PosixPath("x//y")))
print(sorted([PurePosixPath("b"), PurePosixPath("/z"), PurePosixPath("a/c"), PurePosixPath("a")]))
print(PurePosixPath("a") < PurePosixPath("b"), PurePosixPath("a/b") > PurePosixPath("a"))
try:
    PurePosixPath("a") < "b"
except TypeError as e:
    print("TypeError", e)
print(os.fspath(PurePosixPath("a/b")), PurePosixPath("/a b/ü").as_uri(), bytes(PurePosixPath("q")))
print(isinstance(Path("x"), PurePosixPath), type(Path("x")).__name__, type(PurePath("x")).__name__)
print({PurePosixPath("a"): 1}[PurePosixPath("a")])

base = Path("/tmp/helper_pathlib_463_%d" % os.getpid())
base.mkdir()
print(base.exists(), base.is_dir(), base.is_file(), base.is_symlink())
d = base / "sub" / "deep"
try:
    d.mkdir()
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
d.mkdir(parents=True)
d.mkdir(parents=True, exist_ok=True)
try:
    d.mkdir()
except FileExistsError as e:
    print("FileExistsError", e.errno)
f = base / "a.txt"
print(f.write_text("hello\nworld\n"), f.read_text(), f.read_bytes())
print((base / "b.bin").write_bytes(b"\x00\x01"), (base / "b.bin").stat().st_size)
with (base / "sub" / "c.py").open("w") as fh:
    fh.write("x = 1\n")
with open(base / "sub" / "c.py") as fh:
    print(repr(fh.read()))
(base / "sub" / ".hidden").touch()
(base / "sub" / "deep" / "d.py").touch()
try:
    f.touch(exist_ok=False)
except FileExistsError as e:
    print("FileExistsError", e.errno)
try:
    f.write_text(b"x")
except TypeError as e:
    print("TypeError", e)
rel = lambda ps: sorted(str(x.relative_to(base)) for x in ps)
print(rel(base.iterdir()))
print(rel(base.glob("*")), rel(base.glob("*.txt")), rel(base.glob("sub/*")))
print(rel(base.glob("**/*.py")), rel(base.rglob("*.py")), rel(base.glob("**")))
print(rel(base.glob("*/")), rel(base.glob("sub/deep")), rel(base.glob("nope/*")))
for bad in ("", "/x", "a**/b"):
    try:
        list(base.glob(bad))
    except (ValueError, NotImplementedError) as e:
        print(type(e).__name__, e)
g = f.rename(base / "renamed.txt")
print(g.relative_to(base), f.exists(), g.exists())
g2 = g.replace(base / "a.txt")
print(g2.name, g2.samefile(str(base / "a.txt")), g2.samefile(base / "b.bin"))
print(Path(str(base) + "/sub/../a.txt").resolve() == base / "a.txt")
print(Path("x/y").absolute() == Path.cwd() / "x" / "y", Path.cwd().is_absolute())
print(Path("~/q").expanduser() == Path(os.environ["HOME"]) / "q", Path("/~").expanduser())
print(Path.home() == Path(os.environ["HOME"]))
try:
    (base / "missing").stat()
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror)
try:
    (base / "missing").unlink()
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
(base / "missing").unlink(missing_ok=True)
try:
    (base / "sub").rmdir()
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    (base / "nothere.txt").read_text()
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
print((base / "missing").exists(), (base / "a.txt" / "x").exists())
for x in sorted(base.rglob("*"), reverse=True):
    if x.is_dir():
        x.rmdir()
    else:
        x.unlink()
base.rmdir()
print(base.exists())
