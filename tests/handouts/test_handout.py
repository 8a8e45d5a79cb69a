"""footviz.handout.handout: the files it writes, read back as a reader gets them (PDF text,
run positions and sizes, metadata), atomic and deterministic writes, bad arguments."""

from __future__ import annotations

import io
import os
import re

import pytest

from footviz.handouts import handout, subjects, texts
from footviz.handouts.page import MARGIN, MIN_SIZE

from .pdfruns import overlapping, page_runs

PT_PER_IN = 72.0


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


@pytest.mark.parametrize("fmt", ["pdf", "png", "svg"])
def test_same_input_same_bytes(tmp_path, fmt):
    a = handout("acne", tmp_path / f"a.{fmt}", dpi=40)
    b = handout("acne", tmp_path / f"b.{fmt}", dpi=40)
    assert a.read_bytes() == b.read_bytes()


def test_failure_leaves_earlier_file_and_no_temp(tmp_path, monkeypatch):
    import footviz.handouts.page as page_mod

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


# --- what a reader of the PDF gets: every page of every condition, both languages, both sizes


@pytest.fixture(scope="module")
def every_page(atlas, tmp_path_factory):
    """One PDF per language and paper: the index page, then every condition of the table
    (one or two pages each), and an organs handout; read back with pypdf, page by page:
    ``(runs, text of the runs in drawing order, without white space)``."""
    from pypdf import PdfReader

    out = tmp_path_factory.mktemp("every")
    cache = {}

    def get(lang: str, page: str):
        if (lang, page) not in cache:
            conditions = handout(
                list(atlas.conditions), out / f"all_{lang}_{page}.pdf", page=page, lang=lang
            )
            organs = handout(
                ["heart", "liver", "kidney", "spine"],
                out / f"organs_{lang}_{page}.pdf",
                page=page,
                lang=lang,
            )
            pages = [*PdfReader(str(conditions)).pages, *PdfReader(str(organs)).pages]
            # each page read once: its runs (with boxes) and their text, without white space
            runs = [page_runs(p) for p in pages]
            cache[(lang, page)] = [(r, "".join(x.text for x in r).replace(" ", "")) for r in runs]
        return cache[(lang, page)]

    return get


PAPERS = [(lang, page) for lang in ("en", "ru") for page in ("A4", "Letter")]


@pytest.mark.parametrize(("lang", "page"), PAPERS)
def test_no_two_text_runs_overlap_on_any_page(every_page, atlas, lang, page):
    """The boxes of the text runs the PDF draws (position, font size and the embedded
    font's advance widths, ascent and descent) never overlap: not in the key, not between
    the captions under the map, not anywhere on any page."""
    pages = every_page(lang, page)
    assert len(pages) >= len(atlas.conditions) + 2  # index, every condition, organs
    problems = []
    for number, (runs, _) in enumerate(pages, start=1):
        assert len(runs) > 50, number
        for a, b in overlapping(runs):
            problems.append((number, a.text, b.text, round(a.baseline), round(b.baseline)))
    assert not problems, problems[:10]


@pytest.mark.parametrize(("lang", "page"), PAPERS)
def test_body_text_is_at_least_eight_points_on_every_page(every_page, lang, page):
    """Every run of text above the bottom margin (everything but the footer line) is set
    in at least MIN_SIZE (8) points, read from the PDF."""
    assert MIN_SIZE >= 8.0
    for number, (runs, _) in enumerate(every_page(lang, page), start=1):
        body = [r for r in runs if r.baseline > MARGIN * PT_PER_IN]
        footer = [r for r in runs if r.baseline <= MARGIN * PT_PER_IN]
        small = sorted({(r.size, r.text) for r in body if r.size < MIN_SIZE - 1e-6})
        assert not small, (number, small[:5])
        assert footer and all(r.y0 >= 0.25 * PT_PER_IN for r in footer), number


@pytest.mark.parametrize(("lang", "page"), PAPERS)
def test_every_page_carries_contraindications_and_the_disclaimer(every_page, lang, page):
    words = texts(lang)

    def bare(text: str) -> str:
        return re.sub(r"\s", "", text)

    for number, (_, text) in enumerate(every_page(lang, page), start=1):
        assert bare(words["contra_heading"]) in text, number
        for item in words["contraindications"]:
            assert bare(item) in text, (number, item)
        assert bare(words["disclaimer"]) in text, number


CYRILLIC = re.compile(r"^[\u0400-\u04FF«»,.·/–—-]+$")
OWN_NAMES = {"footviz"}  # the product's name is the same in every language


def _footer(page) -> str:
    runs = [r for r in page[0] if r.baseline <= MARGIN * PT_PER_IN]
    return " ".join(r.text for r in sorted(runs, key=lambda r: r.x0))


