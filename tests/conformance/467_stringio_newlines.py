# io.StringIO's newline argument: translation on write, line splitting on read.
import io
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO("a\r\nb\rc\nd", newline=nl)
    print(repr(nl), repr(s.getvalue()), list(s))
    s = io.StringIO(newline=nl); print(s.write("x\ny\r\nz\r"), repr(s.getvalue()))
    s.seek(0); print([s.readline() for _ in range(4)])
