#include "interp/modules/serialize.h"

#include <fmt/format.h>

#include <cstring>

#include "interp/modules/shared_memory.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_recursion.h"
#include "interp/objects/operators.h"
#include "interp/objects/set_object.h"
#include "interp/objects/str_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

constexpr char kMagic[] = "G1";

TypeObject* moduleErrorType(VM& vm, const char* name) {
  Value module = vm.interp().importModule(vm, "_gilsim_mp");
  Value type = module.as<ModuleObject>()->dict()->getStr(name);
  return type.as<TypeObject>();
}

[[noreturn]] void picklingError(VM& vm, std::string message) {
  raise(picklingErrorType(vm), std::move(message));
}

[[noreturn]] void unpicklingError(VM& vm, std::string message) {
  raise(unpicklingErrorType(vm), std::move(message));
}

// The module that defines a value, when sys.modules has it (no import while serializing).
Value loadedModule(VM& vm, const std::string& name) {
  if (name == "builtins") return Value();
  Value m = vm.interp().modules()->getStr(name);
  return m.isObject() && m.type()->layout() == Layout::Module ? m : Value();
}

// Looks `qualname` (dotted) up in a module or the builtins; Null when some step is missing.
Value lookupQualified(VM& vm, const Value& module, const std::string& moduleName,
                      const std::string& qualname) {
  Value current;
  size_t start = 0;
  for (;;) {
    size_t dot = qualname.find('.', start);
    std::string part = qualname.substr(start, dot == std::string::npos ? dot : dot - start);
    if (current.isNull()) {
      current = moduleName == "builtins" ? vm.interp().builtins()->getStr(part)
                                         : module.as<ModuleObject>()->dict()->getStr(part);
    } else {
      Value name = makeStr(part);
      current = getAttrOrNull(current, asStr(name));
    }
    if (current.isNull() || dot == std::string::npos) return current;
    start = dot + 1;
  }
}

class Writer {
 public:
  Writer(VM& vm, FdList* fds) : vm_(vm), fds_(fds) { out_.append(kMagic, 2); }
  std::string take() { return std::move(out_); }

  void value(const Value& v) {
    // CPython's pickle stops at the recursion limit, with this RecursionError; the guard counts
    // with the Python frames and watches the C++ stack (objects/native_recursion.h).
    NativeRecursionGuard guard(kWhilePickling);
    switch (v.tag()) {
      case Tag::None:
        out_.push_back('N');
        return;
      case Tag::Bool:
        out_.push_back(v.boolean() ? 'T' : 'F');
        return;
      case Tag::Int:
        out_.push_back('i');
        varint((static_cast<uint64_t>(v.smallInt()) << 1) ^
               static_cast<uint64_t>(v.smallInt() >> 63));
        return;
      case Tag::Float: {
        out_.push_back('f');
        double d = v.real();
        char raw[8];
        std::memcpy(raw, &d, 8);
        out_.append(raw, 8);
        return;
      }
      case Tag::Null:
        raiseTypeError("cannot pickle a missing value");
      case Tag::Object:
      case Tag::Immortal:
        break;
    }
    TypeObject* type = v.type();
    const BuiltinTypes& t = builtinTypes();
    if (type == t.int_) return bigInt(v);
    if (type == t.str) return sized('s', asStr(v)->str());
    if (type == t.bytes) return sized('b', v.as<BytesObject>()->data());
    if (type == t.list || type == t.tuple) {
      const std::vector<Value>& items =
          type == t.list ? v.as<ListObject>()->items() : v.as<TupleObject>()->items();
      out_.push_back(type == t.list ? 'l' : 't');
      // A copy: serializing an item may run Python code (a lookup) that changes the list.
      std::vector<Value> copy = items;
      varint(copy.size());
      for (const Value& item : copy)
        value(item);
      return;
    }
    if (type == t.dict) {
      std::vector<std::pair<Value, Value>> entries;
      for (const auto& e : v.as<DictObject>()->entries())
        if (!e.key.isNull()) entries.emplace_back(e.key, e.value);
      out_.push_back('d');
      varint(entries.size());
      for (const auto& [key, item] : entries) {
        value(key);
        value(item);
      }
      return;
    }
    if (type == t.set || type == t.frozenset) {
      std::vector<Value> items = v.as<SetObject>()->items();
      out_.push_back(type == t.set ? 'S' : 'z');
      varint(items.size());
      for (const Value& item : items)
        value(item);
      return;
    }
    if (type == t.function) return function(v);
    if (type == t.type || type->isSubtypeOf(t.type)) return typeReference(v.as<TypeObject>(), v);
    if (type == t.builtinFunction) return builtinFunction(v);
    if (type == t.method) return boundMethod(v);
    if (type == sharedSemaphoreType()) {
      auto* sem = v.as<SharedSemaphoreObject>();
      shared(SharedKind::Semaphore, sem->region());
      varint(static_cast<uint64_t>(sem->maxValue()));
      return;
    }
    if (type == sharedArrayType()) {
      auto* array = v.as<SharedArrayObject>();
      shared(SharedKind::Array, array->region());
      out_.push_back(array->typecode());
      varint(array->length());
      return;
    }
    if (type->layout() == Layout::Exception) {
      out_.push_back('e');
      globalName(type);
      value(v.as<ExceptionObject>()->args);
      return;
    }
    if (type->layout() == Layout::Object && !type->isBuiltin()) {
      out_.push_back('o');
      globalName(type);
      // A class may choose what travels (multiprocessing's Queue leaves its feeder thread out).
      Value getState = type->lookup("__getstate__");
      Value state = getState.isNull() ? instanceState(v) : vm_.call(getState, {v});
      value(state);
      return;
    }
    raiseTypeError("cannot pickle '{}' object", qualifiedTypeName(type));
  }

