"""Technique strokes as matplotlib artists: arrows, press dots and loops (imports matplotlib).

The one place strokes are drawn: :func:`footviz.render.technique.draw_step` (a step's small
diagram) and the ``"strokes"`` layer of :data:`footviz.render.layers.LAYERS` (a technique
over a map, a sheet or a handout map) both call :func:`draw_strokes`.

Each stroke of :class:`~footviz.atlas.techniques.Stroke` becomes one artist, in foot-frame
millimetres placed by the given transform; sizes (line widths, arrowheads, dots) are in
points, so a diagram reads the same at 3 cm as on a full page:

* ``stroke``: a solid arrow along the path (vertex order is the direction);
* ``stretch``: an open-headed arrow with a bracket at its start (the base held, pulled
  towards the head);
* ``caterpillar``: a chain of small humps along the path, ending in an arrowhead;
* ``knead``: a closed loop like ``circle`` (dashed), or along an open path a chain of
  small curls ending in an arrowhead;
* ``circle``, ``rotate``: most of the closed loop with an arrowhead showing the turn;
  loops drawn on the same place (a toe turned clockwise, then anticlockwise) are drawn
  one outside the other;
* ``press``: one ``Line2D`` of dots at the places pressed, numbered in order when asked.

Every artist carries ``.stroke`` (the Stroke) and ``.kind``; arrows and loops are
:class:`matplotlib.patches.FancyArrowPatch`, whose ``get_path()`` is the drawn line in
foot-frame mm.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import numpy as np

from ..atlas.techniques import KINDS, Stroke

__all__ = [
    "KIND_COLOURS",
    "DrawnStrokes",
    "StrokeSelection",
    "draw_strokes",
    "draw_technique_strokes",
    "stroke_line",
]

#: Colour of each stroke kind (distinct in colour and, for the colour-blind, in shape).
KIND_COLOURS: dict[str, str] = {
    "stroke": "#C0392B",
    "stretch": "#7B3FA0",
    "caterpillar": "#D35400",
    "press": "#1F4E9D",
    "circle": "#1E8449",
    "knead": "#117A65",
    "rotate": "#A61E6E",
}
LINE_WIDTH = 1.4  # points
HEAD = 7.0  # arrowhead size (mutation scale, points)
DOT = 5.5  # press dot diameter (points) when not numbered
NUMBERED_DOT = 1.55  # numbered dot diameter, in font sizes
LOOP_GAP = 0.16  # share of a loop left open before its arrowhead
NESTED_GROWTH = 0.4  # a loop drawn on another grows by this share of its radius


@dataclass
class DrawnStrokes:
    """What :func:`draw_strokes` made.

    Attributes
    ----------
    artists : list
        One artist per stroke, in the order given: a FancyArrowPatch (arrows, loops) or a
        Line2D of dots (presses).
    numbers : list of matplotlib Text
        The press numbers, in pressing order (empty when not numbered).
    guides : list
        Thin dotted lines joining the places of a press stroke (their order) when the
        presses are not numbered.
    """

    artists: list[Any] = field(default_factory=list)
    numbers: list[Any] = field(default_factory=list)
    guides: list[Any] = field(default_factory=list)


def _length(pts: np.ndarray) -> float:
    return float(np.hypot(*np.diff(pts, axis=0).T).sum()) if len(pts) > 1 else 0.0


def _resample(pts: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points evenly along the polyline, and the unit tangents there."""
    seg = np.hypot(*np.diff(pts, axis=0).T)
    at = np.concatenate([[0.0], np.cumsum(seg)])
    s = np.linspace(0.0, at[-1], n)
    x, y = np.interp(s, at, pts[:, 0]), np.interp(s, at, pts[:, 1])
    idx = np.clip(np.searchsorted(at, s, side="right") - 1, 0, len(seg) - 1)
    d = np.diff(pts, axis=0)[idx] / np.maximum(seg[idx], 1e-9)[:, None]
    return np.column_stack([x, y]), d


