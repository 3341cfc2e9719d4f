#include "gil/drop_reason.h"

namespace gilsim {

namespace {
struct DropReasonInfo {
  std::string_view name;
  bool blocking;
};
constexpr DropReasonInfo kDropReasonInfo[] = {
#define GILSIM_DROP_REASON_INFO(e, name, blocking, doc) {name, blocking},
    GILSIM_DROP_REASONS(GILSIM_DROP_REASON_INFO)
#undef GILSIM_DROP_REASON_INFO
};
static_assert(std::size(kDropReasonInfo) == kDropReasonCount);
}  // namespace

std::string_view dropReasonName(DropReason reason) {
  return kDropReasonInfo[static_cast<int>(reason)].name;
}

bool isBlockingDrop(DropReason reason) {
  return kDropReasonInfo[static_cast<int>(reason)].blocking;
}

}  // namespace gilsim
