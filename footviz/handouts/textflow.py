"""Measured text layout for printed pages: wrapping, flowing paragraphs, simple tables.

Positions are in inches from the page's lower-left corner.  Text is measured once per
process with one renderer (:class:`Measure`), so a wrapped line never runs past its box; a
flow that runs out of height raises :class:`Overflow` and the page plans again.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

PT = 1.0 / 72.0
LINE = 1.2  # line pitch, in em (matplotlib's own line spacing)
ASCENT = 1.02  # the tallest glyph above the baseline (accented capitals, Й), in em
DESCENT = 0.25  # below the baseline, in em
TEXT_COLOUR = "#1A1A1A"
MUTED_COLOUR = "#555555"


class Look(NamedTuple):
    """How a paragraph's text looks: its weight, its style (slant) and its colour."""

    weight: str = "normal"
    style: str = "normal"
    colour: str = TEXT_COLOUR


PLAIN = Look()
BOLD = Look("bold")
ITALIC = Look(style="italic")
MUTED = Look(colour=MUTED_COLOUR)  # subtitles, index lines
NOTE = Look(style="italic", colour=MUTED_COLOUR)  # asides: "continued", unresolved names
RULE_COLOUR = "#BBBBBB"


class Overflow(Exception):
    """The text does not fit the height left in its box."""


@dataclass(frozen=True)
class Box:
    """A named rectangle of the page, in inches (``x0 < x1``, ``y0 < y1``)."""

    name: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def contains(self, x0: float, y0: float, x1: float, y1: float, tol: float = 0.0) -> bool:
        return (
            x0 >= self.x0 - tol
            and y0 >= self.y0 - tol
            and x1 <= self.x1 + tol
            and y1 <= self.y1 + tol
        )

    def overlaps(self, other: Box) -> bool:
        return not (
            other.x0 >= self.x1 or other.x1 <= self.x0 or other.y0 >= self.y1 or other.y1 <= self.y0
        )


class TextOp(NamedTuple):
    """One line (or run) of text: its box's name, the left end of its baseline (inches), the
    text and its font.  A named tuple: a page plan makes thousands of these while it tries
    sizes, and a tuple is made ten times faster than a frozen dataclass."""

    box: str
    x: float
    y: float  # baseline
    text: str
    size: float
    weight: str = "normal"
    style: str = "normal"
    colour: str = TEXT_COLOUR
    ha: str = "left"

    def draw(self, fig: Any) -> Any:
        """Draw the text on ``fig`` (positions in inches from the page's lower left), as
        ``fig.text`` does, drawn by :func:`page_text`'s class."""
        return page_text(
            fig,
            self.x,
            self.y,
            self.text,
            fontsize=self.size,
            fontweight=self.weight,
            fontstyle=self.style,
            color=self.colour,
            ha=self.ha,
            va="baseline",
            transform=fig.dpi_scale_trans,
            parse_math=False,
        )


def page_text(fig: Any, x: float, y: float, text: str, **kwargs: Any) -> Any:
    """``fig.text(x, y, text, **kwargs)``, drawing a single left-aligned line on its baseline
    without measuring it first.

    A page's text is laid out by :class:`Measure` before it is drawn, so the anchor already is
    the left end of the baseline: matplotlib's own ``Text.draw`` would measure every line
    again (the largest part of drawing a page's text) only to find an offset of zero.  The
    glyphs, position and colour reach the renderer exactly as ``Text.draw`` sends them (same
    PDF, SVG and PNG bytes); on matplotlib's PDF renderer the line is written by
    :func:`footviz.handouts.pdftext.draw_line` (the same bytes as its ``draw_text``, with
    fewer font calls).  Anything else (several lines, another alignment, rotation, a box,
    path effects, TeX) draws as any ``Text``.
    """
    t = fig.text(x, y, text, **kwargs)
    t.__class__ = _page_text_class()  # fig.text's artist; the subclass only changes draw()
    return t


