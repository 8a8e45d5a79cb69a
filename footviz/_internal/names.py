"""Strict name resolution with suggestions, shared by every lookup in footviz."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_SPACES = re.compile(r"[\s_\-/]+")
MAX_SUGGEST_LENGTH = 200  # characters of a name compared for suggestions


def normalise(name: str) -> str:
    """Fold a user-typed name: case, ``ё``, underscores, hyphens and runs of spaces."""
    return _SPACES.sub(" ", name.casefold().replace("ё", "е")).strip()


class NameIndex:
    """Maps every spelling of a name (ids, names in each language, synonyms) to one id.

    Parameters
    ----------
    kind : str
        What the names are ("organ", "zone", ...), used in error messages.
    spellings : mapping of id to iterable of str
        The spellings that resolve to each id; the id itself always resolves.
    """

    def __init__(self, kind: str, spellings: Mapping[str, Iterable[str]]) -> None:
        self.kind = kind
        self.ids: tuple[str, ...] = tuple(spellings)
        self._map: dict[str, str] = {}
        for ident, names in spellings.items():
            for name in (ident, *names):
                key = normalise(str(name))
                # first owner wins, so an id is never shadowed by another id's synonym
                self._map.setdefault(key, ident)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalise(name) in self._map

    def get(self, name: str) -> str | None:
        """The id ``name`` stands for, or None."""
        return self._map.get(normalise(name)) if isinstance(name, str) else None

    def resolve(self, name: object, parameter: str = "") -> str:
        """The id ``name`` stands for; :class:`UnknownNameError` with suggestions otherwise
        (:class:`~footviz.errors.NotANameError`, also a ``TypeError``, for a non-string)."""
        from .checks import check_name

        return check_name(parameter or self.kind, name, self)

    def suggest(self, name: str, n: int = 3) -> tuple[str, ...]:
        """The closest known spellings of ``name``, best first."""
        key = normalise(name[:MAX_SUGGEST_LENGTH])
        if len(key) > MAX_SUGGEST_LENGTH // 2:  # nothing that long is a typo of a name
            return ()
        import difflib  # on the first misspelling only: it costs start-up time

        close = difflib.get_close_matches(key, list(self._map), n=n * 3, cutoff=0.6)
        # prefix matches help with short typing ("thyr" -> "thyroid gland")
        close += [k for k in self._map if key and k.startswith(key) and k not in close]
        seen: list[str] = []
        for spelling in close:
            if spelling not in seen:
                seen.append(spelling)
        return tuple(seen[:n])
