# A responsive "GUI" thread next to CPU-bound workers: the GUI thread wants to tick every 10 ms
# (time.sleep(0.01), then do a little work) and records how late each tick wakes up. Sleeping
# gives the GIL up; waking up needs it back, and while CPU-bound workers run that takes up to a
# switch interval (5 ms) or more: the ticks get late and jittery, which a user sees as a sluggish
# interface. Try gilsim --gil priority (threads back from a wait go first) or --switch-interval.
#
# Run:  python3 gui_ticks.py [TICKS] [WORKER_COUNTS] [TICK_MS]
#       gilsim run gui_ticks.py 100 0,1,2 10
#       gilsim run --gil priority gui_ticks.py
# stdout: the work done (the same everywhere); stderr: how late the ticks were, in milliseconds.
#
# test-args: 10 0,1
import sys
import threading
import time

try:
    import gilsim
except ImportError:
    gilsim = None


def cpu_worker(stop):
    x = 0
    while not stop[0]:
        x = (x * 31 + 7) % 1000003


def gui(nticks, tick_s, lateness):
    for _ in range(nticks):
        due = time.perf_counter() + tick_s
        time.sleep(tick_s)
        lateness.append(time.perf_counter() - due)


def run(nticks, tick_s, nworkers):
    """nticks GUI ticks while nworkers CPU-bound threads run; returns each tick's lateness."""
    stop = [False]
    lateness = []
    workers = [threading.Thread(target=cpu_worker, args=(stop,), name="worker-{}".format(i + 1))
               for i in range(nworkers)]
    for t in workers:
        t.start()
    gui_thread = threading.Thread(target=gui, args=(nticks, tick_s, lateness), name="gui")
    gui_thread.start()
    gui_thread.join()
    stop[0] = True
    for t in workers:
        t.join()
    return lateness


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def main():
    nticks = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    counts = [int(c) for c in sys.argv[2].split(",")] if len(sys.argv) > 2 else [0, 1, 2]
    tick_ms = float(sys.argv[3]) if len(sys.argv) > 3 else 10.0
    print("GUI thread: {} ticks, one every {:g} ms".format(nticks, tick_ms))
    rows = ["CPU workers  ticks  mean late ms  max late ms"]
    for nworkers in counts:
        lateness = run(nticks, tick_ms / 1000, nworkers)
        print("with {} CPU worker{}: {} ticks".format(
            nworkers, "" if nworkers == 1 else "s", len(lateness)))
        ms = [x * 1000 for x in lateness]
        mean = sum(ms) / len(ms) if ms else 0.0
        rows.append("{:>11}  {:>5}  {:>12.3f}  {:>11.3f}".format(
            nworkers, len(ms), mean, max(ms) if ms else 0.0))
    rows.append("(switch interval {:g} ms{})".format(
        sys.getswitchinterval() * 1000,
        ", gilsim GIL policy " + gilsim.policy() if gilsim is not None else ""))
    note("\n".join(rows))


if __name__ == "__main__":
    main()
