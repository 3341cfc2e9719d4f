"""multiprocessing.connection: Connection, Pipe and wait, in _mp_connection."""

from _mp_connection import Connection, Pipe, wait
