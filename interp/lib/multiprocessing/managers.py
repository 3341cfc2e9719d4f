"""multiprocessing.managers: BaseManager, SyncManager and the proxies, in _mp_managers."""

from _mp_managers import (BaseManager, SyncManager, BaseProxy, AutoProxy, DictProxy, ListProxy,
                          NamespaceProxy, ValueProxy, ArrayProxy, AcquirerProxy, EventProxy,
                          QueueProxy, Namespace, Value)
