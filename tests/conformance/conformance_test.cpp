// Conformance corpus runner.
//
// Every `NNN_*.py` script in GILSIM_CONFORMANCE_DIR becomes one parameterised test. The test runs
// `GILSIM_BINARY run NNN_name.py` and then `python3 NNN_name.py`, both with the conformance folder
// as the working directory, and checks each against the expectations:
//   - the exit status equals `# expect-exit: N` (default 0),
//   - stdout equals `NNN_name.out` byte for byte,
//   - every `# expect-stderr: TEXT` line occurs in stderr (gilsim and CPython),
//   - every `# expect-gilsim-stderr: TEXT` line occurs in gilsim's stderr.
// The expectation lines live in the comment block at the top of the script (see README.md).
//
// Compile definitions: GILSIM_CONFORMANCE_DIR and GILSIM_BINARY (string literals, required);
// GILSIM_PYTHON3 (string literal, optional: the CPython to compare with; default: python3 on PATH).

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#ifndef GILSIM_CONFORMANCE_DIR
#error "GILSIM_CONFORMANCE_DIR must be defined as a string literal (the conformance folder)"
#endif
#ifndef GILSIM_BINARY
#error "GILSIM_BINARY must be defined as a string literal (the gilsim executable)"
#endif

extern char** environ;

