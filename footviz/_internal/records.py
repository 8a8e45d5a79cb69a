"""Frozen dataclasses that cost next to nothing to define at import.

``@dataclass(frozen=True)`` writes a class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__`` and ``__delattr__`` as source text and compiles each with ``exec``
when its module is imported: about 1 ms a class, 15-20 ms for the atlas's records, which was the
largest part of footviz's own start-up (issue 14).  A record class here is decorated with
``@dataclass(init=False, repr=False, eq=False)`` (so that ``dataclasses.fields``, ``replace``,
``asdict`` and ``match`` work as on any dataclass) and derives from :class:`Record` or
:class:`ValueRecord`; its ``__init__`` is written out in the class (compiled into the module's
bytecode like any method) and stores the fields with :func:`init_fields`.  What it then behaves
like, exactly as the generated methods do:

* :class:`Record`, a ``@dataclass(frozen=True, eq=False)``: assigning or deleting an attribute
  raises :class:`dataclasses.FrozenInstanceError`; ``repr`` lists the fields with ``repr=True``;
  ``==`` and ``hash`` are by identity.
* :class:`ValueRecord`, a ``@dataclass(frozen=True)``: also ``==`` compares the fields with
  ``compare=True`` of two instances of the same class, and ``hash`` hashes those with
  ``hash=True`` (or, by default, ``compare=True``).

A class that defines its own ``__repr__`` keeps it.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields
from reprlib import recursive_repr
from typing import Any

__all__ = ["Record", "ValueRecord", "init_fields"]

# class -> (repr fields, compare fields, hash fields), read on first use
_NAMES: dict[type, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}


def _names(cls: type) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    names = _NAMES.get(cls)
    if names is None:
        fs = fields(cls)
        names = _NAMES[cls] = (
            tuple(f.name for f in fs if f.repr),
            tuple(f.name for f in fs if f.compare),
            tuple(f.name for f in fs if (f.compare if f.hash is None else f.hash)),
        )
    return names


def init_fields(record: Record, **values: Any) -> None:
    """Set the fields of a record being made (what the ``__init__`` of a record calls)."""
    record.__dict__.update(values)


class Record:
    """Base of a frozen record class with identity equality (see the module docstring)."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        cls = type(self)
        if "__dataclass_fields__" in cls.__dict__ or name in cls.__dataclass_fields__:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        cls = type(self)
        if "__dataclass_fields__" in cls.__dict__ or name in cls.__dataclass_fields__:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        object.__delattr__(self, name)

    @recursive_repr()
    def __repr__(self) -> str:
        cls = type(self)
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in _names(cls)[0])
        return f"{cls.__qualname__}({shown})"


class ValueRecord(Record):
    """Base of a frozen record class compared and hashed by its fields."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        names = _names(type(self))[1]
        return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, n) for n in _names(type(self))[2]))
