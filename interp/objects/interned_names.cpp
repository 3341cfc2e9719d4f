#include "interp/objects/interned_names.h"

#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

#include "interp/objects/str_object.h"

namespace gilsim {

namespace {

struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

using NameTable = std::unordered_map<std::string, Value, TransparentHash, std::equal_to<>>;

// Tables of several interpreters can live in one process; names are interned while compiling,
// rarely enough that one lock is no cost.
std::mutex gTablesLock;
std::map<Heap*, NameTable>& tables() {
  static auto* t = new std::map<Heap*, NameTable>();  // never destroyed: outlives every heap
  return *t;
}

Value intern(std::string_view text, const Value* candidate) {
  Heap* heap = Heap::current();
  if (!heap) return candidate ? *candidate : makeStr(text);
  std::lock_guard<std::mutex> lock(gTablesLock);
  NameTable& table = tables()[heap];
  auto it = table.find(text);
  if (it != table.end()) return it->second;
  Value name = candidate ? *candidate : makeStr(text);
  table.emplace(std::string(text), name);
  return name;
}

}  // namespace

Value internedName(std::string_view name) {
  return intern(name, nullptr);
}

Value internStr(const Value& str) {
  return intern(asStr(str)->view(), &str);
}

namespace {

using SharedNameTable =
    std::unordered_map<std::string, StrObject*, TransparentHash, std::equal_to<>>;

// The names native code looks up by text (dunders, mostly) as immortal strs shared by every
// interpreter: a str made, hashed and freed on every `lookup("__setattr__")` cost more than the
// lookup. A per-thread table in front of the process's keeps the lock off the common path; past
// the bound, names are made afresh rather than kept forever.
constexpr size_t kMaxLookupNames = 4096;
std::mutex gLookupNamesLock;

}  // namespace

StrObject* sharedName(std::string_view text) {
  thread_local SharedNameTable local;
  if (auto it = local.find(text); it != local.end()) return it->second;
  static auto* shared =
      new SharedNameTable();  // never destroyed: immortal strs outlive every thread
  std::lock_guard<std::mutex> lock(gLookupNamesLock);
  auto it = shared->find(text);
  if (it == shared->end()) {
    if (shared->size() >= kMaxLookupNames) return nullptr;
    Value made = makeStr(text);
    StrObject* name = asStr(made);
    name->hash();
    name->makeImmortal();
    made.release();
    it = shared->emplace(std::string(text), name).first;
  }
  local.emplace(std::string(text), it->second);
  return it->second;
}

void releaseInternedNames(Heap* heap) {
  NameTable released;
  {
    std::lock_guard<std::mutex> lock(gTablesLock);
    auto it = tables().find(heap);
    if (it == tables().end()) return;
    released = std::move(it->second);
    tables().erase(it);
  }
  // `released` frees its strs here, outside the lock.
}

}  // namespace gilsim
