"""multiprocessing.queues: Queue, SimpleQueue and JoinableQueue, in _mp_queues."""

from _mp_queues import Queue, SimpleQueue, JoinableQueue
