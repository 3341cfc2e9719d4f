# What it costs to send large data to another process: a list of N ints and a bytes of N bytes,
# sent to a child through a multiprocessing.Queue and through a multiprocessing.Pipe. Threads
# share one heap and pass a reference; processes do not share objects, so the data is pickled,
# copied through a pipe and unpickled: the cost grows with the size, and a list of ints (one
# object each) costs far more per element than one bytes object.
#
# The child first says it is ready, so that its start is not timed; then for each payload it
# notes the wall-clock time at which the payload arrived (time.time(), comparable between
# processes), then computes its length and checksum and sends them back with that time.
#
# Run:  python3 send_large.py [N] [ROUNDS]
#       gilsim run send_large.py 1000000 3
# stdout: per channel and payload the length and checksum the child computed, and whether they
# match the parent's (the same everywhere); stderr: the transfer times, in ms per MB for the
# bytes and ms per million ints for the list.
#
# test-args: 20000 2
import multiprocessing
import sys
import time


def checksum(data):
    # Works for a list of small ints and for bytes (iterating over bytes gives ints).
    return sum(data) % 1000000007


def make_list(n):
    return [(i * 7919) % 1000003 for i in range(n)]


def make_bytes(n):
    block = bytes(range(256))
    return block * (n // 256) + block[:n % 256]


def queue_child(inbox, outbox):
    outbox.put("ready")
    while True:
        data = inbox.get()
        arrived = time.time()
        if data is None:
            break
        outbox.put((len(data), checksum(data), arrived))


def pipe_child(conn):
    conn.send("ready")
    while True:
        data = conn.recv()
        arrived = time.time()
        if data is None:
            break
        conn.send((len(data), checksum(data), arrived))
    conn.close()


class QueueChannel:
    name = "Queue"

    def __init__(self):
        self.inbox = multiprocessing.Queue()
        self.outbox = multiprocessing.Queue()
        self.process = multiprocessing.Process(target=queue_child, args=(self.inbox, self.outbox))

    def send(self, data):
        self.inbox.put(data)

    def receive(self):
        return self.outbox.get()


class PipeChannel:
    name = "Pipe"

    def __init__(self):
        self.conn, child_conn = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=pipe_child, args=(child_conn,))

    def send(self, data):
        self.conn.send(data)

    def receive(self):
        return self.conn.recv()


def run_channel(channel, payloads, rounds):
    """Sends each payload `rounds` times through channel; returns [(label, answer, seconds)]."""
    channel.process.start()
    ready = channel.receive()
    if ready != "ready":
        raise RuntimeError("unexpected first message from the child: {!r}".format(ready))
    out = []
    for label, data in payloads:
        answers = []
        best = None
        for _ in range(rounds):
            sent = time.time()
            channel.send(data)
            length, total, arrived = channel.receive()
            answers.append((length, total))
            seconds = max(arrived - sent, 0.0)
            best = seconds if best is None else min(best, seconds)
        if any(a != answers[0] for a in answers):
            raise RuntimeError("the child's answers differ between rounds: {}".format(answers))
        out.append((label, answers[0], best))
    channel.send(None)
    channel.process.join()
    if channel.process.exitcode != 0:
        raise RuntimeError("the {} child exited with code {}".format(
            channel.name, channel.process.exitcode))
    return out


def note(text):
    # Keeps stdout and stderr in order when both go to one terminal or file.
    sys.stdout.flush()
    print(text, file=sys.stderr)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    payloads = [("list of {:,} ints".format(n), make_list(n)),
                ("bytes of {:,} bytes".format(n), make_bytes(n))]
    expected = [(len(data), checksum(data)) for _, data in payloads]
    print("sending a list of {:,} ints and a bytes of {:,} bytes to a child, {} rounds each".format(
        n, n, rounds))
    rows = ["channel  payload                    best ms   per unit"]
    for channel in (QueueChannel(), PipeChannel()):
        for index, (label, answer, seconds) in enumerate(run_channel(channel, payloads, rounds)):
            length, total = answer
            print("{:<5} {}: child got length {:,}, checksum {}; matches: {}".format(
                channel.name, label, length, total, answer == expected[index]))
            unit = "ms per million ints" if index == 0 else "ms per MB"
            rows.append("{:<8} {:<24} {:>9.2f}  {:>8.2f} {}".format(
                channel.name, label, seconds * 1e3, seconds * 1e3 / (n / 1e6), unit))
    note("\n".join(rows))


if __name__ == "__main__":
    main()
