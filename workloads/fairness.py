# Switch-interval fairness: two equal CPU-bound threads run side by side for a fixed time, each
# counting its loop iterations. The GIL lets one run at a time and hands it over about once per
# switch interval (sys.setswitchinterval, 5 ms by default), so each should get about half; a
# shorter interval means more hand-offs per second (fairer on short time scales, more overhead),
# a longer one fewer.
#
# Run:  python3 fairness.py [SECONDS] [SWITCH_INTERVAL_MS]
#       gilsim run fairness.py 2 5
#       gilsim run --switch-interval 1ms fairness.py
# Without SWITCH_INTERVAL_MS the interpreter's interval stays (gilsim: --switch-interval).
# stdout: the set-up (the same everywhere); stderr: iterations and shares, how often A and B took
# turns (seen from Python, so CPython reports it too: about the GIL's hand-offs between them), and
# under gilsim the GIL's own hand-off count and how long each thread held and wanted it.
#
# test-args: 0.2 2
import sys
import threading
import time

try:
    import gilsim
except ImportError:
    gilsim = None


def spin(stop, index, iterations, turn, gil_stats):
    x = 0
    count = 0
    while not stop[0]:
        x = (x * 31 + count) % 1000003
        count += 1
        if turn[0] != index:  # the other thread ran since this one last did
            turn[0] = index
            turn[1] += 1
    iterations[index] = count
    if gilsim is not None:
        gil_stats[index] = gilsim.thread_counters()


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    if len(sys.argv) > 2:
        sys.setswitchinterval(float(sys.argv[2]) / 1000)
        print("switch interval set to {} ms".format(sys.argv[2]))
    else:
        print("switch interval: the interpreter's default")
    names = ["A", "B"]
    print("threads {} and {} count loop iterations for {} s".format(names[0], names[1], seconds))

    stop = [False]
    iterations = [0, 0]
    gil_stats = [None, None]
    turn = [None, -1]  # whose turn it is, and how many times that changed after the first
    threads = [threading.Thread(target=spin, args=(stop, i, iterations, turn, gil_stats), name=name)
               for i, name in enumerate(names)]
    before = gilsim.counters() if gilsim is not None else None
    start = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop[0] = True
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    print("both threads stopped")

    total = sum(iterations)
    rows = ["thread   iterations  share"]
    for i, name in enumerate(names):
        share = 100.0 * iterations[i] / total if total else 0.0
        row = "{:<6}  {:>11,}  {:>4.1f}%".format(name, iterations[i], share)
        if gil_stats[i] is not None:
            row += "  held the GIL {:.3f} s, waited for it {:.3f} s (longest {:.1f} ms)".format(
                gil_stats[i]["held_s"], gil_stats[i]["wanted_s"],
                gil_stats[i]["longest_wait_s"] * 1000)
        rows.append(row)
    rows.append("switch interval {:g} ms, {:.3f} s of wall time".format(
        sys.getswitchinterval() * 1000, elapsed))
    rows.append("A and B took turns {:,} times, {:.0f} per second".format(
        max(turn[1], 0), max(turn[1], 0) / elapsed))
    if gilsim is not None:
        switches = gilsim.counters()["switches"] - before["switches"]
        rows.append("gilsim ({} GIL): {:,} hand-offs, {:.0f} per second".format(
            gilsim.policy(), switches, switches / elapsed))
    note("\n".join(rows))


if __name__ == "__main__":
    main()
