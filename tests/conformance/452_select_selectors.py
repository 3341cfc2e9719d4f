# select and selectors: select.select on socketpairs and pipes, poll objects, a DefaultSelector
# echo loop serving three clients in one thread, timeouts that return nothing, and the errors.
# Nothing descriptor-specific is printed.
import os
import select
import selectors
import socket


def show(label, call):
    try:
        print(label, repr(call()))
    except Exception as exc:
        print(label, type(exc).__name__, exc)


# select.select on a socketpair and a pipe.
a, b = socket.socketpair()
r, w = os.pipe()
print("nothing ready", select.select([a, r], [], [], 0))
print("writable", select.select([], [b, w], [], 0) == ([], [b, w], []))
b.sendall(b"data")
os.write(w, b"pipe")
readable, writable, exceptional = select.select([a, r], [], [], 0.5)
print("readable", readable == [a, r], writable, exceptional)
print("read", a.recv(10), os.read(r, 10))
print("ints work", select.select([r], [w], [], 0) == ([], [w], []))
print("tuples work", select.select((), (w,), (), 0) == ([], [w], []))
print("timeout returns empty", select.select([a], [], [], 0.01))
os.close(w)
print("eof is readable", select.select([r], [], [], 0.5) == ([r], [], []), os.read(r, 10))
os.close(r)
show("closed fd", lambda: select.select([r], [], [], 0))
show("negative", lambda: select.select([-1], [], [], 0))
show("not a file", lambda: select.select(["x"], [], [], 0))
show("not sequences", lambda: select.select(1, [], [], 0))
show("negative timeout", lambda: select.select([], [], [], -1))
show("bad timeout", lambda: select.select([], [], [], "soon"))
print("select.error", select.error is OSError)


class Wrapped:
    def __init__(self, sock):
        self.sock = sock

    def fileno(self):
        return self.sock.fileno()


print("fileno objects", len(select.select([], [Wrapped(a)], [], 0)[1]))

# poll objects.
p = select.poll()
p.register(a, select.POLLIN)
p.register(b)
print("poll empty", [(fd == b.fileno(), ev) for fd, ev in p.poll(0)])
b.sendall(b"x")
print("poll ready", sorted((fd == a.fileno(), ev) for fd, ev in p.poll(100)))
a.recv(1)
p.modify(b, select.POLLIN)
print("poll timeout", p.poll(10))
p.unregister(b)
try:
    p.unregister(b)
except KeyError as exc:
    print("unregister again KeyError", exc.args == (b.fileno(),))
show("modify unknown", lambda: p.modify(b, select.POLLIN))
show("register negative", lambda: p.register(-1))
show("bad poll timeout", lambda: p.poll("x"))
b.close()
print("poll hangup", [(ev & select.POLLHUP != 0, ev & select.POLLIN != 0) for fd, ev in p.poll(100)])
a.close()
print("constants", select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR, select.POLLHUP,
      select.POLLNVAL)

# A DefaultSelector echo server: one thread, three clients.
print("DefaultSelector", issubclass(selectors.DefaultSelector, selectors.BaseSelector),
      selectors.EVENT_READ, selectors.EVENT_WRITE)
server = socket.create_server(("127.0.0.1", 0))
server.setblocking(False)
selector = selectors.DefaultSelector()
selector.register(server, selectors.EVENT_READ, "accept")
clients = []
for i in range(3):
    client = socket.create_connection(server.getsockname())
    client.sendall(b"message %d" % i)
    clients.append(client)
served = {}
echoed = 0
while echoed < 3:
    for key, events in selector.select(timeout=2):
        if key.data == "accept":
            conn, _ = key.fileobj.accept()
            conn.setblocking(False)
            selector.register(conn, selectors.EVENT_READ, "echo")
        else:
            data = key.fileobj.recv(100)
            if data:
                key.fileobj.sendall(data.upper())
                echoed += 1
print("registered", len(selector.get_map()))
print("replies", sorted(client.recv(100) for client in clients))
for client in clients:
    client.close()
closed = 0
while closed < 3:
    for key, events in selector.select(timeout=2):
        if key.data == "echo" and not key.fileobj.recv(100):
            selector.unregister(key.fileobj)
            key.fileobj.close()
            closed += 1
print("after close", len(selector.get_map()), list(selector.get_map().values())[0].data)
print("select timeout", selector.select(0.01))

# SelectorKey, modify, get_key and the errors.
key = selector.get_key(server)
print("key", type(key).__name__, key._fields, key.events, key.data)
key = selector.modify(server, selectors.EVENT_READ, "renamed")
print("modify data", key.data, selector.get_key(server).data)
key = selector.modify(server, selectors.EVENT_READ | selectors.EVENT_WRITE)
print("modify events", key.events, key.data)
try:
    selector.register(server.fileno(), selectors.EVENT_READ)
except KeyError as exc:
    fd = server.fileno()
    print("register twice KeyError", exc.args == ("%d (FD %d) is already registered" % (fd, fd),))
show("invalid events", lambda: selector.register(99, 4))
show("no events", lambda: selector.register(99, 0))
show("unregister unknown", lambda: selector.unregister(98))
show("get_key unknown", lambda: selector.get_key(98))
show("modify unknown", lambda: selector.modify(98, selectors.EVENT_READ))
show("bad file object", lambda: selector.register("nope", selectors.EVENT_READ))
show("negative fd", lambda: selector.register(-5, selectors.EVENT_READ))
show("map lookup", lambda: selector.get_map()[97])
selector.unregister(server)
selector.close()
print("closed map", selector.get_map())
show("get_key closed", lambda: selector.get_key(server))
server.close()

# SelectSelector, the with statement, pipes.
r, w = os.pipe()
with selectors.SelectSelector() as sel:
    sel.register(r, selectors.EVENT_READ, "pipe")
    sel.register(w, selectors.EVENT_WRITE)
    print("select selector", [(k.data, e) for k, e in sel.select(0)])
    os.write(w, b"!")
    print("select selector", sorted((str(k.data), e) for k, e in sel.select(1)))
    print("in map", r in sel.get_map(), len(sel.get_map()))
print("with closed it", sel.get_map())
with selectors.PollSelector() as sel:
    sel.register(r, selectors.EVENT_READ | selectors.EVENT_WRITE, "both")
    print("poll selector", [(k.data, e) for k, e in sel.select(1)])
    os.read(r, 1)
    print("poll timeout", sel.select(0))
os.close(r)
os.close(w)
show("abstract", lambda: selectors.BaseSelector())
