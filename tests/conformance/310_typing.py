# typing: special forms, generic aliases and their reprs, Generic/Protocol classes, NamedTuple class form, NewType, errors.
from __future__ import annotations
import typing
from typing import (Any, Callable, Dict, Generic, Iterable, Iterator, List, NamedTuple, Optional,
                    Protocol, Sequence, Set, Tuple, TypeVar, Union, cast, TYPE_CHECKING, overload)
if TYPE_CHECKING:
    from nowhere import Missing
T = TypeVar("T")
K = TypeVar("K", bound=int)
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s: Stack[int] = Stack()
s.push(1); s.push(2)
print(s.pop())
class Greeter(Protocol):
    def greet(self) -> str: ...
def apply(f: Callable[[int], int], xs: Iterable[int]) -> List[int]:
    return [f(x) for x in xs]
print(apply(lambda x: x * 2, [1, 2]))
def first(xs: Sequence[T], default: Optional[T] = None) -> Optional[T]:
    return xs[0] if xs else default
print(first([]), first("ab"), cast(int, "x"))
print(List[int], Dict[str, int], Optional[int], Union[int, str], Union[int], Tuple[int, ...], Tuple[()])
print(Callable[[int, str], bool], Callable[..., Any], List, Any, T, K, typing.Iterable[int])
print(Union[int, str] == Union[str, int], Optional[int] == Union[int, None], Union[int, Union[str, float]])
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), typing.get_args(int))
print(typing.Deque[int]([1]), typing.DefaultDict)
class Point(NamedTuple):
    x: int
    y: int = 0
p = Point(1)
print(p, p.x, p.y, p[0], tuple(p), p._fields, p._asdict(), p == (1, 0), p._replace(y=5))
x, y = Point(3, 4)
print(x + y, len(p))
UserId = typing.NewType("UserId", int)
print(UserId(5), typing.Literal["a", "b"], typing.ClassVar[int], typing.Final[str])
for bad in [lambda: List[int, str], lambda: Union[()], lambda: Any(), lambda: Callable[int], lambda: List[int]()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
