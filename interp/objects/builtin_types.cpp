#include <mutex>

#include "interp/objects/builtin_dunders.h"
#include "interp/objects/builtin_methods.h"
#include "interp/objects/descriptors.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/function_object.h"
#include "interp/objects/type_creation.h"
#include "interp/objects/type_object.h"
#include "interp/vm/generator_object.h"  // upward: send/throw/close resume generator frames

namespace gilsim {

namespace detail {
BuiltinTypes gBuiltinTypes{};
}

namespace {

// Singletons of their own little types (NotImplemented, Ellipsis).
class SingletonObject : public Object {
 public:
  explicit SingletonObject(TypeObject* type) : Object(type) {}
};

void immortalize(Object* o) {
  if (o) o->makeImmortal();
}

void immortalizeDict(DictObject* dict) {
  for (const DictObject::Entry& e : dict->entries()) {
    if (e.key.isObject()) immortalize(e.key.object());
    if (e.value.isObject()) immortalize(e.value.object());
  }
}

void build() {
  BuiltinTypes& t = detail::gBuiltinTypes;
  // `type` is its own type: build it first, then point it at itself.
  t.type = new TypeObject("type", nullptr, Layout::Type);
  t.object = new TypeObject("object", nullptr, Layout::Object);
  auto make = [&](const char* name, Layout layout, TypeObject* base = nullptr) {
    TypeObject* type = new TypeObject(name, base ? base : t.object, layout);
    return type;
  };
  t.noneType = make("NoneType", Layout::NoneType);
  t.notImplementedType = make("NotImplementedType", Layout::Other);
  t.ellipsisType = make("ellipsis", Layout::Other);
  t.int_ = make("int", Layout::Int);
  t.bool_ = make("bool", Layout::Bool, t.int_);
  t.float_ = make("float", Layout::Float);
  t.str = make("str", Layout::Str);
  t.bytes = make("bytes", Layout::Bytes);
  t.tuple = make("tuple", Layout::Tuple);
  t.list = make("list", Layout::List);
  t.dict = make("dict", Layout::Dict);
  t.set = make("set", Layout::Set);
  t.frozenset = make("frozenset", Layout::Set);
  t.range = make("range", Layout::Range);
  t.slice = make("slice", Layout::Slice);
  t.function = make("function", Layout::Function);
  t.builtinFunction = make("builtin_function_or_method", Layout::NativeFunction);
  t.method = make("method", Layout::BoundMethod);
  t.code = make("code", Layout::Code);
  t.cell = make("cell", Layout::Cell);
  t.module = make("module", Layout::Module);
  t.iterator = make("iterator", Layout::Iterator);
  t.rangeIterator = make("range_iterator", Layout::Iterator);
  t.listIterator = make("list_iterator", Layout::Iterator);
  t.tupleIterator = make("tuple_iterator", Layout::Iterator);
  t.generator = make("generator", Layout::Generator);
  t.dictKeys = make("dict_keys", Layout::DictView);
  t.dictValues = make("dict_values", Layout::DictView);
  t.dictItems = make("dict_items", Layout::DictView);
  t.superType = make("super", Layout::Other);
  t.property = make("property", Layout::Other);
  t.staticMethod = make("staticmethod", Layout::Other);
  t.classMethod = make("classmethod", Layout::Other);
  t.memberDescriptor = make("member_descriptor", Layout::Other);
  t.BaseException = make("BaseException", Layout::Exception);
#define GILSIM_MAKE_EXCEPTION(name, base) \
  if (!t.name) t.name = make(#name, Layout::Exception, t.base);
  GILSIM_EXCEPTION_TYPES(GILSIM_MAKE_EXCEPTION)
#undef GILSIM_MAKE_EXCEPTION
  t.notImplemented = new SingletonObject(t.notImplementedType);
  t.ellipsis = new SingletonObject(t.ellipsisType);

  TypeObject* all[] = {t.type,
                       t.object,
                       t.noneType,
                       t.notImplementedType,
                       t.ellipsisType,
                       t.int_,
                       t.bool_,
                       t.float_,
                       t.str,
                       t.bytes,
                       t.tuple,
                       t.list,
                       t.dict,
                       t.set,
                       t.frozenset,
                       t.range,
                       t.slice,
                       t.function,
                       t.builtinFunction,
                       t.method,
                       t.code,
                       t.cell,
                       t.module,
                       t.iterator,
                       t.rangeIterator,
                       t.listIterator,
                       t.tupleIterator,
                       t.generator,
                       t.dictKeys,
                       t.dictValues,
                       t.dictItems,
                       t.superType,
                       t.property,
                       t.staticMethod,
                       t.classMethod,
                       t.memberDescriptor
#define GILSIM_LIST_EXCEPTION(name, base) , t.name
                           GILSIM_EXCEPTION_TYPES(GILSIM_LIST_EXCEPTION)
#undef GILSIM_LIST_EXCEPTION
  };
  for (TypeObject* type : all) {
    type->createDict();
    type->markBuiltin();
  }
  // Types built before `type` existed have a null type pointer; fix them up.
  for (TypeObject* type : all)
    type->fixMetatype(t.type);
  for (TypeObject* type :
       {t.bool_,     t.noneType, t.notImplementedType, t.ellipsisType, t.range,
        t.slice,     t.function, t.builtinFunction,    t.method,       t.code,
        t.cell,      t.iterator, t.rangeIterator,      t.listIterator, t.tupleIterator,
        t.generator, t.dictKeys, t.dictValues,         t.dictItems,    t.memberDescriptor})
    type->setSubclassable(false);

  registerObjectMethods(t);
  registerConstructors(t);
  registerTypeCreationMethods(t);
  registerStrMethods(t);
  registerBytesMethods(t);
  registerContainerMethods(t);
  registerExceptionMethods(t);
  registerBuiltinDunders(t);
  registerDescriptorMethods(t);
  registerGeneratorMethods(t.generator);
  registerNumberMethods(t);
  registerTranslateMethods(t);

  for (TypeObject* type : all) {
    immortalize(type);
    immortalize(type->dict());
    immortalizeDict(type->dict());
  }
  immortalize(t.notImplemented);
  immortalize(t.ellipsis);
}

}  // namespace

TypeObject* makeNativeType(std::string name, std::string moduleName,
                           std::initializer_list<std::pair<const char*, NativeFn>> methods,
                           NativeTypeSlots slots) {
  // Outside any interpreter's heap: the type outlives every interpreter, as built-in types do.
  Heap::Scope noHeap(nullptr);
  auto* type = new TypeObject(name, builtinTypes().object, Layout::Other);
  type->moduleName = std::move(moduleName);
  type->setSubclassable(false);
  type->reprSlot = slots.repr;
  type->iterNextSlot = slots.iterNext;
  for (const auto& [methodName, fn] : methods)
    type->dict()->setStr(methodName, makeNativeMethod(methodName, fn, name));
  immortalize(type);
  immortalize(type->dict());
  immortalizeDict(type->dict());
  return type;
}

void installStaticMethod(TypeObject* type, const char* name, NativeFn fn) {
  Value function = makeNative(name, fn);
  immortalize(function.object());
  type->dict()->setStr(name,
                       Value::steal(new WrapperObject(builtinTypes().staticMethod, function)));
}

void installClassMethod(TypeObject* type, const char* name, NativeFn fn) {
  Value function = makeNative(name, fn);
  immortalize(function.object());
  type->dict()->setStr(name, Value::steal(new WrapperObject(builtinTypes().classMethod, function)));
}

void installProperty(TypeObject* type, const char* name, NativeFn getter) {
  Value function = makeNative(name, getter);
  immortalize(function.object());
  Value property = Value::steal(new WrapperObject(builtinTypes().property, function));
  immortalize(property.object());
  type->dict()->setStr(name, property);
}

void ensureBuiltinTypes() {
  static std::once_flag once;
  std::call_once(once, build);
}

}  // namespace gilsim