def _humps(pts: np.ndarray) -> np.ndarray:
    """A chain of small semicircular humps along the path (a caterpillar walk)."""
    length = _length(pts)
    n = int(np.clip(round(length / 11.0), 4, 9))
    base, _ = _resample(pts, n + 1)
    out = [base[:1]]
    phi = np.linspace(0.0, math.pi, 9)[1:]
    for a, b in pairwise(base):
        v = b - a
        normal = np.array([-v[1], v[0]])
        t = (0.5 - 0.5 * np.cos(phi))[:, None]
        out.append(a + v * t + normal * 0.45 * np.sin(phi)[:, None])
    return np.concatenate(out)


def _curls(pts: np.ndarray) -> np.ndarray:
    """Small loops along an open path (kneading along a line): a prolate cycloid."""
    length = _length(pts)
    radius = float(np.clip(length / 40.0, 2.5, 4.5))
    advance = radius * 0.75  # mm forward per radian: less than the radius makes loops
    turns = max(2, int(length / (2 * math.pi * advance)))
    theta = np.linspace(0.0, 2 * math.pi * turns, 24 * turns + 1)
    s = theta / theta[-1]
    base, tangent = _resample(pts, len(theta))
    normal = np.column_stack([-tangent[:, 1], tangent[:, 0]])
    along = -radius * np.sin(theta) * (0.0 < s) * (s < 1.0)
    across = radius * (1.0 - np.cos(theta))
    return base + tangent * along[:, None] + normal * across[:, None] * 0.7


def _loop(pts: np.ndarray, growth: float) -> np.ndarray:
    """Most of a closed loop (the last :data:`LOOP_GAP` left open), grown about its centre."""
    centre = pts[:-1].mean(axis=0)
    pts = centre + (pts - centre) * (1.0 + growth)
    keep = max(3, round((len(pts) - 1) * (1.0 - LOOP_GAP)) + 1)
    return pts[:keep]


def stroke_line(stroke: Stroke, growth: float = 0.0) -> np.ndarray:
    """The line drawn for ``stroke`` in its frame (mm): the path, humps, curls or the open
    loop; the places pressed for a press."""
    pts = np.asarray(stroke.path, dtype=float)
    if stroke.kind == "press" or len(pts) < 2:
        return pts
    if stroke.closed:
        return _loop(pts, growth)
    if stroke.kind == "caterpillar":
        return _humps(pts)
    if stroke.kind == "knead":
        return _curls(pts)
    return pts


def _growths(strokes: Sequence[Stroke]) -> list[float]:
    """How much each loop grows so that loops on the same place are drawn apart."""
    seen: list[tuple[np.ndarray, float]] = []
    out = []
    for s in strokes:
        if not s.closed:
            out.append(0.0)
            continue
        pts = np.asarray(s.path, dtype=float)[:-1]
        c = pts.mean(axis=0)
        r = float(np.hypot(*(pts - c).T).mean())
        same = sum(
            1 for c0, r0 in seen if np.hypot(*(c - c0)) < 0.25 * r and abs(r - r0) < 0.25 * r
        )
        seen.append((c, r))
        out.append(NESTED_GROWTH * same)
    return out


def _arrow(
    path, transform, colour: str, kind: str, head: float, width: float, dashed: bool, **kwargs
):
    from matplotlib.patches import ArrowStyle, FancyArrowPatch
    from matplotlib.path import Path

    if kind == "stretch":
        style = ArrowStyle("]->", widthA=0.6, lengthA=0.2)
    else:
        style = ArrowStyle("-|>", head_length=0.5, head_width=0.3)
    props: dict[str, Any] = {
        "arrowstyle": style,
        "mutation_scale": head * 1.6,
        "color": colour,
        "linewidth": width,
        "capstyle": "round",
        "joinstyle": "round",
    }
    if dashed:
        props["linestyle"] = (0, (2.5, 1.2))
    props.update(kwargs)
    props.setdefault("zorder", 5)
    return FancyArrowPatch(path=Path(path), transform=transform, **props)