namespace {

namespace fs = std::filesystem;

constexpr std::chrono::seconds kWallLimit{20};
constexpr std::size_t kMaxCapture = 16u << 20;  // per stream; more is dropped

const fs::path& conformance_dir() {
  static const fs::path dir = fs::absolute(fs::path(GILSIM_CONFORMANCE_DIR));
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Discovery

bool is_script_name(const std::string& name) {
  static const std::regex re(R"(^[0-9]{3}_.+\.py$)");
  return std::regex_match(name, re);
}

std::vector<std::string> discover_scripts() {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(conformance_dir(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->is_regular_file(ec) && is_script_name(name)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

const std::vector<std::string>& all_scripts() {
  static const std::vector<std::string> scripts = discover_scripts();
  return scripts;
}

std::string stem_of(const std::string& name) {
  return fs::path(name).stem().string();
}

std::string sanitized_test_name(const std::string& script) {
  std::string out = stem_of(script);
  for (char& c : out) {
    const bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) c = '_';
  }
  return out.empty() ? std::string("unnamed") : out;
}

// ---------------------------------------------------------------------------------------------
// Files and headers

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Expectations {
  int exit_code = 0;
  std::vector<std::string> stderr_both;    // # expect-stderr:
  std::vector<std::string> stderr_gilsim;  // # expect-gilsim-stderr:
  std::vector<std::string> problems;       // malformed header lines
};

std::string trim_right(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.pop_back();
  return s;
}

// The header is the run of comment (and blank) lines at the top of the script.
Expectations parse_header(const std::string& source) {
  Expectations ex;
  std::istringstream in(source);
  std::string line;
  static const std::regex key_re(R"(^#\s*expect-([A-Za-z-]+):\s?(.*)$)");
  while (std::getline(in, line)) {
    line = trim_right(line);
    if (line.empty()) continue;
    if (line[0] != '#') break;
    std::smatch m;
    if (!std::regex_match(line, m, key_re)) continue;
    const std::string key = m[1].str();
    const std::string value = m[2].str();
    if (key == "exit") {
      char* end = nullptr;
      errno = 0;
      const long v = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || errno != 0 || end == nullptr || *end != '\0' || v < 0 || v > 255) {
        ex.problems.push_back("bad expect-exit value: '" + value + "'");
      } else {
        ex.exit_code = static_cast<int>(v);
      }
    } else if (key == "stderr") {
      if (value.empty())
        ex.problems.push_back("empty expect-stderr line");
      else
        ex.stderr_both.push_back(value);
    } else if (key == "gilsim-stderr") {
      if (value.empty())
        ex.problems.push_back("empty expect-gilsim-stderr line");
      else
        ex.stderr_gilsim.push_back(value);
    } else {
      ex.problems.push_back("unknown header key 'expect-" + key + "'");
    }
  }
  return ex;
}

// ---------------------------------------------------------------------------------------------
// Running a child process

struct RunResult {
  bool started = false;
  std::string start_error;
  bool timed_out = false;
  bool exited = false;  // normal exit (else: killed by a signal)
  int exit_code = -1;
  int signal = 0;
  std::string out;
  std::string err;
  bool out_truncated = false;
  bool err_truncated = false;

  std::string status_text() const {
    if (!started) return "not started (" + start_error + ")";
    if (timed_out)
      return "killed after the " + std::to_string(kWallLimit.count()) + " s wall limit";
    if (exited) return "exit status " + std::to_string(exit_code);
    return "killed by signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
  }
};

std::optional<std::string> find_on_path(const std::string& program) {
  if (program.find('/') != std::string::npos) {
    if (::access(program.c_str(), X_OK) == 0) return fs::absolute(program).string();
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::string_view rest = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    const std::size_t colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    if (dir.empty()) dir = ".";
    const std::string candidate = dir + "/" + program;
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return fs::absolute(candidate).string();
    }
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

std::vector<std::string> child_environment() {
  // Keep CPython from writing __pycache__ into the source tree, and pin its I/O encoding.
  static const char* const overrides[] = {"PYTHONDONTWRITEBYTECODE=1", "PYTHONIOENCODING=utf-8",
                                          "PYTHONUTF8=1"};
  std::vector<std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string_view entry(*e);
    bool overridden = false;
    for (const char* o : overrides) {
      const std::string_view ov(o);
      const std::size_t eq = ov.find('=');
      if (entry.substr(0, eq + 1) == ov.substr(0, eq + 1)) overridden = true;
    }
    if (!overridden) env.emplace_back(entry);
  }
  for (const char* o : overrides)
    env.emplace_back(o);
  return env;
}

void append_capped(std::string& dst, const char* data, std::size_t n, bool& truncated) {
  if (dst.size() >= kMaxCapture) {
    truncated = true;
    return;
  }
  const std::size_t room = kMaxCapture - dst.size();
  if (n > room) {
    truncated = true;
    n = room;
  }
  dst.append(data, n);
}

RunResult run_process(const std::vector<std::string>& argv, const fs::path& cwd) {
  RunResult r;
  int out_pipe[2] = {-1, -1};
  int err_pipe[2] = {-1, -1};
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) {
    r.start_error = std::string("pipe: ") + std::strerror(errno);
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
      if (fd >= 0) ::close(fd);
    return r;
  }

  // Everything the child needs is prepared before fork(): after it, only async-signal-safe calls.
  std::vector<char*> c_argv;
  for (const std::string& a : argv)
    c_argv.push_back(const_cast<char*>(a.c_str()));
  c_argv.push_back(nullptr);
  const std::vector<std::string> env = child_environment();
  std::vector<char*> c_env;
  for (const std::string& e : env)
    c_env.push_back(const_cast<char*>(e.c_str()));
  c_env.push_back(nullptr);
  const std::string cwd_str = cwd.string();

  const pid_t pid = ::fork();
  if (pid < 0) {
    r.start_error = std::string("fork: ") + std::strerror(errno);
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
      ::close(fd);
    return r;
  }
  if (pid == 0) {
    ::setpgid(0, 0);  // own process group, so a timeout can kill everything it started
    const int devnull = ::open("/dev/null", O_RDONLY);
    if (devnull >= 0) ::dup2(devnull, STDIN_FILENO);
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    if (::chdir(cwd_str.c_str()) != 0) {
      static const char msg[] = "conformance runner: chdir failed\n";
      (void)!::write(STDERR_FILENO, msg, sizeof msg - 1);
      ::_exit(127);
    }
    ::execve(c_argv[0], c_argv.data(), c_env.data());
    static const char msg[] = "conformance runner: execve failed\n";
    (void)!::write(STDERR_FILENO, msg, sizeof msg - 1);
    ::_exit(127);
  }
  ::setpgid(pid, pid);  // also from the parent, to avoid racing with the child
  r.started = true;
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);

  const auto deadline = std::chrono::steady_clock::now() + kWallLimit;
  auto remaining_ms = [&]() -> int {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    return left.count() > 0 ? static_cast<int>(left.count()) : 0;
  };

  // Drain both pipes together so that neither can fill up and block the child.
  int fds[2] = {out_pipe[0], err_pipe[0]};
  char buf[65536];
  while (fds[0] >= 0 || fds[1] >= 0) {
    pollfd pfds[2];
    nfds_t n = 0;
    int which[2] = {-1, -1};
    for (int i = 0; i < 2; ++i) {
      if (fds[i] >= 0) {
        pfds[n] = pollfd{fds[i], POLLIN, 0};
        which[n] = i;
        ++n;
      }
    }
    const int wait_ms = remaining_ms();
    if (wait_ms == 0) {
      r.timed_out = true;
      break;
    }
    const int ready = ::poll(pfds, n, wait_ms);
    if (ready < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (ready == 0) continue;  // the deadline check above ends the loop
    for (nfds_t k = 0; k < n; ++k) {
      if (pfds[k].revents == 0) continue;
      const int i = which[k];
      const ssize_t got = ::read(fds[i], buf, sizeof buf);
      if (got > 0) {
        if (i == 0)
          append_capped(r.out, buf, static_cast<std::size_t>(got), r.out_truncated);
        else
          append_capped(r.err, buf, static_cast<std::size_t>(got), r.err_truncated);
      } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
        ::close(fds[i]);
        fds[i] = -1;
      }
    }
  }

  // Both streams closed (or time ran out): reap the child, still within the wall limit.
  int status = 0;
  bool reaped = false;
  while (!r.timed_out) {
    const pid_t w = ::waitpid(pid, &status, WNOHANG);
    if (w == pid) {
      reaped = true;
      break;
    }
    if (w < 0 && errno != EINTR) break;
    if (remaining_ms() == 0) {
      r.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (!reaped) {
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  for (int fd : fds)
    if (fd >= 0) ::close(fd);

  if (!r.timed_out) {
    if (WIFEXITED(status)) {
      r.exited = true;
      r.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
      r.signal = WTERMSIG(status);
    }
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Reporting

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    const std::size_t nl = s.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(s.substr(start) + "\\ (no newline at end)");
      break;
    }
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string indent_block(const std::string& text, std::size_t max_chars = 6000) {
  std::string shown = text.size() > max_chars ? text.substr(0, max_chars) : text;
  std::string out;
  for (const std::string& l : split_lines(shown))
    out += "    | " + l + "\n";
  if (text.size() > max_chars)
    out += "    | ... (" + std::to_string(text.size() - max_chars) + " more bytes)\n";
  if (text.empty()) out += "    (empty)\n";
  return out;
}

// A line diff from the longest common subsequence; prints hunks with a little context.
std::string line_diff(const std::string& expected, const std::string& actual) {
  const std::vector<std::string> a = split_lines(expected);
  const std::vector<std::string> b = split_lines(actual);
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if (n * m > 4'000'000) {
    return "  expected:\n" + indent_block(expected) + "  actual:\n" + indent_block(actual);
  }
  std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);

  struct Op {
    char tag;  // ' ', '-', '+'
    std::string text;
  };
  std::vector<Op> ops;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      ops.push_back({' ', a[i]});
      ++i;
      ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push_back({'-', a[i]});
      ++i;
    } else {
      ops.push_back({'+', b[j]});
      ++j;
    }
  }
  constexpr std::size_t kContext = 3;
  constexpr std::size_t kMaxLines = 200;
  std::vector<bool> show(ops.size(), false);
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (ops[k].tag == ' ') continue;
    const std::size_t lo = k >= kContext ? k - kContext : 0;
    const std::size_t hi = std::min(ops.size(), k + kContext + 1);
    for (std::size_t x = lo; x < hi; ++x)
      show[x] = true;
  }
  std::string out = "  --- expected (.out)\n  +++ actual\n";
  std::size_t printed = 0;
  bool gap = false;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (!show[k]) {
      gap = true;
      continue;
    }
    if (gap) out += "  @@ ...\n";
    gap = false;
    if (++printed > kMaxLines) {
      out += "  ... (diff truncated)\n";
      break;
    }
    out += "  ";
    out += ops[k].tag;
    out += ' ';
    out += ops[k].text;
    out += '\n';
  }
  return out;
}

