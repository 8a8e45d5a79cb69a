"""The handout's map: the soles, plus any other aspect that holds a page zone, with the page's
zones highlighted and numbered (imports matplotlib).

Each drawn foot is a :class:`footviz.atlas.layout.Panel` (mirroring by a transform).  The zones
are drawn by the shared zone renderer, :func:`footviz.render.layers.draw_layers`, with one
:class:`~footviz.render.layers.DrawContext` keyed by ``(foot, aspect)`` and the page's muted
and highlight colours, so every layer of the map appears here too.  The numbered discs are
this module's own: a number sits inside its zone when its disc fits; otherwise it goes to a
column beside the foot with a leader line.
"""

from __future__ import annotations

import dataclasses
import math
import weakref
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import Point

from ..atlas import Atlas
from ..atlas.layout import Layout, Panel
from ..atlas.model import ZoneShape
from ..atlas.vocabulary import ASPECTS
from ..render.colouring import Colouring
from ..render.labels import anchor_point, spread
from ..render.paths import draw_order, visible_geometry
from ..render.style import CAPTIONS, FALLBACK_COLOUR, SYSTEM_COLOURS, lighten

MUTED_FACE = "#F1F1F1"
MUTED_EDGE = "#C8C8C8"
HIGHLIGHT_EDGE = "#333333"
OUTLINE_WIDTH = 1.2  # points: the page's map is smaller than a FootMap
INK = "#1A1A1A"
PAD_IN = 0.05  # inches between a foot and its callout column, and around the discs
GROUP_GAP_IN = 0.2  # inches between aspect groups
CAPTION_LINES = 2
CAPTION_SPACING = 1.4  # line spacing of the captions: a pitch of 1.24 em keeps the lines apart
CAPTION_GAP_IN = 0.12  # inches of white space between the captions of neighbouring panels


@dataclass
class MapView:
    """What :func:`draw_map` drew."""

    ax: Any
    panels: tuple[Panel, ...]
    collections: dict[tuple[str, str], Any] = field(default_factory=dict)  # (foot, aspect)
    layers: dict[str, dict] = field(default_factory=dict)  # layer name -> key -> artists
    shapes: dict[tuple[str, str], list[ZoneShape]] = field(default_factory=dict)
    highlighted: dict[tuple[str, str], list[bool]] = field(default_factory=dict)
    captions: list[Any] = field(default_factory=list)
    markers: Any = None
    numbers: dict[tuple[str, str, int], Any] = field(default_factory=dict)  # (foot, aspect, n)
    leaders: Any = None


def disc_points(size: float) -> float:
    """Diameter in points of a numbered disc for a font of ``size`` points."""
    return 2.0 * size


def _groups(atlas: Atlas, marks, points=None) -> list[tuple[str, tuple[str, ...]]]:
    """``(aspect, feet)`` to draw: both soles always; another aspect only when it holds a
    marked zone or a chosen acupoint (``points``, a PointSelection), with one foot when that
    foot shows every marked zone of the aspect (the left foot for points alone: both feet
    hold the same points)."""
    out: list[tuple[str, tuple[str, ...]]] = [("plantar", ("left", "right"))]
    for aspect in ASPECTS[1:]:
        zones = {
            foot: {s.zone.id for _, s in marks if s.aspect == aspect and s.foot == foot}
            for foot in ("left", "right")
        }
        if not zones["left"] and not zones["right"]:
            if points is not None and aspect in atlas.aspects:
                if points.shapes(atlas, "left", aspect):
                    out.append((aspect, ("left",)))
            continue
        if zones["right"] <= zones["left"]:
            out.append((aspect, ("left",)))
        elif zones["left"] <= zones["right"]:
            out.append((aspect, ("right",)))
        else:
            out.append((aspect, ("left", "right")))
    return [(a, f) for a, f in out if a in atlas.aspects]


_ANCHORS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _anchor(s: ZoneShape, shapes: list[ZoneShape]):
    """The visible part of a zone (grown by 0.2 mm), its deepest point and that point's
    distance to the part's edge (None when the point is not inside it), cached."""
    key = s
    if key not in _ANCHORS:
        region = visible_geometry(shapes)[s.zone.id]
        if region.is_empty:
            region = s.geometry
        grown = region.buffer(0.2)
        fx, fy = anchor_point(region)
        centre = Point(fx, fy)
        depth = grown.boundary.distance(centre) if grown.contains(centre) else None
        _ANCHORS[key] = (grown, (fx, fy), depth)
    return _ANCHORS[key]


