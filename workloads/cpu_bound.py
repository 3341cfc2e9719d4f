# The CPU-bound function of the classic threads-vs-processes experiment, run sequentially.
#
# Under gilsim and under CPython this prints the same results; the timings go to stderr.
# With threads and processes (coming next) the same function shows the GIL serialising threads.
#
# test-args: 20000 2
import sys
import time


def cpu_func(result, niters):
    # A useless CPU-bound function: the values pass 2**64, so ints go big.
    for i in range(niters):
        result = (result * result * i + 2 * result * i * i + 3) % 10000000
    return result


def main():
    niters = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    print("cpu_func(1, {:,}) x {} runs".format(niters, runs))
    total = 0.0
    for run in range(1, runs + 1):
        start = time.perf_counter()
        result = cpu_func(run, niters)
        elapsed = time.perf_counter() - start
        total += elapsed
        print("run {}: result {}".format(run, result))
        print("  {:.3f} s".format(elapsed), file=sys.stderr)
    print("  total {:.3f} s, {:.0f} ns per iteration".format(total, total / (runs * niters) * 1e9),
          file=sys.stderr)


if __name__ == "__main__":
    main()
