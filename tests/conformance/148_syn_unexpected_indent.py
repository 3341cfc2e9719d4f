# expect-exit: 1
# expect-stderr: IndentationError: unexpected indent
# expect-gilsim-stderr: 148_syn_unexpected_indent.py:7:4: IndentationError: unexpected indent
# Indentation error: a line indented for no reason.
a = 1
b = 2
    c = a + b
print(c)
