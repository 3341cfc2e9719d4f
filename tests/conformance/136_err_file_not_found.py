# expect-exit: 1
# expect-stderr: Traceback (most recent call last):
# expect-stderr: 136_err_file_not_found.py", line 8, in <module>
# expect-stderr: FileNotFoundError: [Errno 2] No such file or directory: '/tmp/gilsim_conf_no_such_dir/missing.txt'
# open() of a missing file for reading raises FileNotFoundError.
path = "/tmp/gilsim_conf_no_such_dir/missing.txt"
print("opening", path)
with open(path) as f:
    print(f.read())
