# fnmatch, glob, shutil and tempfile on a private temporary tree; names are printed
# relative to it and listings sorted.
import os
import fnmatch
import glob
import shutil
import tempfile

for pat in ["*.py", "a*b*c", "?x[!a-c]", "[]]", "[!]]", "[a-", "[z-a]", "[a-z-0-9]", "*",
            "**", "[\\]", "a&&b|[&~|]", "[^x]", "[!]", "x*y*", ""]:
    print(repr(pat), repr(fnmatch.translate(pat)))
print(fnmatch.fnmatch("a.py", "*.py"), fnmatch.fnmatch("a.PY", "*.py"),
      fnmatch.fnmatchcase("dir/a.py", "*.py"), fnmatch.fnmatch(".x", "*"),
      fnmatch.fnmatch("a\nb", "a?b"), fnmatch.fnmatch("abc", "[!a]bc"))
print(fnmatch.filter(["a.py", "b.txt", "c.py", ".d.py"], "*.py"))

print(glob.has_magic("a*"), glob.has_magic("a[b"), glob.has_magic("plain"),
      glob.escape("a*b?c[d].txt"))

print(tempfile.gettempprefix(), tempfile.template, os.path.isabs(tempfile.gettempdir()))
base = tempfile.mkdtemp(prefix="helper_pathlib_464_", suffix=".d")
print(os.path.basename(base).startswith("helper_pathlib_464_"), base.endswith(".d"),
      os.path.isdir(base), oct(os.stat(base).st_mode & 0o777))
r = lambda p: os.path.relpath(p, base)


def write(name, text):
    with open(os.path.join(base, name), "w") as f:
        f.write(text)


os.makedirs(os.path.join(base, "src", "pkg", "deep"))
os.mkdir(os.path.join(base, "src", ".git"))
write("src/a.py", "print('a')\n")
write("src/b.txt", "bee\n")
write("src/.hidden.py", "h\n")
write("src/pkg/__init__.py", "")
write("src/pkg/deep/m.py", "m = 1\n")
write("src/.git/config", "[core]\n")
write("src/x[1].dat", "brackets\n")

g = lambda pat, **kw: sorted(r(p) for p in glob.glob(os.path.join(base, pat), **kw))
print(g("src/*"))
print(g("src/*.py"), g("src/.*"), g("src/?.txt"))
print(g("src/**/*.py"), g("src/**/*.py", recursive=True))
print(g("src/**", recursive=True))
print(g("src/**/", recursive=True))
print(g("src/*/"), g("src/pkg"), g("src/missing"), g("src/pkg/"), g("src/a.py/"))
print(g("src/*", include_hidden=True))
print(g(glob.escape(os.path.join("src", "x[1].dat"))), g("src/x[1].dat"))
print(sorted(glob.glob("*.py", root_dir=os.path.join(base, "src"))))
print(sorted(glob.glob("**", root_dir=os.path.join(base, "src"), recursive=True)))
print(sorted(r(p) for p in glob.iglob(os.path.join(base, "src", "*", "*.py"))))

# shutil
src = os.path.join(base, "src")
print(r(shutil.copyfile(os.path.join(src, "a.py"), os.path.join(base, "a_copy.py"))))
print(r(shutil.copy(os.path.join(src, "b.txt"), base)))
print(r(shutil.copy2(os.path.join(src, "b.txt"), os.path.join(base, "b2.txt"))))
print(open(os.path.join(base, "b2.txt")).read(), end="")
try:
    shutil.copyfile(os.path.join(src, "a.py"), os.path.join(src, "a.py"))
except shutil.SameFileError as e:
    print("SameFileError", str(e).replace(base, "BASE"))