@lru_cache(maxsize=1)
def _page_text_class() -> type:
    from matplotlib import colors
    from matplotlib.artist import allow_rasterization
    from matplotlib.text import Text

    from .pdftext import draw_line

    class PageText(Text):
        """A line of page text drawn on its baseline (see :func:`page_text`)."""

        def _one_line(self) -> bool:
            s = self.get_text()
            return (
                "\n" not in s
                and self.get_horizontalalignment() == "left"
                and self.get_verticalalignment() == "baseline"
                and self.get_rotation() == 0
                and self.get_bbox_patch() is None
                and not self.get_path_effects()
                and not self.get_usetex()
                and not self._preprocess_math(s)[1]
                and not self.get_wrap()
            )

        @allow_rasterization
        def draw(self, renderer) -> None:
            if not self._one_line():
                return super().draw(renderer)
            if renderer is not None:
                self._renderer = renderer
            if not self.get_visible() or self.get_text() == "":
                return None
            x, y = self.get_transform().transform(
                (float(self.convert_xunits(self._x)), float(self.convert_yunits(self._y)))
            )
            if not (math.isfinite(x) and math.isfinite(y)):
                return None
            renderer.open_group("text", self.get_gid())
            gc = renderer.new_gc()
            gc.set_foreground(colors.to_rgba(self.get_color()), isRGBA=True)
            gc.set_alpha(self.get_alpha())
            gc.set_url(self._url)
            if hasattr(self, "_antialiased"):
                gc.set_antialiased(self._antialiased)
            gc.set_snap(self.get_snap())
            self._set_gc_clip(gc)
            if renderer.flipy():
                y = renderer.get_canvas_width_height()[1] - y
            text, prop = self.get_text(), self._fontproperties
            if not draw_line(renderer, gc, x, y, text, prop, self):  # a PDF: fewer font calls
                renderer.draw_text(gc, x, y, text, prop, 0.0, ismath=False, mtext=self)
            gc.restore()
            renderer.close_group("text")
            self.stale = False
            return None

    return PageText


@dataclass(frozen=True)
class RuleOp:
    x0: float
    x1: float
    y: float
    colour: str = RULE_COLOUR
    width: float = 0.5


@dataclass(frozen=True)
class RectOp:
    box: Box
    face: str
    edge: str = "none"


@dataclass
class Ops:
    """Everything to draw on a page, plus the boxes it is laid out in.

    ``record=False`` (:meth:`trial`) makes a sink for a trial layout: a :class:`Flow` into it
    finds where the text goes (or raises :class:`Overflow`) without keeping its lines.
    """

    texts: list[TextOp] = field(default_factory=list)
    rules: list[RuleOp] = field(default_factory=list)
    rects: list[RectOp] = field(default_factory=list)
    boxes: dict[str, Box] = field(default_factory=dict)
    record: bool = True

    @classmethod
    def trial(cls) -> Ops:
        """Ops for a trial layout: flows into them keep no text lines."""
        return cls(record=False)


MEASURE_DPI = 300.0
REF_SIZE = 10.0  # points; unhinted widths scale linearly, so one size serves every size
_WIDTHS: dict[tuple[str, str], float] = {}  # (font file, text) -> inches at REF_SIZE
_STATE: dict[str, Any] = {}


def _renderer() -> Any:
    """One Agg renderer for every measurement of the process."""
    if "renderer" not in _STATE:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        _STATE["renderer"] = FigureCanvasAgg(Figure(dpi=MEASURE_DPI)).get_renderer()
    return _STATE["renderer"]


