# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 128_err_multiframe.py", line 21, in <module>
# expect-stderr: 128_err_multiframe.py", line 19, in main
# expect-stderr: 128_err_multiframe.py", line 14, in process
# expect-stderr: 128_err_multiframe.py", line 10, in parse
# expect-stderr: ValueError: invalid literal for int() with base 10: 'x3'
# An exception raised three calls deep gives a multi-frame traceback.
def parse(token):
    return int(token)
def process(tokens):
    total = 0
    for t in tokens:
        total += parse(t)
        print("running total", total)
    return total
def main():
    print("main starts")
    return process(["1", "2", "x3", "4"])
if __name__ == "__main__":
    main()
