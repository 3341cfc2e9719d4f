# A child's exit code: 0 after its target returns, the code of sys.exit, 1 after an uncaught
# exception (reported on stderr as "Process NAME:" and a traceback), -N after signal N.
# expect-stderr: Process Process-3:
# expect-stderr: ValueError: broken child
import multiprocessing
import os
import signal
import sys
import time


def fine():
    pass


def leave(code):
    sys.exit(code)


def broken():
    raise ValueError("broken child")


def wait_forever():
    while True:
        time.sleep(0.01)


if __name__ == "__main__":
    for target, args in [(fine, ()), (leave, (7,)), (broken, ()), (leave, (None,))]:
        p = multiprocessing.Process(target=target, args=args)
        p.start()
        p.join(timeout=20)
        print(target.__name__, args, "->", p.exitcode)
    p = multiprocessing.Process(target=wait_forever)
    p.start()
    p.terminate()
    p.join(timeout=20)
    print("terminate ->", p.exitcode)
    p = multiprocessing.Process(target=wait_forever)
    p.start()
    os.kill(p.pid, signal.SIGKILL)
    p.join(timeout=20)
    print("SIGKILL ->", p.exitcode)
    p = multiprocessing.Process(target=wait_forever)
    p.start()
    p.join(timeout=0.05)
    print("still running after a short join:", p.is_alive(), p.exitcode)
    p.kill()
    p.join(timeout=20)
    print("kill ->", p.exitcode)
