# Built-in functions and classes travel by module and name (issue 10: pool.apply_async(os.getpid)
# failed with "cannot pickle 'builtin_function_or_method' object").
import multiprocessing
import os


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


def apply(fn, *args):
    return fn(*args)


if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        pid = pool.apply_async(os.getpid).get(timeout=20)
        print(pid != os.getpid(), isinstance(pid, int))
        print(pool.apply(apply, (len, "abcd")))
        print(pool.apply(apply, (str.upper, "shout")))
        print(pool.map(abs, [-1, -2, 3]))
        print(pool.apply(apply, (int, "42")), pool.apply(apply, (sorted, [3, 1, 2])))
        print(pool.apply(apply, (ValueError, "v")).args)
        s = pool.apply(apply, (Slotted, 7))
        print(type(s).__name__, s.a, hasattr(s, "b"))
