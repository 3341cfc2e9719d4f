// The generic object protocol: arithmetic, comparison, truth, hashing, attributes, items,
// iteration and conversion to text. Each dispatches on built-in types first and falls back to the
// user class's dunder methods. All may raise PyException.
//
// Declared here, implemented in interp/objects/ (the files share protocol_internal.h):
//   arithmetic.cpp: binaryOp, inplaceOp, unaryOp
//   comparison.cpp: compare, compareBool, equals, lessThan, truthy, isCallable, hashValue, contains
//   repr.cpp: repr, str, ascii
//   attributes.cpp: getAttr, getAttrOrNull, setAttr, delAttr, lookupMethod, the generic forms
//   items.cpp: getItem, setItem, delItem, getIter, iterNext, toVector
//   operators.cpp: lookupSpecial, callSpecial, toIndex, toDouble, isInstance, length
//   formatting.cpp: formatValue (declared in formatting.h as well)
#pragma once

#include <string>
#include <vector>

#include "interp/common/operator_kinds.h"
#include "interp/objects/object.h"

namespace gilsim {

class StrObject;
class VM;

// Arithmetic (arithmetic.cpp).
Value binaryOp(BinaryOperator op, const Value& a, const Value& b);
Value inplaceOp(BinaryOperator op, const Value& a, const Value& b);
Value unaryOp(UnaryOperator op, const Value& a);

// Comparison, truth, hashing, containment (comparison.cpp).
Value compare(CompareOperator op, const Value& a, const Value& b);  // <, ==, ... (rich)
bool compareBool(CompareOperator op, const Value& a, const Value& b);
bool equals(const Value& a, const Value& b);
bool lessThan(const Value& a, const Value& b);  // for sorting
bool truthy(const Value& v);
bool isCallable(const Value& v);     // builtins.callable
uint64_t hashValue(const Value& v);  // raises TypeError for unhashable values
bool contains(const Value& container, const Value& item);

// Conversion to text (repr.cpp).
std::string repr(const Value& v);
std::string str(const Value& v);
std::string ascii(const Value& v);

// Attributes (attributes.cpp).
Value getAttr(const Value& obj, StrObject* name);
Value getAttr(const Value& obj, std::string_view name);
Value getAttrOrNull(const Value& obj, StrObject* name);  // Null instead of AttributeError
void setAttr(const Value& obj, StrObject* name, const Value& value);
void delAttr(const Value& obj, StrObject* name);
// object.__getattribute__, __setattr__ and __delattr__: the same without the class's own
// __getattr__, __setattr__ or __delattr__ hook (what a hook calls to do the plain thing).
Value genericGetAttrOrNull(const Value& obj, StrObject* name);
void genericSetAttr(const Value& obj, StrObject* name, const Value& value);
void genericDelAttr(const Value& obj, StrObject* name);
// For LOAD_METHOD: the function and true when `obj.name(...)` can call an unbound function with
// obj as self; otherwise the bound attribute and false.
Value lookupMethod(const Value& obj, StrObject* name, bool* unbound);

// Items and iteration (items.cpp).
Value getItem(const Value& obj, const Value& key);
void setItem(const Value& obj, const Value& key, const Value& value);
void delItem(const Value& obj, const Value& key);

Value getIter(const Value& v);
bool iterNext(const Value& iterator, Value* out);  // false when exhausted
// iterNext for a native loop: each step is a check point (VM::nativeCheckPoint).
bool iterNextInNativeLoop(const Value& iterator, Value* out);
std::vector<Value> toVector(const Value& iterable);  // materialises any iterable

// Dunder lookup and conversions (operators.cpp).
// A user-class dunder method looked up on the type (Null if absent).
Value lookupSpecial(const Value& obj, std::string_view name);
// Calls obj.name(args...) if the type defines it; Null when it does not.
Value callSpecial(const Value& obj, std::string_view name, std::initializer_list<Value> args);

int64_t toIndex(const Value& v, const char* what);  // ints and bools, else TypeError
double toDouble(const Value& v);                    // int/float/bool, else TypeError
int64_t length(const Value& v);                     // len(v)

bool isInstance(const Value& v, TypeObject* type);

// Formatting (formatting.cpp).
std::string formatValue(const Value& v, std::string_view spec);  // format(v, spec)

}  // namespace gilsim
