"""Figures footviz makes are not pyplot's; results close, work as context managers and show
themselves once (inline image or, under ipympl, a live canvas)."""

from __future__ import annotations

import gc
import io
import warnings
import weakref

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import footviz
from footviz.errors import FootvizError
from footviz.render import figures
from footviz.render.labels import anchor_point


def _small():
    return footviz.plot(feet="left", labels=False, legend=False, figsize=(3, 4))


def test_every_result_holds_a_figure_pyplot_does_not_know():
    before = plt.get_fignums()
    results = [
        footviz.plot(feet="left", highlight="kidney"),
        footviz.draw_chart(feet="right"),
        footviz.draw_aspect_sheet(labels=False),
    ]
    for r in results:
        assert type(r.figure) is Figure
        assert isinstance(r.figure.canvas, FigureCanvasAgg)
        assert r.figure.canvas.manager is None  # no pyplot manager, no window
    assert plt.get_fignums() == before


def test_fifty_maps_in_a_loop_leave_pyplot_alone_and_never_warn():
    before = plt.get_fignums()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "More than 20 figures" would fail here
        for _ in range(50):
            m = _small()
            m.savefig(io.BytesIO(), format="png", dpi=20)
    assert plt.get_fignums() == before


def test_a_dropped_map_is_freed():
    m = _small()
    ref = weakref.ref(m.figure)
    del m
    gc.collect()
    assert ref() is None  # pyplot kept every figure alive until plt.close


def test_close_clears_the_figure_and_is_idempotent():
    m = _small()
    fig = m.figure
    assert fig.axes
    m.close()
    assert fig.axes == []
    m.close()
    with pytest.raises(FootvizError, match="FootMap was closed"):
        m.savefig(io.BytesIO(), format="png")
    assert m._repr_png_() is None


def test_context_managers_close():
    with footviz.plot(feet="left", labels=False) as m:
        fig = m.figure
        m.savefig(io.BytesIO(), format="png", dpi=20)
    assert fig.axes == []
    with footviz.draw_chart(feet="left", labels=False) as chart:
        cfig = chart.figure
    assert cfig.axes == []
    with footviz.draw_aspect_sheet(labels=False, legend=False) as sheet:
        sfig = sheet.figure
        assert sheet.savefig(io.BytesIO(), format="png", dpi=20)
    assert sfig.axes == []
    with pytest.raises(FootvizError, match="AspectSheet was closed"):
        sheet.savefig(io.BytesIO(), format="png")


def test_drawing_into_your_axes_uses_your_figure_and_close_leaves_it():
    fig, axes = plt.subplots(1, 2)
    m = footviz.FootMap(feet="left")
    drawn = m.draw(axes[1], highlight="heart", labels=False)
    assert drawn.ax is axes[1] and m.figure is fig
    assert drawn.zones["left"] in axes[1].collections
    assert not axes[0].collections  # the other axes untouched
    assert m._repr_png_() is None  # your figure: shown by you (and pyplot), not twice
    m.close()
    assert fig.axes == list(axes) and drawn.zones["left"] in axes[1].collections
    assert plt.fignum_exists(fig.number)
    chart = footviz.draw_chart(feet="left", labels=False, ax=axes[0])
    assert chart.figure is fig
    chart.close()
    assert axes[0].collections


def test_sheet_on_your_figure_is_left_to_you():
    fig = Figure(figsize=(15, 14.6))
    sheet = footviz.draw_aspect_sheet(labels=False, fig=fig)
    assert sheet.figure is fig
    sheet.close()
    assert fig.axes


def test_close_stops_the_interaction():
    m = footviz.plot(labels=False, figsize=(8, 6))
    m.figure.canvas.draw()
    inter = m.interactive()
    seen = []
    inter.callback = seen.append
    panel = m.artists.layout.panel("left")
    px, py = m.ax.transData.transform(
        panel.to_chart(*anchor_point(m.atlas.shape("kidney", "left").geometry))
    )
    click = MouseEvent("button_press_event", m.figure.canvas, px, py, button=1)
    m.figure.canvas.callbacks.process("button_press_event", click)
    assert len(seen) == 1
    fig = m.figure
    m.close()
    fig.canvas.callbacks.process("button_press_event", click)
    assert len(seen) == 1


def test_inline_display_is_one_png(monkeypatch):
    m = _small()
    monkeypatch.setattr(figures, "inline_formats", lambda: frozenset({"png"}))
    assert m._repr_png_().startswith(b"\x89PNG")
    assert m._repr_svg_() is None  # one image per map, not a PNG and an SVG
    assert m._repr_mimebundle_() is None
    monkeypatch.setattr(figures, "inline_formats", lambda: frozenset({"svg"}))
    assert m._repr_png_() is None and "<svg" in m._repr_svg_()
    monkeypatch.setattr(figures, "inline_formats", lambda: frozenset({"retina"}))
    data, meta = m._repr_png_()
    assert meta == {"width": 300, "height": 400}
    from PIL import Image

    assert Image.open(io.BytesIO(data)).size == (600, 800)
    assert footviz.FootMap()._repr_png_() is None  # nothing drawn yet


# traitlets warns about IPython's and ipympl's own code
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_inline_formats_follow_the_inline_backend_config():
    inline = pytest.importorskip("matplotlib_inline.backend_inline")
    config = inline.InlineBackend.instance()
    saved = set(config.figure_formats)
    try:
        config.figure_formats = {"svg"}
        assert figures.inline_formats() == {"svg"}
    finally:
        config.figure_formats = saved


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_under_ipympl_the_map_is_a_live_canvas(monkeypatch):
    backend = matplotlib.get_backend()
    pytest.importorskip("ipympl")  # importing ipympl selects its backend: put Agg back after
    monkeypatch.setattr(figures, "widget_backend", lambda: True)
    try:
        _live_canvas()
    finally:
        matplotlib.use(backend)
    assert matplotlib.get_backend() == backend


def _live_canvas():
    m = footviz.plot(labels=False, figsize=(8, 6))
    inter = m.interactive()
    assert m._repr_png_() is None and m._repr_svg_() is None  # no dead static copy
    bundle = m._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] == repr(m)
    from ipympl.backend_nbagg import Canvas

    canvas = m.figure.canvas
    assert isinstance(canvas, Canvas) and inter.canvas is canvas
    assert m._repr_mimebundle_()["application/vnd.jupyter.widget-view+json"]  # same widget
    assert m.figure.canvas is canvas
    canvas.draw()
    panel = m.artists.layout.panel("left")
    px, py = m.ax.transData.transform(
        panel.to_chart(*anchor_point(m.atlas.shape("kidney", "left").geometry))
    )
    canvas.callbacks.process(
        "motion_notify_event", MouseEvent("motion_notify_event", canvas, px, py)
    )
    assert inter.tooltip.get_visible() and inter.tooltip.get_text().startswith("Kidney")
    assert plt.get_fignums() == []
    m.close()
