// interp/serialize: multiprocessing's serialization. Every plain type round-trips exactly (big
// integers, floats bit for bit), functions and classes travel by name, and what pickle refuses
// fails with pickle's errors. Damaged messages raise _pickle.UnpicklingError and never crash.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "interp/modules/serialize.h"
#include "interp/modules/standard_modules.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
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
  VM& vm() { return interp.mainVM(); }
  Value roundTrip(const Value& v) { return deserializeValue(vm(), serializeValue(vm(), v)); }
};

// "TypeName: message" of the Python exception `fn` raises, or "" when it raises nothing.
std::string raised(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const PyException& e) {
    TypeObject* type = e.exception.type();
    std::string name =
        type->moduleName == "builtins" ? type->name() : type->moduleName + "." + type->name();
    return name + ": " + str(e.exception);
  }
  return "";
}

Value big(const char* decimal) {
  return makeInt(BigInt(decimal));
}

TEST(Serialize, ScalarsRoundTrip) {
  Env env;
  std::vector<Value> values = {
      Value::none(),
      Value::boolean(true),
      Value::boolean(false),
      Value::integer(0),
      Value::integer(-1),
      Value::integer(std::numeric_limits<int64_t>::min()),
      Value::integer(std::numeric_limits<int64_t>::max()),
      makeStr(""),
      makeStr("h\xc3\xa9llo \xf0\x9f\x98\x80"),
      makeBytes(std::string("\0\xff\x01", 3)),
      makeBytes(""),
  };
  for (const Value& v : values) {
    Value back = env.roundTrip(v);
    EXPECT_EQ(back.type(), v.type()) << repr(v);
    EXPECT_TRUE(equals(back, v)) << repr(v) << " came back as " << repr(back);
  }
}

TEST(Serialize, BigIntegersRoundTripExactly) {
  Env env;
  std::vector<Value> values = {
      big("9223372036854775808"),   // 2**63
      big("-9223372036854775809"),  // -2**63 - 1
      big("18446744073709551616"),  // 2**64
      big("-340282366920938463463374607431768211457"),
      makeInt(BigInt(1) << 4000),
      makeInt(-(BigInt(1) << 70000) + 12345),
  };
  for (const Value& v : values) {
    Value back = env.roundTrip(v);
    EXPECT_EQ(intCompare(back, v), 0) << "a " << intToBase(v, 16, true).size() << "-digit int";
  }
}

TEST(Serialize, FloatsRoundTripBitForBit) {
  Env env;
  for (double d :
       {0.0, -0.0, 1.5, -2.25e300, 5e-324, std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN(), 0.1}) {
    Value back = env.roundTrip(Value::real(d));
    ASSERT_TRUE(back.isFloat());
    double got = back.real();
    EXPECT_EQ(std::memcmp(&got, &d, sizeof d), 0) << d;
  }
}

TEST(Serialize, ContainersRoundTripNested) {
  Env env;
  Value dict = makeDict();
  dict.as<DictObject>()->set(makeStr("k"), makeList({Value::integer(1), makeStr("two")}));
  dict.as<DictObject>()->set(Value::integer(3), makeTuple({}));
  dict.as<DictObject>()->set(makeTuple({Value::integer(1), Value::none()}), Value::real(0.5));
  Value set = makeSet();
  set.as<SetObject>()->add(Value::integer(1));
  set.as<SetObject>()->add(makeStr("x"));
  Value frozen = makeSet(/*frozen=*/true);
  frozen.as<SetObject>()->add(big("100000000000000000000000"));
  Value nested = makeList({dict, set, frozen, makeList({}), makeList({makeList({makeList({})})})});
  Value back = env.roundTrip(nested);
  EXPECT_EQ(repr(back), repr(nested));
  EXPECT_TRUE(equals(back, nested));
  const auto& items = back.as<ListObject>()->items();
  EXPECT_EQ(items[1].type(), builtinTypes().set);
  EXPECT_EQ(items[2].type(), builtinTypes().frozenset);
  // Dicts keep their order.
  EXPECT_EQ(repr(items[0]), "{'k': [1, 'two'], 3: (), (1, None): 0.5}");
}

TEST(Serialize, DeepNestingIsRefusedNotACrash) {
  Env env;
  Value v = makeList({});
  for (int i = 0; i < 5000; ++i)
    v = makeList({v});
  EXPECT_EQ(raised([&] { serializeValue(env.vm(), v); }),
            "RecursionError: maximum recursion depth exceeded while pickling an object");
  // A list that contains itself is as deep as anything.
  Value self = makeList({});
  self.as<ListObject>()->items().push_back(self);
  EXPECT_NE(raised([&] { serializeValue(env.vm(), self); }), "");
  self.as<ListObject>()->items().clear();
}