try:
    shutil.copyfile(os.path.join(src, "nope"), os.path.join(base, "x"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
print(r(shutil.copytree(src, os.path.join(base, "dst"),
                        ignore=shutil.ignore_patterns("*.txt", ".git"))))
print(sorted(r(os.path.join(d, n)) for d, ds, fs in os.walk(os.path.join(base, "dst"))
             for n in ds + fs))
try:
    shutil.copytree(src, os.path.join(base, "dst"))
except FileExistsError as e:
    print("FileExistsError", e.errno)
shutil.copytree(src, os.path.join(base, "dst"), dirs_exist_ok=True)
print(sorted(os.listdir(os.path.join(base, "dst"))))
print(r(shutil.move(os.path.join(base, "a_copy.py"), os.path.join(base, "dst"))))
print(r(shutil.move(os.path.join(base, "b2.txt"), os.path.join(base, "b3.txt"))))
print(r(shutil.move(os.path.join(base, "dst"), os.path.join(base, "moved"))))
os.mkdir(os.path.join(base, "tomove"))
try:
    shutil.move(os.path.join(base, "tomove"), os.path.join(base, "tomove", "in"))
except shutil.Error as e:
    print("Error", str(e).replace(base, "BASE"))
try:
    shutil.move(os.path.join(base, "b3.txt"), os.path.join(base, "moved"))
    shutil.move(os.path.join(base, "src", "b.txt"), os.path.join(base, "moved"))
except shutil.Error as e:
    print("Error", str(e).replace(base, "BASE"))
print(sorted(os.listdir(base)))
shutil.rmtree(os.path.join(base, "moved"))
print(os.path.exists(os.path.join(base, "moved")))
try:
    shutil.rmtree(os.path.join(base, "moved"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
calls = []
shutil.rmtree(os.path.join(base, "moved"), onerror=lambda f, p, e: calls.append((f.__name__, r(p), e[0].__name__)))
print(calls)
shutil.rmtree(os.path.join(base, "moved"), ignore_errors=True)
print(shutil.which("sh") is not None, shutil.which("no-such-program-xyz"),
      shutil.which("sh", path=""), shutil.which(os.path.join(src, "a.py")))
os.environ["COLUMNS"] = "100"
os.environ["LINES"] = "30"
print(shutil.get_terminal_size(), tuple(shutil.get_terminal_size((1, 2))))
del os.environ["COLUMNS"]
del os.environ["LINES"]

# tempfile
fd, name = tempfile.mkstemp(suffix=".s", prefix="p_", dir=base)
os.write(fd, b"stemp")
os.close(fd)
print(os.path.basename(name)[:2], name.endswith(".s"), os.path.isabs(name), open(name).read())
with tempfile.NamedTemporaryFile("w+", dir=base, suffix=".txt") as t:
    t.write("named")
    t.seek(0)
    print(t.read(), os.path.exists(t.name), t.name.endswith(".txt"))
    kept = t.name
print(os.path.exists(kept))
t = tempfile.NamedTemporaryFile(dir=base, delete=False)
t.write(b"keep")
t.close()
print(open(t.name, "rb").read(), os.path.dirname(t.name) == base)
with tempfile.TemporaryFile(dir=base) as tf:
    tf.write(b"anon")
    tf.seek(0)
    print(tf.read())
with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as sp:
    sp.write("small")
    print(sp._rolled)
    sp.write("-and-now-larger")
    print(sp._rolled)
    sp.seek(0)
    print(sp.read())
with tempfile.TemporaryDirectory(dir=base, prefix="td") as td:
    print(os.path.isdir(td), os.path.basename(td)[:2])
    write(os.path.join(td, "f"), "x")
    os.mkdir(os.path.join(td, "inner"))
print(os.path.exists(td))
tdo = tempfile.TemporaryDirectory(dir=base)
print(repr(tdo).startswith("<TemporaryDirectory '"), os.path.isdir(tdo.name))
tdo.cleanup()
tdo.cleanup()
print(os.path.exists(tdo.name))
print(sorted(n[:2] for n in os.listdir(base)))
shutil.rmtree(base)
print(os.path.exists(base))
