#include "interp/syntax/token.h"

#include <cstddef>
#include <iterator>

namespace gilsim {

namespace {

struct KindInfo {
  std::string_view spelling;
  TokenCategory category;
};

// Indexed by TokenKind: the X-macro expands in enumerator order.
constexpr KindInfo kKindInfo[] = {
#define GILSIM_TOKEN_INFO(name, spelling, category) {spelling, TokenCategory::category},
    GILSIM_TOKEN_KINDS(GILSIM_TOKEN_INFO)
#undef GILSIM_TOKEN_INFO
};

}  // namespace

std::string_view tokenSpelling(TokenKind kind) {
  auto index = static_cast<std::size_t>(kind);
  // A kind outside the table can only come from a bad cast; answer rather than read past the end.
  if (index >= std::size(kKindInfo)) return "unknown token";
  return kKindInfo[index].spelling;
}

TokenCategory tokenCategory(TokenKind kind) {
  auto index = static_cast<std::size_t>(kind);
  if (index >= std::size(kKindInfo)) return TokenCategory::Special;
  return kKindInfo[index].category;
}

}  // namespace gilsim
