import multiprocessing as mp
def sq(x):
    return x * x
if __name__ == "__main__":
    print(mp.get_all_start_methods())
    for m in mp.get_all_start_methods():
        ctx = mp.get_context(m)
        with ctx.Pool(2) as pool:
            print(m, ctx.get_start_method(), pool.map(sq, range(5)))
        q = ctx.Queue()
        p = ctx.Process(target=q.put, args=(m,))
        p.start(); print(q.get()); p.join()
