// The object model: dicts and sets (ordering and hashing as CPython 3.11 has them), reprs,
// reference counting and the interpreter heap that frees cycles at teardown.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "interp/modules/standard_modules.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/float_repr.h"
#include "interp/objects/guarded_sort.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_recursion.h"
#include "interp/objects/operators.h"
#include "interp/objects/set_object.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {
namespace {

struct Env {
  Interpreter interp{InterpreterConfig{}, standardModules()};
  VM::Scope scope{&interp.mainVM()};
};

// "!TypeError: message" for a Python exception `fn` raises, or "" when it raises nothing.
std::string raised(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const PyException& e) {
    return "!" + typeName(e.exception) + ": " + str(e.exception);
  }
  return "";
}

Value big(const char* decimal) {
  return makeInt(BigInt(decimal));
}

// The live keys of a dict, in iteration order, as reprs.
std::vector<std::string> keys(const DictObject* d) {
  std::vector<std::string> out;
  for (const DictObject::Entry& e : d->entries())
    if (!e.key.isNull()) out.push_back(repr(e.key));
  return out;
}

std::vector<std::string> reprs(const std::vector<Value>& values) {
  std::vector<std::string> out;
  for (const Value& v : values)
    out.push_back(repr(v));
  return out;
}

using Strings = std::vector<std::string>;

// A heap object whose destruction is observable.
class Probe : public Object {
 public:
  explicit Probe(int* destroyed) : Object(builtinTypes().object), destroyed_(destroyed) {}
  ~Probe() override { ++*destroyed_; }

 private:
  int* destroyed_;
};

// ---- dict ----

TEST(Object, DictKeepsInsertionOrderThroughDeletes) {
  Env env;
  Value dv = makeDict();
  auto* d = dv.as<DictObject>();
  d->set(makeStr("a"), Value::integer(1));
  d->set(makeStr("b"), Value::integer(2));
  d->set(makeStr("c"), Value::integer(3));
  EXPECT_EQ(keys(d), (Strings{"'a'", "'b'", "'c'"}));

  Value removed;
  EXPECT_TRUE(d->remove(makeStr("b"), &removed));
  EXPECT_EQ(repr(removed), "2");
  EXPECT_FALSE(d->remove(makeStr("b")));
  EXPECT_EQ(d->size(), 2u);
  EXPECT_TRUE(d->get(makeStr("b")).isNull());

  // Reinserted: at the end. Updating an existing key keeps its place.
  d->set(makeStr("b"), Value::integer(4));
  d->set(makeStr("a"), Value::integer(5));
  EXPECT_EQ(keys(d), (Strings{"'a'", "'c'", "'b'"}));
  EXPECT_EQ(repr(d->get(makeStr("a"))), "5");
  EXPECT_EQ(repr(dv), "{'a': 5, 'c': 3, 'b': 4}");

  // Deleting everything and refilling starts a fresh order.
  for (const char* k : {"a", "b", "c"})
    EXPECT_TRUE(d->remove(makeStr(k)));
  EXPECT_EQ(d->size(), 0u);
  d->set(makeStr("c"), Value::none());
  d->set(makeStr("a"), Value::none());
  EXPECT_EQ(keys(d), (Strings{"'c'", "'a'"}));
}

TEST(Object, DictWithTenThousandIntKeys) {
  Env env;
  Value dv = makeDict();
  auto* d = dv.as<DictObject>();
  constexpr int64_t kCount = 10000;
  for (int64_t i = 0; i < kCount; ++i)
    d->set(Value::integer(i), Value::integer(i * i));
  ASSERT_EQ(d->size(), static_cast<size_t>(kCount));
  for (int64_t i = 0; i < kCount; ++i) {
    Value v = d->get(Value::integer(i));
    ASSERT_TRUE(v.isSmallInt()) << i;
    ASSERT_EQ(v.smallInt(), i * i) << i;
  }
  EXPECT_TRUE(d->get(Value::integer(kCount)).isNull());
  EXPECT_TRUE(d->get(Value::integer(-1)).isNull());

  for (int64_t i = 0; i < kCount; i += 2)
    ASSERT_TRUE(d->remove(Value::integer(i))) << i;
  EXPECT_EQ(d->size(), static_cast<size_t>(kCount / 2));
  // Survivors keep their order; deleted keys are gone.
  int64_t expected = 1;
  for (const DictObject::Entry& e : d->entries()) {
    if (e.key.isNull()) continue;
    ASSERT_EQ(e.key.smallInt(), expected);
    expected += 2;
  }
  EXPECT_EQ(expected, kCount + 1);
  for (int64_t i = 0; i < kCount; ++i)
    ASSERT_EQ(d->contains(Value::integer(i)), i % 2 == 1) << i;

  // Reinserted keys go to the end, in reinsertion order.
  for (int64_t i = 8; i >= 0; i -= 2)
    d->set(Value::integer(i), Value::integer(-i));
  Strings tail;
  Strings all = keys(d);
  tail.assign(all.end() - 6, all.end());
  EXPECT_EQ(tail, (Strings{"9999", "8", "6", "4", "2", "0"}));
  EXPECT_EQ(d->size(), static_cast<size_t>(kCount / 2 + 5));

  // Big int keys hash and compare by value.
  Value p64 = big("18446744073709551616");
  d->set(p64, makeStr("big"));
  EXPECT_EQ(repr(d->get(intMul(Value::integer(4294967296), Value::integer(4294967296)))), "'big'");
}

