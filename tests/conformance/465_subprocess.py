# subprocess: run/Popen/call/check_output with pipes, DEVNULL, stderr=STDOUT, text and bytes,
# check=True, a missing program, a timeout, cwd, env, communicate and line iteration.
import os
import subprocess
from subprocess import PIPE, STDOUT, DEVNULL

r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r)
print(type(r.stdout).__name__, r.returncode)

r = subprocess.run("echo out; echo err >&2", shell=True, capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr))

r = subprocess.run(["cat"], input=b"line one\nline two\n", stdout=PIPE)
print(r.stdout)
r = subprocess.run(["cat"], input="caf\u00e9\n", stdout=PIPE, text=True)
print(repr(r.stdout))

print(subprocess.check_output(["printf", "%s-%s\\n", "a", "b"]))
print(repr(subprocess.check_output(["printf", "x\\r\\ny\\n"], text=True)))

try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e, e.returncode, e.cmd)
try:
    subprocess.check_output("echo partial; exit 4", shell=True)
except subprocess.CalledProcessError as e:
    print(str(e), e.output, e.stdout)
try:
    subprocess.check_call(["sh", "-c", "exit 2"])
except subprocess.CalledProcessError as e:
    print(e)

r = subprocess.run("echo one; echo two >&2; echo three", shell=True, stdout=PIPE, stderr=STDOUT)
print(r.stdout, r.stderr)
r = subprocess.run("echo hidden; echo hidden >&2", shell=True, stdout=DEVNULL, stderr=DEVNULL)
print(r)
r = subprocess.run(["cat"], stdin=DEVNULL, capture_output=True)
print(r.stdout)

try:
    subprocess.run(["nosuchcmd_465"])
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename)
try:
    subprocess.Popen(["true"], cwd="/nonexistent_465")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)

try:
    subprocess.run(["sleep", "5"], timeout=0.1)
except subprocess.TimeoutExpired as e:
    # The timeout in the message is what was left of 0.1 s when the final wait began.
    print("TimeoutExpired:", e.cmd, str(e).startswith("Command '['sleep', '5']' timed out"),
          e.stdout)

p = subprocess.Popen(["sleep", "5"])
print(p.poll())
try:
    p.wait(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print(e)
p.kill()
print(p.wait())
print(p.returncode, p.poll())

print(subprocess.run(["pwd"], cwd="/", capture_output=True, text=True).stdout, end="")
env = {"PATH": os.environ.get("PATH", "/bin:/usr/bin"), "GREETING": "hi there"}
print(subprocess.run("echo $GREETING", shell=True, env=env, capture_output=True).stdout)
print(subprocess.run("exit 3", shell=True).returncode)
print(subprocess.call(["sh", "-c", "exit 5"]))
print(subprocess.call("true", shell=True))

p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, stderr=PIPE)
out, err = p.communicate(b"through cat\n")
print(out, err, p.returncode, p.args)

with subprocess.Popen(["printf", "a\\nb\\nc\\n"], stdout=PIPE, text=True) as p:
    for line in p.stdout:
        print("line:", repr(line))
print(p.returncode)

with subprocess.Popen(["printf", "x\\ny\\n"], stdout=PIPE) as p:
    print(list(p.stdout))

p = subprocess.Popen(["sh", "-c", "read a; echo got $a"], stdin=PIPE, stdout=PIPE,
                     universal_newlines=True)
p.stdin.write("value\n")
p.stdin.flush()
print(repr(p.stdout.readline()))
p.stdin.close()
p.stdout.close()
print(p.wait())

p = subprocess.Popen(["sh", "-c", "kill -9 $$"])
p.wait()
print(p.returncode)
print(subprocess.CalledProcessError(-9, ["x"]))
print(subprocess.CalledProcessError(1, "cmd", b"o", b"e").stderr)

print(subprocess.getoutput("echo foo; echo bar >&2"))
print(subprocess.getstatusoutput("echo nope; exit 7"))
print(subprocess.list2cmdline(["a b", 'c"d', "e\\", ""]))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
print(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError),
      issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError))
print(repr(subprocess.CompletedProcess(["a"], 0)))
try:
    subprocess.run(["cat"], input=b"x", stdin=PIPE)
except ValueError as e:
    print(e)
