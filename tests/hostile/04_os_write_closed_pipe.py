# os.write to a pipe whose reader is closed raises BrokenPipeError (no SIGPIPE).
# hostile-exit: 0
# hostile-stdout: BrokenPipeError 32

import os
r, w = os.pipe()
os.close(r)
try:
    os.write(w, b'x')
except BrokenPipeError as e:
    print(type(e).__name__, e.errno)
