// The parser's entry point and the statement grammar: modules, simple and compound statements,
// blocks, function and class definitions with their parameters, and assignment targets. The
// Parser class is declared in parser_internal.h; expressions, literals and error diagnosis have
// files of their own.
#include "interp/syntax/parser.h"

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "interp/syntax/lexer.h"
#include "interp/syntax/parser_internal.h"
#include "interp/syntax/syntax_error.h"
#include "interp/syntax/token.h"

namespace gilsim {
namespace parser_internal {
namespace {

bool augmentedOperator(TK kind, BinaryOperator& op) {
  switch (kind) {
    case TK::PlusEqual:
      op = BinaryOperator::Add;
      return true;
    case TK::MinusEqual:
      op = BinaryOperator::Sub;
      return true;
    case TK::StarEqual:
      op = BinaryOperator::Mul;
      return true;
    case TK::AtEqual:
      op = BinaryOperator::MatMul;
      return true;
    case TK::SlashEqual:
      op = BinaryOperator::TrueDiv;
      return true;
    case TK::DoubleSlashEqual:
      op = BinaryOperator::FloorDiv;
      return true;
    case TK::PercentEqual:
      op = BinaryOperator::Mod;
      return true;
    case TK::DoubleStarEqual:
      op = BinaryOperator::Pow;
      return true;
    case TK::LeftShiftEqual:
      op = BinaryOperator::LShift;
      return true;
    case TK::RightShiftEqual:
      op = BinaryOperator::RShift;
      return true;
    case TK::PipeEqual:
      op = BinaryOperator::BitOr;
      return true;
    case TK::CaretEqual:
      op = BinaryOperator::BitXor;
      return true;
    case TK::AmperEqual:
      op = BinaryOperator::BitAnd;
      return true;
    default:
      return false;
  }
}

// The first sub-expression of `e` that cannot be an assignment (or del) target, or null.
const Expr* invalidTarget(const Expr& e, ExprContext context) {
  switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      return nullptr;
    case ExprKind::Starred:
      return context == ExprContext::Del ? &e : invalidTarget(*e.a, context);
    case ExprKind::Tuple:
    case ExprKind::List:
      for (const ExprPtr& item : e.items) {
        if (const Expr* bad = invalidTarget(*item, context)) return bad;
      }
      return nullptr;
    default:
      return &e;
  }
}

void setContext(Expr& e, ExprContext context) {
  switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      e.context = context;
      break;
    case ExprKind::Starred:
      e.context = context;
      setContext(*e.a, context);
      break;
    case ExprKind::Tuple:
    case ExprKind::List:
      e.context = context;
      for (ExprPtr& item : e.items)
        setContext(*item, context);
      break;
    default:
      break;
  }
}

}  // namespace

// ================================================================================================
// Statements

Module Parser::parseModule() {
  Module module;
  while (true) {
    while (check(TK::Newline))
      advance();
    if (check(TK::EndOfFile)) break;
    parseStatement(module.body);
  }
  return module;
}

void Parser::parseStatement(Body& out) {
  switch (kind()) {
    case TK::Indent:
      unexpectedIndent(pos_);
    case TK::KwIf:
      out.push_back(parseIf());
      return;
    case TK::KwWhile:
      out.push_back(parseWhile());
      return;
    case TK::KwFor:
      out.push_back(parseFor());
      return;
    case TK::KwTry:
      out.push_back(parseTry());
      return;
    case TK::KwWith:
      out.push_back(parseWith());
      return;
    case TK::KwDef:
    case TK::KwClass:
    case TK::At:
      out.push_back(parseDecorated());
      return;
    case TK::KwAsync:
      out.push_back(parseAsyncStatement());
      return;
    default:
      if (check(TK::Name) && cur().text == "match" && looksLikeMatchStatement())
        error("the 'match' statement is not supported by gilsim", cur());
      parseSimpleStatements(out);
      return;
  }
}