TEST(Object, EqualIntFloatAndBoolKeysCollide) {
  Env env;
  EXPECT_EQ(hashValue(Value::integer(1)), hashValue(Value::real(1.0)));
  EXPECT_EQ(hashValue(Value::integer(1)), hashValue(Value::boolean(true)));
  EXPECT_EQ(hashValue(Value::integer(0)), hashValue(Value::real(-0.0)));
  EXPECT_EQ(hashValue(big("18446744073709551616")), hashValue(Value::real(18446744073709551616.0)));

  Value dv = makeDict();
  auto* d = dv.as<DictObject>();
  d->set(Value::integer(1), makeStr("int"));
  d->set(Value::real(1.0), makeStr("float"));
  d->set(Value::boolean(true), makeStr("bool"));
  EXPECT_EQ(d->size(), 1u);
  // CPython keeps the first key and the last value: {1: 'bool'}.
  EXPECT_EQ(repr(dv), "{1: 'bool'}");
  EXPECT_EQ(repr(d->get(Value::real(1.0))), "'bool'");

  Value zeros = makeDict();
  for (Value k : {Value::integer(0), Value::boolean(false), Value::real(0.0), Value::real(-0.0)})
    zeros.as<DictObject>()->set(k, makeStr("z"));
  EXPECT_EQ(repr(zeros), "{0: 'z'}");

  // Equal hashes are not enough: 2**53 + 1 != 2.0**53 although float(2**53 + 1) == 2.0**53.
  Value exact = makeDict();
  exact.as<DictObject>()->set(Value::real(9007199254740992.0), Value::integer(1));
  EXPECT_TRUE(exact.as<DictObject>()->get(Value::integer(9007199254740993)).isNull());
  EXPECT_FALSE(exact.as<DictObject>()->get(Value::integer(9007199254740992)).isNull());

  Value sv = makeSet();
  auto* s = sv.as<SetObject>();
  EXPECT_TRUE(s->add(Value::real(1.0)));
  EXPECT_FALSE(s->add(Value::integer(1)));
  EXPECT_FALSE(s->add(Value::boolean(true)));
  EXPECT_EQ(repr(sv), "{1.0}");
}

TEST(Object, UnhashableKeysRaiseTypeError) {
  Env env;
  Value dv = makeDict();
  auto* d = dv.as<DictObject>();
  Value list = makeList({Value::integer(1)});
  EXPECT_EQ(raised([&] { d->set(list, Value::integer(2)); }),
            "!TypeError: unhashable type: 'list'");
  EXPECT_EQ(raised([&] { d->get(list); }), "!TypeError: unhashable type: 'list'");
  EXPECT_EQ(raised([&] { d->remove(list); }), "!TypeError: unhashable type: 'list'");
  EXPECT_EQ(raised([&] { d->set(makeDict(), Value::none()); }),
            "!TypeError: unhashable type: 'dict'");
  EXPECT_EQ(raised([&] { d->set(makeSet(), Value::none()); }),
            "!TypeError: unhashable type: 'set'");
  // A tuple is hashable only if its items are.
  EXPECT_EQ(raised([&] {
              hashValue(makeTuple({Value::integer(1), makeList()}));
            }),
            "!TypeError: unhashable type: 'list'");
  EXPECT_EQ(d->size(), 0u);
  Value sv = makeSet();
  EXPECT_EQ(raised([&] { sv.as<SetObject>()->add(list); }), "!TypeError: unhashable type: 'list'");
  // Hashable containers are fine.
  EXPECT_EQ(raised([&] { d->set(makeTuple({Value::integer(1)}), Value::none()); }), "");
  EXPECT_EQ(raised([&] { d->set(makeSet(true), Value::none()); }), "");
  EXPECT_EQ(d->size(), 2u);
}

// ---- set ----

