# threading.excepthook: a replaced hook receives ExceptHookArgs (exc_type, exc_value,
# exc_traceback, thread) for an exception escaping run(); the default is restorable from
# __excepthook__; SystemExit in a thread is silent.
import threading
seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name, args.exc_traceback is not None or True))
threading.excepthook = hook
def boom(n):
    raise ValueError("bad %d" % n)
def leave():
    raise SystemExit(3)
for target, args, name in ((boom, (1,), "w1"), (boom, (2,), "w2"), (leave, (), "quitter")):
    t = threading.Thread(target=target, args=args, name=name)
    t.start()
    t.join()
print(seen)
print(threading.__excepthook__ is not hook, threading.excepthook is hook)
threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)
