"""``footviz export --format pixels``: the pixel JSON, its image and label raster."""

from __future__ import annotations

import json

import numpy as np
from PIL import Image

from footviz.cli import main


def test_export_pixels_writes_json_image_and_labels(tmp_path, capsys):
    out = tmp_path / "map.json"
    argv = ["export", "--format", "pixels", "--width", "360", "--height", "640"]
    argv += ["--feet", "left", "--highlight", "kidney", "--lang", "ru", "-o", str(out)]
    assert main(argv) == 0
    printed = capsys.readouterr().out.split("\n")
    assert f"wrote {out}" in printed and f"wrote {tmp_path / 'map.png'}" in printed
    data = json.loads(out.read_text("utf-8"))
    assert data["image"]["width"] == 360 and data["image"]["height"] == 640
    assert data["map"]["lang"] == "ru" and data["map"]["feet"] == ["left"]
    assert {z["foot"] for z in data["zones"]} == {"left"}
    with Image.open(tmp_path / "map.png") as im:
        assert im.size == (360, 640)
    with Image.open(tmp_path / "map.labels.png") as im:
        labels = np.asarray(im)
    assert labels.shape == (640, 360)
    assert set(np.unique(labels)) - {0} <= {z["index"] for z in data["zones"]}
    assert (labels > 0).sum() > 1000


def test_export_pixels_size_follows_the_figure_and_bad_sizes_fail(tmp_path, capsys):
    out = tmp_path / "m.json"
    assert main(["export", "--format", "pixels", "--width", "585", "-o", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["image"]["height"] == 415  # 11.7 x 8.3 inches at 50 dpi
    capsys.readouterr()
    assert main(["export", "--format", "pixels", "--width", "0", "-o", str(out)]) == 1
    assert "width must be" in capsys.readouterr().err