@pytest.mark.parametrize("page_index", [0, 1, -1])
def test_every_footer_word_is_in_the_pages_language(every_page, atlas, page_index):
    ru = _footer(every_page("ru", "A4")[page_index])
    en = _footer(every_page("en", "A4")[page_index])
    assert atlas.title("ru").replace(" ", "") in ru.replace(" ", "")
    assert atlas.title("en").replace(" ", "") in en.replace(" ", "")
    for word in re.findall(r"[^\s\d.·/«»,]+", ru):
        assert word in OWN_NAMES or CYRILLIC.match(word), (word, ru)
    for word in re.findall(r"[^\s\d.·/“”,]+", en):
        assert word in OWN_NAMES or re.match(r"^[A-Za-z]+$", word), (word, en)
    assert "reflexology" not in ru  # the atlas's id is not a Russian word


def test_pdf_title_and_subject_in_the_pages_language(tmp_path, atlas):
    from pypdf import PdfReader

    ru = PdfReader(str(handout("acne", tmp_path / "ru.pdf", lang="ru"))).metadata
    assert ru.title == subjects("acne", atlas, "ru")[0].title
    assert ru.subject == texts("ru")["meta_subject"]
    multi = handout(["acne", "migraine"], tmp_path / "multi.pdf", lang="en")
    meta = PdfReader(str(multi)).metadata
    assert meta.title == texts("en")["index_title"]
    assert "Acne" in meta.subject and atlas.condition("migraine").name("en") in meta.subject
    assert meta.producer.startswith("footviz")  # the writer's own fields are kept


def test_png_and_svg_carry_the_title(tmp_path, atlas):
    from PIL import Image

    title = subjects("acne", atlas, "ru")[0].title
    png = handout("acne", tmp_path / "a.png", lang="ru", dpi=20)
    with Image.open(png) as image:
        assert image.info["Title"] == title
        assert image.info["Description"] == texts("ru")["meta_subject"]
    svg = handout("acne", tmp_path / "a.svg", lang="ru").read_text(encoding="utf-8")
    assert f"<dc:title>{title}</dc:title>" in svg


def test_a_condition_that_needs_two_pages_is_a_two_page_pdf(tmp_path, atlas):
    """Russian migraine (20 zones) keeps 8 pt text by moving the self-massage text to a
    second page; PNG and SVG hold one page, so they are refused with a clear message."""
    path = handout("migraine", tmp_path / "m.pdf", lang="ru")
    first, second = _pdf_text(path)
    words = texts("ru")
    assert _norm(words["continued"]) in first and words["steps_heading"] not in first
    assert all(_norm(step) in second for step in words["steps"])
    assert "1/2" in first and "2/2" in second
    with pytest.raises(ValueError, match=r"two A4 pages.*\.pdf"):
        handout("migraine", tmp_path / "m.png", lang="ru")
    assert not (tmp_path / "m.png").exists()
    index = _pdf_text(handout(["migraine", "acne"], tmp_path / "two.pdf", lang="ru"))
    assert len(index) == 4 and "стр. 2" in index[0] and "стр. 4" in index[0]
    assert atlas.condition("acne").name("ru") in index[3]


def test_pages_a_single_image_cannot_hold_are_footviz_errors_naming_format(tmp_path):
    from footviz.errors import ConflictError, FootvizError

    with pytest.raises(ConflictError, match=r"^format: 2 conditions make a multi-page") as err:
        handout(["hypertension", "acne"], tmp_path / "two.svg")
    assert err.value.parameter == "format" and isinstance(err.value, FootvizError)
    assert str(err.value).endswith("write it as .pdf, not .svg")
    with pytest.raises(ConflictError, match=r"^format: .* needs two A4 pages") as err:
        handout("migraine", io.BytesIO(), lang="ru", format="png")
    assert err.value.parameter == "format"
    assert not list(tmp_path.iterdir())  # nothing written


def test_a_su_jok_handout_names_su_jok_not_reflexology(tmp_path):
    from pypdf import PdfReader

    from footviz import load_atlas

    sujok = load_atlas("sujok")
    path = handout(["heart"], tmp_path / "s.pdf", lang="ru", atlas=sujok)
    (text,) = _pdf_text(path)
    title = subjects(["heart"], sujok, "ru")[0].title
    assert title.startswith(sujok.title("ru")) and _norm(title) in text
    assert "рефлексотерапии стоп" not in text  # the old title "Зоны рефлексотерапии стоп: ..."
    assert PdfReader(str(path)).metadata.title == title


@pytest.mark.parametrize(("lang", "practice_words", "reflex"), [
    ("en", "Su Jok", r"reflex"),
    ("ru", "Су Джок", r"рефлекс"),
])  # fmt: skip
def test_su_jok_wording_follows_the_atlas_in_subject_text_and_disclaimer(
    tmp_path, lang, practice_words, reflex
):
    """A Su Jok page never calls itself reflexology: not in the PDF Subject, the subtitle nor
    the disclaimer, which stays (Su Jok is a traditional practice as well)."""
    from pypdf import PdfReader

    from footviz import load_atlas

    sujok = load_atlas("sujok")
    path = handout(["left knee", "head"], tmp_path / "s.pdf", lang=lang, atlas=sujok)
    meta = PdfReader(str(path)).metadata
    (text,) = _pdf_text(path)
    words = texts(lang, "sujok")
    assert meta.subject == words["meta_subject"] and practice_words in meta.subject
    assert _norm(words["disclaimer"]) in text and words["disclaimer"].startswith(practice_words)
    assert _norm(words["subtitle_organs"]) in text
    assert not re.search(reflex, text, re.IGNORECASE), text
    assert not re.search(reflex, meta.subject, re.IGNORECASE)
    # the reflexology atlas keeps its own words
    plain = PdfReader(str(handout(["heart"], tmp_path / "r.pdf", lang=lang))).metadata
    assert plain.subject == texts(lang)["meta_subject"] and re.search(reflex, plain.subject, re.I)