// Sets iterate in slot order; for small ints built one add() at a time the order is CPython
// 3.11's (expected orders printed by python3).
TEST(Object, SetIterationOrderMatchesCPython) {
  Env env;
  auto build = [](std::vector<Value> items) {
    Value sv = makeSet();
    for (const Value& v : items)
      sv.as<SetObject>()->add(v);
    return sv;
  };
  auto ints = [](std::initializer_list<int64_t> xs) {
    std::vector<Value> out;
    for (int64_t x : xs)
      out.push_back(Value::integer(x));
    return out;
  };
  EXPECT_EQ(reprs(build(ints({5, 3, 1, 100, 2})).as<SetObject>()->items()),
            (Strings{"1", "2", "3", "100", "5"}));
  EXPECT_EQ(reprs(build(ints({-1, -2, 7, -3})).as<SetObject>()->items()),
            (Strings{"7", "-3", "-1", "-2"}));
  EXPECT_EQ(reprs(build(ints({1, 9, 17, 25, 33})).as<SetObject>()->items()),
            (Strings{"1", "33", "9", "17", "25"}));
  EXPECT_EQ(reprs(build(ints({7, 15, 23, 31, 39, 47, 55, 63})).as<SetObject>()->items()),
            (Strings{"39", "7", "15", "47", "55", "23", "63", "31"}));
  EXPECT_EQ(reprs(build(ints({-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5})).as<SetObject>()->items()),
            (Strings{"0", "1", "2", "3", "4", "5", "-1", "-5", "-4", "-3", "-2"}));
  std::vector<Value> desc;
  for (int64_t i = 100; i > 0; i -= 7)
    desc.push_back(Value::integer(i));
  EXPECT_EQ(reprs(build(desc).as<SetObject>()->items()),
            (Strings{"65", "2", "100", "37", "72", "9", "44", "79", "16", "51", "86", "23", "58",
                     "93", "30"}));
  EXPECT_EQ(reprs(build({big("18446744073709551616"), Value::integer(2305843009213693951),
                         Value::integer(0), Value::integer(2305843009213693952),
                         Value::integer(-2305843009213693952)})
                      .as<SetObject>()
                      ->items()),
            (Strings{"2305843009213693951", "0", "2305843009213693952", "18446744073709551616",
                     "-2305843009213693952"}));
  EXPECT_EQ(reprs(build({Value::real(1.5), Value::real(2.5), Value::integer(1), Value::real(0.5)})
                      .as<SetObject>()
                      ->items()),
            (Strings{"0.5", "1.5", "2.5", "1"}));
  EXPECT_EQ(repr(build(ints({5, 3, 1, 100, 2}))), "{1, 2, 3, 100, 5}");

  // discard() leaves a dummy; a later add of the same hash class reuses a slot.
  Value s = build(ints({1, 9, 17, 25, 33}));
  EXPECT_TRUE(s.as<SetObject>()->discard(Value::integer(9)));
  EXPECT_FALSE(s.as<SetObject>()->discard(Value::integer(9)));
  EXPECT_TRUE(s.as<SetObject>()->add(Value::integer(41)));
  EXPECT_EQ(reprs(s.as<SetObject>()->items()), (Strings{"1", "33", "41", "17", "25"}));
  EXPECT_EQ(s.as<SetObject>()->size(), 5u);
}

// CPython 3.11: s = set(); add 0..49; discard the even ones; add 1000, then 8.
TEST(Object, SetOrderAfterDiscardsMatchesCPython) {
  Env env;
  Value sv = makeSet();
  auto* s = sv.as<SetObject>();
  for (int64_t i = 0; i < 50; ++i)
    s->add(Value::integer(i));
  for (int64_t i = 0; i < 50; i += 2)
    s->discard(Value::integer(i));
  s->add(Value::integer(1000));
  s->add(Value::integer(8));
  EXPECT_EQ(
      repr(sv),
      "{1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41, 43, 45, "
      "47, 8, 49, 1000}");
}

TEST(Object, SetBasics) {
  Env env;
  Value sv = makeSet();
  auto* s = sv.as<SetObject>();
  for (int64_t i = 0; i < 1000; ++i)
    ASSERT_TRUE(s->add(Value::integer(i * 7)));
  EXPECT_EQ(s->size(), 1000u);
  for (int64_t i = 0; i < 7000; ++i)
    ASSERT_EQ(s->contains(Value::integer(i)), i % 7 == 0) << i;
  for (int64_t i = 0; i < 1000; i += 2)
    ASSERT_TRUE(s->discard(Value::integer(i * 7)));
  EXPECT_EQ(s->size(), 500u);
  EXPECT_EQ(s->items().size(), 500u);
  s->clear();
  EXPECT_EQ(s->size(), 0u);
  EXPECT_EQ(repr(sv), "set()");
  EXPECT_EQ(repr(makeSet(true)), "frozenset()");
}

// ---- hashing ----

