# expect-exit: 1
# expect-stderr: SyntaxError: '(' was never closed
# expect-gilsim-stderr: 147_syn_unclosed_paren.py:6:12: SyntaxError: '(' was never closed
# Syntax error: an opening parenthesis that is never closed.
values = [1, 2, 3]
total = sum(values
print(total)
