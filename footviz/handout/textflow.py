"""Measured text layout for printed pages: wrapping, flowing paragraphs, simple tables.

Positions are in inches from the page's lower-left corner.  Text is measured with the
figure's renderer, so a wrapped line never runs past its box; a flow that runs out of height
raises :class:`Overflow` and the page tries again with a smaller font.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

PT = 1.0 / 72.0
LINE = 1.3  # line pitch, in em
ASCENT = 1.02  # the tallest glyph above the baseline (accented capitals, Й), in em
DESCENT = 0.25  # below the baseline, in em
TEXT_COLOUR = "#1A1A1A"
MUTED_COLOUR = "#555555"
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


@dataclass(frozen=True)
class TextOp:
    box: str
    x: float
    y: float  # baseline
    text: str
    size: float
    weight: str = "normal"
    style: str = "normal"
    colour: str = TEXT_COLOUR
    ha: str = "left"


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
    """Everything to draw on a page, plus the boxes it is laid out in."""

    texts: list[TextOp] = field(default_factory=list)
    rules: list[RuleOp] = field(default_factory=list)
    rects: list[RectOp] = field(default_factory=list)
    boxes: dict[str, Box] = field(default_factory=dict)


class Measure:
    """Widths of text in inches, measured with a figure's renderer (cached)."""

    def __init__(self, figure: Any) -> None:
        from matplotlib.font_manager import FontProperties

        self._renderer = figure.canvas.get_renderer()
        self._dpi = float(figure.dpi)
        self._props = FontProperties

        @lru_cache(maxsize=20000)
        def width(text: str, size: float, weight: str, style: str) -> float:
            prop = self._props(size=size, weight=weight, style=style)
            w, _, _ = self._renderer.get_text_width_height_descent(text, prop, ismath=False)
            return w / self._dpi

        self._width = width

    def width(self, text: str, size: float, weight: str = "normal", style: str = "normal") -> float:
        return self._width(text, float(size), weight, style)

    def wrap(
        self, text: str, width: float, size: float, weight: str = "normal", style: str = "normal"
    ) -> list[str]:
        """Greedy word wrap to ``width`` inches (word widths summed, with a 3% margin for
        kerning); a word too long for a line is split."""
        limit = width * 0.96
        space = self.width("a a", size, weight, style) - 2 * self.width("a", size, weight, style)
        lines: list[str] = []
        current, current_w = "", 0.0
        for word in text.split():
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

    def para(
        self,
        text: str,
        size: float,
        *,
        weight: str = "normal",
        style: str = "normal",
        colour: str = TEXT_COLOUR,
        label: str | None = None,
        indent: float = 0.0,
        before: float = 0.0,
        keep: float = 0.0,
    ) -> None:
        """Add a wrapped paragraph, optionally with a hanging ``label`` ("1.", "•").

        ``keep`` is the height (inches) that must remain below the paragraph in the same
        column (keeps a heading with what follows it).
        """
        while True:
            box = self.box
            x = box.x0 + indent
            lines = self.measure.wrap(text, box.x1 - x, size, weight, style)
            first_in_column = self.y >= box.y1 - 1e-9
            top = self.y - (0.0 if first_in_column else before)
            bottom = top - block_height(len(lines), size)
            if bottom - keep >= box.y0 - 1e-9:
                break
            if self.column + 1 >= len(self.boxes):
                raise Overflow(box.name)
            self.column += 1
            self.y = self.box.y1
        base = top - ASCENT * size * PT
        if label is not None:
            self.ops.texts.append(TextOp(box.name, box.x0, base, label, size, weight))
        for i, line in enumerate(lines):
            self.ops.texts.append(
                TextOp(box.name, x, base - i * LINE * size * PT, line, size, weight, style, colour)
            )
        self.y = bottom