// `match` is a soft keyword: a statement starting with it is a match statement when its line
// ends with ':' outside brackets, which no expression statement or assignment can, and the ':'
// is not the annotation of a variable named match (`match: int`).
bool Parser::looksLikeMatchStatement() {
  if (kind(1) == TK::Colon || kind(1) == TK::Newline || kind(1) == TK::EndOfFile) return false;
  int depth = 0;
  for (size_t i = pos_ + 1; i < tokens_.size(); ++i) {
    switch (tokens_[i].kind) {
      case TK::LParen:
      case TK::LBracket:
      case TK::LBrace:
        ++depth;
        break;
      case TK::RParen:
      case TK::RBracket:
      case TK::RBrace:
        --depth;
        break;
      case TK::Newline:
      case TK::EndOfFile:
        return false;
      case TK::Colon:
        if (depth == 0) return i + 1 < tokens_.size() && tokens_[i + 1].kind == TK::Newline;
        break;
      default:
        break;
    }
  }
  return false;
}

// async def / async for / async with: the statement, marked, starting at `async` as CPython's
// AsyncFunctionDef, AsyncFor and AsyncWith do.
StmtPtr Parser::parseAsyncStatement() {
  const Token& asyncTok = cur();
  StmtPtr s;
  switch (kind(1)) {
    case TK::KwDef:
      advance();
      s = parseFunctionDef();
      break;
    case TK::KwFor:
      advance();
      s = parseFor();
      break;
    case TK::KwWith:
      advance();
      s = parseWith();
      break;
    default:
      failInvalid();
  }
  s->isAsync = true;
  s->range.line = asyncTok.line;
  s->range.col = asyncTok.col;
  return s;
}

void Parser::parseSimpleStatements(Body& out) {
  size_t start = pos_;
  while (true) {
    start = pos_;
    out.push_back(parseSimpleStatement());
    if (!accept(TK::Semicolon)) break;
    if (check(TK::Newline) || check(TK::EndOfFile)) break;
  }
  if (!accept(TK::Newline) && !check(TK::EndOfFile)) {
    diagnoseJuxtaposition();
    if (out.back()->kind == StmtKind::Expr) diagnoseTargetSequence(start);
    failInvalid();
  }
}

StmtPtr Parser::parseSimpleStatement() {
  const Token& start = cur();
  StmtPtr s;
  switch (start.kind) {
    case TK::KwPass:
    case TK::KwBreak:
    case TK::KwContinue:
      advance();
      s = makeStmt(start.kind == TK::KwPass    ? StmtKind::Pass
                   : start.kind == TK::KwBreak ? StmtKind::Break
                                               : StmtKind::Continue,
                   start);
      break;
    case TK::KwReturn:
      advance();
      s = makeStmt(StmtKind::Return, start);
      if (!atSimpleStatementEnd()) {
        s->value = parseStarExpressions();
        rejectBareStarred(s->value.get());
      }
      break;
    case TK::KwRaise:
      advance();
      s = makeStmt(StmtKind::Raise, start);
      if (!atSimpleStatementEnd()) {
        s->value = parseExpression();
        if (accept(TK::KwFrom)) s->cause = parseExpression();
      }
      break;
    case TK::KwGlobal:
    case TK::KwNonlocal:
      advance();
      s = makeStmt(start.kind == TK::KwGlobal ? StmtKind::Global : StmtKind::Nonlocal, start);
      do {
        s->names.emplace_back(expectName().text);
      } while (accept(TK::Comma));
      break;
    case TK::KwAssert:
      advance();
      s = makeStmt(StmtKind::Assert, start);
      s->test = parseExpression();
      if (accept(TK::Comma)) s->cause = parseExpression();
      break;
    case TK::KwDel:
      return parseDelete();
    case TK::KwImport:
      return parseImport();
    case TK::KwFrom:
      return parseFromImport();
    default:
      return parseExpressionStatement();
  }
  finish(*s);
  return s;
}

