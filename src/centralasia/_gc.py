"""
The cyclic garbage collector paused while many objects without cycles are built.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector, and restore it however the block ends."""
    # Loading and exports make many objects and no reference cycles. With the
    # collector on, each of its passes rescans every object built so far, and
    # large loads grow faster than linearly (measured with bench/run.py: 17
    # times the time for 10 times the records, against 10 times with it paused).
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
