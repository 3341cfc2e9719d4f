# Signals readiness, spins until Ctrl-C, and handles the KeyboardInterrupt.
try:
    print("ready", flush=True)
    while True:
        pass
except KeyboardInterrupt:
    print("caught")
