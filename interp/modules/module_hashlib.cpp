// The _hashlib module, under interp/lib/hashlib.py: message digests over OpenSSL's EVP interface
// (libcrypto, opened on import: libcrypto.h), as CPython's _hashlib is.
//
//   new(name, data=b'')    a HASH object: update(data), digest(), hexdigest(), copy(), and name,
//                          digest_size, block_size; shake_* take digest(length)
//   pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)
//   openssl_md_meth_names  the names new() accepts
//
// The GIL, as CPython holds it: an update of 2,048 bytes or more gives the lock up while
// OpenSSL hashes (reason `cext`, like any C extension that releases it), so threads hashing big
// buffers run in parallel; smaller updates keep it, the release would cost more than the work.
// pbkdf2_hmac always gives it up. Under --sim the work is charged a fixed cost per byte per
// algorithm (kAlgorithms, measured on the CI machine with CPython's hashlib on 50 MB), not its
// real duration, so that a simulated run replays exactly.
#include <openssl/evp.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "gil/machine.h"
#include "interp/modules/libcrypto.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/builtin_methods.h"
#include "interp/objects/bytearray_object.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/gil_released.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

// CPython's HASHLIB_GIL_MINSIZE: below it an update keeps the GIL.
constexpr size_t kGilReleaseMinSize = 2048;

struct Algorithm {
  const char* name;     // hashlib's name
  const char* openssl;  // EVP_get_digestbyname's
  double nanosPerByte;  // virtual cost under --sim
};

// Every algorithm, declared once: hashlib.py's constructors and algorithms_available derive
// from openssl_md_meth_names.
constexpr Algorithm kAlgorithms[] = {
    {"md5", "MD5", 1.46},           {"sha1", "SHA1", 0.59},         {"sha224", "SHA224", 0.62},
    {"sha256", "SHA256", 0.62},     {"sha384", "SHA384", 1.06},     {"sha512", "SHA512", 1.06},
    {"sha3_224", "SHA3-224", 1.95}, {"sha3_256", "SHA3-256", 2.08}, {"sha3_384", "SHA3-384", 2.7},
    {"sha3_512", "SHA3-512", 3.8},  {"shake_128", "SHAKE128", 1.7}, {"shake_256", "SHAKE256", 2.08},
    {"blake2b", "BLAKE2B512", 0.9}, {"blake2s", "BLAKE2S256", 1.5},
};

const Algorithm* findAlgorithm(std::string_view name) {
  std::string lower(name);
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Algorithm& a : kAlgorithms)
    if (lower == a.name) return &a;
  return nullptr;
}

bool isShake(const Algorithm& a) {
  return std::string_view(a.name).starts_with("shake_");
}

