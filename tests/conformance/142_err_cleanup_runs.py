# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 142_err_cleanup_runs.py", line 17, in <module>
# expect-stderr: ValueError: failure inside with and try
# finally blocks and __exit__ run while an uncaught exception unwinds.
class Resource:
    def __enter__(self):
        print("acquire")
        return self
    def __exit__(self, exc_type, exc, tb):
        print("release, saw", exc_type.__name__)
        return False
try:
    print("outer try")
    with Resource():
        print("working")
        raise ValueError("failure inside with and try")
finally:
    print("outer finally")
print("never printed")
