# A class body's annotated names land in __annotations__ in order, as the text CPython keeps
# under `from __future__ import annotations` (gilsim keeps annotations as strings always).
from __future__ import annotations


class Record:
    name: str
    size: int = 3
    ratio: "float"
    parts: dict[str, list[int]] = {}
    maybe: int | None = None
    nested: typing.Optional[Tuple[int, ...]]
    fixed: Literal["a", 'b', 1, None, True]
    if size > 1:
        late: List[int]

    def method(self):
        local: int = 5
        return local


print(Record.__annotations__)
print(Record.size, Record.parts, Record.maybe, Record().method())
print(hasattr(Record, "late"), "local" in Record.__annotations__)
