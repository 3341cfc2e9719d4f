"""multiprocessing.sharedctypes: Value and Array in shared memory, in _mp_sharedctypes."""

from _mp_sharedctypes import Value, Array, RawValue, RawArray
