"""Deterministic files and notebook display."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest

import footviz
from footviz.render.output import to_bytes


def _map():
    return footviz.plot(feet="left", highlight="kidney", figsize=(4, 5))


@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_same_input_same_bytes(fmt, tmp_path):
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    _map().savefig(a)
    _map().savefig(b)
    assert a.read_bytes() == b.read_bytes()
    data = a.read_bytes()
    assert b"CreationDate" not in data and b"<dc:date>" not in data


def test_notebook_reprs():
    m = _map()
    assert m._repr_png_().startswith(b"\x89PNG")
    svg = m._repr_svg_()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert footviz.render.FootMap()._repr_png_() is None


def test_failed_save_leaves_no_file(tmp_path):
    m = _map()
    with pytest.raises(ValueError):
        m.savefig(tmp_path / "x.nosuchformat")
    assert list(tmp_path.iterdir()) == []


def test_to_bytes_png():
    assert to_bytes(_map().figure, "png")[:4] == b"\x89PNG"