std::string who_label(const std::string& who, const std::vector<std::string>& argv) {
  std::string cmd;
  for (const std::string& a : argv)
    cmd += (cmd.empty() ? "" : " ") + a;
  return who + " [" + cmd + "]";
}

// Checks one run against the expectations; reports every mismatch.
void check_run(const std::string& who, const std::vector<std::string>& argv, const RunResult& r,
               const Expectations& ex, const std::string& expected_stdout,
               bool check_gilsim_only_lines) {
  const std::string label = who_label(who, argv);
  if (!r.started) {
    ADD_FAILURE() << label << ": could not start: " << r.start_error;
    return;
  }
  if (r.timed_out) {
    ADD_FAILURE() << label << ": " << r.status_text() << "\n  stdout so far:\n"
                  << indent_block(r.out) << "  stderr so far:\n"
                  << indent_block(r.err);
    return;
  }
  const bool exit_ok = r.exited && r.exit_code == ex.exit_code;
  EXPECT_TRUE(exit_ok) << label << ": expected exit status " << ex.exit_code << ", got "
                       << r.status_text() << "\n  stderr:\n"
                       << indent_block(r.err);
  if (r.out_truncated || r.err_truncated) {
    ADD_FAILURE() << label << ": output exceeded " << kMaxCapture << " bytes and was truncated";
  }
  EXPECT_TRUE(r.out == expected_stdout) << label << ": stdout differs from the .out file\n"
                                        << line_diff(expected_stdout, r.out);
  auto check_lines = [&](const std::vector<std::string>& lines, const char* key) {
    for (const std::string& want : lines) {
      EXPECT_TRUE(r.err.find(want) != std::string::npos)
          << label << ": stderr lacks the " << key << " text\n    " << want << "\n  stderr was:\n"
          << indent_block(r.err);
    }
  };
  check_lines(ex.stderr_both, "expect-stderr");
  if (check_gilsim_only_lines) check_lines(ex.stderr_gilsim, "expect-gilsim-stderr");
}

