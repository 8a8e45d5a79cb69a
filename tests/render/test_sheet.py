"""The four-aspect sheet: one panel per aspect, captions, orientation hints, readable labels."""

from __future__ import annotations

import itertools

import matplotlib
import numpy as np
import pytest

from footviz import ASPECTS
from footviz.render.sheet import draw_aspect_sheet, panel_matrix


@pytest.fixture(params=["left", "right"])
def drawn(request):
    sheet = draw_aspect_sheet(foot=request.param)
    sheet.figure.canvas.draw()
    return sheet


@pytest.fixture(params=[("left", "en"), ("right", "en"), ("left", "ru"), ("right", "ru")])
def any_sheet(request):
    foot, lang = request.param
    sheet = draw_aspect_sheet(foot=foot, lang=lang)
    sheet.figure.canvas.draw()
    return sheet


def test_every_aspect_has_its_own_panel_with_zones(drawn, atlas):
    assert set(drawn.axes) == set(ASPECTS)
    for aspect in ASPECTS:
        coll = drawn.collections[aspect]
        assert coll.axes is drawn.axes[aspect]
        assert len(coll.get_paths()) == len(atlas.shapes(drawn.foot, aspect))
        assert len(coll.get_facecolors()) == len(coll.get_paths())
        assert drawn.outlines[aspect].axes is drawn.axes[aspect]


def test_captions_name_each_side_of_the_foot(drawn):
    texts = {a: drawn.captions[a].get_text() for a in ASPECTS}
    assert texts["plantar"].startswith("Sole") and "below" in texts["plantar"]
    assert texts["medial"].startswith("Inner side")
    assert texts["lateral"].startswith("Outer side")
    assert texts["dorsal"].startswith("Top") and "above" in texts["dorsal"]
    title = drawn.figure._suptitle.get_text()
    assert title.startswith(f"{drawn.foot.capitalize()} foot")


def test_every_zone_is_named_once(drawn, atlas):
    for aspect in ASPECTS:
        named = {z for a, z in drawn.labels if a == aspect}
        assert named == {s.zone.id for s in atlas.shapes(drawn.foot, aspect)}


def test_panels_show_where_the_toes_and_heel_are(drawn):
    for aspect in ASPECTS:
        words = " ".join(t.get_text() for t in drawn.hints[aspect])
        assert "toes" in words and "heel" in words
    key = " ".join(t.get_text() for t in drawn.key_ax.texts)
    for word in ("Sole", "Top", "Inner", "Outer"):
        assert word in key
    # the ankle bones and the Achilles tendon are marked on the profiles
    assert len(drawn.landmarks["medial"]) == 3 and len(drawn.landmarks["lateral"]) == 3


def test_profiles_point_their_toes_the_way_that_side_is_seen():
    # the inner side of the left foot is seen from the right: toes to the right
    assert panel_matrix("left", "medial")[1] == 1.0
    assert panel_matrix("left", "lateral")[1] == -1.0
    assert panel_matrix("right", "medial")[1] == -1.0
    assert panel_matrix("right", "lateral")[1] == 1.0
    assert panel_matrix("right", "plantar")[0] == -1.0  # mirrored by a transform


def test_toe_hint_sits_at_the_toe_end_of_each_profile(drawn):
    for aspect in ("medial", "lateral"):
        toes = next(t for t in drawn.hints[aspect] if "toes" in t.get_text())
        heel = next(t for t in drawn.hints[aspect] if "heel" in t.get_text())
        _, b, *_ = panel_matrix(drawn.foot, aspect)
        toes_right = b > 0
        assert (toes.get_position()[0] > heel.get_position()[0]) == toes_right


def _texts(sheet):
    texts = [t for ax in sheet.figure.axes for t in ax.texts if t.get_text().strip()]
    texts += [t for t in sheet.figure.texts if t.get_text().strip()]
    return list({id(t): t for t in texts}.values())


def test_no_text_overlaps_another(any_sheet):
    drawn = any_sheet
    renderer = drawn.figure.canvas.get_renderer()
    texts = _texts(drawn)
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    clashes = [
        (a, b)
        for (a, ba), (b, bb) in itertools.combinations(boxes, 2)
        if ba.overlaps(bb) and ba.intersection(ba, bb).width > 0.5
        and ba.intersection(ba, bb).height > 0.5
    ]  # fmt: skip
    assert clashes == []


