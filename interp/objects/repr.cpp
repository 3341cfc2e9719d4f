// Conversion to text (see operators.h): repr, str and ascii, with the reprs of the built-in types
// (str and bytes escapes, containers guarded against containing themselves, functions, types,
// modules, ...).
#include "interp/objects/operators.h"

#include <unordered_set>

#include "interp/objects/class_object.h"
#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/float_repr.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_recursion.h"
#include "interp/objects/protocol_internal.h"
#include "interp/objects/set_object.h"
#include "interp/objects/str_object.h"
#include "interp/vm/generator_object.h"  // upward: a generator's repr names its code
#include "interp/vm/vm.h"  // upward: the repr guard is per Python thread (VM::current)

namespace gilsim {

namespace {

// Guards repr() of self-containing containers: `[...]`, `{...}`. Per Python thread: the
// simulated machine runs every thread on one OS thread, so the key carries the thread's VM.
using ReprKey = std::pair<const Object*, const VM*>;
struct ReprKeyHash {
  size_t operator()(const ReprKey& k) const {
    return std::hash<const void*>()(k.first) * 31 + std::hash<const void*>()(k.second);
  }
};
thread_local std::unordered_set<ReprKey, ReprKeyHash> tlsReprInProgress;
struct ReprGuard {
  ReprKey key;
  bool entered;
  explicit ReprGuard(const Object* o)
      : key(o, VM::current()), entered(tlsReprInProgress.insert(key).second) {}
  ~ReprGuard() {
    if (entered) tlsReprInProgress.erase(key);
  }
};

std::string reprStr(const std::string& s) {
  bool hasSingle = s.find('\'') != std::string::npos;
  bool hasDouble = s.find('"') != std::string::npos;
  char quote = hasSingle && !hasDouble ? '"' : '\'';
  std::string out(1, quote);
  size_t pos = 0;
  while (pos < s.size()) {
    uint32_t cp = decodeUtf8At(s, pos);
    if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (!isPrintable(cp)) {  // interp/common/unicode.h, as str.isprintable
      if (cp <= 0xff)
        out += fmt::format("\\x{:02x}", cp);
      else if (cp <= 0xffff)
        out += fmt::format("\\u{:04x}", cp);
      else
        out += fmt::format("\\U{:08x}", cp);
    } else {
      appendUtf8(out, cp);
    }
  }
  out += quote;
  return out;
}

std::string reprBytes(const std::string& s) {
  bool hasSingle = s.find('\'') != std::string::npos;
  bool hasDouble = s.find('"') != std::string::npos;
  char quote = hasSingle && !hasDouble ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (unsigned char c : s) {
    if (c == quote || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (c < 0x20 || c >= 0x7f)
      out += fmt::format("\\x{:02x}", c);
    else
      out += static_cast<char>(c);
  }
  out += quote;
  return out;
}

std::string joinRepr(const std::vector<Value>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += repr(items[i]);
  }
  return out;
}

std::string address(const Object* o) {
  return fmt::format("0x{:012x}", reinterpret_cast<uintptr_t>(o));
}

std::string qualifiedName(TypeObject* type) {
  if (type->moduleName == "builtins") return type->name();
  return type->moduleName + "." + type->name();
}

}  // namespace

std::string repr(const Value& v) {
  switch (v.tag()) {
    case Tag::Null:
      return "<NULL>";
    case Tag::None:
      return "None";
    case Tag::Bool:
      return v.boolean() ? "True" : "False";
    case Tag::Int:
      return std::to_string(v.smallInt());
    case Tag::Float:
      return floatRepr(v.real());
    default:
      break;
  }
  Object* o = v.object();
  NativeRecursionGuard depth(kWhileRepr);
  if (isUserObject(v)) {
    Value r = callSpecial(v, "__repr__", {});
    if (!r.isNull() && !(r.isObject() && r.object() == nullptr)) {
      if (!isStr(r)) raiseTypeError("__repr__ returned non-string (type {})", typeName(r));
      return asStr(r)->str();
    }
  }
  if (o->type()->reprSlot) return o->type()->reprSlot(v);
  switch (layoutOf(v)) {
    case Layout::Int:
      return intToDecimal(v);
    case Layout::Str:
      return reprStr(asStr(v)->str());
    case Layout::Bytes:
      return reprBytes(v.as<BytesObject>()->data());
    case Layout::Tuple: {
      const auto& items = v.as<TupleObject>()->items();
      ReprGuard guard(o);
      if (!guard.entered) return "(...)";
      if (items.size() == 1) return "(" + repr(items[0]) + ",)";
      return "(" + joinRepr(items) + ")";
    }
    case Layout::List: {
      ReprGuard guard(o);
      if (!guard.entered) return "[...]";
      std::vector<Value> items = v.as<ListObject>()->items();
      return "[" + joinRepr(items) + "]";
    }
    case Layout::Dict: {
      ReprGuard guard(o);
      if (!guard.entered) return "{...}";
      std::string out = "{";
      bool first = true;
      std::vector<DictObject::Entry> entries = v.as<DictObject>()->entries();
      for (const auto& e : entries) {
        if (e.key.isNull()) continue;
        if (!first) out += ", ";
        first = false;
        out += repr(e.key) + ": " + repr(e.value);
      }
      return out + "}";
    }
    case Layout::Set: {
      auto* s = v.as<SetObject>();
      bool frozen = s->frozen();
      if (s->size() == 0) return frozen ? "frozenset()" : "set()";
      ReprGuard guard(o);
      if (!guard.entered) return "{...}";
      std::string inner = "{" + joinRepr(s->items()) + "}";
      return frozen ? "frozenset(" + inner + ")" : inner;
    }
    case Layout::Range: {
      auto* r = v.as<RangeObject>();
      if (r->big) {
        if (intCompare(r->bigStep, Value::integer(1)) == 0)
          return "range(" + repr(r->bigStart) + ", " + repr(r->bigStop) + ")";
        return "range(" + repr(r->bigStart) + ", " + repr(r->bigStop) + ", " + repr(r->bigStep) +
               ")";
      }
      if (r->step == 1) return fmt::format("range({}, {})", r->start, r->stop);
      return fmt::format("range({}, {}, {})", r->start, r->stop, r->step);
    }
    case Layout::Slice: {
      auto* s = v.as<SliceObject>();
      return "slice(" + repr(s->start) + ", " + repr(s->stop) + ", " + repr(s->step) + ")";
    }
    case Layout::Function: {
      auto* f = v.as<FunctionObject>();
      return "<function " + f->qualname + " at " + address(o) + ">";
    }
    case Layout::NativeFunction: {
      auto* f = v.as<NativeFunctionObject>();
      if (f->isMethod()) return "<method '" + f->name() + "' of '" + f->ownerName() + "' objects>";
      return "<built-in function " + f->name() + ">";
    }
    case Layout::BoundMethod: {
      auto* m = v.as<BoundMethodObject>();
      if (m->function.isObject() && m->function.object()->type() == T().builtinFunction)
        return "<built-in method " + m->function.as<NativeFunctionObject>()->name() + " of " +
               typeName(m->self) + " object at " +
               address(m->self.isObject() ? m->self.object() : nullptr) + ">";
      std::string name = m->function.isObject() && layoutOf(m->function) == Layout::Function
                             ? m->function.as<FunctionObject>()->qualname
                             : "?";
      return "<bound method " + name + " of " + repr(m->self) + ">";
    }
    case Layout::Type:
      return "<class '" + qualifiedName(v.as<TypeObject>()) + "'>";
    case Layout::Module: {
      auto* m = v.as<ModuleObject>();
      Value file = m->dict()->getStr("__file__");
      if (file.isNull()) return "<module '" + m->name() + "' (built-in)>";
      return "<module '" + m->name() + "' from " + repr(file) + ">";
    }
    case Layout::Code:
      return "<code object " + v.as<CodeObject>()->name + ">";
    case Layout::Cell:
      return "<cell at " + address(o) + ">";
    case Layout::Iterator: {
      if (o->type() == T().iterator) {
        if (auto* it = dynamic_cast<IteratorObject*>(o))
          return std::string("<") + it->typeName() + " object at " + address(o) + ">";
      }
      return "<iterator object at " + address(o) + ">";
    }
    case Layout::DictView: {
      const std::string& name = o->type()->name();
      Value items = makeList(toVector(v));
      return name + "(" + repr(items) + ")";
    }
    case Layout::Exception: {
      Value r = callSpecial(v, "__repr__", {});
      return asStr(r)->str();
    }
    case Layout::Generator:
      return "<generator object " + static_cast<GeneratorObject*>(o)->code()->qualname + " at " +
             address(o) + ">";
    default:
      break;
  }
  if (o == T().notImplemented) return "NotImplemented";
  if (o == T().ellipsis) return "Ellipsis";
  return "<" + qualifiedName(o->type()) + " object at " + address(o) + ">";
}

std::string str(const Value& v) {
  if (isStr(v)) return asStr(v)->str();
  if (v.isObject()) {
    if (isUserObject(v) || layoutOf(v) == Layout::Exception) {
      NativeRecursionGuard depth(kWhileStr);
      Value fn = lookupSpecial(v, "__str__");
      if (!fn.isNull()) {
        Value r = callMethod(fn, v, {});
        if (!isStr(r)) raiseTypeError("__str__ returned non-string (type {})", typeName(r));
        return asStr(r)->str();
      }
    }
  }
  return repr(v);
}

std::string ascii(const Value& v) {
  std::string r = repr(v);
  std::string out;
  size_t pos = 0;
  while (pos < r.size()) {
    uint32_t cp = decodeUtf8At(r, pos);
    if (cp < 0x80)
      out += static_cast<char>(cp);
    else if (cp <= 0xff)
      out += fmt::format("\\x{:02x}", cp);
    else if (cp <= 0xffff)
      out += fmt::format("\\u{:04x}", cp);
    else
      out += fmt::format("\\U{:08x}", cp);
  }
  return out;
}

}  // namespace gilsim