StmtPtr Parser::parseExpressionStatement() {
  const Token& startTok = cur();
  const size_t start = pos_;
  ExprPtr first = check(TK::KwYield) ? parseYield() : parseStarExpressions();
  if (check(TK::Equal)) return parseAssignment(startTok, start, std::move(first));
  diagnoseWalrus(*first);
  BinaryOperator op;
  if (augmentedOperator(kind(), op)) {
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript) {
      // CPython's rule needs the value to parse; otherwise it is plain invalid syntax here.
      if (!speculateAt(pos_ + 1, [&] {
            return (check(TK::KwYield) ? parseYield() : parseStarExpressions()) != nullptr;
          })) {
        errorAtToken(kInvalidSyntax, std::max(pos_, furthest_));
      }
      error("'" + exprName(*first) + "' is an illegal expression for augmented assignment", *first);
    }
    advance();
    auto s = makeStmt(StmtKind::AugAssign, startTok);
    setContext(*first, ExprContext::Store);
    s->target = std::move(first);
    s->augOp = op;
    s->value = check(TK::KwYield) ? parseYield() : parseStarExpressions();
    rejectBareStarred(s->value.get());
    finish(*s);
    return s;
  }
  if (check(TK::Colon)) return parseAnnotated(startTok, std::move(first));
  rejectBareStarred(first.get());
  auto s = makeStmt(StmtKind::Expr, startTok);
  s->value = std::move(first);
  finish(*s);
  return s;
}

StmtPtr Parser::parseAssignment(const Token& startTok, size_t start, ExprPtr first) {
  auto s = makeStmt(StmtKind::Assign, startTok);
  const size_t firstEqual = pos_;
  ExprPtr current = std::move(first);
  // Each target is checked as soon as its '=' is seen, so a bad target is reported even when
  // what follows is malformed too (as CPython does).
  while (check(TK::Equal)) {
    Expr& target = *current;
    if (const Expr* bad = invalidTarget(target, ExprContext::Store)) {
      diagnoseFirstTarget(start, firstEqual, s->targets.empty() ? target : *s->targets[0]);
      if (target.kind == ExprKind::Yield || target.kind == ExprKind::YieldFrom) {
        error("assignment to yield expression not possible", target);
      }
      error("cannot assign to " + exprName(*bad), *bad);
    }
    checkStarredTargets(target, false);
    setContext(target, ExprContext::Store);
    s->targets.push_back(std::move(current));
    advance();
    current = check(TK::KwYield) ? parseYield() : parseStarExpressions();
  }
  rejectBareStarred(current.get());
  s->value = std::move(current);
  finish(*s);
  return s;
}

StmtPtr Parser::parseAnnotated(const Token& startTok, ExprPtr target) {
  const Expr& t = *target;
  const bool valid =
      t.kind == ExprKind::Name || t.kind == ExprKind::Attribute || t.kind == ExprKind::Subscript;
  // CPython's messages for bad targets need the annotation to parse.
  if (!valid && !speculateAt(pos_ + 1, [&] { return parseExpression() != nullptr; })) {
    errorAtToken(kInvalidSyntax, std::max(pos_, furthest_));
  }
  if (t.kind == ExprKind::Tuple) {
    // Unparenthesised `a, b: int` is reported at `a`, a parenthesised tuple at its '('.
    const bool bare = !t.items.empty() && t.items[0]->range.line == t.range.line &&
                      t.items[0]->range.col == t.range.col;
    error("only single target (not tuple) can be annotated", bare ? *t.items[0] : t);
  }
  if (t.kind == ExprKind::List) error("only single target (not list) can be annotated", t);
  if (t.kind != ExprKind::Name && t.kind != ExprKind::Attribute && t.kind != ExprKind::Subscript) {
    error("illegal target for annotation", t);
  }
  advance();  // ':'
  auto s = makeStmt(StmtKind::AnnAssign, startTok);
  setContext(*target, ExprContext::Store);
  s->target = std::move(target);
  s->test = parseExpression();
  if (accept(TK::Equal)) {
    s->value = check(TK::KwYield) ? parseYield() : parseStarExpressions();
    rejectBareStarred(s->value.get());
  }
  finish(*s);
  return s;
}

