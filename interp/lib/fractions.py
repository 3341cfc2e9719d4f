"""Rational numbers, after CPython 3.11's fractions (Lib/fractions.py).

Fraction from ints, Fractions, floats (exactly) and strings ('3/4', '-1.25e2'), in lowest
terms with the sign on the numerator; arithmetic with ints and Fractions staying exact and with
floats giving floats; comparisons, CPython's hash (equal numbers hash equal), rounding,
limit_denominator, from_float and as_integer_ratio.
"""

__all__ = ["Fraction"]

_PyHASH_MODULUS = 2305843009213693951  # 2**61 - 1, CPython's numeric hash modulus
_PyHASH_INF = 314159


def _gcd(a, b):
    a, b = abs(a), abs(b)
    while b:
        a, b = b, a % b
    return a


def _float_ratio(x):
    # float.as_integer_ratio(), which gilsim's float does not have: doubling is exact.
    if x != x:
        raise ValueError("cannot convert NaN to integer ratio")
    if x in (float("inf"), float("-inf")):
        raise OverflowError("cannot convert Infinity to integer ratio")
    den = 1
    while x != int(x):
        x *= 2.0
        den *= 2
    return int(x), den


def _parse(text):
    """(numerator, denominator) of a Fraction literal, or None."""
    s = text.strip().replace("_", "")
    sign = 1
    if s[:1] in "+-":
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    if "/" in s:
        num, _, den = s.partition("/")
        if not num.isdigit() or not den.isdigit():
            return None
        return sign * int(num), int(den)
    mantissa, exp = s, 0
    for marker in ("e", "E"):
        if marker in s:
            mantissa, _, exp_text = s.partition(marker)
            body = exp_text[1:] if exp_text[:1] in "+-" else exp_text
            if not body.isdigit():
                return None
            exp = int(exp_text)
            break
    whole, dot, decimal = mantissa.partition(".")
    if not (whole or decimal) or (whole and not whole.isdigit()) or \
            (decimal and not decimal.isdigit()):
        return None
    if dot and not decimal and not whole:
        return None
    num = int(whole or "0") * 10 ** len(decimal) + int(decimal or "0")
    den = 10 ** len(decimal)
    if exp >= 0:
        num *= 10 ** exp
    else:
        den *= 10 ** -exp
    return sign * num, den


