# contextlib: redirect_stdout, suppress, nullcontext, closing, contextmanager (also as a decorator), ExitStack.
import contextlib
import io
with contextlib.redirect_stdout(io.StringIO()) as out:
    print("captured")
print(repr(out.getvalue()))
with contextlib.suppress(KeyError, ValueError):
    {}["x"]
print("suppressed")
with contextlib.nullcontext(5) as v:
    print(v)
class Res:
    def __init__(self, n): self.n = n
    def close(self): print("close", self.n)
with contextlib.closing(Res(1)) as r:
    print("using", r.n)
@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    yield name.upper()
    print("</%s>" % name)
with tag("p") as t:
    print("inside", t)
with contextlib.ExitStack() as stack:
    stack.callback(print, "callback 1")
    stack.enter_context(tag("a"))
    stack.callback(print, "callback 2")
    print("body")
with contextlib.ExitStack() as stack:
    stack.push(lambda *e: True)
    raise ValueError("swallowed")
print("after stack")
@tag("deco")
def work():
    print("work")
try:
    work()
except TypeError as e:
    print("TypeError", e)
@contextlib.contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)
# Exceptions inside a @contextmanager block go into the generator (generator.throw).
from contextlib import contextmanager
@contextmanager
def guard(name):
    print("enter", name)
    try:
        yield name
    except KeyError as e:
        print("handled inside", e)
    finally:
        print("exit", name)
with guard("a"):
    {}["k"]
try:
    with guard("b"):
        raise ValueError("out")
except ValueError as e:
    print("propagated", e)
@contextmanager
def swallow():
    try:
        yield
    except Exception:
        pass
with swallow():
    1 / 0
print("after")
