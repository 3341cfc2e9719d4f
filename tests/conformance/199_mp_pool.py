# Pool: map, starmap, imap, apply and apply_async with timeouts, errors raised in workers coming
# back to the caller, and what cannot be sent failing with pickle's error.
import multiprocessing


def square(x):
    return x * x


def power(base, exp):
    return base ** exp


def fail(x):
    raise KeyError(x)


if __name__ == "__main__":
    with multiprocessing.Pool(processes=3) as pool:
        print(pool.map(square, range(20)))
        print(pool.map(square, []))
        print(pool.starmap(power, [(2, 10), (3, 3), (10, 30)]))
        print(list(pool.imap(square, [5, 6, 7])))
        print(sorted(pool.imap_unordered(square, range(10), chunksize=3)))
        print(pool.apply(power, (2, 100)))
        result = pool.apply_async(square, (12,))
        print(result.get(timeout=20), result.ready(), result.successful())
        try:
            pool.apply_async(fail, ("missing",)).get(timeout=20)
        except KeyError as e:
            print("KeyError:", e)
        try:
            pool.map(fail, [1, 2])
        except KeyError as e:
            print("KeyError from map")
        try:
            pool.map(lambda x: x, [1])
        except Exception as e:
            print(type(e).__name__, str(e).split(" at 0x")[0])
    pool = multiprocessing.Pool(2)
    print(pool.map(square, [1, 2, 3], chunksize=1))
    pool.close()
    try:
        pool.map(square, [1])
    except ValueError as e:
        print("ValueError:", e)
    pool.join()
    print("joined")
