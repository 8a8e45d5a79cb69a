"""Technique steps on a printed page: each step's text beside its small diagram.

:func:`step_para` lays one step out in a :class:`~footviz.handouts.textflow.Flow`: the
diagram's room at the left of the column, the step's number, text and dose to its right,
and the paragraph at least as tall as the diagram.  It records a :class:`Slot`;
:func:`draw_slots` draws the diagrams into their slots once the page's figure exists, with
:func:`footviz.render.technique.draw_step` (the strokes are drawn there, never here).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..atlas import Atlas
from ..atlas.techniques import Step
from .textflow import ASCENT, PT, Box, Flow, Measure, Overflow, block_height

DIAGRAM_FONT = 10.0  # draw_step's font size: its press numbers come out at 8 pt
LABEL_FONT = 8.0  # the words in a diagram: the page's smallest body size


@dataclass(frozen=True)
class Slot(Box):
    """Where a step's diagram goes: a rectangle of a page (inches) in the box ``name``."""

    step: Step


def step_runs(step: Step, lang: str, dose: bool = True) -> tuple[tuple[str, str], ...]:
    """The runs of a step's paragraph: its number in bold, its text, and its dose (from
    :func:`footviz.render.technique.dose_line`) when there is one and ``dose`` is set."""
    from ..render.technique import dose_line

    runs: list[tuple[str, str]] = [(f"{step.number}.", "bold"), (step.text(lang), "normal")]
    amount = dose_line(step, lang) if dose else ""
    if amount:
        runs.append((f"({amount})", "bold"))
    return tuple(runs)


def step_para(
    flow: Flow,
    m: Measure,
    step: Step,
    lang: str,
    size: float,
    diagram: tuple[float, float],
    slots: list[Slot],
    *,
    before: float = 0.0,
    dose: bool = True,
) -> None:
    """Add the step's paragraph to ``flow`` with room for its diagram (``(width, height)``
    inches) at the column's left, and record the diagram's :class:`Slot` in ``slots``.

    The paragraph and its diagram stay in one column: when the diagram is taller than the
    text, the column keeps the difference free below the text.
    """
    width, height = diagram
    gap = 0.08
    indent = width + gap
    runs = step_runs(step, lang, dose)
    while True:  # the first column (of those left) holding the taller of text and diagram
        box = flow.box
        lines = m.wrap_runs(runs, box.width - indent, size)
        first_in_column = flow.y >= box.y1 - 1e-9
        top = flow.y - (0.0 if first_in_column else before)
        if top - max(height, block_height(len(lines), size)) >= box.y0 - 1e-9:
            break
        if flow.column + 1 >= len(flow.boxes):
            raise Overflow(box.name)
        flow.column += 1
        flow.y = flow.box.y1
    flow.runs(runs, size, indent=indent, before=before)  # from ``top``, in this column
    top = (top - ASCENT * size * PT) + ASCENT * size * PT  # its first baseline, up to the ascent
    box = flow.box
    slots.append(Slot(box.name, box.x0, top - height, box.x0 + width, top, step))
    flow.y = min(flow.y, top - height)


def draw_slots(fig: Any, slots: list[Slot], atlas: Atlas, lang: str) -> list[Any]:
    """Draw each slot's step into an axes of ``fig`` at the slot (figure inches); return
    the :class:`~footviz.render.technique.StepArtists`, in slot order."""
    from ..render.technique import draw_step

    w, h = fig.get_figwidth(), fig.get_figheight()
    drawn = []
    for s in slots:
        ax = fig.add_axes((s.x0 / w, s.y0 / h, s.width / w, s.height / h))
        ax.set_anchor("N")  # level with the top of the text beside it
        kwargs = {"lang": lang, "atlas": atlas, "number": False, "theme": "light"}
        made = draw_step(ax, s.step, fontsize=DIAGRAM_FONT, **kwargs)
        _keep_in_slot(fig, made.labels, s)
        drawn.append(made)
    return drawn


def _keep_in_slot(fig: Any, labels: list[Any], slot: Slot) -> None:
    """Set a diagram's words ("exercise") at :data:`LABEL_FONT` and move each inside its
    slot, so it never reaches the step's text beside it."""
    renderer = fig.canvas.get_renderer()
    dpi = fig.dpi
    lo_x, hi_x, lo_y, hi_y = slot.x0 * dpi, slot.x1 * dpi, slot.y0 * dpi, slot.y1 * dpi
    for t in labels:
        t.set_fontsize(LABEL_FONT)
        bb = t.get_window_extent(renderer)
        dx = min(0.0, hi_x - bb.x1) or max(0.0, lo_x - bb.x0)
        dy = min(0.0, hi_y - bb.y1) or max(0.0, lo_y - bb.y0)
        if dx or dy:
            tf = t.get_transform()
            x, y = tf.transform(t.get_position())
            t.set_position(tf.inverted().transform((x + dx, y + dy)))
