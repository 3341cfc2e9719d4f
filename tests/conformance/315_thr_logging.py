# logging: basicConfig, levels and names, the logger tree, handler levels, filters, the three format styles, LoggerAdapter, threadName/processName, errors, disable, force.
import logging, sys, io, threading
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(levelname)s %(name)s [%(threadName)s/%(processName)s] %(message)s")
log = logging.getLogger("app")
log.debug("debug %d", 1)
log.info("info %s", "x")
log.warning("warn")
log.error("error %(a)s", {"a": "dict-arg"})
log.critical("critical")
log.log(25, "level 25")
print(logging.getLevelName(25), logging.getLevelName("INFO"), logging.getLevelName(logging.WARNING))
logging.addLevelName(25, "NOTICE"); log.log(25, "now named")
child = logging.getLogger("app.db.pool")
print(child.parent.name, child.getEffectiveLevel(), logging.getLogger("app.db").parent.name, child.parent.name)
print(logging.getLogger() is logging.root, logging.getLogger("app") is log, repr(log), repr(logging.root))
log.setLevel(logging.WARNING)
child.info("hidden"); child.warning("shown via app's level")
print(child.isEnabledFor(logging.INFO), child.getEffectiveLevel(), log.getChild("x").name)
buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("{levelname}:{name}:{message}", style="{"))
h.setLevel(logging.ERROR)
sub = logging.getLogger("svc"); sub.addHandler(h); sub.propagate = False
sub.warning("not at handler level"); sub.error("to buffer"); sub.critical("%s and %s", 1, 2)
print(repr(buf.getvalue()))
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1
sub.addFilter(OnlyOdd())
for i in range(4):
    sub.error("n=%d", i)
print(repr(buf.getvalue()))
dollar = logging.Formatter("$levelname-$message", style="$")
rec = logging.makeLogRecord({"msg": "hi %s", "args": ("there",), "levelname": "INFO", "levelno": 20})
print(dollar.format(rec), rec.getMessage())
adapter = logging.LoggerAdapter(logging.getLogger("adapt"), {"user": "bob"})
fh = logging.StreamHandler(sys.stdout); fh.setFormatter(logging.Formatter("%(user)s %(message)s"))
adapter.logger.addHandler(fh); adapter.logger.propagate = False
adapter.warning("adapted")
def work(n):
    logging.getLogger("worker").info("job %d", n)
t = threading.Thread(target=work, args=(7,), name="W-7"); t.start(); t.join()
try:
    logging.Formatter("%(nosuch)s").format(rec)
except ValueError as e:
    print("ValueError", e)
for bad in [lambda: logging.getLogger(5), lambda: log.setLevel("LOUD"), lambda: logging.Formatter(style="?")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
logging.disable(logging.ERROR); log.error("disabled"); logging.disable(logging.NOTSET); log.error("enabled again")
print(logging.getLogger("app").handlers, len(logging.root.handlers))
logging.basicConfig(level=logging.ERROR)
print(logging.root.level)
logging.basicConfig(stream=sys.stdout, format="forced %(message)s", force=True)
logging.warning("module level")