class Measure:
    """Widths of text in inches, as drawn with the current matplotlib fonts.

    Text is measured without hinting, as PDF and SVG output lay it out (hinted raster text is
    never wider), so a width at one size scales exactly to every size: each distinct
    (font, text) is measured once per process, at :data:`REF_SIZE`, with one renderer.
    Wrapped lines are cached too.
    """

    def __init__(self, figure: Any = None) -> None:
        self._fonts: dict[tuple[str, str], tuple[str, Any]] = {}
        self._wraps: dict[tuple[str, float, float, str, str], list[str]] = {}
        self._ref_words: dict[tuple[str, str], tuple[list[float], float]] = {}
        self._run_wraps: dict[tuple[Any, float, float], list[list[tuple[float, str, str]]]] = {}

    def _font(self, weight: str, style: str) -> tuple[str, Any]:
        key = (weight, style)
        if key not in self._fonts:
            from matplotlib.font_manager import FontProperties, findfont

            prop = FontProperties(size=REF_SIZE, weight=weight, style=style)
            self._fonts[key] = (repr(findfont(prop)), prop)  # a str hashes fast
        return self._fonts[key]

    def prepare(self, strings: Any, weight: str = "normal", style: str = "normal") -> None:
        """Measure every string of ``strings`` not measured yet, in one batch."""
        path, prop = self._font(weight, style)
        missing = sorted({t for t in strings if (path, t) not in _WIDTHS})
        if not missing:
            return
        import matplotlib

        renderer = _renderer()
        with matplotlib.rc_context({"text.hinting": "none"}):
            for text in missing:
                w, _, _ = renderer.get_text_width_height_descent(text, prop, ismath=False)
                _WIDTHS[(path, text)] = w / MEASURE_DPI

    def width(self, text: str, size: float, weight: str = "normal", style: str = "normal") -> float:
        path, _ = self._font(weight, style)
        key = (path, text)
        if key not in _WIDTHS:
            self.prepare((text,), weight, style)
        return _WIDTHS[key] * float(size) / REF_SIZE

    def wrap(
        self, text: str, width: float, size: float, weight: str = "normal", style: str = "normal"
    ) -> list[str]:
        """Greedy word wrap to ``width`` inches (word widths summed, with a 4% margin for
        kerning and rounding); a word too long for a line is split."""
        return list(self._lines(text, width, size, weight, style))

    def _lines(self, text: str, width: float, size: float, weight: str, style: str) -> list[str]:
        """:meth:`wrap`'s cached lines themselves (callers never change them)."""
        key = (text, round(width, 6), float(size), weight, style)
        lines = self._wraps.get(key)
        if lines is None:
            words = text.split()
            self.prepare((*words, "a", "a a"), weight, style)
            lines = self._wraps[key] = self._wrap(words, width, size, weight, style)
        return lines

    def wrap_runs(
        self, runs: tuple[tuple[str, str], ...], width: float, size: float
    ) -> list[list[tuple[float, str, str]]]:
        """Greedy wrap of text in runs of ``(text, weight)``: lines of ``(x offset, text,
        weight)`` segments (a word too long for a line overruns it)."""
        return [list(line) for line in self._run_lines(runs, width, size)]

    def _run_lines(
        self, runs: tuple[tuple[str, str], ...], width: float, size: float
    ) -> list[list[tuple[float, str, str]]]:
        """:meth:`wrap_runs`'s cached lines themselves (callers never change them)."""
        key = (runs, round(width, 6), float(size))
        lines = self._run_wraps.get(key)
        if lines is None:
            lines = self._run_wraps[key] = self._wrap_runs(runs, width, size)
        return lines

    def _wrap_runs(
        self, runs: tuple[tuple[str, str], ...], width: float, size: float
    ) -> list[list[tuple[float, str, str]]]:
        words = [(word, weight) for text, weight in runs for word in text.split()]
        for weight in {w for _, w in words}:
            self.prepare([w for w, wt in words if wt == weight] + ["a", "a a"], weight)
        limit = width * 0.96
        space = self.width("a a", size) - 2 * self.width("a", size)
        lines: list[list[tuple[str, str, float]]] = []
        current: list[tuple[str, str, float]] = []
        used = 0.0
        for word, weight in words:
            ww = self.width(word, size, weight)
            # a little more space where the weight changes, so "(" never touches bold ")"
            gap = space * (1.3 if current and current[-1][1] != weight else 1.0)
            if current and used + gap + ww > limit:
                lines.append(current)
                current, used = [], 0.0
            current.append((word, weight, used + (gap if current else 0.0)))
            used = current[-1][2] + ww
        if current:
            lines.append(current)
        out = []
        for line in lines:
            segments: list[tuple[float, str, str]] = []
            for word, weight, x in line:
                if segments and segments[-1][2] == weight:
                    x0, text, _ = segments[-1]
                    segments[-1] = (x0, f"{text} {word}", weight)
                else:
                    segments.append((x, word, weight))
            out.append(segments)
        return out

    def count(self, text: str, width: float, size: float, weight: str = "normal") -> int:
        """How many lines :meth:`wrap` makes of ``text`` (fast: no strings built)."""
        key = (text, weight)
        if key not in self._ref_words:
            words = text.split()
            self.prepare((*words, "a", "a a"), weight)
            path, _ = self._font(weight, "normal")
            space = _WIDTHS[(path, "a a")] - 2 * _WIDTHS[(path, "a")]
            self._ref_words[key] = ([_WIDTHS[(path, w)] for w in words], space)
        widths, space = self._ref_words[key]
        limit = width * 0.96 * REF_SIZE / float(size)  # compare at the reference size
        if any(w > limit for w in widths):
            return len(self.wrap(text, width, size, weight))
        lines, used = 0, -1.0
        for w in widths:
            if used >= 0.0 and used + space + w <= limit:
                used += space + w
            else:
                lines, used = lines + 1, w
        return lines

    def _wrap(
        self, words: list[str], width: float, size: float, weight: str, style: str
    ) -> list[str]:
        limit = width * 0.96
        space = self.width("a a", size, weight, style) - 2 * self.width("a", size, weight, style)
        lines: list[str] = []
        current, current_w = "", 0.0
        for word in words:
            ww = self.width(word, size, weight, style)
            if current and current_w + space + ww <= limit:
                current, current_w = f"{current} {word}", current_w + space + ww
                continue
            if current:
                lines.append(current)
            current, current_w = word, ww
            while current_w > limit and len(current) > 1:
                cut = len(current) - 1
                while cut > 1 and self.width(current[:cut], size, weight, style) > limit:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
                current_w = self.width(current, size, weight, style)
        if current:
            lines.append(current)
        return lines


