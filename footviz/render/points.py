"""The acupoints layer: markers sized by radius, meridian lines and code labels.

``points=`` on :func:`footviz.plot`, :meth:`footviz.render.FootMap.draw` and
:func:`footviz.draw_aspect_sheet` chooses the points (:func:`resolve_points`); the layer
``"points"`` of :data:`footviz.render.layers.LAYERS` draws them on every panel:

* one PathCollection of markers per panel, each marker a shape in foot-frame mm whose size
  is the point's radius (so it scales with the map), its shape and colour telling its role
  (:data:`ROLE_STYLES`);
* one LineCollection joining the points of each meridian in meridian order;
* one :class:`PointLabels` artist holding the code labels, placed when drawn so that they
  overlap neither each other, nor the markers, nor any other text of the figure (zone
  labels, captions, legends); a code that finds no free place is left out (``dropped``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.artist import Artist, allow_rasterization
from matplotlib.lines import Line2D
from matplotlib.text import Text

from ..atlas import Atlas
from ..atlas.layout import Panel
from ..atlas.points import PointShape, resolve_role
from ..errors import BadTypeError, NotInAtlasError, UnknownNameError

__all__ = [
    "ROLE_STYLES",
    "PointLabels",
    "PointSelection",
    "draw_points",
    "point_handles",
    "point_role",
    "resolve_points",
]

#: Marker shape and fill of each source role, and of points without one (``None``).
ROLE_STYLES: dict[str | None, tuple[str, str]] = {
    "exciting": ("^", "#D62728"),
    "calming": ("v", "#1F6FD1"),
    "harmonising": ("D", "#1E9E4A"),
    None: ("o", "#FFFFFF"),
}
MARKER_REACH = {"o": 1.0, "^": 1.35, "v": 1.35, "D": 1.25}  # see _unit_marker
ROLE_ORDER: tuple[str, ...] = ("exciting", "calming", "harmonising")
ROLE_WORDS = {
    "en": {
        "exciting": "exciting point",
        "calming": "calming point",
        "harmonising": "harmonising point",
        None: "other point",
    },
    "ru": {
        "exciting": "возбуждающая точка",
        "calming": "успокаивающая точка",
        "harmonising": "гармонизирующая точка",
        None: "другая точка",
    },
}
MARKER_EDGE = "#1A1A1A"
LINE_COLOUR = "#7B3FA0"
LABEL_SIZE = 7.0
LABEL_COLOUR = "#1A1A1A"
LABEL_BOX_PAD = 0.15  # of the font size
LABEL_BOX = {"boxstyle": f"round,pad={LABEL_BOX_PAD}", "fc": "#FFFFFF", "ec": "none", "alpha": 0.85}
LABEL_GAP = 1.5  # points between a marker and its label
CLEARANCE = 1.0  # pixels a label keeps from every other text and marker


@dataclass(frozen=True)
class PointSelection:
    """The point codes a drawing shows."""

    codes: frozenset[str]

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def shapes(self, atlas: Atlas, foot: str, aspect: str) -> tuple[PointShape, ...]:
        """The selected points' positions on ``foot``'s ``aspect``, in atlas order."""
        return tuple(s for s in atlas.points(foot, aspect) if s.code in self.codes)


def _one(atlas: Atlas, name: str) -> set[str]:
    """The codes one name stands for: a meridian, a point or a role."""
    pointset = atlas.acupoints
    tries: list[UnknownNameError] = []
    try:
        mer = atlas.meridian(name)
        return {p.code for p in mer.on_foot}
    except UnknownNameError as exc:
        tries.append(exc)
    try:
        rec = atlas.acupoint(name)
    except UnknownNameError as exc:
        tries.append(exc)
    else:
        if not rec.on_foot:
            atlas.point(rec.code)  # NotInAtlasError: where it lies and why it is not drawn
            raise NotInAtlasError(f"point {rec.code} lies off the foot")  # pragma: no cover
        return {rec.code}
    try:
        role = resolve_role(name)
        return {s.code for s in pointset.matching(None, None, None, role)}
    except UnknownNameError as exc:
        tries.append(exc)
    suggestions = [s for e in tries for s in e.suggestions]
    raise UnknownNameError(
        "points",
        name,
        suggestions,
        (),
        hint="give True, a meridian ('kidney'), point codes or names ('KI1', 'Taichong') "
        "or a role ('calming')",
    )


def resolve_points(atlas: Atlas, points: Any) -> PointSelection | None:
    """The selection ``points`` stands for: None/False for none, True for every point, a
    meridian, point or role name, or a sequence of them (their union).

    Raises
    ------
    UnknownNameError
        For a name that is no meridian, point or role, with close spellings.
    NotInAtlasError
        For a point that lies off the foot (LR8 ...).
    BadTypeError
        For anything else.
    """
    if points is None or points is False:
        return None
    if points is True:
        return PointSelection(frozenset(s.code for s in atlas.points()))
    if isinstance(points, str):
        return PointSelection(frozenset(_one(atlas, points)))
    if isinstance(points, Iterable) and not isinstance(points, (bytes, dict)):
        items = list(points)
        if all(isinstance(p, str) for p in items):
            codes: set[str] = set()
            for p in items:
                codes |= _one(atlas, p)
            return PointSelection(frozenset(codes))
    raise BadTypeError("points", points, "True, a meridian, point or role name, or a list of names")


def point_role(shape: PointShape) -> str | None:
    """The source role a point's marker shows (exciting, calming, harmonising or None)."""
    return next((r for r in ROLE_ORDER if r in shape.roles), None)


