"""A thread pool with futures: submit, as_completed, map, exceptions carried back to result(),
callbacks, and wait() with its return conditions."""

import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED


def word_length(word):
    time.sleep(0.01 * (len(word) % 3))
    if not word.isalpha():
        raise ValueError("not a word: %r" % word)
    return len(word)


WORDS = ["thread", "process", "lock", "gil", "queue", "42", "future", "pool"]

with ThreadPoolExecutor(max_workers=4) as pool:
    futures = {pool.submit(word_length, w): w for w in WORDS}
    lengths = {}
    for future in as_completed(futures):
        word = futures[future]
        try:
            lengths[word] = future.result()
        except ValueError as e:
            lengths[word] = "error: %s" % e
    for word in WORDS:
        print("%-8s %s" % (word, lengths[word]))

    print(list(pool.map(len, WORDS)))
    done_log = []
    f = pool.submit(sum, [1, 2, 3])
    f.add_done_callback(lambda fut: done_log.append(fut.result()))
    f.result()
    print("callback saw", done_log)

    slow = pool.submit(time.sleep, 0.3)
    quick = pool.submit(pow, 2, 100)
    done, not_done = wait([slow, quick], return_when=FIRST_COMPLETED)
    print("first done is quick:", quick in done, "slow pending:", slow in not_done)
    print(quick.result())
print("all done:", slow.done())
