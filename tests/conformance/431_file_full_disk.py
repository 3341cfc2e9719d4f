# A file on a full device (/dev/full): the write is buffered, the flush and the close report
# ENOSPC as OSError, as CPython's (gilsim used to lose the data silently).
f = open("/dev/full", "w")
f.write("x" * 10)
try:
    f.flush()
except OSError as e:
    print("flush:", type(e).__name__, e.errno)
try:
    f.close()  # what the flush could not write is still there
except OSError as e:
    print("close after flush:", type(e).__name__, e.errno)
print(f.closed if hasattr(f, "closed") else True)

try:
    with open("/dev/full", "w") as g:
        g.write("data")
except OSError as e:
    print("close:", type(e).__name__, e.errno)

with open("/dev/null", "w") as h:
    h.write("fine")
print("done")
