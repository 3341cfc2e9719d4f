"""Mathematical statistics, after CPython 3.11's statistics (Lib/statistics.py).

mean, fmean, geometric_mean, harmonic_mean, median (low, high, grouped), mode, multimode,
quantiles, variance, pvariance, stdev and pstdev, for ints and floats. As in CPython the sums
are exact (rationals as integer pairs here, where CPython uses Fraction), so results are
correctly rounded and print the same; stdev and pstdev take the correctly rounded square root
of the exact variance, as 3.11 does.
"""

__all__ = ["NormalDist", "StatisticsError", "fmean", "geometric_mean", "harmonic_mean",
           "mean", "median", "median_grouped", "median_high", "median_low", "mode",
           "multimode", "pstdev", "pvariance", "quantiles", "stdev", "variance"]


class StatisticsError(ValueError):
    pass


def _gcd(a, b):
    a, b = abs(a), abs(b)
    while b:
        a, b = b, a % b
    return a


def _ratio(x):
    """x as an exact (numerator, denominator) pair."""
    if isinstance(x, int):
        return int(x), 1
    if isinstance(x, float):
        if x != x or x in (float("inf"), float("-inf")):
            raise _NonFinite(x)
        den = 1
        while x != int(x):  # doubling a float is exact: x * 2**k reaches an integer
            x *= 2.0
            den *= 2
        return int(x), den
    raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


class _NonFinite(Exception):
    def __init__(self, value):
        Exception.__init__(self)
        self.value = value


def _add(a, b):
    n = a[0] * b[1] + b[0] * a[1]
    d = a[1] * b[1]
    g = _gcd(n, d) or 1
    return n // g, d // g


def _reduce(n, d):
    if d < 0:
        n, d = -n, -d
    g = _gcd(n, d) or 1
    return n // g, d // g


def _sum(data):
    """(type, exact total, count): the type is int while every value is an int, else float."""
    kind = int
    total = (0, 1)
    count = 0
    for x in data:
        if isinstance(x, bool) or type(x) is int:
            pass
        elif isinstance(x, float):
            kind = float
        elif isinstance(x, int):
            pass
        else:
            raise TypeError("can't convert type '%s' to numerator/denominator" %
                            type(x).__name__)
        total = _add(total, _ratio(x))
        count += 1
    return kind, total, count


def _convert(ratio, kind):
    n, d = ratio
    if kind is int and d == 1:
        return n
    return n / d


def _finite_or_special(func):
    # A NaN or an infinity in the data makes the result float arithmetic's, as in CPython.
    def wrapper(data, *args):
        data = list(data)
        try:
            return func(data, *args)
        except _NonFinite:
            return func.special(data, *args)
    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper


def _mean(data):
    kind, total, n = _sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _convert(_reduce(total[0], total[1] * n), kind)


_mean.special = lambda data: sum(data) / len(data)
mean = _finite_or_special(_mean)
mean.__doc__ = "The arithmetic mean of data (exact, then rounded once)."


def fmean(data, weights=None):
    data = list(data)
    if weights is not None:
        weights = list(weights)
        if len(weights) != len(data):
            raise StatisticsError("data and weights must be the same length")
        total_weight = _to_float_sum(weights)
        if not total_weight:
            raise StatisticsError("sum of weights must be non-zero")
        return _to_float_sum([x * w for x, w in zip(data, weights)]) / total_weight
    if not data:
        raise StatisticsError("fmean requires at least one data point")
    return _to_float_sum(data) / len(data)


def _to_float_sum(values):
    # math.fsum: the exact sum rounded once.
    try:
        total = (0, 1)
        for x in values:
            total = _add(total, _ratio(float(x)))
        return total[0] / total[1]
    except _NonFinite:
        return sum(float(x) for x in values)


def geometric_mean(data):
    import math
    data = list(data)
    if not data:
        raise StatisticsError("fmean requires at least one data point")
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError("geometric mean requires a non-empty dataset containing "
                              "positive numbers") from None


def harmonic_mean(data, weights=None):
    data = list(data)
    errmsg = "harmonic mean does not support negative values"
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError("unsupported type")
    if weights is None:
        weights = [1] * n
        sum_weights = n
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError("Number of weights does not match data size")
        sum_weights = sum(w for w in weights if not w < 0 or _raise(errmsg))
    total = (0, 1)
    for w, x in zip(weights, data):
        if x < 0:
            raise StatisticsError(errmsg)
        if w:
            if x == 0:
                return 0
            total = _add(total, _ratio(w / x))  # each term in float, summed exactly
    if total[0] <= 0:
        raise StatisticsError("Weighted sum must be positive")
    swn, swd = _ratio(sum_weights)
    return _convert(_reduce(swn * total[1], swd * total[0]), float)


def _raise(message):
    raise StatisticsError(message)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    for obj in (x, interval):
        if isinstance(obj, (str, bytes)):
            raise TypeError("expected number but got %r" % (obj,))
    try:
        L = x - interval / 2
    except TypeError:
        L = float(x) - float(interval) / 2
    l1 = 0
    while l1 < n and data[l1] != x:
        l1 += 1
    l2 = n - 1
    while data[l2] != x:
        l2 -= 1
    cf = l1
    f = l2 - l1 + 1
    return L + interval * (n / 2 - cf) / f


