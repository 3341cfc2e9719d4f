"""Logging from threads: one format with threadName, each thread logging in turn (an Event hands
the turn on), so the log is in a fixed order; a second logger at WARNING filters."""

import logging
import sys
import threading

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(levelname)-7s %(threadName)-9s %(name)s: %(message)s")
log = logging.getLogger("worker")
quiet = logging.getLogger("quiet")
quiet.setLevel(logging.WARNING)


def work(n, my_turn, next_turn):
    my_turn.wait()
    log.info("starting job %d", n)
    log.debug("job %d squares to %d", n, n * n)
    quiet.info("this is filtered")
    if n == 2:
        log.warning("job %d is slow", n)
        quiet.error("quiet logger still shows errors")
    next_turn.set()


turns = [threading.Event() for _ in range(5)]
threads = [threading.Thread(target=work, args=(n, turns[n], turns[n + 1]), name="job-%d" % n)
           for n in range(4)]
for t in threads:
    t.start()
log.info("main thread starts the chain")
turns[0].set()
for t in threads:
    t.join()
log.info("all %d jobs logged", len(threads))
