"""footviz.handouts.techpage and handout(technique=): the technique handout read back from
its PDF (text, metadata, pages, runs and sizes), its diagrams, and the argument rules."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest

from footviz import technique, techniques
from footviz.handouts import handout, texts
from footviz.handouts.page import MARGIN, MIN_SIZE
from footviz.handouts.techpage import compose_technique_page, plan_technique
from footviz.handouts.textflow import Measure
from footviz.render.technique import dose_line, main_aspect

from .pdfruns import overlapping, page_runs

PT_PER_IN = 72.0
PAPERS = [(lang, page) for lang in ("en", "ru") for page in ("A4", "Letter")]


def _bare(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.fixture(scope="module")
def technique_pdfs(tmp_path_factory):
    """Each technique's handout per language and paper, read back page by page:
    ``(metadata, [(runs, text without white space), ...])``."""
    from pypdf import PdfReader

    out = tmp_path_factory.mktemp("techniques")
    cache = {}

    def get(tid: str, lang: str, page: str):
        if (tid, lang, page) not in cache:
            path = handout(technique=tid, path=out / f"{tid}_{lang}_{page}.pdf", page=page,
                           lang=lang)  # fmt: skip
            reader = PdfReader(str(path))
            pages = [(page_runs(p), _bare(p.extract_text())) for p in reader.pages]
            cache[(tid, lang, page)] = (reader.metadata, pages)
        return cache[(tid, lang, page)]

    return get


IDS = [t.id for t in techniques()]


@pytest.mark.parametrize(("lang", "page"), PAPERS)
@pytest.mark.parametrize("tid", IDS)
def test_a_technique_handout_holds_every_step_its_cautions_and_the_disclaimer(
    technique_pdfs, tid, lang, page
):
    tech = technique(tid)
    meta, pages = technique_pdfs(tid, lang, page)
    words = texts(lang)
    everything = "".join(text for _, text in pages)
    assert meta.title == tech.name(lang)
    assert meta.subject == words["technique_meta"].format(name=tech.name(lang))
    assert _bare(tech.name(lang)) in pages[0][1] and _bare(tech.intro(lang)) in pages[0][1]
    for step in tech.steps:
        assert _bare(f"{step.number}. {step.text(lang)}") in everything, step
        if dose_line(step, lang):
            assert _bare(f"({dose_line(step, lang)})") in everything, step
    for item in tech.cautions(lang):
        assert _bare(item) in everything
    assert (_bare(words["technique_cautions"]) in everything) == bool(tech.cautions(lang))
    for item in words["contraindications"]:
        assert _bare(item) in everything
    for number, (runs, text) in enumerate(pages, start=1):
        assert _bare(words["disclaimer"]) in text, number
        footer = [r for r in runs if r.baseline <= MARGIN * PT_PER_IN]
        assert footer and "footviz" in "".join(r.text for r in footer)
        body = [r for r in runs if r.baseline > MARGIN * PT_PER_IN]
        assert min(r.size for r in body) >= MIN_SIZE - 1e-6, number
        assert not overlapping(runs), (number, overlapping(runs)[:3])
    assert len(pages) == 1  # the four techniques of the source fit one page each


def test_heel_spur_in_russian_is_russian_throughout(technique_pdfs):
    _, [(_, text)] = technique_pdfs("heel-spur", "ru", "A4")
    assert "Массажприпяточнойшпоре" in text and "Обратитевнимание" in text
    latin = {w for w in re.findall(r"[A-Za-z]+", text)}
    assert latin <= {"footviz"}, latin


def test_the_diagrams_are_drawn_beside_their_steps_clear_of_every_text(atlas):
    tech = technique("hallux-valgus")
    plan = plan_technique(Measure(), tech, "en", "Letter", atlas)
    with compose_technique_page(plan, 0, atlas) as hp:
        assert [d.step for d in hp.steps] == list(tech.steps)
        for d in hp.steps:
            assert d.aspect == main_aspect(d.step)
            assert len(d.strokes) == len(d.step.on(d.aspect))
        assert any(d.exercise is not None for d in hp.steps)  # steps 4 and 5 are exercises
        fig = hp.figure
        renderer = fig.canvas.get_renderer()
        page_texts = [t.get_window_extent(renderer) for _, t in hp.all_texts()]
        for d in hp.steps:
            box = d.ax.get_window_extent(renderer)
            for bb in page_texts:
                assert not box.overlaps(bb), d.step
        for _, t in hp.all_texts():  # nothing in the unprintable strip
            bb = t.get_window_extent(renderer)
            assert bb.y0 / fig.dpi >= 0.25 - 1e-6


def test_a_long_technique_flows_over_pages_each_with_disclaimer_and_footer(atlas):
    """Three times the classical sequence: more pages, the title continued on each, the
    disclaimer and a numbered footer on every page, and still no overlapping run."""
    from pypdf import PdfReader

    from footviz.handouts.techpage import technique_title

    base = technique("classical")
    steps = tuple(
        dataclasses.replace(s, number=i)
        for i, s in enumerate((*base.steps, *base.steps, *base.steps), start=1)
    )
    long = dataclasses.replace(base, steps=steps)
    plan = plan_technique(Measure(), long, "ru", "A4")
    assert len(plan) >= 2 and plan.size >= MIN_SIZE
    total = len(plan)
    pdf = io.BytesIO()
    from footviz.handouts.writer import save_pdf_pages

    makers = [
        lambda i=i: compose_technique_page(plan, i, atlas, f"{i + 1}/{total}").figure
        for i in range(total)
    ]
    save_pdf_pages(makers, pdf, metadata={"Title": technique_title(long, "ru")})
    reader = PdfReader(pdf)
    assert len(reader.pages) == total
    words = texts("ru")
    seen = ""
    for i, p in enumerate(reader.pages):
        runs, text = page_runs(p), _bare(p.extract_text())
        seen += text
        assert _bare(words["disclaimer"]) in text, i
        assert text.endswith(f"{i + 1}/{total}") or f"{i + 1}/{total}" in text
        if i:
            assert _bare(words["technique_continued"].format(name=long.name("ru"))) in text
        assert not overlapping(runs), (i, overlapping(runs)[:3])
        assert min(r.size for r in runs if r.baseline > MARGIN * PT_PER_IN) >= MIN_SIZE - 1e-6
    assert all(_bare(f"{s.number}. {s.text('ru')}") in seen for s in steps)


def test_a_technique_handout_as_png_and_svg(tmp_path):
    from PIL import Image

    png = handout(technique="heel spur", path=tmp_path / "h.png", lang="ru", dpi=30)
    with Image.open(png) as image:
        assert image.info["Title"] == technique("heel-spur").name("ru")
        assert image.size == (int(8.27 * 30), int(11.69 * 30))  # one A4 page
    svg = handout(technique="bunion", path=tmp_path / "h.svg", title="Hallux, morning")
    assert "<dc:title>Hallux, morning</dc:title>" in svg.read_text(encoding="utf-8")
    a = handout(technique="classical", path=tmp_path / "a.pdf")
    b = handout(technique="classical", path=tmp_path / "b.pdf")
    assert a.read_bytes() == b.read_bytes()  # same input, same bytes


def test_what_and_technique_combine_by_the_documented_rules(tmp_path):
    from footviz.errors import BadTypeError, BadValueError, ConflictError, UnknownNameError

    target = tmp_path / "x.pdf"
    with pytest.raises(ConflictError, match=r"^what: 'heel spur' is a technique.*='heel-spur'"):
        handout("heel spur", target)
    with pytest.raises(ConflictError, match=r"^what: .*cannot be combined with what=") as err:
        handout("acne", target, technique="heel-spur")
    assert err.value.parameter == "what"
    with pytest.raises(ConflictError, match=r"^points: .*no map") as err:
        handout(technique="heel-spur", path=target, points="kidney")
    assert err.value.parameter == "points"
    with pytest.raises(ConflictError, match=r"^organs: "):
        handout(technique="heel-spur", path=target, organs=True)
    with pytest.raises(UnknownNameError, match=r"'heel spurr'.*did you mean 'heel spur'"):
        handout(technique="heel spurr", path=target)
    with pytest.raises(BadTypeError, match=r"technique"):
        handout(technique=3, path=target)
    with pytest.raises(BadValueError, match=r"^what.*technique="):
        handout(path=target)
    with pytest.raises(UnknownNameError, match="did you mean 'migraine'"):
        handout("migrane", target)  # an unknown name that is no technique either: as before
    assert not list(tmp_path.iterdir())


def test_a_technique_on_several_pages_is_pdf_only(tmp_path, monkeypatch):
    """Diagrams made 4 inches tall push the classical sequence over several pages: the PDF
    numbers them in its footers; PNG and SVG are refused, naming format, nothing written."""
    from pypdf import PdfReader

    import footviz.handouts.techpage as techpage
    from footviz.errors import ConflictError

    monkeypatch.setattr(techpage, "DIAGRAMS", ((1.0, 4.0),))
    path = handout(technique="classical", path=tmp_path / "c.pdf", page="Letter")
    pages = PdfReader(str(path)).pages
    total = len(pages)
    assert total >= 2
    for i, p in enumerate(pages, start=1):
        assert f"{i}/{total}" in p.extract_text()
        assert not overlapping(page_runs(p))
    with pytest.raises(ConflictError, match=rf"^format: .* needs {total} Letter pages") as err:
        handout(technique="classical", path=tmp_path / "c.png", page="Letter")
    assert err.value.parameter == "format"
    assert [p.name for p in tmp_path.iterdir()] == ["c.pdf"]
