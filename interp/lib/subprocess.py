"""subprocess: start programs, talk to them through pipes, get their exit status, after CPython
3.11's subprocess module (POSIX part), over the native _gilsim_subprocess
(interp/modules/module_subprocess.cpp).

The child is started by posix_spawn with its standard descriptors redirected; every wait for it
gives the GIL up (reason `wait`), every pipe read or write (reason `io`). communicate() with more
than one pipe, or with a timeout, waits on the pipes with select.select.

Not supported by gilsim: preexec_fn, pass_fds, user/group/extra_groups/umask, process_group,
pipesize, startupinfo/creationflags (Windows), restore_signals=False (signals are always restored).
Under --sim no child can be started (it would run on real time).
"""

import os
import sys
import time
import select
import _thread
import _gilsim_subprocess

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput", "getoutput",
           "check_output", "run", "CalledProcessError", "DEVNULL", "SubprocessError",
           "TimeoutExpired", "CompletedProcess", "list2cmdline"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_PIPE_BUF = getattr(select, "PIPE_BUF", 512)
_READ_SIZE = 32768


class SubprocessError(Exception):
    pass


def _signal_name(signum):
    # What repr(signal.Signals(signum)) shows; gilsim's signal module has no Signals enum.
    import signal
    aliases = ("SIGIOT", "SIGPOLL", "SIGCLD")
    for name in sorted(dir(signal)):
        if name.startswith("SIG") and not name.startswith("SIG_") and name not in aliases:
            if getattr(signal, name) == signum:
                return "<Signals.%s: %d>" % (name, signum)
    return None


class CalledProcessError(SubprocessError):
    """Raised when run() with check=True, check_call() or check_output() sees a non-zero exit."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            name = _signal_name(-self.returncode)
            if name is None:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
            return "Command '%s' died with %s." % (self.cmd, name)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when a timeout passes while waiting for a child."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """What run() returns: args, returncode, stdout, stderr."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        parts = ["args={!r}".format(self.args), "returncode={!r}".format(self.returncode)]
        if self.stdout is not None:
            parts.append("stdout={!r}".format(self.stdout))
        if self.stderr is not None:
            parts.append("stderr={!r}".format(self.stderr))
        return "{}({})".format(type(self).__name__, ", ".join(parts))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _arg_str(arg):
    if isinstance(arg, str):
        return arg
    if isinstance(arg, bytes):
        return arg.decode("utf-8", "surrogateescape")
    return os.fspath(arg)


def _exec_candidates(executable, env):
    # As os.get_exec_path: a name without a slash is looked up in the child's PATH.
    if "/" in executable:
        return [executable]
    path = (env if env is not None else os.environ).get("PATH")
    if path is None:
        path = "/bin:/usr/bin"
    found = []
    for folder in path.split(":"):
        found.append(os.path.join(folder or ".", executable))
    return found or [executable]


def _translate_newlines(data, encoding, errors):
    return data.decode(encoding, errors).replace("\r\n", "\n").replace("\r", "\n")


