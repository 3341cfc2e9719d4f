# expect-exit: 3
# sys.exit(3) ends the program with status 3 and prints nothing to stderr.
import sys
def finish(code):
    print("exiting with", code)
    sys.exit(code)
print("working")
finish(3)
print("never printed")
