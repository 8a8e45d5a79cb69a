"""Handouts: content of the PDF text, text fitting its boxes, atomic and deterministic files."""

from __future__ import annotations

import io
import os
import re

import pytest

from footviz.handout import compose, handout, subjects, texts
from footviz.handout.page import MIN_SIZE
from footviz.handout.subject import short_note


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _pdf_text(path) -> list[str]:
    from pypdf import PdfReader

    return [_norm(p.extract_text()) for p in PdfReader(str(path)).pages]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_pdf_has_title_rows_steps_contraindications_disclaimer(tmp_path, atlas, lang):
    path = handout("hypertension", tmp_path / "h.pdf", lang=lang)
    (text,) = _pdf_text(path)
    words = texts(lang)
    assert atlas.condition("hypertension").name(lang) in text
    subject = subjects("hypertension", atlas, lang)[0]
    assert len(subject.rows) >= 3
    for row in subject.rows:
        for cell in (row.zone, row.organs, row.note):
            assert _norm(cell) in text, cell
    for step in words["steps"]:
        assert _norm(step) in text
    for item in words["contraindications"]:
        assert _norm(item) in text
    for item in words["contra_after"]:
        assert _norm(item) in text
    assert _norm(words["disclaimer"]) in text


def test_several_conditions_make_index_plus_one_page_each(tmp_path, atlas):
    path = handout(["hypertension", "acne"], tmp_path / "two.pdf")
    pages = _pdf_text(path)
    assert len(pages) == 3
    assert texts("en")["index_title"] in pages[0]
    assert "Acne" in pages[0] and "page 3" in pages[0]
    assert atlas.condition("acne").name("en") in pages[2]
    with pytest.raises(ValueError, match="multi-page"):
        handout(["hypertension", "acne"], tmp_path / "two.png")


BODY_BOXES = ("key", "key_side", "steps", "rules", "contra", "disclaimer")

# the densest pages (migraine: 20 zones, the compact key; frigidity and baldness in Russian)
# and a light one (acne), each composed once for the tests that only read them
COMPOSED = [
    *[("migraine", page, lang) for page in ("A4", "Letter") for lang in ("en", "ru")],
    *[("acne", page, lang) for page in ("A4", "Letter") for lang in ("en", "ru")],
    ("frigidity_impotence", "A4", "ru"),
    ("baldness", "Letter", "ru"),
]


@pytest.fixture(scope="module")
def composed(atlas):
    cache = {}

    def get(condition, page, lang):
        if (condition, page, lang) not in cache:
            subject = subjects(condition, atlas, lang)[0]
            cache[(condition, page, lang)] = (subject, compose(subject, atlas, page))
        return cache[(condition, page, lang)]

    return get


@pytest.mark.parametrize(("condition", "page", "lang"), COMPOSED)
def test_text_fits_its_boxes_and_stays_off_the_map(composed, condition, page, lang):
    _, hp = composed(condition, page, lang)
    fig = hp.figure
    renderer = fig.canvas.get_renderer()
    dpi = fig.dpi
    map_bb = hp.map_ax.get_window_extent(renderer)
    assert (hp.texts.get("key") or hp.texts.get("key_side")) and hp.texts["steps"]
    names = [n for n in hp.boxes if n != "map"]
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert not hp.boxes[a].overlaps(hp.boxes[b]), (a, b)
        assert not hp.boxes[a].overlaps(hp.boxes["map"]), a
    for name, text in hp.all_texts():
        bb = text.get_window_extent(renderer)
        box = hp.boxes[name]
        assert box.contains(bb.x0 / dpi, bb.y0 / dpi, bb.x1 / dpi, bb.y1 / dpi, tol=0.01), (
            name,
            text.get_text(),
        )
        if name != "map":
            assert not bb.overlaps(map_bb), text.get_text()
    # the body text a client reads is never below 7 pt, however much the page holds
    body = [t for name, t in hp.all_texts() if name in BODY_BOXES]
    assert min(t.get_fontsize() for t in body) >= MIN_SIZE
    assert hp.size >= MIN_SIZE
    numbers = [t for t in hp.texts["map"] if t.get_text().isdigit()]
    assert min(t.get_fontsize() for t in numbers) >= MIN_SIZE


def test_lines_and_runs_do_not_overlap(composed):
    _, hp = composed("migraine", "Letter", "ru")
    renderer = hp.figure.canvas.get_renderer()
    for name in BODY_BOXES:
        boxes = [t.get_window_extent(renderer) for t in hp.texts.get(name, [])]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not a.shrunk(1.0, 0.8).overlaps(b.shrunk(1.0, 0.8)), name


