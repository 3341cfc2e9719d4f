# The lexer, str.isidentifier, str.isprintable and repr() share one Unicode module: a name the
# lexer takes is an identifier, and repr escapes exactly what isprintable rejects.
café = "latte"
ℕ = 7
_x1 = 1
print(café, ℕ, _x1)
for s in ["a\u20ac", "é", "_x1", "1x", "", "x\u00b7", "\u00b7x", "ℕ", "a b", "Σίσυφος", "x\u200d"]:
    print(repr(s), s.isidentifier())
for s in ["abc", "\u00a0", "\n", "", "€", "\u00ad", "\u2028", "\u0378", "\U0001F600", "\x7f"]:
    print(repr(s), s.isprintable())
print(repr("tab\there é€ \u00ad\u2028\U0001F600\u0378\x00"))
print(ascii("é€\U0001F600"))
