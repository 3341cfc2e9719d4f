// _random: the native core of random (random.py in interp/lib/ builds the rest on it, as
// CPython's Lib/random.py does on its _random): a Random type holding a Mersenne Twister with
// seed, random, getrandbits, getstate and setstate, seeded exactly as CPython seeds, so a seeded
// script prints the same numbers under both. str and bytes seeds are hashed with SHA-512
// (sha512.h), CPython's "version 2" seeding.

#include <boost/multiprecision/cpp_int.hpp>
#include <iterator>
#include <random>
#include <vector>

#include "gil/machine.h"
#include "interp/modules/mersenne_twister.h"
#include "interp/modules/native_modules.h"
#include "interp/modules/sha512.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

class RandomObject : public Object {
 public:
  explicit RandomObject(TypeObject* type) : Object(type) {}
  MersenneTwister generator;
};

TypeObject* randomType();

MersenneTwister& selfGenerator(const CallArgs& args, const char* method) {
  if (args.count == 0 || !args[0].isObject() || args[0].object()->type() != randomType())
    raiseTypeError("descriptor '{}' requires a '_random.Random' object", method);
  return args[0].as<RandomObject>()->generator;
}

// An int's absolute value as little-endian 32-bit words, one zero word for 0 (CPython's key).
std::vector<uint32_t> keyOfInt(const Value& v) {
  BigInt n = abs(toBigInt(v));
  std::vector<uint32_t> key;
  export_bits(n, std::back_inserter(key), 32, false);
  if (key.empty()) key.push_back(0);
  return key;
}

// Version 2 seeding of str and bytes: int.from_bytes(data + sha512(data).digest(), "big").
std::vector<uint32_t> keyOfBytes(const std::string& data) {
  std::string whole = data + sha512Digest(data);
  BigInt n;
  import_bits(n, whole.begin(), whole.end(), 8, true);
  return keyOfInt(makeInt(std::move(n)));
}

// seed(None): the OS's entropy on the real machine; under --sim the machine's seed, so that a
// simulated run replays exactly (the README's rule: every random source of a simulation is its
// seed).
std::vector<uint32_t> keyOfNothing(VM& vm) {
  std::vector<uint32_t> key;
  if (const SimSettings* sim = vm.interp().machine().simSettings()) {
    key = {static_cast<uint32_t>(sim->seed), static_cast<uint32_t>(sim->seed >> 32)};
    return key;
  }
  std::random_device entropy;
  for (int i = 0; i < MersenneTwister::kStateWords; ++i)
    key.push_back(entropy());
  return key;
}

void seedGenerator(VM& vm, MersenneTwister& generator, const Value& seed) {
  std::vector<uint32_t> key;
  if (seed.isNull() || seed.isNone())
    key = keyOfNothing(vm);
  else if (isInt(seed))
    key = keyOfInt(seed);
  else if (isStr(seed))
    key = keyOfBytes(asStr(seed)->str());
  else if (isBytes(seed))
    key = keyOfBytes(seed.as<BytesObject>()->data());
  else  // CPython seeds any other hashable object by its hash, as an unsigned word
    key = keyOfInt(makeInt(BigInt(hashValue(seed))));
  generator.seedByArray(key);
}

Value randomSeed(VM& vm, CallArgs args) {
  MersenneTwister& generator = selfGenerator(args, "seed");
  expectMethodArgs("seed", args, 0, 1);
  seedGenerator(vm, generator, args.count > 1 ? args[1] : Value());
  return Value::none();
}

Value randomRandom(VM&, CallArgs args) {
  MersenneTwister& generator = selfGenerator(args, "random");
  expectMethodArgs("random", args, 0, 0);
  return Value::real(generator.nextDouble());
}

Value randomGetrandbits(VM&, CallArgs args) {
  MersenneTwister& generator = selfGenerator(args, "getrandbits");
  expectMethodArgs("getrandbits", args, 1, 1);
  if (!isInt(args[1]))
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(args[1]));
  if (intSign(args[1]) < 0) raiseValueError("number of bits must be non-negative");
  int64_t bits;
  if (!intFitsInt64(args[1], &bits) || bits > (int64_t{1} << 40))
    raiseOverflowError("getrandbits: {} bits is more than gilsim supports", intToDecimal(args[1]));
  if (bits == 0) return Value::integer(0);
  if (bits <= 32) return Value::integer(generator.next32() >> (32 - bits));
  // Little-endian words, the last one cut to the bits left (CPython's order of draws).
  std::vector<uint32_t> words;
  for (int64_t left = bits; left > 0; left -= 32) {
    uint32_t word = generator.next32();
    if (left < 32) word >>= (32 - left);
    words.push_back(word);
  }
  BigInt n;
  import_bits(n, words.begin(), words.end(), 32, false);
  return makeInt(std::move(n));
}

