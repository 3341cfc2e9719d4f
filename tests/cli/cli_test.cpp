// End-to-end tests of the gilsim command line: each test runs the real binary in a child process
// and checks its exit status, stdout and stderr.
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/process_runner.h"
#include "support/temp_dir.h"

#ifndef GILSIM_BINARY
#error "GILSIM_BINARY must name the gilsim executable"
#endif
#ifndef GILSIM_README
#error "GILSIM_README must name README.md"
#endif
#ifndef GILSIM_CLI_DATA_DIR
#error "GILSIM_CLI_DATA_DIR must name tests/cli/data"
#endif

namespace {

namespace fs = std::filesystem;
using gilsim::testsupport::describe;
using RunOptions = gilsim::testsupport::ProcessOptions;
using RunResult = gilsim::testsupport::ProcessResult;

constexpr auto kWallLimit = std::chrono::seconds(20);

RunOptions inDir(const std::string& cwd) {
  RunOptions o;
  o.workingDir = cwd;
  return o;
}

RunOptions interruptAfter(const std::string& text) {
  RunOptions o;
  o.interruptWhenStdoutContains = text;
  return o;
}

// Runs gilsim with `args`, stdin from /dev/null. A run that takes longer than kWallLimit is killed
// and fails the calling test.
RunResult runGilsim(const std::vector<std::string>& args, RunOptions options = {}) {
  std::vector<std::string> argv = {GILSIM_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  options.wallLimit = kWallLimit;
  RunResult result = gilsim::testsupport::runProcess(argv, options);
  if (!result.started) {
    ADD_FAILURE() << "could not start gilsim: " << result.error;
  } else if (result.timedOut) {
    ADD_FAILURE() << "gilsim did not finish within " << kWallLimit.count() << " s and was killed\n"
                  << describe(result);
  } else if (!result.error.empty()) {
    ADD_FAILURE() << result.error;
  }
  return result;
}

std::string dataDir() {
  return GILSIM_CLI_DATA_DIR;
}

// Runs `gilsim ARGS...` inside tests/cli/data, so that file names in messages are the short ones.
RunResult runInData(const std::vector<std::string>& args, RunOptions options = {}) {
  options.workingDir = dataDir();
  return runGilsim(args, options);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    out.push_back(line);
  return out;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
bool startsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

using gilsim::testsupport::TempDir;

// Checks the three-line `file:line:col: KIND: message` / source / caret report of a syntax error.
void expectSyntaxReport(const std::string& err, const std::string& file, int line, int col,
                        const std::string& kind, const std::string& sourceLine) {
  std::vector<std::string> l = lines(err);
  ASSERT_GE(l.size(), 3u) << err;
  std::string head =
      file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + kind + ": ";
  EXPECT_TRUE(startsWith(l[0], head)) << "expected '" << head << "...', got:\n" << err;
  EXPECT_GT(l[0].size(), head.size()) << "no message after the error kind:\n" << err;
  // The source line, as written, indented by a fixed prefix; the caret sits under column `col`.
  size_t at = l[1].find(sourceLine);
  ASSERT_NE(at, std::string::npos) << "source line missing:\n" << err;
  EXPECT_EQ(l[1].substr(at), sourceLine) << err;
  EXPECT_EQ(l[2].find_first_not_of(" \t"), l[2].size() - 1)
      << "caret line is not blanks and one caret:\n"
      << err;
  EXPECT_EQ(l[2].back(), '^') << err;
  EXPECT_EQ(l[2].size() - 1, at + static_cast<size_t>(col) - 1)
      << "caret not under column " << col << ":\n"
      << err;
}

// ---------------------------------------------------------------------------------------------
// Top-level usage.

TEST(CliUsage, HelpListsCommands) {
  for (const char* flag : {"--help", "-h"}) {
    SCOPED_TRACE(flag);
    RunResult r = runGilsim({flag});
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_TRUE(contains(r.out, "usage: gilsim")) << describe(r);
    EXPECT_TRUE(std::regex_search(r.out, std::regex(R"((^|\n)\s+run\b)"))) << describe(r);
    EXPECT_TRUE(std::regex_search(r.out, std::regex(R"((^|\n)\s+dis\b)"))) << describe(r);
    EXPECT_EQ(r.err, "");
  }
}

TEST(CliUsage, Version) {
  RunResult r = runGilsim({"--version"});
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_TRUE(std::regex_match(r.out, std::regex(R"(gilsim \d+\.\d+(\.\d+)?\S*\n)")))
      << describe(r);
  EXPECT_EQ(r.err, "");
}

TEST(CliUsage, NoArgumentsPrintsUsageToStderr) {
  RunResult r = runGilsim({});
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "usage: gilsim")) << describe(r);
  EXPECT_EQ(r.out, "");
}

TEST(CliUsage, UnknownCommand) {
  RunResult r = runGilsim({"frobnicate"});
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "gilsim: error: unknown command 'frobnicate'")) << describe(r);
  EXPECT_TRUE(contains(r.err, "Try 'gilsim --help'")) << describe(r);
  EXPECT_EQ(r.out, "");
}

TEST(CliUsage, RunHelp) {
  for (const char* flag : {"--help", "-h"}) {
    SCOPED_TRACE(flag);
    RunResult r = runGilsim({"run", flag});
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_TRUE(contains(r.out, "--check-points")) << describe(r);
    EXPECT_TRUE(contains(r.out, "--recursion-limit")) << describe(r);
    EXPECT_TRUE(contains(r.out, "--check-point-budget")) << describe(r);
  }
}

TEST(CliUsage, RunWithoutFile) {
  RunResult r = runGilsim({"run"});
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "gilsim: error:")) << describe(r);
  EXPECT_TRUE(contains(r.err, "Try 'gilsim run --help'")) << describe(r);
  EXPECT_EQ(r.out, "");
}

TEST(CliUsage, RunBadCheckPointsValue) {
  RunResult r = runInData({"run", "--check-points", "bogus", "argv.py"});
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "bogus")) << describe(r);
  EXPECT_TRUE(contains(r.err, "Try 'gilsim run --help'")) << describe(r);
  EXPECT_EQ(r.out, "") << "the script must not run";
}

TEST(CliUsage, RunUnknownOption) {
  RunResult r = runInData({"run", "--no-such-option", "argv.py"});
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "--no-such-option")) << describe(r);
  EXPECT_TRUE(contains(r.err, "Try 'gilsim run --help'")) << describe(r);
  EXPECT_EQ(r.out, "") << "the script must not run";
}

TEST(CliUsage, RunBadRecursionLimit) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"run", "--recursion-limit", "0", "argv.py"},
        {"run", "--recursion-limit", "abc", "argv.py"},
        {"run", "--recursion-limit"}}) {
    SCOPED_TRACE(args.back());
    RunResult r = runInData(args);
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_TRUE(contains(r.err, "--recursion-limit")) << describe(r);
    EXPECT_EQ(r.out, "");
  }
}

TEST(CliUsage, RunNegativeCheckPointBudgetIsRejected) {
  RunResult r = runInData({"run", "--check-point-budget", "-1", "argv.py"});
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "--check-point-budget")) << describe(r);
  EXPECT_EQ(r.out, "") << "the script must not run";
}

TEST(CliUsage, DisWithoutFile) {
  RunResult r = runGilsim({"dis"});
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "Try 'gilsim dis --help'")) << describe(r);
}

