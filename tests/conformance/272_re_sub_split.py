# re.sub/subn (templates with \1, \g<name>, escapes; functions; count), re.split (groups,
# maxsplit, empty matches), escape, and re.error for bad patterns and templates.
import re
print([m.span() for m in re.finditer(r"\w+", "hi there you")], [m.group() for m in re.finditer("x*", "axxb")])
print(re.sub(r"\d", "#", "a1b22"), re.sub("x*", "-", "abxd"), re.subn(r"(\w+)@(\w+)", r"\2 at \1", "me@host, you@there"), re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a bc"), re.sub(r"a", lambda m: m.group().upper(), "banana", count=2))
print(re.sub(r"(?m)^", "> ", "a\nb"), re.sub(r"\s+", " ", "  a \t b\n\nc  "), re.sub("(a)", r"[\1\n]", "xa"))
print(re.sub(r"(\w+)=(\d+)", lambda m: "%s:%d" % (m.group(1), int(m.group(2)) * 2), "a=1, b=20"))
print(re.subn("o", "0", "foo boo", count=3), re.sub("", "-", "abc"), re.split("", "abc"), re.split(r"\s", "a b  c", maxsplit=2))
words = re.findall(r"[a-z']+", "It's the GIL: it's a lock. The lock is the GIL's.".lower())
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
for bad in ["(", "a)", "[a", r"\q", "(?P<1>a)", "a**", "(?P=nope)", "(?P<n>a)(?P<n>b)", "(?z)"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print("re.error", repr(bad))
for template in [r"\9", r"\g<nope>", r"\g<2", "\\"]:
    try:
        print(re.sub("(a)", template, "a"))
    except (re.error, IndexError) as e:
        print(type(e).__name__, template)
