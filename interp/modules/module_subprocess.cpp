// _gilsim_subprocess: the native half of subprocess (interp/lib/subprocess.py), as CPython's
// _posixsubprocess is: spawn() starts a program over posix_spawn with its standard descriptors
// redirected, wait() waits for it, with a timeout, the GIL given up (reason `wait`). A simulated
// run refuses spawn(): a child runs on the host's real time, not on the virtual clock.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "gil/eval_breaker.h"
#include "gil/machine.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/gil_released.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

std::string cString(const Value& v, const char* what) {
  if (!isStr(v)) raiseTypeError("{} must be str, not {}", what, typeName(v));
  std::string s = asStr(v)->str();
  if (s.find('\0') != std::string::npos) raiseValueError("embedded null byte");
  return s;
}

std::vector<std::string> stringList(const Value& v, const char* what) {
  if (!isList(v)) raiseTypeError("{} must be a list, not {}", what, typeName(v));
  std::vector<std::string> out;
  for (const Value& item : v.as<ListObject>()->items())
    out.push_back(cString(item, what));
  return out;
}

int fdValue(const Value& v) {
  int64_t n = toIndex(v, "fd");
  if (n < -1 || n > INT32_MAX) raiseOsError(EBADF);
  return static_cast<int>(n);
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings)
    out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// spawn(executables, argv, cwd, env, stdin_fd, stdout_fd, stderr_fd, close_fds,
//       start_new_session, name) -> pid.
// `executables` are the paths to try in order (PATH already searched by the caller, in the
// child's environment as CPython does); a descriptor of -1 is inherited. A failure raises
// OSError with errno and `name` (the program as given), or the cwd when that is what is missing.
Value subprocessSpawn(VM& vm, CallArgs args) {
  expectArgs("spawn", args, 10, 10);
  Machine& machine = vm.interp().machine();
  if (machine.simSettings())
    raiseOSError("subprocess.Popen() is not supported under --sim (a child runs on real time)");
  std::vector<std::string> executables = stringList(args[0], "executable");
  std::vector<std::string> argv = stringList(args[1], "args");
  std::string cwd = args[2].isNone() ? std::string() : cString(args[2], "cwd");
  bool hasEnv = !args[3].isNone();
  std::vector<std::string> env = hasEnv ? stringList(args[3], "env") : std::vector<std::string>();
  int fds[3] = {fdValue(args[4]), fdValue(args[5]), fdValue(args[6])};
  bool closeFds = truthy(args[7]);
  bool newSession = truthy(args[8]);
  std::string name = cString(args[9], "name");
  if (executables.empty() || argv.empty()) raiseValueError("args must not be empty");

  // chdir in the child fails with the same ENOENT as a missing program: check it here so the
  // error names the right thing.
  if (!cwd.empty()) {
    struct stat st;
    if (::stat(cwd.c_str(), &st) != 0) raiseOsError(errno, cwd);
    if (!S_ISDIR(st.st_mode)) raiseOsError(ENOTDIR, cwd);
  }

  // A source descriptor below 3 may be overwritten by an earlier dup2 in the child (stdout given
  // as stdin, say): such sources get a high copy first, closed again after the spawn.
  std::vector<int> copies;
  for (int target = 0; target < 3; ++target) {
    int& source = fds[target];
    if (source >= 0 && source < 3 && source != target) {
      int copy = ::fcntl(source, F_DUPFD_CLOEXEC, 3);
      if (copy < 0) {
        int error = errno;
        for (int c : copies)
          ::close(c);
        raiseOsError(error);
      }
      copies.push_back(copy);
      source = copy;
    }
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  for (int target = 0; target < 3; ++target)
    if (fds[target] >= 0) posix_spawn_file_actions_adddup2(&actions, fds[target], target);
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  if (closeFds) posix_spawn_file_actions_addclosefrom_np(&actions, 3);

  // As CPython's restore_signals: the child starts with no signal blocked and the signals the
  // interpreter ignores (SIGPIPE, SIGXFSZ) back at their defaults.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGXFSZ);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
  if (newSession) flags |= POSIX_SPAWN_SETSID;
  posix_spawnattr_setflags(&attr, flags);

  std::vector<char*> argvPointers = pointers(argv);
  std::vector<char*> envPointers = pointers(env);
  char** envp = hasEnv ? envPointers.data() : environ;

  // The child writes to the same stdout: what the script printed before comes first.
  vm.interp().flushOutQuietly();
  std::fflush(vm.interp().config().err);

  pid_t pid = -1;
  int error = ENOENT;
  int firstOther = 0;  // as CPython: a program found but not runnable (EACCES) wins over ENOENT
  for (const std::string& exe : executables) {
    error = posix_spawn(&pid, exe.c_str(), &actions, &attr, argvPointers.data(), envp);
    if (error == 0) break;
    if (error != ENOENT && error != ENOTDIR && !firstOther) firstOther = error;
  }
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  for (int c : copies)
    ::close(c);
  if (error != 0) raiseOsError(firstOther ? firstOther : error, name);
  return Value::integer(pid);
}

// wait(pid, timeout) -> the wait status, or None when `timeout` seconds (negative: no limit)
// passed first. The GIL is given up meanwhile (reason `wait`); Ctrl-C ends the wait.
Value subprocessWait(VM& vm, CallArgs args) {
  expectArgs("wait", args, 2, 2);
  int64_t pid = toIndex(args[0], "pid");
  double timeout = toDouble(args[1]);
  Machine& machine = vm.interp().machine();
  int status = 0;
  int64_t got = -1;
  int error = 0;
  {
    GilReleased released(vm, DropReason::Wait);
    if (timeout < 0) {
      got = machine.waitChild(pid, /*noHang=*/false, &status, vm.breaker());
      if (got < 0) error = errno;
    } else {
      // No timed waitpid: poll, sleeping a little longer each time (at most 20 ms).
      auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
      auto pause = std::chrono::microseconds(200);
      for (;;) {
        got = machine.waitChild(pid, /*noHang=*/true, &status, vm.breaker());
        if (got != 0) {
          if (got < 0) error = errno;
          break;
        }
        auto now = std::chrono::steady_clock::now();
        if (now >= deadline || (vm.breaker().load() & kSignalRequest)) break;
        auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - now);
        auto step = std::min(pause, left);
        struct timespec ts {
          static_cast<time_t>(step.count() / 1000000),
              static_cast<long>(step.count() % 1000000) * 1000
        };
        ::nanosleep(&ts, nullptr);
        pause = std::min(pause * 2, std::chrono::microseconds(20000));
      }
    }
  }
  vm.checkSignals();
  if (got < 0) raiseOsError(error);
  if (got == 0) return Value::none();
  return Value::integer(status);
}

}  // namespace

void initSubprocessModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  d->setStr("spawn", makeNative("spawn", subprocessSpawn));
  d->setStr("wait", makeNative("wait", subprocessWait));
}

}  // namespace gilsim
