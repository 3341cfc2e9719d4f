# file.flush on /dev/full raises, and is catchable.
# hostile-exit: 0
# hostile-stdout: caught 28

f = open('/dev/full', 'w')
f.write('x' * 10)
try:
    f.flush()
except OSError as e:
    print('caught', e.errno)