TEST(Object, HashesMatchCPython) {
  Env env;
  auto h = [](const Value& v) { return static_cast<int64_t>(hashValue(v)); };
  auto tuple = [](std::vector<Value> items) { return makeTuple(std::move(items)); };
  EXPECT_EQ(h(tuple({Value::integer(1), Value::integer(2)})), -3550055125485641917);
  EXPECT_EQ(h(tuple({})), 5740354900026072187);
  EXPECT_EQ(h(tuple({Value::integer(1)})), -6644214454873602895);
  EXPECT_EQ(h(tuple({Value::integer(1), Value::integer(2), Value::integer(3)})),
            529344067295497451);
  EXPECT_EQ(h(tuple({Value::integer(1), tuple({Value::integer(2), Value::integer(3)})})),
            7267574591690527098);
  EXPECT_EQ(h(tuple({Value::real(1.5), Value::integer(-1)})), -9002791676578425913);
  EXPECT_EQ(h(tuple({big("18446744073709551616"), Value::integer(-1)})), 4705214496270574563);
  EXPECT_EQ(h(tuple({tuple({Value::integer(1), Value::integer(2)}),
                     tuple({Value::integer(3), Value::integer(4)})})),
            -1467267874458550984);
  EXPECT_EQ(h(tuple({Value::real(0.5), Value::boolean(true)})), -8572458927399070566);
  EXPECT_EQ(h(tuple({tuple({})})), -5486347211504344842);
  // Numbers: the modular hash, with hash(-1) == -2.
  EXPECT_EQ(h(Value::integer(-1)), -2);
  EXPECT_EQ(h(Value::integer(2305843009213693951)), 0);
  EXPECT_EQ(h(Value::real(1.5)), 1152921504606846977);
  EXPECT_EQ(h(Value::real(-2.5)), -1152921504606846978);
  EXPECT_EQ(h(Value::real(0.1)), 230584300921369408);
  EXPECT_EQ(h(Value::real(1e100)), 1822893315824342674);
  EXPECT_EQ(h(Value::real(1e-300)), 482449582752280463);
  EXPECT_EQ(h(Value::real(-1.0)), -2);
  EXPECT_EQ(h(Value::real(INFINITY)), 314159);
  EXPECT_EQ(h(Value::real(-INFINITY)), -314159);
  // Equal strs hash equal (CPython's values are randomised per process, so only that).
  EXPECT_EQ(h(makeStr("gilsim")), h(makeStr(std::string("gil") + "sim")));
}

TEST(Object, FrozensetHashMatchesCPython) {
  Env env;
  Value empty = makeSet(true);
  EXPECT_EQ(static_cast<int64_t>(hashValue(empty)), 133146708735736);
  Value s = makeSet(true);
  for (int64_t i : {1, 2, 3})
    s.as<SetObject>()->add(Value::integer(i));
  EXPECT_EQ(static_cast<int64_t>(hashValue(s)), -272375401224217160);
}

// ---- repr ----

TEST(Object, StrReprQuoting) {
  Env env;
  auto r = [](const char* s) { return repr(makeStr(s)); };
  EXPECT_EQ(r("abc"), "'abc'");
  EXPECT_EQ(r(""), "''");
  EXPECT_EQ(r("it's"), "\"it's\"");              // single quote inside: use double quotes
  EXPECT_EQ(r("say \"hi\""), "'say \"hi\"'");    // double quote inside: single quotes
  EXPECT_EQ(r("it's \"x\""), "'it\\'s \"x\"'");  // both: single quotes, escape the single
  EXPECT_EQ(r("'"), "\"'\"");
  EXPECT_EQ(r("\\'"), "\"\\\\'\"");
  EXPECT_EQ(r("back\\slash"), "'back\\\\slash'");
  EXPECT_EQ(r("a\nb\tc\rd"), "'a\\nb\\tc\\rd'");
  EXPECT_EQ(repr(makeStr(std::string("\0\x01\x1f\x7f", 4))), "'\\x00\\x01\\x1f\\x7f'");
  EXPECT_EQ(r("\xc2\x80\xc2\x9f"), "'\\x80\\x9f'");        // C1 controls
  EXPECT_EQ(r("caf\xc3\xa9"), "'caf\xc3\xa9'");            // printable non-ASCII stays
  EXPECT_EQ(r("\xf0\x9f\x98\x80"), "'\xf0\x9f\x98\x80'");  // U+1F600
  EXPECT_EQ(r("a\xcc\x81"), "'a\xcc\x81'");                // combining acute accent
  EXPECT_EQ(r("\xc2\xad"), "'\\xad'");                     // soft hyphen (Cf)
  EXPECT_EQ(r("\xe2\x80\xa8"), "'\\u2028'");               // line separator
  EXPECT_EQ(r("\xef\xbf\xbf"), "'\\uffff'");
  // Containers use the reprs of their items.
  Value t = makeTuple({makeStr("a"), makeStr("b'")});
  EXPECT_EQ(repr(makeList({Value::integer(1), makeStr("a"), Value::real(2.0), Value::none(),
                           Value::boolean(true), makeTuple({Value::integer(1)}), makeDict(), t})),
            "[1, 'a', 2.0, None, True, (1,), {}, ('a', \"b'\")]");
  EXPECT_EQ(repr(makeBytes(std::string("a'b\"\0\xff", 6))), "b'a\\'b\"\\x00\\xff'");
  EXPECT_EQ(repr(makeBytes("it's")), "b\"it's\"");
}

