// _gilsim_re: the matching engine under interp/lib/re.py, on Boost.Regex (Perl syntax, wchar_t:
// UTF-32 on Linux, so positions are Python's code-point indices). re.py translates CPython's
// syntax first (named groups, \Z, inline flags) and builds Pattern and Match objects on the
// spans returned here.
//
// Matching is CPU work done holding the GIL, as in CPython (its sre releases nothing either); on
// the simulated machine it charges its cost by the characters scanned. Boost's limits on
// backtracking turn a catastrophic pattern into an error instead of a hang.
#include <boost/regex.hpp>

#include <string>

#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"

namespace gilsim {

namespace {

// re's flag bits (CPython's values) that change how a pattern compiles.
constexpr int64_t kIgnoreCase = 2;
constexpr int64_t kMultiline = 8;
constexpr int64_t kDotAll = 16;
constexpr int64_t kVerbose = 64;

// Matching a character costs about a byte of a str's creation (NativeCosts' units).
constexpr int64_t kRegexPerCharacter = 1;

enum class Mode : int64_t { Search = 0, Match = 1, FullMatch = 2, NonEmptyMatch = 3 };

// The pattern twice: as written, and anchored at the end for fullmatch (a search anchored at
// both ends tries every alternative, where checking the end of a plain match would not).
class RegexObject : public Object {
 public:
  RegexObject(TypeObject* type, boost::wregex compiled, boost::wregex anchored)
      : Object(type), regex(std::move(compiled)), whole(std::move(anchored)) {}
  boost::wregex regex;
  boost::wregex whole;
};

TypeObject* regexType();

std::wstring toWide(std::string_view utf8) {
  std::wstring out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();)
    out.push_back(static_cast<wchar_t>(decodeUtf8At(utf8, i)));
  return out;
}

// compile(pattern, flags): the Perl-syntax pattern re.py produced; ValueError with Boost's
// message when it does not compile (re.py raises re.error from it).
Value regexCompile(VM&, CallArgs args) {
  expectArgs("compile", args, 2, 2);
  if (!isStr(args[0])) raiseTypeError("pattern must be str, not {}", typeName(args[0]));
  int64_t flags = toIndex(args[1], "flags");
  boost::regex_constants::syntax_option_type syntax = boost::regex_constants::perl;
  if (flags & kIgnoreCase) syntax |= boost::regex_constants::icase;
  if (!(flags & kMultiline)) syntax |= boost::regex_constants::no_mod_m;
  if (!(flags & kDotAll)) syntax |= boost::regex_constants::no_mod_s;
  if (flags & kVerbose) syntax |= boost::regex_constants::mod_x;
  try {
    std::wstring pattern = toWide(asStr(args[0])->view());
    boost::wregex compiled(pattern, syntax);
    // A newline ends a verbose pattern's trailing comment before the anchor.
    std::wstring anchoredText = L"(?:" + pattern + ((flags & kVerbose) ? L"\n)\\z" : L")\\z");
    boost::wregex anchored(anchoredText, syntax);
    return Value::steal(new RegexObject(regexType(), std::move(compiled), std::move(anchored)));
  } catch (const boost::regex_error& e) {
    raiseValueError("{}", e.what());
  }
}

// search(string, pos, endpos, mode) -> (start0, end0, start1, end1, ...) with -1 for a group that
// did not take part, or None. The string ends at endpos for the engine, as CPython's endpos;
// characters before pos stay visible to lookbehinds and \b.
Value regexSearch(VM&, CallArgs args) {
  if (args.count == 0 || !args[0].isObject() || args[0].object()->type() != regexType())
    raiseTypeError("descriptor 'search' requires a '_gilsim_re.Regex' object");
  expectMethodArgs("search", args, 4, 4);
  if (!isStr(args[1])) raiseTypeError("expected string, got '{}'", typeName(args[1]));
  const boost::wregex& regex = args[0].as<RegexObject>()->regex;
  std::wstring text = toWide(asStr(args[1])->view());
  auto length = static_cast<int64_t>(text.size());
  int64_t pos = std::clamp<int64_t>(toIndex(args[2], "pos"), 0, length);
  int64_t endpos = std::clamp<int64_t>(toIndex(args[3], "endpos"), 0, length);
  auto mode = static_cast<Mode>(toIndex(args[4], "mode"));
  if (pos > endpos) return Value::none();
  chargeNativeWork(kRegexPerCharacter * (endpos - pos));
  auto begin = text.cbegin(), start = begin + pos, end = begin + endpos;
  // `begin` is the base: \A, ^, \b and lookbehinds see the whole string, not the slice.
  auto flags = boost::regex_constants::match_default;
  if (pos > 0) flags |= boost::regex_constants::match_prev_avail;
  const boost::wregex& pattern = mode == Mode::FullMatch ? args[0].as<RegexObject>()->whole : regex;
  if (mode != Mode::Search) flags |= boost::regex_constants::match_continuous;
  if (mode == Mode::NonEmptyMatch) flags |= boost::regex_constants::match_not_null;
  if (static_cast<int64_t>(mode) < 0 || static_cast<int64_t>(mode) > 3)
    raiseValueError("search mode {} is not one of 0-3", static_cast<int64_t>(mode));
  boost::wsmatch match;
  bool found;
  try {
    found = boost::regex_search(start, end, match, pattern, flags, begin);
  } catch (const std::runtime_error& e) {
    // Boost gives up on exponential backtracking rather than running for ever.
    raiseRuntimeError("regular expression too complex for gilsim's engine (Boost.Regex): {}",
                      e.what());
  }
  if (!found) return Value::none();
  std::vector<Value> spans;
  for (size_t i = 0; i < match.size(); ++i) {
    if (match[i].matched) {
      spans.push_back(Value::integer(match[i].first - begin));
      spans.push_back(Value::integer(match[i].second - begin));
    } else {
      spans.push_back(Value::integer(-1));
      spans.push_back(Value::integer(-1));
    }
  }
  return makeTuple(std::move(spans));
}

Value regexGroupCount(VM&, CallArgs args) {
  if (args.count == 0 || !args[0].isObject() || args[0].object()->type() != regexType())
    raiseTypeError("descriptor 'group_count' requires a '_gilsim_re.Regex' object");
  return Value::integer(static_cast<int64_t>(args[0].as<RegexObject>()->regex.mark_count()));
}

TypeObject* regexType() {
  static TypeObject* type = makeNativeType(
      "Regex", "_gilsim_re", {{"search", regexSearch}, {"group_count", regexGroupCount}});
  return type;
}

}  // namespace

void initRegexModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  d->setStr("compile", makeNative("compile", regexCompile));
}

}  // namespace gilsim