class Popen:
    """A child process: Popen(args, bufsize=-1, executable=None, stdin=None, stdout=None,
    stderr=None, close_fds=True, shell=False, cwd=None, env=None, text=None, ...)."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None, text=None,
                 umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.pid = None
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self._communication_started = False
        self._input = None
        self._input_offset = 0
        self._outputs = {}
        # One waitpid at a time: a second thread's would find the child reaped (ECHILD).
        self._waitpid_lock = _thread.allocate_lock()
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        for name, value, default in (("preexec_fn", preexec_fn, None),
                                     ("pass_fds", tuple(pass_fds), ()),
                                     ("user", user, None), ("group", group, None),
                                     ("extra_groups", extra_groups, None),
                                     ("umask", umask, -1),
                                     ("process_group", process_group, None),
                                     ("startupinfo", startupinfo, None),
                                     ("creationflags", creationflags, 0)):
            if value != default:
                raise ValueError("subprocess.Popen(%s=...) is not supported by gilsim" % name)
        if (text is not None and universal_newlines is not None
                and bool(universal_newlines) != bool(text)):
            raise SubprocessError("Cannot disambiguate when both text "
                                  "and universal_newlines are supplied but "
                                  "different. Pass one or the other.")
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.universal_newlines = self.text_mode
        if self.text_mode and encoding is None:
            self.encoding = "utf-8"
        if self.text_mode and errors is None:
            self.errors = "strict"

        if isinstance(args, (str, bytes)):
            argv = [_arg_str(args)]
        elif hasattr(args, "__fspath__"):
            argv = [_arg_str(args)]
        else:
            argv = [_arg_str(a) for a in args]
        if shell:
            argv = ["/bin/sh", "-c"] + argv
            if executable:
                argv[0] = _arg_str(executable)
        if not argv:
            raise IndexError("list index out of range")
        if executable is None:
            executable = argv[0]
        executable = _arg_str(executable)

        envlist = None
        if env is not None:
            envlist = []
            for key, value in env.items():
                key = _arg_str(key)
                if "=" in key:
                    raise ValueError("illegal environment variable name")
                envlist.append(key + "=" + _arg_str(value))
        if cwd is not None:
            cwd = _arg_str(cwd)

        # The descriptors: parent ends, child ends; `opened` are closed whatever happens.
        child = [-1, -1, -1]
        to_close_after = []
        parent_ends = []
        devnull = None
        try:
            for i, spec in enumerate((stdin, stdout, stderr)):
                if spec is None:
                    continue
                if spec == PIPE:
                    r, w = os.pipe()
                    if i == 0:
                        child[i], mine = r, w
                    else:
                        child[i], mine = w, r
                    to_close_after.append(child[i])
                    parent_ends.append((i, mine))
                elif spec == DEVNULL:
                    if devnull is None:
                        devnull = open(os.devnull, "r+b", buffering=0)
                    child[i] = devnull.fileno()
                elif spec == STDOUT and i == 2:
                    child[i] = child[1] if child[1] != -1 else 1
                elif isinstance(spec, int):
                    # STDOUT for stdin or stdout, or another negative number: EBADF, as CPython.
                    child[i] = spec
                else:
                    if hasattr(spec, "flush") and i != 0:
                        spec.flush()
                    child[i] = spec.fileno()
            candidates = _exec_candidates(executable, env)
            self.pid = _gilsim_subprocess.spawn(candidates, argv, cwd, envlist, child[0],
                                                child[1], child[2], bool(close_fds),
                                                bool(start_new_session), executable)
        except BaseException:
            for _, fd in parent_ends:
                os.close(fd)
            parent_ends = []
            raise
        finally:
            for fd in to_close_after:
                os.close(fd)
            if devnull is not None:
                devnull.close()

        for i, fd in parent_ends:
            if i == 0:
                if self.text_mode:
                    self.stdin = open(fd, "w", buffering=1 if bufsize == 1 else -1,
                                      encoding=self.encoding, errors=self.errors)
                else:
                    self.stdin = open(fd, "wb", buffering=bufsize)
            else:
                if self.text_mode:
                    f = open(fd, "r", encoding=self.encoding, errors=self.errors)
                else:
                    f = open(fd, "rb", buffering=bufsize)
                if i == 1:
                    self.stdout = f
                else:
                    self.stderr = f

    def __repr__(self):
        text = "<%s: returncode: %s args: %r>" % (type(self).__name__, self.returncode, self.args)
        if len(text) > 80:
            text = text[:76] + "...>"
        return text

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass
        finally:
            if exc_type is not KeyboardInterrupt:
                self.wait()

    def _set_status(self, status):
        if status is None:
            return None
        self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def _wait_for(self, timeout):
        # The status, or None after `timeout` (negative: none). A child reaped elsewhere counts
        # as exit status 0, as CPython.
        if self.returncode is not None:
            return self.returncode
        if timeout < 0:
            got = self._waitpid_lock.acquire()
        elif timeout == 0:
            got = self._waitpid_lock.acquire(False)
        else:
            got = self._waitpid_lock.acquire(True, timeout)
        if not got:
            return None
        try:
            if self.returncode is not None:
                return self.returncode
            try:
                status = _gilsim_subprocess.wait(self.pid, timeout)
            except ChildProcessError:
                self.returncode = 0
                return 0
            return self._set_status(status)
        finally:
            self._waitpid_lock.release()

    def poll(self):
        """The exit status if the child has ended, else None."""
        return self._wait_for(0)

    def wait(self, timeout=None):
        """Waits for the child to end and returns its exit status; TimeoutExpired after
        `timeout` seconds."""
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            return self._wait_for(-1)
        if self._wait_for(max(float(timeout), 0.0)) is None:
            raise TimeoutExpired(self.args, timeout)
        return self.returncode

    def send_signal(self, sig):
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)

    def _stdin_write(self, data):
        if data:
            try:
                self.stdin.write(data)
            except BrokenPipeError:
                pass
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass

    def communicate(self, input=None, timeout=None):
        """Sends `input` to stdin, reads stdout and stderr until they end, waits for the child;
        returns (stdout, stderr) (None for what is not a pipe)."""
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")
        pipes = (self.stdin is not None) + (self.stdout is not None) + (self.stderr is not None)
        if timeout is None and not self._communication_started and pipes < 2:
            out = err = None
            if self.stdin:
                self._stdin_write(input)
            elif self.stdout:
                out = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                err = self.stderr.read()
                self.stderr.close()
            self.wait()
            return (out, err)
        endtime = None if timeout is None else time.monotonic() + timeout
        try:
            out, err = self._communicate(input, endtime, timeout)
        except KeyboardInterrupt:
            raise
        finally:
            self._communication_started = True
        self.wait(timeout=self._remaining(endtime))
        return (out, err)

    def _remaining(self, endtime):
        if endtime is None:
            return None
        return endtime - time.monotonic()

    def _communicate(self, input, endtime, orig_timeout):
        if self.stdin and not self._communication_started:
            try:
                self.stdin.flush()
            except BrokenPipeError:
                pass
            if not input:
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass
        if not self._communication_started:
            if self.stdin and input:
                self._input = input.encode(self.encoding, self.errors) if self.text_mode else input
            self._outputs = {"stdout": [], "stderr": []}
        # Raw reads on the descriptors: nothing was read through the file objects before.
        readers = {}
        if self.stdout and not self.stdout.closed:
            readers[self.stdout.fileno()] = ("stdout", self.stdout)
        if self.stderr and not self.stderr.closed:
            readers[self.stderr.fileno()] = ("stderr", self.stderr)
        writer = None
        if self.stdin and not self.stdin.closed and self._input is not None:
            writer = self.stdin.fileno()
        while readers or writer is not None:
            left = self._remaining(endtime)
            if left is not None and left < 0:
                raise TimeoutExpired(self.args, orig_timeout)
            ready_r, ready_w, _ = select.select(list(readers), [] if writer is None else [writer],
                                                [], left)
            if not ready_r and not ready_w:
                left = self._remaining(endtime)
                if left is not None and left <= 0:
                    raise TimeoutExpired(self.args, orig_timeout)
            if ready_w:
                chunk = self._input[self._input_offset:self._input_offset + _PIPE_BUF]
                try:
                    self._input_offset += os.write(writer, chunk)
                except BrokenPipeError:
                    self._input_offset = len(self._input)
                if self._input_offset >= len(self._input):
                    try:
                        self.stdin.close()
                    except BrokenPipeError:
                        pass
                    writer = None
            for fd in ready_r:
                which, f = readers[fd]
                data = os.read(fd, _READ_SIZE)
                if data:
                    self._outputs[which].append(data)
                else:
                    del readers[fd]
                    f.close()
        out = err = None
        if self.stdout:
            out = b"".join(self._outputs["stdout"])
        if self.stderr:
            err = b"".join(self._outputs["stderr"])
        if self.text_mode:
            if out is not None:
                out = _translate_newlines(out, self.encoding, self.errors)
            if err is not None:
                err = _translate_newlines(err, self.encoding, self.errors)
        return (out, err)


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Runs a command, waits for it, returns a CompletedProcess."""
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used "
                             "with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            process.wait()
            raise
        except BaseException:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its exit status."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Runs a command; CalledProcessError unless it exits with 0."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its output; CalledProcessError unless it exits with 0."""
    if "stdout" in kwargs:
        raise ValueError("stdout argument not allowed, it will be overridden.")
    if "input" in kwargs and kwargs["input"] is None:
        text = (kwargs.get("universal_newlines") or kwargs.get("text") or kwargs.get("encoding")
                or kwargs.get("errors"))
        kwargs["input"] = "" if text else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """(exit status, output) of a shell command, stderr merged, one final newline removed."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding,
                            errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """The output of a shell command (stderr merged), one final newline removed."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def list2cmdline(seq):
    """A sequence of arguments as one Windows command line (the MS C runtime's quoting)."""
    out = []
    for arg in seq:
        arg = _arg_str(arg)
        if out:
            out.append(" ")
        quote = not arg or " " in arg or "\t" in arg
        if quote:
            out.append('"')
        backslashes = 0
        for c in arg:
            if c == "\\":
                backslashes += 1
            elif c == '"':
                out.append("\\" * (backslashes * 2 + 1) + '"')
                backslashes = 0
            else:
                out.append("\\" * backslashes + c)
                backslashes = 0
        if quote:
            out.append("\\" * (backslashes * 2) + '"')
        else:
            out.append("\\" * backslashes)
    return "".join(out)