def mode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        raise StatisticsError("no mode for empty data")
    best = None
    best_count = 0
    for value, count in counts.items():
        if count > best_count:
            best, best_count = value, count
    return best


def multimode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


def quantiles(data, *, n=4, method="exclusive"):
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError("must have at least two data points")
    if method == "inclusive":
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == "exclusive":
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError("Unknown method: %r" % (method,))


def _ss(data, c=None):
    """(type, exact sum of squared deviations from the mean, count). With a given centre c,
    each deviation is squared in the data's own arithmetic first, as CPython 3.11 does."""
    if c is not None:
        kind, ss, n = _sum([(x - c) * (x - c) for x in data])
        return kind, ss, n
    kind, total, n = _sum(data)
    center = _reduce(total[0], total[1] * n) if n else (0, 1)
    ss = (0, 1)
    for x in data:
        xn, xd = _ratio(x)
        dn = xn * center[1] - center[0] * xd
        dd = xd * center[1]
        ss = _add(ss, (dn * dn, dd * dd))
    return kind, ss, n


def _isqrt(n):
    if n < 0:
        raise ValueError("isqrt() argument must be nonnegative")
    if n == 0:
        return 0
    x = 1 << ((_bit_length(n) + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def _bit_length(n):
    n = abs(n)
    length = 0
    while n >= 1 << 64:
        n >>= 64
        length += 64
    while n:
        n >>= 1
        length += 1
    return length


def _integer_sqrt_of_frac_rto(n, m):
    # The square root of n/m rounded to odd, so that the final division rounds correctly.
    a = _isqrt(n // m)
    return a | (a * a * m != n)


_SQRT_BIT_WIDTH = 2 * 53 + 3


def _float_sqrt_of_frac(n, m):
    q = (_bit_length(n) - _bit_length(m) - _SQRT_BIT_WIDTH) // 2
    if q >= 0:
        numerator = _integer_sqrt_of_frac_rto(n, m << 2 * q) << q
        denominator = 1
    else:
        numerator = _integer_sqrt_of_frac_rto(n << -2 * q, m)
        denominator = 1 << -q
    return numerator / denominator


def _variance_ratio(data, xbar, population, name):
    data = list(data)
    kind, ss, n = _ss(data, xbar)
    if n < (1 if population else 2):
        raise StatisticsError("%s requires at least %s data point%s" % (
            name, "one" if population else "two", "" if population else "s"))
    return kind, _reduce(ss[0], ss[1] * (n if population else n - 1))


def _special_variance(data, population):
    n = len(data)
    m = sum(data) / n
    return sum((x - m) ** 2 for x in data) / (n if population else n - 1)


def variance(data, xbar=None):
    data = list(data)
    try:
        kind, ratio = _variance_ratio(data, xbar, False, "variance")
    except _NonFinite:
        return _special_variance(data, False)
    return _convert(ratio, kind)


def pvariance(data, mu=None):
    data = list(data)
    try:
        kind, ratio = _variance_ratio(data, mu, True, "pvariance")
    except _NonFinite:
        return _special_variance(data, True)
    return _convert(ratio, kind)


def stdev(data, xbar=None):
    data = list(data)
    try:
        kind, ratio = _variance_ratio(data, xbar, False, "stdev")
    except _NonFinite:
        return _special_variance(data, False) ** 0.5
    return _float_sqrt_of_frac(ratio[0], ratio[1])


def pstdev(data, mu=None):
    data = list(data)
    try:
        kind, ratio = _variance_ratio(data, mu, True, "pstdev")
    except _NonFinite:
        return _special_variance(data, True) ** 0.5
    return _float_sqrt_of_frac(ratio[0], ratio[1])


class NormalDist:
    """A normal distribution: NormalDist(mu, sigma), from_samples, pdf, cdf, mean, stdev."""

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError("sigma must be non-negative")
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        data = list(data)
        return cls(fmean(data), stdev(data))

    @property
    def mean(self):
        return self._mu

    @property
    def median(self):
        return self._mu

    @property
    def mode(self):
        return self._mu

    @property
    def stdev(self):
        return self._sigma

    @property
    def variance(self):
        return self._sigma * self._sigma

    def pdf(self, x):
        import math
        variance = self._sigma * self._sigma
        if not variance:
            raise StatisticsError("pdf() not defined when sigma is zero")
        diff = x - self._mu
        return math.exp(diff * diff / (-2.0 * variance)) / math.sqrt(2.0 * math.pi * variance)

    def cdf(self, x):
        import math
        if not self._sigma:
            raise StatisticsError("cdf() not defined when sigma is zero")
        return 0.5 * (1.0 + math.erf((x - self._mu) / (self._sigma * math.sqrt(2.0))))

    def __repr__(self):
        return "%s(mu=%r, sigma=%r)" % (type(self).__name__, self._mu, self._sigma)
