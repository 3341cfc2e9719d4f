"""selectors: waiting for I/O on many file objects at once, after CPython 3.11's selectors
module, over the native select module (select.select and select.poll).

A selector keeps a SelectorKey(fileobj, fd, events, data) per registered descriptor; select()
waits (the GIL given up, reason `io`) and returns [(key, events)] for those ready, in the order
they were registered. The errors are CPython's: KeyError "... is already registered" and
"... is not registered", ValueError "Invalid events: ..." and "Invalid file object: ...",
RuntimeError "Selector is closed".

Not supported by gilsim: EpollSelector, DevpollSelector and KqueueSelector;
DefaultSelector is PollSelector (CPython's is EpollSelector on Linux, which behaves alike).
"""

import math
import select
from abc import ABCMeta, abstractmethod
from collections import namedtuple
from collections.abc import Mapping

__all__ = ["EVENT_READ", "EVENT_WRITE", "SelectorKey", "BaseSelector", "SelectSelector",
           "PollSelector", "DefaultSelector"]

EVENT_READ = 1
EVENT_WRITE = 2
_ALL_EVENTS = EVENT_READ | EVENT_WRITE

SelectorKey = namedtuple("SelectorKey", ["fileobj", "fd", "events", "data"], module=__name__)
SelectorKey.__doc__ = """SelectorKey(fileobj, fd, events, data)

What a selector keeps of a registered file object: the object, its descriptor, the events
(EVENT_READ | EVENT_WRITE) waited for and the data given to register()."""


def _descriptor(fileobj):
    """The descriptor of an int or of an object with fileno()."""
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError("Invalid file object: {!r}".format(fileobj)) from None
    if fd < 0:
        raise ValueError("Invalid file descriptor: {}".format(fd))
    return fd


class _KeyView(Mapping):
    """get_map()'s read-only view: file object (or descriptor) -> SelectorKey."""

    def __init__(self, selector):
        self._selector = selector

    def __len__(self):
        return len(self._selector._keys)

    def __iter__(self):
        return iter(self._selector._keys)

    def __getitem__(self, fileobj):
        key = self._selector._keys.get(self._selector._find_fd(fileobj))
        if key is None:
            raise KeyError("{!r} is not registered".format(fileobj))
        return key

    def get(self, fileobj, default=None):
        return self._selector._keys.get(self._selector._find_fd(fileobj), default)


class BaseSelector(metaclass=ABCMeta):
    """The selector interface: register, unregister, modify, select, close, get_key, get_map,
    and the with statement (which closes it)."""

    @abstractmethod
    def register(self, fileobj, events, data=None):
        raise NotImplementedError

    @abstractmethod
    def unregister(self, fileobj):
        raise NotImplementedError

    def modify(self, fileobj, events, data=None):
        self.unregister(fileobj)
        return self.register(fileobj, events, data)

    @abstractmethod
    def select(self, timeout=None):
        raise NotImplementedError

    def close(self):
        pass

    def get_key(self, fileobj):
        view = self.get_map()
        if view is None:
            raise RuntimeError("Selector is closed")
        try:
            return view[fileobj]
        except KeyError:
            raise KeyError("{!r} is not registered".format(fileobj)) from None

    @abstractmethod
    def get_map(self):
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class _Selector(BaseSelector):
    """What the selectors share: the keys by descriptor, in the order of registration. Each
    kind supplies _watch(fd, events), _unwatch(fd) and _wait(timeout) -> [(fd, events)]."""

    def __init__(self):
        self._keys = {}
        self._view = _KeyView(self)

    def _find_fd(self, fileobj):
        try:
            return _descriptor(fileobj)
        except ValueError:
            # A file object closed since it was registered has no fileno(): find it by identity.
            for key in self._keys.values():
                if key.fileobj is fileobj:
                    return key.fd
            raise

    def register(self, fileobj, events, data=None):
        if not events or events & ~_ALL_EVENTS:
            raise ValueError("Invalid events: {!r}".format(events))
        fd = self._find_fd(fileobj)
        if fd in self._keys:
            raise KeyError("{!r} (FD {}) is already registered".format(fileobj, fd))
        key = SelectorKey(fileobj, fd, events, data)
        self._keys[fd] = key
        self._watch(fd, events)
        return key

    def unregister(self, fileobj):
        fd = self._find_fd(fileobj)
        key = self._keys.pop(fd, None)
        if key is None:
            raise KeyError("{!r} is not registered".format(fileobj))
        try:
            self._unwatch(fd)
        except OSError:
            pass  # the descriptor was closed meanwhile: nothing to stop watching
        return key

    def modify(self, fileobj, events, data=None):
        fd = self._find_fd(fileobj)
        key = self._keys.get(fd)
        if key is None:
            raise KeyError("{!r} is not registered".format(fileobj))
        if events != key.events:
            self.unregister(fileobj)
            return self.register(fileobj, events, data)
        if data != key.data:
            key = key._replace(data=data)
            self._keys[fd] = key
        return key

    def select(self, timeout=None):
        try:
            ready = self._wait(timeout)
        except InterruptedError:
            return []
        found = []
        for fd, events in ready:
            key = self._keys.get(fd)
            if key is not None and events & key.events:
                found.append((key, events & key.events))
        return found

    def close(self):
        self._keys.clear()
        self._view = None

    def get_map(self):
        return self._view


class SelectSelector(_Selector):
    """A selector over select.select()."""

    def _watch(self, fd, events):
        pass

    def _unwatch(self, fd):
        pass

    def _wait(self, timeout):
        if timeout is not None:
            timeout = max(timeout, 0)
        readers = [fd for fd, key in self._keys.items() if key.events & EVENT_READ]
        writers = [fd for fd, key in self._keys.items() if key.events & EVENT_WRITE]
        readable, writable, _ = select.select(readers, writers, [], timeout)
        readable = set(readable)
        writable = set(writable)
        return [(fd, (EVENT_READ if fd in readable else 0) | (EVENT_WRITE if fd in writable else 0))
                for fd in self._keys if fd in readable or fd in writable]


class PollSelector(_Selector):
    """A selector over a select.poll() object."""

    def __init__(self):
        super().__init__()
        self._poll = select.poll()

    def _watch(self, fd, events):
        mask = (select.POLLIN if events & EVENT_READ else 0) | \
               (select.POLLOUT if events & EVENT_WRITE else 0)
        self._poll.register(fd, mask)

    def _unwatch(self, fd):
        self._poll.unregister(fd)

    def _wait(self, timeout):
        # poll() takes milliseconds, rounded up so that the wait is never shorter.
        if timeout is None:
            ms = None
        elif timeout <= 0:
            ms = 0
        else:
            ms = math.ceil(timeout * 1e3)
        ready = []
        for fd, revents in self._poll.poll(ms):
            # Errors and hang-ups wake both sides: the next read or write reports them.
            events = 0
            if revents & ~select.POLLOUT:
                events |= EVENT_READ
            if revents & ~select.POLLIN:
                events |= EVENT_WRITE
            ready.append((fd, events))
        return ready

    def close(self):
        super().close()
        self._poll = None


DefaultSelector = PollSelector