// ---------------------------------------------------------------------------------------------
// Files that cannot be run.

TEST(CliFiles, MissingFile) {
  TempDir dir;
  std::string missing = dir.path() + "/no_such_script.py";
  RunResult r = runGilsim({"run", missing});
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "can't open file")) << describe(r);
  EXPECT_TRUE(contains(r.err, missing)) << describe(r);
  EXPECT_EQ(r.out, "");
}

TEST(CliFiles, Directory) {
  TempDir dir;
  RunResult r = runGilsim({"run", dir.path()});
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "Is a directory")) << describe(r);
  EXPECT_TRUE(contains(r.err, dir.path())) << describe(r);
  EXPECT_EQ(r.out, "");
}

TEST(CliFiles, NotUtf8) {
  TempDir dir;
  dir.write("binary.py", "\xff\xfe");
  RunResult r = runGilsim({"run", "binary.py"}, inDir(dir.path()));
  EXPECT_EQ(r.status, 1) << describe(r);
  std::vector<std::string> l = lines(r.err);
  ASSERT_FALSE(l.empty()) << describe(r);
  EXPECT_TRUE(contains(l[0], "SyntaxError")) << describe(r);
  EXPECT_TRUE(startsWith(l[0], "binary.py:1:")) << describe(r);
  EXPECT_EQ(r.out, "");
}

TEST(CliFiles, NotUtf8ReportsTheLineOfTheBadByte) {
  TempDir dir;
  dir.write("late.py", "x = 1\ny = \"\xc3\xa9\"\nz = \"\xff\"\nprint(x)\n");
  RunResult r = runGilsim({"run", "late.py"}, inDir(dir.path()));
  EXPECT_EQ(r.status, 1) << describe(r);
  std::vector<std::string> l = lines(r.err);
  ASSERT_FALSE(l.empty()) << describe(r);
  EXPECT_TRUE(startsWith(l[0], "late.py:3:")) << describe(r);
  EXPECT_TRUE(contains(l[0], "SyntaxError")) << describe(r);
  EXPECT_EQ(r.out, "") << "nothing of the script may run";
}

// ---------------------------------------------------------------------------------------------
// Syntax errors.

TEST(CliSyntaxError, ReportAndCaret) {
  RunResult r = runInData({"run", "syntax_error.py"});
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_EQ(r.out, "");
  expectSyntaxReport(r.err, "syntax_error.py", 2, 5, "SyntaxError", "if x");
}

TEST(CliSyntaxError, IndentationError) {
  RunResult r = runInData({"run", "indentation_error.py"});
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_EQ(r.out, "");
  expectSyntaxReport(r.err, "indentation_error.py", 3, 6, "IndentationError", "      y = 2");
}

TEST(CliSyntaxError, CaretCountsCharactersNotBytes) {
  TempDir dir;
  dir.write("utf8.py", "x = \"\xc3\xa9\xc3\xa9\" + )\n");
  RunResult r = runGilsim({"run", "utf8.py"}, inDir(dir.path()));
  EXPECT_EQ(r.status, 1) << describe(r);
  std::vector<std::string> l = lines(r.err);
  ASSERT_GE(l.size(), 3u) << describe(r);
  EXPECT_TRUE(startsWith(l[0], "utf8.py:1:12: SyntaxError: ")) << describe(r);
  // Two 2-byte characters before the ')': the caret is 2 columns left of the byte offset.
  size_t at = l[1].find("x = ");
  ASSERT_NE(at, std::string::npos) << describe(r);
  EXPECT_EQ(l[2].size() - 1, at + 11) << describe(r);
}

TEST(CliSyntaxError, NothingOfTheScriptRuns) {
  TempDir dir;
  dir.write("late_error.py", "print('ran')\nx = 1 +\n");
  RunResult r = runGilsim({"run", "late_error.py"}, inDir(dir.path()));
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_EQ(r.out, "");
  expectSyntaxReport(r.err, "late_error.py", 2, 8, "SyntaxError", "x = 1 +");
}

// ---------------------------------------------------------------------------------------------
// Runtime errors.

TEST(CliRuntimeError, Traceback) {
  RunResult r = runInData({"run", "traceback.py"});
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_EQ(r.out, "before\nin outer\n");
  std::vector<std::string> expected = {
      "Traceback (most recent call last):",
      "  File \"traceback.py\", line 12, in <module>",
      "    outer(5)",
      "  File \"traceback.py\", line 8, in outer",
      "    return inner(x) + 1",
      "  File \"traceback.py\", line 3, in inner",
      "    return x / 0",
      "ZeroDivisionError: division by zero",
  };
  EXPECT_EQ(lines(r.err), expected) << describe(r);
}

TEST(CliRuntimeError, UncaughtExceptionExitsOne) {
  RunResult r = runInData({"run", "uncaught.py"});
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_EQ(r.out, "start\n");
  std::vector<std::string> l = lines(r.err);
  ASSERT_FALSE(l.empty()) << describe(r);
  EXPECT_EQ(l.front(), "Traceback (most recent call last):");
  EXPECT_EQ(l.back(), "ValueError: boom");
}

TEST(CliRuntimeError, UnboundedRecursion) {
  RunResult r = runInData({"run", "recursion.py"});
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_LT(r.elapsed.count(), 10.0) << "RecursionError took too long";
  std::vector<std::string> l = lines(r.err);
  ASSERT_FALSE(l.empty()) << describe(r);
  EXPECT_EQ(l.front(), "Traceback (most recent call last):");
  EXPECT_TRUE(startsWith(l.back(), "RecursionError: maximum recursion depth exceeded")) << l.back();
}

TEST(CliRuntimeError, RecursionLimitOption) {
  RunResult low = runInData({"run", "--recursion-limit", "50", "recursion_depth.py"});
  EXPECT_EQ(low.status, 0) << describe(low);
  std::smatch m;
  ASSERT_TRUE(std::regex_match(low.out, m, std::regex(R"(depth (\d+)\n)"))) << describe(low);
  int lowDepth = std::stoi(m[1]);
  EXPECT_GT(lowDepth, 0);
  EXPECT_LT(lowDepth, 50);

  RunResult equals = runInData({"run", "--recursion-limit=50", "recursion_depth.py"});
  EXPECT_EQ(equals.status, 0) << describe(equals);
  EXPECT_EQ(equals.out, low.out) << "--recursion-limit=50 and --recursion-limit 50 differ";

  RunResult deflt = runInData({"run", "recursion_depth.py"});
  EXPECT_EQ(deflt.status, 0) << describe(deflt);
  ASSERT_TRUE(std::regex_match(deflt.out, m, std::regex(R"(depth (\d+)\n)"))) << describe(deflt);
  int defaultDepth = std::stoi(m[1]);
  EXPECT_GT(defaultDepth, 50);
  EXPECT_LE(defaultDepth, 1000);
}

// ---------------------------------------------------------------------------------------------
// sys.argv and sys.exit.

TEST(CliScript, ArgvAfterFileBelongsToTheScript) {
  RunResult r = runInData({"run", "argv.py", "a", "--b", "c"});
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "['argv.py', 'a', '--b', 'c']\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliScript, ArgvLooksLikeGilsimOptions) {
  RunResult r = runInData({"run", "--recursion-limit", "100", "argv.py", "-h", "--help",
                           "--version", "--check-points", "bogus"});
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "['argv.py', '-h', '--help', '--version', '--check-points', 'bogus']\n");
}

