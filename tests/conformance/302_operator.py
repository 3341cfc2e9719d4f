# operator: the operator functions, itemgetter/attrgetter/methodcaller and their reprs.
import operator
print(operator.add(1, 2), operator.itemgetter(1)("abc"), operator.itemgetter(0, 2)("abc"))
class O: pass
o = O(); o.a = O(); o.a.b = 5; o.c = 1
print(operator.attrgetter("a.b")(o), operator.attrgetter("c", "a.b")(o), operator.methodcaller("upper")("x"))
print(repr(operator.itemgetter(1, "a")), repr(operator.attrgetter("x")), repr(operator.methodcaller("f", 1, k=2)))
print(operator.neg(3), operator.not_(0), operator.truth([]), operator.contains([1], 1), operator.countOf([1, 1, 2], 1), operator.indexOf("ab", "b"))
l = [1, 2]; operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l, operator.getitem(l, 0), operator.iadd([1], [2]))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=operator.itemgetter(1, 0)))
