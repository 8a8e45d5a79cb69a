"""Memoising a function of one immutable object (a shapely geometry, a zone shape) by identity.

Entries live as long as the object does: geometry of a loaded atlas (which is immutable and
cached) is worked on once per process, and nothing is kept for objects that are gone.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

T = TypeVar("T")


def per_object(fn: Callable[[Any], T]) -> Callable[[Any], T]:
    """Cache ``fn(obj)`` per object identity; ``obj`` must be weak-referenceable and immutable."""
    cache: dict[int, tuple[weakref.ref, T]] = {}

    @wraps(fn)
    def wrapper(obj: Any) -> T:
        key = id(obj)
        hit = cache.get(key)
        if hit is not None and hit[0]() is obj:
            return hit[1]
        value = fn(obj)
        try:
            ref = weakref.ref(obj, lambda _, k=key: cache.pop(k, None))
        except TypeError:  # not weak-referenceable: just compute
            return value
        cache[key] = (ref, value)
        return value

    wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]
    return wrapper