def test_every_text_stays_inside_the_figure(any_sheet):
    renderer = any_sheet.figure.canvas.get_renderer()
    fig_box = any_sheet.figure.bbox
    for t in _texts(any_sheet):
        bb = t.get_window_extent(renderer)
        assert fig_box.x0 <= bb.x0 and bb.x1 <= fig_box.x1, t.get_text()
        assert fig_box.y0 <= bb.y0 and bb.y1 <= fig_box.y1, t.get_text()


def test_labels_stay_in_their_own_panel(any_sheet):
    """A label never reaches into the neighbouring panel (each panel is its own axes)."""
    renderer = any_sheet.figure.canvas.get_renderer()
    for (aspect, zone), t in any_sheet.labels.items():
        bb = t.get_window_extent(renderer)
        ax_bb = any_sheet.axes[aspect].get_window_extent(renderer)
        assert ax_bb.x0 - 1 <= bb.x0 and bb.x1 <= ax_bb.x1 + 1, (aspect, zone, t.get_text())
        assert ax_bb.y0 - 1 <= bb.y0 and bb.y1 <= ax_bb.y1 + 1, (aspect, zone, t.get_text())


def test_leaders_cross_no_other_label(any_sheet):
    renderer = any_sheet.figure.canvas.get_renderer()
    assert any_sheet.leaders
    for (aspect, zone), segs in any_sheet.leaders.items():
        to_px = any_sheet.axes[aspect].transData.transform
        others = {
            z: t.get_window_extent(renderer)
            for (a, z), t in any_sheet.labels.items()
            if a == aspect and z != zone
        }
        for seg in segs:
            (x0, y0), (x1, y1) = to_px(np.asarray(seg))
            ts = np.linspace(0, 1, 200)
            xs, ys = x0 + (x1 - x0) * ts, y0 + (y1 - y0) * ts
            for other, bb in others.items():
                inside = (xs > bb.x0) & (xs < bb.x1) & (ys > bb.y0) & (ys < bb.y1)
                assert not inside.any(), f"{aspect}: leader of {zone} crosses {other}"


def test_labels_use_the_short_map_names(any_sheet, atlas):
    for (aspect, zone), t in any_sheet.labels.items():
        lang = "ru" if any("а" <= ch <= "я" for ch in t.get_text().lower()) else "en"
        label = atlas.zone(zone).label(lang)
        assert " ".join(t.get_text().split()) == label, (aspect, zone)


def test_russian_sheet_and_bad_input():
    sheet = draw_aspect_sheet(foot="left", lang="ru", labels=False, legend=False)
    assert sheet.captions["medial"].get_text().startswith("Внутренняя сторона")
    with pytest.raises(Exception, match="did you mean 'left'"):
        draw_aspect_sheet(foot="lfet")


def test_kwargs_reach_the_zone_collections():
    sheet = draw_aspect_sheet(foot="right", labels=False, linewidths=1.7)
    for aspect in ASPECTS:
        assert sheet.collections[aspect].get_linewidths()[0] == pytest.approx(1.7)


def test_matplotlib_backend_is_headless():
    assert matplotlib.get_backend().lower() == "agg"


def test_sheet_svg_is_the_structured_one(tmp_path, atlas):
    import io
    import xml.etree.ElementTree as ET

    from footviz.render.svg import zone_id

    sheet = draw_aspect_sheet(foot="right", lang="ru")
    text = sheet.to_svg()
    root = ET.fromstring(text)
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert "fv-map-svg" in root.get("class") and root.get("lang") == "ru"
    assert root.get("data-foot") == "right"
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))  # four panels, no id twice
    for aspect in ASPECTS:
        group = root.find(f".//s:g[@id='fv-zones-right-{aspect}']", ns)
        paths = group.findall("s:path", ns)
        shapes = sheet.shapes[aspect]
        assert [p.get("id") for p in paths] == [zone_id(s.zone.id, "right", aspect) for s in shapes]
        assert {p.get("data-aspect") for p in paths} == {aspect}
        assert all(p.find("s:title", ns).text for p in paths)  # a title in Russian
    (aspect, zone), label = next(iter(sheet.labels.items()))
    group = root.find(f".//s:g[@id='fv-label-{zone}-right-{aspect}']", ns)
    assert label.get_text().split()[0] in "".join(group.itertext())  # real <text>
    buf = io.BytesIO()
    assert sheet.savefig(buf, format="svg") is buf
    sheet.savefig(tmp_path / "sheet.svg")
    assert buf.getvalue() == (tmp_path / "sheet.svg").read_bytes() == text.encode("utf-8")
    assert draw_aspect_sheet(foot="right", lang="ru").to_svg() == text  # same bytes
    assert sheet.labels[(aspect, zone)].get_gid() is None  # ids only while saving
