"""Exceptions raised by footviz.  All derive from :class:`FootvizError`."""

from __future__ import annotations

from collections.abc import Iterable


class FootvizError(Exception):
    """Base class of every error footviz raises on purpose."""


class UnknownNameError(FootvizError, KeyError):
    """A zone, organ, group, condition, foot or aspect name that the atlas does not know.

    Attributes
    ----------
    kind : str
        What was looked up ("zone", "organ", "condition", ...).
    value : object
        The value that was given.
    suggestions : tuple of str
        The closest valid names, best first (may be empty).
    allowed : tuple of str
        Every valid name of that kind.
    """

    def __init__(
        self,
        kind: str,
        value: object,
        suggestions: Iterable[str] = (),
        allowed: Iterable[str] = (),
        hint: str = "",
    ) -> None:
        self.kind = kind
        self.value = value
        self.suggestions = tuple(dict.fromkeys(suggestions))  # each spelling once, best first
        self.allowed = tuple(allowed)
        self.hint = hint
        super().__init__(self._message())

    def _message(self) -> str:
        msg = f"unknown {self.kind} {self.value!r}"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        elif self.allowed:
            msg += "."
        if self.allowed and len(self.allowed) <= 12:
            msg += " Allowed: " + ", ".join(repr(a) for a in self.allowed) + "."
        elif self.allowed:
            msg += f" ({len(self.allowed)} {self.kind} names are known.)"
        if self.hint:
            msg += f" {self.hint}"
        return msg

    def __str__(self) -> str:  # KeyError would repr() the message
        return self.args[0] if self.args else ""


class AtlasFormatError(FootvizError, ValueError):
    """An atlas file that cannot be read: bad JSON, wrong schema version, missing members."""


class AtlasValidationError(FootvizError, ValueError):
    """An atlas that fails validation; ``report`` holds every problem found."""

    def __init__(self, report: object) -> None:
        self.report = report
        super().__init__(str(report))


class NotInAtlasError(FootvizError, LookupError):
    """A known name whose zones are not part of this atlas (for example another aspect)."""


class OutputError(FootvizError, OSError):
    """A file could not be written (full disk, no permission, missing folder, a stream that
    raised).  Whatever was at the path before is left as it was; ``errno`` and ``filename``
    are those of the failure."""

    def __init__(self, message: str, errno: int | None = None, filename: str | None = None):
        super().__init__(errno, message, filename)
        self.message = message

    def __str__(self) -> str:
        return self.message


class OutputTargetError(FootvizError, TypeError):
    """A save target that is neither a path nor a binary file object."""
