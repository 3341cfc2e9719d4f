# The rest of CPython's built-in exception classes and warnings, in CPython's hierarchy.
names = """BlockingIOError BrokenPipeError BufferError ChildProcessError ConnectionAbortedError
ConnectionError ConnectionRefusedError ConnectionResetError FloatingPointError GeneratorExit
IndentationError InterruptedError NotADirectoryError ProcessLookupError ReferenceError
StopAsyncIteration SystemError TabError UnicodeTranslateError Warning UserWarning
DeprecationWarning PendingDeprecationWarning SyntaxWarning RuntimeWarning FutureWarning
ImportWarning UnicodeWarning BytesWarning ResourceWarning EncodingWarning""".split()
import builtins
for name in names:
    cls = getattr(builtins, name)
    print(name, cls.__mro__[1].__name__)
print(issubclass(GeneratorExit, Exception), issubclass(BrokenPipeError, OSError))
try:
    open("/nonexistent-dir/x/y")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
try:
    raise ConnectionRefusedError(111, "refused")
except ConnectionError as e:
    print(type(e).__name__, e.args)
