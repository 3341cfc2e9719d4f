# Signals readiness, then spins until Ctrl-C.
print("ready", flush=True)
while True:
    pass
