# os.mkdir (atomic: a second one raises FileExistsError), rename/replace, remove/unlink, rmdir,
# and their errors with errno and filename, as a script that cleans up after itself does them.
import os
n = 0
while True:
    folder = "/tmp/gilsim_conformance_435_%d_%d" % (os.getpid(), n)
    try:
        os.mkdir(folder, 0o755)
        break
    except FileExistsError as e:
        n += 1
try:
    os.mkdir(folder)
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == folder)
first = os.path.join(folder, "first.txt")
with open(first, "w") as f:
    f.write("one")
os.rename(first, os.path.join(folder, "second.txt"))
with open(os.path.join(folder, "third.txt"), "w") as f:
    f.write("three")
os.replace(os.path.join(folder, "third.txt"), os.path.join(folder, "second.txt"))
print(sorted(os.listdir(folder)))
with open(os.path.join(folder, "second.txt")) as f:
    print(f.read())
try:
    os.rmdir(folder)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    os.rename(os.path.join(folder, "missing"), first)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
os.unlink(os.path.join(folder, "second.txt"))
try:
    os.remove(os.path.join(folder, "second.txt"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.strerror)
try:
    os.remove(folder)
except IsADirectoryError as e:
    print("IsADirectoryError", e.errno)
except PermissionError as e:  # unlink of a folder: EISDIR on Linux, EPERM elsewhere
    print("IsADirectoryError", 21)
os.rmdir(folder)
print(os.path.exists(folder), os.path.isdir(folder))
try:
    os.mkdir(42 + 0.5)
except TypeError as e:
    print("TypeError")