# a disc is drawn as shapely's buffer of a point: a polygon of 4 * 16 sides, its corners on
# the circle, so it holds the circle shrunk by cos(pi / 64) and lies within the circle
_DISC_INNER = math.cos(math.pi / 64.0)


def disc_inside(region, centre: tuple[float, float], depth: float | None, r: float) -> bool:
    """Whether ``Point(centre).buffer(r)`` lies inside ``region``, as
    ``region.contains(...)`` says, from the centre's ``depth`` (distance to the edge of
    ``region``): decided without shapely unless the edge runs between the disc's inner and
    outer circle."""
    if depth is not None:
        if depth > r * (1.0 + 1e-9):  # the whole circle is inside
            return True
        if depth < r * _DISC_INNER * (1.0 - 1e-9):  # the edge crosses the polygon
            return False
    return bool(region.contains(Point(*centre).buffer(r)))


_ORDERED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _ordered(atlas: Atlas, foot: str, aspect: str) -> list[ZoneShape]:
    """The atlas's shapes of one side of a foot in drawing order (worked out once per atlas:
    an atlas never changes its shapes)."""
    known = _ORDERED.setdefault(atlas, {})
    if (foot, aspect) not in known:
        known[(foot, aspect)] = tuple(draw_order(atlas.shapes(foot, aspect)))
    return list(known[(foot, aspect)])


def _placements(atlas: Atlas, panels, marked, r_mm: float):
    """For each panel: marks inside their zone and marks that need a callout, by side."""
    out = []
    for panel in panels:
        shapes = _ordered(atlas, panel.foot, panel.aspect)
        x0, _, x1, _ = panel.extent
        inside, callouts = [], {"left": [], "right": []}
        for s in sorted((s for s in shapes if s.key in marked), key=lambda s: marked[s.key]):
            region, (fx, fy), depth = _anchor(s, shapes)
            if disc_inside(region, (fx, fy), depth, r_mm * 1.1):
                inside.append((fx, fy, marked[s.key]))
                continue
            right = (fx > (x0 + x1) / 2.0) != panel.mirrored
            callouts["right" if right else "left"].append((fx, fy, marked[s.key]))
        out.append((panel, shapes, inside, callouts))
    return out


def _arrange(atlas: Atlas, groups, rooms, gap: float) -> list[Panel]:
    """Panels left to right; ``rooms[(i, side)]`` is the callout room (mm) beside panel i."""
    panels: list[Panel] = []
    cursor = 0.0
    i = 0
    for aspect, feet in groups:
        extent = atlas.outline(feet[0], aspect).bounds
        inner = 0.0
        if len(feet) == 2:
            inner = rooms.get((i, "right"), 0.0) + rooms.get((i + 1, "left"), 0.0)
            inner = max(inner, 4.0)
        # the handout's panels stand upright in one row, profiles too
        layout = Layout.side_by_side(extent, feet, aspect, "self", gap=inner, turned=False)
        shift = cursor + rooms.get((i, "left"), 0.0) - layout.chart_bounds[0]
        placed = [dataclasses.replace(p, dx=p.dx + shift) for p in layout.panels]
        panels.extend(placed)
        i += len(placed)
        cursor = placed[-1].chart_bounds[2] + rooms.get((i - 1, "right"), 0.0) + gap
    return panels


@dataclass
class MapPlan:
    """Scale (inches per mm), panels and number placements of a map of a given size."""

    scale: float
    r_mm: float
    room: float
    panels: list[Panel]
    plan: list
    total_w: float
    top_mm: float
    caption_in: float

    @property
    def height(self) -> float:
        """Inches of height the drawing needs (it may be narrower than its box)."""
        return (self.top_mm + self.r_mm) * self.scale + self.caption_in


def caption_size(size: float) -> float:
    """Font size (points) of the captions under the panels, for body text of ``size``."""
    return size + 0.5


def caption_lines(lang: str, foot: str, aspect: str) -> tuple[str, str]:
    """The two lines of a panel's caption: the foot, then the side it is seen from."""
    words = CAPTIONS[lang]
    return words[foot], words[aspect]


def _caption_widths(groups, lang: str, size: float) -> list[float]:
    """Inches of the widest caption line of each panel, in panel order."""
    from .textflow import Measure

    m = Measure()
    cs = caption_size(size)
    return [
        max(m.width(line, cs) for line in caption_lines(lang, foot, aspect))
        for aspect, feet in groups
        for foot in feet
    ]


