// End-to-end tests of issue 15's process, I/O and limit classes: a closed pipe and a full disk end
// a run as they end CPython's (same status, same last words), the check-point budget stops native
// loops and threads, memory running out is a MemoryError or a usage error. (tests/hostile/ holds
// the wider suite.)
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "support/process_runner.h"
#include "support/temp_dir.h"

#ifndef GILSIM_BINARY
#error "GILSIM_BINARY must name the gilsim executable"
#endif

#if defined(__SANITIZE_ADDRESS__)
#define GILSIM_IO_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GILSIM_IO_TEST_ASAN 1
#endif
#endif

namespace {

namespace ts = gilsim::testsupport;

// Runs `shellLine` under bash with $PROGRAM (gilsim's `run` or python3) and $SCRIPT set; the
// status is the program's own, also behind a pipe. CPython runs with buffered stdout, as by
// default (an empty PYTHONUNBUFFERED is unset for it).
ts::ProcessResult runShell(const std::string& shellLine, const std::string& program,
                           const std::string& script) {
  std::optional<std::string> bash = ts::findOnPath("bash");
  EXPECT_TRUE(bash.has_value());
  ts::ProcessOptions options;
  options.extraEnvironment = {"PROGRAM=" + program, "SCRIPT=" + script,
                              "PYTHONUNBUFFERED=", "PYTHONDONTWRITEBYTECODE=1"};
  options.wallLimit = std::chrono::seconds(30);
  ts::ProcessResult r = ts::runProcess({bash.value_or("/bin/bash"), "-c", shellLine}, options);
  EXPECT_FALSE(r.timedOut) << ts::describe(r);
  return r;
}

std::string gilsimRun() {
  return std::string(GILSIM_BINARY) + " run";
}

std::string lastLine(const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.back() == '\n')
    t.pop_back();
  size_t nl = t.rfind('\n');
  return nl == std::string::npos ? t : t.substr(nl + 1);
}

constexpr const char* kIntoClosedPipe =
    "$PROGRAM \"$SCRIPT\" | head -c 1 >/dev/null; "
    "exit ${PIPESTATUS[0]}";
constexpr const char* kIntoFullDisk = "exec $PROGRAM \"$SCRIPT\" >/dev/full";

// The same script under gilsim and CPython: the same status and the same last stderr line.
void expectLikeCPython(const char* shellLine, const std::string& source,
                       const std::string& expectedLastLine, int expectedStatus) {
  ts::TempDir dir;
  std::string script = dir.write("script.py", source);
  ts::ProcessResult g = runShell(shellLine, gilsimRun(), script);
  EXPECT_EQ(g.status, expectedStatus) << ts::describe(g);
  EXPECT_EQ(lastLine(g.err), expectedLastLine) << ts::describe(g);
  std::optional<std::string> python = ts::findPython3();
  if (!python) return;
  ts::ProcessResult p = runShell(shellLine, *python, script);
  EXPECT_EQ(p.status, expectedStatus) << "CPython: " << ts::describe(p);
  EXPECT_EQ(lastLine(p.err), expectedLastLine) << "CPython: " << ts::describe(p);
}

TEST(CliClosedPipe, ManyPrintsRaiseBrokenPipeErrorLikeCPython) {
  expectLikeCPython(kIntoClosedPipe, "for i in range(200000):\n    print(i)\n",
                    "BrokenPipeError: [Errno 32] Broken pipe", 1);
}

TEST(CliClosedPipe, OsWriteRaisesInsteadOfSigpipe) {
  expectLikeCPython("exec $PROGRAM \"$SCRIPT\"",
                    "import os, sys\nr, w = os.pipe()\nos.close(r)\ntry:\n"
                    "    os.write(w, b'x')\nexcept BrokenPipeError as e:\n"
                    "    print('caught', e.errno, file=sys.stderr)\n",
                    "caught 32", 0);
}

TEST(CliFullDisk, ShortOutputFailsAtExitLikeCPython) {
  // Nothing fails until the flush at exit: CPython reports it as ignored and exits 120.
  ts::TempDir dir;
  std::string script = dir.write("script.py", "print('hello')\n");
  ts::ProcessResult g = runShell(kIntoFullDisk, gilsimRun(), script);
  EXPECT_EQ(g.status, 120) << ts::describe(g);
  EXPECT_EQ(g.err,
            "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' "
            "encoding='utf-8'>\nOSError: [Errno 28] No space left on device\n");
  if (std::optional<std::string> python = ts::findPython3()) {
    ts::ProcessResult p = runShell(kIntoFullDisk, *python, script);
    EXPECT_EQ(p.status, g.status) << ts::describe(p);
    EXPECT_EQ(p.err, g.err);
  }
}