TEST(CliScript, SysExitWithCode) {
  RunResult r = runInData({"run", "exit_code.py"});
  EXPECT_EQ(r.status, 3) << describe(r);
  EXPECT_EQ(r.out, "exiting\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliScript, SysExitWithMessage) {
  RunResult r = runInData({"run", "exit_message.py"});
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_EQ(r.err, "bye\n");
  EXPECT_EQ(r.out, "");
}

TEST(CliScript, SysExitWithoutArgument) {
  TempDir dir;
  dir.write("exit0.py", "import sys\nprint('x')\nsys.exit()\nprint('not reached')\n");
  RunResult r = runGilsim({"run", "exit0.py"}, inDir(dir.path()));
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "x\n");
  EXPECT_EQ(r.err, "");
}

// ---------------------------------------------------------------------------------------------
// Check points: budget, SIGINT, --check-points.

TEST(CliCheckPoints, BudgetStopsAnInfiniteLoop) {
  for (const char* mode : {"branches", "every"}) {
    SCOPED_TRACE(mode);
    RunResult r = runInData(
        {"run", "--check-points", mode, "--check-point-budget", "1000", "infinite_loop.py"});
    EXPECT_FALSE(r.timedOut);
    EXPECT_NE(r.status, 0) << describe(r);
    EXPECT_GT(r.status, 0) << "killed by a signal:\n" << describe(r);
    EXPECT_TRUE(contains(r.err, "budget")) << describe(r);
  }
}

TEST(CliCheckPoints, BudgetStopsALongLoop) {
  RunResult r = runInData({"run", "--check-point-budget", "10000", "counted_loop.py"});
  EXPECT_NE(r.status, 0) << describe(r);
  EXPECT_GT(r.status, 0) << "killed by a signal:\n" << describe(r);
  EXPECT_TRUE(contains(r.err, "budget")) << describe(r);
  EXPECT_FALSE(contains(r.out, "50000")) << "the loop ran to the end:\n" << describe(r);
}

TEST(CliCheckPoints, BudgetLetsTheScriptRunUntilItIsSpent) {
  // A budget of 1000 leaves room for the first print before the infinite loop.
  for (const char* mode : {"branches", "every"}) {
    SCOPED_TRACE(mode);
    RunResult r = runInData(
        {"run", "--check-points", mode, "--check-point-budget", "1000", "infinite_loop.py"});
    EXPECT_NE(r.status, 0) << describe(r);
    EXPECT_TRUE(contains(r.err, "budget")) << describe(r);
    EXPECT_EQ(r.out, "looping\n") << "stopped before the first check points were spent";
  }
  // About 50000 check points fit in a budget of 60000.
  RunResult r = runInData({"run", "--check-point-budget", "60000", "counted_loop.py"});
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "start\n50000\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliCheckPoints, EveryGivesTheSameOutputAsTheDefault) {
  RunResult byDefault = runInData({"run", "mixed.py"});
  RunResult branches = runInData({"run", "--check-points", "branches", "mixed.py"});
  RunResult every = runInData({"run", "--check-points", "every", "mixed.py"});
  ASSERT_EQ(byDefault.status, 0) << describe(byDefault);
  EXPECT_TRUE(contains(byDefault.out, "fact 15511210043330985984000000\n")) << describe(byDefault);
  EXPECT_EQ(branches.status, 0) << describe(branches);
  EXPECT_EQ(every.status, 0) << describe(every);
  EXPECT_EQ(branches.out, byDefault.out);
  EXPECT_EQ(every.out, byDefault.out);
  EXPECT_EQ(every.err, byDefault.err);
}

TEST(CliInterrupt, CtrlCRaisesKeyboardInterrupt) {
  for (const char* mode : {"branches", "every"}) {
    SCOPED_TRACE(mode);
    RunResult r =
        runInData({"run", "--check-points", mode, "interrupt.py"}, interruptAfter("ready"));
    ASSERT_TRUE(r.interruptSent) << describe(r);
    EXPECT_EQ(r.status, 1) << describe(r);
    EXPECT_EQ(r.out, "ready\n");
    std::vector<std::string> l = lines(r.err);
    ASSERT_FALSE(l.empty()) << describe(r);
    EXPECT_EQ(l.front(), "Traceback (most recent call last):") << describe(r);
    EXPECT_EQ(l.back(), "KeyboardInterrupt") << describe(r);
  }
}

TEST(CliInterrupt, CtrlCCanBeCaught) {
  RunResult r = runInData({"run", "interrupt_caught.py"}, interruptAfter("ready"));
  ASSERT_TRUE(r.interruptSent) << describe(r);
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "ready\ncaught\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliInterrupt, CtrlCInterruptsSleep) {
  RunResult r = runInData({"run", "interrupt_sleep.py"}, interruptAfter("ready"));
  ASSERT_TRUE(r.interruptSent) << describe(r);
  EXPECT_LT(r.elapsed.count(), 5.0) << "Ctrl-C did not cut the sleep short";
  EXPECT_EQ(r.status, 1) << describe(r);
  std::vector<std::string> l = lines(r.err);
  ASSERT_FALSE(l.empty()) << describe(r);
  EXPECT_EQ(l.back(), "KeyboardInterrupt") << describe(r);
}

// ---------------------------------------------------------------------------------------------
// gilsim dis.

struct Instruction {
  int line = 0;  // 0: same line as the previous instruction
  bool jumpTarget = false;
  bool checkPoint = false;
  int offset = 0;
  std::string name;
  std::string rest;
};

struct CodeListing {
  std::string header;  // the `Disassembly of ...` line
  std::vector<Instruction> instructions;

  const Instruction* at(int offset) const {
    for (const Instruction& i : instructions)
      if (i.offset == offset) return &i;
    return nullptr;
  }
  const Instruction* first(const std::string& name) const {
    for (const Instruction& i : instructions)
      if (i.name == name) return &i;
    return nullptr;
  }
};

// Splits `gilsim dis` output into one listing per code object.
std::vector<CodeListing> parseDis(const std::string& text) {
  static const std::regex instruction(
      R"(^\s*(?:(\d+)\s+)?(?:(>>)\s+)?(?:(\*)\s+)?(\d+)\s+([A-Z][A-Z0-9_]*)\b(.*)$)");
  std::vector<CodeListing> out;
  for (const std::string& l : lines(text)) {
    if (startsWith(l, "Disassembly of ")) {
      out.push_back({l, {}});
      continue;
    }
    std::smatch m;
    if (out.empty() || !std::regex_match(l, m, instruction)) continue;
    Instruction i;
    i.line = m[1].matched ? std::stoi(m[1]) : 0;
    i.jumpTarget = m[2].matched;
    i.checkPoint = m[3].matched;
    i.offset = std::stoi(m[4]);
    i.name = m[5];
    i.rest = m[6];
    out.back().instructions.push_back(i);
  }
  return out;
}

const CodeListing* findListing(const std::vector<CodeListing>& listings, const std::string& name) {
  for (const CodeListing& c : listings)
    if (startsWith(c.header, "Disassembly of " + name + " ")) return &c;
  return nullptr;
}