 private:
  static std::string qualifiedTypeName(TypeObject* type) {
    return type->moduleName == "builtins" ? type->name() : type->moduleName + "." + type->name();
  }

  void varint(uint64_t n) {
    while (n >= 0x80) {
      out_.push_back(static_cast<char>((n & 0x7f) | 0x80));
      n >>= 7;
    }
    out_.push_back(static_cast<char>(n));
  }

  void sized(char tag, const std::string& data) {
    out_.push_back(tag);
    varint(data.size());
    out_ += data;
  }

  void bigInt(const Value& v) {
    BigInt n = toBigInt(v);
    out_.push_back('I');
    out_.push_back(n < 0 ? '-' : '+');
    if (n < 0) n = -n;
    std::string magnitude;
    boost::multiprecision::export_bits(n, std::back_inserter(magnitude), 8);
    varint(magnitude.size());
    out_ += magnitude;
  }

  void shared(SharedKind kind, const SharedRegion& region) {
    // The descriptor number means something only to a child that inherits it (spawn, which asks
    // for the list): sent any other way it could name an unrelated file. CPython refuses too.
    if (!fds_)
      raiseRuntimeError("{} objects should only be shared between processes through inheritance",
                        kind == SharedKind::Semaphore ? "Lock" : "Synchronized");
    out_.push_back('M');
    out_.push_back(static_cast<char>(kind));
    varint(static_cast<uint64_t>(region.fd()));
    varint(region.size());
    fds_->push_back(region.fd());
  }

  // Checks that `module.qualname` finds `object` again, with pickle's errors when it does not.
  void checkFindable(const Value& object, const std::string& module, const std::string& qualname) {
    if (qualname.find("<locals>") != std::string::npos)
      raiseAttributeError("Can't pickle local object '{}'", qualname);
    Value m = loadedModule(vm_, module);
    Value found;
    if (module == "builtins" || !m.isNull()) found = lookupQualified(vm_, m, module, qualname);
    if (found.isNull())
      picklingError(vm_, fmt::format("Can't pickle {}: attribute lookup {} on {} failed",
                                     repr(object), qualname, module));
    if (!found.identical(object))
      picklingError(vm_, fmt::format("Can't pickle {}: it's not the same object as {}.{}",
                                     repr(object), module, qualname));
  }

  void globalName(TypeObject* type) {
    Value typeValue = Value::borrow(type);
    checkFindable(typeValue, type->moduleName, type->name());
    sized('s', type->moduleName);
    sized('s', type->name());
  }

  void function(const Value& v) {
    auto* f = v.as<FunctionObject>();
    std::string module = isStr(f->module) ? asStr(f->module)->str() : "__main__";
    checkFindable(v, module, f->qualname);
    out_.push_back('g');
    sized('s', module);
    sized('s', f->qualname);
  }

  void typeReference(TypeObject* type, const Value& v) {
    checkFindable(v, type->moduleName, type->name());
    out_.push_back('g');
    sized('s', type->moduleName);
    sized('s', type->name());
  }

  // What an instance's pickle carries: its __dict__, or its set __slots__ by name.
  static Value instanceState(const Value& v) {
    auto* instance = v.as<InstanceObject>();
    if (instance->dict() && instance->slots.empty()) return Value::borrow(instance->dict());
    Value state = makeDict();
    if (instance->dict())
      for (const auto& e : instance->dict()->entries())
        if (!e.key.isNull()) state.as<DictObject>()->set(e.key, e.value);
    const std::vector<std::string>& names = v.type()->slotNames;
    for (size_t i = 0; i < names.size() && i < instance->slots.size(); ++i)
      if (!instance->slots[i].isNull())
        state.as<DictObject>()->setStr(names[i], instance->slots[i]);
    return state;
  }

