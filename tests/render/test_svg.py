"""The structured SVG of a map: a path per zone with ids, data, class and title; real text."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from matplotlib.colors import to_rgba

import footviz
from footviz.errors import OutputTargetError
from footviz.render import FootMap
from footviz.render.svg import zone_id

NS = {"s": "http://www.w3.org/2000/svg"}


def _zones(text: str) -> list[ET.Element]:
    root = ET.fromstring(text.encode("utf-8"))
    return [e for e in root.iter("{http://www.w3.org/2000/svg}path") if e.get("data-zone")]


def test_every_drawn_zone_is_a_path_with_its_id_data_class_and_title(atlas):
    fm = footviz.plot(lang="ru")
    zones = _zones(fm.to_svg())
    drawn = [(f, s) for f in fm.feet for s in fm.artists.shapes[f]]
    assert len(zones) == len(drawn) == sum(len(atlas.shapes(f, "plantar")) for f in fm.feet)
    by_id = {e.get("id"): e for e in zones}
    assert len(by_id) == len(zones)  # ids are unique
    kidney = by_id["fv-kidney-left-plantar"]
    zone = atlas.zone("kidney")
    assert kidney.get("data-zone") == "kidney"
    assert kidney.get("data-foot") == "left"
    assert kidney.get("data-aspect") == "plantar"
    assert kidney.get("data-organs") == "; ".join(atlas.organ(o).name("ru") for o in zone.organs)
    assert f"fv-sys-{zone.system}" in kidney.get("class").split()
    assert kidney.get("tabindex") == "0" and kidney.get("role") == "button"
    (title,) = kidney.findall("s:title", NS)
    assert title.text.startswith(zone.label("ru") + " (Левая стопа)")
    # in drawing order: a nested zone comes after the zone it lies in (it is on top)
    order = [e.get("id") for e in zones]
    for _, s in drawn:
        if s.zone.parent:
            assert order.index(zone_id(s.zone.parent, s.foot, "plantar")) < order.index(
                zone_id(s.zone.id, s.foot, "plantar")
            )


def test_highlight_and_value_colours_are_the_fills():
    fm = footviz.plot(feet="left", values={"kidney": 3.0, "heart": 1.0, "liver": 2.0})
    zones = {e.get("data-zone"): e for e in _zones(fm.to_svg())}
    for name in ("kidney", "heart", "brain"):
        drawn = fm.artists.facecolor(name, "left")
        assert np.allclose(to_rgba(zones[name].get("fill")), drawn, atol=1 / 255)
    assert zones["kidney"].get("data-value") == "3"
    assert zones["brain"].get("data-value") is None  # no data
    lit = footviz.plot(feet="left", highlight="kidney")
    fills = {e.get("data-zone"): e.get("fill") for e in _zones(lit.to_svg())}
    assert fills["kidney"] != fills["heart"]
    assert np.allclose(to_rgba(fills["kidney"]), lit.artists.facecolor("kidney", "left"), atol=0.01)


def test_labels_are_real_text_with_ids():
    fm = footviz.plot(feet="left")
    text = fm.to_svg()
    root = ET.fromstring(text.encode("utf-8"))
    words = {"".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert "Kidney" in words and "Left foot" in words
    assert root.find(".//s:g[@id='fv-label-kidney-left']/s:text", NS) is not None


def test_paths_lie_where_the_figure_draws_the_zone():
    """The path's points are the zone's outline through the figure's transform (at 72 dpi)."""
    fm = footviz.plot(feet="left", labels=False)
    path = {e.get("data-zone"): e for e in _zones(fm.to_svg())}["kidney"].get("d")
    pts = np.array(
        [[float(v) for v in p.split()] for p in path.replace("Z", "").split("M")[1].split("L")]
    )
    fig = fm.figure
    fig.set_dpi(72)
    coll = fm.artists.zones["left"]
    i = fm.artists.index("kidney", "left")
    want = coll.get_transform().transform(coll.get_paths()[i].vertices[: len(pts)])
    want[:, 1] = fig.bbox.height - want[:, 1]
    assert np.allclose(pts, want, atol=2e-3)


def test_same_map_same_bytes_and_savefig_writes_to_svg(tmp_path):
    a = footviz.plot(highlight="migraine").to_svg()
    b = footviz.plot(highlight="migraine").to_svg()
    assert a == b
    fm = footviz.plot(highlight="migraine")
    out = tmp_path / "map.svg"
    fm.savefig(out)
    assert out.read_text(encoding="utf-8") == a
    buf = io.BytesIO()
    fm.savefig(buf, format="svg")
    assert buf.getvalue().decode("utf-8") == a
    assert fm.to_svg(tmp_path / "again.svg") == a
    assert (tmp_path / "again.svg").read_text(encoding="utf-8") == a
    # the zones collection draws as before afterwards (PNG output is untouched)
    assert "draw" not in vars(fm.artists.zones["left"])
    assert fm.artists.labels[("left", "kidney")].get_gid() is None


def test_to_svg_draws_a_map_not_drawn_yet_and_refuses_a_bad_target():
    fm = FootMap(feet="right")
    assert len(_zones(fm.to_svg())) == len(fm.artists.shapes["right"])
    with pytest.raises(OutputTargetError, match="give a file path"):
        fm.to_svg(42)