Alias Parser::parseImportAlias(bool dotted) {
  const Token& first = expectName();
  Alias alias;
  alias.name = std::string(first.text);
  while (dotted && accept(TK::Dot)) {
    alias.name += '.';
    alias.name += expectName().text;
  }
  if (accept(TK::KwAs)) alias.asName = std::string(expectName().text);
  alias.range = spanFrom(first);
  return alias;
}

StmtPtr Parser::parseImport() {
  auto s = makeStmt(StmtKind::Import, advance());
  do {
    s->aliases.push_back(parseImportAlias(true));
  } while (accept(TK::Comma));
  finish(*s);
  return s;
}

StmtPtr Parser::parseFromImport() {
  auto s = makeStmt(StmtKind::ImportFrom, advance());
  while (check(TK::Dot) || check(TK::Ellipsis)) {
    s->level += check(TK::Dot) ? 1 : 3;
    advance();
  }
  if (check(TK::Name)) {
    s->module = std::string(advance().text);
    while (accept(TK::Dot)) {
      s->module += '.';
      s->module += expectName().text;
    }
  } else if (s->level == 0) {
    failInvalid();
  }
  expect(TK::KwImport);
  if (check(TK::Star)) {
    const Token& star = advance();
    Alias alias;
    alias.name = "*";
    alias.range = tokenRange(star);
    s->aliases.push_back(std::move(alias));
  } else if (check(TK::LParen)) {
    advance();
    BracketScope brackets(*this);
    s->aliases.push_back(parseImportAlias(false));
    while (accept(TK::Comma)) {
      if (check(TK::RParen)) break;
      s->aliases.push_back(parseImportAlias(false));
    }
    expect(TK::RParen);
  } else {
    s->aliases.push_back(parseImportAlias(false));
    while (accept(TK::Comma)) {
      if (atSimpleStatementEnd()) {
        error("trailing comma not allowed without surrounding parentheses", cur());
      }
      s->aliases.push_back(parseImportAlias(false));
    }
  }
  finish(*s);
  return s;
}

// Targets are primaries (CPython's del_targets); anything else is diagnosed as CPython's
// invalid_del_stmt does: parsed as an expression and blamed on the part that cannot be deleted.
StmtPtr Parser::parseDelete() {
  auto s = makeStmt(StmtKind::Delete, advance());
  const size_t start = pos_;
  try {
    do {
      if (!s->targets.empty() && atSimpleStatementEnd()) break;  // trailing comma
      s->targets.push_back(parseTargetItem());
    } while (accept(TK::Comma));
    if (!atSimpleStatementEnd()) failInvalid();
  } catch (const SyntaxError& e) {
    if (!isPlainInvalidSyntax(e) || speculating_) throw;
    ExprPtr whole;
    probeAt(start, [&] { whole = parseStarExpressions(); });
    if (whole) {
      if (const Expr* bad = invalidTarget(*whole, ExprContext::Del)) {
        error("cannot delete " + exprName(*bad), *bad);
      }
    }
    throw;
  }
  for (ExprPtr& target : s->targets)
    makeTarget(*target, ExprContext::Del);
  finish(*s);
  return s;
}

// CPython names a missing ':' only when the line ends where the ':' should be.
void Parser::expectColonSoft() {
  if (accept(TK::Colon)) return;
  if (check(TK::Newline)) error("expected ':'", cur());
  failInvalid();
}

void Parser::expectColonForced() {
  if (!accept(TK::Colon)) error("expected ':'", cur());
}

Body Parser::parseBlock(const std::string& what, int line) {
  Body body;
  if (!accept(TK::Newline)) {
    parseSimpleStatements(body);
    return body;
  }
  if (!check(TK::Indent)) {
    errorAtToken("expected an indented block after " + what + " on line " + std::to_string(line),
                 pos_, "IndentationError");
  }
  advance();
  Nesting nesting(*this, kBlockCost, kTooManyIndents);
  while (!check(TK::Dedent) && !check(TK::EndOfFile)) {
    if (accept(TK::Newline)) continue;
    parseStatement(body);
  }
  accept(TK::Dedent);
  return body;
}