// The libcrypto functions used, loaded on first use (libcrypto.h says why).
struct Crypto {
#define GILSIM_CRYPTO_FUNCTION(name) \
  decltype(&::name) name = libcryptoFunction<decltype(&::name)>(#name);
  GILSIM_CRYPTO_FUNCTION(EVP_MD_CTX_new)
  GILSIM_CRYPTO_FUNCTION(EVP_MD_CTX_free)
  GILSIM_CRYPTO_FUNCTION(EVP_MD_CTX_copy_ex)
  GILSIM_CRYPTO_FUNCTION(EVP_get_digestbyname)
  GILSIM_CRYPTO_FUNCTION(EVP_DigestInit_ex)
  GILSIM_CRYPTO_FUNCTION(EVP_DigestUpdate)
  GILSIM_CRYPTO_FUNCTION(EVP_DigestFinal_ex)
  GILSIM_CRYPTO_FUNCTION(EVP_DigestFinalXOF)
  GILSIM_CRYPTO_FUNCTION(EVP_MD_get_size)
  GILSIM_CRYPTO_FUNCTION(EVP_MD_get_block_size)
  GILSIM_CRYPTO_FUNCTION(PKCS5_PBKDF2_HMAC)
#undef GILSIM_CRYPTO_FUNCTION
  bool complete() const {
    return EVP_MD_CTX_new && EVP_MD_CTX_free && EVP_MD_CTX_copy_ex && EVP_get_digestbyname &&
           EVP_DigestInit_ex && EVP_DigestUpdate && EVP_DigestFinal_ex && EVP_DigestFinalXOF &&
           EVP_MD_get_size && EVP_MD_get_block_size && PKCS5_PBKDF2_HMAC;
  }
};

const Crypto& crypto() {
  static const Crypto functions;
  return functions;
}

struct ContextDeleter {
  void operator()(EVP_MD_CTX* c) const { crypto().EVP_MD_CTX_free(c); }
};
using Context = std::unique_ptr<EVP_MD_CTX, ContextDeleter>;

class HashObject : public Object {
 public:
  HashObject(TypeObject* type, const Algorithm& a, const EVP_MD* m)
      : Object(type), algorithm(&a), md(m) {}
  const Algorithm* algorithm;
  const EVP_MD* md;
  Context context;
  // Updates run without the GIL: two threads feeding one object take turns, as CPython's
  // per-object lock makes them. Never held across a switch of simulated threads.
  std::mutex mutex;
};

TypeObject* hashType();

HashObject* selfHash(const CallArgs& args, const char* method) {
  if (args.count == 0 || !args[0].isObject() || args[0].object()->type() != hashType())
    raiseTypeError("descriptor '{}' requires a '_hashlib.HASH' object", method);
  return args[0].as<HashObject>();
}

[[noreturn]] void openSslFailure() {
  raiseValueError("[digital envelope routines] OpenSSL failure");
}

// The data of an update: bytes or bytearray; a str is CPython's TypeError.
const std::string& dataArgument(const Value& v) {
  if (isStr(v)) raiseTypeError("Strings must be encoded before hashing");
  const std::string* data = bytesLikeData(v);
  if (!data) raiseTypeError("object supporting the buffer API required");
  return *data;
}

int digestUpdate(HashObject* h, std::string_view data) {
  std::lock_guard<std::mutex> lock(h->mutex);
  return crypto().EVP_DigestUpdate(h->context.get(), data.data(), data.size());
}

void hashBytes(VM& vm, HashObject* h, const Value& v) {
  const std::string& whole = dataArgument(v);
  int ok;
  if (whole.size() >= kGilReleaseMinSize) {
    // A bytearray may be resized by another thread while the GIL is given up: hash a copy.
    // A bytes object cannot change, and the caller's reference keeps it alive.
    std::string copy;
    std::string_view data = whole;
    if (!isBytes(v)) data = copy = whole;
    Machine& machine = vm.interp().machine();
    GilReleased released(vm, DropReason::Cext);
    ok = digestUpdate(h, data);
    if (machine.simulated())
      machine.computeFor(
          static_cast<Nanos>(static_cast<double>(data.size()) * h->algorithm->nanosPerByte));
  } else {
    ok = digestUpdate(h, whole);
    chargeNativeWork(NativeCosts::kNativeCall + static_cast<int64_t>(whole.size()) / 8);
  }
  if (ok != 1) openSslFailure();
}

Value hashUpdate(VM& vm, CallArgs args) {
  HashObject* h = selfHash(args, "update");
  expectMethodArgs("update", args, 1, 1);
  hashBytes(vm, h, args[1]);
  return Value::none();
}

// The digest of a copy of the context, so that update() can go on after digest().
std::string finish(HashObject* h, size_t shakeLength) {
  Context copy(crypto().EVP_MD_CTX_new());
  {
    std::lock_guard<std::mutex> lock(h->mutex);
    if (!copy || crypto().EVP_MD_CTX_copy_ex(copy.get(), h->context.get()) != 1) openSslFailure();
  }
  std::string out;
  if (isShake(*h->algorithm)) {
    out.resize(shakeLength);
    if (shakeLength > 0 &&
        crypto().EVP_DigestFinalXOF(copy.get(), reinterpret_cast<unsigned char*>(out.data()),
                                    shakeLength) != 1)
      openSslFailure();
    return out;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (crypto().EVP_DigestFinal_ex(copy.get(), digest, &length) != 1) openSslFailure();
  return std::string(reinterpret_cast<char*>(digest), length);
}

size_t shakeLengthArgument(const CallArgs& args, HashObject* h, const char* method) {
  if (!isShake(*h->algorithm)) {
    expectMethodArgs(method, args, 0, 0);
    return 0;
  }
  Value length;
  size_t positional = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name != "length")
      raiseTypeError("{}() got an unexpected keyword argument '{}'", method, name);
    length = v;
  });
  if (positional == 2) length = args[1];
  if (positional > 2 || length.isNull())
    raiseTypeError("{}() missing required argument 'length' (pos 1)", method);
  int64_t n = toIndex(length, "length");
  if (n < 0) raiseValueError("length must be non-negative");
  if (n >= (int64_t{1} << 29)) raiseValueError("length is too large");
  return static_cast<size_t>(n);
}

