# expect-exit: 1
# expect-stderr: fatal: configuration file missing
# sys.exit("message") prints the message to stderr and exits with status 1.
import sys
print("loading configuration")
config = {}
if "path" not in config:
    sys.exit("fatal: configuration file missing")
print("never printed")
