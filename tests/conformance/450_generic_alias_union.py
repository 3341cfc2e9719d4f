# list[int] is a types.GenericAlias and int | None a types.UnionType (PEP 585, PEP 604).
import types
print(repr(list[int]), repr(dict[str, list[int]]), tuple[int, ...], type[int], tuple[()])
print(list[int](range(3)), list[int] == list[int], list[int].__origin__, list[int].__args__)
class S(list): pass
print(S[int], isinstance(list[int], types.GenericAlias))
def f(x: list[int], y: dict[str, set[int]]) -> tuple[int, str]:
    return x
print(f([1], {}))
try:
    int[str]
except TypeError as e:
    print(e)
print(list[int] | None)
print(int | None, type(int | str), int | str | None, (int | str) | float, int | int)
print(isinstance(3, int | str), isinstance(3.0, int | str), isinstance(None, int | None), issubclass(bool, int | str))
print((int | str) == (str | int), (int | str).__args__, list[int] | None, None | int)
def f(x: int | None = None, y: list[str] | None = None) -> dict[str, int] | None:
    return x
print(f(3))
class A: pass
print(A | None)
try:
    isinstance(1, list[int] | None)
except TypeError as e:
    print(e)
