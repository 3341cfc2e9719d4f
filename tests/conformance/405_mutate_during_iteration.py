# Dicts, sets and lists changed while they are iterated (issue 15): CPython's RuntimeErrors for
# dicts ("changed size", "keys changed") and sets, and lists that see appends and removals.


def attempt(label, fn):
    try:
        fn()
        print(label, "finished")
    except RuntimeError as e:
        print(label, "RuntimeError:", e)


def add_while_iterating():
    d = {i: i for i in range(10)}
    for k in d:
        d[k + 100] = 1


def delete_while_iterating():
    d = {i: i for i in range(10)}
    for k in d:
        del d[k]


def clear_values():
    d = {i: i for i in range(10)}
    for v in d.values():
        d.clear()


def replace_keys():
    # Same size, other keys: CPython notices more entries than the dict had.
    d = {i: i for i in range(10)}
    for k, v in d.items():
        d.pop(k)
        d[k + 50] = v


def pop_readd_same():
    d = {"a": 1, "b": 2}
    seen = []
    for k in d:
        seen.append(k)
        if len(seen) < 5:
            d[k] = 0  # updating a value is allowed
    print("values updated", seen)


def set_add():
    s = set(range(10))
    for v in s:
        s.add(v + 100)


def set_discard():
    s = set(range(10))
    for v in s:
        s.discard(v)


attempt("dict add", add_while_iterating)
attempt("dict delete", delete_while_iterating)
attempt("dict values clear", clear_values)
attempt("dict items replace", replace_keys)
attempt("dict update value", pop_readd_same)
attempt("set add", set_add)
attempt("set discard", set_discard)

# Sticky: after the error the iterator keeps failing.
d = {1: 1}
it = iter(d)
next(it)
d[2] = 2
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("again:", e)
    except StopIteration:
        print("again: StopIteration")

# Lists: the iterator re-reads the length each step.
lst = [1, 2, 3]
for v in lst:
    if len(lst) < 8:
        lst.append(v * 10)
print(lst)
lst = list(range(10))
for v in lst:
    lst.remove(v)
print(lst)
lst = list(range(5))
out = [v for v in lst if not lst.clear()]
print(out, lst)
