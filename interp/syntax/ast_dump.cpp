#include "interp/syntax/ast_dump.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace gilsim {
namespace {

const char* contextSuffix(ExprContext context) {
  switch (context) {
    case ExprContext::Load:
      return "";
    case ExprContext::Store:
      return ":store";
    case ExprContext::Del:
      return ":del";
  }
  return "";
}

void appendQuoted(std::string& out, std::string_view text, bool bytes) {
  out += bytes ? "b\"" : "\"";
  for (char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        // Text keeps its UTF-8; bytes and control characters are escaped.
        if (byte < 0x20 || byte == 0x7f || (bytes && byte >= 0x80)) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
          out += buffer;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

// Python's repr() of a float: shortest round-trip digits, scientific notation outside
// 1e-4 <= |x| < 1e16, and always a '.' or an exponent.
std::string floatRepr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  std::string sign;
  if (!text.empty() && text[0] == '-') {
    sign = "-";
    text.remove_prefix(1);
  }
  const size_t e = text.find('e');
  std::string digits;
  for (char ch : text.substr(0, e)) {
    if (ch != '.') digits += ch;
  }
  const int exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
  const int point = exponent + 1;  // digits[0..point) are the integer part
  const int count = static_cast<int>(digits.size());
  if (point <= -4 || point > 16) {
    std::string out = sign + digits.substr(0, 1);
    if (count > 1) out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return out + exp;
  }
  if (point <= 0) return sign + "0." + std::string(static_cast<size_t>(-point), '0') + digits;
  if (point >= count)
    return sign + digits + std::string(static_cast<size_t>(point - count), '0') + ".0";
  return sign + digits.substr(0, static_cast<size_t>(point)) + "." +
         digits.substr(static_cast<size_t>(point));
}

class Dumper {
 public:
  std::string out;

  void expr(const Expr* e) {
    if (e == nullptr) {
      out += '_';
      return;
    }
    switch (e->kind) {
      case ExprKind::Name:
        out += e->name;
        out += contextSuffix(e->context);
        return;
      case ExprKind::Constant:
        constant(e->constant);
        return;
      case ExprKind::JoinedStr:
        node("fstr", e->items);
        return;
      case ExprKind::FormattedValue:
        out += "(fmt ";
        expr(e->a.get());
        if (e->conversion != 0) {
          out += " !";
          out += e->conversion;
        }
        if (e->b) {
          out += ' ';
          expr(e->b.get());
        }
        out += ')';
        return;
      case ExprKind::BinOp:
        out += '(';
        out += binaryOperatorSymbol(e->binaryOp);
        children(e->a.get(), e->b.get());
        return;
      case ExprKind::UnaryOp:
        out += e->unaryOp == UnaryOperator::Not      ? "(not"
               : e->unaryOp == UnaryOperator::Negate ? "(-"
               : e->unaryOp == UnaryOperator::Plus   ? "(+"
                                                     : "(~";
        children(e->a.get());
        return;
      case ExprKind::BoolOp:
        node(e->boolOp == BoolOperator::And ? "and" : "or", e->items);
        return;
      case ExprKind::Compare:
        out += "(cmp ";
        expr(e->a.get());
        for (size_t i = 0; i < e->compareOps.size() && i < e->items.size(); ++i) {
          out += ' ';
          out += compareOperatorSymbol(e->compareOps[i]);
          out += ' ';
          expr(e->items[i].get());
        }
        out += ')';
        return;
      case ExprKind::Call:
        out += "(call ";
        expr(e->a.get());
        for (const ExprPtr& arg : e->items) {
          out += ' ';
          expr(arg.get());
        }
        for (const Keyword& keyword : e->keywords) {
          out += ' ';
          this->keyword(keyword);
        }
        out += ')';
        return;
      case ExprKind::Attribute:
        out += "(attr";
        out += contextSuffix(e->context);
        out += ' ';
        expr(e->a.get());
        out += ' ';
        out += e->name;
        out += ')';
        return;
      case ExprKind::Subscript:
        out += "(sub";
        out += contextSuffix(e->context);
        children(e->a.get(), e->b.get());
        return;
      case ExprKind::Slice:
        out += "(slice";
        children(e->a.get(), e->b.get(), e->c.get());
        return;
      case ExprKind::List:
        node(std::string("list") + contextSuffix(e->context), e->items);
        return;
      case ExprKind::Tuple:
        node(std::string("tuple") + contextSuffix(e->context), e->items);
        return;
      case ExprKind::Set:
        node("set", e->items);
        return;
      case ExprKind::Dict:
        out += "(dict";
        for (size_t i = 0; i < e->items.size() && i < e->values.size(); ++i) {
          out += " (";
          if (e->items[i]) {
            expr(e->items[i].get());
          } else {
            out += "**";
          }
          out += ' ';
          expr(e->values[i].get());
          out += ')';
        }
        out += ')';
        return;
      case ExprKind::ListComp:
        comprehension("listcomp", *e, false);
        return;
      case ExprKind::SetComp:
        comprehension("setcomp", *e, false);
        return;
      case ExprKind::GeneratorExp:
        comprehension("genexp", *e, false);
        return;
      case ExprKind::DictComp:
        comprehension("dictcomp", *e, true);
        return;
      case ExprKind::Lambda:
        out += "(lambda ";
        if (e->arguments) arguments(*e->arguments);
        out += ' ';
        expr(e->a.get());
        out += ')';
        return;
      case ExprKind::IfExp:
        out += "(ifexp";
        children(e->a.get(), e->b.get(), e->c.get());
        return;
      case ExprKind::Starred:
        out += "(star";
        out += contextSuffix(e->context);
        children(e->a.get());
        return;
      case ExprKind::NamedExpr:
        out += "(:=";
        children(e->a.get(), e->b.get());
        return;
      case ExprKind::YieldFrom:
        out += "(yield-from";
        children(e->a.get());
        return;
      case ExprKind::Await:
        out += "(await";
        children(e->a.get());
        return;
      case ExprKind::Yield:
        out += "(yield";
        if (e->a)
          children(e->a.get());
        else
          out += ')';
        return;
    }
    out += "(?)";
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::Expr:
        out += "(expr";
        children(s.value.get());
        return;
      case StmtKind::Assign:
        out += "(=";
        for (const ExprPtr& target : s.targets) {
          out += ' ';
          expr(target.get());
        }
        children(s.value.get());
        return;
      case StmtKind::AugAssign:
        out += '(';
        out += binaryOperatorSymbol(s.augOp);
        out += '=';
        children(s.target.get(), s.value.get());
        return;
      case StmtKind::AnnAssign:
        out += "(ann";
        if (s.value) {
          children(s.target.get(), s.test.get(), s.value.get());
        } else {
          children(s.target.get(), s.test.get());
        }
        return;
      case StmtKind::If:
      case StmtKind::While:
        out += s.kind == StmtKind::If ? "(if " : "(while ";
        expr(s.test.get());
        bodyAndElse(s);
        return;
      case StmtKind::For:
        out += s.isAsync ? "(async-for " : "(for ";
        expr(s.target.get());
        out += ' ';
        expr(s.iter.get());
        bodyAndElse(s);
        return;
      case StmtKind::Break:
        out += "(break)";
        return;
      case StmtKind::Continue:
        out += "(continue)";
        return;
      case StmtKind::Pass:
        out += "(pass)";
        return;
      case StmtKind::Return:
        out += "(return";
        if (s.value)
          children(s.value.get());
        else
          out += ')';
        return;
      case StmtKind::FunctionDef:
        out += (s.isAsync ? "(async-def " : "(def ") + s.name + ' ';
        if (s.arguments) arguments(*s.arguments);
        out += ' ';
        body(s.body);
        decorators(s);
        out += ')';
        return;
      case StmtKind::ClassDef:
        out += "(class " + s.name + " (";
        for (size_t i = 0; i < s.bases.size(); ++i) {
          if (i > 0) out += ' ';
          expr(s.bases[i].get());
        }
        for (size_t i = 0; i < s.keywords.size(); ++i) {
          if (i > 0 || !s.bases.empty()) out += ' ';
          keyword(s.keywords[i]);
        }
        out += ") ";
        body(s.body);
        decorators(s);
        out += ')';
        return;
      case StmtKind::Global:
      case StmtKind::Nonlocal:
        out += s.kind == StmtKind::Global ? "(global" : "(nonlocal";
        for (const std::string& name : s.names)
          out += ' ' + name;
        out += ')';
        return;
      case StmtKind::Assert:
        out += "(assert";
        if (s.cause) {
          children(s.test.get(), s.cause.get());
        } else {
          children(s.test.get());
        }
        return;
      case StmtKind::Delete:
        node("del", s.targets);
        return;
      case StmtKind::Import:
        out += "(import";
        aliases(s.aliases);
        out += ')';
        return;
      case StmtKind::ImportFrom:
        out += "(from " + std::string(static_cast<size_t>(s.level), '.') + s.module;
        aliases(s.aliases);
        out += ')';
        return;
      case StmtKind::With:
        out += s.isAsync ? "(async-with" : "(with";
        for (const WithItem& item : s.withItems) {
          out += ' ';
          if (item.target) {
            out += "(as ";
            expr(item.context.get());
            out += ' ';
            expr(item.target.get());
            out += ')';
          } else {
            expr(item.context.get());
          }
        }
        out += ' ';
        body(s.body);
        out += ')';
        return;
      case StmtKind::Try:
        out += "(try ";
        body(s.body);
        for (const ExceptHandler& handler : s.handlers) {
          out += " (except ";
          if (handler.type) {
            expr(handler.type.get());
            out += ' ';
          }
          if (!handler.name.empty()) out += "as " + handler.name + ' ';
          body(handler.body);
          out += ')';
        }
        if (!s.orelse.empty()) {
          out += " (else ";
          body(s.orelse);
          out += ')';
        }
        if (!s.finalBody.empty()) {
          out += " (finally ";
          body(s.finalBody);
          out += ')';
        }
        out += ')';
        return;
      case StmtKind::Raise:
        out += "(raise";
        if (s.value) {
          out += ' ';
          expr(s.value.get());
        }
        if (s.cause) {
          out += " from ";
          expr(s.cause.get());
        }
        out += ')';
        return;
    }
    out += "(?)";
  }

  void body(const Body& statements) {
    out += '[';
    for (size_t i = 0; i < statements.size(); ++i) {
      if (i > 0) out += ' ';
      stmt(*statements[i]);
    }
    out += ']';
  }

 private:
  void constant(const Constant& c) {
    switch (c.kind) {
      case ConstantKind::None:
        out += "None";
        return;
      case ConstantKind::True:
        out += "True";
        return;
      case ConstantKind::False:
        out += "False";
        return;
      case ConstantKind::Ellipsis:
        out += "...";
        return;
      case ConstantKind::Int:
        out += c.text;
        return;
      case ConstantKind::Float:
        out += floatRepr(c.number);
        return;
      case ConstantKind::Imaginary: {
        std::string text = floatRepr(c.number);
        // Python writes 2j, not 2.0j
        if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
          text.resize(text.size() - 2);
        out += text + "j";
        return;
      }
      case ConstantKind::Str:
        appendQuoted(out, c.text, false);
        return;
      case ConstantKind::Bytes:
        appendQuoted(out, c.text, true);
        return;
    }
  }

  // " a b c)" — each child preceded by a space, then the closing paren.
  template <typename... Es>
  void children(const Es*... es) {
    ((out += ' ', expr(es)), ...);
    out += ')';
  }

  void node(const std::string& head, const std::vector<ExprPtr>& items) {
    out += '(' + head;
    for (const ExprPtr& item : items) {
      out += ' ';
      expr(item.get());
    }
    out += ')';
  }

  void keyword(const Keyword& k) {
    if (k.name.empty()) {
      out += "**";
    } else {
      out += k.name + '=';
    }
    expr(k.value.get());
  }

  void comprehension(const char* head, const Expr& e, bool dict) {
    out += '(';
    out += head;
    out += ' ';
    expr(e.a.get());
    if (dict) {
      out += ' ';
      expr(e.b.get());
    }
    for (const Comprehension& clause : e.generators) {
      out += clause.isAsync ? " (async-for " : " (for ";
      expr(clause.target.get());
      out += ' ';
      expr(clause.iter.get());
      for (const ExprPtr& condition : clause.ifs) {
        out += " if ";
        expr(condition.get());
      }
      out += ')';
    }
    out += ')';
  }

  void arguments(const Arguments& args) {
    out += "(args";
    const size_t firstDefault =
        args.positional.size() - std::min(args.positional.size(), args.defaults.size());
    for (size_t i = 0; i < args.positional.size(); ++i) {
      out += ' ' + args.positional[i].name;
      if (i >= firstDefault) {
        out += '=';
        expr(args.defaults[i - firstDefault].get());
      }
      if (static_cast<int>(i) + 1 == args.positionalOnlyCount) out += " /";
    }
    if (args.varargs) {
      out += " *" + args.varargs->name;
    } else if (!args.keywordOnly.empty()) {
      out += " *";
    }
    for (size_t i = 0; i < args.keywordOnly.size(); ++i) {
      out += ' ' + args.keywordOnly[i].name;
      if (i < args.keywordDefaults.size() && args.keywordDefaults[i]) {
        out += '=';
        expr(args.keywordDefaults[i].get());
      }
    }
    if (args.kwargs) out += " **" + args.kwargs->name;
    out += ')';
  }

  void bodyAndElse(const Stmt& s) {
    out += ' ';
    body(s.body);
    if (!s.orelse.empty()) {
      out += ' ';
      body(s.orelse);
    }
    out += ')';
  }

  void decorators(const Stmt& s) {
    if (s.decorators.empty()) return;
    out += ' ';
    node("@", s.decorators);
  }

  void aliases(const std::vector<Alias>& list) {
    for (const Alias& alias : list) {
      if (alias.asName.empty()) {
        out += ' ' + alias.name;
      } else {
        out += " (" + alias.name + " as " + alias.asName + ')';
      }
    }
  }
};

}  // namespace

std::string dumpAst(const Module& module) {
  Dumper dumper;
  for (size_t i = 0; i < module.body.size(); ++i) {
    if (i > 0) dumper.out += '\n';
    dumper.stmt(*module.body[i]);
  }
  return dumper.out;
}

std::string dumpStmt(const Stmt& stmt) {
  Dumper dumper;
  dumper.stmt(stmt);
  return dumper.out;
}

std::string dumpExpr(const Expr& expr) {
  Dumper dumper;
  dumper.expr(&expr);
  return dumper.out;
}

}  // namespace gilsim
