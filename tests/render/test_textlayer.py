"""Labels drawn in one pass on raster canvases, as real text in PDFs."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pypdf
import pytest
from matplotlib.text import Text

import footviz
from footviz.render.textlayer import LabelText, TextLayer, label_path


def _ink(fig, bbox, dpi):
    """Share of dark pixels of a rendered figure inside a display bbox (at ``dpi``)."""
    fig.set_dpi(dpi)
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())[..., :3].mean(axis=2)
    h = img.shape[0]
    x0, x1 = int(bbox.x0), int(np.ceil(bbox.x1))
    y0, y1 = int(h - np.ceil(bbox.y1)), int(h - bbox.y0)
    return (img[y0:y1, x0:x1] < 128).mean()


def test_map_labels_are_texts_drawn_by_one_layer():
    m = footviz.plot(feet="left", figsize=(6, 7))
    drawn = m.artists
    layer = drawn.text_layer
    assert isinstance(layer, TextLayer) and layer in m.ax.get_children()
    for t in drawn.labels.values():
        assert isinstance(t, LabelText) and t.layer is layer and t in m.ax.texts
    renderer = m.figure.canvas.get_renderer()
    assert all(layer.takes(t, renderer) for t in drawn.labels.values())


def test_batched_text_lands_in_the_text_extent():
    fig = plt.figure(figsize=(3, 1.5), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 5)
    layer = TextLayer()
    ax.add_artist(layer)
    t = layer.add(ax, 5, 2.5, "Hypothalamus\nand gland", ha="center", va="center", fontsize=12)
    plain = ax.text(5, 2.5, "Hypothalamus\nand gland", ha="center", va="center", fontsize=12)
    plain.set_visible(False)
    fig.canvas.draw()
    bb = t.get_window_extent(fig.canvas.get_renderer())
    assert bb.width > 50 and bb.height > 20
    inside = _ink(fig, bb, 100)
    whole = _ink(fig, fig.bbox, 100)
    assert inside > 0.05  # the glyphs are there ...
    assert whole * fig.bbox.width * fig.bbox.height == pytest.approx(
        inside * bb.width * bb.height, rel=0.1
    )  # ... and nowhere else
    # the outline is the glyphs of the text, centred on its anchor like a Text would be
    ext = label_path(t).get_extents()
    assert abs((ext.x0 + ext.x1) / 2) < 1.0 and abs((ext.y0 + ext.y1) / 2) < 2.0


def test_boxed_texts_draw_themselves():
    m = footviz.plot(feet="left", highlight="kidney", labels="highlighted", numbered=True)
    renderer = m.figure.canvas.get_renderer()
    boxed = [t for t in m.artists.labels.values() if t.get_bbox_patch() is not None]
    assert boxed and not any(m.artists.text_layer.takes(t, renderer) for t in boxed)


def test_pdf_keeps_real_text():
    m = footviz.plot(feet="left", figsize=(6, 7))
    buf = io.BytesIO()
    m.figure.savefig(buf, format="pdf")
    text = pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages[0].extract_text()
    for word in ("Kidney", "Hypothalamus", "Left foot"):
        assert word in text


def test_label_text_is_a_text():
    _, ax = plt.subplots()
    t = TextLayer().add(ax, 0.5, 0.5, "x")
    assert isinstance(t, Text) and t.get_text() == "x" and t.get_zorder() == 6


def test_importing_the_render_layer_leaves_matplotlib_unloaded():
    import subprocess
    import sys

    code = "import sys, footviz.render; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
