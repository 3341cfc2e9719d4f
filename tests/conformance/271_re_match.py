# re on Boost.Regex: search/match/fullmatch, Match objects (groups, named groups, spans,
# lastindex), findall/finditer with CPython 3.7+'s empty-match rules, flags and inline flags.
import re
print(re.search(r"(\d+)-(\d+)", "tel 123-4567 x").groups(), re.match(r"a+", "aaab"), re.match("b", "ab"), re.fullmatch(r"\w+", "abc"), re.fullmatch(r"a|ab", "ab"))
m = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)", "on 2024-03-15")
print(m.group(), m.group(1), m.group("month"), m["year"], m.groups(), m.groupdict(), m.span(), m.start(2), m.end("year"), m.lastindex, m.lastgroup, m.string, m.re.pattern, m.pos, m.endpos)
print(re.split(r",\s*", "a, b,c,   d"), re.split(r"(,)", "a,b"), re.split(r"x*", "axbc"), re.split(r"\W+", "Words, words, words.", 1), re.split("(a)|b", "xaybz"))
print(re.escape("a.b*c?"), re.escape("hello world_1"), re.compile("a", re.I), re.compile(r"\d+"), re.compile("x", re.M | re.S))
print(re.search("^b", "a\nb"), re.search("^b", "a\nb", re.M).span(), re.search("a.b", "a\nb"), re.search("a.b", "a\nb", re.S).span(), re.search("A", "a", re.I).group(), re.search("a$", "a\n").span(), re.search(r"a\Z", "a\n"))
print(re.search(r"(?i)hello", "HeLLo").group(), re.search(r"(?x) a  b # comment", "ab").group(), re.search(r"(a)(?P=x)?", "a") if False else "", re.search(r"(?P<x>a)(?P=x)", "aa").span(), re.search(r"(?<=a)b", "ab").span(), re.search(r"a(?!c)", "acab").span())
p = re.compile(r"o")
print(re.match(r"(\w+) (\w+)", "hello world").expand(r"\2 \1"), bool(re.match("a", "a")), re.search(r"[^a-c]+", "abcdef").group(), re.search(r"[]a]+", "]a]").group(), re.search(r"\bfoo\b", "a foo b").span())
print(re.findall(r"[A-Z][a-z]+", "Hello World From Gil"), len(re.findall(r"\w+", "the quick brown fox " * 100)), re.search("é+", "caféé").span())
print(re.fullmatch("a|ab", "ab").span(), re.search(r"(?m)^b$", "a\nb\nc").span(), re.findall(r"(?m)^\w", "ab\ncd"), re.search(r"^a", "ba", ), re.compile(r"^a").search("ba", 1))
