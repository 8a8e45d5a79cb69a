"""Pixel space: a drawn map's zones in the pixels of a W x H image, its PNG and label raster."""

from __future__ import annotations

import io
import itertools
import json

import numpy as np
import pytest
from PIL import Image
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.ops import unary_union

from footviz import FootvizError
from footviz.errors import BadTypeError, BadValueError
from footviz.hit.viewport import Viewport
from footviz.render import FootMap
from footviz.render import pixels as px


@pytest.fixture(scope="module")
def fmap():
    m = FootMap()
    m.draw(labels=False)
    yield m
    m.close()


def _rgba(png: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(png)) as im:
        return np.asarray(im.convert("RGBA"))


def _geometry(zone: dict) -> MultiPolygon:
    return MultiPolygon([Polygon(p[0], p[1:]) for p in zone["polygons"]])


def _colour(hexcode: str) -> np.ndarray:
    return np.array([int(hexcode[i : i + 2], 16) for i in (1, 3, 5)])


@pytest.fixture(scope="module")
def profile():
    m = FootMap(aspect="medial", layout="practitioner")  # panels turned and mirrored
    m.draw(labels=False)
    yield m
    m.close()


@pytest.mark.parametrize("which", ["fmap", "profile"])
def test_rings_hold_the_pixels_of_their_zone_in_the_png(request, which):
    fmap = request.getfixturevalue(which)
    w, h = 900, 700  # another aspect ratio than the figure's: letterboxed
    data = fmap.pixel_zones(w, h)
    img = _rgba(px.pixel_image(fmap, w, h))
    assert img.shape == (h, w, 4)
    left, top, cols, rows = data["image"]["content"]
    assert (left, top, cols, rows) != (0, 0, w, h) and cols <= w and rows <= h
    assert (left, cols) == (0, w) or (top, rows) == (0, h)
    white = np.ones((h, w), bool)
    white[top : top + rows, left : left + cols] = False
    assert (img[white][:, :3] == 255).all()  # the letterbox: the figure's background
    checked = 0
    above: dict[str, list] = {"left": [], "right": []}
    for zone in data["zones"]:  # hit order: smallest first, drawn on top of the larger ones
        geom = _geometry(zone)
        covered = unary_union(above[zone["foot"]]) if above[zone["foot"]] else None
        above[zone["foot"]].append(geom)
        seen = geom if covered is None else geom.difference(covered)
        inner = seen.buffer(-3.0)  # clear of the zone edges and the foot outline
        if inner.is_empty or inner.area < 4:
            continue
        p = inner.representative_point()
        pixel = img[int(p.y), int(p.x), :3]
        drawn = fmap.artists.facecolor(zone["id"], zone["foot"])
        np.testing.assert_allclose(pixel / 255, drawn[:3], atol=2 / 255)
        assert (abs(pixel.astype(int) - _colour(zone["colour"])) <= 2).all()
        checked += 1
    assert checked >= 20


def test_pixel_transforms_are_the_drawn_collections_transforms(fmap):
    frame = px.pixel_frame(fmap, 1080, 1920)
    data = fmap.pixel_zones(1080, 1920)
    fig = fmap.figure
    k = frame.dpi / fig.dpi
    left, top, _, rows = frame.content
    display_to_image = np.array([[k, 0, left], [0, -k, top + rows], [0, 0, 1]])
    for foot_entry in data["feet"]:
        coll = fmap.artists.zones[foot_entry["foot"]]
        m = display_to_image @ coll.get_transform().get_matrix()
        a, b, c, d, e, f = foot_entry["foot_to_pixels"]
        np.testing.assert_allclose([[a, b, c], [d, e, f]], m[:2], rtol=1e-12, atol=1e-9)
    assert frame.viewport.size == (1080, 1920)
    assert tuple(data["chart_to_pixels"]) == frame.viewport.matrix


