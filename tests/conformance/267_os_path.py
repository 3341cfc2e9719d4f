# os.path (interp/lib/posixpath.py bound as os.path): CPython's path arithmetic and the queries
# that stat this folder's files.
import os

path = os.path
print(path.join("a", "b", "c"), path.join("/a", "/b", "c"), path.join("a/", "b"), path.join("", "x"))
print(path.split("/a/b/c.txt"), path.split("c"), path.split("//"), path.split("/a//b///"))
print(path.basename("/a/b.py"), path.dirname("/a/b.py"), repr(path.dirname("b.py")), path.basename("/a/"))
print(path.splitext("a/b.tar.gz"), path.splitext(".bashrc"), path.splitext("a.b/c"), path.splitext("..x"))
print(path.normpath("/a/./b/../c//d/"), path.normpath("../../a"), path.normpath(""),
      path.normpath("//a"), path.normpath("///a/.."), path.normpath("a/../.."))
print(path.isabs("/x"), path.isabs("x"), path.abspath("/a/b/../c"), path.abspath("x") == path.join(os.getcwd(), "x"))
print(path.relpath("/a/b/c", "/a/x"), path.relpath("/a", "/a"), path.commonprefix(["/usr/lib", "/usr/local"]))
print(path.exists("267_os_path.py"), path.exists("no_such_file"), path.isfile("267_os_path.py"),
      path.isdir("."), path.isdir("267_os_path.py"), path.islink("267_os_path.py"))
print(path.getsize("267_os_path.out") == len(open("267_os_path.out").read()), path.getmtime("267_os_path.py") > 0)
print(path.expanduser("~/x") == os.environ["HOME"] + "/x", path.expanduser("x~"), path.expanduser("~"))
print(os.sep, os.curdir, os.pardir, os.pathsep, os.linesep == "\n", os.devnull)
for bad in [lambda: path.join("a", 1), lambda: path.getsize("no_such_file"), lambda: path.relpath("")]:
    try:
        print(bad())
    except (TypeError, OSError, ValueError) as e:
        print(type(e).__name__ + ":", e)
