"""A technique handout: one of the source's massage techniques, step by step, each step with
its small diagram, text and dose, on as many pages as it needs (imports matplotlib).

Page one holds the title, a subtitle on how to read the diagrams and the technique's
introduction; then the steps in two columns (:func:`footviz.handouts.diagrams.step_para`), the
closing note, the technique's own contraindications, the source's contraindications and, on
every page, the disclaimer band and the footer.  The text flows through the columns of
page after page (:class:`~footviz.handouts.textflow.Flow`), so no two text runs meet; the
body size is the largest of :data:`SIZES` that needs no more pages than the smallest does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..atlas import Atlas
from ..atlas.techniques import Technique
from .content import Texts, practice, texts
from .diagrams import Slot, draw_slots, step_para
from .page import (
    GAP,
    MARGIN,
    PAGES,
    SUBTITLE_SIZE,
    TITLE_SIZE,
    HandoutPage,
    PageOverflow,
    check_page,
    column_boxes,
    disclaimer_band,
    draw_footer,
    draw_ops,
    footer_box,
    new_figure,
)
from .textflow import (
    BOLD,
    ITALIC,
    MUTED,
    Box,
    Flow,
    Measure,
    Ops,
    Overflow,
    block_height,
)

SIZES: tuple[float, ...] = (10.5, 10.0, 9.5, 9.0, 8.5, 8.0)  # body sizes, largest first
DIAGRAMS: tuple[tuple[float, float], ...] = ((1.0, 1.45), (0.8, 1.15))  # inches, w x h
COLUMNS = 2
MAX_PAGES = 6


@dataclass
class TechniquePlan:
    """What the layout of a technique handout settled on: the body size and, per page, the
    boxes, the text and the diagram slots."""

    technique: Technique
    lang: str
    page: str
    size: float
    pages: list[Ops] = field(default_factory=list)
    slots: list[list[Slot]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.pages)


def technique_title(tech: Technique, lang: str) -> str:
    """The handout's title (and PDF Title): the technique's name in ``lang``."""
    return tech.name(lang)


def _title(ops: Ops, m: Measure, w: float, h: float, title: str, subtitle: str, name: str):
    box = Box(name, MARGIN, 0.0, w - MARGIN, h - MARGIN)
    flow = Flow(ops, m, box)
    flow.para(title, TITLE_SIZE, BOLD)
    if subtitle:
        flow.para(subtitle, SUBTITLE_SIZE, MUTED, before=0.03)
    return flow


def _layout(
    m: Measure,
    tech: Technique,
    words: Texts,
    lang: str,
    page: str,
    size: float,
    title: str | None = None,
    diagram: tuple[float, float] = DIAGRAMS[0],
) -> TechniquePlan:
    """Lay the whole technique out at body ``size`` with diagrams of ``diagram`` inches;
    :class:`PageOverflow` past :data:`MAX_PAGES`."""
    w, h = PAGES[page]
    name = title if title is not None else technique_title(tech, lang)
    heads: list[Ops] = []
    columns: list[Box] = []
    for i in range(MAX_PAGES):
        ops = Ops()
        if i == 0:
            flow = _title(ops, m, w, h, name, words["technique_subtitle"], f"p{i}:title")
            flow.para(tech.intro(lang), size, before=0.1)
        else:
            title = words["technique_continued"].format(name=name)
            flow = _title(ops, m, w, h, title, "", f"p{i}:title")
        title_box = Box(f"p{i}:title", MARGIN, flow.y, w - MARGIN, h - MARGIN)
        disclaimer = disclaimer_band(ops, m, words, w, size)
        ops.boxes[f"p{i}:title"] = title_box
        ops.boxes[f"p{i}:disclaimer"] = disclaimer
        ops.boxes["footer"] = footer_box(w)
        top = title_box.y0 - 2 * GAP
        height = top - disclaimer.y1 - GAP
        boxes = column_boxes(MARGIN, w - MARGIN, top, height, COLUMNS, "col")
        boxes = [Box(f"p{i}:col{j}", b.x0, b.y0, b.x1, b.y1) for j, b in enumerate(boxes)]
        ops.boxes.update((b.name, b) for b in boxes)
        heads.append(ops)
        columns.extend(boxes)
    body = Ops()
    slots: list[Slot] = []
    flow = Flow(body, m, *columns)
    head = size + 1.5
    keep = block_height(2, size) + 0.04
    try:
        flow.para(words["technique_steps"], head, BOLD, keep=keep)
        for step in tech.steps:
            step_para(flow, m, step, lang, size, diagram, slots, before=0.1)
        if tech.after(lang):
            flow.para(tech.after(lang), size, ITALIC, before=0.08)
        bullet_w = m.width("•", size) + 0.05
        if tech.cautions(lang):
            flow.para(words["technique_cautions"], head, BOLD, before=0.15, keep=keep)
            flow.para(words["technique_cautions_intro"], size, before=0.015)
            for item in tech.cautions(lang):
                flow.para(item, size, label="•", indent=bullet_w, before=0.015)
        flow.para(words["contra_heading"], head, BOLD, before=0.15, keep=keep)
        items = "; ".join(words["contraindications"])
        flow.para(f"{words['contra_intro']} {items}.", size, before=0.015)
        for item in words["contra_after"]:
            flow.para(item, size, BOLD, before=0.02)
    except Overflow:
        raise PageOverflow(
            f"{tech.id!r} does not fit {MAX_PAGES} {page} pages at {size:g} pt"
        ) from None
    used = flow.column // COLUMNS + 1
    plan = TechniquePlan(tech, lang, page, size)
    for i in range(used):
        ops = heads[i]
        prefix = f"p{i}:"
        ops.texts.extend(t for t in body.texts if t.box.startswith(prefix))
        plan.pages.append(ops)
        plan.slots.append([s for s in slots if s.name.startswith(prefix)])
    return plan


def plan_technique(
    m: Measure,
    tech: Technique,
    lang: str,
    page: str,
    atlas: Atlas | None = None,
    title: str | None = None,
) -> TechniquePlan:
    """The layout of ``tech``'s handout (titled ``title``, by default the technique's name):
    the fewest pages; of the layouts that need no more, the largest body size of
    :data:`SIZES`, with the larger diagrams of :data:`DIAGRAMS` first."""
    words = texts(lang, practice(atlas) if atlas is not None else "reflexology")
    page = check_page(page)
    plans: list[TechniquePlan] = []
    for size in SIZES:
        for diagram in DIAGRAMS:
            try:
                plans.append(_layout(m, tech, words, lang, page, size, title, diagram))
            except PageOverflow:
                if size == SIZES[-1] and diagram == DIAGRAMS[-1] and not plans:
                    raise
    fewest = min(len(p) for p in plans)
    return next(p for p in plans if len(p) == fewest)


def compose_technique_page(
    plan: TechniquePlan, index: int, atlas: Atlas, page_label: str | None = None
) -> HandoutPage:
    """Draw page ``index`` (0-based) of a planned technique handout: its text, its step
    diagrams (:func:`footviz.render.technique.draw_step`) and the footer."""
    ops = plan.pages[index]
    fig = new_figure(plan.page)
    result = HandoutPage(fig, plan.page, plan.lang, plan.size, dict(ops.boxes))
    raw: dict[str, list[Any]] = {}
    draw_ops(fig, ops, raw)
    for name, drawn in raw.items():  # "p0:col1" -> "col1": the same names on every page
        result.texts.setdefault(name.split(":")[-1], []).extend(drawn)
    result.boxes = {k.split(":")[-1]: b for k, b in ops.boxes.items()}
    result.steps = draw_slots(fig, plan.slots[index], atlas, plan.lang)
    result.texts["footer"] = draw_footer(fig, ops, atlas, plan.lang, page_label)
    return result