def points_per_mm(transform, dpi: float) -> float:
    """Points on the page per frame millimetre under ``transform`` (a rigid map, scaled)."""
    a, b = transform.transform([(0.0, 0.0), (1.0, 0.0)])
    return float(np.hypot(*(b - a))) * 72.0 / float(dpi)


def _extent(line: np.ndarray) -> float:
    """Frame mm: the larger side of the line's bounds (its length for a short arrow)."""
    return float(np.ptp(line, axis=0).max()) if len(line) > 1 else 0.0


def _min_gap(places: list[np.ndarray]) -> float:
    pts = np.concatenate(places) if places else np.zeros((0, 2))
    if len(pts) < 2:
        return math.inf
    d = np.hypot(*(pts[:, None, :] - pts[None, :, :]).transpose(2, 0, 1))
    d[np.diag_indices(len(pts))] = np.inf
    return float(d.min())


def draw_strokes(
    ax,
    strokes: Sequence[Stroke],
    transform,
    *,
    numbered: bool = True,
    fontsize: float = 7.0,
    scale: float = 1.0,
    zorder: float = 5.0,
    halo: bool = False,
    **kwargs: Any,
) -> DrawnStrokes:
    """Add one artist per stroke to ``ax`` (data limits untouched).

    The axes limits (and aspect) must be final: arrowheads and press dots are sized to
    what a millimetre of the frame is on the page, so that a short stroke or a small loop
    keeps a head in proportion.

    Parameters
    ----------
    ax : matplotlib Axes
    strokes : sequence of Stroke
        In their frame (mm), all on the aspect ``transform`` places.
    transform : matplotlib Transform
        Foot-frame mm to display (a panel's transform plus the axes data transform).
    numbered : bool
        Number the places pressed, in order, across all the press strokes given: only when
        there are from 2 to 9 and their numbered dots do not touch.  Otherwise each press
        stroke's places are joined by a thin dotted arrow in their order.
    fontsize : float
        Points; the press numbers.
    scale : float
        Line widths, arrowheads and dots are multiplied by it.
    halo : bool
        A white edge round every arrow and loop (over coloured zones).
    **kwargs
        Passed to every arrow and loop (:class:`matplotlib.patches.FancyArrowPatch`).

    Returns
    -------
    DrawnStrokes
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path

    out = DrawnStrokes()
    pt_mm = points_per_mm(transform, ax.figure.dpi)
    lines = [stroke_line(s, g) for s, g in zip(strokes, _growths(strokes), strict=True)]
    places = [ln for s, ln in zip(strokes, lines, strict=True) if s.kind == "press"]
    count = sum(len(p) for p in places)
    numbered_dot = fontsize * NUMBERED_DOT
    number = numbered and 2 <= count <= 9 and _min_gap(places) * pt_mm >= numbered_dot * 1.05
    width = LINE_WIDTH * scale
    n = 0
    for s, line in zip(strokes, lines, strict=True):
        colour = KIND_COLOURS.get(s.kind, "#333333") if s.kind in KINDS else "#333333"
        if s.kind == "press" or len(line) < 2:
            gap = _min_gap([line]) * pt_mm
            size = numbered_dot if number else float(np.clip(0.8 * gap, 2.5, DOT * scale))
            dots = Line2D(
                line[:, 0], line[:, 1], linestyle="none", marker="o", markersize=size,
                markerfacecolor=colour, markeredgecolor="white",
                markeredgewidth=0.6 * scale, transform=transform, zorder=zorder + 0.5,
            )  # fmt: skip
            ax.add_artist(dots)
            artist: Any = dots
            if number:
                for x, y in line:
                    n += 1
                    t = ax.text(
                        x, y, str(n), transform=transform, ha="center", va="center",
                        fontsize=fontsize, fontweight="bold", color="white",
                        zorder=zorder + 0.6, clip_on=False,
                    )  # fmt: skip
                    out.numbers.append(t)
            elif len(line) > 1:
                guide = FancyArrowPatch(
                    path=Path(line), arrowstyle="-|>", mutation_scale=min(HEAD, 0.4 * gap) * scale,
                    color=colour, linewidth=0.7 * scale, linestyle=(0, (1, 1.2)),
                    transform=transform, zorder=zorder,
                )  # fmt: skip
                ax.add_artist(guide)
                out.guides.append(guide)
        else:
            span = _extent(line) * pt_mm
            head = float(np.clip(0.45 * span, 3.0, HEAD * scale))
            dashed = s.kind == "knead" and s.closed
            artist = _arrow(line, transform, colour, s.kind, head, width, dashed, **kwargs)
            if "zorder" not in kwargs:
                artist.set_zorder(zorder)
            if halo:
                from matplotlib.patheffects import Normal
                from matplotlib.patheffects import Stroke as Edge

                artist.set_path_effects([Edge(linewidth=width + 2.2, foreground="white"), Normal()])
            ax.add_artist(artist)
        artist.stroke = s
        artist.kind = s.kind
        out.artists.append(artist)
    return out


# ---------------------------------------------------------------------- the strokes layer
@dataclass(frozen=True)
class StrokeSelection:
    """The technique (and optionally the one step) a map's ``"strokes"`` layer draws."""

    technique: Any  # a footviz.atlas.techniques.Technique
    step: int | None = None

    def on(self, aspect: str) -> tuple[tuple[Any, Stroke], ...]:
        """Every ``(step, stroke)`` drawn on ``aspect``, in order."""
        return tuple(
            (st, s)
            for st, s in self.technique.on(aspect)
            if self.step is None or st.number == self.step
        )


