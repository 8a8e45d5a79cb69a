"""A four-aspect sheet of one foot: sole, inner side, outer side and top (imports matplotlib).

Every panel shares one scale (millimetres of the reference foot), so the same foot length reads
the same in every view.  The sole and the top stand toes-up; the two profiles lie on their side
with the floor at the bottom, toes pointing the way they point when you look at that side of
the foot.  A small cross-section key shows from where each view looks at the foot, and each
panel marks its toe and heel ends.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from shapely import affinity
from shapely.geometry.base import BaseGeometry

from .atlas import Atlas, load_atlas
from .labels import anchor_point, fits_inside, spread, text_box
from .model import ASPECTS, FEET, LANGUAGES, ZoneShape, check_choice
from .render.legend import system_handles
from .render.paths import draw_order, geometry_path, visible_geometry
from .style import (
    EDGE_COLOUR,
    FALLBACK_COLOUR,
    OUTLINE_COLOUR,
    SKIN_COLOUR,
    SYSTEM_COLOURS,
    lighten,
)

__all__ = ["SHEET_WORDS", "AspectSheet", "draw_aspect_sheet", "panel_matrix"]

FONT_SIZE = 7.0
MM_PER_INCH = 38.5  # the sheet is drawn at this scale
COLUMN = 55.0  # mm for a callout column beside an upright foot
COLUMN_GAP = 8.0

SHEET_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "left": "Left foot",
        "right": "Right foot",
        "plantar": "Sole",
        "medial": "Inner side",
        "lateral": "Outer side",
        "dorsal": "Top",
        "plantar_from": "seen from below",
        "medial_from": "big-toe side, seen from the other foot",
        "lateral_from": "little-toe side, seen from outside",
        "dorsal_from": "seen from above",
        "toes": "toes",
        "heel": "heel",
        "floor": "floor",
        "key": "Where each view looks from\n(cross-section, seen from the heel)",
        "systems": "Body systems",
        "title": "{foot}: reflex zones on four sides",
        "caution": "Traditional reflexology chart; borders are approximate and "
        "not a medical diagnosis.",
    },
    "ru": {
        "left": "Левая стопа",
        "right": "Правая стопа",
        "plantar": "Подошва",
        "medial": "Внутренняя сторона",
        "lateral": "Наружная сторона",
        "dorsal": "Тыльная сторона",
        "plantar_from": "вид снизу",
        "medial_from": "сторона большого пальца, вид от другой стопы",
        "lateral_from": "сторона мизинца, вид снаружи",
        "dorsal_from": "вид сверху",
        "toes": "пальцы",
        "heel": "пятка",
        "floor": "пол",
        "key": "Откуда смотрит каждый вид\n(поперечный срез, вид от пятки)",
        "systems": "Системы организма",
        "title": "{foot}: рефлекторные зоны с четырёх сторон",
        "caution": "Традиционная схема рефлексологии; границы зон приблизительны, "
        "это не медицинский диагноз.",
    },
}


def panel_matrix(foot: str, aspect: str) -> tuple[float, float, float, float, float, float]:
    """Affine ``(a, b, d, e, xoff, yoff)`` from a foot's aspect frame to its sheet panel (mm).

    Upright panels (sole, top) keep toes up and put the medial side where it is for that foot
    (the right foot is mirrored).  Profiles lie on their side: ``y`` along the foot becomes the
    horizontal axis and the height above the floor the vertical one; the toes point right when
    the left foot is seen from its inner side or the right foot from its outer side.
    """
    foot = check_choice("foot", foot, FEET)
    aspect = check_choice("aspect", aspect, ASPECTS)
    if aspect in ("plantar", "dorsal"):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0) if foot == "left" else (-1.0, 0, 0, 1.0, 0, 0)
    toes_right = (foot == "left") == (aspect == "medial")
    if toes_right:
        return (0.0, 1.0, 1.0, 0.0, 0.0, 0.0)  # X = y, Y = height
    return (0.0, -1.0, 1.0, 0.0, 250.0, 0.0)  # X = 250 - y, Y = height


def _affine2d(m):
    from matplotlib.transforms import Affine2D

    a, b, d, e, xoff, yoff = m
    return Affine2D.from_values(a, d, b, e, xoff, yoff)


@dataclass
class AspectSheet:
    """What :func:`draw_aspect_sheet` drew, by aspect."""

    figure: Any
    foot: str
    axes: dict[str, Any] = field(default_factory=dict)
    collections: dict[str, Any] = field(default_factory=dict)
    outlines: dict[str, Any] = field(default_factory=dict)
    captions: dict[str, Any] = field(default_factory=dict)
    labels: dict[tuple[str, str], Any] = field(default_factory=dict)
    leaders: dict[tuple[str, str], Any] = field(default_factory=dict)
    hints: dict[str, list[Any]] = field(default_factory=dict)
    landmarks: dict[str, list[Any]] = field(default_factory=dict)
    key_ax: Any = None
    legend: Any = None
    shapes: dict[str, list[ZoneShape]] = field(default_factory=dict)
    placed: dict[str, BaseGeometry] = field(default_factory=dict)  # outlines in panel mm

    def savefig(self, path: str, **kwargs: Any) -> None:
        """Save the figure (``kwargs`` go to ``Figure.savefig``)."""
        self.figure.savefig(path, **kwargs)


# data limits of each kind of panel (xmin, ymin, xmax, ymax), in panel mm
_UPRIGHT = (-COLUMN - COLUMN_GAP - 58.0, -22.0, COLUMN + COLUMN_GAP + 58.0, 272.0)
_PROFILE = (-22.0, -44.0, 268.0, 180.0)
_UP_W, _UP_H = _UPRIGHT[2] - _UPRIGHT[0], _UPRIGHT[3] - _UPRIGHT[1]
_PR_W, _PR_H = _PROFILE[2] - _PROFILE[0], _PROFILE[3] - _PROFILE[1]
_BOTTOM = 30.0  # room for the legend
_SHEET_W = 2 * _PR_W
_SHEET_H = _BOTTOM + _PR_H + _UP_H + 22.0
_BOXES = {  # lower-left corner of each panel on the sheet (mm)
    "plantar": (0.0, _BOTTOM + _PR_H),
    "dorsal": (_UP_W, _BOTTOM + _PR_H),
    "medial": (0.0, _BOTTOM),
    "lateral": (_PR_W, _BOTTOM),
}


def _limits(aspect: str) -> tuple[float, float, float, float]:
    return _UPRIGHT if aspect in ("plantar", "dorsal") else _PROFILE


def draw_aspect_sheet(
    atlas: Atlas | None = None,
    foot: str = "left",
    *,
    lang: str = "en",
    labels: bool = True,
    legend: bool = True,
    title: str | None = None,
    fig: Any = None,
    **kwargs: Any,
) -> AspectSheet:
    """Draw one foot from four sides, every zone coloured by body system and named.

    Parameters
    ----------
    atlas : Atlas, optional
        Defaults to the built-in reflexology atlas; it must have all four aspects.
    foot : {"left", "right"}
    lang : {"en", "ru"}
        Language of labels, captions and legend.
    labels : bool
        Name every zone (inside it when the name fits, else a callout with a leader line).
    legend : bool
        Add a legend of body systems.
    title : str, optional
        Figure title; defaults to "<foot>: reflex zones on four sides".
    fig : matplotlib Figure, optional
        An empty figure to draw on (15 x 14.6 inches suits the layout); made when omitted.
    **kwargs
        Passed to every panel's zone :class:`matplotlib.collections.PathCollection`.

    Returns
    -------
    AspectSheet
    """
    import matplotlib.pyplot as plt
    from matplotlib.collections import PathCollection
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    atlas = atlas or load_atlas()
    lang = check_choice("language", lang, LANGUAGES)
    foot = check_choice("foot", foot, FEET)
    missing = [a for a in ASPECTS if a not in atlas.aspects]
    if missing:
        raise ValueError(
            f"this atlas has no {', '.join(missing)} outline(s); the sheet needs all of "
            f"{', '.join(ASPECTS)}"
        )
    words = SHEET_WORDS[lang]
    if fig is None:
        fig = plt.figure(figsize=(_SHEET_W / MM_PER_INCH, _SHEET_H / MM_PER_INCH))
    sheet = AspectSheet(fig, foot)
    fig.suptitle(
        title if title is not None else words["title"].format(foot=words[foot]),
        fontsize=15,
        y=0.992,
    )
    for aspect in ASPECTS:
        x0, y0 = _BOXES[aspect]
        lx0, ly0, lx1, ly1 = _limits(aspect)
        ax = fig.add_axes(
            (x0 / _SHEET_W, y0 / _SHEET_H, (lx1 - lx0) / _SHEET_W, (ly1 - ly0) / _SHEET_H)
        )
        ax.set_xlim(lx0, lx1)
        ax.set_ylim(ly0, ly1)
        ax.set_aspect("equal", adjustable="box")
        ax.set_axis_off()
        sheet.axes[aspect] = ax
        m = panel_matrix(foot, aspect)
        tf = _affine2d(m) + ax.transData
        outline = atlas.outline(foot, aspect)
        ring = Path(list(outline.exterior.coords), closed=True)
        ax.add_patch(PathPatch(ring, facecolor=SKIN_COLOUR, edgecolor="none", transform=tf))
        shapes = draw_order(atlas.shapes(foot, aspect))
        colours = [
            lighten(SYSTEM_COLOURS.get(s.zone.system, FALLBACK_COLOUR), 0.35) for s in shapes
        ]
        style: dict[str, Any] = {"edgecolors": EDGE_COLOUR, "linewidths": 0.6, "zorder": 2}
        style.update(kwargs)
        paths = [geometry_path(s.geometry) for s in shapes]
        coll = PathCollection(paths, facecolors=colours, transform=tf, **style)
        coll.set_label(f"zones/{foot}/{aspect}")
        ax.add_collection(coll)
        edge = PathPatch(
            ring, facecolor="none", edgecolor=OUTLINE_COLOUR, linewidth=1.6, transform=tf, zorder=3
        )
        ax.add_patch(edge)
        sheet.collections[aspect] = coll
        sheet.outlines[aspect] = edge
        sheet.shapes[aspect] = shapes
        sheet.landmarks[aspect] = _draw_landmarks(ax, atlas, aspect, tf)
        placed = affinity.affine_transform(outline, m)
        sheet.placed[aspect] = placed
        sheet.hints[aspect] = _draw_hints(ax, aspect, placed, words)
        cap = f"{words[aspect]}  ({words[aspect + '_from']})"
        sheet.captions[aspect] = ax.text(
            0.5, 0.995, cap, transform=ax.transAxes, ha="center", va="top", fontsize=11,
            fontweight="bold",
        )  # fmt: skip
    sheet.key_ax = _draw_key(fig, atlas, foot, words)
    if labels:
        for aspect in ASPECTS:
            _label_panel(sheet, aspect, panel_matrix(foot, aspect), lang)
    if legend:
        handles = system_handles(atlas, (s for a in ASPECTS for s in sheet.shapes[a]), lang)
        sheet.legend = fig.legend(
            handles=handles,
            loc="lower center",
            bbox_to_anchor=(0.5, 0.012),
            ncol=min(5, len(handles)),
            frameon=False,
            fontsize=9,
            title=words["systems"],
            title_fontsize=9,
        )
    fig.text(0.99, 0.004, words["caution"], ha="right", va="bottom", fontsize=7, color="#555555")
    return sheet


def _draw_landmarks(ax, atlas: Atlas, aspect: str, tf) -> list[Any]:
    """Ankle bones, the Achilles tendon line and the floor, as thin dashed lines."""
    from matplotlib.patches import Circle, Ellipse

    marks = atlas.info.get("landmarks", {}).get(aspect, {})
    out: list[Any] = []
    dashed = {"fill": False, "edgecolor": "#444444", "linestyle": (0, (3, 2)), "linewidth": 0.9}
    if "ankle_bone" in marks:
        h, y, r = marks["ankle_bone"]
        out.append(ax.add_patch(Circle((h, y), r, transform=tf, zorder=4, **dashed)))
    if "achilles" in marks:
        xs, ys = zip(*marks["achilles"], strict=True)
        (line,) = ax.plot(xs, ys, transform=tf, color="#444444", lw=1.0, ls=":", zorder=4)
        out.append(line)
    if "floor" in marks:
        (line,) = ax.plot(
            [marks["floor"]] * 2, [-6.0, 256.0], transform=tf, color="#8A7F72", lw=2.2, zorder=0
        )
        out.append(line)
    if "ankle" in marks:
        x, y, a, b = marks["ankle"]
        out.append(ax.add_patch(Ellipse((x, y), 2 * a, 2 * b, transform=tf, zorder=4, **dashed)))
    for x, y in marks.get("ankle_bones", {}).values():
        out.append(ax.add_patch(Circle((x, y), 5.0, transform=tf, zorder=4, **dashed)))
    return out


def _draw_hints(ax, aspect: str, placed: BaseGeometry, words) -> list[Any]:
    """ "toes" and "heel" at the two ends of the foot, and "floor" under a profile."""
    x0, y0, x1, y1 = placed.bounds
    style = {"fontsize": 8, "color": "#555555", "fontstyle": "italic"}
    if aspect in ("plantar", "dorsal"):
        cx = (x0 + x1) / 2
        return [
            ax.text(cx, y1 + 3.0, f"↑ {words['toes']}", ha="center", va="bottom", **style),
            ax.text(cx, y0 - 3.0, words["heel"], ha="center", va="top", **style),
        ]
    # profiles: which end holds the toes? the tall leg stands over the heel
    toes_right = (
        placed.intersection(_band_x(x1 - 30.0, x1)).area
        < placed.intersection(_band_x(x0, x0 + 30.0)).area
    )
    toe_x, heel_x = (x1, x0) if toes_right else (x0, x1)
    arrow = "→" if toes_right else "←"
    toe_text = f"{words['toes']} {arrow}" if toes_right else f"{arrow} {words['toes']}"
    return [
        ax.text(toe_x + (2 if toes_right else -2), 26.0, toe_text,
                ha="left" if toes_right else "right", va="center", **style),
        ax.text(heel_x + (-2 if toes_right else 2), 26.0, words["heel"],
                ha="right" if toes_right else "left", va="center", **style),
        ax.text(heel_x + (-2 if toes_right else 2), 7.0, words["floor"],
                ha="right" if toes_right else "left", va="center", **style),
    ]  # fmt: skip


def _band_x(x0: float, x1: float):
    from shapely.geometry import box

    return box(x0, -1000.0, x1, 1000.0)


def _draw_key(fig, atlas: Atlas, foot: str, words) -> Any:
    """A cross-section of the foot with an arrow from each side a view looks from."""
    from matplotlib.patches import Polygon as MplPolygon

    left = 2 * _UP_W + 2.0
    width = _SHEET_W - left - 2.0
    bottom = _BOTTOM + _PR_H + 60.0
    ax = fig.add_axes((left / _SHEET_W, bottom / _SHEET_H, width / _SHEET_W, 170.0 / _SHEET_H))
    ax.set_xlim(-80, 80)
    ax.set_ylim(-75, 95)
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    # section through the midfoot seen from the heel: flat outer border on the floor, the arch
    # raised on the inner side, the instep dome higher towards the inner side
    section = [(-38, 0), (-20, 0), (0, 2), (14, 8), (30, 14), (34, 22), (30, 40), (14, 52),
               (-6, 50), (-26, 38), (-38, 18), (-40, 6)]  # fmt: skip
    s = -1.0 if foot == "right" else 1.0  # medial side on the same side as in the sole panel
    pts = [(s * x, y) for x, y in section]
    ax.add_patch(MplPolygon(pts, closed=True, facecolor=SKIN_COLOUR, edgecolor=OUTLINE_COLOUR))
    ax.plot([-48, 48], [-1.5, -1.5], color="#8A7F72", lw=2.2)
    arrow = {"arrowstyle": "-|>", "color": "#333333", "lw": 1.4}
    views = {
        "plantar": ((0, -34), (0, -4), "center", "top"),
        "dorsal": ((4 * s, 84), (4 * s, 55), "center", "bottom"),
        "medial": ((58 * s, 18), (35 * s, 18), "center", "top"),
        "lateral": ((-60 * s, 14), (-42 * s, 12), "center", "top"),
    }
    for aspect, (tail, head, ha, va) in views.items():
        ax.annotate("", xy=head, xytext=tail, arrowprops=arrow)
        ty = tail[1] + (-3 if va == "top" else 3)
        text = textwrap.fill(words[aspect], 10)
        ax.text(tail[0], ty, text, ha=ha, va=va, fontsize=8.5, fontweight="bold")
    ax.text(0, -56, words["key"], ha="center", va="top", fontsize=8, color="#333333")
    return ax


def _label_panel(sheet: AspectSheet, aspect: str, m, lang: str) -> None:
    """Name every zone: inside when it fits, else a callout beside (or above/below) the foot."""
    from matplotlib.collections import LineCollection

    ax, fig = sheet.axes[aspect], sheet.figure
    renderer = fig.canvas.get_renderer()
    shapes = sheet.shapes[aspect]
    visible_of = visible_geometry(shapes)
    taken: list[BaseGeometry] = []
    callouts = []
    ox0, oy0, ox1, oy1 = sheet.placed[aspect].bounds
    upright = aspect in ("plantar", "dorsal")
    for s in sorted(shapes, key=lambda s: s.zone.id):
        region = affinity.affine_transform(visible_of[s.zone.id], m)
        name = s.zone.label(lang)
        px, py = anchor_point(region)
        placed = None
        candidates = [(name, 0), (textwrap.fill(name, 12), 0), (textwrap.fill(name, 8), 0)]
        candidates += [(name, 90), (textwrap.fill(name, 16), 90)]
        for text, angle in candidates:
            t = ax.text(px, py, text, ha="center", va="center", fontsize=FONT_SIZE, zorder=5,
                        rotation=angle)  # fmt: skip
            bb = text_box(t, renderer, ax)
            if fits_inside(bb, region, 0.8) and not any(bb.intersects(o) for o in taken):
                placed = t
                taken.append(bb)
                break
            t.remove()
        if placed is not None:
            sheet.labels[(aspect, s.zone.id)] = placed
            continue
        pieces = [anchor_point(p) for p in getattr(region, "geoms", [region])]
        if upright:
            side = "right" if region.centroid.x > (ox0 + ox1) / 2 else "left"
        else:
            side = "above" if py > 24.0 else "below"
        callouts.append((side, px, py, pieces, s, name))
    probe = ax.text(0, 0, "Hg", fontsize=FONT_SIZE)
    pb = text_box(probe, renderer, ax)
    probe.remove()
    line_h = pb.bounds[3] - pb.bounds[1]
    for side in ("left", "right", "above", "below"):
        items = sorted(
            (c for c in callouts if c[0] == side), key=lambda c: (c[1], c[2], c[4].zone.id)
        )
        if not items:
            continue
        if side in ("left", "right"):
            items.sort(key=lambda c: (c[2], c[4].zone.id))
            ys = spread([c[2] for c in items], line_h * 1.4, oy0 + 2.0, oy1 - 6.0)
            tx = ox0 - COLUMN_GAP if side == "left" else ox1 + COLUMN_GAP
            ha = "right" if side == "left" else "left"
            spots = [(tx, ty, ha) for ty in ys]
        else:
            spots = _row_spots(ax, renderer, items, side, oy0, oy1, line_h)
        for (tx, ty, ha), (_, _, _, pieces, s, name) in zip(spots, items, strict=True):
            va = "center"
            t = ax.text(tx, ty, name, ha=ha, va=va, fontsize=FONT_SIZE, zorder=5)
            start_x = tx + (1.0 if ha == "right" else -1.0 if ha == "left" else 0.0)
            start_y = ty
            if ha == "center":
                start_y = ty + (-line_h * 0.6 if side == "above" else line_h * 0.6)
            segs = [[(start_x, start_y), (px, py)] for px, py in pieces]
            lines = LineCollection(segs, colors="#222222", linewidths=0.5, zorder=4)
            ax.add_collection(lines)
            ax.plot([p[0] for p in pieces], [p[1] for p in pieces], "o", color="#222222",
                    markersize=1.6, zorder=4)  # fmt: skip
            sheet.labels[(aspect, s.zone.id)] = t
            sheet.leaders[(aspect, s.zone.id)] = lines


def _row_spots(ax, renderer, items, side, oy0, oy1, line_h):
    """Centres for a row of callouts above or below a lying profile, kept apart by width."""
    widths = []
    for *_, name in items:
        t = ax.text(0, 0, name, fontsize=FONT_SIZE)
        b = text_box(t, renderer, ax).bounds
        widths.append(b[2] - b[0])
        t.remove()
    items_x = [c[1] for c in items]
    order = sorted(range(len(items)), key=lambda i: (items_x[i], items[i][4].zone.id))
    lo, hi = _PROFILE[0] + 2.0, _PROFILE[2] - 2.0
    xs = [0.0] * len(items)
    rows = [0] * len(items)
    # two staggered rows: neighbours alternate, so each row only has to keep every other
    # label apart
    for row in (0, 1):
        members = order[row::2]
        prev_right = lo
        for i in members:
            x = max(items_x[i], prev_right + widths[i] / 2 + 6.0)
            xs[i], rows[i] = x, row
            prev_right = x + widths[i] / 2
        over = prev_right - hi
        if over > 0:  # shift the row back inside, never past the left end
            nxt_left = hi
            for i in reversed(members):
                x = min(xs[i], nxt_left - widths[i] / 2 - 6.0)
                xs[i] = max(x, lo + widths[i] / 2)
                nxt_left = xs[i] - widths[i] / 2
    base = oy1 + 8.0 if side == "above" else oy0 - 9.0
    step = line_h * 1.5 if side == "above" else -line_h * 1.5
    return [(xs[i], base + rows[i] * step, "center") for i in range(len(items))]
