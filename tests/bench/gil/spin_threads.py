# Trace benchmark helper: NTHREADS CPU-bound threads spin for SECONDS, sharing the GIL; the run a
# trace's size is measured on.
#
# Run:  gilsim run --switch-interval 1ms --trace out.json spin_threads.py NTHREADS SECONDS
# Prints "@ loops N", the loop iterations all threads ran.
import sys
import threading
import time


def main():
    nthreads, seconds = int(sys.argv[1]), float(sys.argv[2])
    loops = [0] * nthreads
    deadline = time.monotonic() + seconds

    def spin(index):
        n = 0
        while time.monotonic() < deadline:
            n += 1
        loops[index] = n

    threads = [threading.Thread(target=spin, args=(i,)) for i in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"@ loops {sum(loops)}")


main()
