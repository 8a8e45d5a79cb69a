"""footviz.handouts.textflow: measured wrapping and flowing text through boxes."""

from __future__ import annotations

import pytest

from footviz.handouts.textflow import LINE, PT, Box, Flow, Measure, Ops, Overflow, block_height

TEXT = (
    "Сядьте, положите стопу на середину бедра другой ноги. Hold the top of the foot in your "
    "left palm and lay your right hand flat on the sole."
)


@pytest.mark.parametrize("width", [1.2, 2.0, 3.3])
def test_wrapped_lines_fit_the_width_as_matplotlib_draws_them(width):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    m = Measure()
    lines = m.wrap(TEXT, width, 8.0)
    assert " ".join(lines) == TEXT
    assert m.count(TEXT, width, 8.0) == len(lines)
    fig = Figure(dpi=300)
    FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()
    for line in lines:
        t = fig.text(0, 0, line, fontsize=8.0)
        assert t.get_window_extent(renderer).width / 300 <= width, line


def test_flow_continues_into_the_next_box_then_overflows():
    m = Measure()
    a, b = Box("a", 0.0, 0.0, 2.0, 1.0), Box("b", 2.2, 0.0, 4.2, 1.0)
    ops = Ops()
    flow = Flow(ops, m, a, b)
    flow.para(TEXT, 8.0)
    flow.para(TEXT, 8.0)
    assert {t.box for t in ops.texts} == {"a", "b"}
    pitch = {round(t.y, 6) for t in ops.texts if t.box == "a"}
    assert len(pitch) >= 2
    with pytest.raises(Overflow):
        for _ in range(5):
            flow.para(TEXT, 8.0)


def test_block_height():
    assert block_height(0, 8.0) == 0.0
    assert block_height(3, 10.0) > 2 * LINE * 10.0 * PT


def _page_with(fig_text) -> object:
    """A small page of texts, each made by ``fig_text(fig, x, y, s, **kwargs)``."""
    from footviz.render.figures import new_figure

    fig = new_figure((4.0, 3.0))
    common = {"transform": fig.dpi_scale_trans, "parse_math": False, "va": "baseline"}
    for i, (text, kw) in enumerate(
        [
            ("Hold the heel, press 30 s", {"fontsize": 9}),
            ("Головная боль: $5 a «lesson»", {"fontsize": 8, "fontweight": "bold"}),
            ("in italics, muted", {"fontsize": 7, "fontstyle": "italic", "color": "#555555"}),
            ("right-aligned 3/4", {"fontsize": 8, "ha": "right"}),  # drawn as any Text
            ("two\nlines", {"fontsize": 8}),  # drawn as any Text
        ]
    ):
        fig_text(fig, 3.7 if kw.get("ha") else 0.3, 2.6 - 0.45 * i, text, **common, **kw)
    return fig


def _plain_text(fig, *args, **kwargs):
    return fig.text(*args, **kwargs)


@pytest.mark.parametrize("fmt", ["pdf", "svg", "png"])
def test_page_text_draws_the_same_bytes_as_matplotlib_text(fmt):
    from footviz.handouts.textflow import page_text
    from footviz.handouts.writer import RC
    from footviz.render.output import to_bytes

    ours, theirs = _page_with(page_text), _page_with(_plain_text)
    assert {type(t).__name__ for t in ours.texts} == {"PageText"}  # in fig.texts, as fig.text
    assert {type(t).__name__ for t in theirs.texts} == {"Text"}
    kwargs = {"dpi": 100} if fmt == "png" else {}
    assert to_bytes(ours, fmt, rc=RC, **kwargs) == to_bytes(theirs, fmt, rc=RC, **kwargs)


def test_page_text_is_extractable_and_measures_as_text():
    import io

    from pypdf import PdfReader

    from footviz.handouts.textflow import page_text
    from footviz.handouts.writer import RC
    from footviz.render.output import to_bytes

    fig = _page_with(page_text)
    text = PdfReader(io.BytesIO(to_bytes(fig, "pdf", rc=RC))).pages[0].extract_text()
    assert "Hold the heel, press 30 s" in text and "Головная боль: $5 a «lesson»" in text
    renderer = fig.canvas.get_renderer()
    first, right = (
        fig.texts[0].get_window_extent(renderer),
        fig.texts[3].get_window_extent(renderer),
    )
    assert first.x0 == pytest.approx(0.3 * fig.dpi, abs=1.0) and first.width > 1.0 * fig.dpi
    assert right.x1 == pytest.approx(3.7 * fig.dpi, abs=1.0)


def test_a_trial_flow_ends_where_the_drawn_flow_ends_and_keeps_no_lines():
    m = Measure()
    boxes = (Box("a", 0.0, 0.0, 2.0, 1.0), Box("b", 2.2, 0.0, 4.2, 1.0))
    drawn, trial = Ops(), Ops.trial()
    flows = [Flow(drawn, m, *boxes), Flow(trial, m, *boxes)]
    for flow in flows:
        flow.para(TEXT, 8.0, label="1.", indent=0.1)
        flow.runs(((TEXT[:40], "bold"), (TEXT[40:], "normal")), 8.0, label="2", before=0.02)
    assert (flows[0].column, flows[0].y) == (flows[1].column, flows[1].y) == (1, flows[1].y)
    assert len(drawn.texts) > 10 and trial.texts == []
    for ops in (Ops(), Ops.trial()):
        with pytest.raises(Overflow):
            Flow(ops, m, boxes[0]).para(TEXT * 6, 8.0)
