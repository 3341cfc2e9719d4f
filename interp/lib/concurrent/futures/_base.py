"""concurrent.futures._base: Future, Executor, wait and as_completed (in _futures_base)."""

from _futures_base import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, PENDING, RUNNING,
                           CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED, Error, CancelledError,
                           TimeoutError, InvalidStateError, BrokenExecutor, Future, Executor,
                           DoneAndNotDoneFutures, wait, as_completed)
