# csv: reader state machine, writer quoting, Dict classes, dialects and errors.
import csv
import io


def show(label, f, *args, **kwargs):
    try:
        print(label, repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__, e)


def rows(text, **kw):
    return list(csv.reader(io.StringIO(text, newline=""), **kw))


def lines(lst, **kw):
    return list(csv.reader(lst, **kw))


def written(rowlist, **kw):
    out = io.StringIO()
    w = csv.writer(out, **kw)
    for row in rowlist:
        w.writerow(row)
    return out.getvalue()


# Reading
show("simple", rows, "a,b,c\r\n1,2,3\r\n")
show("no final newline", rows, "a,b\nc,d")
show("empty fields", rows, ",,\n,\n")
show("blank lines", rows, "a\n\nb\r\n\r\n")
show("quoted", rows, '"a,b","c""d",e\n')
show("embedded newline", rows, '"line1\nline2",x\r\n"a\r\nb",y\n')
show("quote mid-field", rows, 'ab"c"d,e\n')
show("after quote", rows, '"ab"cd,e\n')
show("after quote strict", rows, '"ab"cd,e\n', strict=True)
show("unterminated", rows, '"abc\n')
show("unterminated strict", rows, '"abc\n', strict=True)
show("unterminated lines", lines, ['"abc'], strict=True)
show("skipinitialspace", rows, 'a, b,  "c"\n', skipinitialspace=True)
show("no skip", rows, 'a, b, "c"\n')
show("delimiter", rows, "a;b;c\n", delimiter=";")
show("tab", rows, "a\tb\n", dialect="excel-tab")
show("quotechar", rows, "'a,b',c\n", quotechar="'")
show("escapechar", rows, "a\\,b,c\\\\d\n", escapechar="\\")
show("escape in quotes", rows, '"a\\"b",c\n', escapechar="\\", doublequote=False)
show("no doublequote", rows, '"a""b",c\n', doublequote=False)
show("escaped newline", lines, ["a\\\n", "b,c\n"], escapechar="\\")
show("escape at end", lines, ["a\\", "b"], escapechar="\\")
show("quote none", rows, '"a",b"c\n', quoting=csv.QUOTE_NONE)
show("nonnumeric", rows, '1,"2",3.5,""\n', quoting=csv.QUOTE_NONNUMERIC)
show("nonnumeric bad", rows, 'abc,1\n', quoting=csv.QUOTE_NONNUMERIC)
show("cr only", lines, ["a,b\r", "c,d\r"])
show("newline in unquoted", lines, ["a\rb,c"])
show("list input", lines, ["a,b", "c,d\n", "", "e"])
show("bytes input", lines, [b"a,b"])
show("lone quote", rows, '"\n')
show("empty quoted", rows, '"",""\n')
show("spaces kept", rows, ' a , b \n')

r = csv.reader(['a,"b\n', 'c"', "d"])
print(next(r), r.line_num)
print(next(r), r.line_num)
show("exhausted", next, r)
print(type(r.dialect).__name__ == "Dialect", r.dialect.delimiter, r.dialect.quoting)

# field_size_limit
old = csv.field_size_limit(5)
print("old limit", old)
show("limit ok", lines, ["abcde,x"])
show("limit hit", lines, ["abcdef,x"])
show("limit quoted", lines, ['"abcdef"'])
print("restored", csv.field_size_limit(old), csv.field_size_limit())
show("limit type", csv.field_size_limit, "x")

# Writing
show("write simple", written, [["a", "b"], [1, 2.5, None]])
show("write quoting", written, [["a,b", 'c"d', "e\nf", "g\rh", "plain"]])
show("write lineterm", written, [["a\rb", "c"]], lineterminator="\n")
show("write all", written, [["a", 1, None, ""]], quoting=csv.QUOTE_ALL)
show("write nonnumeric", written, [["a", 1, 2.5, True, None, ""]], quoting=csv.QUOTE_NONNUMERIC)
show("write none esc", written, [["a,b", 'c"d', "x"]], quoting=csv.QUOTE_NONE, escapechar="\\")
show("write none noesc", written, [["a,b"]], quoting=csv.QUOTE_NONE)
show("write single empty", written, [[""]])
show("write single empty none", written, [[""]], quoting=csv.QUOTE_NONE)
show("write empty row", written, [[]])
show("write no doublequote", written, [['a"b']], doublequote=False)
show("write no doublequote esc", written, [['a"b', "c\\d"]], doublequote=False, escapechar="\\")
show("write escapechar", written, [["c\\d", "e,f"]], escapechar="\\")
show("write delimiter", written, [["a;b", "c,d"]], delimiter=";")
show("write string row", written, ["abc"])
show("write not iterable", written, [5])
show("write unix", written, [["a", 1]], dialect="unix")
out = io.StringIO()
w = csv.writer(out)
print("writerow returns", w.writerow(["ab", "c"]), w.writerows([["x"], ["y", "z"]]))
print(repr(out.getvalue()))
show("writer no write", csv.writer, 5)