TEST(CliDis, Listing) {
  RunResult r = runInData({"dis", "dis_sample.py"});
  ASSERT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(contains(r.out, "Disassembly of <module>")) << r.out;
  EXPECT_FALSE(contains(r.out, "\n45\n")) << "dis must not run the script";
  std::vector<CodeListing> listings = parseDis(r.out);

  const CodeListing* module = findListing(listings, "<module>");
  ASSERT_NE(module, nullptr) << r.out;
  EXPECT_TRUE(contains(module->header, "dis_sample.py")) << module->header;
  EXPECT_NE(module->first("LOAD_CONST"), nullptr) << r.out;
  EXPECT_NE(module->first("RETURN_VALUE"), nullptr) << r.out;
  EXPECT_TRUE(contains(r.out, "<code object add, line 1>")) << r.out;

  // Every function, nested ones included, has its own listing that starts with a check point.
  for (const char* name : {"add", "count", "outer", "outer.<locals>.inner"}) {
    SCOPED_TRACE(name);
    const CodeListing* f = findListing(listings, name);
    ASSERT_NE(f, nullptr) << r.out;
    ASSERT_FALSE(f->instructions.empty()) << r.out;
    EXPECT_EQ(f->instructions.front().name, "RESUME") << r.out;
    EXPECT_TRUE(f->instructions.front().checkPoint) << "RESUME without '*':\n" << r.out;
    EXPECT_NE(f->first("RETURN_VALUE"), nullptr) << r.out;
  }

  // add: `return a + b` on line 2, no jumps, no check point after RESUME.
  const CodeListing* add = findListing(listings, "add");
  ASSERT_NE(add, nullptr);
  const Instruction* ret = add->first("RETURN_VALUE");
  ASSERT_NE(ret, nullptr);
  EXPECT_FALSE(ret->checkPoint);
  EXPECT_FALSE(ret->jumpTarget);
  const Instruction* load = add->first("LOAD_FAST");
  ASSERT_NE(load, nullptr);
  EXPECT_EQ(load->line, 2);
  EXPECT_TRUE(contains(load->rest, "(a)")) << load->rest;

  // count: the loop's backward jump is a check point and its target is marked `>>`.
  const CodeListing* count = findListing(listings, "count");
  ASSERT_NE(count, nullptr);
  const Instruction* back = count->first("JUMP_BACKWARD");
  ASSERT_NE(back, nullptr) << r.out;
  EXPECT_TRUE(back->checkPoint) << "JUMP_BACKWARD without '*':\n" << r.out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(back->rest, m, std::regex(R"(to (\d+))"))) << back->rest;
  int target = std::stoi(m[1]);
  EXPECT_LT(target, back->offset);
  const Instruction* head = count->at(target);
  ASSERT_NE(head, nullptr) << r.out;
  EXPECT_TRUE(head->jumpTarget) << "loop head without '>>':\n" << r.out;
  EXPECT_EQ(head->line, 8) << "the loop head is the `while` line";
  // Only jump targets carry `>>`: the straight-line function has none.
  for (const Instruction& i : add->instructions)
    EXPECT_FALSE(i.jumpTarget) << i.name;
}

TEST(CliDis, SyntaxError) {
  RunResult r = runInData({"dis", "syntax_error.py"});
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_EQ(r.out, "");
  std::vector<std::string> l = lines(r.err);
  ASSERT_FALSE(l.empty()) << describe(r);
  EXPECT_TRUE(startsWith(l[0], "syntax_error.py:2:5: SyntaxError:")) << describe(r);
}

TEST(CliDis, MissingFile) {
  TempDir dir;
  std::string missing = dir.path() + "/no_such_script.py";
  RunResult r = runGilsim({"dis", missing});
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "can't open file")) << describe(r);
  EXPECT_TRUE(contains(r.err, missing)) << describe(r);
  EXPECT_EQ(r.out, "");
}

TEST(CliDis, Directory) {
  TempDir dir;
  RunResult r = runGilsim({"dis", dir.path()});
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "Is a directory")) << describe(r);
  EXPECT_EQ(r.out, "");
}