@pytest.mark.parametrize("page", ["A4", "Letter"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_condition_fits_one_page_at_seven_points(atlas, page, lang):
    """The plan (nothing drawn) for every condition of the table: body text of at least 7 pt
    and a map no smaller than the minimum (or all that a width-bound map needs)."""
    from footviz.handout.mapview import plan_map
    from footviz.handout.page import MAP_MAX, MAP_MIN, MARGIN, PAGES, plan_page
    from footviz.handout.textflow import Measure

    m = Measure()
    width = PAGES[page][0] - 2 * MARGIN
    for condition in atlas.conditions:
        subject = subjects(condition, atlas, lang)[0]
        plan = plan_page(m, atlas, subject, page)
        assert plan.size >= MIN_SIZE, condition
        natural = plan_map(atlas, subject.marks, width, MAP_MAX, plan.size).height
        assert plan.map_h >= min(MAP_MIN, natural) - 1e-6, condition


def test_dense_page_keeps_every_row_and_light_page_keeps_the_table(composed):
    subject, hp = composed("migraine", "A4", "en")
    assert hp.plan.compact_key  # 20 zones: the documented fallback
    key_texts = [t.get_text() for n in ("key", "key_side") for t in hp.texts.get(n, [])]
    assert {str(r.number) for r in subject.rows} <= set(key_texts)
    drawn = _norm(" ".join(key_texts))
    for row in subject.rows:
        assert f"{row.number} {_norm(row.zone)}" in drawn
        assert f"{row.foot}, {row.aspect}. {_norm(row.note)}" in drawn
    _, light = composed("acne", "A4", "en")
    assert not light.plan.compact_key and not light.plan.short_notes
    assert light.size >= 8.0  # a short key leaves room for comfortable text
    assert set(texts("en")["columns"]) <= {t.get_text() for t in light.texts["key"]}


def test_map_numbers_match_key_rows(composed):
    subject, hp = composed("migraine", "A4", "en")
    drawn = {n for (_, _, n) in hp.map.numbers}
    assert drawn == {r.number for r in subject.rows}
    for (foot, aspect), flags in hp.map.highlighted.items():
        shapes = hp.map.shapes[(foot, aspect)]
        marked = {s.key for _, s in subject.marks}
        assert flags == [s.key in marked for s in shapes]


def test_organs_page_and_order_independence(tmp_path, atlas):
    a = handout(["heart", "liver"], tmp_path / "a.png", dpi=50)
    b = handout(["liver", "heart"], tmp_path / "b.png", dpi=50)
    assert a.read_bytes() == b.read_bytes()
    mask = os.umask(0)
    os.umask(mask)
    assert a.stat().st_mode & 0o777 == 0o666 & ~mask  # as open() makes it, not 0600
    rows = subjects(["heart", "liver"], atlas)[0].rows
    assert [r.zone_id for r in rows][:2] == ["heart", "liver"] or {"heart", "liver"} <= {
        r.zone_id for r in rows
    }
    assert short_note("One. Two.") == "One."


@pytest.mark.parametrize("fmt", ["pdf", "png", "svg"])
def test_same_input_same_bytes(tmp_path, fmt):
    a = handout("acne", tmp_path / f"a.{fmt}", dpi=40)
    b = handout("acne", tmp_path / f"b.{fmt}", dpi=40)
    assert a.read_bytes() == b.read_bytes()


def test_failure_leaves_earlier_file_and_no_temp(tmp_path, monkeypatch):
    import footviz.handout.page as page_mod

    path = tmp_path / "h.pdf"
    path.write_bytes(b"earlier")

    def boom(*args, **kwargs):
        raise RuntimeError("drawing failed")

    monkeypatch.setattr(page_mod, "draw_map", boom)
    with pytest.raises(RuntimeError, match="drawing failed"):
        handout("acne", path)
    assert path.read_bytes() == b"earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["h.pdf"]


def test_failure_while_saving_leaves_no_temp(tmp_path, monkeypatch):
    import footviz._internal.atomic as atomic

    path = tmp_path / "h.png"
    path.write_bytes(b"earlier")

    def boom(fd):  # the disk fills up as the written file is synced
        raise OSError(28, "disk full")

    monkeypatch.setattr(atomic.os, "fsync", boom)
    with pytest.raises(OSError, match="disk full"):
        handout("acne", path)
    assert path.read_bytes() == b"earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["h.png"]


def test_bad_arguments(tmp_path):
    with pytest.raises(Exception, match=r"page size .A44.*Allowed"):
        handout("acne", tmp_path / "x.pdf", page="A44")
    with pytest.raises(Exception, match="did you mean 'migraine'"):
        handout("migrane", tmp_path / "x.pdf")
    with pytest.raises(ValueError, match="format"):
        handout("acne", tmp_path / "x")
    assert not list(tmp_path.iterdir())


def test_callable_module():
    import footviz
    import footviz.handout as module

    assert callable(module) and callable(footviz.handout)
    assert io is not None


@pytest.mark.parametrize(("condition", "page", "lang"), COMPOSED[:2])
def test_nothing_in_the_unprintable_strip_at_the_paper_edge(composed, condition, page, lang):
    _, hp = composed(condition, page, lang)
    w, h = hp.figure.get_size_inches()
    for name, box in hp.boxes.items():
        # 0.25 in (6 mm) clears the margin most office printers cannot print on
        assert box.x0 >= 0.25 and box.y0 >= 0.25, name
        assert box.x1 <= w - 0.25 and box.y1 <= h - 0.25, name
