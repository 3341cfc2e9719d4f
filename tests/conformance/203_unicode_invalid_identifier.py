# expect-exit: 1
# expect-stderr: SyntaxError: invalid character '€' (U+20AC)
# € is not XID_Continue: the lexer rejects it inside a name, as str.isidentifier does.
a€ = 1