def _unit_marker(marker: str) -> np.ndarray:
    """Closed marker outline in display orientation, about the area of a unit disc."""
    if marker == "o":
        t = np.linspace(0.0, 2 * np.pi, 33)
        return np.column_stack([np.cos(t), np.sin(t)])
    if marker in ("^", "v"):
        s = 1.35 if marker == "^" else -1.35
        t = np.radians([90.0, 210.0, 330.0, 90.0])
        return np.column_stack([np.cos(t) * 1.35, np.sin(t) * s])
    t = np.radians([90.0, 180.0, 270.0, 0.0, 90.0])  # "D": a diamond
    return np.column_stack([np.cos(t), np.sin(t)]) * 1.25


def _marker_path(panel: Panel, shape: PointShape, marker: str):
    """The marker of ``shape`` in its foot frame, upright on the page whatever the panel."""
    from matplotlib.path import Path

    a, b, d, e, _, _ = panel.matrix()
    inv = np.linalg.inv(np.array([[a, b], [d, e]]))
    verts = (_unit_marker(marker) * shape.radius) @ inv.T
    verts += (shape.geometry.x, shape.geometry.y)
    codes = np.full(len(verts), Path.LINETO, dtype=np.uint8)
    codes[0], codes[-1] = Path.MOVETO, Path.CLOSEPOLY
    return Path(verts, codes)


def draw_points(ctx, panel: Panel) -> dict[str, Any] | None:
    """The selected points of the panel: ``"markers"`` (a PathCollection), ``"lines"`` (a
    LineCollection, one line per meridian with two points or more) and ``"labels"``
    (:class:`PointLabels`)."""
    from matplotlib.collections import LineCollection, PathCollection

    chosen = getattr(ctx, "points", None)
    if chosen is None:
        return None
    shapes = chosen.shapes(ctx.atlas, panel.foot, panel.aspect)
    if not shapes:
        return None
    tf = ctx.transform(panel)
    where = f"{panel.foot}/{panel.aspect}" if ctx.aspect_in_labels else panel.foot
    by_meridian: dict[str, list[PointShape]] = {}
    for s in shapes:
        if s.meridian is not None:
            by_meridian.setdefault(s.meridian, []).append(s)
    runs = [sorted(run, key=lambda s: s.order) for _, run in sorted(by_meridian.items())]
    runs = [run for run in runs if len(run) > 1]
    lines = LineCollection(
        [[(s.geometry.x, s.geometry.y) for s in run] for run in runs],
        colors=LINE_COLOUR,
        linewidths=1.3,
        alpha=0.9,
        transform=tf,
        zorder=4.6,
    )
    lines.set_label(f"meridians/{where}")
    lines.meridians = tuple(run[0].meridian for run in runs)
    ctx.ax.add_collection(lines, autolim=False)
    roles = [point_role(s) for s in shapes]
    grey = ctx.greyscale
    markers = PathCollection(
        [_marker_path(panel, s, ROLE_STYLES[r][0]) for s, r in zip(shapes, roles, strict=True)],
        facecolors=[_fill(r, grey) for r in roles],
        edgecolors=MARKER_EDGE,
        linewidths=0.8,
        transform=tf,
        zorder=4.7,
    )
    markers.set_label(f"points/{where}")
    markers.shapes = shapes
    markers.roles = tuple(roles)
    ctx.ax.add_collection(markers, autolim=False)
    labels = PointLabels(shapes, tf)
    ctx.ax.add_artist(labels)
    return {"markers": markers, "lines": lines, "labels": labels}


def _fill(role: str | None, greyscale: bool) -> str:
    if greyscale:
        return {"exciting": "#333333", "calming": "#888888", "harmonising": "#BBBBBB"}.get(
            role or "", "#FFFFFF"
        )
    return ROLE_STYLES[role][1]