def block_height(lines: int, size: float) -> float:
    """Height in inches of ``lines`` lines of text at ``size`` points."""
    if lines <= 0:
        return 0.0
    return ((lines - 1) * LINE + ASCENT + DESCENT) * size * PT


class Flow:
    """Paragraphs stacked top-down in a box, continuing into the next box (newspaper
    columns) when one is full; :class:`Overflow` when the last box is full."""

    def __init__(self, ops: Ops, measure: Measure, *boxes: Box) -> None:
        self.ops, self.measure, self.boxes = ops, measure, boxes
        self.column = 0
        self.y = boxes[0].y1

    @property
    def box(self) -> Box:
        return self.boxes[self.column]

    def space(self, inches: float) -> None:
        self.y -= inches

    def _fit(
        self, wrap: Callable[[float], list], size: float, indent: float, before: float, keep: float
    ) -> tuple[Box, float, list, float, float]:
        """Find room for a paragraph, moving on to the next column while it does not fit.

        ``wrap(width)`` gives the paragraph's lines for a column width.  Returns the box, the
        text's left edge, the lines and the paragraph's top and bottom (inches).
        """
        while True:
            box = self.box
            x = box.x0 + indent
            lines = wrap(box.x1 - x)
            first_in_column = self.y >= box.y1 - 1e-9
            top = self.y - (0.0 if first_in_column else before)
            bottom = top - block_height(len(lines), size)
            if bottom - keep >= box.y0 - 1e-9:
                return box, x, lines, top, bottom
            if self.column + 1 >= len(self.boxes):
                raise Overflow(box.name)
            self.column += 1
            self.y = self.box.y1

    def para(
        self,
        text: str,
        size: float,
        look: Look = PLAIN,
        *,
        label: str | None = None,
        indent: float = 0.0,
        before: float = 0.0,
        keep: float = 0.0,
    ) -> None:
        """Add a wrapped paragraph in ``look`` (:data:`PLAIN`, :data:`BOLD` ...), optionally
        with a hanging ``label`` ("1.", "•").

        ``keep`` is the height (inches) that must remain below the paragraph in the same
        column (keeps a heading with what follows it).
        """
        weight, style, colour = look
        lines_at = self.measure._lines
        fitted = self._fit(
            lambda width: lines_at(text, width, size, weight, style), size, indent, before, keep
        )
        base = self._begin(fitted, size, label, weight)
        if base is None:
            return
        box, x, lines, _, _ = fitted
        name = box.name
        self.ops.texts.extend(
            TextOp(name, x, base - i * LINE * size * PT, line, size, weight, style, colour)
            for i, line in enumerate(lines)
        )

    def _begin(self, fitted, size: float, label: str | None, label_weight: str) -> float | None:
        """Take the fitted block's room and put its hanging ``label``: the first baseline, or
        None when nothing is recorded (a trial layout)."""
        box, _, _, top, bottom = fitted
        self.y = bottom
        if not self.ops.record:
            return None
        base = top - ASCENT * size * PT
        if label is not None:
            self.ops.texts.append(TextOp(box.name, box.x0, base, label, size, label_weight))
        return base

    def runs(
        self,
        runs: tuple[tuple[str, str], ...],
        size: float,
        *,
        label: str | None = None,
        indent: float = 0.0,
        before: float = 0.0,
    ) -> None:
        """Add a wrapped paragraph of ``(text, weight)`` runs with a hanging bold ``label``."""
        lines_at = self.measure._run_lines
        fitted = self._fit(lambda width: lines_at(runs, width, size), size, indent, before, 0.0)
        base = self._begin(fitted, size, label, "bold")
        if base is None:
            return
        box, x, lines, _, _ = fitted
        name = box.name
        for i, segments in enumerate(lines):
            y = base - i * LINE * size * PT
            self.ops.texts.extend(
                TextOp(name, x + dx, y, text, size, weight) for dx, text, weight in segments
            )
