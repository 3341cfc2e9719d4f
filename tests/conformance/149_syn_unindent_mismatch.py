# expect-exit: 1
# expect-stderr: IndentationError: unindent does not match any outer indentation level
# expect-gilsim-stderr: 149_syn_unindent_mismatch.py:8:15: IndentationError: unindent does not match any outer indentation level
# Indentation error: a dedent to a column that matches no outer block.
def f(x):
    if x:
        return 1
      return 2
print(f(0))
