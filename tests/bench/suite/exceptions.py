# exceptions: raising and catching custom exception classes (a small hierarchy with attributes)
# in a loop, except clauses matched by base class, re-raising, try/finally, else clauses, and with
# statements over a user context manager whose __exit__ sees the exception. Error handling on a
# hot path is where a VM's unwinding and exception-object costs show.
# Usage: exceptions.py [SIZE]   (SIZE: integer scale factor, default 1; 0 is a quick smoke size)
import sys


class AppError(Exception):
    def __init__(self, code, msg="app"):
        super().__init__(msg)
        self.code = code


class NotFound(AppError):
    pass


class Invalid(AppError):
    def __init__(self, code, field):
        super().__init__(code, "invalid " + field)
        self.field = field


class Resource:
    def __init__(self, log):
        self.log = log
        self.opened = 0

    def __enter__(self):
        self.opened += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.log[0] += 1
            return False
        if issubclass(exc_type, NotFound):
            self.log[1] += 1
            return True  # swallow
        self.log[2] += 1
        return False


def lookup(i):
    k = i % 7
    if k == 0:
        raise NotFound(i)
    if k == 3:
        raise Invalid(i, "f" + str(i % 3))
    if k == 5:
        raise KeyError(i)
    return i * 2


def checked(i):
    try:
        return lookup(i)
    except KeyError:
        return -1
    finally:
        pass


def run(n):
    log = [0, 0, 0]
    res = Resource(log)
    total = 0
    codes = 0
    fields = {}
    finals = 0
    elses = 0
    for i in range(n):
        try:
            try:
                v = checked(i)
            except NotFound as e:
                codes += e.code % 10
                raise
            else:
                elses += 1
                total += v
            finally:
                finals += 1
        except Invalid as e:
            fields[e.field] = fields.get(e.field, 0) + 1
        except AppError as e:
            codes += 1
        try:
            with res:
                if i % 4 == 0:
                    raise NotFound(i)
                if i % 4 == 1:
                    raise Invalid(i, "w")
                total += 1
        except Invalid:
            total += 2
    return total, codes, sorted(fields.items()), finals, elses, log, res.opened


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    n = 500000 * size if size > 0 else 7000
    total, codes, fields, finals, elses, log, opened = run(n)
    print("exceptions", total, codes, finals, elses, opened)
    print(fields, log)


main()
