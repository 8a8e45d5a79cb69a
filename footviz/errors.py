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
    parameter : str
        The argument that held it, when its name is not the kind's (``lang`` for a language).
    """

    def __init__(
        self,
        kind: str,
        value: object,
        suggestions: Iterable[str] = (),
        allowed: Iterable[str] = (),
        hint: str = "",
        *,
        parameter: str = "",
    ) -> None:
        self.kind = kind
        self.parameter = parameter
        self.value = value
        self.suggestions = tuple(dict.fromkeys(suggestions))  # each spelling once, best first
        self.allowed = tuple(allowed)
        self.hint = hint
        super().__init__(self._message())

    def _message(self) -> str:
        from ._internal.checks import shorten

        msg = f"unknown {self.kind} {shorten(self.value)}"
        if self.parameter and self.parameter != self.kind:
            msg = f"{self.parameter}: {msg}"
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


class NotANameError(UnknownNameError, TypeError):
    """Something other than a string where a name is expected (``None``, a number, a list).

    A :class:`UnknownNameError` (so code catching that keeps working) and a ``TypeError``.
    """

    def __init__(
        self, kind: str, value: object, allowed: Iterable[str] = (), parameter: str = ""
    ) -> None:
        super().__init__(kind, value, (), allowed, parameter=parameter or kind)

    def _message(self) -> str:
        from ._internal.checks import describe

        article = "an" if self.kind[:1] in "aeiou" else "a"
        msg = f"{self.parameter} must be {article} {self.kind} name (a str)"
        if self.allowed and len(self.allowed) <= 12:
            msg += ": one of " + ", ".join(repr(a) for a in self.allowed)
        msg += f", got {describe(self.value)}"
        if len(self.allowed) > 12:
            msg += f" ({len(self.allowed)} {self.kind} names are known)"
        return msg + "."


class UnknownOptionError(UnknownNameError, TypeError):
    """A keyword argument that the function does not take (with a did-you-mean).

    ``kind`` is the function's name (``"FootMap.draw"``); ``allowed`` its keywords.
    """

    def _message(self) -> str:
        from ._internal.checks import shorten

        msg = f"{self.kind} got an unknown keyword argument {shorten(self.value)}"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        if self.allowed and len(self.allowed) <= 12:
            msg += " Allowed: " + ", ".join(repr(a) for a in self.allowed) + "."
        elif self.allowed:
            msg += f" ({len(self.allowed)} keywords are allowed.)"
        return msg + (f" {self.hint}" if self.hint else "")


class BadValueError(FootvizError, ValueError):
    """A value of the right type but outside what is allowed (NaN, negative, too large ...).

    Attributes
    ----------
    parameter : str
        The name of the parameter (or option) that got the value.
    value : object
        The value that was given.
    allowed : str
        What the parameter allows, in words.
    """

    def __init__(
        self, parameter: str, value: object, allowed: str, suggestions: Iterable[str] = ()
    ) -> None:
        from ._internal.checks import describe

        self.parameter = parameter
        self.value = value
        self.allowed = allowed
        self.suggestions = tuple(suggestions)
        msg = f"{parameter} must be {allowed}, got {describe(value)}"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(msg)


class BadTypeError(BadValueError, TypeError):
    """A value of the wrong type (a string where a number is expected, ``None`` ...)."""


class AtlasFormatError(FootvizError, ValueError):
    """An atlas file that cannot be read: bad JSON, wrong schema version, missing members."""


class AtlasValidationError(FootvizError, ValueError):
    """An atlas that fails validation; ``report`` holds every problem found."""

    def __init__(self, report: object) -> None:
        self.report = report
        super().__init__(str(report))


class NotInAtlasError(FootvizError, LookupError):
    """A known name whose zones are not part of this atlas (for example another aspect)."""


class TouchLogError(FootvizError, ValueError):
    """A touch log that cannot be read or written: the message names the file, row and column."""


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


class ConflictError(FootvizError, ValueError):
    """Arguments each fine alone that do not go together (several handout pages written as
    PNG, condition and organ names in one list); ``parameter`` names the one to change."""

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


class MissingExtraError(FootvizError, ImportError):
    """An optional dependency is not installed; the message names the extra to install
    (``pip install 'footviz[geo]'`` ...)."""
