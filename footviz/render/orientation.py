"""How a map's feet stand: upright side by side (sole, top) or lying one above the other
(the side profiles), as two strategy objects behind one interface.

:class:`FootMap` asks its :class:`Orientation` for everything that differs between the two:
the default figure size, the label planner and its room, the layout and axes limits that
follow from a plan, where captions and the viewing note go, the "toes"/"heel" hints, and
where a numbered key goes on a figure of its own.  The drawing itself does not branch on the
orientation.

Two ways to fix the scale (pixels per chart mm):

* *free* (a map in a figure of its own, no ``scale=``): the labels decide, so the map is as
  large as its callouts allow;
* *fixed* (a map drawn into the caller's axes, or any map given ``scale=``): the scale comes
  from the axes size (or ``scale=``) and a nominal room for callouts, never from the labels,
  so equal axes show the same feet at the same scale whatever is highlighted.  Labels that
  don't fit that room become numbers with a key.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..atlas.layout import PROFILES, Layout, Panel
from .labelling import COLUMN_GAP, ROW_LEAD, ROW_OVERHANG, ROW_PITCH, Plan, plan_labels, plan_rows

__all__ = ["Frame", "Lying", "Orientation", "Room", "Upright", "orientation_for"]

TOP_MARGIN = 6.0  # mm above the toes
CAPTION_GAP = 5.0  # mm between the heel and the captions
A4_LANDSCAPE = (11.7, 8.3)  # inches: default figure of both feet (prints on A4 / Letter)
A4_PORTRAIT = (8.3, 11.7)  # both side profiles, lying one above the other
PROFILE_FIGSIZE = (9.0, 6.2)  # one side profile
ONE_SOLE_FIGSIZE = (8.5, 10.0)
# side profiles lying on their side (mm): caption above each profile, gaps, hints at the ends
PROFILE_CAPTION_GAP = 3.0  # between a caption and the rows or outline below it
PROFILE_GAP = 8.0  # between one profile's lowest callout row and the caption of the next
NOTE_GAP = 4.0  # between the lowest row and the viewing note
HINT_GAP = 2.5  # between the heel or the toe tip and its "heel" / "toes" hint
HINT_HEIGHT = 12.0  # height above the floor of the hints
HINT_SIZE = 8.0  # points
TOP_PAD = 4.0  # above the top caption
# the room a fixed scale keeps for callouts
NOMINAL_COLUMN = 40.0  # mm: each callout column beside an upright foot
NOMINAL_ROWS = 2  # callout rows above and below a lying profile


@dataclass
class Room:
    """What the planner knows of the axes before anything is drawn (pixels)."""

    fig: Any
    renderer: Any
    axes_px: tuple[float, float]
    px: dict[str, float]  # "caption", "note", "hint": pixel sizes of the decorations
    fontsize: float
    ppm: float | None = None  # a fixed scale (pixels per mm), else the labels decide
    numbered: bool = False  # a fixed scale for number labels (narrow callout room)
    number_px: float = 0.0  # the widest number label
    key_px: float = 0.0  # height kept under the map for its key

    @property
    def cap_px(self) -> float:
        return self.px["caption"] + self.px["note"]


@dataclass
class Frame:
    """Where things go once the plan is known (chart mm)."""

    layout: Layout
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    captions: dict[str, tuple[float, str]] = field(default_factory=dict)  # foot -> (y, va)
    content: tuple[float, float] | None = None  # y range of the map itself (fixed scale)

    def top_aligned(self) -> Frame:
        """The same frame with the map at the top of the axes (room for a key below)."""
        if self.content is None:
            return self
        span = self.ylim[1] - self.ylim[0]
        ylim = (self.content[1] - span, self.content[1])
        return Frame(self.layout, self.xlim, ylim, self.captions, self.content)


def _centred(lim: tuple[float, float], span: float) -> tuple[float, float]:
    mid, half = (lim[0] + lim[1]) / 2, max(span, lim[1] - lim[0]) / 2
    return (mid - half, mid + half)


class Orientation(ABC):
    """The strategy of one way of standing the feet (see the module docstring)."""

    turned: bool = False
    key_below: bool = False  # a numbered key on the map's own figure: below, or at the right

    def __init__(self, fm: Any) -> None:
        self.fm = fm  # the FootMap: extent, feet, view, aspect

    @abstractmethod
    def default_figsize(self) -> tuple[float, float]:
        """Inches of the figure of a map drawn without ``ax=``."""

    @abstractmethod
    def layout_for(self, room: Mapping[str, float] | None = None) -> Layout:
        """The layout, given the callout room of a plan (columns or bands)."""

    @abstractmethod
    def plan(self, items: list, room: Room, *, strict: bool) -> Plan | None:
        """Plan the labels; with ``strict``, None when they don't fit at the minimum size."""

    @abstractmethod
    def frame(self, plan: Plan, room: Room) -> Frame:
        """Layout, limits and caption places of a made plan."""

    def hints(self, panel: Panel, words: Mapping[str, str]) -> list[tuple[float, float, str, str]]:
        """``(x, y, text, ha)`` of the "toes"/"heel" hints of a panel (chart mm), keyed in
        that order; none for upright feet."""
        return []

    def note(self, words: Mapping[str, str]) -> str | None:
        """The viewing-convention note under the map, if any."""
        return None

    def note_x(self, frame: Frame) -> float:
        """Chart x of the note's centre: under the middle of the feet."""
        xs = [p.chart_bounds for p in frame.layout.panels]
        return (min(b[0] for b in xs) + max(b[2] for b in xs)) / 2

    @classmethod
    def of_panel(cls, panel: Panel) -> type[Orientation]:
        """The strategy class of a lone panel (the four-side sheet's): by its ``turned``."""
        return Lying if panel.turned else Upright

    def _scale_and_limits(self, room: Room) -> tuple[Callable[[Any], float], dict[str, Any]]:
        """The ``scale`` callable of the label planner and its extra limits: the scale that
        fits the room, or, where the room fixes ``ppm``, that scale with the room it leaves
        (:meth:`_fixed_limits`, after checking the drawing fits)."""
        if room.ppm is None:
            return (lambda sizes: self._scale(sizes, room)), {}
        ppm = room.ppm
        return (lambda _sizes: ppm), self._fixed_limits(self._nominal(room), ppm, room)

    @staticmethod
    def fit(need: tuple[float, float], room: Room, what: str) -> None:
        """Raise when a fixed ``scale=`` makes the map larger than the axes."""
        from ..errors import FootvizError

        w, h = need[0] * room.ppm, need[1] * room.ppm
        aw, ah = room.axes_px
        if w > aw * 1.001 or h > ah * 1.001:
            k = min(aw / w, ah / h)
            raise FootvizError(
                f"scale is too large for this axes: {what} needs {w:.0f} x {h:.0f} px but the "
                f"axes has {aw:.0f} x {ah:.0f} px; at most {k:.3g} times that scale fits"
            )


