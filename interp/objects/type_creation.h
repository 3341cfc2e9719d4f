// Making classes and their instances, as CPython's typeobject.c does for single inheritance:
//   __build_class__  the class statement: picks the metaclass (metaclass=, else the most derived
//                    one of the bases), asks it for the namespace (__prepare__), runs the body
//                    and calls the metaclass with (name, bases, namespace, **keywords).
//   type.__new__     a class from a name, bases and a namespace: __slots__ (member descriptors,
//                    no instance __dict__), implicit classmethods (__init_subclass__,
//                    __class_getitem__) and staticmethod (__new__), __set_name__ on every
//                    attribute, then the base's __init_subclass__.
//   type.__call__    an instance: cls.__new__(cls, ...) then, when it returns an instance of cls,
//                    __init__; a metaclass's own __call__ runs instead (VM::call).
// A subclass of a built-in type (list, dict, set, frozenset, tuple, str, bytes) gets instances
// that are the built-in object itself (SubclassInstance), so every built-in operation works on
// them; int, float and the other built-in types cannot be extended yet (the error says so).
// Multiple inheritance is not supported.
#pragma once

#include "interp/objects/function_object.h"
#include "interp/objects/object.h"

namespace gilsim {

struct BuiltinTypes;
class FunctionObject;
class TypeObject;

// `cls(*args)`: type.__call__.
Value callType(VM& vm, TypeObject* cls, CallArgs args);
// The Python __init__ of a class whose construction is object.__new__'s allocation and then that
// __init__ (no __new__ of its own, no native constructor, a plain instance layout), which the
// eval loop then runs as a frame of its own; null for every other class. The caller checks that
// the class's metatype is type itself.
FunctionObject* plainConstructorInit(TypeObject* cls);
// __build_class__(body, name, *bases, metaclass=..., **keywords).
Value buildClass(VM& vm, CallArgs args);
// The built-in types' __new__ and __init__ that subclasses reach with super(), type's
// __new__/__init__/__call__, object.__init_subclass__; called once while the types are built.
void registerTypeCreationMethods(BuiltinTypes& t);

}  // namespace gilsim