# --- acupoints on the handout: handout(..., points=...) takes what plot(points=...) takes


@pytest.fixture(scope="module")
def kidney_pages(tmp_path_factory):
    """The insomnia handout with the kidney meridian's points, per language and paper:
    ``(path, runs, text)`` of its single page."""
    from pypdf import PdfReader

    out = tmp_path_factory.mktemp("points")
    cache = {}

    def get(lang: str, page: str):
        if (lang, page) not in cache:
            path = handout("insomnia", out / f"k_{lang}_{page}.pdf", page, lang, points="kidney")
            (pdf_page,) = PdfReader(str(path)).pages
            cache[(lang, page)] = (path, page_runs(pdf_page), _norm(pdf_page.extract_text()))
        return cache[(lang, page)]

    return get


@pytest.mark.parametrize(("lang", "page"), PAPERS)
def test_points_are_listed_with_code_name_note_and_their_roles(kidney_pages, atlas, lang, page):
    _, runs, text = kidney_pages(lang, page)
    words = texts(lang)
    assert words["points_heading"] in text
    codes = [p.code for p in atlas.meridian("kidney").on_foot]
    assert codes == ["KI1", "KI2", "KI3", "KI4", "KI5", "KI6"]
    bare = text.replace(" ", "")
    for code in codes:
        shape = atlas.points("left", meridian="kidney")
        shape = next(s for s in shape if s.code == code)
        assert f"{code} {shape.name(lang)}" in text, code
        assert _norm(shape.note(lang)).replace(" ", "") in bare, code
    # KI1 is the kidney's calming point: its line and the role's key line carry the ▼ glyph
    assert _norm(words["point_roles"]["calming"]) in text and "\u25bc" in text
    assert words["point_roles"]["exciting"] not in text  # KI7, the exciting point, is off the foot
    body = [r for r in runs if r.baseline > MARGIN * PT_PER_IN]
    assert min(r.size for r in body) >= MIN_SIZE - 1e-6
    assert not overlapping(runs), overlapping(runs)[:5]


def test_points_are_drawn_on_the_map_through_the_layer_hook(atlas):
    from footviz.handouts import compose, with_points

    subject = with_points(atlas, subjects(["heart"], atlas)[0], ["LR3", "KI1"])
    assert [r.code for r in subject.point_rows] == ["LR3", "KI1"]  # atlas order
    with compose(subject, atlas, "A4") as page:
        layers = page.map.layers["points"]
        drawn = {
            (key[1], s.code) for key, a in layers.items() if key[0] == "markers" for s in a.shapes
        }
        # KI1 on both soles; LR3 on the top of the foot, a side this page draws for it
        assert {(("left", "plantar"), "KI1"), (("right", "plantar"), "KI1")} <= drawn
        assert (("left", "dorsal"), "LR3") in drawn
        assert ("left", "dorsal") in {(p.foot, p.aspect) for p in page.map.panels}
    with compose(subjects(["heart"], atlas)[0], atlas, "A4") as plain:
        assert ("left", "dorsal") not in {(p.foot, p.aspect) for p in plain.map.panels}
        assert not plain.map.layers["points"]


def test_every_point_still_makes_one_page_listing_every_code(tmp_path, atlas):
    from pypdf import PdfReader

    path = handout("insomnia", tmp_path / "all.pdf", page="Letter", lang="ru", points=True)
    pages = PdfReader(str(path)).pages
    assert len(pages) == 1
    text = pages[0].extract_text()
    for code in {s.code for s in atlas.points()}:
        assert code in text, code
    runs = page_runs(pages[0])
    assert not overlapping(runs), overlapping(runs)[:5]
    assert min(r.size for r in runs if r.baseline > MARGIN * PT_PER_IN) >= MIN_SIZE - 1e-6


def test_bad_points_are_footviz_errors_naming_points(tmp_path):
    from footviz.errors import BadTypeError, NotInAtlasError, UnknownNameError

    with pytest.raises(UnknownNameError, match=r"points.*'kidny'.*did you mean 'kidney'") as err:
        handout("acne", tmp_path / "x.pdf", points="kidny")
    assert err.value.kind == "points" and "kidney" in err.value.suggestions
    with pytest.raises(BadTypeError, match=r"points") as err:
        handout("acne", tmp_path / "x.pdf", points=3)
    assert err.value.parameter == "points"
    with pytest.raises(NotInAtlasError, match=r"LR8.*off the foot"):
        handout("acne", tmp_path / "x.pdf", points=["LR3", "LR8"])
    assert not list(tmp_path.iterdir())
