# sorting records by multiple keys, stability with reverse
people = [("ann", 31, "nyc"), ("bob", 25, "sf"), ("cy", 31, "la"), ("di", 25, "nyc"), ("ed", 40, "sf")]
print(sorted(people, key=lambda p: (p[1], p[0])))
print(sorted(people, key=lambda p: (-p[1], p[2])))
by_city = sorted(people, key=lambda p: p[2])
print([p[0] for p in by_city])
print([p[0] for p in sorted(people, key=lambda p: p[1], reverse=True)])
people.sort(key=lambda p: p[0], reverse=True)
print([p[0] for p in people])
ages = {}
for name, age, city in people:
    ages.setdefault(age, []).append(name)
for age in sorted(ages):
    print(age, sorted(ages[age]))
