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