class Fraction:
    """Fraction(numerator=0, denominator=None): an exact rational number."""

    __slots__ = ("_numerator", "_denominator")

    def __init__(self, numerator=0, denominator=None, *, _normalize=True):
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, bool):
                num, den = int(numerator), 1
            elif isinstance(numerator, Fraction):
                num, den = numerator._numerator, numerator._denominator
            elif isinstance(numerator, float):
                num, den = _float_ratio(numerator)
            elif isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                num, den = parsed
            elif isinstance(numerator, int):
                num, den = int(numerator), 1
            else:
                raise TypeError("argument should be a string or a Rational instance")
        else:
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                a = Fraction(numerator)
                b = Fraction(denominator)
                num = a._numerator * b._denominator
                den = a._denominator * b._numerator
            elif isinstance(numerator, int) and isinstance(denominator, int):
                num, den = int(numerator), int(denominator)
            else:
                raise TypeError("both arguments should be Rational instances")
        if den == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % num)
        if _normalize:
            g = _gcd(num, den)
            if den < 0:
                g = -g
            num //= g
            den //= g
        self._numerator = num
        self._denominator = den

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" % (
                cls.__name__, f, type(f).__name__))
        return cls(*_float_ratio(f))

    @classmethod
    def from_decimal(cls, dec):
        raise NotImplementedError("Fraction.from_decimal is not supported by gilsim "
                                  "(no decimal module)")

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with a denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # ----- arithmetic: exact with ints and Fractions, float with floats
    def _other(self, other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None

    def _binary(self, other, exact, inexact, reverse=False):
        value = self._other(other)
        if value is not None:
            return exact(value, self) if reverse else exact(self, value)
        if isinstance(other, float):
            return inexact(other, float(self)) if reverse else inexact(float(self), other)
        return NotImplemented

    def __add__(self, other):
        return self._binary(other, _add, lambda a, b: a + b)

    def __radd__(self, other):
        return self._binary(other, _add, lambda a, b: a + b, True)

    def __sub__(self, other):
        return self._binary(other, _sub, lambda a, b: a - b)

    def __rsub__(self, other):
        return self._binary(other, _sub, lambda a, b: a - b, True)

    def __mul__(self, other):
        return self._binary(other, _mul, lambda a, b: a * b)

    def __rmul__(self, other):
        return self._binary(other, _mul, lambda a, b: a * b, True)

    def __truediv__(self, other):
        return self._binary(other, _div, lambda a, b: a / b)

    def __rtruediv__(self, other):
        return self._binary(other, _div, lambda a, b: a / b, True)

    def __floordiv__(self, other):
        return self._binary(other, _floordiv, lambda a, b: a // b)

    def __rfloordiv__(self, other):
        return self._binary(other, _floordiv, lambda a, b: a // b, True)

    def __mod__(self, other):
        return self._binary(other, _mod, lambda a, b: a % b)

    def __rmod__(self, other):
        return self._binary(other, _mod, lambda a, b: a % b, True)

    def __divmod__(self, other):
        return self._binary(other, lambda a, b: (_floordiv(a, b), _mod(a, b)), divmod)

    def __rdivmod__(self, other):
        return self._binary(other, lambda a, b: (_floordiv(a, b), _mod(a, b)), divmod, True)

    def __pow__(self, b):
        if isinstance(b, Fraction) and b._denominator == 1:
            b = b._numerator
        if isinstance(b, int):
            if b >= 0:
                return Fraction(self._numerator ** b, self._denominator ** b,
                                _normalize=False)
            if self._numerator > 0:
                return Fraction(self._denominator ** -b, self._numerator ** -b,
                                _normalize=False)
            if self._numerator == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (self._denominator ** -b))
            return Fraction((-self._denominator) ** -b, (-self._numerator) ** -b,
                            _normalize=False)
        if isinstance(b, (float, Fraction)):
            return float(self) ** float(b)
        return NotImplemented

    def __rpow__(self, a):
        if self._denominator == 1 and self._numerator >= 0:
            return a ** self._numerator
        if isinstance(a, int):
            return Fraction(a) ** self
        return a ** float(self)

    def __pos__(self):
        return Fraction(self._numerator, self._denominator, _normalize=False)

    def __neg__(self):
        return Fraction(-self._numerator, self._denominator, _normalize=False)

    def __abs__(self):
        return Fraction(abs(self._numerator), self._denominator, _normalize=False)

    def __int__(self):
        return self.__trunc__()

    def __trunc__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1  # half to even
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(self):
        return self._numerator / self._denominator

    def __bool__(self):
        return self._numerator != 0

    def __hash__(self):
        # CPython's: numerator times the inverse of the denominator modulo 2**61 - 1, so that
        # a Fraction hashes as the int or float it equals.
        d = self._denominator
        if d % _PyHASH_MODULUS == 0:
            hash_ = _PyHASH_INF
        else:
            dinv = pow(d, _PyHASH_MODULUS - 2, _PyHASH_MODULUS)
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def _compare(self, other, op):
        value = self._other(other)
        if value is not None:
            return op(self._numerator * value._denominator,
                      value._numerator * self._denominator)
        if isinstance(other, float):
            if other != other or other in (float("inf"), float("-inf")):
                return op(0.0, other)
            return self._compare(Fraction(other), op)
        return NotImplemented

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _add(a, b):
    return Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                    a._denominator * b._denominator)


def _sub(a, b):
    return Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                    a._denominator * b._denominator)


def _mul(a, b):
    return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)


def _div(a, b):
    if b._numerator == 0:
        raise ZeroDivisionError("Fraction(%s, 0)" % (a._numerator * b._denominator))
    return Fraction(a._numerator * b._denominator, a._denominator * b._numerator)


def _floordiv(a, b):
    return (a._numerator * b._denominator) // (a._denominator * b._numerator)


def _mod(a, b):
    da, db = a._denominator, b._denominator
    return Fraction((a._numerator * db) % (b._numerator * da), da * db)
