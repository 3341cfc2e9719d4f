# socket over loopback: TCP echo with a server thread, socketpair, UDP, AF_UNIX, makefile,
# timeouts, non-blocking calls, refused connections, closed sockets, create_connection and
# create_server. Nothing port-, pid- or descriptor-specific is printed.
import os
import socket
import threading


def show(label, call):
    try:
        print(label, repr(call()))
    except Exception as exc:
        print(label, type(exc).__name__, exc, getattr(exc, "errno", None))


def echo_server(listener, connections):
    for _ in range(connections):
        conn, _addr = listener.accept()
        with conn:
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data.upper())


# TCP echo: a server thread on port 0, a client that reads the port back.
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen(5)
host, port = listener.getsockname()
print("listening on", host, type(port).__name__, 0 < port < 65536)
print("family", listener.family, repr(listener.family), "type", repr(listener.type))
print("reuseaddr", listener.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
print("so_type", listener.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)
server = threading.Thread(target=echo_server, args=(listener, 3))
server.start()

client = socket.socket()
print("timeout default", client.gettimeout(), client.getblocking())
client.connect(("127.0.0.1", port))
client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print("nodelay", client.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
print("peer", client.getpeername()[0], client.getpeername()[1] == port)
print("sent", client.send(b"hello"))
print("echo", client.recv(1024))
client.sendall(b"x" * 20000)
received = b""
while len(received) < 20000:
    received += client.recv(4096)
print("big echo", len(received), received == b"X" * 20000)
buffer = bytearray(5)
client.sendall(b"abcde")
got = 0
while got < 5:
    chunk = bytearray(5 - got)
    n = client.recv_into(chunk)
    buffer[got:got + n] = chunk[:n]
    got += n
print("recv_into", got, buffer)
client.shutdown(socket.SHUT_WR)
print("after shutdown", client.recv(10))
client.close()

# makefile: lines both ways, then the text file's iteration.
with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
    print("create_connection", conn.gettimeout(), conn.getpeername()[1] == port)
    writer = conn.makefile("w", encoding="utf-8")
    reader = conn.makefile("r", encoding="utf-8")
    writer.write("first line\nsecond line\n")
    writer.flush()
    print("readline", repr(reader.readline()), repr(reader.readline()))
    writer.write("caf\u00e9\n")
    writer.close()
    print("readline", repr(reader.readline()))
    conn.shutdown(socket.SHUT_WR)
    print("rest", list(reader))
    reader.close()
print("closed by with", conn.fileno())

with socket.create_connection(("127.0.0.1", port)) as conn:
    binary = conn.makefile("rwb")
    binary.write(b"bytes one\nbytes two\n")
    binary.flush()
    print("binary", binary.readline(), binary.readline())
    binary.close()
server.join()
listener.close()

# socketpair and the with statement.
left, right = socket.socketpair()
with left, right:
    print("pair", left.family, right.type, left.getsockname() == "")
    left.sendall(b"ping")
    print("pair recv", right.recv(4))
    right.sendall(b"pong")
    print("pair recv", left.recv(4))
    print("repr", repr(left).startswith("<socket.socket fd="), repr(left).endswith("proto=0>"))
print("repr closed", repr(left).startswith("<socket.socket [closed] fd=-1, family=1, type=1"))

# UDP.
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as receiver, \
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
    receiver.bind(("127.0.0.1", 0))
    print("udp type", repr(receiver.type))
    print("sendto", sender.sendto(b"datagram", receiver.getsockname()))
    data, address = receiver.recvfrom(100)
    print("recvfrom", data, address[0], address[1] == sender.getsockname()[1])
    sender.sendto(b"second", 0, receiver.getsockname())
    print("recvfrom", receiver.recvfrom(100)[0])

# AF_UNIX at a path of this process's own, removed afterwards.
path = "/tmp/gilsim_socket_test_%d.sock" % os.getpid()
if os.path.exists(path):
    os.remove(path)
with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as unix_server:
    unix_server.bind(path)
    unix_server.listen()
    print("unix name", unix_server.getsockname() == path)
    with socket.socket(socket.AF_UNIX) as unix_client:
        unix_client.connect(path)
        conn, addr = unix_server.accept()
        with conn:
            print("unix accept", repr(addr), conn.family)
            unix_client.sendall(b"over unix")
            print("unix recv", conn.recv(100))
            show("unix bind again", lambda: socket.socket(socket.AF_UNIX).bind(path))
os.remove(path)
print("unix removed", os.path.exists(path))

# Timeouts and non-blocking calls.
a, b = socket.socketpair()
a.settimeout(0.05)
print("timeout", a.gettimeout(), a.getblocking(), a.timeout)
show("recv timeout", lambda: a.recv(10))
try:
    a.recv(10)
except socket.timeout as exc:
    print("socket.timeout is TimeoutError", socket.timeout is TimeoutError, exc.args)
a.setblocking(False)
print("non-blocking", a.gettimeout(), a.getblocking())
show("recv would block", lambda: a.recv(10))
b.send(b"ready")
print("non-blocking recv", a.recv(10))
a.settimeout(None)
print("blocking again", a.gettimeout(), a.getblocking())
show("bad timeout", lambda: a.settimeout(-1))
nonblocking = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print("SOCK_NONBLOCK", nonblocking.gettimeout(), repr(nonblocking.type))
nonblocking.close()
a.close()
b.close()

# Connecting to a closed port.
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
closed_port = probe.getsockname()[1]
probe.close()
show("refused", lambda: socket.create_connection(("127.0.0.1", closed_port)))
with socket.socket() as refused:
    print("connect_ex", refused.connect_ex(("127.0.0.1", closed_port)))

# Address in use, and what a closed socket does.
first = socket.socket()
first.bind(("127.0.0.1", 0))
first.listen()
second = socket.socket()
show("in use", lambda: second.bind(first.getsockname()))
second.close()
try:
    socket.create_server(first.getsockname())
except OSError as exc:
    # The message names the address (and so the port): only its start is printed.
    print("create_server in use", type(exc).__name__, exc.errno, str(exc).split(" (")[0],
          "(while attempting to bind on address ('127.0.0.1'," in str(exc))
first.close()
print("fileno after close", first.fileno())
show("recv closed", lambda: first.recv(1))
show("send closed", lambda: first.send(b"x"))
show("getsockname closed", lambda: first.getsockname())
show("close twice", lambda: first.close())
show("not connected", lambda: socket.socket().getpeername())

# create_server and errors of arguments.
with socket.create_server(("127.0.0.1", 0)) as srv:
    print("create_server", srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0,
          srv.getsockname()[0])
    with socket.create_connection(srv.getsockname()) as c:
        accepted, _ = srv.accept()
        with accepted:
            c.sendall(b"via create_server")
            print("server got", accepted.recv(100))
with socket.socket() as s:
    show("bind str", lambda: s.bind("localhost"))
    show("bind short", lambda: s.bind(("127.0.0.1",)))
    show("bind port", lambda: s.bind(("127.0.0.1", 70000)))
    show("send str", lambda: s.send("text"))
    show("negative recv", lambda: s.recv(-1))
    show("bad mode", lambda: s.makefile("x"))
    s.bind(("localhost", 0))
    print("localhost", s.getsockname()[0])

# Module functions.
print("gethostbyname", socket.gethostbyname("localhost"), socket.gethostbyname("127.0.0.1"))
print("inet", socket.inet_aton("127.0.0.1"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
show("inet_aton bad", lambda: socket.inet_aton("not an address"))
print("byte order", socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(1))
print("types", type(socket.gethostname()).__name__, socket.has_ipv6)
print("default timeout", socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
with socket.socket() as s:
    print("with default timeout", s.gettimeout())
socket.setdefaulttimeout(None)
print("getaddrinfo", socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print("errors", socket.error is OSError, issubclass(socket.gaierror, OSError),
      issubclass(socket.herror, OSError), socket.gaierror.__module__)
print("constants", socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_STREAM,
      socket.SOCK_DGRAM, socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.IPPROTO_TCP,
      socket.TCP_NODELAY, socket.SHUT_RDWR)

# IPv6: its addresses; the loopback where the host has one (the same line either way).
with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as v6:
    show("ipv6 bind str", lambda: v6.bind("::1"))
    show("ipv6 bind short", lambda: v6.bind(("::1",)))
    try:
        v6.bind(("::1", 0))
        address = v6.getsockname()
        shape = (address[0], len(address), address[2:])
    except OSError:
        shape = ("::1", 4, (0, 0))
    print("ipv6", shape)
