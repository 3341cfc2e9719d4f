"""threading.local: each thread keeps its own 'request context' in one global object, while a
shared dict collects what each saw."""

import threading

context = threading.local()
seen = {}
seen_lock = threading.Lock()


def handle(request_id, user):
    context.request_id = request_id
    context.user = user
    context.steps = []
    for step in ("auth", "load", "render"):
        context.steps.append("%s:%s" % (step, context.user))
    with seen_lock:
        seen[request_id] = (context.user, list(context.steps))


context.user = "main"
threads = [threading.Thread(target=handle, args=(i, name))
           for i, name in enumerate(["ada", "grace", "linus", "guido"])]
for t in threads:
    t.start()
for t in threads:
    t.join()
for request_id in sorted(seen):
    print(request_id, seen[request_id])
print("main still sees:", context.user, hasattr(context, "request_id"))


class Counter(threading.local):
    def __init__(self):
        self.count = 0


counter = Counter()


def bump(n, out, index):
    for _ in range(n):
        counter.count += 1
    out[index] = counter.count


out = [None] * 3
threads = [threading.Thread(target=bump, args=(n, out, i)) for i, n in enumerate((3, 5, 7))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("per-thread counts:", out, "main:", counter.count)