StmtPtr Parser::parseIf() {
  const Token& ifTok = advance();
  auto root = makeStmt(StmtKind::If, ifTok);
  root->test = parseNamedExpression(true);
  expectColonSoft();
  root->body = parseBlock("'if' statement", ifTok.line);
  // elif chains are built iteratively; each link still deepens the tree, so it is budgeted.
  Nesting chain(*this, 0, kTooComplex);
  std::vector<Stmt*> links{root.get()};
  while (check(TK::KwElif)) {
    chain.add(1, kTooComplex);
    const Token& elifTok = advance();
    auto elif = makeStmt(StmtKind::If, elifTok);
    elif->test = parseNamedExpression(true);
    expectColonSoft();
    elif->body = parseBlock("'elif' statement", elifTok.line);
    Stmt* next = elif.get();
    links.back()->orelse.push_back(std::move(elif));
    links.push_back(next);
  }
  if (check(TK::KwElse)) {
    const Token& elseTok = advance();
    expectColonForced();
    links.back()->orelse = parseBlock("'else' statement", elseTok.line);
  }
  for (Stmt* link : links)
    finish(*link);
  return root;
}

StmtPtr Parser::parseWhile() {
  const Token& whileTok = advance();
  auto s = makeStmt(StmtKind::While, whileTok);
  s->test = parseNamedExpression(true);
  expectColonSoft();
  s->body = parseBlock("'while' statement", whileTok.line);
  if (check(TK::KwElse)) {
    const Token& elseTok = advance();
    expectColonForced();
    s->orelse = parseBlock("'else' statement", elseTok.line);
  }
  finish(*s);
  return s;
}

StmtPtr Parser::parseFor() {
  const Token& forTok = advance();
  auto s = makeStmt(StmtKind::For, forTok);
  s->target = parseForTarget();
  s->iter = parseStarExpressions();
  rejectBareStarred(s->iter.get());
  expectColonSoft();
  s->body = parseBlock("'for' statement", forTok.line);
  if (check(TK::KwElse)) {
    const Token& elseTok = advance();
    expectColonForced();
    s->orelse = parseBlock("'else' statement", elseTok.line);
  }
  finish(*s);
  return s;
}

StmtPtr Parser::parseTry() {
  const Token& tryTok = advance();
  auto s = makeStmt(StmtKind::Try, tryTok);
  expectColonForced();
  s->body = parseBlock("'try' statement", tryTok.line);
  size_t bare = kNoToken;  // index of a bare `except:` handler
  while (check(TK::KwExcept)) {
    const Token& exceptTok = advance();
    if (bare != kNoToken) error("default 'except:' must be last", s->handlers[bare].range);
    if (check(TK::Star)) error("'except*' is not supported", exceptTok);
    ExceptHandler handler;
    if (!check(TK::Colon)) {
      if (check(TK::Newline)) error("expected ':'", cur());
      handler.type = parseExpression();
      if (check(TK::Comma)) error("multiple exception types must be parenthesized", *handler.type);
      if (accept(TK::KwAs)) handler.name = std::string(expectName().text);
    }
    expectColonSoft();
    handler.body = parseBlock("'except' statement", exceptTok.line);
    handler.range = spanFrom(exceptTok);
    if (!handler.type) bare = s->handlers.size();
    s->handlers.push_back(std::move(handler));
  }
  if (!s->handlers.empty() && check(TK::KwElse)) {
    const Token& elseTok = advance();
    expectColonForced();
    s->orelse = parseBlock("'else' statement", elseTok.line);
  }
  bool sawFinally = false;
  if (check(TK::KwFinally)) {
    const Token& finallyTok = advance();
    expectColonForced();
    s->finalBody = parseBlock("'finally' statement", finallyTok.line);
    sawFinally = true;
  }
  if (s->handlers.empty() && !sawFinally) error("expected 'except' or 'finally' block", cur());
  finish(*s);
  return s;
}

