# weakref.finalize: on death, on call, detach/peek, and at exit (newest first, after the script).
# expect-stderr: Exception ignored in: <finalize object at 0x
# expect-stderr: ZeroDivisionError: division by zero
import atexit
import weakref


class Resource:
    def __init__(self, name):
        self.name = name


def release(name, how="normally"):
    print("release", name, how)
    return "released " + name


r = Resource("r1")
f = weakref.finalize(r, release, "r1", how="on death")
print(f.alive, f.atexit, f.peek()[1] is release, f.peek()[2:], callable(f))
del r
print("after del; alive:", f.alive, f.peek(), f.detach())

r = Resource("r2")
f = weakref.finalize(r, release, "r2")
print(f(), f.alive)
print(f())  # a second call does nothing
del r
print("no second release")

r = Resource("r3")
f = weakref.finalize(r, release, "r3")
obj, func, args, kwargs = f.detach()
print(obj is r, func is release, args, kwargs, f.alive, f.detach())
del r, obj
print("detached: nothing ran")

# At exit: the finalizers still alive with atexit=True, newest first, after atexit's own
# handlers registered after them... and before those registered earlier.
atexit.register(print, "atexit handler registered before")
keep = [Resource("k%d" % i) for i in range(3)]
for res in keep:
    weakref.finalize(res, release, res.name, how="at exit")
quiet = Resource("quiet")
fq = weakref.finalize(quiet, release, "quiet")
fq.atexit = False
print(fq.atexit)
atexit.register(print, "atexit handler registered after")


def method_owner():
    class Owner:
        def close(self):
            print("Owner closed")
    o = Owner()
    weakref.finalize(o, o.close)  # keeps o alive: runs at exit
    return "made"


print(method_owner())

# An exception in a finalizer is reported and the program goes on.
bad = Resource("bad")
weakref.finalize(bad, lambda: 1 / 0)
del bad
print("end of script")
