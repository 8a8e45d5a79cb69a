"""Viewports: pixel coordinates to (foot, aspect, x mm, y mm) and back.

A :class:`Viewport` is an affine map between *device* coordinates (pixels with the y axis
pointing down, as on screens and in images) and chart millimetres, plus the chart's
:class:`~footviz.atlas.layout.Layout`, which says where each foot sits.  Constructors cover:

* a footviz figure as drawn (:meth:`Viewport.from_figure` reads a matplotlib Axes, Figure or
  ``Chart``, also as saved with ``bbox_inches="tight"``, which is what Jupyter shows;
  :meth:`Viewport.from_numbers` needs only the figure size, dpi, axes position and limits, so
  servers can map clicks without matplotlib);
* a part of any of those images, or the image shown at another size (:meth:`Viewport.crop`,
  :meth:`Viewport.scaled`);
* an image of the map (:meth:`Viewport.for_image`: pixel size and where the chart sits in it);
* a real foot (:meth:`Viewport.for_foot`: coordinates measured on a foot of a given length and
  width, optionally in pixels of a scan).

Pixels are those of the image as matplotlib's Agg renderer writes it: the origin is the
top-left corner of the top-left pixel, y points down, and pixel ``(col, row)`` covers
``[col, col + 1) x [row, row + 1)`` (its centre is at ``col + 0.5, row + 0.5``).  A figure
``w`` x ``h`` inches saved at ``dpi`` is ``int(w * dpi)`` x ``int(h * dpi)`` pixels (matplotlib
drops the fraction), and the y axis is flipped at that whole height.

This module never imports matplotlib at import time; :meth:`Viewport.from_figure` only reads
attributes of the objects it is given (and matplotlib's ``savefig.pad_inches`` setting).

Scalars and arrays: the coordinate transforms (:meth:`Viewport.to_chart`,
:meth:`~Viewport.from_chart`, :meth:`~Viewport.to_device`) follow one rule: scalars in give
Python floats out, arrays (or sequences) in give float arrays of the broadcast shape out.
:meth:`~Viewport.to_foot` and :meth:`~Viewport.hit` take one point; :meth:`~Viewport.hit_many`
takes arrays and returns a :class:`~footviz.hit.index.HitArray`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from ..atlas.layout import Layout, Panel
from ..atlas.model import check_choice
from ..atlas.vocabulary import ASPECTS, FEET
from .inputs import as_coords

if TYPE_CHECKING:  # pragma: no cover
    from ..atlas import Atlas
    from .results import HitArray, HitResult

__all__ = ["FootPoint", "Viewport"]


class FootPoint(NamedTuple):
    """A device point located on a foot: the foot, the aspect and foot-frame mm."""

    foot: str
    aspect: str
    x: float
    y: float


def _number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number, got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return number


def _positive(name: str, value: object) -> float:
    number = _number(name, value)
    if number <= 0:
        raise ValueError(f"{name} must be positive, got {value!r}")
    return number


def _items(name: str, value: object, n: int) -> tuple[object, ...]:
    """``value`` as exactly ``n`` items (not yet checked to be numbers)."""
    try:
        items = tuple(value)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{name} must be {n} numbers, got {value!r}") from None
    if len(items) != n:
        raise ValueError(f"{name} must be {n} numbers, got {value!r}")
    return items


def _quad(name: str, value: object) -> tuple[float, float, float, float]:
    return tuple(_number(name, v) for v in _items(name, value, 4))  # type: ignore[return-value]


def _pair(name: str, value: object) -> tuple[float, float]:
    a, b = (_number(name, v) for v in _pair_any(name, value))
    if a == b:
        raise ValueError(f"{name} must span a non-empty range, got {value!r}")
    return a, b


def _box_affine(box, x0: float, x1: float, y0: float, y1: float) -> tuple[float, ...]:
    """Chart mm -> pixels for chart bounds shown in a pixel box (left, top, width, height):
    ``u = left + (cx - x0) * sx``, ``v = top + height - (cy - y0) * sy`` (y down)."""
    bl, bt, bw, bh = box
    sx, sy = bw / (x1 - x0), bh / (y1 - y0)
    return (sx, 0.0, bl - x0 * sx, 0.0, -sy, bt + bh + y0 * sy)


def _fit(box: tuple[float, float, float, float], dx: float, dy: float) -> tuple[float, ...]:
    """Shrink ``box`` (left, top, width, height) to the aspect of dx:dy, centred."""
    left, top, width, height = box
    scale = min(width / abs(dx), height / abs(dy))
    w, h = scale * abs(dx), scale * abs(dy)
    return (left + (width - w) / 2, top + (height - h) / 2, w, h)


@dataclass(frozen=True)
class Viewport:
    """Device pixels (y down) <-> chart mm <-> (foot, aspect, foot-frame mm).

    Parameters
    ----------
    matrix : 6 floats ``(a, b, c, d, e, f)``
        Chart mm to device: ``u = a * cx + b * cy + c``, ``v = d * cx + e * cy + f``.
    layout : Layout
        Where each foot sits on the chart.
    size : (width, height), optional
        The device area in pixels when known (the image a constructor describes); not part
        of equality.
    """

    matrix: tuple[float, float, float, float, float, float]
    layout: Layout
    size: tuple[float, float] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.layout, Layout):
            raise TypeError(
                f"layout must be a footviz.atlas.layout.Layout, got {type(self.layout).__name__}"
            )
        if self.size is not None:
            size = tuple(_positive("size", v) for v in _pair_any("size", self.size))
            object.__setattr__(self, "size", size)
        a, b, _, d, e, _ = self.matrix
        if not math.isfinite(a * e - b * d) or a * e - b * d == 0:
            raise ValueError(f"matrix {self.matrix!r} is not invertible")

    # -------------------------------------------------------------- constructors
    @classmethod
    def from_numbers(
        cls,
        figsize: tuple[float, float],
        dpi: float,
        axes_position: tuple[float, float, float, float],
        xlim: tuple[float, float],
        ylim: tuple[float, float],
        layout: Layout,
        *,
        equal_aspect: bool = True,
    ) -> Viewport:
        """A figure described by numbers only (no matplotlib needed).

        Parameters
        ----------
        figsize : (width, height)
            Figure size in inches.
        dpi : float
            Dots per inch of the saved or shown figure.
        axes_position : (left, bottom, width, height)
            The axes box in figure fractions, as given to ``fig.add_axes`` (matplotlib's
            ``ax.get_position(original=True)``).
        xlim, ylim : (low, high)
            Data limits of the axes in chart mm.
        layout : Layout
        equal_aspect : bool
            The axes use ``set_aspect("equal")`` (as :func:`footviz.draw_chart` does): the
            box shrinks to equal scales, centred, as matplotlib does when drawing.
        """
        fw, fh = (_positive("figsize", v) for v in _pair_any("figsize", figsize))
        dpi = _positive("dpi", dpi)
        left, bottom, width, height = _quad("axes_position", axes_position)
        x0, x1 = _pair("xlim", xlim)
        y0, y1 = _pair("ylim", ylim)
        W, H = fw * dpi, fh * dpi
        rows = _raster(H)  # the y axis flips at the image's whole height
        box = (left * W, rows - (bottom + height) * H, width * W, height * H)  # top-left origin
        if equal_aspect:
            box = _fit(box, x1 - x0, y1 - y0)
        return cls(_box_affine(box, x0, x1, y0, y1), layout, (_raster(W), rows))

    @classmethod
    def from_figure(
        cls,
        obj: Any,
        layout: Layout | None = None,
        *,
        dpi: float | None = None,
        bbox_inches: Any = None,
        pad_inches: float | None = None,
    ) -> Viewport:
        """The viewport of a drawn matplotlib figure, as saved or shown.

        Parameters
        ----------
        obj : matplotlib Axes, Figure or footviz Chart
            For a Figure, its first axes; a ``Chart`` (from :func:`footviz.draw_chart`)
            brings its own layout, as does a drawn :class:`~footviz.render.FootMap`.
        layout : Layout, optional
            Required unless ``obj`` brings one.
        dpi : float, optional
            Pixels per inch of the image the clicks come from (default: the figure's dpi).
        bbox_inches : "tight" or matplotlib Bbox, optional
            The image was saved with ``savefig(bbox_inches=...)``: ``"tight"`` (what Jupyter's
            inline backend shows) crops the figure to ``fig.get_tightbbox()`` worked out at
            ``dpi``, grown by ``pad_inches``, as matplotlib does; a ``Bbox`` (inches) crops to it.
        pad_inches : float, optional
            The padding of a tight box in inches (default: ``rcParams["savefig.pad_inches"]``).

        The viewport's :attr:`size` is the saved image's size in pixels.
        """
        ax = obj
        if hasattr(obj, "layout") and hasattr(obj, "ax") and hasattr(obj, "figure"):
            ax, layout = obj.ax, layout or obj.layout
        elif hasattr(obj, "axes") and hasattr(obj, "dpi") and not hasattr(obj, "transData"):
            if not obj.axes:
                raise ValueError("the figure has no axes")
            ax = obj.axes[0]
        if not hasattr(ax, "transData") or not hasattr(ax, "apply_aspect"):
            raise TypeError(
                f"expected a matplotlib Axes, Figure or footviz Chart, got {type(obj).__name__}"
            )
        if layout is None:
            raise TypeError(
                "layout is required (the footviz.atlas.layout.Layout the chart was drawn with)"
            )
        fig = ax.figure
        ax.apply_aspect()  # what drawing does: settle the box of an equal-aspect axes
        if not ax.transData.is_affine:
            raise ValueError("only linear axes scales can be mapped to the chart")
        m = ax.transData.get_matrix()  # chart -> display pixels at fig.dpi, y up
        out_dpi = float(fig.dpi) if dpi is None else _positive("dpi", dpi)
        scale = out_dpi / fig.dpi
        x0 = y0 = 0.0
        width, height = fig.bbox.width * scale, fig.bbox.height * scale
        if bbox_inches is not None:
            box = _saved_box(fig, out_dpi, bbox_inches, pad_inches)  # inches
            x0, y0 = box[0] * out_dpi, box[1] * out_dpi
            width, height = (box[2] - box[0]) * out_dpi, (box[3] - box[1]) * out_dpi
        cols, rows = _raster(width), _raster(height)
        a, b, c = (scale * m[0, 0], scale * m[0, 1], scale * m[0, 2] - x0)
        d, e, f = (-scale * m[1, 0], -scale * m[1, 1], rows - (scale * m[1, 2] - y0))
        matrix = tuple(float(v) for v in (a, b, c, d, e, f))
        return cls(matrix, layout, (cols, rows))  # type: ignore[arg-type]

    @classmethod
    def for_image(
        cls,
        size: tuple[int, int],
        layout: Layout,
        *,
        bounds: tuple[float, float, float, float] | None = None,
        placement: tuple[float, float, float, float] | None = None,
        keep_aspect: bool = True,
    ) -> Viewport:
        """An image of the map: ``size`` (width, height) px showing chart ``bounds``.

        Parameters
        ----------
        bounds : (xmin, ymin, xmax, ymax), optional
            Chart mm shown (default: ``layout.chart_bounds``).
        placement : (left, top, width, height), optional
            Pixel box of the image the bounds fill (default: the whole image).
        keep_aspect : bool
            Equal scales on both axes, the chart centred in the placement box.
        """
        w, h = (_positive("size", v) for v in _pair_any("size", size))
        x0, y0, x1, y1 = _quad("bounds", bounds if bounds is not None else layout.chart_bounds)
        box = _quad("placement", placement) if placement is not None else (0.0, 0.0, w, h)
        if box[2] <= 0 or box[3] <= 0:
            raise ValueError(f"placement width and height must be positive, got {placement!r}")
        if x1 == x0 or y1 == y0:
            raise ValueError(f"bounds must span a non-empty area, got {bounds!r}")
        if keep_aspect:
            box = _fit(box, x1 - x0, y1 - y0)
        return cls(_box_affine(box, x0, x1, y0, y1), layout, (w, h))

    @classmethod
    def for_foot(
        cls,
        atlas: Atlas,
        length: float,
        width: float | None = None,
        *,
        foot: str = "left",
        aspect: str = "plantar",
        pixels_per_mm: float = 1.0,
        origin: tuple[float, float] = (0.0, 0.0),
        mirrored: bool = False,
        y_down: bool = False,
    ) -> Viewport:
        """Coordinates on a real foot ``length`` mm long (``width`` mm across the ball).

        Device coordinates are the real foot's own frame in mm (heel at y = 0, long axis at
        x = 0, medial side +x), times ``pixels_per_mm``, shifted by ``origin``; ``mirrored``
        flips x (a photo with the medial side on the left), ``y_down`` flips y (image rows).
        """
        from ..atlas.frame import ReferenceFoot

        foot = check_choice("foot", foot, FEET)
        aspect = check_choice("aspect", aspect, ASPECTS)
        sx, sy = ReferenceFoot.from_atlas(atlas).scale_factors(length, width)
        ppm = _positive("pixels_per_mm", pixels_per_mm)
        ou, ov = (_number("origin", v) for v in _pair_any("origin", origin))
        panel = Panel(foot, aspect, False, 0.0, 0.0, tuple(atlas.outline(foot, aspect).bounds))
        a = ppm * sx * (-1.0 if mirrored else 1.0)
        e = ppm * sy * (-1.0 if y_down else 1.0)
        return cls((a, 0.0, ou, 0.0, e, ov), Layout((panel,)))

    # -------------------------------------------------------------- other images
    def crop(
        self,
        left: float,
        top: float,
        width: float | None = None,
        height: float | None = None,
    ) -> Viewport:
        """The viewport of a part of this image: the box whose top-left corner is pixel
        ``(left, top)`` of this image becomes the new image (``width`` x ``height`` pixels,
        default: the rest of the image).  Negative ``left``/``top`` pad the image instead
        (a letterbox)."""
        left, top = _number("left", left), _number("top", top)
        old = self.size
        if width is None:
            width = None if old is None else old[0] - left
        if height is None:
            height = None if old is None else old[1] - top
        size = None
        if width is not None or height is not None:
            if width is None or height is None:
                raise ValueError("give both width and height (this viewport has no size)")
            size = (_positive("width", width), _positive("height", height))
        a, b, c, d, e, f = self.matrix
        return Viewport((a, b, c - left, d, e, f - top), self.layout, size)

    def scaled(self, factor: float, factor_y: float | None = None) -> Viewport:
        """The viewport of this image shown ``factor`` times its size (``0.5``: a retina
        image shown at half its pixels; ``factor_y`` for a different vertical factor)."""
        sx = _positive("factor", factor)
        sy = sx if factor_y is None else _positive("factor_y", factor_y)
        a, b, c, d, e, f = self.matrix
        size = None if self.size is None else (self.size[0] * sx, self.size[1] * sy)
        return Viewport((a * sx, b * sx, c * sx, d * sy, e * sy, f * sy), self.layout, size)

    # -------------------------------------------------------------- chart mm <-> device
    def _inverse(self) -> tuple[float, float, float, float, float, float]:
        a, b, c, d, e, f = self.matrix
        det = a * e - b * d
        ia, ib, id_, ie = e / det, -b / det, -d / det, a / det
        return (ia, ib, -(ia * c + ib * f), id_, ie, -(id_ * c + ie * f))

    def to_chart(self, u, v):
        """Device pixels to chart mm: floats for scalars, arrays for arrays."""
        return _affine(self._inverse(), "u", u, "v", v)

    def from_chart(self, cx, cy):
        """Chart mm to device pixels: floats for scalars, arrays for arrays."""
        return _affine(self.matrix, "cx", cx, "cy", cy)

    @property
    def pixels_per_mm(self) -> float:
        """Device units per chart millimetre (geometric mean of both axes)."""
        a, b, _, d, e, _ = self.matrix
        return math.sqrt(abs(a * e - b * d))

    # -------------------------------------------------------------- device <-> feet
    def _panel(self, foot: str, aspect: str | None) -> Panel:
        foot = check_choice("foot", foot, FEET)
        if aspect is not None:
            aspect = check_choice("aspect", aspect, ASPECTS)
        for p in self.layout.panels:
            if p.foot == foot and (aspect is None or p.aspect == aspect):
                return p
        have = ", ".join(f"{p.foot} {p.aspect}" for p in self.layout.panels)
        raise ValueError(f"this viewport shows no {foot} foot {aspect or ''} (it shows: {have})")

    def to_foot(self, u: float, v: float, tolerance: float = 0.0) -> FootPoint | None:
        """The foot, aspect and foot-frame mm under device point ``(u, v)``; None off every
        foot (a point counts as on a foot within its outline's bounds grown by
        ``tolerance`` mm; the first panel of the layout wins)."""
        cx, cy = self.to_chart(_number("u", u), _number("v", v))
        cx, cy = float(cx), float(cy)
        tol = _number("tolerance", tolerance)
        for p in self.layout.panels:
            x0, y0, x1, y1 = p.chart_bounds
            if x0 - tol <= cx <= x1 + tol and y0 - tol <= cy <= y1 + tol:
                x, y = p.from_chart(cx, cy)
                return FootPoint(p.foot, p.aspect, float(x), float(y))
        return None

    def to_device(self, foot: str, x, y, aspect: str | None = None):
        """Foot-frame mm of ``foot`` (and ``aspect``) to device pixels: floats for scalars,
        arrays for arrays."""
        xa, ya = as_coords("x", x), as_coords("y", y)
        cx, cy = self._panel(foot, aspect).to_chart(xa, ya)
        u, v = self.from_chart(np.asarray(cx, float), np.asarray(cy, float))
        if xa.ndim == 0 and ya.ndim == 0:
            return float(u), float(v)
        return u, v

    # -------------------------------------------------------------- hit-testing
    def hit(self, atlas: Atlas, u: float, v: float, tolerance: float = 0.0) -> HitResult | None:
        """The zone under device point ``(u, v)``; ``tolerance`` in mm of the chart."""
        cx, cy = self.to_chart(_number("u", u), _number("v", v))
        return atlas.hit_chart(float(cx), float(cy), self.layout, tolerance)

    def hit_many(self, atlas: Atlas, u, v, tolerance: float = 0.0) -> HitArray:
        """Vectorised :meth:`hit`: arrays of device points in, a
        :class:`~footviz.hit.index.HitArray` out."""
        cx, cy = self.to_chart(u, v)  # scalars give a HitArray of shape ()
        return atlas.hit_chart_many(cx, cy, self.layout, tolerance)


def _raster(pixels: float) -> int:
    """Whole pixels of an image ``pixels`` wide, as matplotlib counts them (the fraction is
    dropped, except within 1e-8 of the next whole pixel)."""
    return int(pixels + 1e-8)


def _saved_box(fig: Any, dpi: float, bbox_inches: Any, pad_inches: Any):
    """``(x0, y0, x1, y1)`` in inches of the part of ``fig`` that ``savefig`` writes."""
    if isinstance(bbox_inches, str):
        if bbox_inches != "tight":
            raise ValueError(f"bbox_inches must be 'tight' or a Bbox, got {bbox_inches!r}")
        box = _tight_box(fig, dpi)
        if pad_inches is None:
            import matplotlib as mpl

            pad_inches = mpl.rcParams["savefig.pad_inches"]
        pad = _number("pad_inches", pad_inches)
        x0, y0, x1, y1 = box
        return (x0 - pad, y0 - pad, x1 + pad, y1 + pad)
    bounds = getattr(bbox_inches, "bounds", None)
    if bounds is None:
        raise TypeError(
            f"bbox_inches must be 'tight' or a matplotlib Bbox (inches), got {bbox_inches!r}"
        )
    x0, y0, w, h = _quad("bbox_inches", bounds)
    if w <= 0 or h <= 0:
        raise ValueError(f"bbox_inches must have a positive size, got {bbox_inches!r}")
    return (x0, y0, x0 + w, y0 + h)


def _tight_box(fig: Any, dpi: float) -> tuple[float, float, float, float]:
    """``fig.get_tightbbox()`` in inches as ``savefig(dpi=dpi, bbox_inches="tight")`` finds
    it: the figure is laid out (drawn without output) at ``dpi`` first."""
    canvas = fig.canvas
    if not hasattr(canvas, "get_renderer"):
        raise TypeError(
            f"the figure's canvas ({type(canvas).__name__}) cannot measure text; "
            "give the figure an Agg canvas (footviz figures have one)"
        )
    old_dpi, manager = fig.dpi, getattr(canvas, "manager", None)
    try:
        canvas.manager = None  # savefig does not resize a window either
        fig.dpi = dpi
        fig.draw_without_rendering()
        box = fig.get_tightbbox(canvas.get_renderer())
    finally:
        fig.dpi = old_dpi
        canvas.manager = manager
    x0, y0, x1, y1 = (float(v) for v in box.extents)
    return (x0, y0, x1, y1)


def _affine(m, uname: str, u, vname: str, v):
    """``(a u + b v + c, d u + e v + f)``: floats for scalars, arrays for arrays."""
    a, b, c, d, e, f = m
    uu, vv = as_coords(uname, u), as_coords(vname, v)
    x, y = a * uu + b * vv + c, d * uu + e * vv + f
    if uu.ndim == 0 and vv.ndim == 0:
        return float(x), float(y)
    return x, y


def _pair_any(name: str, value: object) -> tuple[object, object]:
    a, b = _items(name, value, 2)
    return a, b
