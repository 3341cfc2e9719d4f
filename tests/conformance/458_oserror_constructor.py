# OSError(errno, strerror[, filename]): the subclass by errno, its attributes, its str.
e = OSError(2, "No such file or directory")
print(type(e).__name__, e.errno, e.strerror, e, e.args)
e = OSError(2, "No such file", "x.txt")
print(type(e).__name__, e.errno, e.filename, e)
e = OSError("plain")
print(e.errno, e.strerror, e)
class MyErr(OSError): pass
m = MyErr(13, "denied"); print(type(m).__name__, m.errno)
try:
    open("/nonexistent/x")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
print(ConnectionRefusedError(111, "Connection refused"))
print(OSError(2, "x", "f").args, repr(OSError(2, "x")), OSError(1, 2, 3, 4, 5).filename2, PermissionError(13, "no").errno)
class E(OSError):
    def __init__(self, msg):
        super().__init__(99, msg)
print(E("custom").errno, E("custom"))
