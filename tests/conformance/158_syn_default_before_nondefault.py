# expect-exit: 1
# expect-stderr: SyntaxError: non-default argument follows default argument
# expect-gilsim-stderr: 158_syn_default_before_nondefault.py:5:31: SyntaxError: non-default argument follows default argument
# Syntax error: a parameter without a default after one with a default.
def connect(host="localhost", port):
    return host, port
print(connect(port=1))
