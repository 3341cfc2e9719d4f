// libFuzzer target over data-structure operations (issue 15): the input bytes are a program for
// a small stack machine that builds nested values (lists, tuples, dicts, sets, frozensets, strs,
// ints small and huge, floats with nan and infinities, nesting thousands deep, self-references,
// instances of a class whose __eq__/__hash__/__lt__/__repr__ mutate registered containers) and
// applies the native operations to them: repr, str, %-format, format, ==, <, hash, in, dict and
// set lookups and insertions, sort and sorted, min and max, copies, hex/str of ints, and the
// multiprocessing serializer (dumps, loads). The machine is written out as Python source and run
// in a fresh interpreter per input, each operation in its own try/except, under a check-point
// budget; what the fuzzer looks for is a crash, a sanitizer report, a hang or a leak, never a
// Python exception.
//
// Build:  cmake --preset fuzz && cmake --build --preset fuzz -j2
// Run:    tests/fuzz/run_fuzz.sh [SECONDS]   (runs this target and fuzz_source.cpp's)
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "interp/modules/standard_modules.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/str_object.h"
#include "interp/vm/interpreter.h"

namespace {

constexpr size_t kMaxInputBytes = 512;
constexpr int kMaxNesting = 30000;

// The fixed part: the hostile class, the registry of containers it mutates, and the helpers the
// generated lines call. `mutate` picks a registered container and changes it in one of several
// ways; a method's `mode` bits say which methods mutate.
constexpr const char* kPrelude = R"PY(
import _gilsim_mp
S = []
R = []
def mutate(n, how):
    if not R:
        return
    c = R[n % len(R)]
    k = how % 5
    if isinstance(c, list):
        if k == 0: c.clear()
        elif k == 1: c.append(n)
        elif k == 2 and c: c.pop()
        elif k == 3: c.extend(range(how % 9))
        else: c.insert(0, c)
    elif isinstance(c, dict):
        if k == 0: c.clear()
        elif k == 1:
            for i in range(how % 17): c[i] = i
        elif k == 2 and c: c.popitem()
        else: c[H(n, 0)] = n
    elif isinstance(c, set):
        if k == 0: c.clear()
        elif k == 1:
            for i in range(how % 17): c.add(i)
        elif k == 2 and c: c.pop()
        else: c.add(H(n, 0))
class H:
    def __init__(s, n, mode):
        s.n = n
        s.mode = mode
    def __hash__(s):
        if s.mode & 1: mutate(s.n, s.mode >> 4)
        return s.n % 5
    def __eq__(s, o):
        if s.mode & 2: mutate(s.n + 1, s.mode >> 3)
        return (s.n + s.mode) % 3 == 0
    def __lt__(s, o):
        if s.mode & 4: mutate(s.n + 2, s.mode >> 2)
        return (s.n * 7 + s.mode) % 5 < 2
    def __repr__(s):
        if s.mode & 8: mutate(s.n + 3, s.mode >> 1)
        return "H(%d)" % s.n
def top(k=1):
    return S[-k] if len(S) >= k else None
def push(v):
    S.append(v)
    if len(S) > 64: del S[0]
def pop(k):
    k = min(k, len(S))
    out = S[len(S) - k:]
    del S[len(S) - k:]
    return out
def nest(v, n, kind):
    for _ in range(n):
        v = [v] if kind == 0 else (v,) if kind == 1 else {1: v} if kind == 2 else frozenset([v])
    return v
)PY";

