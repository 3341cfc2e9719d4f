# sys.exit(0) and sys.exit() end the program with status 0; finally blocks still run
import sys
print("before exit")
try:
    sys.exit(0)
finally:
    print("finally runs during SystemExit")
print("not printed")
