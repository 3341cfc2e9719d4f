# expect-exit: 1
# expect-stderr: SyntaxError: unterminated string literal (detected at line 5)
# expect-gilsim-stderr: 151_syn_unterminated_string.py:5:12: SyntaxError: unterminated string literal (detected at line 5)
# Syntax error: a string literal that never ends on its line.
greeting = "hello
print(greeting)
