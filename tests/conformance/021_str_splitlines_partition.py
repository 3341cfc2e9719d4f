# splitlines and partition
text = "line one\nline two\r\nline three\n\nlast"
print(text.splitlines())
print("no newline".splitlines(), "".splitlines(), "trailing\n".splitlines())
print("a\n\nb\n".splitlines())
print("key=value=more".partition("="))
print("no separator".partition("="))
print("=start".partition("="))
print("a.b.c".partition("."))
head, sep, tail = "user@example.com".partition("@")
print(head, sep, tail)
for line in "x: 1\ny: 2\nz: 3".splitlines():
    k, _, v = line.partition(": ")
    print(k, int(v) * 10)
