# logging.Formatter.converter (time.localtime by default, time.gmtime when set) and formatTime.
import logging, time, io
s = io.StringIO()
h = logging.StreamHandler(s)
f = logging.Formatter("%(asctime)s %(message)s", datefmt="%Y|%j")
f.converter = time.gmtime
h.setFormatter(f)
l = logging.getLogger("x"); l.addHandler(h); l.propagate = False
r = logging.LogRecord("x", 20, "p", 1, "m", (), None); r.created = 0.0; r.msecs = 5
print(f.format(r), logging.Formatter().formatTime(r)[:4].isdigit(), logging.Formatter.converter is time.localtime)
logging.Formatter.converter = time.gmtime
print(logging.Formatter().formatTime(r))
