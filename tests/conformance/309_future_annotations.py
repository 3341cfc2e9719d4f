# __future__: every feature name imports; annotations are never evaluated (forward references).
from __future__ import annotations
import __future__
def f(x: Undefined) -> Nope:
    return [x]
print(f(1))
class A:
    y: Later = "a"
    z: int
print(A.y)
print(__future__.annotations, __future__.division.getMandatoryRelease())
print(sorted(__future__.all_feature_names))
