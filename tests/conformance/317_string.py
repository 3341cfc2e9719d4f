# string: constants, capwords, Template (substitute, safe_substitute, $$, ${}, errors,
# identifiers), Formatter.
import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation, len(string.printable))
print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"))
t = string.Template("$who likes ${what}; costs $$5 $who")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "a", "what": "b"}, who="c"))
print(t.safe_substitute(who="x"), t.get_identifiers(), t.is_valid())
print(string.Template("$a$b ${c}d $").safe_substitute(a=1, c=3))
for bad in [lambda: t.substitute(who="x"), lambda: string.Template("cost $ 5").substitute(), lambda: string.Template("line\n  ${bad").substitute()]:
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
class Pct(string.Template):
    delimiter = "%"
print(Pct("%x and %%").substitute(x=1))
class O:
    x = 3
f = string.Formatter()
print(f.format("{0}-{1!r}-{name:>5}|{x[0]}|{o.x}", "a", "b", name="n", x=[7], o=O()))
print(f.format("{}{}", 1, 2), list(f.parse("a{0:>3}b{{c}}")))
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return str(value).upper()
print(Upper().format("{} and {k}", "x", k="y"))
