# re: scoped inline flags (?s:...), (?m:...), (?-m:...) change . ^ $ only inside their group.
import re
print(re.match(r'(?s:a.b)\Z', "a\nb") is not None, re.match(r'a(?s:.)b.', "a\nbc") is not None, re.match(r'a(?s:.)b.', "a\nb\n"))
print(re.findall(r'(?m:^x)', "x\nx"), re.findall(r'^x', "x\nx"), re.findall(r'(?-m:^x)', "x\nx", re.M), re.search(r'(?s)a.b', "a\nb") is not None)
print(re.match(r'(?i:A)b', "ab") is not None, re.match(r'(?i:A)b', "aB"))