def test_figure_size_times_dpi_is_the_image_and_the_png_is_savefigs(fmap):
    fw, fh = fmap.figure.get_size_inches()
    w, h = round(fw * 100), round(fh * 100)  # 1170 x 830: the figure's own aspect ratio
    frame = px.pixel_frame(fmap, w, h, letterbox=False)
    assert frame.content == (0, 0, w, h) and not frame.letterboxed
    assert frame.dpi == pytest.approx(100)
    buf = io.BytesIO()
    fmap.savefig(buf, format="png", dpi=frame.dpi)
    assert px.pixel_image(fmap, w, h) == buf.getvalue()
    with pytest.raises(BadValueError, match=r"height must be .*letterbox=True"):
        px.pixel_frame(fmap, 1080, 1920, letterbox=False)


def test_label_raster_agrees_with_atlas_hit(fmap):
    atlas = fmap.atlas
    raster = fmap.label_raster(600, 800)
    assert raster.array.shape == (800, 600) and raster.array.dtype == np.uint8
    png = raster.to_png()
    with Image.open(io.BytesIO(png)) as im:
        assert im.mode == "P" and im.size == (600, 800)
        np.testing.assert_array_equal(np.asarray(im), raster.array)
        # palette entry of a zone's index is its drawn colour
        palette = im.getpalette()
    some = next(iter(raster.key))
    assert palette[3 * some : 3 * some + 3] == list(_colour(raster.key[some]["colour"]))
    with pytest.raises(BadValueError, match="col must be a finite number from 0 to 599"):
        raster.zone_at(600, 0)
    vp = raster.frame.viewport
    rng = np.random.default_rng(12)
    cols, rows = rng.integers(0, 600, 4000), rng.integers(0, 800, 4000)
    hits = 0
    for col, row in zip(cols.tolist(), rows.tolist(), strict=True):
        fp = vp.to_foot(col + 0.5, row + 0.5)
        found = atlas.hit(fp.x, fp.y, fp.foot, fp.aspect) if fp is not None else None
        entry = raster.zone_at(col, row)
        if found is None:
            assert entry is None, (col, row)
        else:
            hits += 1
            assert entry is not None, (col, row)
            assert (entry["id"], entry["foot"], entry["aspect"]) == found.primary.key
    assert hits > 300


def _inside(rings: list, x: float, y: float) -> bool:
    """Plain even-odd ray casting over a polygon's rings (what an app would write)."""
    odd = False
    for ring in rings:
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                odd = not odd
    return odd


def _device_hit(zones: list, x: float, y: float):
    for zone in zones:
        x0, y0, x1, y1 = zone["bbox"]
        if x0 <= x <= x1 and y0 <= y <= y1 and any(_inside(p, x, y) for p in zone["polygons"]):
            return zone["id"], zone["foot"]
    return None


def test_a_1080x1920_export_answers_taps_as_footviz_does(fmap):
    """Ship the JSON with a 1080 x 1920 image; a tap hit-tested over its rings in plain
    Python gets the zone footviz gives for that pixel."""
    text = px.pixel_json(fmap.pixel_zones(1080, 1920))
    data = json.loads(text)  # all a device has
    assert data["image"]["width"] == 1080 and data["image"]["height"] == 1920
    vp = Viewport(tuple(data["chart_to_pixels"]), fmap.layout)
    edges = unary_union([_geometry(z).boundary for z in data["zones"]])
    left, top, cols, rows = data["image"]["content"]
    rng = np.random.default_rng(7)
    us = rng.uniform(left, left + cols, 1500)
    vs = rng.uniform(top, top + rows, 1500)
    agreed = zoned = 0
    for u, v in zip(us.tolist(), vs.tolist(), strict=True):
        if edges.distance(Point(u, v)) < 0.01:  # within the JSON's rounding of an edge
            continue
        found = vp.hit(fmap.atlas, u, v)
        expected = None if found is None else (found.primary.zone.id, found.foot)
        assert _device_hit(data["zones"], u, v) == expected, (u, v)
        agreed += 1
        zoned += expected is not None
    assert agreed > 1400 and zoned > 300


