"""Massage techniques drawn: one step's small diagram, and a technique's numbered step panels.

:func:`draw_step` draws one step of a :class:`~footviz.atlas.techniques.Technique` into a
given axes: the outline of the step's aspect for one foot (drawn by the layers of
:mod:`footviz.render.layers`, as on every map), the zones it works faintly tinted, its
strokes (:mod:`footviz.render.strokes`: arrows, press dots, loops) and its number as a
badge.  It reads at small sizes (a 3 x 4 cm axes, 8 pt text): handouts use it for their
step lists.  :func:`plot_technique` lays every step of a technique out as numbered panels
with its text and dose, the technique's introduction, its cautions and a disclaimer.

Imports matplotlib (on first use of footviz.plot_technique).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .._internal.checks import check_choice
from .._internal.ownfigure import OwnFigure
from ..atlas import Atlas, load_atlas
from ..atlas.layout import Panel
from ..atlas.techniques import Step, Stroke, Technique
from ..atlas.vocabulary import FEET, LANGUAGES
from ..errors import BadTypeError, BadValueError
from .figures import FigureResult
from .layers import DrawContext, PanelLayer, draw_layers, draw_outline, draw_skin
from .paths import geometry_path
from .strokes import draw_strokes, stroke_line
from .theme import Theme, resolve_theme

__all__ = [
    "StepArtists",
    "TechniqueFigure",
    "dose_line",
    "draw_step",
    "main_aspect",
    "plot_technique",
    "step_panel",
]

BADGE_COLOUR = "#1A1A1A"
ZONE_TINT = "#F0B86E"  # the zones a step works, faintly
ZONE_ALPHA = 0.3
MAX_TINTED = 6  # a step working more zones than this on the aspect tints none
EXERCISE_COLOUR = "#2E6DB4"
MARGIN = 0.06  # of the diagram's larger side, round the outline and strokes
WORDS = {
    "en": {"exercise": "exercise"},
    "ru": {"exercise": "упражнение"},
}


@dataclass
class StepArtists:
    """What :func:`draw_step` drew into one axes.

    Attributes
    ----------
    ax : matplotlib Axes
    step : Step
    foot, aspect : str
        The foot and the aspect drawn.
    panel : Panel
        Where the aspect's frame sits in the axes (data mm); ``transform`` maps frame mm
        to display.
    skin, outline : PathPatch
        The foot (drawn by the ``"skin"`` and ``"outline"`` layers).
    zones : PathCollection or None
        The zones the step works on this aspect, faintly tinted.
    strokes : list
        One artist per stroke on this aspect, in the step's order: a FancyArrowPatch for
        an arrow or a loop, a Line2D of dots for a press (see :mod:`footviz.render.strokes`).
    numbers : list of Text
        Press numbers, in pressing order.
    guides : list of Line2D
        Dotted lines joining unnumbered presses in their order.
    badge : Text or None
        The step number.
    exercise : FancyArrowPatch or None
        The curved arrow over the toes of an exercise step.
    labels : list of Text
        Words drawn in the diagram (``"exercise"``).
    other_aspects : tuple of str
        Aspects where the step has strokes too, not drawn here.
    """

    ax: Any
    step: Step
    foot: str
    aspect: str
    panel: Panel
    transform: Any
    skin: Any = None
    outline: Any = None
    zones: Any = None
    strokes: list[Any] = field(default_factory=list)
    numbers: list[Any] = field(default_factory=list)
    guides: list[Any] = field(default_factory=list)
    badge: Any = None
    exercise: Any = None
    labels: list[Any] = field(default_factory=list)
    other_aspects: tuple[str, ...] = ()


def main_aspect(step: Step) -> str:
    """The aspect a step's diagram shows: the one with most of its strokes (the first of
    ``step.aspects`` on a tie), else ``step.aspects[0]`` (``"plantar"`` if it names none)."""
    counts: dict[str, int] = {}
    for s in step.strokes:
        counts[s.aspect] = counts.get(s.aspect, 0) + 1
    if counts:
        order = list(step.aspects) + [a for a in counts if a not in step.aspects]
        return max((a for a in order if a in counts), key=lambda a: counts[a])
    return step.aspects[0] if step.aspects else "plantar"


def step_panel(foot: str, aspect: str, atlas: Atlas) -> Panel:
    """Where ``foot``'s ``aspect`` frame sits in a step diagram: as on the four-side sheet
    (soles and tops upright, toes up, the right foot mirrored; profiles on their side with
    the floor below)."""
    from .sheet import sheet_panel

    return sheet_panel(foot, aspect, atlas)


def _zones_layer(step: Step):
    def draw(ctx: DrawContext, panel: Panel):
        from matplotlib.collections import PathCollection

        wanted = set(step.zones)
        shapes = [s for s in ctx.atlas.shapes(panel.foot, panel.aspect) if s.zone.id in wanted]
        if not shapes or len(shapes) > MAX_TINTED:  # a whole-foot stroke: no patchwork
            return None
        coll = PathCollection(
            [geometry_path(s.geometry) for s in shapes],
            facecolors=ZONE_TINT,
            edgecolors="none",
            alpha=ZONE_ALPHA,
            transform=ctx.transform(panel),
            zorder=1.5,
        )
        coll.set_label(f"step zones/{panel.foot}/{panel.aspect}")
        ctx.ax.add_collection(coll, autolim=False)
        return coll

    return PanelLayer("step zones", draw)


def _limits(ax, panel: Panel, lines: list[np.ndarray]) -> None:
    x0, y0, x1, y1 = panel.chart_bounds
    for pts in lines:
        if len(pts):
            cx, cy = panel.to_chart(pts[:, 0], pts[:, 1])
            x0, x1 = min(x0, float(cx.min())), max(x1, float(cx.max()))
            y0, y1 = min(y0, float(cy.min())), max(y1, float(cy.max()))
    pad = MARGIN * max(x1 - x0, y1 - y0)
    ax.set_xlim(x0 - pad, x1 + pad)
    ax.set_ylim(y0 - pad, y1 + pad)


def _check_step(step: object) -> Step:
    if not isinstance(step, Step):
        raise BadTypeError(
            "step", step, "a technique Step (footviz.technique('self-massage').steps[0])"
        )
    return step


def draw_step(
    ax,
    step: Step,
    *,
    aspect: str | None = None,
    foot: str = "left",
    lang: str = "en",
    atlas: Atlas | None = None,
    number: bool = True,
    theme: str | Theme | None = None,
    fontsize: float = 8.0,
    **kwargs: Any,
) -> StepArtists:
    """Draw one step of a technique as a small diagram into ``ax``.

    Draws the outline of ``aspect`` for ``foot`` (default: the step's main aspect,
    :func:`main_aspect`; :func:`plot_technique` draws a step on several sides once per side),
    the zones the step works faintly tinted, its strokes on that aspect (arrows along the path for
    strokes, stretches and caterpillar walks; dots for presses, numbered in order; loops
    with an arrowhead showing the turn for circles, kneading and rotation) and the step
    number as a badge.  An exercise step (no strokes) gets a curved arrow over the toes and
    the word "exercise".  Sets an equal aspect and turns the axis off; sizes are in points,
    so it reads in a 3 x 4 cm axes with 8 pt text.

    Parameters
    ----------
    ax : matplotlib Axes
    step : Step
        A step of :func:`footviz.technique` (``technique.steps[i]``).
    aspect : {"plantar", "medial", "lateral", "dorsal"}, optional
        The side drawn, with the step's strokes on it.
    foot : {"left", "right"}
        The right foot is drawn mirrored (a loop's turn on the page mirrors too).
    lang : {"en", "ru"}
    atlas : Atlas, optional
        The atlas the outline comes from (default: the built-in reflexology atlas).
    number : bool
        Draw the step number as a badge in a top corner where the foot leaves room (over
        the toes of a profile, on the little-toe side of a sole or a top).
    theme : {"auto", "light", "dark"} or Theme, optional
        Outline and text colours (default: follow the figure's colour).
    fontsize : float
        Points; sizes the badge, the press numbers and the word "exercise".
    **kwargs
        Passed to every arrow and loop (:class:`matplotlib.patches.FancyArrowPatch`).

    Returns
    -------
    StepArtists
    """
    from ..atlas.vocabulary import ASPECTS

    step = _check_step(step)
    foot = check_choice("foot", foot, FEET)
    lang = check_choice("language", lang, LANGUAGES, "lang")
    aspect = main_aspect(step) if aspect is None else check_choice("aspect", aspect, ASPECTS)
    if atlas is None:
        atlas = load_atlas()
    elif not isinstance(atlas, Atlas):
        raise BadTypeError("atlas", atlas, "a footviz Atlas (footviz.load_atlas()) or None")
    if kwargs:
        _check_arrow_kwargs(kwargs)
    theme_ = resolve_theme("auto" if theme is None else theme, ax.figure.get_facecolor())
    panel = step_panel(foot, aspect, atlas)
    ctx = DrawContext(
        ax=ax, atlas=atlas, aspect=aspect, panels=(panel,), shapes={foot: ()},
        visible={foot: {}}, colouring=None, theme=theme_, outline_width=1.0,
    )  # fmt: skip
    layers = [
        PanelLayer("skin", draw_skin),
        _zones_layer(step),
        PanelLayer("outline", draw_outline),
    ]
    mine: tuple[Stroke, ...] = tuple(s for s in step.strokes if s.aspect == aspect)
    # the limits first: strokes size their heads and dots to the page scale
    _limits(ax, panel, [stroke_line(s, 0.5) for s in mine])
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    ax.apply_aspect()
    drawn = draw_layers(ctx, layers)
    tf = ctx.transform(panel)
    made = draw_strokes(ax, mine, tf, numbered=True, fontsize=max(5.5, fontsize * 0.8), **kwargs)
    out = StepArtists(
        ax, step, foot, aspect, panel, tf,
        skin=drawn["skin"].get(foot), outline=drawn["outline"].get(foot),
        zones=drawn["step zones"].get(foot), strokes=made.artists, numbers=made.numbers,
        guides=made.guides,
        other_aspects=tuple(dict.fromkeys(s.aspect for s in step.strokes if s.aspect != aspect)),
    )  # fmt: skip
    if step.exercise:
        _draw_exercise(ax, out, atlas, lang, fontsize, tf)
    if number:
        left = _badge_left(panel)
        out.badge = ax.text(
            0.0 if left else 1.0, 1.0, str(step.number), transform=ax.transAxes,
            ha="left" if left else "right", va="top",
            fontsize=fontsize, fontweight="bold", color="white", zorder=8, clip_on=False,
            bbox={"boxstyle": "circle,pad=0.25", "fc": BADGE_COLOUR, "ec": "none"},
        )  # fmt: skip
    return out


def _badge_left(panel: Panel) -> bool:
    """Whether the step badge goes in the top left corner (else the top right): over the
    toes of a profile (the leg rises at the other end), on the little-toe side of a sole or
    a top (the big toe reaches highest)."""
    if panel.turned:
        return panel.direction(0.0, 1.0)[0] < 0  # the toes point left
    return panel.direction(1.0, 0.0)[0] > 0  # the big toe (medial side) on the right


def _draw_exercise(ax, out: StepArtists, atlas: Atlas, lang: str, fontsize: float, tf) -> None:
    """A curved arrow at the toes (the foot moves by itself) and the word "exercise".

    On a side profile the arrow rises from the toe tips (the toes lift); seen from above or
    below it swings the big toe out to its side.  The word goes where the diagram is empty:
    over the arrow's head on a profile, under the heel of an upright foot."""
    from matplotlib.patches import FancyArrowPatch

    outline = atlas.outline(out.foot, out.aspect)
    x0, y0, x1, y1 = outline.bounds
    ring = outline if outline.geom_type == "Polygon" else max(outline.geoms, key=lambda g: g.area)
    coords = np.asarray(ring.exterior.coords)
    tip = coords[int(np.argmax(coords[:, 1]))]  # the toe tip: furthest towards the toes
    length, across = y1 - y0, x1 - x0
    if out.panel.turned:  # x is the height above the floor
        start = (tip[0] + 0.1 * across, tip[1] - 0.02 * length)
        end = (tip[0] + 0.55 * across, tip[1] - 0.1 * length)
        bend = 0.35
    else:  # x > 0 is the medial side: the big toe swings out that way
        start = (tip[0] - 0.04 * across, tip[1] + 0.02 * length)
        end = (tip[0] + 0.3 * across, tip[1] - 0.12 * length)
        bend = -0.45
    arrow = FancyArrowPatch(
        start, end, connectionstyle=f"arc3,rad={bend}", arrowstyle="-|>",
        mutation_scale=fontsize * 1.5, linewidth=1.6, color=EXERCISE_COLOUR, transform=tf,
        zorder=5, shrinkA=0.0, shrinkB=0.0,
    )  # fmt: skip
    ax.add_artist(arrow)
    out.exercise = arrow
    style = {
        "fontsize": fontsize * 0.9, "style": "italic", "color": EXERCISE_COLOUR, "zorder": 8,
        "bbox": {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
    }  # fmt: skip
    if out.panel.turned:  # above the arrow's head, over the forefoot
        toes_right = out.panel.direction(0.0, 1.0)[0] > 0
        word = ax.annotate(
            WORDS[lang]["exercise"], end, xycoords=tf, xytext=(0.0, 3.0),
            textcoords="offset points", ha="right" if toes_right else "left", va="bottom",
            annotation_clip=False, **style,
        )  # fmt: skip
    else:  # under the heel
        word = ax.text(
            0.5, 0.0, WORDS[lang]["exercise"], transform=ax.transAxes, ha="center",
            va="bottom", **style,
        )  # fmt: skip
    out.labels.append(word)


def _check_arrow_kwargs(kwargs: dict[str, Any]) -> None:
    from matplotlib.artist import ArtistInspector
    from matplotlib.patches import FancyArrowPatch

    from .._internal.checks import check_keywords

    inspector = ArtistInspector(FancyArrowPatch)
    names = set(inspector.get_setters())
    for aliases in inspector.aliasd.values():
        names.update(aliases)
    names -= {"transform", "figure", "axes", "path", "positions"}
    check_keywords(
        "draw_step", kwargs, sorted(names),
        hint="Extra keywords go to every arrow and loop (a matplotlib FancyArrowPatch).",
    )  # fmt: skip


# ---------------------------------------------------------------------- the step panels
PAGE_WIDTH = 8.27  # inches: A4 portrait
PAGE_MARGIN = 0.45
GUTTER = 0.3  # inches between columns
ROW_GAP = 0.18  # inches between rows
DIAGRAM_SHARE = 0.38  # of a panel's width
DIAGRAM_HEIGHT = 1.75  # inches: the most a panel's diagram takes (a sole at this height)
TEXT_GAP = 0.12  # inches between a diagram and its text
SIZES = {"title": 16.0, "intro": 9.5, "body": 8.5, "dose": 8.0, "notes": 8.0, "small": 7.5}
LINE_SPACING = 1.25
TEXT_COLOUR = "#1A1A1A"
DOSE_COLOUR = "#7A3B00"
NOTE_COLOUR = "#555555"
MAX_COLUMNS = 4
PAGE_WORDS = {
    "en": {
        "cautions": "When not to massage",
        "disclaimer": (
            "A traditional practice described for relaxation and well-being, not medical "
            "advice: it does not diagnose or treat any disease and does not replace a doctor. "
            "Stop if anything hurts."
        ),
    },
    "ru": {
        "cautions": "Когда массаж нежелателен",
        "disclaimer": (
            "Традиционная практика для расслабления и хорошего самочувствия, а не "
            "медицинская рекомендация: она не ставит диагноз, не лечит болезни и не "
            "заменяет врача. Прекратите, если появилась боль."
        ),
    },
}


@dataclass(repr=False, eq=False)
class TechniqueFigure(OwnFigure, FigureResult):
    """What :func:`plot_technique` drew (``close()`` or ``with`` frees the figure).

    Attributes
    ----------
    figure : matplotlib Figure
    technique : Technique
    axes : list of Axes
        Every diagram's axes, step by step.
    steps : tuple of StepArtists
        Each step's main diagram (:func:`draw_step`), in step order.
    diagrams : dict
        Step number -> every diagram of the step (one per aspect with strokes).
    texts, doses : dict
        Step number -> the step's text and its dose line (Text, or None without a dose).
    key : list of (Axes, artist, Text)
        The key of the stroke kinds the technique uses: a sample of each and its name.
    title, intro, after, cautions, disclaimer : Text or None
    """

    figure: Any
    technique: Technique
    lang: str
    foot: str
    _own: bool = True
    axes: list[Any] = field(default_factory=list)
    steps: tuple[StepArtists, ...] = ()
    diagrams: dict[int, tuple[StepArtists, ...]] = field(default_factory=dict)
    texts: dict[int, Any] = field(default_factory=dict)
    doses: dict[int, Any] = field(default_factory=dict)
    key: list[tuple[Any, Any, Any]] = field(default_factory=list)
    title: Any = None
    intro: Any = None
    after: Any = None
    cautions: Any = None
    disclaimer: Any = None

    def __repr__(self) -> str:
        return f"<TechniqueFigure {self.technique.id!r} ({self.lang}, {len(self.steps)} steps)>"


def dose_line(step: Step, lang: str, default: Any = None) -> str:
    """The step's dose in words: its own, else each stroke kind's (``"circles: 1–2 min"``),
    else ``default`` (the technique's :class:`~footviz.atlas.techniques.Dose`, if any)."""
    if step.dose is not None:
        return step.dose.text(lang)
    parts = []
    for s in step.strokes:
        if s.dose is not None:
            part = f"{s.kind_name(lang)}: {s.dose.text(lang)}"
            if part not in parts:
                parts.append(part)
    if not parts and default is not None:
        return default.text(lang)
    return "; ".join(parts)


def _wrap(text: str, width: float, size: float, renderer, weight: str = "normal") -> str:
    """``text`` broken into lines no wider than ``width`` pixels at ``size`` points."""
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(size=size, weight=weight)

    def w(s: str) -> float:
        return renderer.get_text_width_height_descent(s, prop, ismath=False)[0]

    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split():
            trial = f"{line} {word}" if line else word
            if line and w(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return "\n".join(lines)


def _arrangement(atlas: Atlas, foot: str, aspects: tuple[str, ...], w: float, h: float):
    """Boxes ``(x, y, w, h)`` (inches, within a ``w`` x ``h`` area, y from the top) for one
    diagram per aspect, whichever way draws the smallest of them largest: side by side,
    stacked, or the first on the left with the others stacked beside it; and the height
    (inches) the diagrams need at that scale."""
    sizes = []
    for a in aspects:
        x0, y0, x1, y1 = step_panel(foot, a, atlas).chart_bounds
        sizes.append((x1 - x0, y1 - y0))
    n = len(aspects)

    def fit(boxes):
        scale = min(
            min(bw / sw, bh / sh) for (_, _, bw, bh), (sw, sh) in zip(boxes, sizes, strict=True)
        )
        bottom = max(
            by + min(bh, scale * sh) for (_, by, _, bh), (_, sh) in zip(boxes, sizes, strict=True)
        )
        return scale, bottom

    options = [
        [(i * w / n, 0.0, w / n, h) for i in range(n)],
        [(0.0, i * h / n, w, h / n) for i in range(n)],
    ]
    if n > 2:  # the first beside the others, each part as wide as its drawing needs
        first = sizes[0][0] / sizes[0][1] * h
        first = min(first, w * 0.6)
        rest = [(first, i * h / (n - 1), w - first, h / (n - 1)) for i in range(n - 1)]
        options.append([(0.0, 0.0, first, h), *rest])
    best = max(options, key=lambda boxes: fit(boxes)[0])
    scale, bottom = fit(best)
    stacked = best is options[1]
    need = scale * sum(sh for _, sh in sizes) if stacked else bottom
    return best, need * (1 + 2 * MARGIN)


KEY_WAYS = {
    "en": {True: "in circles", False: "along a line"},
    "ru": {True: "по кругу", False: "вдоль линии"},
}
KEY_SYMBOL = (0.42, 0.2)  # inches: a key entry's sample
KEY_ROW = 0.26  # inches
KEY_GAP = 0.25  # inches between key entries


def _loop_path(radius: float = 7.0, centre=(11.0, 9.5), n: int = 24):
    t = np.linspace(0.0, 2 * np.pi, n + 1)
    pts = np.column_stack([centre[0] + radius * np.cos(t), centre[1] + radius * np.sin(t)])
    pts[-1] = pts[0]
    return tuple(map(tuple, np.round(pts, 3)))


def _key_entries(tech: Technique, lang: str) -> list[tuple[Stroke, str]]:
    """A sample stroke and its name for each kind of stroke the technique uses (in the
    order of :data:`~footviz.atlas.techniques.KINDS`; kneading along a line and in a loop
    apart)."""
    from ..atlas.techniques import KINDS

    seen: dict[tuple[str, bool], Stroke] = {}
    for s in tech.strokes:
        seen.setdefault((s.kind, s.closed), s)
    line = ((3.0, 9.5), (37.0, 9.5))
    out = []
    for (kind, closed), s in sorted(
        seen.items(), key=lambda kv: (KINDS.index(kv[0][0]) if kv[0][0] in KINDS else 99, kv[0][1])
    ):
        if kind == "press":
            path: tuple = ((11.0, 9.5),)
        elif closed:
            path = _loop_path()
        else:
            path = line
        name = s.kind_name(lang)
        if (kind, not closed) in seen:  # both ways in one technique: say which is which
            name = f"{name} ({KEY_WAYS[lang][closed]})"
        out.append((Stroke(kind, s.aspect, path), name))
    return out


def _symbol_width(stroke: Stroke) -> float:
    """Inches: a key sample's width (a dot or a loop takes half a line's)."""
    return KEY_SYMBOL[0] * (0.5 if stroke.kind == "press" or stroke.closed else 1.0)


def _flow_key(entries, width: float, renderer, px: float):
    """Key entries in rows no wider than ``width`` inches: ``(stroke, label, x, label_w)``."""
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(size=SIZES["notes"])
    rows: list[list] = []
    x = 0.0
    for stroke, label in entries:
        w = renderer.get_text_width_height_descent(label, prop, ismath=False)[0] / px
        need = _symbol_width(stroke) + 0.06 + w
        if not rows or x + need > width:
            rows.append([])
            x = 0.0
        rows[-1].append((stroke, label, x, w))
        x += need + KEY_GAP
    return rows


def _columns(columns: object, steps: int) -> int:
    if columns is None:
        return 1 if steps <= 2 else 2
    if isinstance(columns, bool) or not isinstance(columns, (int, np.integer)):
        raise BadTypeError("columns", columns, f"a whole number from 1 to {MAX_COLUMNS} or None")
    if not 1 <= int(columns) <= MAX_COLUMNS:
        raise BadValueError("columns", columns, f"a whole number from 1 to {MAX_COLUMNS} or None")
    return int(columns)


def _technique_of(atlas: Atlas, name_or_technique: object) -> Technique:
    if isinstance(name_or_technique, Technique):
        return name_or_technique
    if not isinstance(name_or_technique, str):
        raise BadTypeError(
            "technique", name_or_technique,
            "a technique name ('self-massage', 'heel-spur' ...) or a Technique",
        )  # fmt: skip
    return atlas.technique(name_or_technique)


def plot_technique(
    name_or_technique: str | Technique,
    *,
    lang: str = "en",
    foot: str = "left",
    atlas: Atlas | None = None,
    columns: int | None = None,
    dpi: float = 150.0,
    **kwargs: Any,
) -> TechniqueFigure:
    """Draw a massage technique as numbered step panels on an A4-wide page.

    Each panel holds the step's diagram (:func:`draw_step`, one per aspect where the step
    has strokes) with the step's text and dose beside it; above them the technique's name
    and introduction, below them its closing note, its cautions and a short disclaimer.

    Parameters
    ----------
    name_or_technique : str or Technique
        ``"self-massage"``, ``"classical"``, ``"heel-spur"``, ``"hallux-valgus"`` (or an
        English or Russian name), or a Technique.
    lang : {"en", "ru"}
    foot : {"left", "right"}
        The foot the diagrams show (every technique is done on both).
    atlas : Atlas, optional
        Default: the built-in reflexology atlas.
    columns : int, optional
        Step panels per row, 1 to 4 (default: 2, or 1 for up to 2 steps).
    dpi : float
        The figure's resolution (saving may override it).
    **kwargs
        Passed to every arrow and loop (:class:`matplotlib.patches.FancyArrowPatch`).

    Returns
    -------
    TechniqueFigure

    Raises
    ------
    UnknownNameError
        For an unknown technique, with close spellings.
    """
    from .._internal.checks import check_dpi
    from .decorations import renderer_of
    from .figures import new_figure

    lang = check_choice("language", lang, LANGUAGES, "lang")
    foot = check_choice("foot", foot, FEET)
    dpi = check_dpi("dpi", dpi)
    if atlas is None:
        atlas = load_atlas()
    elif not isinstance(atlas, Atlas):
        raise BadTypeError("atlas", atlas, "a footviz Atlas (footviz.load_atlas()) or None")
    tech = _technique_of(atlas, name_or_technique)
    cols = _columns(columns, len(tech.steps))
    if kwargs:
        _check_arrow_kwargs(kwargs)
    words = PAGE_WORDS[lang]

    fig = new_figure((PAGE_WIDTH, 11.69), dpi=dpi)
    renderer = renderer_of(fig)
    px = dpi  # pixels per inch
    inner = PAGE_WIDTH - 2 * PAGE_MARGIN
    panel_w = (inner - (cols - 1) * GUTTER) / cols
    diagram_w = panel_w * DIAGRAM_SHARE if cols < 4 else panel_w * 0.45
    text_w = panel_w - diagram_w - TEXT_GAP

    probe = fig.text(0, 0, "")

    def height(text: str, size: float, weight: str = "normal") -> float:
        if not text:
            return 0.0
        probe.set_text(text)
        probe.set_fontsize(size)
        probe.set_fontweight(weight)
        probe.set_linespacing(LINE_SPACING)
        return probe.get_window_extent(renderer).height / px

    # -------- measure: wrapped texts and the height of every block, top to bottom
    title = tech.name(lang)
    intro = _wrap(tech.intro(lang), inner * px, SIZES["intro"], renderer)
    blocks = []
    for step in tech.steps:
        body = _wrap(step.text(lang), text_w * px, SIZES["body"], renderer)
        dose = dose_line(step, lang, tech.dose)
        dose = _wrap(dose, text_w * px, SIZES["dose"], renderer, "bold") if dose else ""
        body_h = height(body, SIZES["body"])
        text_h = body_h + (height(dose, SIZES["dose"], "bold") + 0.06 if dose else 0.0)
        aspects = (main_aspect(step),)
        aspects += tuple(
            a for a in dict.fromkeys(s.aspect for s in step.strokes) if a not in aspects
        )
        _, need = _arrangement(atlas, foot, aspects, diagram_w, DIAGRAM_HEIGHT)
        blocks.append((step, body, dose, body_h, max(text_h, min(need, DIAGRAM_HEIGHT)), aspects))
    after = _wrap(tech.after(lang), inner * px, SIZES["notes"], renderer)
    cautions = tech.cautions(lang)
    caution_text = ""
    if cautions:
        items = [_wrap(f"• {c}", inner * px - 10, SIZES["notes"], renderer) for c in cautions]
        caution_text = "\n".join(items)
    disclaimer = _wrap(words["disclaimer"], inner * px, SIZES["small"], renderer)

    title_h = height(title, SIZES["title"], "bold")
    intro_h = height(intro, SIZES["intro"])
    rows = [blocks[i : i + cols] for i in range(0, len(blocks), cols)]
    row_hs = [max(b[4] for b in row) for row in rows]
    after_h = height(after, SIZES["notes"])
    head_h = height(words["cautions"], SIZES["notes"], "bold")
    caut_h = height(caution_text, SIZES["notes"])
    disc_h = height(disclaimer, SIZES["small"])
    key = _key_entries(tech, lang)
    key_rows = _flow_key(key, inner, renderer, px)
    key_h = len(key_rows) * KEY_ROW + (0.1 if key_rows else 0.0)
    total = PAGE_MARGIN + title_h + 0.12 + intro_h + 0.22 + key_h
    total += sum(row_hs) + ROW_GAP * (len(rows) - 1) + 0.22
    total += (after_h + 0.12 if after else 0.0) + (head_h + caut_h + 0.2 if caution_text else 0)
    total += disc_h + PAGE_MARGIN
    probe.remove()
    fig.set_size_inches(PAGE_WIDTH, total)

    # -------- place, top down (y in inches from the top)
    out = TechniqueFigure(fig, tech, lang, foot)

    def put(x: float, y: float, text: str, size: float, **style: Any):
        return fig.text(
            x / PAGE_WIDTH, 1.0 - y / total, text, fontsize=size, ha="left",
            va=style.pop("va", "top"), linespacing=LINE_SPACING,
            color=style.pop("color", TEXT_COLOUR), **style,
        )  # fmt: skip

    y = PAGE_MARGIN
    out.title = put(PAGE_MARGIN, y, title, SIZES["title"], fontweight="bold")
    y += title_h + 0.12
    out.intro = put(PAGE_MARGIN, y, intro, SIZES["intro"]) if intro else None
    y += intro_h + 0.16
    for row in key_rows:
        for stroke, label, kx, _ in row:
            sw = _symbol_width(stroke)
            kax = fig.add_axes(
                (
                    (PAGE_MARGIN + kx) / PAGE_WIDTH,
                    1.0 - (y + KEY_ROW - 0.03) / total,
                    sw / PAGE_WIDTH,
                    KEY_SYMBOL[1] / total,
                )
            )
            kax.set_xlim(0.0, 40.0 * sw / KEY_SYMBOL[0])
            kax.set_ylim(0.0, 40.0 * KEY_SYMBOL[1] / KEY_SYMBOL[0])
            kax.set_axis_off()
            drawn = draw_strokes(kax, [stroke], kax.transData, numbered=False, **kwargs)
            text = put(
                PAGE_MARGIN + kx + sw + 0.06,
                y + KEY_ROW - 0.03 - KEY_SYMBOL[1] / 2,
                label,
                SIZES["notes"],
                va="center_baseline",
            )
            out.key.append((kax, drawn.artists[0], text))
        y += KEY_ROW
    y += 0.1 if key_rows else 0.0
    y += 0.06
    main: list[StepArtists] = []
    for row, row_h in zip(rows, row_hs, strict=True):
        for c, (step, body, dose, body_h, _, aspects) in enumerate(row):
            x = PAGE_MARGIN + c * (panel_w + GUTTER)
            boxes, _ = _arrangement(atlas, foot, aspects, diagram_w, row_h)
            drawn = []
            for aspect, (bx, by, bw, bh) in zip(aspects, boxes, strict=True):
                ax = fig.add_axes(
                    (
                        (x + bx) / PAGE_WIDTH,
                        1.0 - (y + by + bh) / total,
                        bw / PAGE_WIDTH,
                        bh / total,
                    )
                )
                ax.set_anchor("N")  # level with the text's first line
                out.axes.append(ax)
                drawn.append(
                    draw_step(
                        ax,
                        step,
                        aspect=aspect,
                        foot=foot,
                        lang=lang,
                        atlas=atlas,
                        number=aspect == aspects[0],
                        fontsize=SIZES["body"],
                        **kwargs,
                    )
                )
            main.append(drawn[0])
            out.diagrams[step.number] = tuple(drawn)
            tx = x + diagram_w + TEXT_GAP
            out.texts[step.number] = put(tx, y, body, SIZES["body"])
            ty = y + body_h + 0.06
            out.doses[step.number] = (
                put(tx, ty, dose, SIZES["dose"], fontweight="bold", color=DOSE_COLOUR)
                if dose
                else None
            )
        y += row_h + ROW_GAP
    y += 0.22 - ROW_GAP
    out.steps = tuple(main)
    if after:
        out.after = put(PAGE_MARGIN, y, after, SIZES["notes"], style="italic")
        y += after_h + 0.12
    if caution_text:
        put(PAGE_MARGIN, y, words["cautions"], SIZES["notes"], fontweight="bold")
        y += head_h + 0.04
        out.cautions = put(PAGE_MARGIN, y, caution_text, SIZES["notes"])
        y += caut_h + 0.16
    out.disclaimer = put(
        PAGE_MARGIN, y, disclaimer, SIZES["small"], style="italic", color=NOTE_COLOUR
    )
    return out
