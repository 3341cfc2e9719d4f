# RLock: the owner may take it again; it is free once released as often as taken.
import threading

r = threading.RLock()
print(r.acquire(), r.acquire(), r.acquire(False))
with r:
    print("nested with")
results = []


def try_take():
    results.append(r.acquire(False))
    results.append(r.acquire(timeout=0.01))


t = threading.Thread(target=try_take)
t.start()
t.join()
print("other thread while held 3 times:", results)
r.release()
r.release()
r.release()
results.clear()


def take_and_keep():
    results.append(r.acquire(False))
    r.release()


t = threading.Thread(target=take_and_keep)
t.start()
t.join()
print("other thread after releases:", results)

try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# Only the owner may release it.
r.acquire()
errors = []


def release_foreign():
    try:
        r.release()
    except RuntimeError as e:
        errors.append(str(e))


t = threading.Thread(target=release_foreign)
t.start()
t.join()
print(errors)
r.release()


def recurse(n):
    with r:
        return 0 if n == 0 else 1 + recurse(n - 1)


print("recursive depth", recurse(50))
