"""Map-reduce with a process pool: documents are split into chunks, each worker counts the
words of its chunk (map), and the partial counts are merged (reduce) and ranked."""

from multiprocessing import Pool

DOCUMENTS = [
    "the lock protects the interpreter state and the reference counts",
    "threads share memory so they need the lock to touch objects",
    "processes do not share memory so each has a lock of its own",
    "a pool of processes spreads work over every core of the machine",
    "the pool sends work and results through pipes between processes",
] * 6


def count_words(lines):
    counts = {}
    for line in lines:
        for word in line.split():
            counts[word] = counts.get(word, 0) + 1
    return counts


def merge(total, part):
    for word, n in part.items():
        total[word] = total.get(word, 0) + n
    return total


if __name__ == "__main__":
    chunks = [DOCUMENTS[i:i + 4] for i in range(0, len(DOCUMENTS), 4)]
    with Pool(3) as pool:
        partial = pool.map(count_words, chunks)
    total = {}
    for part in partial:
        merge(total, part)
    ranked = sorted(total.items(), key=lambda item: (-item[1], item[0]))
    print("chunks:", len(chunks), "distinct words:", len(total), "words:", sum(total.values()))
    for word, n in ranked[:10]:
        print("%-10s %3d" % (word, n))
    print("same as one process:", total == count_words(DOCUMENTS))
