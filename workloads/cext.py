# A pure-Python stand-in for gilsim's native `cext` module, so that `import cext` works under
# CPython too. Under gilsim the built-in native module wins and this file never runs.
#
# not-a-workload: a module the workloads import under CPython (the workloads test skips it).
# Run directly (under either interpreter) it only defines the functions and prints nothing.
# The four functions match gilsim's:
#   compute(units)          CPU work in C with the GIL released (hashlib.pbkdf2_hmac releases it)
#   compute_holding(units)  comparable CPU work holding the GIL (a pure-Python loop)
#   block(seconds)          a blocking wait that releases the GIL (time.sleep)
#   block_holding(seconds)  a "blocking" wait that holds the GIL: CPython offers no way to block
#                           in C while holding the GIL from Python code, so this spins in a
#                           pure-Python loop until the time has passed (it burns CPU, and CPython
#                           still switches threads every switch interval; gilsim's native
#                           version really blocks and never lets go)
# One unit is about 2 ms of work on a typical machine, as in gilsim.
import time

_PBKDF2_ITERATIONS_PER_UNIT = 2600
_LOOP_ITERATIONS_PER_UNIT = 15000


def compute(units):
    """About 2 ms of CPU work per unit in C, with the GIL released; returns an int."""
    units = int(units)
    if units <= 0:
        return 0
    import hashlib  # here, not at the top: the file then also loads where hashlib is missing

    iterations = units * _PBKDF2_ITERATIONS_PER_UNIT
    digest = hashlib.pbkdf2_hmac("sha256", b"gilsim", b"cext", iterations)
    return int.from_bytes(digest[:8], "big")


def compute_holding(units):
    """About 2 ms of CPU work per unit holding the GIL (pure Python); returns an int."""
    x = 0
    for i in range(int(units) * _LOOP_ITERATIONS_PER_UNIT):
        x = (x * 31 + i) & 0xFFFFFFFFFFFFFFFF
    return x


def block(seconds):
    """Wait `seconds`, releasing the GIL."""
    time.sleep(seconds)


def block_holding(seconds):
    """Wait `seconds` without sleeping: a busy loop (see the header)."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        pass