// Reads the input a byte at a time; past the end every read is 0.
class Bytes {
 public:
  Bytes(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  bool done() const { return pos_ >= size_; }
  unsigned next() { return pos_ < size_ ? data_[pos_++] : 0; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

std::string pyString(Bytes& in) {
  std::string out = "'";
  for (unsigned n = in.next() % 6; n > 0; --n) {
    unsigned c = in.next();
    out += fmt::format("\\x{:02x}", c % 0x80 == 0x27 ? 0x41 : c % 0x80);
  }
  return out + "'";
}

// One statement of the machine, or "" for none.
std::string statement(Bytes& in) {
  static constexpr const char* kFloats[] = {"0.5",   "float('nan')",  "float('inf')", "-0.0",
                                            "1e308", "-float('inf')", "3.0",          "2.0**-1074"};
  static constexpr const char* kOps[] = {
      "repr(top())",
      "str(top())",
      "'%r %s' % (top(), top())",
      "f'{top()!r:>3}'",
      "format(top())",
      "top() == top(2)",
      "top() != top(2)",
      "top() < top(2)",
      "top() <= top(2)",
      "hash(top())",
      "top() in top(2)",
      "top(2)[top()]",
      "top(2).index(top())",
      "top(2).count(top())",
      "top(2).remove(top())",
      "{top(): 1, top(2): 2}",
      "{top(), top(2)}",
      "top(2).add(top())",
      "top(2).discard(top())",
      "top(2).setdefault(top(), 0)",
      "top(2).pop(top(), 0)",
      "top(2).update(top())",
      "top(2) | top()",
      "top(2) & top()",
      "top(2) - top()",
      "top(2) ^ top()",
      "sorted(top())",
      "top().sort()",
      "top().sort(key=repr, reverse=True)",
      "min(top())",
      "max(top(), top(2))",
      "list(top())",
      "dict(top())",
      "set(top())",
      "tuple(top())",
      "_gilsim_mp.loads(_gilsim_mp.dumps(top()))",
      "hex(top())",
      "str(top()) if isinstance(top(), int) else 0",
      "'%d' % top()",
      "'{:,}'.format(top())",
      "[x for x in top()]",
      "[k for k in top() if top(2).append(k) is None]",
      "top(2)[0] = top()",
      "R.append(top())",
      "len(repr(top(2)))",
      "top() + top(2)",
  };
  constexpr unsigned kOpCount = sizeof(kOps) / sizeof(kOps[0]);
  unsigned op = in.next();
  switch (op % 16) {
    case 0:
      return fmt::format("push({})", static_cast<int>(in.next()) - 64);
    case 1: {
      unsigned bits = in.next() % 24;
      return fmt::format("push({}2**{} + {})", in.next() & 1 ? "-" : "", bits * bits * 32,
                         in.next());
    }
    case 2:
      return fmt::format("push({})", kFloats[in.next() % 8]);
    case 3:
      return fmt::format("push({})", pyString(in));
    case 4:
      return fmt::format("push(pop({}))", in.next() % 6);
    case 5:
      return fmt::format("push(tuple(pop({})))", in.next() % 6);
    case 6: {
      unsigned k = in.next() % 4;
      return fmt::format("v = pop({})\npush(dict(zip(v[0::2], v[1::2])))", 2 * k);
    }
    case 7:
      return fmt::format("push({}(pop({})))", in.next() & 1 ? "frozenset" : "set", in.next() % 5);
    case 8:
      return fmt::format("push(H({}, {}))", in.next(), in.next());
    case 9: {
      // Deep nesting: up to kMaxNesting, past every recursion limit and deep on any stack.
      unsigned n = in.next();
      int depth = static_cast<int>((n * n) % static_cast<unsigned>(kMaxNesting));
      return fmt::format("push(nest(top(), {}, {}))", depth, in.next() % 4);
    }
    case 10:
      return "t = top()\nif isinstance(t, list): t.append(t)\nelif isinstance(t, dict): t[0] = t";
    case 11:
      return "R.append(top())";
    case 12:
      return fmt::format("S[{}:{}] = []", in.next() % 8, in.next() % 16);
    default:
      return kOps[in.next() % kOpCount];
  }
}

std::string program(Bytes& in) {
  std::string out = kPrelude;
  for (int lines = 0; !in.done() && lines < 200; ++lines) {
    std::string s = statement(in);
    // Each statement alone: a Python exception ends that statement, never the run.
    out += "try:\n";
    size_t start = 0;
    while (start < s.size()) {
      size_t end = s.find('\n', start);
      if (end == std::string::npos) end = s.size();
      out += "    " + s.substr(start, end - start) + "\n";
      start = end + 1;
    }
    out += "except Exception:\n    pass\n";
  }
  // Every value dropped at once at the end: the deep ones are freed without C++ recursion.
  out += "S.clear()\nR.clear()\n";
  return out;
}

std::FILE* devNull() {
  static std::FILE* f = std::fopen("/dev/null", "w");
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  std::FILE* sink = devNull();
  if (!sink) return 0;
  Bytes in(data, size);
  std::string source = program(in);
  if (std::getenv("GILSIM_FUZZ_PRINT")) std::fputs(source.c_str(), stderr);

  gilsim::InterpreterConfig config;
  // Enough for nesting kMaxNesting deep a few times over; every loop iteration, call and
  // comprehension step passes a check point.
  config.checkPointBudget = 400000;
  config.maxSequenceLength = size_t{1} << 16;
  config.out = sink;
  config.err = sink;
  config.processControl = false;
  gilsim::Interpreter interp(config, gilsim::standardModules());
  for (const char* name : {"open", "input"})
    interp.builtins()->remove(gilsim::makeStr(name));
  interp.runSource(source, "<fuzz-data>");
  return 0;
}
