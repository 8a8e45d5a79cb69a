"""footviz.handouts.mapview: the handout's map: numbers match the key, captions that never
touch their neighbours, a drawing that fits its box."""

from __future__ import annotations

import itertools

import pytest

from footviz.handouts import compose, subjects
from footviz.handouts.mapview import CAPTION_GAP_IN, caption_lines, plan_map


@pytest.fixture(scope="module")
def pages(atlas):
    cache = {}

    def get(condition, page, lang):
        if (condition, page, lang) not in cache:
            subject = subjects(condition, atlas, lang)[0]
            cache[(condition, page, lang)] = (subject, compose(subject, atlas, page))
        return cache[(condition, page, lang)]

    return get


def test_map_numbers_match_key_rows(pages):
    subject, hp = pages("migraine", "A4", "en")
    drawn = {n for (_, _, n) in hp.map.numbers}
    assert drawn == {r.number for r in subject.rows}
    for (foot, aspect), flags in hp.map.highlighted.items():
        shapes = hp.map.shapes[(foot, aspect)]
        marked = {s.key for _, s in subject.marks}
        assert flags == [s.key in marked for s in shapes]


# the pages of the defect: "внутренняя сторонатыльная сторона" ran together under the side views
@pytest.mark.parametrize(
    ("condition", "page", "lang"),
    [("baldness", "Letter", "ru"), ("fainting", "A4", "ru"), ("migraine", "Letter", "en")],
)
def test_captions_of_neighbouring_panels_keep_apart(pages, condition, page, lang):
    _, hp = pages(condition, page, lang)
    renderer = hp.figure.canvas.get_renderer()
    dpi = hp.figure.dpi
    boxes = sorted((c.get_window_extent(renderer) for c in hp.map.captions), key=lambda bb: bb.x0)
    assert len(boxes) >= 4  # both soles and at least two side views
    for left, right in itertools.pairwise(boxes):
        gap = (right.x0 - left.x1) / dpi
        assert gap >= CAPTION_GAP_IN * 0.9, (gap, [c.get_text() for c in hp.map.captions])
    map_box = hp.boxes["map"]
    for bb in boxes:  # and they stay inside the map's box
        assert map_box.contains(bb.x0 / dpi, bb.y0 / dpi, bb.x1 / dpi, bb.y1 / dpi, tol=0.01)


def test_caption_lines_name_the_foot_and_the_side():
    assert caption_lines("ru", "left", "medial") == ("Левая стопа", "внутренняя сторона")
    assert caption_lines("en", "right", "plantar") == ("Right foot", "sole")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_planned_map_fits_its_box(atlas, lang):
    for condition in ("baldness", "fainting", "migraine", "acne"):
        marks = subjects(condition, atlas, lang)[0].marks
        for box_w, box_h in ((7.5, 3.6), (5.5, 2.4)):
            mp = plan_map(atlas, marks, box_w, box_h, 8.0, lang)
            assert mp.total_w * mp.scale <= box_w + 1e-6, condition
            assert mp.height <= box_h + 1e-6, condition