TEST(CliDis, NotUtf8ReportsTheLineOfTheBadByte) {
  TempDir dir;
  dir.write("late.py", "x = 1\ny = 2\nz = \"\xff\"\n");
  RunResult r = runGilsim({"dis", "late.py"}, inDir(dir.path()));
  EXPECT_EQ(r.status, 1) << describe(r);
  std::vector<std::string> l = lines(r.err);
  ASSERT_FALSE(l.empty()) << describe(r);
  EXPECT_TRUE(startsWith(l[0], "late.py:3:")) << describe(r);
  EXPECT_TRUE(contains(l[0], "SyntaxError")) << describe(r);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Threads and the GIL. tests/CMakeLists.txt gives the suites named CliThreads* the `threads`
// label as well. Scripts are written into a fresh folder per test, so that the file names in
// reports are the short ones. No expectation here depends on how long anything took.

#include "gil/policy_table.h"  // the policy names: --gil's help and the per-policy runs

namespace {

// Runs `gilsim run [options...] name [scriptArgs...]` on `source` written as `name` into a fresh
// folder.
RunResult runScript(const std::string& name, const std::string& source,
                    const std::vector<std::string>& options = {}, RunOptions runOptions = {},
                    const std::vector<std::string>& scriptArgs = {}) {
  TempDir dir;
  dir.write(name, source);
  std::vector<std::string> args = {"run"};
  args.insert(args.end(), options.begin(), options.end());
  args.push_back(name);
  args.insert(args.end(), scriptArgs.begin(), scriptArgs.end());
  runOptions.workingDir = dir.path();
  return runGilsim(args, runOptions);
}

std::vector<std::string> policyNames() {
  std::vector<std::string> names;
  for (const gilsim::GilPolicyInfo& info : gilsim::gilPolicies())
    names.emplace_back(info.name);
  return names;
}

std::string policyTestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

// The lines of a deadlock report that locate one blocked thread: its header, then the frame of
// the script's own call that blocked, with its source line.
void expectBlockedThread(const std::string& err, const std::string& thread, const std::string& file,
                         int line, const std::string& function, const std::string& source) {
  EXPECT_TRUE(std::regex_search(err, std::regex("\nThread " + thread + " \\(")))
      << "no report of thread '" << thread << "':\n"
      << err;
  std::string frame = "  File \"" + file + "\", line " + std::to_string(line) + ", in " + function +
                      "\n    " + source + "\n";
  EXPECT_TRUE(contains(err, frame)) << "missing frame:\n" << frame << "in:\n" << err;
}

// --- Deadlock detection: every thread parked forever ends the run with status 3 ---------------

TEST(CliThreadsDeadlock, JoinAThreadWaitingForALockTheJoinerHolds) {
  RunResult r = runScript("deadlock.py",
                          "import threading\n"
                          "\n"
                          "lock = threading.Lock()\n"
                          "\n"
                          "\n"
                          "def worker():\n"
                          "    lock.acquire()\n"
                          "\n"
                          "\n"
                          "lock.acquire()\n"
                          "t = threading.Thread(target=worker)\n"
                          "t.start()\n"
                          "print('joining', flush=True)\n"
                          "t.join()\n"
                          "print('not reached')\n");
  EXPECT_EQ(r.status, 3) << describe(r);
  EXPECT_EQ(r.out, "joining\n");
  EXPECT_TRUE(startsWith(r.err, "gilsim: deadlock: all 2 threads are blocked forever"))
      << describe(r);
  EXPECT_TRUE(contains(r.err, "deadlock")) << describe(r);
  expectBlockedThread(r.err, "MainThread", "deadlock.py", 14, "<module>", "t.join()");
  expectBlockedThread(r.err, "Thread-1 \\(worker\\)", "deadlock.py", 7, "worker", "lock.acquire()");
  EXPECT_TRUE(contains(r.err, "(main thread, blocked in ")) << describe(r);
  // The main thread's report comes first, each thread's frames oldest first.
  EXPECT_LT(r.err.find("Thread MainThread"), r.err.find("Thread Thread-1 (worker)"));
  EXPECT_LT(r.err.find("_bootstrap"), r.err.find("in worker")) << describe(r);
}

TEST(CliThreadsDeadlock, LockAcquiredTwiceByOneThread) {
  RunResult r = runScript("twice.py",
                          "import threading\n"
                          "lock = threading.Lock()\n"
                          "lock.acquire()\n"
                          "print('again', flush=True)\n"
                          "lock.acquire()\n");
  EXPECT_EQ(r.status, 3) << describe(r);
  EXPECT_EQ(r.out, "again\n");
  EXPECT_TRUE(startsWith(r.err, "gilsim: deadlock: all 1 thread is blocked forever"))
      << describe(r);
  expectBlockedThread(r.err, "MainThread", "twice.py", 5, "<module>", "lock.acquire()");
}

TEST(CliThreadsDeadlock, EveryThreadWaitsOnAnEventNeverSet) {
  RunResult r = runScript("event.py",
                          "import threading\n"
                          "\n"
                          "never = threading.Event()\n"
                          "\n"
                          "\n"
                          "def waiter():\n"
                          "    never.wait()\n"
                          "\n"
                          "\n"
                          "threads = [threading.Thread(target=waiter, name='waiter-%d' % i)\n"
                          "           for i in range(2)]\n"
                          "for t in threads:\n"
                          "    t.start()\n"
                          "print('waiting', flush=True)\n"
                          "never.wait()\n");
  EXPECT_EQ(r.status, 3) << describe(r);
  EXPECT_EQ(r.out, "waiting\n");
  EXPECT_TRUE(startsWith(r.err, "gilsim: deadlock: all 3 threads are blocked forever"))
      << describe(r);
  expectBlockedThread(r.err, "MainThread", "event.py", 15, "<module>", "never.wait()");
  expectBlockedThread(r.err, "waiter-0", "event.py", 7, "waiter", "never.wait()");
  expectBlockedThread(r.err, "waiter-1", "event.py", 7, "waiter", "never.wait()");
}

TEST(CliThreadsDeadlock, QueueGetWithNobodyToPut) {
  RunResult r = runScript("queue_get.py",
                          "import queue\n"
                          "q = queue.Queue()\n"
                          "q.put(1)\n"
                          "print(q.get(), flush=True)\n"
                          "print(q.get())\n");
  EXPECT_EQ(r.status, 3) << describe(r);
  EXPECT_EQ(r.out, "1\n");
  expectBlockedThread(r.err, "MainThread", "queue_get.py", 5, "<module>", "print(q.get())");
}

TEST(CliThreadsDeadlock, TheLastRunningThreadEnds) {
  // The main thread parks first; the deadlock exists only once the other thread has ended.
  RunResult r = runScript("last_ends.py",
                          "import threading\n"
                          "ev = threading.Event()\n"
                          "go = threading.Event()\n"
                          "t = threading.Thread(target=go.wait)\n"
                          "t.start()\n"
                          "go.set()\n"
                          "print('waiting', flush=True)\n"
                          "ev.wait()\n");
  EXPECT_EQ(r.status, 3) << describe(r);
  EXPECT_EQ(r.out, "waiting\n");
  EXPECT_TRUE(startsWith(r.err, "gilsim: deadlock: all 1 thread is blocked forever"))
      << describe(r);
  expectBlockedThread(r.err, "MainThread", "last_ends.py", 8, "<module>", "ev.wait()");
}

TEST(CliThreadsDeadlock, TimedWaitsAreNotReported) {
  // Each wait here has a timeout (or waits for a thread that is sleeping): nobody is blocked
  // forever, and the program ends normally.
  RunResult r = runScript("timed.py",
                          "import queue\n"
                          "import threading\n"
                          "import time\n"
                          "\n"
                          "never = threading.Event()\n"
                          "result = []\n"
                          "\n"
                          "\n"
                          "def waiter():\n"
                          "    result.append(never.wait(0.2))\n"
                          "\n"
                          "\n"
                          "t = threading.Thread(target=waiter)\n"
                          "t.start()\n"
                          "t.join()\n"
                          "lock = threading.Lock()\n"
                          "lock.acquire()\n"
                          "result.append(lock.acquire(timeout=0.05))\n"
                          "try:\n"
                          "    queue.Queue().get(timeout=0.05)\n"
                          "except queue.Empty:\n"
                          "    result.append('empty')\n"
                          "t = threading.Thread(target=time.sleep, args=(0.2,))\n"
                          "t.start()\n"
                          "t.join()\n"
                          "print(result)\n");
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "[False, False, 'empty']\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliThreadsDeadlock, ThreadsBlockedForeverWhileMainRunsAreNotReported) {
  // Two threads wait forever, but the main thread still runs (and then ends): no deadlock.
  RunResult r = runScript("main_runs.py",
                          "import threading\n"
                          "never = threading.Event()\n"
                          "for _ in range(2):\n"
                          "    threading.Thread(target=never.wait, daemon=True).start()\n"
                          "total = 0\n"
                          "for i in range(200000):\n"
                          "    total += i\n"
                          "print(total)\n");
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "19999900000\n");
  EXPECT_EQ(r.err, "");
}

// --- Options: --gil, --switch-interval, --check-interval -------------------------------------

TEST(CliThreadsOptions, UnknownGilPolicy) {
  RunResult r = runScript("hello.py", "print('ran')\n", {"--gil", "nosuch"});
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "unknown GIL policy 'nosuch'")) << describe(r);
  EXPECT_TRUE(contains(r.err, "gilsim run --help")) << describe(r);
  EXPECT_EQ(r.out, "") << "the script must not run";
}

TEST(CliThreadsOptions, BadSwitchIntervals) {
  for (const char* bad : {"0", "abc", "-1ms", "0ns", "-0.5", "", "5 ms", "5h", "ms"}) {
    SCOPED_TRACE(bad);
    RunResult r = runScript("hello.py", "print('ran')\n", {"--switch-interval", bad});
    EXPECT_EQ(r.status, 2) << describe(r);
    EXPECT_TRUE(contains(r.err, "--switch-interval")) << describe(r);
    EXPECT_TRUE(contains(r.err, "Try 'gilsim run --help'")) << describe(r);
    EXPECT_EQ(r.out, "") << "the script must not run";
  }
  RunResult missing = runGilsim({"run", "--switch-interval"});
  EXPECT_EQ(missing.status, 2) << describe(missing);
}

