# expect-exit: 1
# expect-stderr: SyntaxError: invalid syntax
# expect-gilsim-stderr: 160_syn_error_after_valid_code.py:9:1: SyntaxError: invalid syntax
# Syntax error late in the file: nothing runs, not even the earlier prints.
print("line 2 would print if the file compiled")
def ok():
    return 1
print(ok())
else:
    print("dangling else")