TEST(CliFullDisk, LongOutputRaisesWhereItOverflowsLikeCPython) {
  expectLikeCPython(kIntoFullDisk, "for i in range(100000):\n    print(i)\n",
                    "OSError: [Errno 28] No space left on device", 1);
}

TEST(CliFullDisk, FileCloseReportsNoSpaceLikeCPython) {
  expectLikeCPython("exec $PROGRAM \"$SCRIPT\"",
                    "with open('/dev/full', 'w') as f:\n    f.write('data')\n",
                    "OSError: [Errno 28] No space left on device", 1);
}

TEST(CliFullDisk, DisOutputThatCannotBeWrittenFails) {
  ts::TempDir dir;
  std::string script = dir.write("script.py", "x = 1\n");
  ts::ProcessResult r =
      runShell("exec " + std::string(GILSIM_BINARY) + " dis \"$SCRIPT\" >/dev/full", "", script);
  EXPECT_EQ(r.status, 1) << ts::describe(r);
  EXPECT_NE(r.err.find("cannot write the output"), std::string::npos) << ts::describe(r);
}

TEST(CliBudget, NativeLoopsStopWhenTheBudgetIsSpent) {
  for (const char* loop : {"sum(iter(int, 1))", "list(iter(int, 1))", "max(iter(int, 1))",
                           "any(iter(int, 1))", "5 in iter(int, 1)", "''.join(iter(str, 1))"}) {
    SCOPED_TRACE(loop);
    ts::TempDir dir;
    std::string script = dir.write("script.py", std::string("print(") + loop + ")\n");
    ts::ProcessResult r =
        runShell("exec $PROGRAM --check-point-budget 100000 \"$SCRIPT\"", gilsimRun(), script);
    EXPECT_EQ(r.status, 1) << ts::describe(r);
    EXPECT_NE(r.err.find("check-point budget exhausted"), std::string::npos) << ts::describe(r);
  }
}

TEST(CliBudget, AThreadThatSpendsItsBudgetFailsTheRun) {
  ts::TempDir dir;
  std::string script = dir.write("script.py",
                                 "import threading\n"
                                 "t = threading.Thread(target=lambda: sum(iter(int, 1)))\n"
                                 "t.start()\nt.join()\nprint('joined')\n");
  ts::ProcessResult r =
      runShell("exec $PROGRAM --check-point-budget 100000 \"$SCRIPT\"", gilsimRun(), script);
  EXPECT_EQ(r.status, 1) << ts::describe(r);
  EXPECT_EQ(r.out, "joined\n");
  EXPECT_NE(r.err.find("gilsim: thread stopped: check-point budget exhausted"), std::string::npos)
      << ts::describe(r);
}

TEST(CliMemory, RunningOutUnderUlimitIsAMemoryError) {
#ifdef GILSIM_IO_TEST_ASAN
  GTEST_SKIP() << "an address-space limit cannot hold ASan's shadow memory";
#endif
  ts::TempDir dir;
  std::string script =
      dir.write("script.py",
                "keep = []\ntry:\n    while True:\n        keep.append('x' * 4096)\n"
                "except MemoryError:\n    print('caught')\n"
                "raise ValueError('still reported')\n");
  ts::ProcessResult r =
      runShell("ulimit -v 400000; exec $PROGRAM \"$SCRIPT\"", gilsimRun(), script);
  EXPECT_EQ(r.status, 1) << ts::describe(r);
  EXPECT_EQ(r.out, "caught\n");
  EXPECT_EQ(lastLine(r.err), "ValueError: still reported") << ts::describe(r);
}

TEST(CliMemory, ATraceBufferBeyondTheMachineIsAUsageError) {
  ts::TempDir dir;
  std::string script = dir.write("script.py", "print(1)\n");
  ts::ProcessResult r = runShell(
      "exec $PROGRAM --stats --trace-buffer 1000000000000000 \"$SCRIPT\"", gilsimRun(), script);
  EXPECT_EQ(r.status, 2) << ts::describe(r);
  EXPECT_NE(r.err.find("--trace-buffer 1000000000000000 is more memory"), std::string::npos)
      << ts::describe(r);
}

}  // namespace