  // As CPython's method.__reduce__: getattr(self, name) on the other side (queue.put as a
  // Process target).
  void boundMethod(const Value& v) {
    auto* m = v.as<BoundMethodObject>();
    Value name = getAttr(m->function, "__name__");
    out_.push_back('m');
    value(m->self);
    sized('s', asStr(name)->str());
  }

  // By module and name, as CPython's __reduce__ of built-in functions: a builtin, a function of
  // a loaded native module (os.getpid), or a method of a built-in type (str.upper).
  void builtinFunction(const Value& v) {
    auto* f = v.as<NativeFunctionObject>();
    std::string module, qualname;
    if (f->isMethod()) {
      Value owner = vm_.interp().builtins()->getStr(f->ownerName());
      if (!owner.isNull() && owner.isObject() && owner.type()->layout() == Layout::Type &&
          owner.as<TypeObject>()->dict()->getStr(f->name()).identical(v)) {
        module = "builtins";
        qualname = f->ownerName() + "." + f->name();
      }
    } else if (vm_.interp().builtins()->getStr(f->name()).identical(v)) {
      module = "builtins";
      qualname = f->name();
    } else {
      std::vector<DictObject::Entry> loaded = vm_.interp().modules()->entries();
      for (const auto& e : loaded) {
        if (e.key.isNull() || !isStr(e.key) || !e.value.isObject() ||
            e.value.type()->layout() != Layout::Module)
          continue;
        if (e.value.as<ModuleObject>()->dict()->getStr(f->name()).identical(v)) {
          module = asStr(e.key)->str();
          qualname = f->name();
          break;
        }
      }
    }
    if (module.empty()) raiseTypeError("cannot pickle 'builtin_function_or_method' object");
    out_.push_back('g');
    sized('s', module);
    sized('s', qualname);
  }

  VM& vm_;
  FdList* fds_;
  std::string out_;
};

class Reader {
 public:
  Reader(VM& vm, std::string_view data) : vm_(vm), data_(data) {}

  Value message() {
    if (data_.size() < 2 || data_.substr(0, 2) != std::string_view(kMagic, 2)) {
      if (data_.empty()) unpicklingError(vm_, "pickle data was truncated");
      unpicklingError(vm_, fmt::format("invalid load key, '{}'.", printable(data_[0])));
    }
    pos_ = 2;
    Value v = value();
    if (pos_ != data_.size()) unpicklingError(vm_, "data left over after the value");
    return v;
  }

 private:
  static std::string printable(char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7f ? std::string(1, c) : fmt::format("\\x{:02x}", u);
  }

  [[noreturn]] void truncated() { unpicklingError(vm_, "pickle data was truncated"); }

  char byte() {
    if (pos_ >= data_.size()) truncated();
    return data_[pos_++];
  }

