"""The four-aspect sheet: one panel per aspect, captions, orientation hints, readable labels."""

from __future__ import annotations

import itertools

import matplotlib
import pytest

from footviz import ASPECTS
from footviz.sheet import draw_aspect_sheet, panel_matrix


@pytest.fixture(params=["left", "right"])
def drawn(request):
    sheet = draw_aspect_sheet(foot=request.param)
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


def test_no_text_overlaps_another(drawn):
    renderer = drawn.figure.canvas.get_renderer()
    texts = [t for ax in drawn.figure.axes for t in ax.texts if t.get_text().strip()]
    texts.append(drawn.figure._suptitle)
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    clashes = [
        (a, b)
        for (a, ba), (b, bb) in itertools.combinations(boxes, 2)
        if ba.overlaps(bb) and ba.intersection(ba, bb).width > 0.5
        and ba.intersection(ba, bb).height > 0.5
    ]  # fmt: skip
    assert clashes == []


def test_labels_stay_inside_the_figure(drawn):
    renderer = drawn.figure.canvas.get_renderer()
    fig_box = drawn.figure.bbox
    for (aspect, zone), t in drawn.labels.items():
        bb = t.get_window_extent(renderer)
        assert fig_box.x0 <= bb.x0 and bb.x1 <= fig_box.x1, (aspect, zone)


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
