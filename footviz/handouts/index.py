"""The index page of a multi-condition handout: each condition with its zones and first
page, the contraindications and the disclaimer (imports matplotlib)."""

from __future__ import annotations

from typing import Any

from ..atlas import Atlas
from .content import practice, texts
from .page import (
    EDGE_CLEARANCE,
    FOOTER_SIZE,
    GAP,
    MARGIN,
    MIN_SIZE,
    PAGES,
    PageOverflow,
    disclaimer_band,
    draw_ops,
    footer_text,
    new_figure,
)
from .subject import Subject
from .textflow import (
    BOLD,
    DESCENT,
    MUTED,
    MUTED_COLOUR,
    PT,
    Box,
    Flow,
    Measure,
    Ops,
    Overflow,
    TextOp,
)


def index_page(
    subjects: list[Subject],
    atlas: Atlas,
    page: str,
    lang: str,
    total: int,
    starts: list[int] | None = None,
) -> Any:
    """A page listing each condition's title, its zones and the number of its first page
    (``starts``; by default 2, 3, ... one page each)."""
    starts = starts or list(range(2, len(subjects) + 2))
    words = texts(lang, practice(atlas))
    fig = new_figure(page)
    m = Measure()
    w, h = PAGES[page]
    # the zones of each condition while they fit (they are on its own page as well)
    tries = [(size, True) for size in (10.0, 9.0, 8.5, MIN_SIZE)]
    tries += [(size, False) for size in (10.0, 9.0, 8.5, MIN_SIZE)]
    for size, with_zones in tries:
        ops = Ops()
        disclaimer = disclaimer_band(ops, m, words, w, size)
        labels = [words["index_page"].format(n=n) for n in starts]
        label_w = max(m.width(label, size + 1.5) for label in labels)
        # a right-hand gutter for the page numbers, as in a table of contents
        box = Box("index", MARGIN, disclaimer.y1 + GAP, w - MARGIN - label_w - 0.15, h - MARGIN)
        flow = Flow(ops, m, box)
        try:
            flow.para(words["index_title"], 18.0, BOLD)
            flow.para(words["index_intro"], size, MUTED, before=0.08)
            flow.space(0.15)
            for label, subject in zip(labels, subjects, strict=True):
                flow.para(subject.title, size + 1.5, BOLD, before=0.12)
                y = flow.y + DESCENT * (size + 1.5) * PT  # the baseline of the title's last line
                ops.texts.append(TextOp("index", w - MARGIN, y, label, size + 1.5, ha="right"))
                if with_zones:
                    zones = ", ".join(f"{r.number}. {r.zone}" for r in subject.rows)
                    flow.para(zones, size, MUTED, before=0.03)
            flow.para(words["contra_heading"], size + 1.5, BOLD, before=0.3)
            items = "; ".join(words["contraindications"])
            flow.para(f"{words['contra_intro']} {items}.", size, before=0.015)
            for item in words["contra_after"]:
                flow.para(item, size, BOLD, before=0.02)
        except Overflow:
            continue
        break
    else:
        raise PageOverflow(f"{len(subjects)} conditions do not fit on one index page")
    draw_ops(fig, ops, {})
    fig.text(
        MARGIN,
        EDGE_CLEARANCE + DESCENT * FOOTER_SIZE * PT,
        footer_text(atlas, lang, f"1/{total}"),
        fontsize=FOOTER_SIZE,
        color=MUTED_COLOUR,
        va="baseline",
        transform=fig.dpi_scale_trans,
        parse_math=False,
    )
    return fig
