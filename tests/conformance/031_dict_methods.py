# dict methods
d = {"one": 1, "two": 2, "three": 3}
print(d.get("one"), d.get("four"), d.get("four", 4))
print(list(d.keys()), list(d.values()), list(d.items()))
for k, v in d.items():
    print(k, v)
print(d.pop("two"), d.pop("missing", "dflt"), d)
print(d.setdefault("one", 100), d.setdefault("five", 5), d)
d.update({"one": 11, "six": 6})
d.update(seven=7)
d.update([("eight", 8)])
print(d)
c = d.copy()
c["one"] = "changed"
print(d["one"], c["one"])
c.clear()
print(c, len(c))
groups = {}
for n in range(10):
    groups.setdefault(n % 3, []).append(n)
print(groups)
print(sorted(d), sum(d.values()))
print(len(d.keys()), "six" in d.keys(), 6 in d.values())