def plan_map(
    atlas: Atlas,
    marks,
    box_w: float,
    box_h: float,
    size: float,
    lang: str = "en",
    points=None,
) -> MapPlan:
    """Fit the map into ``box_w`` x ``box_h`` inches: scale, panels, callout columns.

    A panel whose caption is wider than the foot gets room beside it, so the captions of
    neighbouring panels keep :data:`CAPTION_GAP_IN` apart.  ``points`` (a PointSelection)
    adds the aspects its points show on.
    """
    r_in = disc_points(size) / 2.0 / 72.0
    room_in = 2.0 * r_in + 2.0 * PAD_IN  # a callout column beside a foot
    caption_in = 0.16 + (CAPTION_LINES * CAPTION_SPACING + 0.3) * caption_size(size) / 72.0
    groups = _groups(atlas, marks, points)
    marked = {s.key: n for n, s in marks}
    n_panels = sum(len(feet) for _, feet in groups)
    top_mm = max(atlas.outline(feet[0], a).bounds[3] for a, feet in groups)
    trial = _arrange(atlas, groups, {}, 0.0)
    panel_w = [p.extent[2] - p.extent[0] for p in trial]
    cap_w = _caption_widths(groups, lang, size)

    def extras(scale: float) -> list[float]:
        """Inches each side of panel i that its caption needs beyond the foot."""
        return [
            max(0.0, (c + CAPTION_GAP_IN) / 2.0 - w * scale / 2.0)
            for c, w in zip(cap_w, panel_w, strict=True)
        ]

    def fit(sides: set[tuple[int, str]], extra: list[float]) -> float:
        fixed = sum(
            max(room_in if (i, side) in sides else 0.0, extra[i])
            for i in range(n_panels)
            for side in ("left", "right")
        )
        fixed += (len(groups) - 1) * GROUP_GAP_IN + 0.06 * n_panels
        return min((box_w - fixed) / sum(panel_w), (box_h - caption_in - r_in) / top_mm)

    def settle(sides: set[tuple[int, str]]) -> tuple[float, list[float]]:
        scale = fit(sides, [0.0] * n_panels)
        for _ in range(6):  # a smaller scale needs more caption room: settle the two
            scale = fit(sides, extras(scale))
        scale *= 0.995
        return scale, extras(scale)

    def rooms_mm(sides, extra, scale) -> dict[tuple[int, str], float]:
        return {
            (i, side): max(room_in if (i, side) in sides else 0.0, extra[i]) / scale
            for i in range(n_panels)
            for side in ("left", "right")
        }

    every = {(i, side) for i in range(n_panels) for side in ("left", "right")}
    scale, _ = settle(every)
    plan = _placements(atlas, trial, marked, r_in / scale)
    sides = {(i, side) for i, (_, _, _, c) in enumerate(plan) for side in c if c[side]}
    scale, extra = settle(sides)
    rooms = rooms_mm(sides, extra, scale)
    panels = _arrange(atlas, groups, rooms, GROUP_GAP_IN / scale)
    plan = _placements(atlas, panels, marked, r_in / scale)
    total_w = panels[-1].chart_bounds[2] + rooms[(n_panels - 1, "right")]
    return MapPlan(scale, r_in / scale, room_in / scale, panels, plan, total_w, top_mm, caption_in)


def map_colouring(
    shapes: dict[tuple[str, str], list[ZoneShape]], highlighted: dict[tuple[str, str], list[bool]]
) -> Colouring:
    """The page's colours: its zones in their system's colour with a dark edge, every other
    zone muted grey with a thin light edge (keyed like ``shapes``, in their order)."""
    out = Colouring()
    for key, ss in shapes.items():
        flags = highlighted[key]
        out.facecolors[key] = [
            lighten(SYSTEM_COLOURS.get(s.zone.system, FALLBACK_COLOUR), 0.1) if hit else MUTED_FACE
            for s, hit in zip(ss, flags, strict=True)
        ]
        out.edges[key] = [HIGHLIGHT_EDGE if hit else MUTED_EDGE for hit in flags]
        out.linewidths[key] = [0.7 if hit else 0.4 for hit in flags]
    return out


def _context(ax: Any, atlas: Atlas, panels, shapes, highlighted, points=None):
    """What the shared layers draw the page's zones (and ``points``) from (one axes, several
    aspects)."""
    from ..render.layers import DrawContext
    from ..render.theme import Theme

    return DrawContext(
        ax=ax, atlas=atlas, aspect=panels[0].aspect, panels=tuple(panels), shapes=shapes,
        visible={k: visible_geometry(ss) for k, ss in shapes.items()},
        colouring=map_colouring(shapes, highlighted), theme=Theme.named("light"),
        aspect_in_labels=True, outline_width=OUTLINE_WIDTH, points=points,
    )  # fmt: skip


