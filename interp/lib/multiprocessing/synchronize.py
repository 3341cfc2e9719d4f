"""multiprocessing.synchronize: the process-shared locks, in _mp_synchronize."""

from _mp_synchronize import Semaphore, BoundedSemaphore, Lock, RLock, Event, Condition, Barrier
