// End-to-end tests of the gilsim command line: each test runs the real binary in a child process
// and checks its exit status, stdout and stderr.
#include <gtest/gtest.h>
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
#include <vector>

#include "support/process_runner.h"

#ifndef GILSIM_BINARY
#error "GILSIM_BINARY must name the gilsim executable"
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

// A fresh directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "gilsim_cli_XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp: " << std::strerror(errno);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::string file = path_ + "/" + name;
    std::ofstream out(file, std::ios::binary);
    out << bytes;
    return file;
  }

 private:
  std::string path_;
};

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
