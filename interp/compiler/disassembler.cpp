#include "interp/compiler/disassembler.h"

#include <fmt/format.h>

#include <set>

#include "interp/objects/code.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

namespace {

std::string operandDetail(const CodeObject& code, Opcode op, uint32_t arg) {
  switch (opcodeInfo(op).operand) {
    case Operand::Const: {
      const Value& v = code.consts[arg];
      if (v.isObject() && v.type()->layout() == Layout::Code)
        return "<code object " + v.as<CodeObject>()->name + ", line " +
               std::to_string(v.as<CodeObject>()->firstLine) + ">";
      return repr(v);
    }
    case Operand::Name:
      return std::string(asStr(code.names[arg])->view());
    case Operand::Local:
      return arg < code.varnames.size() ? code.varnames[arg] : "?";
    case Operand::Deref:
      if (arg < code.cellvars.size()) return code.cellvars[arg];
      if (arg - code.cellvars.size() < code.freevars.size())
        return code.freevars[arg - code.cellvars.size()];
      return "?";
    case Operand::Jump:
      return "to " + std::to_string(arg);
    case Operand::BinOp:
      return binaryOperatorSymbol(static_cast<BinaryOperator>(arg));
    case Operand::Flags:
      if (op == Opcode::IS_OP) return arg ? "is not" : "is";
      if (op == Opcode::CONTAINS_OP) return arg ? "not in" : "in";
      return "";
    default:
      return "";
  }
}

void listing(const CodeObject& code, std::string& out) {
  std::set<uint32_t> targets;
  for (uint32_t word : code.code)
    if (isJump(opOf(word))) targets.insert(argOf(word));
  for (const ExceptionTableEntry& e : code.exceptionTable)
    targets.insert(e.target);
  int lastLine = -1;
  for (size_t i = 0; i < code.code.size(); ++i) {
    uint32_t word = code.code[i];
    Opcode op = opOf(word);
    uint32_t arg = argOf(word);
    const OpcodeInfo& info = opcodeInfo(op);
    int line = code.lineOf(i);
    std::string lineColumn = line != lastLine ? std::to_string(line) : "";
    if (line != lastLine && lastLine != -1) out += "\n";
    lastLine = line;
    std::string argText = info.operand == Operand::None ? "" : std::to_string(arg);
    std::string detail = operandDetail(code, op, arg);
    out += fmt::format("{:>4} {:>2} {} {:>5} {:<22} {:>5}{}\n", lineColumn,
                       targets.count(static_cast<uint32_t>(i)) ? ">>" : "",
                       info.checkPoint ? '*' : ' ', i, info.name, argText,
                       detail.empty() ? "" : " (" + detail + ")");
  }
  if (!code.exceptionTable.empty()) {
    out += "ExceptionTable:\n";
    for (const ExceptionTableEntry& e : code.exceptionTable)
      out += fmt::format("  {} to {} -> {} [{}]\n", e.start, e.end, e.target, e.depth);
  }
}

}  // namespace

std::string disassemble(const CodeObject& code) {
  std::string out;
  out += fmt::format("Disassembly of {} ({}, line {}):\n", code.qualname, code.filename,
                     code.firstLine);
  listing(code, out);
  for (const Value& c : code.consts) {
    if (c.isObject() && c.type()->layout() == Layout::Code) {
      out += "\n";
      out += disassemble(*c.as<CodeObject>());
    }
  }
  return out;
}

}  // namespace gilsim