def point_handles(shapes: Iterable[PointShape], lang: str, greyscale: bool = False) -> list:
    """Legend entries, one per role that the drawn ``shapes`` show, in :data:`ROLE_ORDER`."""
    from matplotlib.lines import Line2D

    present = {point_role(s) for s in shapes}
    words = ROLE_WORDS.get(lang, ROLE_WORDS["en"])
    return [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=ROLE_STYLES[r][0],
            markersize=8,
            markerfacecolor=_fill(r, greyscale),
            markeredgecolor=MARKER_EDGE,
            label=words[r],
        )
        for r in (*ROLE_ORDER, None)
        if r in present
    ]


# ---------------------------------------------------------------------- labels
def _text_obstacles(fig, mine: set[int]) -> list:
    """Every other visible, non-empty text of the figure (zone labels, captions, legends)."""
    from matplotlib.text import Text

    found = []
    for artist in fig.findobj(match=Text):
        if id(artist) in mine or getattr(artist, "_footviz_transient", False):
            continue
        if not artist.get_visible() or not artist.get_text():
            continue
        ax = artist.axes
        if ax is not None and artist in (*ax.xaxis.get_children(), *ax.yaxis.get_children()):
            continue
        if ax is not None and not ax.get_visible():
            continue
        found.append(artist)
    return found


def _overlaps(box: np.ndarray, boxes: np.ndarray) -> bool:
    if not len(boxes):
        return False
    return bool(
        np.any(
            (box[0] < boxes[:, 2])
            & (boxes[:, 0] < box[2])
            & (box[1] < boxes[:, 3])
            & (boxes[:, 1] < box[3])
        )
    )


# (dx, dy, ha, va) directions to try, in order
_DIRECTIONS = (
    (1, 0, "left", "center"),
    (-1, 0, "right", "center"),
    (0, 1, "center", "bottom"),
    (0, -1, "center", "top"),
    (1, 1, "left", "bottom"),
    (-1, 1, "right", "bottom"),
    (1, -1, "left", "top"),
    (-1, -1, "right", "top"),
)


