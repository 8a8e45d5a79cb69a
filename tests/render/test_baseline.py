"""Pixel baselines for what only pixels show: fills, hatching, outlines, the colormap.

Text is removed (made invisible after drawing) so fonts and their hinting never decide a
result; the images are small, at a fixed size and dpi, drawn with matplotlib's default style
on Agg, and compared with a tolerance (RMS over 0-255).

Regenerate the images after an intended change of the drawing, then look at them:

    FOOTVIZ_UPDATE_BASELINES=1 .venv/bin/python -m pytest tests/test_render_baseline.py
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.style
import pytest
from matplotlib.testing.compare import compare_images
from matplotlib.text import Text
from PIL import Image

import footviz
from footviz.render.output import to_bytes

BASELINE = Path(__file__).resolve().parent / "baseline"
UPDATE = os.environ.get("FOOTVIZ_UPDATE_BASELINES") == "1"
DPI = 60
TOLERANCE = 2.0

CASES: dict[str, dict] = {
    # strong highlight over muted zones, highlight outlines on top
    "highlight_left": {
        "feet": "left",
        "highlight": {"Migraine": "migraine"},
        "figsize": (3.0, 3.6),
    },
    # print mode: white zones, two highlight sets told apart by hatching
    "greyscale_hatched": {
        "highlight": {"Head": "head", "Kidneys": ["kidney", "ureter", "bladder"]},
        "greyscale": True,
        "figsize": (5.0, 3.6),
    },
    # heat map: colormapped zones, hatched "no data", the colorbar's gradient
    "heatmap_no_data": {
        "feet": "right",
        "values": {"kidney": 2.0, "liver": 8.0, "heart": 5.0, "lungs": 0.0},
        "vmin": 0,
        "vmax": 10,
        "figsize": (3.6, 3.6),
    },
}


def render(case: str) -> bytes:
    """The PNG of a baseline case, with every text made invisible."""
    with matplotlib.style.context("default"):
        m = footviz.plot(labels=False, legend=False, title="", **CASES[case])
        texts = m.figure.findobj(Text)
        for t in texts:
            t.set_visible(False)
        return to_bytes(m.figure, "png", dpi=DPI)


@pytest.mark.parametrize("case", sorted(CASES))
def test_matches_baseline(case, tmp_path):
    expected = BASELINE / f"{case}.png"
    actual = tmp_path / f"{case}.png"
    actual.write_bytes(render(case))
    if UPDATE:
        expected.parent.mkdir(exist_ok=True)
        expected.write_bytes(actual.read_bytes())
        pytest.skip(f"baseline written: {expected}")
    assert expected.exists(), f"no baseline {expected}; see this module's docstring"
    result = compare_images(str(expected), str(actual), tol=TOLERANCE)
    assert result is None, result


def test_baselines_are_small_fixed_size_images():
    for case, kwargs in CASES.items():
        path = BASELINE / f"{case}.png"
        assert path.stat().st_size < 40_000
        with Image.open(path) as img:
            w, h = img.size
        assert (w, h) == tuple(round(v * DPI) for v in kwargs["figsize"])


def test_a_changed_drawing_fails_the_comparison(tmp_path):
    """The comparison is sharp enough to see one zone in another colour."""
    base = BASELINE / "highlight_left.png"
    with matplotlib.style.context("default"):
        m = footviz.plot(
            labels=False,
            legend=False,
            title="",
            highlight_colours="#0072B2",
            **CASES["highlight_left"],
        )
        for t in m.figure.findobj(Text):
            t.set_visible(False)
        changed = tmp_path / "changed.png"
        changed.write_bytes(to_bytes(m.figure, "png", dpi=DPI))
    assert compare_images(str(base), str(changed), tol=TOLERANCE) is not None
