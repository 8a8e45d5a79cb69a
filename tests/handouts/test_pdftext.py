"""footviz.handouts.pdftext: page lines written into a PDF byte for byte as matplotlib's
``RendererPdf.draw_text`` writes them, with fewer font calls."""

from __future__ import annotations

import matplotlib as mpl
import pytest

from footviz.handouts import pdftext
from footviz.handouts.writer import RC
from footviz.render.output import to_bytes


def _pdf(fig, rc: dict, fast: bool) -> bytes:
    pdftext.set_enabled(fast)
    try:
        return to_bytes(fig, "pdf", rc=rc)
    finally:
        pdftext.set_enabled(True)


def _count_draw_text(monkeypatch) -> list[str]:
    from matplotlib.backends.backend_pdf import RendererPdf

    calls: list[str] = []
    original = RendererPdf.draw_text

    def counted(self, gc, x, y, s, *args, **kwargs):
        calls.append(s)
        return original(self, gc, x, y, s, *args, **kwargs)

    monkeypatch.setattr(RendererPdf, "draw_text", counted)
    return calls


@pytest.mark.parametrize("fonttype", [3, 42])
@pytest.mark.parametrize(
    ("condition", "page", "lang"), [("migraine", "A4", "en"), ("migraine", "Letter", "ru")]
)
def test_a_whole_page_has_the_bytes_matplotlib_writes(composed, condition, page, lang, fonttype):
    _, result = composed(condition, page, lang)
    rc = {**RC, "pdf.fonttype": fonttype}
    assert _pdf(result.figure, rc, True) == _pdf(result.figure, rc, False)


def test_the_page_lines_skip_draw_text_on_the_mirrored_matplotlib(composed, monkeypatch):
    from matplotlib.text import Text

    _, result = composed("migraine", "A4", "en")
    fig = result.figure
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    lines = [t for t in texts if type(t).__name__ == "PageText"]
    assert len(lines) > 100
    calls = _count_draw_text(monkeypatch)
    _pdf(fig, RC, False)
    assert {t.get_text() for t in lines} <= set(calls)  # the reference: matplotlib writes all
    calls.clear()
    _pdf(fig, RC, True)
    version = tuple(int(p) for p in mpl.__version__.split(".")[:2])
    if version in pdftext.MIRRORED:
        assert pdftext.enabled()
        plain = [t for t in texts if type(t).__name__ != "PageText"]  # the map's numbers ...
        assert "19" in {t.get_text() for t in plain}
        assert sorted(calls) == sorted(line for t in plain for line in t.get_text().split("\n"))
    else:
        assert not pdftext.enabled()
        assert {t.get_text() for t in lines} <= set(calls)


def _lines(fig, **extra) -> None:
    from footviz.handouts.textflow import page_text

    kw = {"transform": fig.dpi_scale_trans, "va": "baseline", "parse_math": False, **extra}
    page_text(fig, 0.2, 1.5, "Hold the heel, press 30 s", fontsize=9, **kw)
    page_text(fig, 0.2, 1.0, "Головная боль", fontsize=8, fontweight="bold", **kw)


@pytest.mark.parametrize("rc", [{"pdf.use14corefonts": True}, {"pdf.fonttype": 42}, {}])
def test_core_fonts_and_type_42_come_out_as_matplotlib_writes_them(rc):
    from footviz.render.figures import new_figure

    fig = new_figure((3.0, 2.0))
    _lines(fig)
    full = {**RC, **rc}
    assert _pdf(fig, full, True) == _pdf(fig, full, False)


def test_a_line_with_a_link_is_left_to_matplotlib(monkeypatch):
    from footviz.render.figures import new_figure

    fig = new_figure((3.0, 2.0))
    _lines(fig, url="https://example.org/")
    calls = _count_draw_text(monkeypatch)
    out = _pdf(fig, RC, True)
    assert calls == ["Hold the heel, press 30 s", "Головная боль"]
    assert out.count(b"https://example.org/") == 2  # the links' annotations
