"""Label planning: inside a zone when the text fits, else a callout column beside the foot.

The plan is made before anything is drawn.  Text sizes are measured once in pixels; the chart
scale (pixels per mm) follows from the axes size and the chart limits, which in turn depend on
how wide the callout columns must be, so the two are iterated to a fixed point.  When the
callout columns cannot hold their labels the font shrinks.  Inside labels never overlap (their
boxes are checked), column labels are spread apart by their measured heights, and the columns
are wide enough for their longest label, so no two labels overlap and none leaves the axes.
Everything is sorted by key first: the plan does not depend on the order zones are given in.

Side profiles lying on their side (turned panels, see :class:`footviz.atlas.layout.Panel`) are long
and low: their callouts go in rows above and below the profile instead (:func:`plan_rows`),
spread along the foot by their measured widths.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, TypeVar

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, Point, box
from shapely.geometry.base import BaseGeometry

from .._internal.memo import per_object
from .labels import anchor_point, spread_sized

__all__ = [
    "MIN_FONTSIZE",
    "Callout",
    "Inside",
    "LabelItem",
    "Plan",
    "column_x",
    "plan_labels",
    "plan_rows",
]

#: Points: label text is never drawn smaller.  Labels that don't fit at this size become
#: numbered callouts with a key (:class:`~footviz.render.FootMap`) or are placed tightly.
MIN_FONTSIZE = 6.0

COLUMN_GAP = 7.0  # mm between a foot's outline and its callout column
PAD = 0.6  # mm a text box must keep from the edge of its zone
ROW_LEAD = 5.0  # mm between a lying profile's outline and its nearest callout row
ROW_PAD = 3.0  # mm between neighbouring labels of a row
ROW_OVERHANG = 6.0  # mm a row may reach beyond the heel and the toe tip
ROW_PITCH = 1.3  # row spacing in text heights
MAX_ROWS = 3  # callout rows on one side of a profile before the font shrinks
CROSSING = 1000.0  # mm a leader "costs" extra for crossing a label
LEADER_CLEARANCE = 0.6  # mm a leader keeps from any label but its own
ANCHOR_SHIFTS = (-3.0, 3.0, -6.0, 6.0)  # mm along the foot a row leader's end may move
ANCHOR_INSET = 1.0  # mm a moved leader end keeps inside its zone
ANCHOR_COST = 2.0  # cost per mm a leader's end moves from the zone's anchor point
ROW_COST = 12.0  # mm a callout "costs" extra for each row further out
REFINE_ROUNDS = 4  # passes that move row callouts to cheaper rows after the greedy placement
CALLOUT_WRAP = 26  # characters per line of a column callout (longer names wrap)
LEADER_GAP = 0.8  # mm between a column callout's text and the start of its leader


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
    x: float | None = None  # text centre, foot frame (rows of a lying profile only)
    height: float = 0.0  # mm
    text: str = ""  # as drawn (a column callout wraps a long name over lines)


@dataclass
class Plan:
    """What goes where (foot-frame mm) at which font size and column widths."""

    fontsize: float
    columns: dict[str, float]  # "medial"/"lateral" -> column width in mm
    ppm: float  # pixels per mm at the final scale
    inside: list[Inside] = field(default_factory=list)
    callouts: dict[tuple[str, str], list[Callout]] = field(default_factory=dict)
    numbered: bool = False
    # lying profiles: (foot, "above"/"below") -> pixel height of that side's callout rows
    bands: dict[tuple[str, str], float] = field(default_factory=dict)
    turned: bool = False


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


def column_x(side: str, x_range: tuple[float, float]) -> tuple[float, float]:
    """Foot-frame x of a column callout's text edge and of its leader's start, for the column
    on ``side`` ("medial" or "lateral") of an outline spanning ``x_range``."""
    x0, x1 = x_range
    if side == "medial":
        return x1 + COLUMN_GAP, x1 + COLUMN_GAP - LEADER_GAP
    return x0 - COLUMN_GAP, x0 - COLUMN_GAP + LEADER_GAP


def _array(geoms: list) -> np.ndarray:
    out = np.empty(len(geoms), dtype=object)
    out[:] = geoms
    return out


def _grown(b: BaseGeometry, d: float) -> BaseGeometry:
    x0, y0, x1, y1 = b.bounds
    return box(x0 - d, y0 - d, x1 + d, y1 + d)


def _column_text(item: LabelItem, wrap: int = CALLOUT_WRAP) -> str:
    """A column callout's text: a name longer than ``wrap`` characters wraps over balanced
    lines (the column, and so the map, would otherwise narrow to make room for one long line)."""
    text = item.text
    if len(text) <= wrap:
        return text
    # balanced lines: the narrowest width that needs no more lines than ``wrap`` does
    lines = len(textwrap.wrap(text, wrap, break_long_words=False))
    for width in range(-(-len(text) // lines), wrap + 1):
        if len(textwrap.wrap(text, width, break_long_words=False)) <= lines:
            return textwrap.fill(text, width, break_long_words=False)
    return textwrap.fill(text, wrap, break_long_words=False)


def _inside(
    items, measure, size, ppm, turned=False, taken=None
) -> tuple[list[Inside], list[LabelItem]]:
    """Labels that fit inside their zone, and the rest; ``taken`` (a dict, when given) gets
    the placed text boxes by foot (foot frame)."""
    placed: list[Inside] = []
    rest: list[LabelItem] = []
    taken = {} if taken is None else taken
    for item in items:
        x0, y0 = anchor_point(item.region)
        done = False
        for text in _variants(item):
            w, h = measure(text, size, item.bold)
            hw, hh = w / ppm / 2, h / ppm / 2
            if turned:  # the text runs along the foot (y), its height across (x)
                hw, hh = hh, hw
            others = taken.get(item.foot, [])
            for x, y in _centres(item.region, (x0, y0), hw + PAD, hh + PAD):
                grown = box(x - hw - PAD, y - hh - PAD, x + hw + PAD, y + hh + PAD)
                if item.region.contains(grown) and not any(grown.intersects(o) for o in others):
                    placed.append(Inside(item, x, y, text))
                    taken.setdefault(item.foot, []).append(box(x - hw, y - hh, x + hw, y + hh))
                    done = True
                    break
            if done:
                break
        if not done:
            rest.append(item)
    return placed, rest


@per_object
def _rooms(region: BaseGeometry) -> dict[tuple[float, float], tuple[float, float] | None]:
    """Per region: text-box half-sizes -> a centre where such a box fits (see _centres)."""
    return {}


def _centres(region: BaseGeometry, anchor: tuple[float, float], hw: float, hh: float):
    """Where a text box of half-sizes ``hw`` x ``hh`` may be centred in ``region``: the zone's
    own anchor point first, then the middle of the spots the box fits at all (the region
    eroded by the box), when the anchor point is not one of them.  A zone in several pieces
    (the teeth on every toe) keeps to its anchor point: written in one piece, the name would
    leave the other pieces unnamed, so it becomes a callout with a leader to each."""
    yield anchor
    if len(getattr(region, "geoms", (region,))) > 1:
        return
    rooms = _rooms(region)
    key = (round(hw, 2), round(hh, 2))
    if key not in rooms:
        # erosion by a rectangle: squash x so the box is square, erode by a square, unsquash
        k = hh / hw
        squashed = affinity.scale(region, xfact=k, yfact=1.0, origin=(0.0, 0.0))
        room = squashed.buffer(-hh, join_style="mitre")
        rooms[key] = None
        if not room.is_empty and room.area > 1e-6:
            unsquashed = affinity.scale(room, xfact=1 / k, yfact=1.0, origin=(0.0, 0.0))
            rooms[key] = anchor_point(unsquashed)
    found = rooms[key]
    if found is not None and found != anchor:
        yield found


_F = TypeVar("_F", bound=Callable[..., Any])

# the parameters both planners take first, put in their docstrings for ``%(measured)s``
_MEASURED = """items : list of LabelItem
    fig, renderer
        Used to measure text."""


def _share_parameters(func: _F) -> _F:
    if func.__doc__:  # None under python -OO
        func.__doc__ = func.__doc__.replace("%(measured)s", _MEASURED)
    return func


@_share_parameters
def plan_labels(
    items: list[LabelItem],
    *,
    fig,
    renderer,
    scale,
    y_range: tuple[float, float],
    fontsize: float = 7.0,
    min_fontsize: float = MIN_FONTSIZE,
    wrap: int = CALLOUT_WRAP,
    x_range: tuple[float, float] | None = None,
    max_columns: dict[str, float] | None = None,
    strict: bool = False,
) -> Plan | None:
    """Decide where every label goes.

    Parameters
    ----------
    %(measured)s
    scale : callable
        ``scale(columns) -> pixels per mm`` of the chart for the given column widths.
    y_range : (lo, hi)
        Foot-frame heights the callout columns may use.
    wrap : int
        Characters per line of a column callout: longer names wrap over balanced lines.
    x_range : (x0, x1), optional
        The outline's width in the foot frame (where the columns start).  When given, an
        inside label a leader would cross moves within its zone, out of the leader's way.
    max_columns : mapping of "medial"/"lateral" to mm, optional
        The widest each callout column may be (a fixed scale keeps a fixed room).
    strict : bool
        Return None when the labels don't fit at ``min_fontsize`` (instead of a tight plan).
    """
    plan_at = partial(_plan_at, wrap=wrap, x_range=x_range, max_columns=max_columns)
    return _shrinking(items, fig, renderer, fontsize, min_fontsize, plan_at, scale, y_range, strict)


def _plan_at(
    items,
    measure,
    size,
    scale,
    y_range,
    force=False,
    wrap=CALLOUT_WRAP,
    x_range=None,
    max_columns=None,
) -> Plan | None:
    columns = {"medial": 30.0, "lateral": 30.0}
    for _ in range(8):
        ppm = scale(columns)
        inside, rest = _inside(items, measure, size, ppm)
        need = {"medial": 0.0, "lateral": 0.0}
        for item in rest:
            w, _ = measure(_column_text(item, wrap), size, item.bold)
            need[item.side] = max(need[item.side], w / ppm + 1.0)
        if all(abs(need[k] - columns[k]) < 0.5 for k in columns):
            columns = {k: max(need[k], columns[k]) for k in columns}
            break
        columns = need
    if max_columns is not None and not force:
        if any(columns[k] > max_columns[k] + 1e-9 for k in columns):
            return None
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
            text = _column_text(item, wrap)
            w, h = measure(text, size, item.bold)
            wanted.append((ay, item.zone, item, tuple(pieces), w / ppm, h / ppm, text))
        wanted.sort(key=lambda t: (t[0], t[1]))
        heights = [t[5] + 0.25 * t[5] / (t[6].count("\n") + 1) for t in wanted]
        if sum(heights) > hi - lo and not force:
            return None
        ys = spread_sized([t[0] for t in wanted], heights, lo, hi)
        plan.callouts[key] = [
            Callout(t[2], y, t[3], t[4], height=t[5], text=t[6])
            for t, y in zip(wanted, ys, strict=True)
        ]
    if x_range is not None:
        _clear_of_leaders(plan, measure, x_range)
    return plan


def _clear_of_leaders(plan: Plan, measure, x_range: tuple[float, float]) -> None:
    """Move each inside label a column leader would cross to the nearest spot of its zone
    that no leader crosses (it stays put when there is none)."""
    lines: dict[str, list[LineString]] = {}
    for (foot, side), callouts in plan.callouts.items():
        _, sx = column_x(side, x_range)
        for c in callouts:
            lines.setdefault(foot, []).extend(LineString([(sx, c.y), a]) for a in c.anchors)
    size, ppm = plan.fontsize, plan.ppm
    halves = []
    for ins in plan.inside:
        w, h = measure(ins.text, size, ins.item.bold)
        halves.append((w / ppm / 2, h / ppm / 2))
    boxes = [
        box(i.x - hw, i.y - hh, i.x + hw, i.y + hh)
        for i, (hw, hh) in zip(plan.inside, halves, strict=True)
    ]
    offsets = sorted(
        ((dx * 0.75, dy * 0.75) for dx in range(-16, 17) for dy in range(-16, 17)),
        key=lambda d: (d[0] ** 2 + d[1] ** 2, d),
    )[1:]
    arrays = {foot: np.array(ls, dtype=object) for foot, ls in lines.items()}
    for i, ins in enumerate(plan.inside):
        crossing = arrays.get(ins.item.foot)
        if crossing is None or not shapely.intersects(crossing, boxes[i]).any():
            continue
        hw, hh = halves[i]
        others = [
            b for j, b in enumerate(boxes) if j != i and plan.inside[j].item.foot == ins.item.foot
        ]
        for dx, dy in offsets:
            x, y = ins.x + dx, ins.y + dy
            bb = box(x - hw, y - hh, x + hw, y + hh)
            grown = box(x - hw - PAD, y - hh - PAD, x + hw + PAD, y + hh + PAD)
            if (
                ins.item.region.contains(grown)
                and not any(grown.intersects(o) for o in others)
                and not shapely.intersects(crossing, grown).any()
            ):
                plan.inside[i] = Inside(ins.item, x, y, ins.text)
                boxes[i] = bb
                break
    # a leader still crossing a label ends elsewhere in its zone instead, when a spot is free
    by_foot: dict[str, list] = {}
    for ins, b in zip(plan.inside, boxes, strict=True):
        by_foot.setdefault(ins.item.foot, []).append(_grown(b, LEADER_CLEARANCE))
    for (foot, side), callouts in plan.callouts.items():
        _, sx = column_x(side, x_range)
        labels = np.array(by_foot.get(foot, []), dtype=object)
        for k, c in enumerate(callouts):
            pieces = list(getattr(c.item.region, "geoms", [c.item.region]))
            anchors = list(c.anchors)
            for j, (a, piece) in enumerate(zip(anchors, pieces, strict=True)):
                start = (sx, c.y)
                if not shapely.intersects(labels, LineString([start, a])).any():
                    continue
                core = piece.buffer(-ANCHOR_INSET)
                for dx, dy in offsets:
                    p = (a[0] + dx, a[1] + dy)
                    if (
                        core.contains(Point(p))
                        and not shapely.intersects(labels, LineString([start, p])).any()
                    ):
                        anchors[j] = p
                        break
            if anchors != list(c.anchors):
                callouts[k] = replace(c, anchors=tuple(anchors))


@_share_parameters
def plan_rows(
    items: list[LabelItem],
    *,
    fig,
    renderer,
    scale,
    extent: tuple[float, float, float, float],
    fontsize: float = 7.0,
    min_fontsize: float = MIN_FONTSIZE,
    max_band: float | None = None,
    strict: bool = False,
) -> Plan | None:
    """Decide where every label of profiles lying on their side goes.

    Inside a zone when the text fits (the text runs along the foot); else in a row above or
    below the profile, whichever a straight leader reaches without crossing a label inside
    the profile, else the nearer one.  Rows are spread along the foot by the labels' widths,
    at most :data:`MAX_ROWS` rows a side before the font shrinks.
    Callouts carry their text centre in the foot frame (``x`` beyond the outline's height
    range, ``y`` along the foot).

    Parameters
    ----------
    %(measured)s
    scale : callable
        ``scale(bands) -> pixels per mm`` of the chart, where ``bands`` maps
        ``(foot, "above"/"below")`` to the pixel height of that side's callout rows.
    extent : (xmin, ymin, xmax, ymax)
        The profile's outline bounds in its own frame (x = height above the floor).
    max_band : float, optional
        Pixels: the highest a side's callout rows may be (a fixed scale keeps a fixed room).
    strict : bool
        Return None when the labels don't fit at ``min_fontsize`` (instead of a tight plan).
    """
    rows_at = partial(_rows_at, max_band=max_band)
    return _shrinking(items, fig, renderer, fontsize, min_fontsize, rows_at, scale, extent, strict)


def _shrinking(
    items, fig, renderer, fontsize, min_fontsize, plan_at, scale, room, strict=False
) -> Plan | None:
    """``plan_at`` at the largest font size (from ``fontsize`` down by 12 % steps, never
    below ``min_fontsize``) whose labels all find room; at ``min_fontsize`` the plan is
    forced (callouts may be tight), or None when ``strict``."""
    items = sorted(items, key=lambda i: i.key)  # the plan does not depend on input order
    for item in items:
        shapely.prepare(item.region)  # many containment tests against each region
    measure = _Measure(fig, renderer)
    try:
        size = fontsize
        while True:
            plan = plan_at(items, measure, size, scale, room)
            if plan is not None or size <= min_fontsize:
                if plan is None and not strict:  # give up shrinking
                    plan = plan_at(items, measure, size, scale, room, force=True)
                return plan
            size = max(round(size * 0.88, 2), min_fontsize)
    finally:
        measure.close()


def _rows_at(items, measure, size, scale, extent, force=False, max_band=None) -> Plan | None:
    x0, y0, x1, y1 = extent
    lo, hi = y0 - ROW_OVERHANG, y1 + ROW_OVERHANG
    pitch_px = measure("Hg", size)[1] * ROW_PITCH
    bands: dict[tuple[str, str], float] = {}
    for step in range(4 * MAX_ROWS + 4):
        ppm = scale(bands)
        taken: dict[str, list[BaseGeometry]] = {}
        inside, rest = _inside(items, measure, size, ppm, True, taken)
        placed = _pack(rest, measure, size, ppm, pitch_px / ppm, (x0, lo, x1, hi), taken, force)
        if placed is None:
            return None
        need: dict[tuple[str, str], float] = {}
        for c, _, row in placed:
            key = (c.item.foot, row[0])
            need[key] = max(need.get(key, 0.0), (row[1] + 1) * pitch_px)
        if step >= 2:  # from here on bands only grow: a fixed point is reached
            need = {k: max(need.get(k, 0.0), bands.get(k, 0.0)) for k in need | bands}
        if need == bands:
            break
        bands = need
    if max_band is not None and not force and any(b > max_band + 1e-9 for b in bands.values()):
        return None
    plan = Plan(size, {"medial": 0.0, "lateral": 0.0}, ppm, inside, bands=bands, turned=True)
    for c, _, (side, _) in placed:
        plan.callouts.setdefault((c.item.foot, side), []).append(c)
    for key in plan.callouts:
        plan.callouts[key].sort(key=lambda c: (c.y, c.x or 0.0, c.item.zone))
    return plan


def _pack(rest, measure, size, ppm, pitch, bounds, taken, force):
    """Callouts of lying profiles packed into rows above and below each profile.

    Labels are taken from the surest of their side (near the floor or high up) to those
    halfway up; each joins the side and row where no
    leader crosses a label (inside the profile or in a row) or another leader, then where its
    leader is short, its row near the outline and the row's labels move least from their
    anchors (each row is spread along the foot by the labels' widths).  Returns
    ``[(Callout, box, (side, row)), ...]`` (foot frame), or None when a label finds no room
    (unless ``force``: then the fullest rows may overlap).

    ``bounds`` is ``(bottom, lo, top, hi)``: the outline's height range (foot x) and the
    stretch along the foot (foot y) the rows may use; ``taken`` the inside labels' boxes.
    """
    bottom, lo, top, hi = bounds
    wanted = []
    for item in rest:
        pieces = tuple(anchor_point(p) for p in getattr(item.region, "geoms", [item.region]))
        ay = sum(p[1] for p in pieces) / len(pieces)
        w, h = measure(item.text, size, item.bold)
        ax = sum(p[0] for p in pieces) / len(pieces)
        # how strongly the label belongs to one side: near the floor below, high up above
        sure = abs((ax - bottom) - (top - ax))
        variants = [(ay, pieces, 0.0)]
        if len(pieces) == 1:  # a leader may end anywhere well inside its zone
            core = item.region.buffer(-ANCHOR_INSET)
            for shift in ANCHOR_SHIFTS:
                p = (pieces[0][0], pieces[0][1] + shift)
                if core.contains(Point(p)):
                    variants.append((p[1], (p,), abs(shift)))
        wanted.append(
            (ay, item.foot, item.zone, item, pieces, w / ppm, h / ppm, sure, tuple(variants))
        )
    # the surest first: they take their side; the labels halfway up fit in around them
    wanted.sort(key=lambda t: (-round(t[7], 6), t[1], t[0], t[2]))
    rows: dict[tuple[str, str, int], list] = {}  # (foot, side, row) -> members in order
    laid: dict[tuple[str, str, int], list] = {}  # -> [(Callout, box, segments)]

    def lay(key, members):
        _, side, row = key
        out = -1.0 if side == "below" else 1.0
        edge = bottom if side == "below" else top
        cx = edge + out * (ROW_LEAD + (row + 0.5) * pitch)
        ys = spread_sized([m[0] for m in members], [m[5] + ROW_PAD for m in members], lo, hi)
        done = []
        for cy, (_, _, _, item, pieces, w, h, _, _) in zip(ys, members, strict=True):
            box_ = box(cx - h / 2, cy - w / 2, cx + h / 2, cy + w / 2)
            tip = (cx - out * (h / 2 + 0.5), cy)
            segs = [LineString([tip, p]) for p in pieces]
            done.append((Callout(item, cy, pieces, w, x=cx, height=h, text=item.text), box_, segs))
        return done

    cleared: dict[int, tuple[BaseGeometry, BaseGeometry]] = {}

    def clear(b: BaseGeometry) -> BaseGeometry:
        """``b`` grown by the leader clearance, made once per box of this packing."""
        hit = cleared.get(id(b))
        if hit is None or hit[0] is not b:
            hit = cleared[id(b)] = (b, _grown(b, LEADER_CLEARANCE))
        return hit[1]

    def cost_at(entry, key):
        """(cost, key, members, laid row) of ``entry`` joining row ``key`` as the rows stand
        (``entry`` itself in none of them), or None when the row has no room; the entry's
        leader ends at whichever of its anchors costs least."""
        best = None
        for ay, pieces, shift in entry[8]:
            found = _cost_one((ay, *entry[1:4], pieces, *entry[5:]), key, shift)
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        return best

    def _cost_one(entry, key, shift):
        foot = key[0]
        members = sorted([*rows.get(key, []), entry], key=lambda m: (m[0], m[2]))
        over = sum(m[5] + ROW_PAD for m in members) > hi - lo
        if over and not force:
            return None
        new = lay(key, members)
        others = [d for k, v in laid.items() if k[0] == foot and k != key for d in v]
        boxes = _array([clear(b) for b in taken.get(foot, []) + [d[1] for d in others]])
        lines = _array([g for d in others for g in d[2]])
        hits = 0  # one array predicate per leader: the same counts as pair by pair
        for _, box_, segs in new:
            for g in segs:
                hits += int(shapely.intersects(g, boxes).sum())
            hits += int(shapely.intersects(lines, box_).sum())
            for g in segs:
                hits += 0.25 * int(shapely.crosses(g, lines).sum())
        moved = sum(abs(c.y - m[0]) for (c, _, _), m in zip(new, members, strict=True))
        mine = next(d for d in new if d[0].item is entry[3])
        length = sum(g.length for g in mine[2]) / len(mine[2])
        cost = CROSSING * hits + length + moved + ROW_COST * key[2] + 100 * CROSSING * over
        return (cost + ANCHOR_COST * shift, key, members, new)

    def best_place(entry, stay=None):
        """The cheapest row for ``entry``; row ``stay`` wins ties (a label moves only when
        that is cheaper)."""
        best = kept = None
        for side in ("below", "above"):
            for row in range(MAX_ROWS):
                found = cost_at(entry, (entry[1], side, row))
                if found is None:
                    continue
                if found[1] == stay:
                    kept = found
                if best is None or found[0] < best[0]:
                    best = found
        if kept is not None and best[0] >= kept[0] - 1e-6:
            return kept
        return best

    def put(key, members):
        if members:
            rows[key], laid[key] = members, lay(key, members)
        else:
            rows.pop(key, None)
            laid.pop(key, None)

    where: dict[int, tuple[str, str, int]] = {}
    for entry in wanted:
        best = best_place(entry)
        if best is None:
            return None
        _, key, members, new = best
        rows[key], laid[key] = members, new
        where[id(entry)] = key
    # a greedy placement can keep a crossing that a later label caused: move labels one at
    # a time to their cheapest row given all the others, until none moves
    for _ in range(REFINE_ROUNDS):
        moved_any = False
        for entry in wanted:
            key = where[id(entry)]
            put(key, [m for m in rows[key] if m[3] is not entry[3]])
            _, new_key, members, new = best_place(entry, stay=key)
            rows[new_key], laid[new_key] = members, new
            if new_key != key:
                where[id(entry)] = new_key
                moved_any = True
        if not moved_any:
            break
    return [(c, b, (k[1], k[2])) for k, v in sorted(laid.items()) for c, b, _ in v]