class Upright(Orientation):
    """Soles and tops: toes up, side by side, callout columns beside each foot."""

    def default_figsize(self) -> tuple[float, float]:
        return A4_LANDSCAPE if len(self.fm.feet) == 2 else ONE_SOLE_FIGSIZE

    def layout_for(self, room: Mapping[str, float] | None = None) -> Layout:
        fm = self.fm
        medial = (room or {}).get("medial", NOMINAL_COLUMN)
        gap = 2 * (COLUMN_GAP + medial) + 4.0
        return Layout.side_by_side(fm.extent, fm.feet, fm.aspect, fm.view, gap=gap)

    def _x_bounds(self, layout: Layout, columns: Mapping[str, float]) -> tuple[float, float]:
        x0, _, x1, _ = self.fm.extent
        xs: list[float] = []
        for p in layout.panels:
            for fx in (x0 - COLUMN_GAP - columns["lateral"], x1 + COLUMN_GAP + columns["medial"]):
                xs.append(float(p.to_chart(fx, 0.0)[0]))
        return min(xs) - 1.0, max(xs) + 1.0

    def _y_base(self) -> float:
        return self.fm.extent[3] + TOP_MARGIN + CAPTION_GAP + 2.0

    def _scale(self, columns: Mapping[str, float], room: Room) -> float:
        x0, x1 = self._x_bounds(self.layout_for(columns), columns)
        height = room.axes_px[1] - room.cap_px - room.key_px
        return min(room.axes_px[0] / (x1 - x0), height / self._y_base())

    def _nominal(self, room: Room) -> dict[str, float]:
        """The callout columns a fixed scale keeps: for names, or for numbers."""
        if room.numbered and room.ppm:
            w = room.number_px / room.ppm + 1.0
            return {"medial": w, "lateral": w}
        return {"medial": NOMINAL_COLUMN, "lateral": NOMINAL_COLUMN}

    def fixed_ppm(self, room: Room) -> float:
        """The scale a map takes in an axes of this size when the labels don't decide."""
        ppm, room.ppm = room.ppm, None
        try:
            room.ppm = self._scale(self._nominal(room), room)
            for _ in range(6 if room.numbered else 0):  # number columns: a fixed point
                room.ppm = self._scale(self._nominal(room), room)
            return room.ppm
        finally:
            room.ppm = ppm

    def _fixed_limits(self, nominal: dict[str, float], ppm: float, room: Room) -> dict[str, Any]:
        x0, x1 = self._x_bounds(self.layout_for(nominal), nominal)
        need = (x1 - x0, self._y_base() + (room.cap_px + room.key_px) / ppm)
        self.fit(need, room, "the map")
        spare = (room.axes_px[0] / ppm - (x1 - x0)) / 2  # mm beyond the outer columns
        return {
            "max_columns": {
                "lateral": nominal["lateral"] + spare,
                "medial": nominal["medial"] + (spare if len(self.fm.feet) == 1 else 0.0),
            }
        }

    def plan(self, items: list, room: Room, *, strict: bool) -> Plan | None:
        fm, top = self.fm, self.fm.extent[3]
        scale, kw = self._scale_and_limits(room)
        return plan_labels(
            items, fig=room.fig, renderer=room.renderer, scale=scale, y_range=(4.0, top + 4.0),
            fontsize=room.fontsize, x_range=(fm.extent[0], fm.extent[2]), strict=strict, **kw,
        )  # fmt: skip

    @staticmethod
    def plan_panel(items: list, *, fig, renderer, ppm: float, extent, fontsize: float, wrap: int):
        """Plan one upright panel at a fixed scale (callout columns beside the foot)."""
        return plan_labels(
            items, fig=fig, renderer=renderer, scale=lambda _columns: ppm,
            y_range=(2.0, extent[3] + 8.0), fontsize=fontsize, wrap=wrap,
            x_range=(extent[0], extent[2]),
        )  # fmt: skip

    def frame(self, plan: Plan, room: Room) -> Frame:
        columns = plan.columns if room.ppm is None else self._nominal(room)
        layout = self.layout_for(columns)
        xlim = self._x_bounds(layout, columns)
        ylim = (-(CAPTION_GAP + room.cap_px / plan.ppm), self.fm.extent[3] + TOP_MARGIN)
        content = ylim
        if room.ppm is not None:  # fill the axes exactly: the scale is the one asked for
            xlim = _centred(xlim, room.axes_px[0] / room.ppm)
            ylim = _centred(ylim, room.axes_px[1] / room.ppm)
        captions = {p.foot: (-2.0, "top") for p in layout.panels}
        return Frame(layout, xlim, ylim, captions, content)

    def note(self, words: Mapping[str, str]) -> str | None:
        if self.fm.aspect != "plantar":
            return None
        return words["self_view"] if self.fm.view == "self" else words["practitioner_view"]


