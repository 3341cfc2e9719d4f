# ident, native_id, is_alive and join with a timeout on a thread that is still blocked.
import threading

gate = threading.Event()
t = threading.Thread(target=gate.wait)
print(t.ident, t.native_id, t.is_alive())
t.start()
print(type(t.ident).__name__, type(t.native_id).__name__, t.is_alive())
t.join(timeout=0.01)
print("after join(0.01):", t.is_alive())
t.join(0)
print("after join(0):", t.is_alive())
gate.set()
t.join()
print("after set:", t.is_alive())
print(t.ident != threading.get_ident(), threading.get_ident() == threading.main_thread().ident)
print(isinstance(threading.get_native_id(), int), threading.TIMEOUT_MAX > 0)
