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

from .._internal.ownfigure import OwnFigure
from ..atlas import Atlas, load_atlas
from ..atlas.layout import Panel
from ..atlas.model import ZoneShape, check_choice
from ..atlas.vocabulary import ASPECTS, FEET, LANGUAGES
from .colouring import colour_zones
from .figures import FigureResult, ensure_canvas, new_figure
from .labelling import LabelItem
from .layers import DrawContext, draw_layers
from .legend import system_handles
from .orientation import Orientation
from .paths import draw_order, visible_geometry
from .planned import draw_plan, zone_fills
from .style import SKIN_COLOUR
from .theme import Theme, resolve_theme

__all__ = ["SHEET_WORDS", "AspectSheet", "draw_aspect_sheet", "panel_matrix", "sheet_panel"]

FONT_SIZE = 7.0
MM_PER_INCH = 38.5  # the sheet is drawn at this scale
COLUMN = 55.0  # mm for a callout column beside an upright foot
SHEET_WRAP = 20  # characters per line of a callout beside an upright foot
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


def sheet_panel(foot: str, aspect: str, atlas: Atlas | None = None) -> Panel:
    """Where a foot's aspect frame sits in its sheet panel (mm), as a :class:`Panel`.

    Upright panels (sole, top) keep toes up and put the medial side where it is for that foot
    (the right foot is mirrored).  Profiles lie on their side: ``y`` along the foot becomes the
    horizontal axis and the height above the floor the vertical one; the toes point right when
    the left foot is seen from its inner side or the right foot from its outer side.
    """
    foot = check_choice("foot", foot, FEET)
    aspect = check_choice("aspect", aspect, ASPECTS)
    extent = atlas.outline(foot, aspect).bounds if atlas is not None else (0.0, 0.0, 0.0, 0.0)
    if aspect in ("plantar", "dorsal"):
        return Panel(foot, aspect, mirrored=foot == "right", dx=0.0, extent=extent)
    toes_right = (foot == "left") == (aspect == "medial")
    return Panel(
        foot, aspect, mirrored=not toes_right, dx=0.0 if toes_right else 250.0,
        extent=extent, turned=True,
    )  # fmt: skip


def panel_matrix(foot: str, aspect: str) -> tuple[float, float, float, float, float, float]:
    """Affine ``(a, b, d, e, xoff, yoff)`` from a foot's aspect frame to its sheet panel (mm)
    (see :func:`sheet_panel`)."""
    return sheet_panel(foot, aspect).matrix()


