# Producer and consumers in separate processes, talking through a multiprocessing.Queue: one
# producer process puts the items 1 .. N on the queue, then one sentinel (None) per consumer;
# each consumer process sums the items it gets until it reads a sentinel, and puts its (count,
# sum) on a results queue. Every item is pickled, written to a pipe and unpickled, so the cost is
# per item: the throughput shows it. How the items split between the consumers varies from run
# to run; the total does not.
#
# Run:  python3 producer_consumer.py [NITEMS] [NCONSUMERS]
#       gilsim run producer_consumer.py 50000 2
# stdout: the items, the total and count the consumers got together, and the check against
# N*(N+1)/2 (the same everywhere); stderr: each consumer's share and the items per second.
#
# test-args: 5000 2
import multiprocessing
import sys
import time


def producer(items, nitems, nconsumers):
    for i in range(1, nitems + 1):
        items.put(i)
    for _ in range(nconsumers):
        items.put(None)  # one sentinel per consumer: each stops at the first it reads


def consumer(index, items, results):
    count = 0
    total = 0
    while True:
        item = items.get()
        if item is None:
            break
        count += 1
        total += item
    results.put((index, count, total))


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def main():
    nitems = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
    nconsumers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    expected = nitems * (nitems + 1) // 2
    print("1 producer process, {} consumer processes, items 1 to {:,} through a "
          "multiprocessing.Queue".format(nconsumers, nitems))

    items = multiprocessing.Queue()
    results = multiprocessing.Queue()
    consumers = [multiprocessing.Process(target=consumer, args=(i, items, results),
                                         name="consumer-{}".format(i + 1))
                 for i in range(nconsumers)]
    producing = multiprocessing.Process(target=producer, args=(items, nitems, nconsumers),
                                        name="producer")
    start = time.perf_counter()
    for c in consumers:
        c.start()
    producing.start()
    # Collect the results before joining: a process exits only once its queue data is flushed.
    shares = [None] * nconsumers
    for _ in range(nconsumers):
        index, count, total = results.get()
        shares[index] = (count, total)
    seconds = time.perf_counter() - start
    producing.join()
    for c in consumers:
        c.join()
    codes = [p.exitcode for p in [producing] + consumers]

    count = sum(share[0] for share in shares)
    total = sum(share[1] for share in shares)
    print("consumers got {:,} items, total {:,}".format(count, total))
    print("total equals N*(N+1)/2 = {:,}: {}; every process exited 0: {}".format(
        expected, total == expected and count == nitems, codes == [0] * len(codes)))
    rows = ["consumer-{}: {:>9,} items ({:5.1f}%)".format(i + 1, share[0],
                                                          100.0 * share[0] / max(nitems, 1))
            for i, share in enumerate(shares)]
    rows.append("{:,} items in {:.3f} s: {:,.0f} items/s, {:.1f} us per item".format(
        nitems, seconds, nitems / seconds, seconds / max(nitems, 1) * 1e6))
    note("\n".join(rows))


if __name__ == "__main__":
    main()