BADGE_SIZE = 7.0  # points: the step numbers of a whole technique drawn on a map
MAP_SCALE = 1.5  # strokes over a map: wider lines and heads than in a small diagram


def draw_technique_strokes(ctx, panel) -> dict[str, Any] | None:
    """The ``"strokes"`` layer: the strokes chosen by ``technique=`` (and ``step=``) on the
    panel's aspect, through :func:`draw_strokes`; ``"artists"`` (a list, one per stroke),
    ``"numbers"`` (press numbers of a single step) and ``"badges"`` (for a whole technique,
    each step's number at the start of its first stroke on the aspect)."""
    chosen = getattr(ctx, "strokes", None)
    if chosen is None:
        return None
    pairs = chosen.on(panel.aspect)
    if not pairs:
        return None
    ax = ctx.ax
    ax.apply_aspect()  # the final scale: heads and dots are sized to it
    tf = ctx.transform(panel)
    made = draw_strokes(
        ax, [s for _, s in pairs], tf, numbered=chosen.step is not None, fontsize=BADGE_SIZE,
        scale=MAP_SCALE, halo=True,
    )  # fmt: skip
    where = f"{panel.foot}/{panel.aspect}" if ctx.aspect_in_labels else panel.foot
    for a in made.artists:
        a.set_label(f"strokes/{where}")
    badges = []
    if chosen.step is None:
        seen: set[int] = set()
        for st, s in pairs:
            if st.number in seen:
                continue
            seen.add(st.number)
            badges.append(
                ax.annotate(
                    str(st.number),
                    s.path[0],
                    xycoords=tf,
                    xytext=(-6, 6),
                    textcoords="offset points",
                    ha="center",
                    va="center",
                    fontsize=BADGE_SIZE,
                    fontweight="bold",
                    color="white",
                    zorder=7.5,
                    annotation_clip=False,
                    bbox={
                        "boxstyle": "circle,pad=0.2",
                        "fc": "#1A1A1A",
                        "ec": "white",
                        "lw": 0.6,
                        "alpha": 0.9,
                    },
                )
            )
    return {"artists": made.artists, "numbers": made.numbers, "badges": badges}