Value hashDigest(VM&, CallArgs args) {
  HashObject* h = selfHash(args, "digest");
  return makeBytes(finish(h, shakeLengthArgument(args, h, "digest")));
}

Value hashHexdigest(VM&, CallArgs args) {
  HashObject* h = selfHash(args, "hexdigest");
  std::string digest = finish(h, shakeLengthArgument(args, h, "hexdigest"));
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : digest) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return makeStr(std::move(out));
}

Value newHash(const Algorithm& a) {
  const EVP_MD* md = crypto().EVP_get_digestbyname(a.openssl);
  if (!md) raiseValueError("unsupported hash type {}", a.name);
  auto* h = new HashObject(hashType(), a, md);
  Value result = Value::steal(h);
  h->context.reset(crypto().EVP_MD_CTX_new());
  if (!h->context || crypto().EVP_DigestInit_ex(h->context.get(), md, nullptr) != 1)
    openSslFailure();
  return result;
}

Value hashCopy(VM&, CallArgs args) {
  HashObject* h = selfHash(args, "copy");
  expectMethodArgs("copy", args, 0, 0);
  auto* copy = new HashObject(hashType(), *h->algorithm, h->md);
  Value result = Value::steal(copy);
  copy->context.reset(crypto().EVP_MD_CTX_new());
  std::lock_guard<std::mutex> lock(h->mutex);
  if (!copy->context || crypto().EVP_MD_CTX_copy_ex(copy->context.get(), h->context.get()) != 1)
    openSslFailure();
  return result;
}

Value hashName(VM&, CallArgs args) {
  return makeStr(selfHash(args, "name")->algorithm->name);
}

Value hashDigestSize(VM&, CallArgs args) {
  HashObject* h = selfHash(args, "digest_size");
  if (isShake(*h->algorithm)) return Value::integer(0);
  return Value::integer(crypto().EVP_MD_get_size(h->md));
}

Value hashBlockSize(VM&, CallArgs args) {
  return Value::integer(crypto().EVP_MD_get_block_size(selfHash(args, "block_size")->md));
}

std::string hashRepr(const Value& self) {
  return fmt::format("<{} _hashlib.HASH object @ {}>", self.as<HashObject>()->algorithm->name,
                     static_cast<const void*>(self.object()));
}

TypeObject* hashType() {
  static TypeObject* type = [] {
    TypeObject* t = makeNativeType("HASH", "_hashlib",
                                   {{"update", hashUpdate},
                                    {"digest", hashDigest},
                                    {"hexdigest", hashHexdigest},
                                    {"copy", hashCopy}},
                                   {.repr = hashRepr});
    installProperty(t, "name", hashName);
    installProperty(t, "digest_size", hashDigestSize);
    installProperty(t, "block_size", hashBlockSize);
    return t;
  }();
  return type;
}

