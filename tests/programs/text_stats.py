"""A text statistics job: word frequencies, the longest words, letter counts and sentence
lengths of a built-in passage, with collections.Counter and re."""

import re
from collections import Counter, defaultdict

TEXT = """
The global interpreter lock is a mutex that protects access to Python objects, preventing
multiple threads from executing Python bytecodes at once. The lock is necessary mainly because
the memory management of the interpreter is not thread-safe. Threads that wait for input or
output release the lock, so that other threads can run while they wait. A program that spends
its time computing gains little from threads; a program that spends its time waiting gains a
great deal. Processes, on the other hand, each have their own interpreter and their own lock.
"""

words = re.findall(r"[a-z]+(?:-[a-z]+)?", TEXT.lower())
counts = Counter(words)
print("words:", len(words), "distinct:", len(counts))
for word, n in counts.most_common(8):
    print("%-12s %d" % (word, n))

by_length = defaultdict(list)
for word in counts:
    by_length[len(word)].append(word)
longest = max(by_length)
print("longest (%d):" % longest, ", ".join(sorted(by_length[longest])))

letters = Counter(ch for ch in TEXT.lower() if ch.isalpha())
print("top letters:", " ".join("%s=%d" % item for item in sorted(letters.most_common(5))))

sentences = [s.strip() for s in re.split(r"[.;]", TEXT) if s.strip()]
for s in sentences:
    print("%2d words | %s..." % (len(s.split()), " ".join(s.split()[:4])))