TEST(CliThreadsOptions, SwitchIntervalUnits) {
  const std::string script = "import sys\nprint(sys.getswitchinterval())\n";
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--switch-interval", "500us"}, "0.0005\n"},
      {{"--switch-interval=500us"}, "0.0005\n"},
      {{"--switch-interval", "5ms"}, "0.005\n"},
      {{"--switch-interval", "0.001"}, "0.001\n"},
      {{"--switch-interval", "0.25s"}, "0.25\n"},
      {{"--switch-interval", "1us"}, "1e-06\n"},
      // Kept in whole microseconds, at least one, as sys.setswitchinterval keeps it.
      {{"--switch-interval", "500ns"}, "1e-06\n"},
      {{"--switch-interval", "0.0000001"}, "1e-06\n"},
      {{"--switch-interval", "2.7us"}, "2e-06\n"},
      {{"--switch-interval", "2"}, "2.0\n"},
      {{"--switch-interval", "1.5m"}, "90.0\n"},
      {{"--gil", "ruby", "--switch-interval", "10ms"}, "0.01\n"},
  };
  for (const auto& [options, expected] : cases) {
    SCOPED_TRACE(options.back());
    RunResult r = runScript("interval.py", script, options);
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(r.out, expected);
    EXPECT_EQ(r.err, "");
  }
}

TEST(CliThreadsOptions, EachPolicyStartsWithItsDefaultSwitchInterval) {
  for (const gilsim::GilPolicyInfo& info : gilsim::gilPolicies()) {
    SCOPED_TRACE(std::string(info.name));
    RunResult r = runScript("interval.py",
                            "import sys\nimport gilsim\n"
                            "print(gilsim.policy())\nprint(sys.getswitchinterval())\n",
                            {"--gil", std::string(info.name)});
    EXPECT_EQ(r.status, 0) << describe(r);
    std::vector<std::string> l = lines(r.out);
    ASSERT_EQ(l.size(), 2u) << describe(r);
    EXPECT_EQ(l[0], info.name);
    EXPECT_DOUBLE_EQ(std::stod(l[1]), static_cast<double>(info.defaults.switchInterval) / 1e9);
  }
}

TEST(CliThreadsOptions, CheckInterval) {
  const std::string script = "import sys\nprint(sys.getcheckinterval())\n";
  RunResult r = runScript("check.py", script, {"--gil", "cpython-old", "--check-interval", "10"});
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "10\n");
  EXPECT_EQ(r.err, "");
  RunResult byDefault = runScript("check.py", script, {"--gil", "cpython-old"});
  EXPECT_EQ(byDefault.status, 0) << describe(byDefault);
  EXPECT_EQ(byDefault.out, "100\n");
  for (const char* bad : {"0", "-3", "abc"}) {
    SCOPED_TRACE(bad);
    RunResult b = runScript("check.py", script, {"--check-interval", bad});
    EXPECT_EQ(b.status, 2) << describe(b);
    EXPECT_TRUE(contains(b.err, "--check-interval")) << describe(b);
    EXPECT_EQ(b.out, "");
  }
}

TEST(CliThreadsOptions, RunHelpListsEveryPolicy) {
  RunResult r = runGilsim({"run", "--help"});
  EXPECT_EQ(r.status, 0) << describe(r);
  for (const char* option : {"--gil", "--switch-interval", "--check-interval"})
    EXPECT_TRUE(contains(r.out, option)) << option << "\n" << describe(r);
  ASSERT_FALSE(gilsim::gilPolicies().empty());
  for (const gilsim::GilPolicyInfo& info : gilsim::gilPolicies()) {
    EXPECT_TRUE(std::regex_search(r.out, std::regex("\n\\s+" + std::string(info.name) + ": ")))
        << "policy '" << info.name << "' not listed:\n"
        << r.out;
  }
}

// The README's policy table is written by hand; this keeps it in step with the table in gil/.
TEST(CliDocs, ReadmeTablesEveryPolicyWithItsDescription) {
  std::ifstream in(GILSIM_README);
  ASSERT_TRUE(in) << GILSIM_README;
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  for (const gilsim::GilPolicyInfo& info : gilsim::gilPolicies()) {
    const std::string row = "| `" + std::string(info.name) + "` | " + std::string(info.description);
    EXPECT_TRUE(contains(readme, row)) << "README.md lacks the row starting: " << row;
  }
}

TEST(CliThreadsOptions, GilsimModuleListsThePolicies) {
  RunResult r =
      runScript("policies.py", "import gilsim\nfor p in gilsim.policies():\n  print(p)\n");
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(lines(r.out), policyNames());
}

// --- Ctrl-C and the end of the program -------------------------------------------------------

// The main thread blocks in `how` while a non-daemon worker loops forever; Ctrl-C ends the run
// with a KeyboardInterrupt traceback from the blocked call, without waiting for the worker.
class CliThreadsInterrupt : public ::testing::TestWithParam<const char*> {};

TEST_P(CliThreadsInterrupt, CtrlCWhileTheMainThreadWaits) {
  const std::string how = GetParam();
  RunResult r = runScript("interrupt_join.py",
                          "import queue\n"
                          "import sys\n"
                          "import threading\n"
                          "\n"
                          "lock = threading.Lock()\n"
                          "held = threading.Event()\n"
                          "\n"
                          "\n"
                          "def spin():\n"
                          "    lock.acquire()\n"
                          "    held.set()\n"
                          "    n = 0\n"
                          "    while True:\n"
                          "        n += 1\n"
                          "\n"
                          "\n"
                          "t = threading.Thread(target=spin)\n"
                          "t.start()\n"
                          "held.wait()\n"
                          "how = sys.argv[1]\n"
                          "print('blocking', flush=True)\n"
                          "if how == 'join':\n"
                          "    t.join()\n"
                          "elif how == 'lock':\n"
                          "    lock.acquire()\n"
                          "elif how == 'event':\n"
                          "    threading.Event().wait()\n"
                          "elif how == 'queue':\n"
                          "    queue.Queue().get()\n"
                          "print('not reached')\n",
                          {}, interruptAfter("blocking"), {how});
  ASSERT_TRUE(r.interruptSent) << describe(r);
  EXPECT_FALSE(r.timedOut) << "Ctrl-C did not end the run";
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_EQ(r.out, "blocking\n");
  std::vector<std::string> l = lines(r.err);
  ASSERT_FALSE(l.empty()) << describe(r);
  EXPECT_EQ(l.front(), "Traceback (most recent call last):") << describe(r);
  EXPECT_EQ(l.back(), "KeyboardInterrupt") << describe(r);
  EXPECT_TRUE(contains(r.err, "File \"interrupt_join.py\", line ")) << describe(r);
  EXPECT_FALSE(contains(r.err, "deadlock")) << describe(r);
}

INSTANTIATE_TEST_SUITE_P(Waits, CliThreadsInterrupt,
                         ::testing::Values("join", "lock", "event", "queue"));

