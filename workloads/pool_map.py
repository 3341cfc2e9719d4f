# A process pool spreading CPU-bound tasks over cores: multiprocessing.Pool(n).map(func, seeds)
# and Pool(n).starmap(func, [(seed, niters), ...]) against the same calls made serially. Each
# worker process has its own interpreter and GIL, so on k free cores the pool takes about 1/k of
# the serial time (plus the cost of starting the workers and pickling arguments and results);
# the results are the same, in the same order.
#
# Run:  python3 pool_map.py [NTASKS] [NITERS] [NPROCS]
#       gilsim run pool_map.py 16 200000 4
# NPROCS defaults to multiprocessing.cpu_count().
# stdout: the tasks, the results' checksum and whether map and starmap match the serial results
# (the same everywhere); stderr: serial and pool times and the speed-up.
#
# test-args: 8 10000 2
import multiprocessing
import sys
import time

def cpu_func(seed, niters):
    # cpu_bound.py's useless CPU-bound loop (over range(seed, seed + niters), so that each seed
    # gives its own result): pure Python, it holds the GIL throughout.
    result = seed
    for i in range(seed, seed + niters):
        result = (result * result * i + 2 * result * i * i + 3) % 10000000
    return result


def cpu_task(seed_and_niters):
    # map() passes one argument: a (seed, niters) tuple. A module-level function, so that the
    # pool can send it to its workers by name (they import this module under spawn).
    seed, niters = seed_and_niters
    return cpu_func(seed, niters)


def checksum(values):
    total = 0
    for index, value in enumerate(values):
        total = (total * 31 + (index + 1) * value) % 1000000007
    return total


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def timed(func, *args):
    start = time.perf_counter()
    value = func(*args)
    return value, time.perf_counter() - start


def serial_map(tasks):
    return list(map(cpu_task, tasks))


def serial_starmap(tasks):
    return [cpu_func(seed, niters) for seed, niters in tasks]


def main():
    ntasks = int(sys.argv[1]) if len(sys.argv) > 1 else 16
    niters = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
    nprocs = int(sys.argv[3]) if len(sys.argv) > 3 else multiprocessing.cpu_count()
    tasks = [(seed, niters) for seed in range(1, ntasks + 1)]
    print("{} tasks of cpu_func(seed, {:,}), seeds 1 to {}".format(ntasks, niters, ntasks))

    expected, serial_seconds = timed(serial_map, tasks)
    print("serial results: first {}, checksum {}".format(
        ", ".join(str(r) for r in expected[:4]), checksum(expected)))
    starmap_expected = serial_starmap(tasks)

    pool, start_seconds = timed(multiprocessing.Pool, nprocs)
    try:
        mapped, map_seconds = timed(pool.map, cpu_task, tasks)
        starmapped, starmap_seconds = timed(pool.starmap, cpu_func, tasks)
    finally:
        pool.close()
        pool.join()

    print("Pool.map results equal serial map: {} (checksum {})".format(
        mapped == expected, checksum(mapped)))
    print("Pool.starmap results equal serial: {} (checksum {})".format(
        starmapped == starmap_expected, checksum(starmapped)))
    note("pool of {} processes: started in {:.3f} s\n"
         "serial map     {:8.3f} s\n"
         "Pool.map       {:8.3f} s  speed-up {:.2f}\n"
         "Pool.starmap   {:8.3f} s  speed-up {:.2f}".format(
             nprocs, start_seconds, serial_seconds, map_seconds, serial_seconds / map_seconds,
             starmap_seconds, serial_seconds / starmap_seconds))


if __name__ == "__main__":
    main()
