# dictstr: word counting in a dict over generated text, str.split/join/format/f-strings, upper()
# and replace(), `in` tests on dicts and strings, dict.get with a default, setdefault, and
# .items() iteration. Dictionaries keyed by strings and string building are the most common data
# work in scripts; this measures string hashing, dict probing and formatting.
# Usage: dictstr.py [SIZE]   (SIZE: integer scale factor, default 1; 0 is a quick smoke size)
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "zu", "be"]
STOP = {"kaka": 1, "lolo": 1, "mimi": 1, "nene": 1}


def make_text(n, seed):
    x = seed
    words = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        w = SYLLABLES[x % 10] + SYLLABLES[(x >> 4) % 10]
        if x % 5 == 0:
            w += SYLLABLES[(x >> 8) % 10]
        words.append(w)
    lines = []
    for i in range(0, n, 12):
        lines.append(" ".join(words[i : i + 12]))
    return "\n".join(lines)


def analyse(text):
    counts = {}
    by_first = {}
    lengths = {}
    for line in text.split("\n"):
        for w in line.split():
            if w in STOP:
                continue
            counts[w] = counts.get(w, 0) + 1
            by_first.setdefault(w[:2], []).append(len(w))
            n = len(w)
            if n in lengths:
                lengths[n] += 1
            else:
                lengths[n] = 1
    return counts, by_first, lengths


def report(counts, by_first, lengths):
    rows = []
    for word, n in counts.items():
        if n > 40 and "a" in word:
            rows.append("{0}:{1}".format(word.upper(), n))
    summary = []
    for first, ls in sorted(by_first.items()):
        summary.append(f"{first}={len(ls)}/{sum(ls)}")
    lens = ", ".join("%d:%d" % (k, v) for k, v in sorted(lengths.items()))
    return rows, summary, lens


def run(rounds):
    check = 0
    last = None
    for r in range(rounds):
        text = make_text(6000, r + 1)
        counts, by_first, lengths = analyse(text)
        rows, summary, lens = report(counts, by_first, lengths)
        joined = "|".join(rows).replace("KA", "k")
        check = (check * 31 + len(joined) + len(counts) + sum(len(s) for s in summary)) % 1000000007
        last = (summary[:3], lens, len(rows))
    return check, last


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    rounds = 200 * size if size > 0 else 2
    check, (summary, lens, nrows) = run(rounds)
    print("dictstr", check, nrows)
    print(" ".join(summary))
    print(lens)


main()