def test_json_carries_names_organs_and_the_rule_in_the_maps_language():
    m = FootMap(lang="ru", feet="left")
    m.draw(labels=False, highlight="kidney")
    data = m.pixel_zones(400, 600)
    json.dumps(data, allow_nan=False)  # JSON-ready as it is
    assert data["map"] == {
        "feet": ["left"],
        "aspect": "plantar",
        "layout": "self",
        "lang": "ru",
        "title": m.atlas.title("ru"),
    }
    assert {z["foot"] for z in data["zones"]} == {"left"}
    kidney = next(z for z in data["zones"] if z["id"] == "kidney")
    zone = m.atlas.zone("kidney")
    assert kidney["name"] == zone.name("ru") and kidney["organs"] == list(zone.organs)
    assert kidney["organ_names"] == [m.atlas.organs[o].name("ru") for o in zone.organs]
    assert data["rule"]["y"] == "down" and "col + 0.5" in data["rule"]["pixel"]
    areas = [_geometry(z).area for z in data["zones"]]
    assert areas == sorted(areas)  # hit order: the smallest covering zone first
    assert [z["index"] for z in data["zones"]] == list(range(1, len(areas) + 1))
    m.close()


def test_same_map_same_bytes(fmap):
    other = FootMap()
    other.draw(labels=False)
    try:
        for a, b in ((fmap, other),):
            assert px.pixel_json(a.pixel_zones(500, 500)) == px.pixel_json(b.pixel_zones(500, 500))
            assert px.pixel_image(a, 500, 500) == px.pixel_image(b, 500, 500)
            assert a.label_raster(300, 200).to_png() == b.label_raster(300, 200).to_png()
    finally:
        other.close()


def test_save_pixels_writes_json_image_and_labels_beside_it(fmap, tmp_path):
    out = fmap.save_pixels(tmp_path / "map.json", 320, 480)
    assert out == {
        "json": str(tmp_path / "map.json"),
        "image": str(tmp_path / "map.png"),
        "labels": str(tmp_path / "map.labels.png"),
    }
    data = json.loads((tmp_path / "map.json").read_text("utf-8"))
    assert data["image"]["file"] == "map.png" and data["labels"]["file"] == "map.labels.png"
    assert (tmp_path / "map.png").read_bytes() == px.pixel_image(fmap, 320, 480)
    with Image.open(tmp_path / "map.labels.png") as im:
        np.testing.assert_array_equal(np.asarray(im), fmap.label_raster(320, 480).array)
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(BadValueError, match=r"path must be a \.json file name"):
        fmap.save_pixels(other / "map.png", 320, 480)
    assert list(other.iterdir()) == []  # refused before anything was written


@pytest.mark.parametrize(
    ("width", "height", "error", "words"),
    [
        (0, 100, BadValueError, "width must be"),
        (15, 100, BadValueError, "width must be a finite number from 16 to 8192 pixels"),
        (100.5, 100, BadValueError, "width must be a whole number of pixels from 16"),
        ("100", 100, BadTypeError, "width must be"),
        (True, 100, BadTypeError, "width must be"),
        (100, None, BadTypeError, "height must be"),
        (100, 10**5, BadValueError, "height must be"),
        (100, float("nan"), BadValueError, "height must be"),
        (8000, 8000, BadValueError, "height must be at most 40,000,000 pixels"),
    ],
)
def test_bad_sizes_are_refused_naming_the_parameter(fmap, width, height, error, words):
    with pytest.raises(error, match=words):
        fmap.pixel_zones(width, height)


def test_bad_options_and_undrawn_maps_are_refused(fmap):
    with pytest.raises(BadValueError, match="decimals must be"):
        fmap.pixel_zones(100, 100, decimals=9)
    with pytest.raises(BadTypeError, match="letterbox must be True or False"):
        fmap.pixel_zones(100, 100, letterbox="no")
    with pytest.raises(FootvizError, match="nothing drawn yet"):
        FootMap().pixel_zones(100, 100)
    with pytest.raises(BadTypeError, match="fmap must be a drawn footviz FootMap"):
        px.pixel_zones("map", 100, 100)
