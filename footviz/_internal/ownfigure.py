"""The figure accessors that a drawn result with a ``figure`` and an ``_own`` field shares."""

from __future__ import annotations

from typing import Any

__all__ = ["OwnFigure"]


class OwnFigure:
    """Mixin for a :class:`footviz.render.figures.FigureResult` dataclass that holds its
    figure in ``figure`` and, in ``_own``, whether footviz made it (False when it was drawn
    into the caller's ``ax=`` or ``fig=``).  Put it before ``FigureResult`` in the bases."""

    figure: Any
    _own: bool

    def _result_figure(self) -> Any:
        return self.figure

    def _owns_figure(self) -> bool:
        return self._own
