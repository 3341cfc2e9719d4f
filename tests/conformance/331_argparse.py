# expect-stderr: countdown: error: argument --mode: invalid choice: 'fibers' (choose from 'threads', 'processes')
# expect-stderr: mx: error: argument --slow: not allowed with argument --fast
# argparse: positionals and optionals, actions, nargs, type/choices/default, groups, the
# usage and help layout, and the errors (usage and message on stderr, exit status 2 caught).
import argparse, sys
def make():
    p = argparse.ArgumentParser(prog="countdown", description="Count down in threads and time it.")
    p.add_argument("n", type=int, help="how far to count")
    p.add_argument("names", nargs="*", help="labels for the threads")
    p.add_argument("-t", "--threads", type=int, default=2, help="number of threads (default: %(default)s)")
    p.add_argument("--mode", choices=["threads", "processes"], default="threads", help="how to run")
    p.add_argument("-v", "--verbose", action="count", default=0, help="more output")
    p.add_argument("--quiet", action="store_true", help="no output")
    p.add_argument("--no-color", dest="color", action="store_false")
    p.add_argument("--tag", action="append", help="a tag; repeatable")
    p.add_argument("--ratio", type=float, default="0.5", help="a float given as text by default")
    g = p.add_argument_group("tuning", "knobs for the scheduler")
    g.add_argument("--interval", type=float, metavar="SECONDS", help="the switch interval")
    return p
for argv in (["100"], ["5", "a", "b", "-t", "4", "--mode=processes", "-vv", "--quiet", "--tag", "x", "--tag=y"],
             ["--threads", "8", "7", "--no-color", "--interval", "0.005", "--", "-z"], ["3", "-vvv", "-t3"], ["-5"],
             ["5", "-t", "4", "a", "b"], ["5", "a", "--", "-b", "c"], ["-qv", "9"] if False else ["9", "-vt", "6"]):
    try:
        print(make().parse_args(argv))
    except SystemExit as e:
        print("exit", e.args, argv)
make().print_help()
print(repr(make().format_usage()))
p = make()
ns, rest = p.parse_known_args(["1", "--unknown", "x"])
print(ns.n, rest)
for argv in ([], ["x"], ["1", "--mode", "fibers"], ["1", "--threads"], ["1", "--bogus"], ["1", "-t", "two"]):
    try:
        make().parse_args(argv)
    except SystemExit as e:
        print("exit", e.args, argv)
q = argparse.ArgumentParser(prog="opt")
q.add_argument("src")
q.add_argument("dst", nargs="?", default="out.txt")
q.add_argument("rest", nargs="+")
print(q.parse_args(["a", "b", "c", "d"]), q.parse_args(["a", "c"]))
m = argparse.ArgumentParser(prog="mx")
grp = m.add_mutually_exclusive_group()
grp.add_argument("--fast", action="store_true")
grp.add_argument("--slow", action="store_true")
print(m.parse_args(["--fast"]))
try:
    m.parse_args(["--fast", "--slow"])
except SystemExit as e:
    print("exit", e.args)
v = argparse.ArgumentParser(prog="ver")
v.add_argument("--version", action="version", version="%(prog)s 1.0")
try:
    v.parse_args(["--version"])
except SystemExit as e:
    print("exit", e.args)
print(argparse.Namespace(b=1, a=2), argparse.Namespace(x=1) == argparse.Namespace(x=1), "x" in argparse.Namespace(x=1))