// CPython escapes every character str.isprintable() rejects: separators (Zs other than ' '),
// format characters (Cf), unassigned code points.
TEST(Object, StrReprEscapesAllNonPrintables) {
  Env env;
  auto r = [](const char* s) { return repr(makeStr(s)); };
  EXPECT_EQ(r("\xc2\xa0"), "'\\xa0'");                // U+00A0 no-break space
  EXPECT_EQ(r("\xe2\x80\x8b"), "'\\u200b'");          // U+200B zero width space
  EXPECT_EQ(r("\xe3\x80\x80"), "'\\u3000'");          // U+3000 ideographic space
  EXPECT_EQ(r("\xed\x9f\xbf"), "'\\ud7ff'");          // U+D7FF unassigned
  EXPECT_EQ(r("\xcd\xb8"), "'\\u0378'");              // U+0378 unassigned
  EXPECT_EQ(r("\xf3\xa0\x80\x81"), "'\\U000e0001'");  // U+E0001 language tag
}

TEST(Object, FloatRepr) {
  Env env;
  struct Case {
    double value;
    const char* text;
  };
  // Expected texts are CPython 3.11's repr().
  const Case cases[] = {
      {0.1, "0.1"},
      {1e16, "1e+16"},
      {1e-5, "1e-05"},
      {1e15, "1000000000000000.0"},
      {123456789012345.6, "123456789012345.6"},
      {0.0001, "0.0001"},
      {-0.0, "-0.0"},
      {0.0, "0.0"},
      {INFINITY, "inf"},
      {-INFINITY, "-inf"},
      {NAN, "nan"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {5e-324, "5e-324"},
      {0.1 + 0.2, "0.30000000000000004"},
      {1e22, "1e+22"},
      {2.5, "2.5"},
      {100.0, "100.0"},
      {1.0 / 3.0, "0.3333333333333333"},
      {9007199254740993.0, "9007199254740992.0"},
      {12345678.9, "12345678.9"},
      {1.5e300, "1.5e+300"},
      {-1e-7, "-1e-07"},
      {1.4142135623730951, "1.4142135623730951"},
      {123e-20, "1.23e-18"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(floatRepr(c.value), c.text);
    EXPECT_EQ(repr(Value::real(c.value)), c.text);
    EXPECT_EQ(str(Value::real(c.value)), c.text);
  }
}

// ---- reference counting ----

TEST(Object, ValueCopiesCountReferences) {
  Env env;
  Value list = makeList();
  Object* o = list.object();
  EXPECT_EQ(o->refcount(), 1u);
  {
    Value copy = list;  // copy: +1
    EXPECT_EQ(o->refcount(), 2u);
    EXPECT_TRUE(copy.identical(list));
    Value moved = std::move(copy);  // move: no change
    EXPECT_EQ(o->refcount(), 2u);
    EXPECT_TRUE(copy.isNull());
    Value assigned;
    assigned = list;  // copy-assign: +1
    EXPECT_EQ(o->refcount(), 3u);
    assigned = Value::integer(3);  // overwritten: -1
    EXPECT_EQ(o->refcount(), 2u);
    Value& alias = moved;
    moved = alias;  // self-assignment keeps the count straight
    moved = std::move(alias);
    EXPECT_EQ(o->refcount(), 2u);
  }  // `moved` destroyed: -1
  EXPECT_EQ(o->refcount(), 1u);

  Value borrowed = Value::borrow(o);  // borrow: +1
  EXPECT_EQ(o->refcount(), 2u);
  Object* raw = borrowed.release();  // release: ownership leaves the Value
  EXPECT_EQ(o->refcount(), 2u);
  EXPECT_TRUE(borrowed.isNull());
  Value stolen = Value::steal(raw);  // steal: takes it back without +1
  EXPECT_EQ(o->refcount(), 2u);
  stolen = Value();
  EXPECT_EQ(o->refcount(), 1u);

  // Containers hold references to their items.
  Value item = makeStr("item");
  Object* io = item.object();
  EXPECT_EQ(io->refcount(), 1u);
  list.as<ListObject>()->items().push_back(item);
  list.as<ListObject>()->items().push_back(item);
  EXPECT_EQ(io->refcount(), 3u);
  list = Value();  // the list dies and drops both
  EXPECT_EQ(io->refcount(), 1u);
}

TEST(Object, LastReferenceFreesTheObject) {
  Env env;
  int destroyed = 0;
  Value probe = Value::steal(new Probe(&destroyed));
  Value copy = probe;
  probe = Value();
  EXPECT_EQ(destroyed, 0);
  {
    Value inList = makeList({copy});
    copy = Value();
    EXPECT_EQ(destroyed, 0);  // the list still holds it
  }
  EXPECT_EQ(destroyed, 1);
}

TEST(Object, InlineAndImmortalValuesAreNotCounted) {
  Env env;
  Object* intType = builtinTypes().int_;
  ASSERT_TRUE(intType->immortal());
  uint32_t before = intType->refcount();
  {
    Value t = Value::borrow(intType);
    Value copy = t;
    EXPECT_EQ(t.tag(), Tag::Immortal);
    EXPECT_EQ(intType->refcount(), before);
  }
  EXPECT_EQ(intType->refcount(), before);
  Value i = Value::integer(7);
  Value j = i;
  EXPECT_TRUE(j.isSmallInt());
  EXPECT_TRUE(i.identical(j));
  EXPECT_FALSE(Value::integer(1).identical(Value::boolean(true)));
  EXPECT_FALSE(Value::integer(0).identical(Value::real(0.0)));
}

// ---- the heap and cycles ----

TEST(Object, SelfReferencingListIsFreedAtInterpreterTeardown) {
  int destroyed = 0;
  {
    Env env;
    Heap* heap = Heap::current();
    ASSERT_NE(heap, nullptr);
    size_t before = heap->trackedCount();
    {
      Value l = makeList();
      EXPECT_EQ(heap->trackedCount(), before + 1);
      l.as<ListObject>()->items().push_back(l);  // l.append(l)
      l.as<ListObject>()->items().push_back(Value::steal(new Probe(&destroyed)));
      EXPECT_EQ(l.object()->refcount(), 2u);
      EXPECT_EQ(repr(l).substr(0, 6), "[[...]");
    }
    // Our reference is gone, but the cycle keeps the list (and the probe) alive.
    EXPECT_EQ(heap->trackedCount(), before + 1);
    EXPECT_EQ(destroyed, 0);

    // An acyclic list is freed at once.
    { Value other = makeList({Value::integer(1)}); }
    EXPECT_EQ(heap->trackedCount(), before + 1);
  }
  // Tearing the interpreter down broke the cycle.
  EXPECT_EQ(destroyed, 1);
}

TEST(Object, HeapCollectAllFreesCyclesAndCountsDrop) {
  Env env;  // built-in types
  int destroyed = 0;
  Heap heap;
  {
    Heap::Scope scope(&heap);
    Value a = makeList();
    Value b = makeDict();
    a.as<ListObject>()->items().push_back(b);
    b.as<DictObject>()->set(makeStr("a"), a);  // a -> b -> a
    b.as<DictObject>()->set(makeStr("probe"), Value::steal(new Probe(&destroyed)));
    Value self = makeList();
    self.as<ListObject>()->items().push_back(self);
    EXPECT_EQ(heap.trackedCount(), 3u);
  }
  EXPECT_EQ(heap.trackedCount(), 3u);  // all kept alive by cycles
  EXPECT_EQ(destroyed, 0);
  heap.collectAll();
  EXPECT_EQ(heap.trackedCount(), 0u);
  EXPECT_EQ(destroyed, 1);
}

// ---- the same behaviour from Python source ----

// Runs a script, returning its stdout (stderr on failure).
std::string runScript(const std::string& source, int* rc) {
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  if (!out || !err) return "<tmpfile failed>";
  {
    InterpreterConfig config;
    config.out = out;
    config.err = err;
    Interpreter interp(config, standardModules());
    *rc = interp.runSource(source, "t.py");
  }
  std::string text;
  for (std::FILE* f : {out, err}) {
    std::rewind(f);
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
      text.append(buf, n);
    std::fclose(f);
  }
  return text;
}

TEST(Object, PythonLevelDictsAndSetsMatchCPython) {
  int rc = -1;
  // Expected output: CPython 3.11 running the same script.
  std::string out = runScript(R"PY(
d = {}
d['a'] = 1; d['b'] = 2; d['c'] = 3
del d['b']
d['b'] = 4
d['a'] = 5
print(d, list(d.items()))
d = {1: 'int'}
d[1.0] = 'float'; d[True] = 'bool'
print(d, len(d))
print({True: 1, 1: 2, 1.0: 3}, {1.0: 1, True: 2})
print({0: 'a', False: 'b', 0.0: 'c', -0.0: 'd'})
print({2**64: 'x'}[2.0**64], 2**64 in {2.0**64: 1}, 2**53 + 1 in {2.0**53: 1}, 0.5 in {1: 2})
d = {i: i * i for i in range(10000)}
for i in range(0, 10000, 2): del d[i]
print(len(d), list(d)[:5], d[9999], sum(d))
for i in range(0, 10, 2): d[i] = -i
print(list(d)[-6:], len(d))
try:
    {}[[1]] = 2
except TypeError as e:
    print('TypeError', e)
try:
    {[1, 2]: 3}
except TypeError as e:
    print('TypeError', e)
try:
    hash(([],))
except TypeError as e:
    print('TypeError', e)
try:
    {1: 2}[{1}]
except TypeError as e:
    print('TypeError', e)
try:
    set().add({})
except TypeError as e:
    print('TypeError', e)
print(hash((1, 2)), {frozenset({1}): 2}[frozenset([1])])
print({5, 3, 1, 100, 2}, set([-1, -2, 7, -3]), set(range(20, 0, -3)))
)PY",
                              &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_EQ(out,
            "{'a': 5, 'c': 3, 'b': 4} [('a', 5), ('c', 3), ('b', 4)]\n"
            "{1: 'bool'} 1\n"
            "{True: 3} {1.0: 2}\n"
            "{0: 'd'}\n"
            "x True False False\n"
            "5000 [1, 3, 5, 7, 9] 99980001 25000000\n"
            "[9999, 0, 2, 4, 6, 8] 5005\n"
            "TypeError unhashable type: 'list'\n"
            "TypeError unhashable type: 'list'\n"
            "TypeError unhashable type: 'list'\n"
            "TypeError unhashable type: 'set'\n"
            "TypeError unhashable type: 'dict'\n"
            "-3550055125485641917 2\n"
            "{1, 2, 3, 100, 5} {7, -3, -1, -2} {2, 5, 8, 11, 14, 17, 20}\n");
}

// The reference count of the object bound to `x` after running `source` (the module dict holds
// one reference; the Value this helper reads it into is not counted).
int64_t refcountOfX(const std::string& source) {
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  if (!out || !err) return -1;
  InterpreterConfig config;
  config.out = out;
  config.err = err;
  int64_t count = -1;
  {
    Interpreter interp(config, standardModules());
    if (interp.runSource(source, "t.py") == kExitOk) {
      VM::Scope scope(&interp.mainVM());
      Value module = interp.modules()->getStr("__main__");
      Value x = module.isNull() ? Value() : getAttr(module, "x");
      if (x.tag() == Tag::Object) count = static_cast<int64_t>(x.object()->refcount()) - 1;
    }
  }
  std::fclose(out);
  std::fclose(err);
  return count;
}

TEST(Object, PythonLevelReferenceCounts) {
  EXPECT_EQ(refcountOfX("x = [1, 2]\n"), 1);
  EXPECT_EQ(refcountOfX("x = [1, 2]\ny = x\n"), 2);
  EXPECT_EQ(refcountOfX("x = [1, 2]\ny = x\nz = [x, x]\n"), 4);
  EXPECT_EQ(refcountOfX("x = [1, 2]\ny = x\ndel y\n"), 1);
  // Temporaries a statement uses are released when it is done.
  EXPECT_EQ(refcountOfX("x = [1, 2]\ny = len(x)\nz = x[0]\nw = 1 in x\n"), 1);
  EXPECT_EQ(refcountOfX("x = [1]\nfor i in x:\n    pass\ny = [i for i in x]\n"), 1);
  EXPECT_EQ(refcountOfX("x = [1]\ny = (x, x)\ndel y\n"), 1);
  EXPECT_EQ(refcountOfX("x = [1]\ny = not x\nz = x and 1\ns = str(x)\n"), 1);
  EXPECT_EQ(refcountOfX("x = [1]\ndef f(a):\n    b = a\n    return len(b)\nf(x)\nf(x)\n"), 1);
}

// GCC's computed goto (`goto *table[op]`, the default dispatch) does not run the destructors of
// block-scope objects it jumps out of, so a `Value` local in an eval-loop handler that still owns a
// reference when the handler dispatches leaks it: POP_JUMP_IF_FALSE/TRUE (`Value v = POP()`),
// FORMAT_VALUE, MAKE_FUNCTION (the code object), ...
TEST(Object, EvalLoopReleasesTemporaries) {
  EXPECT_EQ(refcountOfX("x = [1, 2]\nif x:\n    pass\n"), 1);         // POP_JUMP_IF_FALSE
  EXPECT_EQ(refcountOfX("x = [1, 2]\nwhile not x:\n    pass\n"), 1);  // POP_JUMP_IF_TRUE
  EXPECT_EQ(refcountOfX("x = [1]\ny = x if x else 0\n"), 2);
  EXPECT_EQ(refcountOfX("x = [1, 2]\ny = f'{x}'\n"), 1);  // FORMAT_VALUE
  // The function's code object: referenced by the function only once the module code is gone.
  std::FILE* out = std::tmpfile();
  InterpreterConfig config;
  config.out = out;
  Interpreter interp(config, standardModules());
  ASSERT_EQ(interp.runSource("def f():\n    pass\n", "t.py"), kExitOk);
  VM::Scope scope(&interp.mainVM());
  Value f = getAttr(interp.modules()->getStr("__main__"), "f");
  Value code = getAttr(f, "__code__");
  EXPECT_EQ(code.object()->refcount() - 1, 1u);
  std::fclose(out);
}

// A cycle built by Python code is freed when the interpreter goes.
TEST(Object, PythonLevelCycleIsFreedAtTeardown) {
  int destroyed = 0;
  {
    InterpreterConfig config;
    std::FILE* out = std::tmpfile();
    config.out = out;
    Interpreter interp(config, standardModules());
    {
      VM::Scope scope(&interp.mainVM());
      interp.builtins()->setStr("probe", Value::steal(new Probe(&destroyed)));
    }
    ASSERT_EQ(
        interp.runSource("l = [probe]\nl.append(l)\nd = {'l': l}\nd['d'] = d\ndel l, d\n", "t.py"),
        kExitOk);
    {
      VM::Scope scope(&interp.mainVM());
      interp.builtins()->remove(makeStr("probe"));
    }
    EXPECT_EQ(destroyed, 0);  // only the cycle holds it now
    std::fclose(out);
  }
  EXPECT_EQ(destroyed, 1);
}

// CPython compiles a display of constants such as {1, 9, 17, 25, 33} to BUILD_SET + a frozenset
// constant + SET_UPDATE, so it prints in the order a merge of that frozenset produces.
TEST(Object, ConstantSetDisplayOrderMatchesCPython) {
  GTEST_SKIP() << "known bug: set displays of constants iterate in insertion-built order, not "
                  "in CPython's frozenset-merge order";
  int rc = -1;
  std::string out = runScript("print({1, 9, 17, 25, 33}, {-1, -2, 7, -3})\n", &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_EQ(out, "{1, 33, 17, 9, 25} {-2, -3, -1, 7}\n");
}

TEST(Object, PythonLevelSelfReferencingList) {
  int rc = -1;
  std::string out = runScript(
      "l = [1]\nl.append(l)\nprint(l, len(l), l[1] is l)\nd = {}\nd['d'] = d\nprint(d)\n", &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_EQ(out, "[1, [...]] 2 True\n{'d': {...}}\n");
}

// list.sort's comparison is Python code: under any answers at all (random, always true, always
// false) and under an exception, the sort stays inside its range and loses no element. Under
// ASan a read past either end (std::stable_sort's unguarded insertion does that) fails here.
TEST(GuardedSort, AnyComparisonKeepsEveryElementOnce) {
  uint64_t seed = 15;
  auto coin = [&] {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (seed >> 33) & 1;
  };
  const std::vector<std::function<bool(int, int)>> orders = {
      [](int a, int b) { return a < b; },
      [](int, int) { return true; },
      [](int, int) { return false; },
      [&](int, int) { return coin() != 0; },
  };
  for (size_t n : {0u, 1u, 2u, 15u, 16u, 17u, 33u, 100u, 1000u}) {
    for (size_t o = 0; o < orders.size(); ++o) {
      std::vector<int> items(n);
      for (size_t i = 0; i < n; ++i)
        items[i] = static_cast<int>((i * 7919) % (n ? n : 1));
      std::vector<int> expected = items;
      std::sort(expected.begin(), expected.end());
      guardedStableSort(items, orders[o]);
      std::vector<int> got = items;
      std::sort(got.begin(), got.end());
      EXPECT_EQ(got, expected) << "n=" << n << " order " << o;
      if (o == 0) {
        EXPECT_TRUE(std::is_sorted(items.begin(), items.end())) << n;
      }
    }
  }
  // Stable: equal keys keep their order.
  std::vector<std::pair<int, int>> pairs;
  for (int i = 0; i < 200; ++i)
    pairs.emplace_back(i % 3, i);
  guardedStableSort(pairs, [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 1; i < pairs.size(); ++i) {
    if (pairs[i - 1].first == pairs[i].first) {
      EXPECT_LT(pairs[i - 1].second, pairs[i].second);
    }
  }
  // A comparison that throws midway leaves a permutation behind, nothing lost.
  std::vector<int> items(100);
  for (int i = 0; i < 100; ++i)
    items[i] = 99 - i;
  int calls = 0;
  EXPECT_THROW(guardedStableSort(items,
                                 [&](int a, int b) {
                                   if (++calls == 150) throw std::runtime_error("boom");
                                   return a < b;
                                 }),
               std::runtime_error);
  std::sort(items.begin(), items.end());
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(items[i], i);
}

// The native depth guard counts with the recursion limit and unwinds: after the RecursionError
// the count is back where it was, so the same depth works again.
TEST(NativeRecursion, CountsAgainstTheLimitAndUnwinds) {
  Env env;
  env.interp.setRecursionLimit(50);
  std::function<void(int)> dive = [&](int n) {
    NativeRecursionGuard guard(kWhileRepr);
    if (n > 0) dive(n - 1);
  };
  EXPECT_EQ(raised([&] { dive(40); }), "");
  EXPECT_EQ(
      raised([&] { dive(60); }),
      "!RecursionError: maximum recursion depth exceeded while getting the repr of an object");
  EXPECT_EQ(raised([&] { dive(40); }), "");
  // Deep data through the real protocol: a list nested past the limit.
  Value v = makeList({});
  for (int i = 0; i < 100; ++i)
    v = makeList({v});
  EXPECT_EQ(
      raised([&] { repr(v); }),
      "!RecursionError: maximum recursion depth exceeded while getting the repr of an object");
  EXPECT_EQ(raised([&] { equals(v, makeList({v})); }),
            "!RecursionError: maximum recursion depth exceeded in comparison");
  env.interp.setRecursionLimit(1000);
  EXPECT_EQ(repr(v).size(), 202u);
}

}  // namespace
}  // namespace gilsim
