# importing a sibling module: import, import as, from-import; module caching
import helper_geometry
print(helper_geometry.area(3, 4), helper_geometry.circle(2), helper_geometry.PI_ISH)
import helper_geometry as geo
print(geo is helper_geometry, geo.Rect(2, 5).area())
from helper_geometry import area, Rect
print(area(6, 7), Rect(1, 1).area(), type(Rect(1, 2)).__name__)
import helper_geometry
print(helper_geometry.loaded_count, helper_geometry.__name__, type(geo).__name__)
import helper_state
from helper_state import add, items
add("a")
helper_state.add("b")
print(items, helper_state.items is items)
helper_geometry.PI_ISH = 3.14
print(geo.circle(1))
