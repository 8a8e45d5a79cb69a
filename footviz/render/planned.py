"""Drawing a label plan (:mod:`footviz.render.labelling`) onto an axes.

Plans are made in each foot's own frame; a :class:`~footviz.atlas.layout.Panel` per foot places
them on the chart, so the same drawing serves :class:`~footviz.render.FootMap` and the
four-side sheet (:func:`footviz.draw_aspect_sheet`).
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..atlas.layout import Panel
from .labelling import Plan, column_x

__all__ = ["NUMBER_BOX", "PRINT_BOX", "DrawnLabels", "draw_plan", "luminance", "zone_fills"]

PRINT_BOX = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.9}
NUMBER_BOX = {"boxstyle": "circle,pad=0.18", "fc": "white", "ec": "#222222", "lw": 0.6}
LEADER_COLOUR = "#222222"


def luminance(rgba) -> float:
    """Relative luminance of an RGB(A) colour (0 black .. 1 white)."""
    r, g, b = (float(c) for c in rgba[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def zone_fills(foot: str, collection: Any, shapes: Sequence[Any]) -> dict[tuple[str, str], Any]:
    """``(foot, zone id) -> RGBA`` fill of each zone shape of a zones collection (its paths in
    the order of ``shapes``), colour-mapped values included."""
    collection.update_scalarmappable()
    fc = collection.get_facecolors()
    return {(foot, s.zone.id): fc[i] if len(fc) > 1 else fc[0] for i, s in enumerate(shapes)}


@dataclass
class DrawnLabels:
    """What :func:`draw_plan` drew, keyed by ``(foot, zone id)``."""

    labels: dict[tuple[str, str], Any] = field(default_factory=dict)
    leader_segments: dict[tuple[str, str], list] = field(default_factory=dict)
    leaders: Any = None  # one LineCollection of every leader
    dots: Any = None  # the leaders' end dots (a Line2D)


def draw_plan(
    ax: Any,
    plan: Plan,
    panels: Mapping[str, Panel],
    fills: Mapping[tuple[str, str], Any],
    *,
    add_text: Any,
    boxed: bool | Container[tuple[str, str]] = False,
    text_colour: str | None = None,
    leader_colour: str = LEADER_COLOUR,
) -> DrawnLabels:
    """Draw ``plan`` on ``ax``: inside labels, callouts and their leaders.

    Parameters
    ----------
    panels : mapping of foot to Panel
        Where each foot's frame sits on the chart.
    fills : mapping of (foot, zone id) to RGBA
        Zone fill colours: a label inside a dark zone is written in white.
    add_text : callable
        ``add_text(ax, x, y, text, **text_kwargs)`` making one label (``ax.text`` or a
        :class:`~footviz.render.textlayer.TextLayer`'s ``add``).
    boxed : bool or container of (foot, zone id)
        Inside labels on a light box: all of them (greyscale print), or those of the given
        zones (zones hatched for "no data", where bare text is hard to read).
    text_colour : colour, optional
        Of the callouts beside the foot (on the background); the style's text colour when
        omitted.  Numbers in their white circles stay black.
    leader_colour : colour
        Of the leader lines and their end dots.
    """
    from matplotlib.collections import LineCollection

    out = DrawnLabels()
    size = plan.fontsize
    number_box = NUMBER_BOX if plan.numbered else None
    outside: dict[str, Any] = {}
    if plan.numbered:
        outside["color"] = "black"
    elif text_colour is not None:
        outside["color"] = text_colour
    for ins in plan.inside:
        panel = panels[ins.item.foot]
        cx, cy = panel.to_chart(ins.x, ins.y)
        dark = luminance(fills[ins.item.key]) < 0.42
        out.labels[ins.item.key] = add_text(
            ax,
            float(cx),
            float(cy),
            ins.text,
            ha="center",
            va="center",
            fontsize=size,
            fontweight="bold" if ins.item.bold else "normal",
            color="white" if (dark and not plan.numbered) else "black",
            zorder=6,
            bbox=NUMBER_BOX
            if plan.numbered
            else (PRINT_BOX if boxed is True or (boxed and ins.item.key in boxed) else None),
        )
    segments: list = []
    dots: list = []

    def leader(key, start, anchors, panel) -> None:
        segs = []
        for ax_, ay in anchors:
            px, py = (float(v) for v in panel.to_chart(ax_, ay))
            segs.append([start, (px, py)])
            dots.append((px, py))
        out.leader_segments[key] = segs
        segments.extend(segs)

    for (foot, side), callouts in sorted(plan.callouts.items()):
        panel = panels[foot]
        if plan.turned:  # rows above and below a lying profile (foot-frame positions)
            outward = 1.0 if side == "above" else -1.0
            for c in callouts:
                tx, ty = (float(v) for v in panel.to_chart(c.x, c.y))
                out.labels[c.item.key] = add_text(
                    ax, tx, ty, c.text, ha="center", va="center", fontsize=size,
                    fontweight="bold" if c.item.bold else "normal", zorder=6, bbox=number_box,
                    **outside,
                )  # fmt: skip
                tip = panel.to_chart(c.x - outward * (c.height / 2 + 0.5), c.y)
                leader(c.item.key, tuple(float(v) for v in tip), c.anchors, panel)
            continue
        # a column beside an upright foot, on the zone's side (medial or lateral)
        x0, _, x1, _ = panel.extent
        fx, lx = column_x(side, (x0, x1))
        outward = 1.0 if side == "medial" else -1.0
        ha = "left" if outward * panel.sx > 0 else "right"
        for c in callouts:
            tx, ty = (float(v) for v in panel.to_chart(fx, c.y))
            out.labels[c.item.key] = add_text(
                ax, tx, ty, c.text, ha=ha, va="center", fontsize=size,
                fontweight="bold" if c.item.bold else "normal", zorder=6, bbox=number_box,
                **outside,
            )  # fmt: skip
            start = panel.to_chart(lx, c.y)
            leader(c.item.key, tuple(float(v) for v in start), c.anchors, panel)
    if segments:
        lc = LineCollection(segments, colors=leader_colour, linewidths=0.5, zorder=5)
        ax.add_collection(lc, autolim=False)
        out.leaders = lc
        d = np.array(dots)
        (out.dots,) = ax.plot(
            d[:, 0], d[:, 1], "o", color=leader_colour, markersize=1.6, zorder=5, scalex=False,
            scaley=False,
        )  # fmt: skip
    return out