class Lying(Orientation):
    """Side profiles: lying on their side, floor down, one above the other, callout rows
    above and below each profile."""

    turned = True
    key_below = True  # lying profiles are wide: the key goes under them

    def default_figsize(self) -> tuple[float, float]:
        return A4_PORTRAIT if len(self.fm.feet) == 2 else PROFILE_FIGSIZE

    def layout_for(self, room: Mapping[str, float] | None = None) -> Layout:
        fm = self.fm
        return Layout.side_by_side(fm.extent, fm.feet, fm.aspect, fm.view, gap=40.0)

    def _placed(self) -> list[str]:
        order = ("left", "right") if self.fm.view == "self" else ("right", "left")
        return [f for f in order if f in self.fm.feet]  # top to bottom

    def stack(self, bands: Mapping[tuple[str, str], float], ppm: float, px: Mapping[str, float]):
        """Layout, limits and caption heights of lying profiles at ``ppm`` pixels per mm.

        ``bands`` gives the pixel height of each (foot, "above"/"below") callout band, ``px``
        the pixel sizes of the caption, the note and the widest hint.  From the bottom: note,
        then per profile its lower rows, the outline, its upper rows and its caption.
        """
        fm = self.fm
        x0, y0, x1, y1 = fm.extent

        def band(foot: str, side: str) -> float:
            b = bands.get((foot, side), 0.0)
            return ROW_LEAD + b / ppm if b > 0 else 0.0

        placed = self._placed()
        cap = px["caption"] / ppm
        gap = 0.0
        if len(placed) == 2:
            top, bottom = placed
            gap = band(bottom, "above") + PROFILE_CAPTION_GAP + cap + PROFILE_GAP
            gap += band(top, "below")
        layout = Layout.side_by_side(fm.extent, fm.feet, fm.aspect, fm.view, gap=gap)
        captions = {}
        for p in layout.panels:
            captions[p.foot] = p.dy + x1 + band(p.foot, "above") + PROFILE_CAPTION_GAP
        ylo = x0 - band(placed[-1], "below") - NOTE_GAP - px["note"] / ppm
        yhi = captions[placed[0]] + cap + TOP_PAD
        side = max(ROW_OVERHANG, HINT_GAP + px["hint"] / ppm) + 1.0
        return layout, (y0 - side, y1 + side), (ylo, yhi), captions

    def _scale(self, bands: Mapping[tuple[str, str], float], room: Room) -> float:
        """Pixels per mm at which lying profiles with these callout bands fill the axes."""
        x0, y0, x1, y1 = self.fm.extent
        n, px, axes_px = len(self.fm.feet), room.px, room.axes_px
        text = n * px["caption"] + px["note"] + sum(bands.values()) + room.key_px
        mm = n * (x1 - x0 + PROFILE_CAPTION_GAP) + (n - 1) * PROFILE_GAP + NOTE_GAP + TOP_PAD
        mm += ROW_LEAD * sum(1 for b in bands.values() if b > 0)
        length = y1 - y0
        by_w = min(
            axes_px[0] / (length + 2 * (ROW_OVERHANG + 1.0)),
            (axes_px[0] - 2 * px["hint"]) / (length + 2 * (HINT_GAP + 1.0)),
        )
        return max(min(by_w, (axes_px[1] - text) / mm), 0.05)

    def _nominal(self, room: Room) -> dict[tuple[str, str], float]:
        from .labelling import _Measure

        measure = _Measure(room.fig, room.renderer)
        try:
            pitch = measure("Hg", room.fontsize)[1] * ROW_PITCH
        finally:
            measure.close()
        return {(f, s): NOMINAL_ROWS * pitch for f in self.fm.feet for s in ("above", "below")}

    def fixed_ppm(self, room: Room) -> float:
        return self._scale(self._nominal(room), room)

    def _fixed_limits(
        self, nominal: dict[tuple[str, str], float], ppm: float, room: Room
    ) -> dict[str, Any]:
        _, xlim, ylim, _ = self.stack(nominal, ppm, room.px)
        need = (xlim[1] - xlim[0], ylim[1] - ylim[0] + room.key_px / ppm)
        self.fit(need, room, "the profiles")
        return {"max_band": max(nominal.values())}

    def plan(self, items: list, room: Room, *, strict: bool) -> Plan | None:
        scale, kw = self._scale_and_limits(room)
        return plan_rows(
            items, fig=room.fig, renderer=room.renderer, scale=scale, extent=self.fm.extent,
            fontsize=room.fontsize, strict=strict, **kw,
        )  # fmt: skip

    @staticmethod
    def plan_panel(items: list, *, fig, renderer, ppm: float, extent, fontsize: float, wrap: int):
        """Plan one lying panel at a fixed scale (callout rows above and below)."""
        return plan_rows(
            items, fig=fig, renderer=renderer, scale=lambda _bands: ppm, extent=extent,
            fontsize=fontsize,
        )  # fmt: skip

    def frame(self, plan: Plan, room: Room) -> Frame:
        bands = plan.bands if room.ppm is None else self._nominal(room)
        layout, xlim, ylim, captions = self.stack(bands, plan.ppm, room.px)
        content = ylim
        if room.ppm is not None:
            xlim = _centred(xlim, room.axes_px[0] / room.ppm)
            ylim = _centred(ylim, room.axes_px[1] / room.ppm)
        places = {f: (y, "bottom") for f, y in captions.items()}
        return Frame(layout, xlim, ylim, places, content)

    def hints(self, panel: Panel, words: Mapping[str, str]) -> list[tuple[float, float, str, str]]:
        _, y0, _, y1 = self.fm.extent
        toes_right = panel.direction(0.0, 1.0)[0] > 0
        out_dir = 1.0 if toes_right else -1.0
        hy = float(panel.to_chart(HINT_HEIGHT, 0.0)[1])
        toe_x = float(panel.to_chart(0.0, y1)[0]) + out_dir * HINT_GAP
        heel_x = float(panel.to_chart(0.0, y0)[0]) - out_dir * HINT_GAP
        toes = f"{words['toes']} →" if toes_right else f"← {words['toes']}"
        return [
            (toe_x, hy, toes, "left" if toes_right else "right"),
            (heel_x, hy, words["heel"], "right" if toes_right else "left"),
        ]

    def note(self, words: Mapping[str, str]) -> str | None:
        return words[f"{self.fm.aspect}_view"]

    def note_x(self, frame: Frame) -> float:
        return sum(frame.xlim) / 2  # under the middle of the axes (the hints reach its ends)


def orientation_for(fm: Any) -> Orientation:
    """The strategy for a map's aspect: profiles lie, soles and tops stand."""
    return Lying(fm) if fm.aspect in PROFILES else Upright(fm)
