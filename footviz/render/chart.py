"""A labelled chart of both soles coloured by body system (imports matplotlib).

This is the quickstart drawing: both plantar aspects side by side, every zone filled with the
colour of its body system, every zone named (inside when the name fits, otherwise a callout
with a leader line in a column beside the foot), a legend of systems and foot captions.

It is a :class:`footviz.render.FootMap` of the soles with the chart's title, returned as a
:class:`Chart`: one drawing engine serves both.  For highlights, heat maps, other aspects or
numbered keys, use :func:`footviz.plot` directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .._internal.ownfigure import OwnFigure
from ..atlas import Atlas
from ..atlas.layout import Layout
from ..atlas.model import ZoneShape, check_choice
from ..atlas.vocabulary import FEET, LANGUAGES
from .figures import FigureResult
from .style import CAPTIONS

__all__ = ["Chart", "draw_chart"]


@dataclass(repr=False, eq=False)
class Chart(OwnFigure, FigureResult):
    """What :func:`draw_chart` drew: the figure, axes and every artist, by foot.

    ``collections[foot]`` is the foot's zones PathCollection, its paths in the order of
    ``shapes[foot]``; ``labels`` and ``leaders`` are keyed by ``(foot, zone id)`` (leaders: the
    line segments, in chart mm, from a callout to its zone); ``map`` is everything the
    underlying :class:`~footviz.render.FootMap` drew.
    """

    figure: Any
    ax: Any
    collections: dict[str, Any] = field(default_factory=dict)
    outlines: dict[str, Any] = field(default_factory=dict)
    labels: dict[tuple[str, str], Any] = field(default_factory=dict)
    leaders: dict[tuple[str, str], list] = field(default_factory=dict)
    captions: dict[str, Any] = field(default_factory=dict)
    legend: Any = None
    shapes: dict[str, list[ZoneShape]] = field(default_factory=dict)
    layout: Layout | None = None
    map: Any = None
    _own: bool = field(default=True, repr=False)  # False when drawn into the caller's ax=
    _footmap: Any = field(default=None, repr=False)  # the FootMap that drew it

    def __repr__(self) -> str:
        return f"<Chart feet={'+'.join(self.shapes)}>"

    def to_svg(self, path: Any = None, **kwargs: Any) -> str:
        """The chart as the map's structured SVG (one ``<path>`` per zone with ids and
        ``data-*``, real ``<text>``; see :mod:`footviz.render.svg`), also written
        (atomically) to ``path`` when given.  ``kwargs`` go to ``Figure.savefig``."""
        self._live_figure()
        return self._footmap.to_svg(path, **kwargs)

    def _structured_svg(self, **kwargs: Any) -> bytes | None:
        return self.to_svg(**kwargs).encode("utf-8")


def draw_chart(
    atlas: Atlas | None = None,
    *,
    feet: tuple[str, ...] | list[str] = FEET,
    layout: str = "self",
    lang: str = "en",
    labels: bool = True,
    legend: bool = True,
    title: str | None = None,
    ax: Any = None,
    **kwargs: Any,
) -> Chart:
    """Draw the plantar zones of one or both feet, coloured by body system and labelled.

    Parameters
    ----------
    atlas : Atlas, optional
        Defaults to the built-in reflexology atlas.
    feet : sequence of {"left", "right"}
        Feet to draw, side by side with the big toes towards the middle.
    layout : {"self", "practitioner"}
        ``"self"``: the soles as you see your own feet (left foot on the left);
        ``"practitioner"``: facing the client's soles (left foot on the right).
    lang : {"en", "ru"}
        Language of labels, captions and legend.
    labels : bool
        Name every zone.
    legend : bool
        Add a legend of body systems.
    title : str, optional
        Figure title; defaults to "Reflex zones of the soles" in ``lang``.
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure is made when omitted.
    **kwargs
        Passed to the zones' :class:`matplotlib.collections.PathCollection`.

    Returns
    -------
    Chart
    """
    from .footmap import FootMap

    lang = check_choice("language", lang, LANGUAGES, "lang")
    if isinstance(feet, str):
        feet = (feet,)
    if not feet:
        raise ValueError("feet must name at least one foot ('left', 'right')")
    fmap = FootMap(atlas, feet=tuple(feet), layout=layout, aspect="plantar", lang=lang)
    drawn = fmap.draw(
        ax,
        labels=labels,
        legend=legend,
        title=CAPTIONS[lang]["soles_title"] if title is None else title,
        **kwargs,
    )
    return Chart(
        figure=drawn.figure,
        ax=drawn.ax,
        collections=dict(drawn.zones),
        outlines=dict(drawn.outlines),
        labels=dict(drawn.labels),
        leaders=dict(drawn.leader_segments),
        captions=dict(drawn.captions),
        legend=drawn.legend,
        shapes={f: list(s) for f, s in drawn.shapes.items()},
        layout=drawn.layout,
        map=drawn,
        _own=ax is None,
        _footmap=fmap,
    )
