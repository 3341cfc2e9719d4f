# expect-exit: 1
# expect-stderr: SyntaxError: nonlocal declaration not allowed at module level
# expect-gilsim-stderr: 155_syn_nonlocal_at_module.py:5:1: SyntaxError: nonlocal declaration not allowed at module level
# Syntax error: nonlocal declaration at module level.
nonlocal counter
counter = 0
counter += 1