// random.py's _randbelow_with_getrandbits(n) for n > 0, natively: draws of n.bit_length() bits
// until one falls below n (the same draws, so the same stream, as CPython's Python loop).
Value randomRandbelow(VM&, CallArgs args) {
  MersenneTwister& generator = selfGenerator(args, "_randbelow");
  expectMethodArgs("_randbelow", args, 1, 1);
  int64_t n;
  if (!intFitsInt64(args[1], &n) || n <= 0 || n > (int64_t{1} << 62)) {
    // Wide bounds take the general path: getrandbits of the bound's width.
    if (!isInt(args[1]) || intSign(args[1]) <= 0)
      raiseValueError("_randbelow needs a positive int");
    BigInt bound = toBigInt(args[1]);
    int64_t bits = static_cast<int64_t>(msb(bound)) + 1;
    Value width = Value::integer(bits);
    while (true) {
      Value call[] = {args[0], width};
      Value r = randomGetrandbits(*VM::current(), CallArgs{call, 2, nullptr});
      if (toBigInt(r) < bound) return r;
    }
  }
  int bits = 64 - __builtin_clzll(static_cast<uint64_t>(n));
  while (true) {
    uint64_t r;
    if (bits <= 32) {
      r = generator.next32() >> (32 - bits);
    } else {
      uint64_t low = generator.next32();
      uint64_t high = generator.next32() >> (64 - bits);
      r = low | (high << 32);
    }
    if (r < static_cast<uint64_t>(n)) return Value::integer(static_cast<int64_t>(r));
  }
}

Value randomGetstate(VM&, CallArgs args) {
  MersenneTwister& generator = selfGenerator(args, "getstate");
  expectMethodArgs("getstate", args, 0, 0);
  std::vector<Value> state;
  for (uint32_t word : generator.words())
    state.push_back(Value::integer(word));
  state.push_back(Value::integer(generator.position()));
  return makeTuple(std::move(state));
}

Value randomSetstate(VM&, CallArgs args) {
  MersenneTwister& generator = selfGenerator(args, "setstate");
  expectMethodArgs("setstate", args, 1, 1);
  if (!isTuple(args[1])) raiseTypeError("state vector must be a tuple");
  const std::vector<Value>& items = args[1].as<TupleObject>()->items();
  if (items.size() != MersenneTwister::kStateWords + 1)
    raiseValueError("state vector is the wrong size");
  std::array<uint32_t, MersenneTwister::kStateWords> words{};
  for (int i = 0; i < MersenneTwister::kStateWords; ++i) {
    if (!isInt(items[i])) raiseTypeError("an integer is required");
    int64_t word;
    if (!intFitsInt64(items[i], &word) || word < 0 || word > UINT32_MAX)
      raiseOverflowError("Python int too large to convert to C unsigned long");
    words[i] = static_cast<uint32_t>(word);
  }
  int64_t position = toIndex(items.back(), "state index");
  if (position < 0 || position > MersenneTwister::kStateWords) raiseValueError("invalid state");
  generator.restore(words, static_cast<int>(position));
  return Value::none();
}

TypeObject* randomType() {
  static TypeObject* type = makeNativeType("Random", "_random",
                                           {{"seed", randomSeed},
                                            {"random", randomRandom},
                                            {"getrandbits", randomGetrandbits},
                                            {"_randbelow", randomRandbelow},
                                            {"getstate", randomGetstate},
                                            {"setstate", randomSetstate}});
  return type;
}

// _random.Random([seed]): a function making the objects (callType builds instances of native
// types as user-class instances, so the type itself is not called).
Value newRandom(VM& vm, CallArgs args) {
  expectArgs("Random", args, 0, 1);
  auto* object = new RandomObject(randomType());
  Value result = Value::steal(object);
  seedGenerator(vm, object->generator, args.count ? args[0] : Value());
  return result;
}

// sha512(data) -> the 64-byte digest (random.py's version 1/2 logic needs nothing else of
// hashlib).
Value randomSha512(VM&, CallArgs args) {
  expectArgs("_sha512", args, 1, 1);
  if (!isBytes(args[0]))
    raiseTypeError("_sha512() argument must be bytes, not {}", typeName(args[0]));
  const std::string& data = args[0].as<BytesObject>()->data();
  return makeBytes(sha512Digest(data));
}

}  // namespace

void initRandomModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  d->setStr("Random", makeNative("Random", newRandom));
  d->setStr("_sha512", makeNative("_sha512", randomSha512));
}

}  // namespace gilsim
