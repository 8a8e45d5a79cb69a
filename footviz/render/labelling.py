"""Label planning: inside a zone when the text fits, else a callout column beside the foot.

The plan is made before anything is drawn.  Text sizes are measured once in pixels; the chart
scale (pixels per mm) follows from the axes size and the chart limits, which in turn depend on
how wide the callout columns must be, so the two are iterated to a fixed point.  When the
callout columns cannot hold their labels the font shrinks.  Inside labels never overlap (their
boxes are checked), column labels are spread apart by their measured heights, and the columns
are wide enough for their longest label, so no two labels overlap and none leaves the axes.
Everything is sorted by key first: the plan does not depend on the order zones are given in.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from ..labels import anchor_point, spread_sized

__all__ = ["Callout", "Inside", "LabelItem", "Plan", "plan_labels"]

COLUMN_GAP = 7.0  # mm between a foot's outline and its callout column
PAD = 0.6  # mm a text box must keep from the edge of its zone


@dataclass(frozen=True)
class LabelItem:
    """A label to place, in its foot's own frame (x > 0 medial)."""

    foot: str
    zone: str
    text: str
    region: BaseGeometry  # visible part of the zone, foot frame
    bold: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return (self.foot, self.zone)

    @property
    def side(self) -> str:
        """Column for a callout: "medial" or "lateral", by where the zone lies."""
        return "medial" if self.region.centroid.x > -4.0 else "lateral"


@dataclass(frozen=True)
class Inside:
    item: LabelItem
    x: float  # foot frame
    y: float
    text: str


@dataclass(frozen=True)
class Callout:
    item: LabelItem
    y: float  # text centre, foot frame
    anchors: tuple[tuple[float, float], ...]  # leader ends, foot frame
    width: float  # mm


@dataclass
class Plan:
    """What goes where (foot-frame mm) at which font size and column widths."""

    fontsize: float
    columns: dict[str, float]  # "medial"/"lateral" -> column width in mm
    ppm: float  # pixels per mm at the final scale
    inside: list[Inside] = field(default_factory=list)
    callouts: dict[tuple[str, str], list[Callout]] = field(default_factory=dict)
    numbered: bool = False


_SIZES: dict[tuple, tuple[float, float]] = {}  # (text, size, bold, dpi, fonts) -> (w, h) px
_FONT_RC = ("font.family", "font.sans-serif", "text.hinting", "text.hinting_factor")


class _Measure:
    """Text sizes in pixels, measured once per (text, size, weight, dpi, font settings).

    Sizes are kept for the process: maps drawn again with the same labels measure nothing.
    """

    def __init__(self, fig, renderer) -> None:
        import matplotlib as mpl

        self._fig, self._r, self._t = fig, renderer, None
        self._env = (float(fig.dpi), *(str(mpl.rcParams[k]) for k in _FONT_RC))

    def __call__(self, text: str, size: float, bold: bool = False) -> tuple[float, float]:
        key = (text, size, bold, *self._env)
        found = _SIZES.get(key)
        if found is None:
            if self._t is None:
                self._t = self._fig.text(0, 0, "", fontsize=7)
            self._t.set_text(text)
            self._t.set_fontsize(size)
            self._t.set_fontweight("bold" if bold else "normal")
            bb = self._t.get_window_extent(renderer=self._r)
            found = _SIZES[key] = (bb.width, bb.height)
        return found

    def close(self) -> None:
        if self._t is not None:
            self._t.remove()


def _variants(item: LabelItem) -> list[str]:
    if item.bold or len(item.text) <= 8:
        return [item.text]
    wraps = [textwrap.fill(item.text, n, break_long_words=False) for n in (11, 8)]
    return list(dict.fromkeys([item.text, *wraps]))


def _inside(items, measure, size, ppm) -> tuple[list[Inside], list[LabelItem]]:
    placed: list[Inside] = []
    rest: list[LabelItem] = []
    taken: dict[str, list[BaseGeometry]] = {}
    for item in items:
        x, y = anchor_point(item.region)
        done = False
        for text in _variants(item):
            w, h = measure(text, size, item.bold)
            hw, hh = w / ppm / 2, h / ppm / 2
            bb = box(x - hw, y - hh, x + hw, y + hh)
            grown = box(x - hw - PAD, y - hh - PAD, x + hw + PAD, y + hh + PAD)
            if item.region.contains(grown) and not any(
                grown.intersects(o) for o in taken.get(item.foot, [])
            ):
                placed.append(Inside(item, x, y, text))
                taken.setdefault(item.foot, []).append(bb)
                done = True
                break
        if not done:
            rest.append(item)
    return placed, rest


def plan_labels(
    items: list[LabelItem],
    *,
    fig,
    renderer,
    scale,
    y_range: tuple[float, float],
    fontsize: float = 7.0,
    min_fontsize: float = 4.0,
) -> Plan:
    """Decide where every label goes.

    Parameters
    ----------
    items : list of LabelItem
    fig, renderer
        Used to measure text.
    scale : callable
        ``scale(columns) -> pixels per mm`` of the chart for the given column widths.
    y_range : (lo, hi)
        Foot-frame heights the callout columns may use.
    """
    items = sorted(items, key=lambda i: i.key)
    for item in items:
        shapely.prepare(item.region)  # many containment tests against each region
    measure = _Measure(fig, renderer)
    try:
        size = fontsize
        while True:
            plan = _plan_at(items, measure, size, scale, y_range)
            if plan is not None or size <= min_fontsize:
                if plan is None:  # give up shrinking: spread evenly (may be tight)
                    plan = _plan_at(items, measure, size, scale, y_range, force=True)
                return plan
            size = round(size * 0.88, 2)
    finally:
        measure.close()


def _plan_at(items, measure, size, scale, y_range, force=False) -> Plan | None:
    columns = {"medial": 30.0, "lateral": 30.0}
    for _ in range(8):
        ppm = scale(columns)
        inside, rest = _inside(items, measure, size, ppm)
        need = {"medial": 0.0, "lateral": 0.0}
        for item in rest:
            w, _ = measure(item.text, size, item.bold)
            need[item.side] = max(need[item.side], w / ppm + 1.0)
        if all(abs(need[k] - columns[k]) < 0.5 for k in columns):
            columns = {k: max(need[k], columns[k]) for k in columns}
            break
        columns = need
    ppm = scale(columns)
    inside, rest = _inside(items, measure, size, ppm)
    plan = Plan(size, columns, ppm, inside)
    groups: dict[tuple[str, str], list[LabelItem]] = {}
    for item in rest:
        groups.setdefault((item.foot, item.side), []).append(item)
    lo, hi = y_range
    for key in sorted(groups):
        wanted = []
        for item in groups[key]:
            pieces = [anchor_point(p) for p in getattr(item.region, "geoms", [item.region])]
            ay = sum(p[1] for p in pieces) / len(pieces)
            w, h = measure(item.text, size, item.bold)
            wanted.append((ay, item.zone, item, tuple(pieces), w / ppm, h / ppm))
        wanted.sort(key=lambda t: (t[0], t[1]))
        heights = [t[5] * 1.25 for t in wanted]
        if sum(heights) > hi - lo and not force:
            return None
        ys = spread_sized([t[0] for t in wanted], heights, lo, hi)
        plan.callouts[key] = [Callout(t[2], y, t[3], t[4]) for t, y in zip(wanted, ys, strict=True)]
    return plan
