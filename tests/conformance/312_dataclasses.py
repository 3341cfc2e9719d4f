# dataclasses: defaults, default_factory, order/frozen/eq, InitVar, ClassVar, inheritance, kw_only, asdict/astuple/replace, errors.
from __future__ import annotations
import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields, InitVar
from typing import ClassVar, List, Optional
@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0
p = Point(1)
print(p, p == Point(1), p == Point(2), Point(1, 2, ["a"]), Point.count)
print([f.name for f in fields(p)], asdict(p), astuple(Point(3, 4)), replace(p, y=9))
print(Point(1).tags is Point(1).tags, Point.__hash__ is None)
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False, repr=False)
v1, v2 = Version(1, 2), Version(1, 10, "x")
print(v1 < v2, v1 >= v2, sorted([v2, v1]), hash(v1) == hash(Version(1, 2)), {v1: "a"}[Version(1, 2, "z")])
try:
    v1.major = 5
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
@dataclass
class Inventory:
    name: str
    unit_price: float
    quantity: int = 0
    total: float = field(init=False)
    discount: InitVar[float] = 0.0
    def __post_init__(self, discount):
        self.total = self.unit_price * self.quantity * (1 - discount)
inv = Inventory("pen", 2.5, 4, 0.5)
print(inv, inv.total)
@dataclass
class Base:
    a: int
    b: str = "b"
@dataclass
class Child(Base):
    c: float = 1.5
print(Child(1), Child(1, "x", 2.0), [f.name for f in fields(Child)])
@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int
print(Opts(level=3))
@dataclass
class Node:
    value: int
    children: List["Node"] = field(default_factory=list)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(asdict(tree))
print(dataclasses.is_dataclass(tree), dataclasses.is_dataclass(Node), dataclasses.is_dataclass(1))
@dataclass(eq=False)
class Plain:
    v: int
print(Plain(1) == Plain(1), Plain(1))
for bad in [lambda: Point(), lambda: Point(1, 2, [], 4), lambda: Point(1, z=2), lambda: Point(1, x=2), lambda: Opts(), lambda: asdict(1), lambda: field(default=1, default_factory=list)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Mut:
        a: list = []
except ValueError as e:
    print("ValueError", e)
@dataclass
class WithMethod:
    n: int
    def double(self):
        return self.n * 2
    def __repr__(self):
        return "custom"
print(WithMethod(3).double(), WithMethod(3))
