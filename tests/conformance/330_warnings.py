# warnings: catch_warnings(record=True), the actions (default once per place, always, ignore,
# error), category filters, a replaced showwarning, formatwarning, bad filters.
import warnings
def noisy(n):
    for i in range(n):
        warnings.warn("careful")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    noisy(3)
    warnings.warn("old api", DeprecationWarning)
    warnings.warn(RuntimeWarning("runtime issue"))
print([(str(w.message), w.category.__name__) for w in caught])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore", UserWarning)
    warnings.warn("hidden")
    warnings.warn("shown", RuntimeWarning)
print([str(w.message) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", UserWarning)
    except UserWarning as e:
        print("raised", type(e).__name__, e)
with warnings.catch_warnings():
    warnings.filterwarnings("error", message="bad")
    try:
        warnings.warn("bad thing")
    except UserWarning as e:
        print("filtered error", e)
shown = []
def capture(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__))
old = warnings.showwarning
warnings.showwarning = capture
warnings.simplefilter("always")
warnings.warn("to capture", FutureWarning)
warnings.showwarning = old
print(shown)
print(repr(warnings.formatwarning("msg", UserWarning, "file.py", 7)))
for bad in [lambda: warnings.simplefilter("loud"), lambda: warnings.warn("x", category=int), lambda: warnings.filterwarnings("ignore", category=5)]:
    try:
        bad()
    except (AssertionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(issubclass(DeprecationWarning, Warning), issubclass(UserWarning, Exception))
for w in (UserWarning, DeprecationWarning, PendingDeprecationWarning, SyntaxWarning, RuntimeWarning, FutureWarning, ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning):
    print(w.__name__, w.__bases__[0].__name__, repr(w("m")))
