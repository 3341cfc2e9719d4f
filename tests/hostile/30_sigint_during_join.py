# Ctrl-C while joining children: KeyboardInterrupt, every child reaped, no OSError from the exit function.
# hostile-interrupt-on: started
# hostile-exit: 1
# hostile-stderr: KeyboardInterrupt
# hostile-no-stderr: No such process
# hostile-no-stderr: OSError

import multiprocessing, time
def work(n):
    time.sleep(0.05 * n)
if __name__ == '__main__':
    ps = [multiprocessing.Process(target=work, args=(i,)) for i in range(4)]
    for p in ps:
        p.start()
    print('started', flush=True)
    for p in ps:
        p.join()
    time.sleep(10)
