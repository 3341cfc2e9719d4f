# expect-exit: 1
# expect-stderr: SyntaxError: unterminated triple-quoted string literal (detected at line 8)
# expect-gilsim-stderr: 159_syn_unterminated_triple_quote.py:6:7: SyntaxError: unterminated triple-quoted string literal (detected at line 8)
# Syntax error: a triple-quoted string that never ends.
print("before")
doc = """this docstring
never ends
x = 1
