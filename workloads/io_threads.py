# I/O-bound threads: a thread that blocks (in time.sleep, or in os.read on an empty pipe) lets go
# of the GIL, so N threads that each wait S seconds finish together in about S seconds, not N*S.
#   part 1: N threads each call time.sleep(S)
#   part 2: N threads each block in os.read on their own pipe; one writer thread sleeps S seconds,
#           then writes a line into every pipe
#
# Run:  python3 io_threads.py [NTHREADS] [SECONDS]
#       gilsim run io_threads.py 4 1
# stdout: what each thread did (the same everywhere); stderr: the timings.
#
# test-args: 3 0.05
import os
import sys
import threading
import time


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def sleepers(nthreads, seconds):
    """N threads each sleep `seconds`; returns (what each did, elapsed seconds)."""
    done = [None] * nthreads

    def sleeper(index):
        time.sleep(seconds)
        done[index] = "slept"

    threads = [threading.Thread(target=sleeper, args=(i,)) for i in range(nthreads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done, time.perf_counter() - start


def read_all(fd):
    chunks = []
    while True:
        chunk = os.read(fd, 64)  # blocks, without the GIL, until the writer writes or closes
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def pipe_readers(nthreads, seconds):
    """N threads block reading pipes that a writer fills after `seconds`."""
    pipes = [os.pipe() for _ in range(nthreads)]
    got = [None] * nthreads

    def reader(index):
        got[index] = read_all(pipes[index][0]).decode()

    def writer():
        time.sleep(seconds)
        for index in range(nthreads):
            os.write(pipes[index][1], "hello reader {}".format(index + 1).encode())
            os.close(pipes[index][1])

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(nthreads)]
    threads.append(threading.Thread(target=writer, name="writer"))
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    for read_end, _ in pipes:
        os.close(read_end)
    return got, elapsed


def main():
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    print("{} threads, each waiting {} s".format(nthreads, seconds))
    rows = ["part                  seconds  one wait  all waits one after another"]

    done, elapsed = sleepers(nthreads, seconds)
    print("time.sleep: " + ", ".join(done))
    rows.append("time.sleep            {:>7.3f}  {:>8.3f}  {:>8.3f}".format(
        elapsed, seconds, nthreads * seconds))

    got, elapsed = pipe_readers(nthreads, seconds)
    for index, text in enumerate(got):
        print("os.read, thread {}: {!r}".format(index + 1, text))
    rows.append("os.read on pipes      {:>7.3f}  {:>8.3f}  {:>8.3f}".format(
        elapsed, seconds, nthreads * seconds))
    note("\n".join(rows))


if __name__ == "__main__":
    main()
