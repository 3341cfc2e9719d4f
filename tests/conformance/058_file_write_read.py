# open() for writing and reading a text file, with and without `with`
path = "/tmp/gilsim_conf_058_file.txt"
with open(path, "w") as f:
    n = f.write("first line\n")
    f.write("second line\n")
    f.write("third\n")
print("wrote", n)
with open(path) as f:
    content = f.read()
print(repr(content))
print(content.splitlines())
with open(path, "r") as f:
    for line in f:
        print("line:", line.rstrip("\n"))
f = open(path, "a")
f.write("appended\n")
f.close()
f = open(path)
text = f.read()
f.close()
print(len(text.splitlines()), text.splitlines()[-1])
with open(path, "w") as f:
    f.write("")
with open(path) as f:
    print(repr(f.read()))