std::optional<std::string> python3_path() {
#ifdef GILSIM_PYTHON3
  return find_on_path(GILSIM_PYTHON3);
#else
  return find_on_path("python3");
#endif
}

// ---------------------------------------------------------------------------------------------
// Tests

class ConformanceTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ConformanceTest, Script) {
  const std::string name = GetParam();
  const fs::path dir = conformance_dir();
  const fs::path script = dir / name;
  const fs::path out_file = dir / (stem_of(name) + ".out");

  const std::optional<std::string> source = read_file(script);
  ASSERT_TRUE(source.has_value()) << "cannot read " << script;
  const Expectations ex = parse_header(*source);
  for (const std::string& p : ex.problems)
    ADD_FAILURE() << name << ": header: " << p;

  const std::optional<std::string> expected_stdout = read_file(out_file);
  ASSERT_TRUE(expected_stdout.has_value())
      << "missing expected-output file " << out_file << " (generate it with: cd " << dir.string()
      << " && python3 " << name << " > " << out_file.filename().string() << ")";

  // gilsim
  const std::vector<std::string> gilsim_argv = {fs::absolute(fs::path(GILSIM_BINARY)).string(),
                                                "run", name};
  const RunResult g = run_process(gilsim_argv, dir);
  check_run("gilsim", gilsim_argv, g, ex, *expected_stdout, /*check_gilsim_only_lines=*/true);

  // CPython, to keep the corpus honest.
  const std::optional<std::string> python = python3_path();
  if (!python) {
    ADD_FAILURE()
        << "python3 not found on PATH: the conformance tests compare against CPython 3.11, "
           "install python3 (CI does) or define GILSIM_PYTHON3";
    return;
  }
  const std::vector<std::string> python_argv = {*python, name};
  const RunResult p = run_process(python_argv, dir);
  check_run("python3", python_argv, p, ex, *expected_stdout, /*check_gilsim_only_lines=*/false);
}

std::string ScriptName(const ::testing::TestParamInfo<std::string>& info) {
  return sanitized_test_name(info.param);
}

INSTANTIATE_TEST_SUITE_P(Corpus, ConformanceTest, ::testing::ValuesIn(all_scripts()), ScriptName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ConformanceTest);

TEST(ConformanceCorpus, IsNotEmpty) {
  EXPECT_FALSE(all_scripts().empty()) << "no NNN_*.py scripts found in " << conformance_dir();
}

TEST(ConformanceCorpus, EveryScriptHasAnOutFile) {
  for (const std::string& name : all_scripts()) {
    EXPECT_TRUE(fs::exists(conformance_dir() / (stem_of(name) + ".out")))
        << name << " has no .out file";
  }
}

TEST(ConformanceCorpus, TestNamesAreUnique) {
  std::vector<std::string> names;
  for (const std::string& s : all_scripts())
    names.push_back(sanitized_test_name(s));
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end())
      << "two scripts sanitise to one test name";
}

}  // namespace
