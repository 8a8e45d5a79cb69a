"""Many short texts drawn in one pass on raster canvases.

Matplotlib's Agg backend renders each :class:`~matplotlib.text.Text` glyph by glyph, which
dominates the time of a fully labelled map.  A :class:`TextLayer` draws the glyph outlines of
all its texts as one :class:`~matplotlib.collections.PathCollection` on Agg canvases (PNG,
notebook display, the interactive desktop backends); the outline of each distinct
(text, font, alignment) is built once per process and cached.  On every other renderer (PDF,
SVG, PS) each text draws itself as usual, so PDFs keep real, selectable text.

The texts stay ordinary :class:`LabelText` (a ``Text``) artists on the axes: their
``get_text``, ``get_position`` and ``get_window_extent`` behave as for any text.  Texts with a
box, path effects, rotation, TeX or mathtext are never batched: they draw themselves.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from matplotlib.artist import Artist, allow_rasterization
from matplotlib.text import Text

__all__ = ["LabelText", "TextLayer", "label_path"]

_FONT_RC = (
    "font.family",
    "font.style",
    "font.variant",
    "font.weight",
    "font.stretch",
    "font.serif",
    "font.sans-serif",
    "font.monospace",
    "font.cursive",
    "font.fantasy",
)


def _is_agg(renderer) -> bool:
    from matplotlib.backends.backend_agg import RendererAgg

    return isinstance(renderer, RendererAgg)


class LabelText(Text):
    """A ``Text`` whose raster drawing is left to its :class:`TextLayer` when it can be."""

    layer: TextLayer | None = None

    @allow_rasterization
    def draw(self, renderer) -> None:
        if self.layer is not None and self.layer.takes(self, renderer):
            return  # drawn by the layer, with the others, in one pass
        super().draw(renderer)


def _font_metrics(prop) -> tuple[float, float, float]:
    """(ascent, descent, line gap) of the font in points, as ``Text`` lays lines out."""
    from matplotlib.font_manager import findfont, get_font

    font = get_font(findfont(prop))
    size = prop.get_size_in_points()
    for table, gap, asc, desc in (
        ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
        ("hhea", "lineGap", "ascent", "descent"),
    ):
        values = font.get_sfnt_table(table)
        if values is not None:
            scale = size / font.get_sfnt_table("head")["unitsPerEm"]
            return values[asc] * scale, -values[desc] * scale, values[gap] * scale
    from matplotlib.textpath import text_to_path

    _, h, d = text_to_path.get_text_width_height_descent("lp", prop, False)
    return h - d, d, 0.0


_FONT_FIELDS = ("family", "style", "variant", "weight", "stretch", "size")  # the path's font key


@lru_cache(maxsize=4096)
def _cached_path(text: str, font: tuple, ha: str, va: str, ma: str, spacing: Any, rc: tuple):
    from matplotlib.font_manager import FontProperties
    from matplotlib.path import Path
    from matplotlib.textpath import TextPath, text_to_path

    prop = FontProperties(**dict(zip(_FONT_FIELDS, font, strict=True)))
    # the line layout of matplotlib's Text (unrotated), in points
    min_a, min_d, gap = _font_metrics(prop)
    lines = text.split("\n")
    if len(lines) == 1:
        gap = 0.0
    y, rows = 0.0, []
    a = d = baseline = 0.0
    for line in lines:
        w, h, d = (0.0,) * 3
        if line:
            w, h, d = text_to_path.get_text_width_height_descent(line, prop, False)
        a = h - d
        if spacing == "normal":
            a, d = max(a, min_a) + gap / 2, max(d, min_d) + gap / 2
        else:
            lead = float(spacing) * (min_a + min_d) - (a + d)
            a, d = a + lead / 2, d + lead / 2
        baseline = a - y
        y -= a
        rows.append((line, w, y))
        y -= d
    width = max(r[1] for r in rows)
    ymin, ymax = rows[-1][2] - d, 0.0
    ox = {"left": 0.0, "right": width}.get(ha, width / 2)
    oy = {
        "bottom": ymin,
        "top": ymax,
        "center": (ymin + ymax) / 2,
        "baseline": ymin + d,
    }.get(va, ymax - baseline / 2)
    parts = []
    for line, w, ly in rows:
        if not line.strip():
            continue
        lx = {"left": 0.0, "right": width - w}.get(ma, (width - w) / 2)
        parts.append(TextPath((lx - ox, ly - oy), line, prop=prop))
    if not parts:
        return Path([[0.0, 0.0]], [Path.MOVETO], readonly=True)
    path = Path.make_compound_path(*parts)
    return Path(path.vertices, path.codes, readonly=True)


def label_path(text: Text):
    """The glyph outlines of ``text`` in points, relative to its anchor (cached)."""
    import matplotlib as mpl

    p = text.get_fontproperties()
    font = (tuple(p.get_family()), *(getattr(p, f"get_{f}")() for f in _FONT_FIELDS[1:]))
    rc = tuple(str(mpl.rcParams[k]) for k in _FONT_RC)
    ma = getattr(text, "_multialignment", None) or text.get_horizontalalignment()
    return _cached_path(
        text.get_text(),
        font,
        text.get_horizontalalignment(),
        text.get_verticalalignment(),
        ma,
        text.get_linespacing(),
        rc,
    )


class TextLayer(Artist):
    """Draws its :class:`LabelText` artists together on Agg canvases.

    Add the texts to the axes as usual (:meth:`add` does both) and the layer with
    ``ax.add_artist``; give the layer the texts' zorder.
    """

    def __init__(self, zorder: float = 6.0) -> None:
        super().__init__()
        self.texts: list[LabelText] = []
        self.set_zorder(zorder)

    def add(self, ax, x: float, y: float, s: str, **kwargs: Any) -> LabelText:
        """Make a :class:`LabelText` on ``ax`` at data ``(x, y)`` (kwargs as for ``ax.text``)."""
        kwargs.setdefault("zorder", self.get_zorder())
        t = LabelText(x, y, s, transform=ax.transData, clip_on=False, **kwargs)
        ax.add_artist(t)
        t.layer = self
        self.texts.append(t)
        return t

    def get_children(self) -> list[Artist]:
        return [*super().get_children(), *self.texts]

    def takes(self, text: Text, renderer) -> bool:
        """Whether the layer draws ``text`` on ``renderer`` (else the text draws itself)."""
        s = text.get_text()
        return (
            self.get_visible()
            and self.axes is not None
            and _is_agg(renderer)
            and text.get_bbox_patch() is None
            and not text.get_path_effects()
            and text.get_rotation() == 0
            and not text.get_usetex()
            and "$" not in s
            and text.get_wrap() is False
        )

    @allow_rasterization
    def draw(self, renderer) -> None:
        from matplotlib.collections import PathCollection
        from matplotlib.colors import to_rgba
        from matplotlib.transforms import Affine2D, IdentityTransform

        if not self.get_visible() or not _is_agg(renderer):
            return
        mine = [
            t
            for t in self.texts
            if t.get_visible() and t.axes is not None and t.get_text() and self.takes(t, renderer)
        ]
        if not mine:
            return
        paths = [label_path(t) for t in mine]
        offsets = [t.get_transform().transform(t.get_unitless_position()) for t in mine]
        colours = [to_rgba(t.get_color(), t.get_alpha()) for t in mine]
        coll = PathCollection(
            paths,
            offsets=offsets,
            offset_transform=IdentityTransform(),
            transform=Affine2D().scale(renderer.points_to_pixels(1.0)),
            facecolors=colours,
            edgecolors="none",
            linewidths=0.0,
            antialiaseds=True,
        )
        coll.set_snap(False)
        coll.set_figure(self.get_figure(root=False))
        coll.draw(renderer)
        self.stale = False
