# Cancelling: a queued future cancels, a running or finished one does not; shutdown with
# cancel_futures; shutdown(wait=False); done callbacks (at once when already done, in order, an
# exception in one reported and the rest still called); set_result twice.
# expect-stderr: exception calling callback for
# expect-stderr: ZeroDivisionError
import threading
from concurrent.futures import ThreadPoolExecutor, Future, InvalidStateError

gate = threading.Event()
started = threading.Event()


def hold():
    started.set()
    gate.wait()
    return "held"


pool = ThreadPoolExecutor(max_workers=1)
running = pool.submit(hold)
started.wait()
queued = [pool.submit(pow, 2, i) for i in range(4)]
print("cancel running:", running.cancel(), running.running())
print("cancel queued:", queued[0].cancel(), queued[0].cancelled(), queued[0].done())
pool.shutdown(wait=False, cancel_futures=True)
print("after shutdown:", [f.cancelled() for f in queued])
gate.set()
print(running.result())
pool.shutdown()
print("cancel finished:", running.cancel())

log = []
f = Future()
f.add_done_callback(lambda fut: log.append(("first", fut.result())))
f.add_done_callback(lambda fut: 1 / 0)
f.add_done_callback(lambda fut: log.append(("third", fut.result())))
f.set_result(7)
f.add_done_callback(lambda fut: log.append(("late", fut.result())))
print(log)
try:
    f.set_result(8)
except InvalidStateError:
    print("InvalidStateError on a second set_result")
c = Future()
c.add_done_callback(lambda fut: log.append(("cancelled", fut.cancelled())))
c.cancel()
print(log[-1])

with ThreadPoolExecutor(2) as pool:
    futures = [pool.submit(pow, 3, i) for i in range(5)]
print("with waits for all:", [f.result() for f in futures])