// new(name, data=b'', *, usedforsecurity=True)
Value hashlibNew(VM& vm, CallArgs args) {
  Value name, data;
  size_t positional = forEachKeyword(args, [&](std::string_view key, const Value& v) {
    if (key == "name")
      name = v;
    else if (key == "data" || key == "string")
      data = v;
    else if (key != "usedforsecurity")
      raiseTypeError("new() got an unexpected keyword argument '{}'", key);
  });
  if (positional > 2) raiseTypeError("new() takes at most 2 positional arguments");
  if (positional > 0) name = args[0];
  if (positional > 1) data = args[1];
  if (name.isNull()) raiseTypeError("new() missing required argument 'name' (pos 1)");
  if (!isStr(name)) raiseTypeError("new() argument 'name' must be str, not {}", typeName(name));
  const Algorithm* a = findAlgorithm(asStr(name)->view());
  if (!a) raiseValueError("unsupported hash type {}", asStr(name)->view());
  Value h = newHash(*a);
  if (!data.isNull()) hashBytes(vm, h.as<HashObject>(), data);
  return h;
}

// pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None): OpenSSL's PKCS5_PBKDF2_HMAC,
// the GIL given up for the whole derivation (CPython does the same).
Value hashlibPbkdf2Hmac(VM& vm, CallArgs args) {
  expectArgs("pbkdf2_hmac", args, 4, 5);
  if (!isStr(args[0]))
    raiseTypeError("pbkdf2_hmac() argument 'hash_name' must be str, not {}", typeName(args[0]));
  const Algorithm* a = findAlgorithm(asStr(args[0])->view());
  if (!a || isShake(*a)) raiseValueError("unsupported hash type {}", asStr(args[0])->view());
  std::string password = dataArgument(args[1]);
  std::string salt = dataArgument(args[2]);
  int64_t iterations = toIndex(args[3], "iterations");
  if (iterations < 1) raiseValueError("iteration value must be greater than 0.");
  if (iterations > INT32_MAX) raiseOverflowError("iteration value is too great.");
  const EVP_MD* md = crypto().EVP_get_digestbyname(a->openssl);
  if (!md) raiseValueError("unsupported hash type {}", a->name);
  int64_t length = crypto().EVP_MD_get_size(md);
  if (args.count > 4 && !args[4].isNone()) {
    length = toIndex(args[4], "dklen");
    if (length < 1) raiseValueError("key length must be greater than 0.");
    if (length > INT32_MAX) raiseOverflowError("key length is too great.");
  }
  std::string key(static_cast<size_t>(length), '\0');
  int ok;
  {
    GilReleased released(vm, DropReason::Cext);
    ok = crypto().PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                                    reinterpret_cast<const unsigned char*>(salt.data()),
                                    static_cast<int>(salt.size()), static_cast<int>(iterations), md,
                                    static_cast<int>(length),
                                    reinterpret_cast<unsigned char*>(key.data()));
    Machine& machine = vm.interp().machine();
    if (machine.simulated()) {
      // Two compressions of one block per iteration and output block.
      double blocks = static_cast<double>((length + crypto().EVP_MD_get_size(md) - 1) /
                                          crypto().EVP_MD_get_size(md));
      machine.computeFor(static_cast<Nanos>(blocks * static_cast<double>(iterations) * 2.0 *
                                            crypto().EVP_MD_get_block_size(md) * a->nanosPerByte));
    }
  }
  if (ok != 1) openSslFailure();
  return makeBytes(std::move(key));
}

}  // namespace

void initHashlibModule(VM&, ModuleObject* module) {
  if (!crypto().complete())
    raiseImportError("hashlib is unavailable: OpenSSL's libcrypto.so.3 could not be loaded");
  DictObject* d = module->dict();
  d->setStr("HASH", Value::borrow(hashType()));
  d->setStr("new", makeNative("new", hashlibNew));
  d->setStr("pbkdf2_hmac", makeNative("pbkdf2_hmac", hashlibPbkdf2Hmac));
  std::vector<Value> names;
  for (const Algorithm& a : kAlgorithms)
    names.push_back(makeStr(a.name));
  d->setStr("openssl_md_meth_names", makeTuple(std::move(names)));
}

}  // namespace gilsim
