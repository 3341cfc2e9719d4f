#include "interp/objects/descriptors.h"

#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/type_object.h"

namespace gilsim {

namespace {

const BuiltinTypes& T() {
  return builtinTypes();
}

Value orNone(const Value& v) {
  return v.isNull() ? Value::none() : v;
}

Value noneToNull(const Value& v) {
  return v.isNone() ? Value() : v;
}

WrapperObject* selfProperty(const CallArgs& args, const char* method) {
  if (args.count == 0 || args[0].type() != T().property)
    raiseTypeError("descriptor '{}' for 'property' objects doesn't apply to a '{}' object", method,
                   args.count ? typeName(args[0]) : std::string("nothing"));
  return args[0].as<WrapperObject>();
}

// getter/setter/deleter: a copy of the property with one function replaced (the decorator form).
Value propertyWith(CallArgs args, const char* method, int which) {
  expectMethodArgs(method, args, 1, 1);
  WrapperObject* self = selfProperty(args, method);
  auto* copy = new WrapperObject(T().property, self->wrapped);
  Value result = Value::steal(copy);
  copy->setter = self->setter;
  copy->deleter = self->deleter;
  copy->doc = self->doc;
  Value fn = noneToNull(args[1]);
  if (which == 0) copy->wrapped = fn;
  if (which == 1) copy->setter = fn;
  if (which == 2) copy->deleter = fn;
  return result;
}

Value propertyGetter(VM&, CallArgs args) {
  return propertyWith(args, "getter", 0);
}
Value propertySetter(VM&, CallArgs args) {
  return propertyWith(args, "setter", 1);
}
Value propertyDeleter(VM&, CallArgs args) {
  return propertyWith(args, "deleter", 2);
}

}  // namespace

Value constructDescriptor(VM&, TypeObject* type, CallArgs args) {
  if (type == T().property) {
    static constexpr std::string_view kNames[] = {"fget", "fset", "fdel", "doc"};
    Value values[4];
    size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
      for (size_t i = 0; i < 4; ++i)
        if (kNames[i] == name) {
          values[i] = v;
          return;
        }
      raiseTypeError("property() got an unexpected keyword argument '{}'", name);
    });
    if (npos > 4) raiseTypeError("property() takes at most 4 arguments ({} given)", npos);
    for (size_t i = 0; i < npos; ++i)
      values[i] = args[i];
    auto* w = new WrapperObject(type, noneToNull(values[0]));
    Value result = Value::steal(w);
    w->setter = noneToNull(values[1]);
    w->deleter = noneToNull(values[2]);
    w->doc = noneToNull(values[3]);
    return result;
  }
  expectArgs(type->name(), args, 1, 1);
  return Value::steal(new WrapperObject(type, args[0]));
}

Value descriptorAttribute(const Value& descriptor, std::string_view name) {
  auto* w = descriptor.as<WrapperObject>();
  if (descriptor.type() == T().property) {
    if (name == "fget") return orNone(w->wrapped);
    if (name == "fset") return orNone(w->setter);
    if (name == "fdel") return orNone(w->deleter);
    if (name == "__doc__") {
      if (!w->doc.isNull()) return w->doc;
      if (!w->wrapped.isNull()) {
        Value doc = getAttrOrNull(w->wrapped, asStr(makeStr("__doc__")));
        if (!doc.isNull()) return doc;
      }
      return Value::none();
    }
  } else if (name == "__func__" || name == "__wrapped__") {
    return w->wrapped;
  }
  if (name == "__isabstractmethod__") {
    // abc.abstractmethod marks the function; a property is abstract when one of its are.
    for (const Value* fn : {&w->wrapped, &w->setter, &w->deleter}) {
      if (fn->isNull()) continue;
      Value flag = getAttrOrNull(*fn, asStr(makeStr("__isabstractmethod__")));
      if (!flag.isNull() && truthy(flag)) return Value::boolean(true);
    }
    return Value::boolean(false);
  }
  return Value();
}

void registerDescriptorMethods(BuiltinTypes& t) {
  DictObject* d = t.property->dict();
  d->setStr("getter", makeNativeMethod("getter", propertyGetter, "property"));
  d->setStr("setter", makeNativeMethod("setter", propertySetter, "property"));
  d->setStr("deleter", makeNativeMethod("deleter", propertyDeleter, "property"));
}

}  // namespace gilsim