  uint64_t varint() {
    uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      auto b = static_cast<unsigned char>(byte());
      n |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return n;
    }
    unpicklingError(vm_, "invalid length");
  }

  // A count of items, each at least one byte long: never more than what is left.
  size_t count() {
    uint64_t n = varint();
    if (n > data_.size() - pos_) truncated();
    return static_cast<size_t>(n);
  }

  std::string_view bytes() {
    size_t n = count();
    std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }

  std::string string() {
    std::string_view s = bytes();
    if (!utf8Valid(s)) unpicklingError(vm_, "invalid UTF-8 in a str");
    return std::string(s);
  }

  // `s` payloads of a module and a qualified name, resolved by importing the module.
  Value global() {
    if (byte() != 's') unpicklingError(vm_, "invalid global reference");
    std::string module = string();
    if (byte() != 's') unpicklingError(vm_, "invalid global reference");
    std::string qualname = string();
    Value m;
    if (module != "builtins") m = vm_.interp().importModule(vm_, module);
    Value found = lookupQualified(vm_, m, module, qualname);
    if (found.isNull())
      raiseAttributeError("Can't get attribute '{}' on <module '{}'>", qualname, module);
    return found;
  }

  Value value() {
    // CPython's unpickler is iterative and loads any depth; this one recurses, so it loads what
    // the C++ stack holds (far past any sender's recursion limit) and refuses the rest.
    vm_.checkNativeStack(kWhileUnpickling);
    char tag = byte();
    switch (tag) {
      case 'N':
        return Value::none();
      case 'T':
        return Value::boolean(true);
      case 'F':
        return Value::boolean(false);
      case 'i': {
        uint64_t z = varint();
        return Value::integer(static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1)));
      }
      case 'I': {
        char sign = byte();
        if (sign != '+' && sign != '-') unpicklingError(vm_, "invalid int sign");
        std::string_view magnitude = bytes();
        BigInt n;
        boost::multiprecision::import_bits(n, magnitude.begin(), magnitude.end(), 8);
        if (sign == '-') n = -n;
        return makeInt(std::move(n));
      }
      case 'f': {
        if (data_.size() - pos_ < 8) truncated();
        double d;
        std::memcpy(&d, data_.data() + pos_, 8);
        pos_ += 8;
        return Value::real(d);
      }
      case 's':
        return makeStr(string());
      case 'b':
        return makeBytes(std::string(bytes()));
      case 'l':
      case 't': {
        size_t n = count();
        std::vector<Value> items;
        items.reserve(n);
        for (size_t i = 0; i < n; ++i)
          items.push_back(value());
        return tag == 'l' ? makeList(std::move(items)) : makeTuple(std::move(items));
      }
      case 'd': {
        size_t n = count();
        Value dict = makeDict();
        for (size_t i = 0; i < n; ++i) {
          Value key = value();
          Value item = value();
          dict.as<DictObject>()->set(key, std::move(item));
        }
        return dict;
      }
      case 'S':
      case 'z': {
        size_t n = count();
        Value set = makeSet(tag == 'z');
        for (size_t i = 0; i < n; ++i)
          set.as<SetObject>()->add(value());
        return set;
      }
      case 'g':
        return global();
      case 'm': {
        Value self = value();
        if (byte() != 's') unpicklingError(vm_, "invalid method reference");
        return getAttr(self, string());
      }
      case 'o': {
        Value cls = global();
        if (!cls.isObject() || cls.type()->layout() != Layout::Type ||
            cls.as<TypeObject>()->layout() != Layout::Object || cls.as<TypeObject>()->isBuiltin())
          unpicklingError(vm_, "instance of a class that is not a user class");
        Value state = value();
        auto* instance = new InstanceObject(cls.as<TypeObject>());
        Value result = Value::steal(instance);
        Value setState = cls.as<TypeObject>()->lookup("__setstate__");
        if (!setState.isNull()) {
          vm_.call(setState, {result, state});
          return result;
        }
        if (!isDict(state)) unpicklingError(vm_, "instance state is not a dict");
        for (const auto& e : state.as<DictObject>()->entries()) {
          if (e.key.isNull()) continue;
          if (!isStr(e.key)) unpicklingError(vm_, "instance state has a key that is not a str");
          if (instance->dict())
            instance->dict()->set(e.key, e.value);
          else
            setAttr(result, asStr(e.key), e.value);  // a __slots__ class
        }
        return result;
      }
      case 'e': {
        Value cls = global();
        if (!isExceptionClass(cls)) unpicklingError(vm_, "exception of a class that is not one");
        Value args = value();
        if (!isTuple(args)) unpicklingError(vm_, "exception arguments are not a tuple");
        std::vector<Value> positional = args.as<TupleObject>()->items();
        return vm_.call(cls, CallArgs{positional.data(), positional.size(), nullptr});
      }
      case 'M':
        return sharedObject();
      default:
        unpicklingError(vm_, fmt::format("invalid load key, '{}'.", printable(tag)));
    }
  }

  Value sharedObject() {
    char kind = byte();
    uint64_t fd = varint();
    uint64_t size = varint();
    if (fd > INT32_MAX || size > (uint64_t{1} << 40)) unpicklingError(vm_, "invalid shared memory");
    if (kind == static_cast<char>(SharedKind::Semaphore)) {
      uint64_t maxValue = varint();
      if (size < sizeof(sem_t) || maxValue > INT32_MAX)
        unpicklingError(vm_, "invalid shared semaphore");
      auto region = SharedRegion::attach(static_cast<int>(fd), size);
      return Value::steal(
          new SharedSemaphoreObject(std::move(region), false, 0, static_cast<int64_t>(maxValue)));
    }
    if (kind == static_cast<char>(SharedKind::Array)) {
      char typecode = byte();
      uint64_t length = varint();
      size_t item = SharedArrayObject::itemSize(typecode);
      if (item == 0 || length > size / item) unpicklingError(vm_, "invalid shared array");
      auto region = SharedRegion::attach(static_cast<int>(fd), size);
      return Value::steal(
          new SharedArrayObject(std::move(region), typecode, static_cast<size_t>(length)));
    }
    unpicklingError(vm_, "invalid shared memory kind");
  }

  VM& vm_;
  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace

std::string serializeValue(VM& vm, const Value& value, FdList* fds) {
  Writer writer(vm, fds);
  writer.value(value);
  return writer.take();
}

Value deserializeValue(VM& vm, std::string_view data) {
  return Reader(vm, data).message();
}

TypeObject* picklingErrorType(VM& vm) {
  return moduleErrorType(vm, "PicklingError");
}

TypeObject* unpicklingErrorType(VM& vm) {
  return moduleErrorType(vm, "UnpicklingError");
}

}  // namespace gilsim
