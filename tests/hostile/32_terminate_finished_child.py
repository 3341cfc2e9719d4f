# terminate() of a child that already ended does not raise.
# hostile-exit: 0
# hostile-stdout: exitcode 0

import multiprocessing, os
if __name__ == '__main__':
    p = multiprocessing.Process(target=os.getpid)
    p.start()
    p.join()
    p.terminate()
    print('exitcode', p.exitcode)