TEST(CliThreadsInterruptCaught, CtrlCWhileJoiningCanBeHandled) {
  TempDir dir;
  dir.write("caught.py",
            "import threading\n"
            "\n"
            "stop = False\n"
            "\n"
            "\n"
            "def spin():\n"
            "    while not stop:\n"
            "        pass\n"
            "\n"
            "\n"
            "t = threading.Thread(target=spin)\n"
            "t.start()\n"
            "try:\n"
            "    # Inside the try: the interrupt may land as soon as the line is out.\n"
            "    print('joining', flush=True)\n"
            "    t.join()\n"
            "except KeyboardInterrupt:\n"
            "    print('interrupted')\n"
            "    stop = True\n"
            "    t.join()\n"
            "print('worker stopped', t.is_alive())\n");
  RunOptions options = interruptAfter("joining");
  options.workingDir = dir.path();
  RunResult r = runGilsim({"run", "caught.py"}, options);
  ASSERT_TRUE(r.interruptSent) << describe(r);
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "joining\ninterrupted\nworker stopped False\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliThreadsExit, DaemonThreadsDoNotPreventExit) {
  RunResult r = runScript("daemons.py",
                          "import threading\n"
                          "import time\n"
                          "\n"
                          "\n"
                          "def spin():\n"
                          "    while True:\n"
                          "        pass\n"
                          "\n"
                          "\n"
                          "started = threading.Barrier(4)\n"
                          "for target in [spin, lambda: time.sleep(600), threading.Event().wait]:\n"
                          "    def run(target=target):\n"
                          "        started.wait()\n"
                          "        target()\n"
                          "    threading.Thread(target=run, daemon=True).start()\n"
                          "started.wait()\n"
                          "print('bye')\n");
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "bye\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliThreadsExit, NonDaemonThreadsAreWaitedFor) {
  RunResult r = runScript("non_daemon.py",
                          "import sys\n"
                          "import threading\n"
                          "\n"
                          "go = threading.Event()\n"
                          "\n"
                          "\n"
                          "def worker(n):\n"
                          "    go.wait()\n"
                          "    print('worker', n, 'done', flush=True)\n"
                          "\n"
                          "\n"
                          "t = threading.Thread(target=worker, args=(1,))\n"
                          "t.start()\n"
                          "print('main done', flush=True)\n"
                          "go.set()\n"
                          "sys.exit(4)\n");
  EXPECT_EQ(r.status, 4) << describe(r);
  EXPECT_EQ(r.out, "main done\nworker 1 done\n");
  EXPECT_EQ(r.err, "");
}

// --- Every policy runs threaded programs to the same result ----------------------------------

class CliThreadsPolicy : public ::testing::TestWithParam<std::string> {};

TEST_P(CliThreadsPolicy, CpuThreadsAndAQueue) {
  const std::string script =
      "import queue\n"
      "import threading\n"
      "\n"
      "import gilsim\n"
      "\n"
      "q = queue.Queue()\n"
      "\n"
      "\n"
      "def cpu(k):\n"
      "    x = k\n"
      "    for i in range(30000):\n"
      "        x = (x * 31 + i) % 1000003\n"
      "    q.put((k, x))\n"
      "\n"
      "\n"
      "counter = 0\n"
      "\n"
      "\n"
      "def bump():\n"
      "    global counter\n"
      "    for _ in range(20000):\n"
      "        counter += 1\n"
      "\n"
      "\n"
      "threads = [threading.Thread(target=cpu, args=(k,)) for k in (1, 2)]\n"
      "threads += [threading.Thread(target=bump) for _ in range(2)]\n"
      "for t in threads:\n"
      "    t.start()\n"
      "for t in threads:\n"
      "    t.join()\n"
      "print(sorted(q.get() for _ in range(2)), q.empty())\n"
      "print('counter', counter)\n"
      "print(gilsim.policy(), gilsim.counters()['acquisitions'] >= 5)\n";
  const std::string expected =
      "[(1, 479401), (2, 303329)] True\ncounter 40000\n" + GetParam() + " True\n";
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{},
        {"--switch-interval", "50us"},
        {"--switch-interval", "50us", "--check-interval", "3"}}) {
    std::vector<std::string> options = {"--gil", GetParam()};
    options.insert(options.end(), extra.begin(), extra.end());
    SCOPED_TRACE(extra.empty() ? "defaults" : extra.back());
    RunResult r = runScript("policy.py", script, options);
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(r.out, expected);
    EXPECT_EQ(r.err, "");
  }
}

INSTANTIATE_TEST_SUITE_P(Policies, CliThreadsPolicy, ::testing::ValuesIn(policyNames()),
                         policyTestName);

// --- The example C extension -----------------------------------------------------------------

#ifdef GILSIM_EXTENSION_DIR
TEST(CliThreadsExtension, UsePrimes) {
  RunResult r = runGilsim({"run", "use_primes.py"}, inDir(GILSIM_EXTENSION_DIR));
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out,
            "primes: an example gilsim extension\n"
            "25 25\n"
            "releasing: [17984, 17984]\n"
            "holding: [17984, 17984]\n"
            "ValueError: limit must not be negative\n"
            "TypeError: argument 1 must be an int that fits in 64 bits\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliThreadsExtension, ReleasingTheGilIsABlockingDrop) {
  TempDir dir;
  std::error_code ec;
  fs::copy_file(fs::path(GILSIM_EXTENSION_DIR) / "primes.so", fs::path(dir.path()) / "primes.so",
                ec);
  ASSERT_FALSE(ec) << ec.message();
  dir.write(
      "drops.py",
      "import threading\n"
      "\n"
      "import gilsim\n"
      "import primes\n"
      "\n"
      "\n"
      "def drops():\n"
      "    return gilsim.thread_counters()['blocking_drops']\n"
      "\n"
      "\n"
      "before = drops()\n"
      "print(primes.count_primes(1000), drops() - before)\n"
      "before = drops()\n"
      "print(primes.count_primes_holding(1000), drops() - before)\n"
      "for call in [lambda: primes.count_primes(limit=5), lambda: primes.count_primes(1, 2)]:\n"
      "    try:\n"
      "        call()\n"
      "    except TypeError as e:\n"
      "        print('TypeError:', e)\n"
      "results = []\n"
      "ts = [threading.Thread(target=lambda: results.append(primes.count_primes(50000)))\n"
      "      for _ in range(3)]\n"
      "for t in ts:\n"
      "    t.start()\n"
      "for t in ts:\n"
      "    t.join()\n"
      "print(results)\n");
  for (const std::string& policy : policyNames()) {
    SCOPED_TRACE(policy);
    RunResult r = runGilsim({"run", "--gil", policy, "drops.py"}, inDir(dir.path()));
    EXPECT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(r.out,
              "168 1\n"
              "168 0\n"
              "TypeError: count_primes() takes no keyword arguments\n"
              "TypeError: count_primes() takes exactly one argument\n"
              "[5133, 5133, 5133]\n");
    EXPECT_EQ(r.err, "");
  }
}
#endif

// ---------------------------------------------------------------------------------------------
// Processes (multiprocessing). Every wait in these scripts has a timeout, so a broken feature
// fails the test rather than hanging it.

