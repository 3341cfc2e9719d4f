# math's errors: CPython's types and messages for domains, ranges and argument types.
import math

cases = [
    (math.sqrt, (-1,)), (math.log, (0,)), (math.log, (-1,)), (math.log, (0.0, 2)), (math.log, (1, 1)),
    (math.log2, (-2**2000,)), (math.exp, (1000,)), (math.cosh, (1000,)), (math.acos, (2,)),
    (math.sin, (math.inf,)), (math.atanh, (1,)), (math.log1p, (-1,)), (math.pow, (0.0, -1.0)),
    (math.pow, (10.0, 400.0)), (math.pow, (-8, 1 / 3)), (math.fmod, (1, 0)), (math.fmod, (math.inf, 1)),
    (math.remainder, (1, 0)), (math.gamma, (0,)), (math.gamma, (-2,)), (math.gamma, (-math.inf,)),
    (math.gamma, (200,)), (math.lgamma, (0,)), (math.lgamma, (-3,)), (math.ldexp, (1.0, 2000)),
    (math.ldexp, (1.0, 2.0)), (math.factorial, (-1,)), (math.factorial, (5.0,)), (math.factorial, (2**70,)),
    (math.isqrt, (-1,)), (math.isqrt, (2.0,)), (math.comb, (-1, 2)), (math.comb, (5, -1)),
    (math.perm, (5, -1)), (math.perm, (-5,)), (math.gcd, (1.5,)), (math.lcm, (2, "x")),
    (math.floor, (math.inf,)), (math.ceil, (math.nan,)), (math.floor, ("x",)), (math.trunc, ("x",)),
    (math.sqrt, ("x",)), (math.sqrt, (10**400,)), (math.fsum, ([math.inf, -math.inf],)),
    (math.fsum, ([1e308, 1e308],)), (math.fsum, ([1, "a"],)), (math.dist, ((1,), (1, 2))),
    (math.hypot, ("a",)), (math.sqrt, ()), (math.pow, (1,)),
]
for function, arguments in cases:
    try:
        print(function.__name__, function(*arguments))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(function.__name__, type(e).__name__ + ":", e)

for tolerances in [{"rel_tol": -1}, {"abs_tol": -0.5}]:
    try:
        math.isclose(1, 2, **tolerances)
    except ValueError as e:
        print("isclose", e)
print("done")