def draw_map(ax: Any, atlas: Atlas, marks, lang: str, size: float, points=None) -> MapView:
    """Draw the map on ``ax`` (its position is the box it may fill) with the marks numbered.

    ``marks`` holds ``(number, ZoneShape)`` pairs; ``points`` (a
    :class:`~footviz.render.points.PointSelection`, optional) the acupoints the layer
    ``"points"`` draws (``view.layers["points"]``).
    """
    from matplotlib.collections import LineCollection

    from ..render.layers import draw_layers

    fig = ax.figure
    ax.set_axis_off()
    ax.set_aspect("equal")
    pos = ax.get_position(original=True)
    box_w, box_h = pos.width * fig.get_figwidth(), pos.height * fig.get_figheight()
    mp = plan_map(atlas, marks, box_w, box_h, size, lang, points)
    scale, r_mm, room, panels, plan = mp.scale, mp.r_mm, mp.room, mp.panels, mp.plan
    lo_y, hi_y = -mp.caption_in / scale, mp.top_mm + r_mm
    extra_x = box_w / scale - mp.total_w
    extra_y = box_h / scale - (hi_y - lo_y)
    ax.set_xlim(-extra_x / 2.0, mp.total_w + extra_x / 2.0)
    ax.set_ylim(lo_y - extra_y / 2.0, hi_y + extra_y / 2.0)
    marked = {s.key: n for n, s in marks}
    top_mm = mp.top_mm

    view = MapView(ax, tuple(panels))
    for panel, shapes, _, _ in plan:
        key = (panel.foot, panel.aspect)
        view.shapes[key] = shapes
        view.highlighted[key] = [s.key in marked for s in shapes]
    ctx = _context(ax, atlas, panels, view.shapes, view.highlighted, points)
    view.layers = draw_layers(ctx)
    for key, artist in view.layers.get("points", {}).items():
        if key[0] == "labels":  # the page's codes are as large as its body text (>= 8 pt)
            for t in artist.texts:
                t.set_fontsize(size)
    view.collections = dict(view.layers.get("zones", {}))
    centres: list[tuple[float, float, int, str, str]] = []
    leaders: list[list[tuple[float, float]]] = []
    for panel, _, inside, callouts in plan:
        bx0, _, bx1, _ = panel.chart_bounds
        view.captions.append(
            ax.text(
                (bx0 + bx1) / 2.0,
                -0.12 / scale,
                "\n".join(caption_lines(lang, panel.foot, panel.aspect)),
                ha="center",
                va="top",
                fontsize=caption_size(size),
                linespacing=CAPTION_SPACING,
                parse_math=False,
            )
        )
        for fx, fy, number in inside:
            cx, cy = panel.to_chart(fx, fy)
            centres.append((float(cx), float(cy), number, panel.foot, panel.aspect))
        for side, items in sorted(callouts.items()):
            if not items:
                continue
            col_x = bx1 + room / 2.0 if side == "right" else bx0 - room / 2.0
            pts = sorted(
                (
                    (float(panel.to_chart(fx, fy)[1]), float(panel.to_chart(fx, fy)[0]), n)
                    for fx, fy, n in items
                )
            )
            ys = spread([p[0] for p in pts], 2.25 * r_mm, r_mm, top_mm)
            for (ay, axx, number), y in zip(pts, ys, strict=True):
                centres.append((col_x, y, number, panel.foot, panel.aspect))
                end = col_x - r_mm if col_x > axx else col_x + r_mm
                leaders.append([(end, y), (axx, ay)])
    if leaders:
        view.leaders = LineCollection(leaders, colors=INK, linewidths=0.6, zorder=5)
        ax.add_collection(view.leaders)
        ax.scatter([s[1][0] for s in leaders], [s[1][1] for s in leaders], s=4, c=INK, zorder=5)
    centres.sort(key=lambda c: (c[3], c[4], c[2]))
    view.markers = ax.scatter(
        [c[0] for c in centres],
        [c[1] for c in centres],
        s=disc_points(size) ** 2,
        c="white",
        edgecolors=INK,
        linewidths=0.8,
        zorder=6,
    )
    for x, y, number, foot, aspect in centres:
        view.numbers[(foot, aspect, number)] = ax.text(
            x,
            y,
            str(number),
            ha="center",
            va="center_baseline",
            fontsize=size,
            fontweight="bold",
            zorder=7,
            parse_math=False,
        )
    return view
