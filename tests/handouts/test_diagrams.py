"""footviz.handouts.diagrams: a step's text beside the room for its diagram, and the
diagrams drawn into their slots by footviz.render.technique.draw_step."""

from __future__ import annotations

import itertools

import pytest

from footviz import technique
from footviz.handouts.diagrams import draw_slots, step_para, step_runs
from footviz.handouts.textflow import Box, Flow, Measure, Ops, Overflow

SIZE = 9.0
DIAGRAM = (0.8, 1.1)


def _flow(*boxes: Box) -> tuple[Flow, Ops]:
    ops = Ops()
    return Flow(ops, Measure(), *boxes), ops


def test_a_step_keeps_its_diagrams_room_left_of_its_text_and_below_it():
    steps = technique("heel-spur").steps
    flow, ops = _flow(Box("col", 0.0, 0.0, 3.0, 5.0))
    slots = []
    for step in steps[:3]:
        step_para(flow, Measure(), step, "en", SIZE, DIAGRAM, slots, before=0.1)
    assert [s.step.number for s in slots] == [1, 2, 3]
    for s in slots:
        assert (s.width, s.height) == pytest.approx(DIAGRAM)
        assert s.x0 == 0.0 and s.name == "col"
    assert all(t.x >= slots[0].x1 for t in ops.texts)  # the text never runs into a diagram
    for upper, lower in itertools.pairwise(slots):
        assert lower.y1 <= upper.y0 - 0.1 + 1e-9  # each step starts below the last diagram
    assert flow.y <= slots[-1].y0 + 1e-9
    text = " ".join(t.text for t in ops.texts)
    assert "1." in text and steps[1].text("en").split()[0] in text
    assert "(circles: 1–2 min)" in " ".join(t.text for t in ops.texts)


def test_a_step_moves_to_the_next_column_with_its_diagram_and_overflows_at_the_end():
    step = technique("heel-spur").steps[0]
    m = Measure()
    flow, ops = _flow(Box("a", 0.0, 0.0, 3.0, 1.5), Box("b", 3.2, 0.0, 6.2, 1.5))
    slots = []
    step_para(flow, m, step, "en", SIZE, DIAGRAM, slots)
    step_para(flow, m, step, "en", SIZE, DIAGRAM, slots, before=0.1)  # 1.1 + 0.1 + 1.1 > 1.5
    assert [s.name for s in slots] == ["a", "b"]
    assert slots[1].y1 == pytest.approx(1.5) and slots[1].x0 == 3.2
    assert {t.box for t in ops.texts} == {"a", "b"}
    with pytest.raises(Overflow):
        step_para(flow, m, step, "en", SIZE, DIAGRAM, slots, before=0.1)


def test_step_runs_carry_number_text_and_dose_in_the_language():
    step = technique("heel-spur").steps[1]
    assert step_runs(step, "ru") == (
        ("2.", "bold"),
        (step.text("ru"), "normal"),
        ("(круговые движения: 1–2 мин)", "bold"),
    )
    assert len(step_runs(step, "en", dose=False)) == 2


def test_slots_are_drawn_by_draw_step_inside_their_rectangles():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from footviz.render.technique import main_aspect

    steps = technique("classical").steps
    flow, _ = _flow(Box("col", 0.5, 0.5, 3.5, 9.0))
    slots = []
    for step in steps[:4]:  # the technique handout's size: the presses are numbered
        step_para(flow, Measure(), step, "ru", SIZE, (1.0, 1.45), slots, before=0.1)
    fig = Figure(figsize=(4.0, 9.5), dpi=100)
    FigureCanvasAgg(fig)
    drawn = draw_slots(fig, slots, None, "ru")
    fig.canvas.draw()
    assert [d.step for d in drawn] == list(steps[:4])
    for d, slot in zip(drawn, slots, strict=True):
        assert d.aspect == main_aspect(slot.step)
        assert len(d.strokes) == len(slot.step.on(d.aspect)) > 0
        assert d.badge is None  # the number is the text's
        x0, y0, x1, y1 = d.ax.get_position().extents * [4.0, 9.5, 4.0, 9.5]
        assert x0 >= slot.x0 - 1e-6 and x1 <= slot.x1 + 1e-6
        assert y0 >= slot.y0 - 1e-6 and y1 <= slot.y1 + 1e-6
    numbers = [t for d in drawn for t in d.numbers]
    assert [t.get_text() for t in drawn[1].numbers] == ["1", "2", "3", "4"]  # 4 presses, in order
    assert min(t.get_fontsize() for t in numbers) >= 8.0  # a handout's text is never below 8 pt
