# concurrent.futures.wait with FIRST_COMPLETED, FIRST_EXCEPTION and ALL_COMPLETED; timeouts on
# result(), exception(), map() and as_completed(); TimeoutError is the built-in one (3.11).
import threading
import concurrent.futures as cf
from concurrent.futures import ThreadPoolExecutor, wait, as_completed

gate = threading.Event()


def blocked(x):
    gate.wait()
    return x


def fail():
    raise ValueError("early")


with ThreadPoolExecutor(max_workers=4) as pool:
    slow = pool.submit(blocked, "slow")
    quick = pool.submit(pow, 2, 8)
    done, not_done = wait([slow, quick], return_when=cf.FIRST_COMPLETED)
    print("FIRST_COMPLETED:", quick in done, slow in not_done, len(done), len(not_done))
    bad = pool.submit(fail)
    result = wait([slow, bad], return_when=cf.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION:", bad in result.done, slow in result.not_done)
    print("timeout:", len(wait([slow], timeout=0.05).not_done))
    try:
        slow.result(timeout=0.05)
    except TimeoutError:
        print("result() timed out, the built-in:", cf.TimeoutError is TimeoutError)
    try:
        slow.exception(timeout=0)
    except TimeoutError:
        print("exception() timed out")
    try:
        for f in as_completed([quick, slow], timeout=0.05):
            print("as_completed gave", f.result())
    except TimeoutError as e:
        print("as_completed:", e)
    results = pool.map(blocked, ["a", "b"], timeout=0.05)
    try:
        print(list(results))
    except TimeoutError:
        print("map timed out")
    gate.set()
    done, not_done = wait([slow, quick, bad])
    print("ALL_COMPLETED:", len(done), len(not_done), slow.result())
    done, not_done = wait([quick], return_when=cf.FIRST_COMPLETED)
    print("already done:", len(done), len(not_done))
try:
    wait([cf.Future()], return_when="SOMETIMES")
except ValueError as e:
    print("ValueError:", e)
