# expect-exit: 1
# expect-stderr: SyntaxError: closing parenthesis ']' does not match opening parenthesis '('
# expect-gilsim-stderr: 157_syn_mismatched_brackets.py:5:20: SyntaxError: closing parenthesis ']' does not match opening parenthesis '('
# Syntax error: a closing bracket that does not match the opening one.
data = [1, 2, (3, 4]
print(data)