// `with (a as b, c):` groups items in parentheses, but `with (a, b) as c:` and `with (a)():` start
// with a parenthesised expression. The grouping form is the one whose ')' is followed by ':'.
bool Parser::parenthesizedWithItems() {
  if (tokens_[pos_ + 1].kind == TK::RParen) return false;  // `with ():` is an empty tuple
  int depth = 0;
  for (size_t i = pos_; i + 1 < tokens_.size(); ++i) {
    switch (tokens_[i].kind) {
      case TK::LParen:
      case TK::LBracket:
      case TK::LBrace:
        ++depth;
        break;
      case TK::RParen:
      case TK::RBracket:
      case TK::RBrace:
        if (--depth == 0) return tokens_[i + 1].kind == TK::Colon;
        break;
      case TK::Newline:
      case TK::EndOfFile:
        return false;
      default:
        break;
    }
  }
  return false;
}

WithItem Parser::parseWithItem() {
  WithItem item;
  item.context = parseExpression();
  if (accept(TK::KwAs)) {
    item.target = check(TK::Star) ? parseStarred() : parseExpression();
    makeTarget(*item.target, ExprContext::Store);
  }
  return item;
}

StmtPtr Parser::parseWith() {
  const Token& withTok = advance();
  auto s = makeStmt(StmtKind::With, withTok);
  if (check(TK::LParen) && parenthesizedWithItems()) {
    advance();
    BracketScope brackets(*this);
    s->withItems.push_back(parseWithItem());
    while (accept(TK::Comma)) {
      if (check(TK::RParen)) break;
      s->withItems.push_back(parseWithItem());
    }
    expect(TK::RParen);
  } else {
    do {
      s->withItems.push_back(parseWithItem());
    } while (accept(TK::Comma));
  }
  expectColonSoft();
  s->body = parseBlock("'with' statement", withTok.line);
  finish(*s);
  return s;
}

StmtPtr Parser::parseDecorated() {
  std::vector<ExprPtr> decorators;
  while (check(TK::At)) {
    advance();
    decorators.push_back(parseNamedExpression(true));
    if (!accept(TK::Newline)) failInvalid();
    while (accept(TK::Newline)) {
    }
  }
  StmtPtr s;
  if (check(TK::KwDef)) {
    s = parseFunctionDef();
  } else if (check(TK::KwClass)) {
    s = parseClassDef();
  } else if (check(TK::KwAsync) && kind(1) == TK::KwDef) {
    s = parseAsyncStatement();
  } else {
    failInvalid();
  }
  s->decorators = std::move(decorators);
  return s;
}

StmtPtr Parser::parseFunctionDef() {
  const Token& defTok = advance();
  auto s = makeStmt(StmtKind::FunctionDef, defTok);
  s->name = std::string(expectName().text);
  if (!check(TK::LParen)) error("expected '('", cur());
  advance();
  {
    BracketScope brackets(*this);
    s->arguments = parseParameters(false);
    expect(TK::RParen);
  }
  if (check(TK::Arrow)) {
    // CPython's first pass backs off whatever part of the annotation does not parse and then
    // demands the ':' there (at the '->' if nothing parses).
    size_t end = pos_;
    speculateAt(pos_ + 1, [&] {
      parseExpression();
      end = pos_;
      return true;
    });
    if (tokens_[end].kind != TK::Colon) errorAtToken("expected ':'", end);
    advance();
    s->arguments->returns = parseExpression();
  }
  expectColonForced();
  {
    FunctionScope function(*this);
    s->body = parseBlock("function definition", defTok.line);
  }
  finish(*s);
  return s;
}

StmtPtr Parser::parseClassDef() {
  const Token& classTok = advance();
  auto s = makeStmt(StmtKind::ClassDef, classTok);
  s->name = std::string(expectName().text);
  if (check(TK::LParen)) {
    const Token& open = advance();
    BracketScope brackets(*this);
    parseCallArguments(s->bases, s->keywords, false, open);
    expect(TK::RParen);
  }
  expectColonSoft();
  s->body = parseBlock("class definition", classTok.line);
  finish(*s);
  return s;
}

