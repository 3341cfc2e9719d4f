# Connection.send to a closed peer raises BrokenPipeError.
# hostile-exit: 0
# hostile-stdout: BrokenPipeError

import multiprocessing
a, b = multiprocessing.Pipe()
b.close()
try:
    a.send('hello')
except BrokenPipeError as e:
    print(type(e).__name__)
