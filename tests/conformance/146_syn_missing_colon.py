# expect-exit: 1
# expect-stderr: SyntaxError: expected ':'
# expect-gilsim-stderr: 146_syn_missing_colon.py:7:9: SyntaxError: expected ':'
# Syntax error: missing colon after an if condition.
print("this is never printed: the whole file fails to compile")
x = 3
if x > 2
    print("big")
