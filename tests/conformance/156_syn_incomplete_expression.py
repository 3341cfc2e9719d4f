# expect-exit: 1
# expect-stderr: SyntaxError: invalid syntax
# expect-gilsim-stderr: 156_syn_incomplete_expression.py:6:8: SyntaxError: invalid syntax
# Syntax error: a binary operator with no right operand.
a = 2
b = a *
print(b)
