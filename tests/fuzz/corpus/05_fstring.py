name = "world"
pi = 3.14159
n = 255
print(f"hello {name!r:>10} {pi:.2f} {n:#x} {n:08b} {n:,} {pi:e} {{literal}}")
print(f"{'nested' + f'{n}'}", f"{n=}" if False else "", f"{pi:10.3}|{name:^9}|")
print("%s %d %5.1f %r" % ("a", 42, 2.5, [1]), "{0}-{1}-{0}".format("x", "y"), format(1234.5, "_"))
