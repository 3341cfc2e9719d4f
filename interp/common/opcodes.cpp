#include "interp/common/opcodes.h"

#include <array>

namespace gilsim {

namespace {
constexpr std::array<OpcodeInfo, kOpcodeCount> kOpcodeInfo = {{
#define GILSIM_OPCODE_INFO(name, operand, effect, jumpEffect, checkPoint, cost, doc) \
  {#name, Operand::operand, checkPoint, doc},
    GILSIM_OPCODES(GILSIM_OPCODE_INFO)
#undef GILSIM_OPCODE_INFO
}};

constexpr bool everyOpcodeSaysWhatItDoes() {
  for (const OpcodeInfo& info : kOpcodeInfo)
    if (info.doc.find("--") == std::string_view::npos) return false;
  return true;
}
static_assert(everyOpcodeSaysWhatItDoes(), "each opcode's entry needs its stack picture");
}  // namespace

const OpcodeInfo& opcodeInfo(Opcode op) {
  return kOpcodeInfo[static_cast<size_t>(op)];
}

int stackEffect(Opcode op, uint32_t arg, bool jump) {
  (void)arg;
  switch (op) {
#define GILSIM_OPCODE_EFFECT(name, operand, effect, jumpEffect, checkPoint, cost, doc) \
  case Opcode::name:                                                                   \
    return jump ? (jumpEffect) : (effect);
    GILSIM_OPCODES(GILSIM_OPCODE_EFFECT)
#undef GILSIM_OPCODE_EFFECT
  }
  return 0;
}

bool isJump(Opcode op) {
  return opcodeInfo(op).operand == Operand::Jump;
}

}  // namespace gilsim
