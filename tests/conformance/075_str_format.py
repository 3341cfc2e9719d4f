# str.format: positional, indexed, keyword, specs
print("{} and {}".format("spam", "eggs"))
print("{1} then {0} then {1}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0}{1}{0}".format("ab", "-"))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:08.3f} {:,} {:x} {:e}".format(3.14159, 1000000, 255, 12345.678))
print("{0:>{1}}".format("pad", 7))
print("{:{}}|".format("w", 4))
print("{!r} {!s}".format("text", "text"))
print("{{}} {}".format("braces"))
print("{0[0]} {0[1]}".format(["first", "second"]))
print("{d[k]}".format(d={"k": "dict item"}))
row = "{:<10}{:>8.2f}"
for item, price in [("apple", 1.5), ("melon", 12.25)]:
    print(row.format(item, price))
print("{:*>10}".format(12), "{:+.1f}".format(2.25), "{:%}".format(0.125))
