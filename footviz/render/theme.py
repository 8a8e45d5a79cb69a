"""The colours of what a drawing puts on the page's background, by theme.

Zones, skin and the labels inside zones sit on the foot and keep their colours.  Outlines,
captions, notes, hints, leaders and legend text sit on the figure's background, so they
follow it: ``theme="auto"`` (the default) looks at the figure's face colour when drawing
(set by the active matplotlib style, e.g. ``plt.style.use("dark_background")``) and takes the
light or the dark theme; ``"light"`` and ``"dark"`` choose one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..atlas.model import check_choice
from .style import DARK_THEME, LIGHT_THEME, THEMES

__all__ = ["Theme", "contrast", "relative_luminance", "resolve_theme"]


@dataclass(frozen=True)
class Theme:
    """Colours of the drawing's background-side elements (matplotlib colour strings)."""

    name: str
    text: str  # captions, callouts, titles, legend text
    note: str  # the viewing-convention note
    hint: str  # "toes" / "heel" hints, the sheet's caution line
    outline: str  # the foot's outline
    leader: str  # callout leader lines and their end dots
    background: str  # the figure colour this theme is made for

    @classmethod
    def named(cls, name: str) -> Theme:
        return cls(name, **(DARK_THEME if name == "dark" else LIGHT_THEME))


def relative_luminance(colour: Any) -> float:
    """WCAG relative luminance (0 black .. 1 white) of any matplotlib colour."""
    from matplotlib.colors import to_rgb

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Any, b: Any) -> float:
    """WCAG contrast ratio of two colours (1 .. 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def resolve_theme(theme: str | Theme, background: Any) -> Theme:
    """The :class:`Theme` for ``theme`` ("auto", "light", "dark" or a Theme) drawn on a
    figure of colour ``background`` ("auto": dark when the background is dark)."""
    if isinstance(theme, Theme):
        return theme
    name = check_choice("theme", theme, THEMES)
    if name == "auto":
        # a transparent figure shows the page behind it: treat it as light paper
        from matplotlib.colors import to_rgba

        rgba = to_rgba(background)
        dark = rgba[3] > 0.5 and relative_luminance(rgba) < 0.18
        name = "dark" if dark else "light"
    return Theme.named(name)