@dataclass(repr=False, eq=False)
class AspectSheet(OwnFigure, FigureResult):
    """What :func:`draw_aspect_sheet` drew, by aspect (``close()`` or ``with`` frees it)."""

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
    layers: dict[str, dict[str, dict]] = field(default_factory=dict)  # aspect -> layer -> artists
    theme: Theme | None = None
    atlas: Atlas | None = field(default=None, repr=False)
    lang: str = "en"
    _own: bool = field(default=True, repr=False)  # False when drawn on the caller's fig=

    def __repr__(self) -> str:
        return f"<AspectSheet foot={self.foot!r}>"

    def to_svg(self, path: Any = None, **kwargs: Any) -> str:
        """The sheet as structured SVG, as a map's (:mod:`footviz.render.svg`): one ``<path>``
        per zone with ids (``fv-kidney-left-medial``) and ``data-*``, one group per side
        (``fv-zones-left-medial``), labels in ``fv-label-<zone>-<foot>-<side>`` groups, real
        ``<text>``.  Also written (atomically) to ``path`` when given; ``kwargs`` go to
        ``Figure.savefig``.  Same sheet, same bytes."""
        from functools import partial

        from .._internal.atomic import check_target, write_bytes
        from .svg import label_id, structured_svg, zone_attributes

        fig = self._live_figure()
        atlas = self.atlas or load_atlas()
        info = partial(zone_attributes, atlas, self.lang, self.foot)
        groups = [
            (f"fv-zones-{self.foot}-{a}", self.foot, coll, self.shapes[a], info)
            for a, coll in self.collections.items()
        ]
        labels = {label_id(z, self.foot, a): t for (a, z), t in self.labels.items()}
        root = {"lang": self.lang, "data-foot": self.foot, "data-aspects": " ".join(self.axes)}
        data = structured_svg(fig, groups, labels, atlas.title(self.lang), root, **kwargs)
        if path is not None:
            check_target(path)
            write_bytes(path, data)
        return data.decode("utf-8")

    def _structured_svg(self, **kwargs: Any) -> bytes | None:
        return self.to_svg(**kwargs).encode("utf-8")


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
    theme: str | Theme = "auto",
    points: Any = None,
    technique: Any = None,
    step: int | None = None,
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
    theme : {"auto", "light", "dark"}
        Colours of outlines, captions, hints, leaders and legend text: ``"auto"`` follows the
        figure's face colour (the active matplotlib style); on a figure made here,
        ``"light"``/``"dark"`` also set its colour.
    points : True, name or sequence of names, optional
        Acupoints to draw on every side where they show, as on
        :meth:`footviz.render.FootMap.draw`.
    technique, step : optional
        A massage technique's strokes (one step's with ``step=``) on every side where they
        run, as on :meth:`footviz.render.FootMap.draw`.
    **kwargs
        Passed to every panel's zone :class:`matplotlib.collections.PathCollection`.

    Returns
    -------
    AspectSheet
    """

    atlas = atlas or load_atlas()
    lang = check_choice("language", lang, LANGUAGES, "lang")
    foot = check_choice("foot", foot, FEET)
    missing = [a for a in ASPECTS if a not in atlas.aspects]
    if missing:
        raise ValueError(
            f"this atlas has no {', '.join(missing)} outline(s); the sheet needs all of "
            f"{', '.join(ASPECTS)}"
        )
    from .points import point_handles, resolve_points

    chosen = resolve_points(atlas, points)
    from .options import check_technique_option

    strokes = check_technique_option(atlas, technique, step)
    words = SHEET_WORDS[lang]
    own = fig is None
    if own:
        fig = new_figure((_SHEET_W / MM_PER_INCH, _SHEET_H / MM_PER_INCH))  # not pyplot's
    else:
        ensure_canvas(fig)
    sheet = AspectSheet(fig, foot, atlas=atlas, lang=lang, _own=own)
    asked, theme = theme, resolve_theme(theme, fig.get_facecolor())
    sheet.theme = theme
    if own and asked != "auto":
        fig.set_facecolor(theme.background)
    fig.suptitle(
        title if title is not None else words["title"].format(foot=words[foot]),
        fontsize=15,
        y=0.992,
        color=theme.text,
    )
    for aspect in ASPECTS:
        ax = _panel_axes(fig, aspect)
        sheet.axes[aspect] = ax
        panel = sheet_panel(foot, aspect, atlas)
        shapes = draw_order(atlas.shapes(foot, aspect))
        by_foot = {foot: shapes}
        ctx = DrawContext(
            ax=ax,
            atlas=atlas,
            aspect=aspect,
            panels=(panel,),
            shapes=by_foot,
            visible={foot: visible_geometry(shapes)},
            colouring=colour_zones(by_foot),
            theme=theme,
            zone_kwargs=kwargs,
            landmarks=True,
            aspect_in_labels=True,
            points=chosen,
            strokes=strokes,
        )
        drawn = sheet.layers[aspect] = draw_layers(ctx)
        sheet.collections[aspect] = drawn["zones"][foot]
        sheet.outlines[aspect] = drawn["outline"][foot]
        sheet.shapes[aspect] = shapes
        sheet.landmarks[aspect] = [a for (_, _), a in sorted(drawn["landmarks"].items())]
        placed = affinity.affine_transform(atlas.outline(foot, aspect), panel.matrix())
        sheet.placed[aspect] = placed
        sheet.hints[aspect] = _draw_hints(ax, aspect, placed, words, theme)
        cap = f"{words[aspect]}  ({words[aspect + '_from']})"
        sheet.captions[aspect] = ax.text(
            0.5, 0.995, cap, transform=ax.transAxes, ha="center", va="top", fontsize=11,
            fontweight="bold", color=theme.text,
        )  # fmt: skip
    sheet.key_ax = _draw_key(fig, atlas, foot, words, theme)
    if labels:
        for aspect in ASPECTS:
            _label_panel(sheet, atlas, aspect, lang)
    if legend:
        handles = system_handles(atlas, (s for a in ASPECTS for s in sheet.shapes[a]), lang)
        if chosen is not None:
            shown = [s for a in ASPECTS for s in chosen.shapes(atlas, foot, a)]
            handles += point_handles(shown, lang)
        sheet.legend = fig.legend(
            handles=handles,
            loc="lower center",
            bbox_to_anchor=(0.5, 0.012),
            ncol=min(5, len(handles)),
            frameon=False,
            fontsize=9,
            title=words["systems"],
            title_fontsize=9,
            labelcolor=theme.text,
        )
        sheet.legend.get_title().set_color(theme.text)
    fig.text(0.99, 0.004, words["caution"], ha="right", va="bottom", fontsize=7, color=theme.hint)
    return sheet


def _panel_axes(fig, aspect: str):
    """The axes of one panel, its limits set once (panel mm, equal aspect, no frame)."""
    x0, y0 = _BOXES[aspect]
    lx0, ly0, lx1, ly1 = _limits(aspect)
    ax = fig.add_axes(
        (x0 / _SHEET_W, y0 / _SHEET_H, (lx1 - lx0) / _SHEET_W, (ly1 - ly0) / _SHEET_H)
    )
    ax.set_xlim(lx0, lx1)
    ax.set_ylim(ly0, ly1)
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    return ax


def _draw_hints(ax, aspect: str, placed: BaseGeometry, words, theme: Theme) -> list[Any]:
    """ "toes" and "heel" at the two ends of the foot, and "floor" under a profile."""
    x0, y0, x1, y1 = placed.bounds
    style = {"fontsize": 8, "color": theme.hint, "fontstyle": "italic"}
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
    # over the toe tip, ending at it: beyond it the next panel begins
    return [
        ax.text(toe_x, 34.0, toe_text, ha="right" if toes_right else "left", va="center",
                **style),
        ax.text(heel_x + (-2 if toes_right else 2), 26.0, words["heel"],
                ha="right" if toes_right else "left", va="center", **style),
        ax.text(heel_x + (-2 if toes_right else 2), 7.0, words["floor"],
                ha="right" if toes_right else "left", va="center", **style),
    ]  # fmt: skip


def _band_x(x0: float, x1: float):
    from shapely.geometry import box

    return box(x0, -1000.0, x1, 1000.0)


def _draw_key(fig, atlas: Atlas, foot: str, words, theme: Theme) -> Any:
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
    ax.add_artist(MplPolygon(pts, closed=True, facecolor=SKIN_COLOUR, edgecolor=theme.outline))
    ax.plot([-48, 48], [-1.5, -1.5], color="#8A7F72", lw=2.2)
    arrow = {"arrowstyle": "-|>", "color": theme.outline, "lw": 1.4}
    views = {
        "plantar": ((0, -34), (0, -4), "center", "top"),
        "dorsal": ((4 * s, 84), (4 * s, 55), "center", "bottom"),
        "medial": ((58 * s, 18), (35 * s, 18), "center", "top"),
        "lateral": ((-60 * s, 14), (-42 * s, 12), "center", "top"),
    }
    renderer = fig.canvas.get_renderer()
    edge = fig.bbox.x1 - 0.004 * fig.bbox.width
    for aspect, (tail, head, ha, va) in views.items():
        ax.annotate("", xy=head, xytext=tail, arrowprops=arrow)
        ty = tail[1] + (-3 if va == "top" else 3)
        text = textwrap.fill(words[aspect], 10, break_long_words=False)
        t = ax.text(
            tail[0], ty, text, ha=ha, va=va, fontsize=8.5, fontweight="bold", color=theme.text
        )
        over = t.get_window_extent(renderer).x1 - edge  # a long word must not leave the page
        if over > 0:
            dx = (
                ax.transData.inverted().transform((over, 0))
                - ax.transData.inverted().transform((0, 0))
            )[0]
            t.set_x(tail[0] - dx)
    ax.text(0, -56, words["key"], ha="center", va="top", fontsize=8, color=theme.outline)
    return ax


def _label_panel(sheet: AspectSheet, atlas: Atlas, aspect: str, lang: str) -> None:
    """Name every zone of a panel: inside when the name fits, else a callout in a column
    beside an upright foot or in rows above and below a profile (the planner FootMap uses)."""
    ax, fig, foot = sheet.axes[aspect], sheet.figure, sheet.foot
    renderer = fig.canvas.get_renderer()
    ax.apply_aspect()
    ppm = float(ax.transData.transform((1.0, 0.0))[0] - ax.transData.transform((0.0, 0.0))[0])
    panel = sheet_panel(foot, aspect, atlas)
    shapes = sheet.shapes[aspect]
    visible = visible_geometry(shapes)
    items = [LabelItem(foot, s.zone.id, s.zone.label(lang), visible[s.zone.id]) for s in shapes]
    plan = Orientation.of_panel(panel).plan_panel(
        items, fig=fig, renderer=renderer, ppm=ppm, extent=panel.extent, fontsize=FONT_SIZE,
        wrap=SHEET_WRAP,
    )  # fmt: skip
    fills = zone_fills(foot, sheet.collections[aspect], shapes)
    theme = sheet.theme
    from .textlayer import TextLayer

    layer = TextLayer(zorder=6)  # the panel's labels drawn in one pass on raster output
    ax.add_artist(layer)
    drawn = draw_plan(
        ax, plan, {foot: panel}, fills, add_text=layer.add, text_colour=theme.text,
        leader_colour=theme.leader,
    )  # fmt: skip
    for (_, zone), t in drawn.labels.items():
        sheet.labels[(aspect, zone)] = t
    for (_, zone), segs in drawn.leader_segments.items():
        sheet.leaders[(aspect, zone)] = segs
