# os.environ (a mapping of the environment), getenv, putenv; getcwd, listdir, stat; cpu_count.
import os

print("HOME" in os.environ, os.environ["HOME"] == os.getenv("HOME"), os.getenv("GILSIM_NOT_SET"))
print(os.getenv("GILSIM_NOT_SET", "fallback"), os.environ.get("GILSIM_NOT_SET", 5))
os.environ["GILSIM_TEST_VALUE"] = "seen"
print(os.getenv("GILSIM_TEST_VALUE"), os.environ["GILSIM_TEST_VALUE"])
del os.environ["GILSIM_TEST_VALUE"]
print(os.getenv("GILSIM_TEST_VALUE"), "GILSIM_TEST_VALUE" in os.environ)
print(os.putenv("GILSIM_PUT", "1"), os.unsetenv("GILSIM_PUT"))
try:
    os.environ["GILSIM_NOT_SET"]
except KeyError as e:
    print("KeyError", e)

names = os.listdir(".")
print("268_os_environ_files.py" in names, "." in names, sorted(os.listdir("."))[0] <= names[0] or True)
print(os.getcwd().endswith("conformance"), os.path.isabs(os.getcwd()))
info = os.stat("268_os_environ_files.py")
print(info.st_size == os.path.getsize("268_os_environ_files.py"), info.st_mode & 0o170000 == 0o100000)
count = os.cpu_count()
print(isinstance(count, int) and count >= 1)
for bad in [lambda: os.listdir("no_such_folder"), lambda: os.stat("no_such_file"), lambda: os.putenv("A=B", "x")]:
    try:
        print(bad())
    except (OSError, ValueError) as e:
        print(type(e).__name__ + ":", e)
