# Signals readiness, then sleeps; Ctrl-C must interrupt the sleep.
import time

print("ready", flush=True)
time.sleep(10)
