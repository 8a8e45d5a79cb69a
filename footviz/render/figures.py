"""Figures footviz makes, and what the results holding them share (imports matplotlib).

Every figure footviz makes is a plain :class:`matplotlib.figure.Figure` with an Agg canvas,
never one managed by pyplot: drawing maps in a loop leaves ``plt.get_fignums()`` as it was,
never warns about too many open figures, and a figure is freed when its result is dropped
(or at once with :meth:`FigureResult.close`).  To show a map in a window, draw it into axes
of your own (``fig, ax = plt.subplots(); footviz.plot(ax=ax); plt.show()``).

Results (:class:`~footviz.render.FootMap`, :class:`~footviz.render.chart.Chart`,
:class:`~footviz.render.sheet.AspectSheet`) show themselves exactly once in Jupyter: as an
image with the inline backend (in the formats of ``%config InlineBackend.figure_formats``:
png, retina or svg), and as a live ipympl canvas under ``%matplotlib widget``, so hover and
click work.
"""

from __future__ import annotations

import sys
from typing import Any

from .._internal.atomic import Target

__all__ = ["FigureResult", "ensure_canvas", "new_figure"]

WIDGET_BACKENDS = ("widget", "ipympl", "module://ipympl.backend_nbagg")


def new_figure(figsize: tuple[float, float], dpi: float | None = None):
    """A figure of ``figsize`` inches with an Agg canvas, not managed by pyplot."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize, dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


def ensure_canvas(fig):
    """Give a figure made with plain ``Figure()`` an Agg canvas (text can then be measured);
    a figure that has a real canvas (pyplot's, a widget) keeps it."""
    if not hasattr(fig.canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
    return fig


def _backend() -> str:
    """The selected backend's name, without resolving (and importing) one."""
    mpl = sys.modules.get("matplotlib")
    if mpl is None:
        return ""
    name = mpl.rcParams._get_backend_or_none()  # never triggers backend resolution
    return (name or "").lower()


def widget_backend() -> bool:
    """Whether ``%matplotlib widget`` (ipympl) is the selected backend."""
    return _backend() in WIDGET_BACKENDS


def inline_formats() -> frozenset[str]:
    """The image formats the inline backend is set to show (png when there is none)."""
    inline = sys.modules.get("matplotlib_inline.backend_inline")
    if inline is None:
        return frozenset({"png"})
    try:
        formats = frozenset(str(f).lower() for f in inline.InlineBackend.instance().figure_formats)
    except Exception:  # no IPython config: the default
        return frozenset({"png"})
    return formats if formats & {"png", "retina", "svg"} else frozenset({"png"})


class FigureResult:
    """What footviz results holding a figure share: saving, closing, notebook display.

    A subclass provides :meth:`_result_figure` (the figure, or None before drawing) and
    :meth:`_owns_figure` (False when the figure is the caller's: ``ax=`` or ``fig=``).
    """

    _closed: bool = False
    _widget: Any = None  # the ipympl canvas, once shown under %matplotlib widget

    def _result_figure(self):  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def _owns_figure(self) -> bool:
        return True

    def _live_figure(self):
        from ..errors import FootvizError

        if self._closed:
            raise FootvizError(f"this {type(self).__name__} was closed")
        fig = self._result_figure()
        if fig is None:
            raise FootvizError(f"nothing drawn yet: call {type(self).__name__}.draw() first")
        return fig

    def savefig(self, target: Target, **kwargs: Any) -> Target:
        """Save the figure to a path or binary file object; return ``target``.

        Keywords are those of ``Figure.savefig`` (``format``, ``dpi``, ``bbox_inches``,
        ``metadata``, ``transparent`` ...).  Same input gives the same bytes (PNG, PDF, SVG);
        a path is replaced atomically (see :mod:`footviz.render.output`).
        """
        from .._internal.atomic import check_target, write_bytes
        from .options import check_save_options
        from .output import figure_format, savefig

        check_save_options(kwargs)
        fig = self._live_figure()
        check_target(target)
        if figure_format(fig, target, kwargs.get("format")) == "svg":
            data = self._structured_svg(**kwargs)
            if data is not None:  # zone ids and data attributes (footviz.render.svg)
                return write_bytes(target, data)
        return savefig(fig, target, **kwargs)

    def _structured_svg(self, **kwargs: Any) -> bytes | None:
        """The result's structured SVG (:mod:`footviz.render.svg`), or None where matplotlib's
        own SVG is the one to write (overridden by results that draw zones)."""
        return None

    def close(self) -> None:
        """Release the figure: stop interaction and clear a figure footviz made.

        A figure of your own (given as ``ax=`` or ``fig=``) is left as it is.  Closing twice
        is harmless; saving a closed result raises :class:`~footviz.errors.FootvizError`.
        """
        if self._closed:
            return
        self._disconnect()
        fig = self._result_figure()
        self._closed = True
        if self._widget is not None:
            self._widget.close()  # the notebook's live canvas
            self._widget = None
        if fig is not None and self._owns_figure():
            for ax in list(fig.axes):  # dropped, not cleared: clearing rebuilds every axis
                fig.delaxes(ax)
            fig.clear()

    def _disconnect(self) -> None:
        """Stop event handlers (overridden by results that connect some)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- notebook display
    def _shown_figure(self):
        """The figure to show, or None: nothing drawn, closed, or the figure is the caller's
        (drawn with ``ax=``: the caller shows it, and pyplot may already)."""
        if self._closed or not self._owns_figure():
            return None
        return self._result_figure()

    def _repr_mimebundle_(self, include=None, exclude=None):
        """Under ``%matplotlib widget``: the live ipympl canvas (hover and click work)."""
        fig = self._shown_figure()
        if fig is None or not widget_backend():
            return None  # the _repr_png_ / _repr_svg_ below
        if self._widget is None or fig.canvas is not self._widget:
            from ipympl.backend_nbagg import Canvas, FigureManager

            self._widget = Canvas(fig)  # becomes fig.canvas; event handlers stay connected
            FigureManager(self._widget, 0)  # the canvas needs a manager; pyplot never sees it
        data = self._widget._repr_mimebundle_()
        data["text/plain"] = repr(self)
        return data

    def _repr_png_(self):
        from .output import to_bytes

        fig = self._shown_figure()
        formats = inline_formats()
        if fig is None or widget_backend() or not formats & {"png", "retina"}:
            return None
        if "retina" in formats:
            w, h = fig.get_size_inches() * fig.dpi
            data = to_bytes(fig, "png", dpi=2 * fig.dpi)
            return data, {"width": round(float(w)), "height": round(float(h))}
        return to_bytes(fig, "png")

    def _repr_svg_(self):
        from .output import to_bytes

        fig = self._shown_figure()
        if fig is None or widget_backend() or "svg" not in inline_formats():
            return None
        return to_bytes(fig, "svg").decode("utf-8")