TEST(Serialize, DamagedMessagesRaiseUnpicklingError) {
  Env env;
  Value sample = makeList({makeStr("abc"), big("123456789012345678901234567890"), Value::real(2.5),
                           makeTuple({Value::none()})});
  std::string good = serializeValue(env.vm(), sample);
  // Every proper prefix is truncated.
  for (size_t n = 0; n < good.size(); ++n) {
    std::string error = raised([&] { deserializeValue(env.vm(), good.substr(0, n)); });
    EXPECT_EQ(error.rfind("_pickle.UnpicklingError: ", 0), 0u) << n << ": " << error;
  }
  EXPECT_EQ(raised([&] { deserializeValue(env.vm(), "xyz"); }),
            "_pickle.UnpicklingError: invalid load key, 'x'.");
  // A count far larger than the message is refused before anything is allocated.
  EXPECT_EQ(raised([&] { deserializeValue(env.vm(), std::string("G1l\xff\xff\xff\xff\x0f", 8)); }),
            "_pickle.UnpicklingError: pickle data was truncated");
  // Random bytes after the magic: an error or a value, never a crash or a hang.
  std::mt19937 random(7);
  for (int i = 0; i < 2000; ++i) {
    std::string data = "G1";
    size_t length = random() % 24;
    for (size_t j = 0; j < length; ++j)
      data.push_back(static_cast<char>(random() % 256));
    try {
      deserializeValue(env.vm(), data);
    } catch (const PyException&) {
    }
  }
}

// Runs a script (functions and classes must live in a module to travel by name), returning its
// stdout, or stdout and stderr when it fails.
std::string runScript(const std::string& source, bool processControl = true) {
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  if (!out || !err) return "<tmpfile failed>";
  int rc;
  {
    InterpreterConfig config;
    config.out = out;
    config.err = err;
    config.processControl = processControl;
    Interpreter interp(config, standardModules());
    rc = interp.runSource(source, "t.py");
  }
  std::string text;
  for (std::FILE* f : {out, err}) {
    if (f == err && rc == 0) {
      std::fclose(f);
      continue;
    }
    std::rewind(f);
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
      text.append(buf, n);
    std::fclose(f);
  }
  return text;
}

TEST(Serialize, FunctionsClassesInstancesAndExceptionsTravelByName) {
  std::string out = runScript(R"PY(
import _gilsim_mp as m

def f(x):
    return x + 1

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Failure(Exception):
    pass

print(m.loads(m.dumps(f)) is f, m.loads(m.dumps(Point)) is Point, m.loads(m.dumps(len)) is len)
p = m.loads(m.dumps(Point(1, [2])))
print(type(p) is Point, p.x, p.y)
e = m.loads(m.dumps(Failure("bad", 3)))
print(type(e) is Failure, e.args)
e = m.loads(m.dumps(KeyError("k")))
print(repr(e))
)PY");
  EXPECT_EQ(out,
            "True True True\n"
            "True 1 [2]\n"
            "True ('bad', 3)\n"
            "KeyError('k')\n");
}

TEST(Serialize, WhatPickleRefusesFailsWithPicklesErrors) {
  std::string out = runScript(R"PY(
import _gilsim_mp as m
import _thread

def outer():
    def inner():
        pass
    return inner

def show(obj):
    try:
        m.dumps(obj)
        print("no error")
    except Exception as e:
        text = str(e)
        if " at 0x" in text:
            text = text[:text.index(" at 0x")] + text[text.index(">:"):]
        print(type(e).__module__ + "." + type(e).__name__ + ":", text)

show(lambda: 0)
show(outer())
show(_thread.allocate_lock())
show(x for x in [])
show([1, {"k": lambda: 1}])
print(m.PicklingError.__module__, issubclass(m.PicklingError, Exception))
)PY");
  EXPECT_EQ(out,
            "_pickle.PicklingError: Can't pickle <function <lambda>>: attribute lookup <lambda> "
            "on __main__ failed\n"
            "builtins.AttributeError: Can't pickle local object 'outer.<locals>.inner'\n"
            "builtins.TypeError: cannot pickle '_thread.lock' object\n"
            "builtins.TypeError: cannot pickle 'generator' object\n"
            "_pickle.PicklingError: Can't pickle <function <lambda>>: attribute lookup <lambda> "
            "on __main__ failed\n"
            "_pickle True\n");
}

// The fuzzer runs scripts with process control off: no forks, signals, exits or waits on others.
TEST(Serialize, ProcessControlOffHidesForkKillAndTheNativeModule) {
  std::string out = runScript(R"PY(
import os
print([hasattr(os, name) for name in ("fork", "kill", "_exit", "waitpid", "pipe", "getpid")])
try:
    import _gilsim_mp
except ImportError as e:
    print("ImportError:", e)
try:
    import multiprocessing
except ImportError as e:
    print("ImportError:", e)
)PY",
                              /*processControl=*/false);
  EXPECT_EQ(out,
            "[False, False, False, False, True, True]\n"
            "ImportError: _gilsim_mp is not available: process control is off\n"
            "ImportError: _gilsim_mp is not available: process control is off\n");
}

}  // namespace
}  // namespace gilsim
