"""A small reporting job: word counts, statistics, argparse options, a text file written and
read back, aligned tables and number formatting."""
import math, statistics, itertools, collections, argparse, sys, os, textwrap
words = "the quick brown fox jumps over the lazy dog the end".split()
cnt = collections.Counter(words)
print(cnt.most_common(2), sum(cnt.values()), cnt["the"], cnt["zzz"])
print(f"{len(words)=}", f"{math.pi:.3f}", f"{'left':<8}|{'right':>8}|", f"{12:#x} {12:#o} {12:#b}")
if (n := len(words)) > 5:
    print("walrus", n)
print(list(zip("ab", [1, 2], strict=True)), list(enumerate("xy", start=1)), list(itertools.pairwise([1, 2, 3])))
print(math.prod([1, 2, 3, 4]), math.comb(5, 2), math.perm(5, 2), math.isqrt(17), math.gcd(12, 18), math.lcm(4, 6), math.dist((0, 0), (3, 4)))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), round(statistics.stdev([1, 2, 3, 4]), 6), statistics.mode([1, 1, 2]))
print({k: v for k, v in zip("abc", range(3)) if v}, {x % 3 for x in range(10)}, sum([[1], [2]], []))
parser = argparse.ArgumentParser(description="demo")
parser.add_argument("--threads", type=int, default=4)
parser.add_argument("-v", "--verbose", action="store_true")
parser.add_argument("items", nargs="*")
args = parser.parse_args(["--threads", "8", "-v", "a", "b"])
print(args.threads, args.verbose, args.items, vars(args))
fname = "/tmp/gilsim_g1_%d.txt" % os.getpid()
with open(fname, "w") as f:
    for i in range(3):
        f.write(f"line {i}\n")
with open(fname) as f:
    print([l.rstrip() for l in f])
with open(fname, "a") as f:
    print("appended", file=f)
with open(fname) as f:
    data = f.read()
print(len(data.splitlines()), os.path.getsize(fname), os.path.basename(fname).startswith("gilsim"))
os.remove(fname)
print(textwrap.dedent("""\
    hello
      world"""), textwrap.indent("a\nb", "> "))
table = [("alpha", 1.5, 10), ("beta", 22.25, 200)]
for name, val, num in table:
    print(f"{name:<10}{val:>8.2f}{num:>6d}")
print("-" * 24)
print(sys.argv[0].endswith("g1.py"), __name__, __file__.endswith("g1.py"))
print(sorted(collections.defaultdict(list, a=[1]).items()), dict(collections.ChainMap({"a": 1}, {"b": 2})))
print(round(-0.5), round(1.5), round(2.5), int(-3.7), math.floor(-3.7), math.ceil(-3.2), math.trunc(3.9), 7 / 2, 7 // -2, 2 ** 100)
print(float("nan") != float("nan"), math.isclose(0.1 + 0.2, 0.3), math.inf, -math.inf, math.fsum([0.1] * 10), 1e300 * 1e10)
print(str(1.0), repr(0.1), 1/3, 2.5e-7, 1e16, 123456789.0, float(10**20), 3.0 == 3)