std::unique_ptr<Arguments> Parser::parseParameters(bool isLambda) {
  const TK closer = isLambda ? TK::Colon : TK::RParen;
  auto args = std::make_unique<Arguments>();
  bool sawSlash = false, sawStar = false, sawKwargs = false;
  std::vector<const Token*> names;
  auto annotation = [&]() -> ExprPtr {
    if (isLambda || !accept(TK::Colon)) return nullptr;
    if (check(TK::Star)) return parseStarred();  // `*args: *Ts`
    return parseExpression();
  };
  while (!check(closer)) {
    const Token& t = cur();
    if (sawKwargs) error("arguments cannot follow var-keyword argument", t);
    if (check(TK::Slash)) {
      if (sawSlash) error("/ may appear only once", t);
      if (sawStar) error("/ must be ahead of *", t);
      if (args->positional.empty()) {
        if (tokens_[pos_ + 1].kind == TK::Comma) error("at least one argument must precede /", t);
        failInvalid();
      }
      advance();
      if (check(TK::Star)) error("expected comma between / and *", cur());
      sawSlash = true;
      args->positionalOnlyCount = static_cast<int>(args->positional.size());
    } else if (check(TK::LParen)) {
      // `def f((a, b))`: Python 2's tuple parameters. CPython names the mistake when the
      // parenthesised part is plain names and only plain names came before it.
      const bool tupleParameter = speculateAt(pos_ + 1, [&] {
        do {
          expectName();
          if (!isLambda && accept(TK::Colon)) parseExpression();
        } while (accept(TK::Comma) && check(TK::Name));
        return check(TK::RParen);
      });
      if (tupleParameter && !sawSlash && !sawStar && args->defaults.empty()) {
        error(isLambda ? "Lambda expression parameters cannot be parenthesized"
                       : "Function parameters cannot be parenthesized",
              t);
      }
      failInvalid();
    } else if (check(TK::Star)) {
      if (sawStar) error("* argument may appear only once", t);
      advance();
      sawStar = true;
      if (check(TK::Name)) {
        const Token& name = advance();
        names.push_back(&name);
        args->varargs = std::make_unique<Parameter>(
            Parameter{std::string(name.text), tokenRange(name), nullptr});
        args->varargs->annotation = annotation();
        if (check(TK::Equal)) error("var-positional argument cannot have default value", cur());
      } else if (check(TK::Comma) && kind(1) != closer && kind(1) != TK::DoubleStar) {
        // bare '*' followed by keyword-only parameters
      } else if (check(TK::Comma) || check(closer)) {
        // CPython points at the '*' in a def but at what follows it in a lambda.
        error("named arguments must follow bare *",
              isLambda ? at(pos_ + (check(TK::Comma) ? 1 : 0)) : t);
      } else {
        failInvalid();
      }
    } else if (check(TK::DoubleStar)) {
      advance();
      const Token& name = expectName();
      names.push_back(&name);
      args->kwargs =
          std::make_unique<Parameter>(Parameter{std::string(name.text), tokenRange(name), nullptr});
      args->kwargs->annotation = annotation();
      if (check(TK::Equal)) error("var-keyword argument cannot have default value", cur());
      sawKwargs = true;
    } else {
      const Token& name = expectName();
      names.push_back(&name);
      ExprPtr annotated = annotation();
      ExprPtr value;
      if (check(TK::Equal)) {
        const Token& equal = advance();
        if (check(TK::Comma) || check(closer)) error("expected default value expression", equal);
        value = parseExpression();
      }
      Parameter parameter{std::string(name.text), tokenRange(name), std::move(annotated)};
      if (!sawStar) {
        if (value) {
          args->defaults.push_back(std::move(value));
        } else if (!args->defaults.empty() && (check(TK::Comma) || check(closer))) {
          error("non-default argument follows default argument", name);
        }
        args->positional.push_back(std::move(parameter));
      } else {
        args->keywordOnly.push_back(std::move(parameter));
        args->keywordDefaults.push_back(std::move(value));
      }
    }
    if (!accept(TK::Comma)) break;
  }
  // CPython finds duplicates later (in its symbol table), so only after the list parsed cleanly.
  std::unordered_set<std::string_view> seen;
  for (const Token* name : names) {
    if (!seen.insert(name->text).second) {
      error("duplicate argument '" + std::string(name->text) + "' in function definition", *name);
    }
  }
  return args;
}

