"""An inventory with dataclasses: ordering, defaults, computed fields, grouping and a report."""

from dataclasses import dataclass, field
from typing import List


@dataclass(order=True)
class Item:
    sort_key: tuple = field(init=False, repr=False)
    category: str
    name: str
    price_cents: int
    quantity: int = 0
    tags: List[str] = field(default_factory=list)

    def __post_init__(self):
        self.sort_key = (self.category, -self.price_cents)

    @property
    def value_cents(self):
        return self.price_cents * self.quantity


stock = [
    Item("tools", "hammer", 1299, 10, ["steel"]),
    Item("tools", "saw", 2450, 3),
    Item("garden", "rake", 1599, 7),
    Item("garden", "hose", 3199, 2, ["rubber", "25m"]),
    Item("kitchen", "whisk", 499, 40),
]

for item in sorted(stock):
    print(item)
total = sum(i.value_cents for i in stock)
print("total value: %d.%02d" % divmod(total, 100))
by_category = {}
for item in stock:
    by_category.setdefault(item.category, []).append(item.name)
for category in sorted(by_category):
    print(category, "->", ", ".join(sorted(by_category[category])))
print(Item("x", "y", 1) == Item("x", "y", 1), Item("x", "y", 1) < Item("x", "z", 2))