class PointLabels(Artist):
    """The code labels of one panel's points, placed each time the figure is drawn.

    Each code goes beside its marker, in the first of eight directions (then a step further
    out) where its box meets no other label, no marker and no other text of the figure,
    inside the figure.  Points that share a place get one label ("LR2/EX-LE10-1"):
    ``texts[g]`` labels the shapes ``groups[g]`` (indices into ``shapes``).  Labels that found
    no free place are invisible and listed in ``dropped``.
    """

    def __init__(self, shapes, transform) -> None:
        super().__init__()
        self.shapes = tuple(shapes)
        self.foot_transform = transform
        self.dropped: tuple[str, ...] = ()
        self.set_zorder(7.0)
        self.groups = _coincident(self.shapes)
        self.texts = [
            Text(
                0,
                0,
                "/".join(self.shapes[i].code for i in group),
                fontsize=LABEL_SIZE,
                fontweight="bold",
                color=LABEL_COLOUR,
                bbox=dict(LABEL_BOX),
                clip_on=False,
            )
            for group in self.groups
        ]
        # a thin line from the marker to a label that had to move a step out
        self.leaders = [
            Line2D([], [], color=LABEL_COLOUR, linewidth=0.6, visible=False) for _ in self.groups
        ]

    def get_children(self):
        return [*super().get_children(), *self.texts, *self.leaders]

    def place(self, renderer) -> None:
        """Lay the labels out for ``renderer`` (done by :meth:`draw`)."""
        fig, ax = self.figure, self.axes
        tf = self.foot_transform
        centres = tf.transform([(s.geometry.x, s.geometry.y) for s in self.shapes])
        scale = np.abs(tf.transform([(0.0, 0.0), (1.0, 0.0)])[1] - tf.transform((0, 0)))
        px_mm = float(np.hypot(*scale))
        radii = np.array([s.radius * _reach(s) for s in self.shapes]) * px_mm
        # every panel's markers of the figure are obstacles
        marks = []
        for other in _all_labels(fig):
            oc = other.foot_transform.transform(
                [(s.geometry.x, s.geometry.y) for s in other.shapes]
            )
            osc = np.abs(
                other.foot_transform.transform([(1.0, 0.0)])
                - other.foot_transform.transform([(0.0, 0.0)])
            )
            orr = np.array([s.radius * _reach(s) for s in other.shapes]) * float(np.hypot(*osc[0]))
            marks += [(x - r, y - r, x + r, y + r) for (x, y), r in zip(oc, orr, strict=True)]
        mine = {id(t) for la in _all_labels(fig) for t in la.texts}
        taken = [tuple(t.get_window_extent(renderer).extents) for t in _text_obstacles(fig, mine)]
        taken += [tuple(t.get_window_extent(renderer).extents) for t in _placed(fig, self)]
        fb = fig.bbox.extents
        gap = LABEL_GAP * fig.dpi / 72.0
        pad = LABEL_BOX_PAD * LABEL_SIZE * fig.dpi / 72.0
        to_data = ax.transData.inverted()
        dropped = []
        heads = [group[0] for group in self.groups]
        order = sorted(
            range(len(self.groups)),
            key=lambda g: (-centres[heads[g]][1], centres[heads[g]][0], self.texts[g].get_text()),
        )
        for g in order:
            i = heads[g]
            t = self.texts[g]
            rad = max(radii[j] for j in self.groups[g])
            self.leaders[g].set_visible(False)
            t.set_figure(fig)
            t.set_transform(ax.transData)
            t.set_position(to_data.transform(centres[i]))
            t.set_ha("center")
            t.set_va("center")
            t.set_visible(True)  # an invisible text measures empty
            w, h = _size(t, renderer)
            t.set_visible(False)
            spot = None
            for step in (0.0, 1.0, 2.0):
                for dx, dy, ha, va in _DIRECTIONS:
                    reach = rad + gap + pad + step * h
                    ox = centres[i][0] + dx * reach
                    oy = centres[i][1] + dy * reach
                    x0 = ox - pad if ha == "left" else ox - w + pad if ha == "right" else ox - w / 2
                    y0 = oy - pad if va == "bottom" else oy - h + pad if va == "top" else oy - h / 2
                    box = np.array([x0, y0, x0 + w, y0 + h])
                    grown = box + np.array([-CLEARANCE, -CLEARANCE, CLEARANCE, CLEARANCE])
                    if box[0] < fb[0] or box[1] < fb[1] or box[2] > fb[2] or box[3] > fb[3]:
                        continue
                    if _overlaps(grown, np.array(taken).reshape(-1, 4)):
                        continue
                    if _overlaps(grown, np.array(marks).reshape(-1, 4)):
                        continue
                    spot = (ox, oy, ha, va, box, step, dx, dy)
                    break
                if spot is not None:
                    break
            if spot is None:
                dropped.append(t.get_text())
                continue
            ox, oy, ha, va, box, step, dx, dy = spot
            leader = self.leaders[g]
            if step > 0:
                unit = np.array([dx, dy]) / np.hypot(dx, dy)
                start = centres[i] + unit * rad
                end = np.array([ox, oy]) - np.array([dx, dy]) * pad
                leader.set_data(*to_data.transform([start, end]).T)
                leader.set_figure(fig)
                leader.set_transform(ax.transData)
                leader.set_visible(True)
            t.set_position(to_data.transform((ox, oy)))
            t.set_ha(ha)
            t.set_va(va)
            t.set_visible(True)
            taken.append(tuple(box))
        self.dropped = tuple(dropped)

    @allow_rasterization
    def draw(self, renderer) -> None:
        if not self.get_visible():
            return
        self.place(renderer)
        for line in self.leaders:
            if line.get_visible():
                line.draw(renderer)
        for t in self.texts:
            if t.get_visible():
                t.draw(renderer)
        self.stale = False


def _reach(shape: PointShape) -> float:
    """How far the point's marker reaches from its centre, in radii."""
    return MARKER_REACH[ROLE_STYLES[point_role(shape)][0]]


def _coincident(shapes) -> list[list[int]]:
    """Indices of the points that share a place (within 0.5 mm), in atlas order: a Bafeng
    web point and the meridian's point on that web get one label, "LR2/EX-LE10-1"."""
    groups: list[list[int]] = []
    for i, s in enumerate(shapes):
        for group in groups:
            first = shapes[group[0]].geometry
            if np.hypot(first.x - s.geometry.x, first.y - s.geometry.y) <= 0.5:
                group.append(i)
                break
        else:
            groups.append([i])
    return groups


def _size(text, renderer) -> tuple[float, float]:
    """Pixels: the label's box (text plus its padding)."""
    ext = text.get_window_extent(renderer)
    pad = LABEL_BOX_PAD * LABEL_SIZE * text.figure.dpi / 72.0
    return ext.width + 2 * pad, ext.height + 2 * pad


def _all_labels(fig) -> list:
    return [a for ax in fig.axes for a in ax.artists if isinstance(a, PointLabels)]


def _placed(fig, me) -> list:
    """Labels of point layers drawn before ``me`` in this figure draw."""
    out = []
    for la in _all_labels(fig):
        if la is me:
            break
        out += [t for t in la.texts if t.get_visible()]
    return out
