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
from ..atlas import Atlas, load_atlas
from ..atlas.layout import Panel
from ..atlas.techniques import Step, Stroke
from ..atlas.vocabulary import FEET, LANGUAGES
from ..errors import BadTypeError
from .layers import DrawContext, PanelLayer, draw_layers, draw_outline, draw_skin
from .paths import geometry_path
from .strokes import draw_strokes, stroke_line
from .theme import Theme, resolve_theme

__all__ = ["StepArtists", "draw_step", "main_aspect", "step_panel"]

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
    foot: str = "left",
    lang: str = "en",
    atlas: Atlas | None = None,
    number: bool = True,
    theme: str | Theme | None = None,
    **kwargs: Any,
) -> StepArtists:
    """Draw one step of a technique as a small diagram into ``ax``.

    Draws the outline of the step's aspect (:func:`main_aspect`) for ``foot``, the zones
    the step works faintly tinted, its strokes on that aspect (arrows along the path for
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
    foot : {"left", "right"}
        The right foot is drawn mirrored (a loop's turn on the page mirrors too).
    lang : {"en", "ru"}
    atlas : Atlas, optional
        The atlas the outline comes from (default: the built-in reflexology atlas).
    number : bool
        Draw the step number as a badge in the top left corner.
    theme : {"auto", "light", "dark"} or Theme, optional
        Outline and text colours (default: follow the figure's colour).
    **kwargs
        Passed to every arrow and loop (:class:`matplotlib.patches.FancyArrowPatch`).

    Returns
    -------
    StepArtists
    """
    step = _check_step(step)
    return draw_step_aspect(
        ax, step, main_aspect(step), foot=foot, lang=lang, atlas=atlas, number=number,
        theme=theme, **kwargs,
    )  # fmt: skip


def draw_step_aspect(
    ax,
    step: Step,
    aspect: str,
    *,
    foot: str = "left",
    lang: str = "en",
    atlas: Atlas | None = None,
    number: bool = True,
    theme: str | Theme | None = None,
    fontsize: float = 8.0,
    **kwargs: Any,
) -> StepArtists:
    """:func:`draw_step` for one given aspect of the step (its strokes on that aspect)."""
    from ..atlas.vocabulary import ASPECTS

    step = _check_step(step)
    foot = check_choice("foot", foot, FEET)
    lang = check_choice("language", lang, LANGUAGES, "lang")
    aspect = check_choice("aspect", aspect, ASPECTS)
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
        out.badge = ax.text(
            0.0, 1.0, str(step.number), transform=ax.transAxes, ha="left", va="top",
            fontsize=fontsize, fontweight="bold", color="white", zorder=8, clip_on=False,
            bbox={"boxstyle": "circle,pad=0.25", "fc": BADGE_COLOUR, "ec": "none"},
        )  # fmt: skip
    return out


def _draw_exercise(ax, out: StepArtists, atlas: Atlas, lang: str, fontsize: float, tf) -> None:
    """A curved arrow over the toes (the foot moves by itself) and the word "exercise"."""
    from matplotlib.patches import FancyArrowPatch

    outline = atlas.outline(out.foot, out.aspect)
    x0, y0, x1, y1 = outline.bounds
    tip_y = y1
    # the toe tip: the outline's point furthest towards the toes
    coords = np.asarray(
        outline.exterior.coords
        if hasattr(outline, "exterior")
        else outline.geoms[0].exterior.coords
    )
    tip_x = float(coords[int(np.argmax(coords[:, 1])), 0])
    reach = 0.22 * (y1 - y0)
    side = 0.18 * (x1 - x0)
    arrow = FancyArrowPatch(
        (tip_x + side, tip_y - reach),
        (tip_x + side, tip_y + 0.04 * (y1 - y0)),
        connectionstyle="arc3,rad=-0.45",
        arrowstyle="-|>",
        mutation_scale=fontsize * 1.4,
        linewidth=1.4,
        color=EXERCISE_COLOUR,
        transform=tf,
        zorder=5,
    )
    ax.add_artist(arrow)
    out.exercise = arrow
    word = ax.text(
        0.5, 0.0, WORDS[lang]["exercise"], transform=ax.transAxes, ha="center", va="bottom",
        fontsize=fontsize * 0.9, style="italic", color=EXERCISE_COLOUR, zorder=8,
        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
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
