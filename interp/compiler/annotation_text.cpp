#include "interp/compiler/annotation_text.h"

namespace gilsim::detail {

namespace {

std::string quoted(const std::string& text) {
  // repr() of a str: single quotes unless the text holds one and no double quote.
  const bool useDouble =
      text.find('\'') != std::string::npos && text.find('"') == std::string::npos;
  const char quote = useDouble ? '"' : '\'';
  std::string out(1, quote);
  for (char c : text) {
    if (c == '\\' || c == quote) out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  out += quote;
  return out;
}

std::string joined(const std::vector<ExprPtr>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += annotationText(*items[i]);
  }
  return out;
}

std::string constantText(const Constant& c) {
  switch (c.kind) {
    case ConstantKind::None:
      return "None";
    case ConstantKind::True:
      return "True";
    case ConstantKind::False:
      return "False";
    case ConstantKind::Ellipsis:
      return "...";
    case ConstantKind::Int:
      return c.text;
    case ConstantKind::Str:
      return quoted(c.text);
    default:
      return "...";
  }
}

}  // namespace

std::string annotationText(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name:
      return e.name;
    case ExprKind::Constant:
      return constantText(e.constant);
    case ExprKind::Attribute:
      return annotationText(*e.a) + "." + e.name;
    case ExprKind::Subscript:
      // A tuple index prints without parentheses: Dict[str, int].
      if (e.b->kind == ExprKind::Tuple && !e.b->items.empty())
        return annotationText(*e.a) + "[" + joined(e.b->items) + "]";
      return annotationText(*e.a) + "[" + annotationText(*e.b) + "]";
    case ExprKind::List:
      return "[" + joined(e.items) + "]";
    case ExprKind::Tuple:
      return e.items.size() == 1 ? "(" + joined(e.items) + ",)" : "(" + joined(e.items) + ")";
    case ExprKind::BinOp:
      if (e.binaryOp == BinaryOperator::BitOr)
        return annotationText(*e.a) + " | " + annotationText(*e.b);
      return "...";
    default:
      return "...";
  }
}

bool annotatesNames(const Body& body) {
  for (const StmtPtr& s : body) {
    if (s->kind == StmtKind::AnnAssign && s->target->kind == ExprKind::Name) return true;
    if (s->kind == StmtKind::FunctionDef || s->kind == StmtKind::ClassDef) continue;
    if (annotatesNames(s->body) || annotatesNames(s->orelse) || annotatesNames(s->finalBody))
      return true;
    for (const ExceptHandler& h : s->handlers)
      if (annotatesNames(h.body)) return true;
  }
  return false;
}

}  // namespace gilsim::detail
