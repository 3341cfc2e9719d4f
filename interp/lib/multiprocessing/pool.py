"""multiprocessing.pool: Pool (worker processes) and ThreadPool (worker threads), in _mp_pool."""

from _mp_pool import Pool, ThreadPool, AsyncResult, ApplyResult, MapResult