// ================================================================================================
// Targets

void Parser::makeTarget(Expr& e, ExprContext context) {
  if (const Expr* bad = invalidTarget(e, context)) {
    error((context == ExprContext::Del ? "cannot delete " : "cannot assign to ") + exprName(*bad),
          *bad);
  }
  if (context == ExprContext::Store) checkStarredTargets(e, false);
  setContext(e, context);
}

// The starred-target rules CPython's compiler enforces; cheap to check here with the positions.
void Parser::checkStarredTargets(const Expr& e, bool inSequence) {
  if (e.kind == ExprKind::Starred) {
    if (!inSequence) error("starred assignment target must be in a list or tuple", e);
    checkStarredTargets(*e.a, false);
  } else if (e.kind == ExprKind::Tuple || e.kind == ExprKind::List) {
    int starred = 0;
    for (const ExprPtr& item : e.items)
      starred += item->kind == ExprKind::Starred;
    if (starred > 1) error("multiple starred expressions in assignment", e);
    for (const ExprPtr& item : e.items)
      checkStarredTargets(*item, true);
  }
}

void Parser::rejectBareStarred(const Expr* e) {
  if (e != nullptr && e->kind == ExprKind::Starred) error("can't use starred expression here", *e);
}

// `for` and comprehension targets (CPython's star_targets) up to and including the `in`. Targets
// are primaries (names, attributes, subscripts, bracketed groups), so `in` is not taken for an
// operator. Anything else is diagnosed like CPython's invalid_for_target does it: parsed as an
// expression and blamed on the part that cannot be assigned to.
ExprPtr Parser::parseForTarget() {
  const size_t start = pos_;
  ExprPtr target;
  try {
    target = parseTargetList();
    if (!check(TK::KwIn)) failInvalid();
  } catch (const SyntaxError& e) {
    if (isPlainInvalidSyntax(e)) diagnoseForTarget(start);
    throw;
  }
  makeTarget(*target, ExprContext::Store);
  advance();  // in
  return target;
}

ExprPtr Parser::parseTargetList() {
  const Token& startTok = cur();
  ExprPtr first = parseTargetItem();
  if (!check(TK::Comma)) return first;
  auto tuple = makeExpr(ExprKind::Tuple, tokenRange(startTok));
  tuple->items.push_back(std::move(first));
  while (accept(TK::Comma)) {
    if (!startsExpression(kind()) && !check(TK::Star)) break;
    tuple->items.push_back(parseTargetItem());
  }
  finish(*tuple);
  return tuple;
}

ExprPtr Parser::parseTargetItem() {
  if (!check(TK::Star)) return parsePrimary();
  const Token& star = advance();
  auto starred = makeExpr(ExprKind::Starred, tokenRange(star));
  starred->a = parsePrimary();
  finish(*starred);
  return starred;
}

}  // namespace parser_internal

size_t trialParseCount() {
  return parser_internal::trialParsesOnThisThread;
}

Module parse(std::string_view source) {
  std::vector<Token> tokens;
  try {
    tokens = Lexer(source).tokenize();
  } catch (const SyntaxError& e) {
    throw parser_internal::firstError(source, e, 0);
  }
  parser_internal::Parser parser(source, std::move(tokens), 0, 0);
  try {
    return parser.parseModule();
  } catch (const parser_internal::HardSyntaxError& e) {
    throw SyntaxError(e);  // callers only ever see SyntaxError itself
  }
}

}  // namespace gilsim
