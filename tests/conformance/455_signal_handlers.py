# signal.signal: Python handlers run in the main thread; SIG_IGN, SIG_DFL, default_int_handler.
import signal, os, time, threading
got = []
def handler(signum, frame):
    got.append(signum)
print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGINT) is signal.default_int_handler)
old = signal.signal(signal.SIGUSR1, handler)
print(old, signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
for _ in range(1000):
    if got:
        break
    time.sleep(0.001)
print("got", got)
signal.raise_signal(signal.SIGUSR1)
print("got", got)
class Stop(Exception):
    pass
def stopper(signum, frame):
    raise Stop("alarm %d" % signum)
signal.signal(signal.SIGALRM, stopper)
print(signal.alarm(10), signal.alarm(0))
threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGALRM)).start()
try:
    while True:
        time.sleep(0.05)
except Stop as e:
    print("stopped:", e)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler, signal.getsignal(signal.SIGUSR1))
os.kill(os.getpid(), signal.SIGUSR1)
time.sleep(0.01)
print("ignored", got)
signal.signal(signal.SIGUSR1, signal.SIG_DFL); print(signal.getsignal(signal.SIGUSR1))
def in_thread():
    try:
        signal.signal(signal.SIGUSR2, handler)
    except ValueError as e:
        print("ValueError", e)
t = threading.Thread(target=in_thread); t.start(); t.join()
for bad in [lambda: signal.signal(signal.SIGKILL, handler), lambda: signal.signal(signal.SIGUSR2, 5), lambda: signal.signal(0, handler), lambda: signal.signal(signal.SIGUSR2, "x")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(signal.strsignal(signal.SIGTERM), signal.SIGTERM in signal.valid_signals(), int(signal.SIGTERM))
def sigint(signum, frame):
    print("sigint handled")
signal.signal(signal.SIGINT, sigint)
os.kill(os.getpid(), signal.SIGINT); time.sleep(0.01)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    os.kill(os.getpid(), signal.SIGINT); time.sleep(1)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