# Round trip
data = [["a", 'b"c', "d,e", "f\r\ng", ""], ["", "", ""], ["x"]]
buf = io.StringIO()
csv.writer(buf).writerows(data)
print(rows(buf.getvalue()) == data)

# Dialect parameter checks
for kw in [dict(delimiter="ab"), dict(delimiter=5), dict(delimiter=None), dict(delimiter=""),
           dict(quotechar="ab"), dict(quotechar=5), dict(quotechar=None),
           dict(quotechar=None, quoting=csv.QUOTE_MINIMAL), dict(quoting=7),
           dict(quoting="a"), dict(escapechar="ab"), dict(escapechar=5),
           dict(lineterminator=5), dict(lineterminator=None), dict(foo=1)]:
    try:
        d = csv.reader([], **kw).dialect
        print("ok", kw, repr(d.delimiter), repr(d.quotechar), d.quoting)
    except Exception as e:
        print(kw, type(e).__name__, e)

d = csv.get_dialect("excel")
print(d.delimiter, repr(d.quotechar), d.doublequote, d.skipinitialspace, repr(d.lineterminator),
      d.quoting, d.escapechar, d.strict)
try:
    d.delimiter = ";"
except AttributeError as e:
    print("AttributeError", e)
print(csv.list_dialects())
show("unknown", csv.get_dialect, "nope")
show("unknown reader", csv.reader, [], "nope")
csv.register_dialect("semi", delimiter=";", quoting=csv.QUOTE_ALL)
print(written([["a", "b"]], dialect="semi"), end="")
csv.register_dialect("semi2", "semi", lineterminator="\n")
print(repr(written([["a", "b"]], dialect="semi2")))
print(sorted(csv.list_dialects()))
csv.unregister_dialect("semi2")
show("unregister again", csv.unregister_dialect, "semi2")
show("bad name", csv.register_dialect, 5)


class Pipes(csv.Dialect):
    delimiter = "|"
    quotechar = "'"
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


print(rows("a|'b|c'\n", dialect=Pipes))
print(repr(written([["a|b", "c"]], dialect=Pipes())))
print(repr(written([["a", "b"]], dialect=Pipes, delimiter=":")))


class Bad(csv.Dialect):
    delimiter = "ab"


show("bad dialect", Bad)


class Incomplete(csv.Dialect):
    pass


show("incomplete dialect", Incomplete)
print(csv.excel.delimiter, repr(csv.excel_tab.delimiter), repr(csv.unix_dialect.lineterminator),
      csv.unix_dialect.quoting)
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)
print(issubclass(csv.Error, Exception), csv.Error.__name__)

# DictReader
text = "name,age\r\nann,30\r\n\r\nbob,25,extra,more\r\ncid\r\n"
dr = csv.DictReader(io.StringIO(text, newline=""))
print(dr.fieldnames, dr.line_num)
for row in dr:
    print(sorted(row.items(), key=lambda kv: str(kv[0])), dr.line_num)
dr = csv.DictReader(io.StringIO(text, newline=""), restkey="rest", restval="?")
print([list(row.items()) for row in dr])
dr = csv.DictReader(["1;2", "3;4"], fieldnames=["a", "b"], delimiter=";")
print([dict(row) for row in dr], dr.fieldnames)
print(csv.DictReader([]).fieldnames)
print(list(csv.DictReader(iter(["x,y", "1,2"]))))

# DictWriter
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["a", "b", "c"], restval="-")
print("header", dw.writeheader())
print("row", dw.writerow({"a": 1, "c": "x,y"}))
dw.writerows([{"b": 2}, {"a": None, "b": "q\"r"}])
print(repr(out.getvalue()))
show("extra", dw.writerow, {"a": 1, "zz": 2})
dw2 = csv.DictWriter(io.StringIO(), ["a"], extrasaction="ignore")
print(dw2.writerow({"a": 1, "zz": 2}))
show("bad extrasaction", csv.DictWriter, io.StringIO(), ["a"], extrasaction="boom")
out = io.StringIO()
csv.DictWriter(out, ["x", "y"], dialect="unix").writeheader()
print(repr(out.getvalue()))
