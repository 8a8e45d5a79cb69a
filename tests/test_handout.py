"""Handouts: content of the PDF text, text fitting its boxes, atomic and deterministic files."""

from __future__ import annotations

import io
import re

import pytest

from footviz.handout import compose, handout, subjects, texts
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


@pytest.mark.parametrize("page", ["A4", "Letter"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_text_fits_its_boxes_and_stays_off_the_map(atlas, page, lang):
    subject = subjects("acne", atlas, lang)[0]
    hp = compose(subject, atlas, page)
    fig = hp.figure
    renderer = fig.canvas.get_renderer()
    dpi = fig.dpi
    map_bb = hp.map_ax.get_window_extent(renderer)
    assert hp.texts["key"] and hp.texts["steps"]
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


def test_map_numbers_match_key_rows(atlas):
    subject = subjects("migraine", atlas, "en")[0]
    hp = compose(subject, atlas, "A4")
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
    import footviz.handout.writer as writer

    path = tmp_path / "h.png"
    path.write_bytes(b"earlier")

    def boom(fig, target, fmt, dpi):
        target.write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(writer, "save_figure", boom)
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
