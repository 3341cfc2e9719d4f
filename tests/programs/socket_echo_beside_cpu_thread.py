"""An echo server on a thread answers a client while a CPU-bound thread spins beside them:
the socket waits give the GIL up (reason io), so the replies come back; then a socketpair and a
selector round trip."""
import socket, threading, time
def echo_server(sock):
    while True:
        conn, _ = sock.accept()
        with conn:
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data.upper())
        break
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0)); srv.listen(5)
port = srv.getsockname()[1]
t = threading.Thread(target=echo_server, args=(srv,), daemon=True); t.start()
def spin(stop):
    n = 0
    while not stop.is_set():
        n += 1
stop = threading.Event()
cpu = threading.Thread(target=spin, args=(stop,)); cpu.start()
c = socket.create_connection(("127.0.0.1", port))
replies = []
for i in range(5):
    c.sendall(b"ping %d" % i)
    replies.append(c.recv(1024))
c.close(); stop.set(); cpu.join(); t.join(); srv.close()
print(replies)
a, b = socket.socketpair()
a.sendall(b"hello"); print(b.recv(10)); a.close(); b.close()
import selectors
sel = selectors.DefaultSelector()
r, w = socket.socketpair()
sel.register(r, selectors.EVENT_READ, data="reader")
w.send(b"x")
events = sel.select(timeout=1)
print([(k.data, m == selectors.EVENT_READ) for k, m in events])
sel.close(); r.close(); w.close()