// Whether process `pid` is gone (not running, not a zombie of ours): polls a bounded number of
// times, since a terminated process may take a moment to be reaped.
bool processGone(int pid) {
  for (int i = 0; i < 500; ++i) {
    if (::kill(pid, 0) != 0 && errno == ESRCH) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

std::vector<int> pidsAfter(const std::string& out, const std::string& prefix) {
  std::vector<int> pids;
  for (const std::string& line : lines(out)) {
    if (!startsWith(line, prefix)) continue;
    std::istringstream in(line.substr(prefix.size()));
    int pid;
    while (in >> pid)
      pids.push_back(pid);
  }
  return pids;
}

TEST(CliProcessExit, ChildExceptionsAndSysExitGiveCPythonsExitCodes) {
  RunResult r = runScript("codes.py", R"PY(import multiprocessing
import sys


def broken():
    raise ValueError("child failed")


def leave(code):
    sys.exit(code)


if __name__ == "__main__":
    for target, args in [(broken, ()), (leave, (3,)), (leave, ("message",))]:
        p = multiprocessing.Process(target=target, args=args)
        p.start()
        p.join(timeout=20)
        print(p.exitcode)
)PY");
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "1\n3\n1\n");
  EXPECT_TRUE(contains(r.err, "Process Process-1:\nTraceback (most recent call last):\n")) << r.err;
  EXPECT_TRUE(contains(r.err, "ValueError: child failed\n")) << r.err;
  EXPECT_TRUE(contains(r.err, "message\n")) << r.err;
  EXPECT_FALSE(contains(r.err, "Process Process-2:")) << r.err;
}

TEST(CliProcessSignals, ChildKilledBySigkillGivesMinusNineAndTheParentGoesOn) {
  RunResult r = runScript("killed.py", R"PY(import multiprocessing
import os
import signal


def die():
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    p = multiprocessing.Process(target=die)
    p.start()
    p.join(timeout=20)
    print("exitcode", p.exitcode)
    print("parent goes on")
)PY");
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "exitcode -9\nparent goes on\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliProcessInterrupt, CtrlCTerminatesChildrenAndReapsThem) {
  TempDir dir;
  dir.write("interrupted.py", R"PY(import multiprocessing
import time


def wait_forever(q):
    q.put(multiprocessing.current_process().pid)
    while True:
        time.sleep(0.01)


if __name__ == "__main__":
    q = multiprocessing.Queue()
    children = [multiprocessing.Process(target=wait_forever, args=(q,)) for i in range(2)]
    children.append(multiprocessing.Process(target=wait_forever, args=(q,), daemon=True))
    for p in children:
        p.start()
    pids = [q.get(timeout=20) for p in children]
    print("pids", *pids)
    print("started", flush=True)
    for p in children:
        p.join(timeout=20)
    print("not interrupted")
)PY");
  RunOptions options = interruptAfter("started");
  options.workingDir = dir.path();
  RunResult r = runGilsim({"run", "interrupted.py"}, options);
  ASSERT_TRUE(r.interruptSent) << describe(r);
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_TRUE(contains(r.err, "KeyboardInterrupt")) << r.err;
  EXPECT_FALSE(contains(r.out, "not interrupted")) << r.out;
  std::vector<int> pids = pidsAfter(r.out, "pids ");
  ASSERT_EQ(pids.size(), 3u) << r.out;
  for (int pid : pids)
    EXPECT_TRUE(processGone(pid)) << "child " << pid << " outlived the interrupted parent";
}

TEST(CliProcessExit, ParentWaitsForNonDaemonChildrenAndTerminatesDaemons) {
  TempDir dir;
  RunResult r = runScript("at_exit.py", R"PY(import multiprocessing
import time


def slow(event):
    event.wait(20)
    print("non-daemon child done", flush=True)


def forever():
    while True:
        time.sleep(0.01)


if __name__ == "__main__":
    event = multiprocessing.Event()
    multiprocessing.Process(target=slow, args=(event,)).start()
    daemon = multiprocessing.Process(target=forever, daemon=True)
    daemon.start()
    print("daemon", daemon.pid, flush=True)
    event.set()
    print("main done", flush=True)
)PY");
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_TRUE(contains(r.out, "main done\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "non-daemon child done\n")) << r.out;
  std::vector<int> pids = pidsAfter(r.out, "daemon ");
  ASSERT_EQ(pids.size(), 1u) << r.out;
  EXPECT_TRUE(processGone(pids[0])) << "the daemonic child outlived the parent";
}

TEST(CliProcessQueue, GetFromAQueueWhoseWriterDiedHonoursItsTimeout) {
  RunResult r = runScript("dead_writer.py", R"PY(import multiprocessing
import os
import queue
import signal


def write_then_die(q):
    q.put("last words")
    q.close()
    q.join_thread()
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=write_then_die, args=(q,))
    p.start()
    print(q.get(timeout=20))
    p.join(timeout=20)
    print("writer exit code", p.exitcode)
    try:
        q.get(timeout=0.2)
    except queue.Empty:
        print("Empty")
)PY");
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "last words\nwriter exit code -9\nEmpty\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliProcessSpawn, MissingMainGuardRerunsTheTopLevelAndTheChildFails) {
  RunResult r = runScript("unguarded.py", R"PY(import multiprocessing


def work():
    print("work ran")


print("top level", __name__, flush=True)
multiprocessing.set_start_method("spawn")
p = multiprocessing.Process(target=work)
p.start()
p.join(timeout=20)
print("exitcode", p.exitcode)
)PY");
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "top level __main__\ntop level __mp_main__\nexitcode 1\n");
  EXPECT_TRUE(contains(r.err,
                       "RuntimeError: \n        An attempt has been made to start a new "
                       "process before the\n        current process has finished its "
                       "bootstrapping phase."))
      << r.err;
}

TEST(CliProcessSpawn, TheSpawnOptionIsHiddenFromHelp) {
  RunResult r = runGilsim({"run", "--help"});
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_FALSE(contains(r.out, "mp-spawn")) << r.out;
  RunResult bad = runGilsim({"run", "--mp-spawn", "x", "script.py"});
  EXPECT_EQ(bad.status, 2) << describe(bad);
}

TEST(CliProcessFork, ChildHasItsOwnGilAndOnlyTheForkingThread) {
  RunResult r = runScript("fork_threads.py", R"PY(import _thread
import multiprocessing
import threading

stop = threading.Event()
held = threading.Lock()
held.acquire()


def spin():
    while not stop.is_set():
        pass


def blocked():
    held.acquire()


def child(q):
    # The spinning thread and the blocked one do not exist here; this thread has the GIL alone.
    q.put((_thread._count(), sum(range(200000))))


if __name__ == "__main__":
    threads = [threading.Thread(target=spin), threading.Thread(target=blocked)]
    for t in threads:
        t.start()
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    print(q.get(timeout=20))
    p.join(timeout=20)
    print("exitcode", p.exitcode)
    stop.set()
    held.release()
    for t in threads:
        t.join(timeout=20)
)PY");
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "(0, 19999900000)\nexitcode 0\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliProcessFork, ChildCountsOnlyItsOwnGil) {
  RunResult r = runScript("counters.py", R"PY(import gilsim
import multiprocessing
import threading


def spin(n):
    while n:
        n -= 1


def child(q):
    q.put(gilsim.counters())


if __name__ == "__main__":
    threads = [threading.Thread(target=spin, args=(100000,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("parent acquired more than once:", gilsim.counters()["acquisitions"] > 1)
    q = multiprocessing.SimpleQueue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    print(q.get())
    p.join(timeout=20)
)PY");
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out,
            "parent acquired more than once: True\n"
            "{'acquisitions': 1, 'switches': 0, 'drop_requests': 0, 'forced_drops': 0, "
            "'blocking_drops': 0}\n");
  EXPECT_EQ(r.err, "");
}

// ---------------------------------------------------------------------------------------------
// sys.stdin: a script reads what is piped in, by line, whole, and by iteration (the conformance
// runner gives every script /dev/null, so only EOF is checked there).

TEST(CliStdin, ReadsPipedInput) {
  TempDir dir;
  std::string script = dir.write("read_stdin.py", R"PY(import sys
first = sys.stdin.readline()
rest = [line.rstrip("\n") for line in sys.stdin]
print(repr(first), rest, repr(sys.stdin.read()))
)PY");
  RunOptions options;
  options.stdinText = "first line\nsecond\nthird é\n";
  RunResult r = runGilsim({"run", script}, options);
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "'first line\\n' ['second', 'third é'] ''\n");
}

}  // namespace
