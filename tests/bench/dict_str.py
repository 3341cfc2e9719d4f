# Dicts and strings: word counts over generated text, joins, splits, formatting (a bench of
# tests/bench/, and one of the workloads the simulated machine's costs are calibrated on).
def words(n):
    syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po"]
    out = []
    x = 7
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(syllables[x % 8] + syllables[(x >> 3) % 8] + syllables[(x >> 6) % 8])
    return out


def main():
    text = " ".join(words(200000))
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    lines = []
    for word, n in top:
        lines.append(f"{word:>8} {n:6d}")
    print("\n".join(lines))
    print(len(counts), sum(counts.values()))


main()
