# expect-exit: 1
# expect-stderr: IndentationError: expected an indented block after 'for' statement on line 5
# expect-gilsim-stderr: 150_syn_expected_indent.py:6:1: IndentationError: expected an indented block after 'for' statement on line 5
# Indentation error: a block header followed by an unindented line.
for i in range(3):
print(i)
