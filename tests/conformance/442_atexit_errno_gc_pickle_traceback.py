# atexit (order, arguments, unregister), errno, gc's switches, pickle round trips and errors,
# traceback's formatting of a caught exception.
import atexit, errno, gc, pickle, traceback, sys, io
def bye(who, punct="!"): print("bye", who + punct)
atexit.register(bye, "world")
atexit.register(bye, "first", punct="?")
@atexit.register
def last(): print("registered last, runs first")
def nope(): print("never")
atexit.register(nope); atexit.unregister(nope)
print(errno.ENOENT, errno.errorcode[errno.EAGAIN], errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[2])
gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled(), gc.collect(), gc.get_threshold())
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
data = {"a": [1, 2.5, "s", b"b", None, True], "p": Point(1, 2), "t": (1, (2, 3)), "s": {1, 2}, "big": 2**100}
back = pickle.loads(pickle.dumps(data))
print(back == data, type(back["p"]).__name__, back["big"])
buf = io.BytesIO(); pickle.dump([1, 2], buf); pickle.dump("x", buf); buf.seek(0); print(pickle.load(buf), pickle.load(buf))
try: pickle.dumps(lambda: 1)
except pickle.PicklingError as e: print("PicklingError", isinstance(e, pickle.PickleError))
def inner(): raise ValueError("deep")
def outer(): inner()
try: outer()
except ValueError:
    text = traceback.format_exc()
    print(text.splitlines()[0], text.splitlines()[-1], text.count("File"))
    print(traceback.format_exception_only(sys.exc_info()[1]))
try: outer()
except ValueError as e:
    lines = traceback.format_exception(e)
    print("".join(lines).count("File"), [f.name for f in traceback.extract_tb(e.__traceback__ or e)] if False else "")
print(traceback.format_exc())
