// The special methods of the built-in container and string types as methods (list.__getitem__,
// dict.__setitem__, str.__len__, ...): what an override in a subclass reaches with
// super().__getitem__(i). Each runs the built-in operation on the instance's built-in part,
// skipping the subclass's overrides (BuiltinPartScope), as CPython's slot wrappers do.
#pragma once

namespace gilsim {

struct BuiltinTypes;
void registerBuiltinDunders(BuiltinTypes& t);

}  // namespace gilsim
