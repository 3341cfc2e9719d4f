# typing.NamedTuple (functional form, methods in the class body, a real tuple) and
# typing.TypedDict (class and functional forms give plain dicts).
from typing import NamedTuple, TypedDict, List
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.norm1(), isinstance(p, tuple), p._fields, Point._field_defaults, Point(1))
Pair = NamedTuple("Pair", [("left", str), ("right", List[int])])
print(Pair("a", [1]), Pair._fields, Pair(right=[], left="b"))
class Movie(TypedDict):
    title: str
    year: int
m = Movie(title="Up", year=2009)
print(m, type(m).__name__, list(Movie.__annotations__), Movie.__total__)
Book = TypedDict("Book", {"isbn": str})
print(Book(isbn="123"), type(Book(isbn="1")).__name__)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)
