"""The index page of a multi-condition handout (imports matplotlib)."""

from __future__ import annotations

from typing import Any

from ..atlas import Atlas
from .content import texts
from .page import MARGIN, MIN_SIZE, PAGES, PageOverflow, footer_text, new_figure
from .subject import Subject
from .textflow import MUTED_COLOUR, PT, Box, Flow, Measure, Ops, Overflow, TextOp


def index_page(subjects: list[Subject], atlas: Atlas, page: str, lang: str, total: int) -> Any:
    """A page listing each condition's title, its zones and its page number."""
    words = texts(lang)
    fig = new_figure(page)
    m = Measure()
    w, h = PAGES[page]
    for size in (10.0, 9.0, 8.0, 7.5, MIN_SIZE):
        ops = Ops()
        box = Box("index", MARGIN, MARGIN, w - MARGIN, h - MARGIN)
        flow = Flow(ops, m, box)
        try:
            flow.para(words["index_title"], 18.0, weight="bold")
            flow.para(words["index_intro"], size, colour=MUTED_COLOUR, before=0.08)
            flow.space(0.15)
            for n, subject in enumerate(subjects, start=2):
                label = words["index_page"].format(n=n)
                flow.para(subject.title, size + 1.5, weight="bold", before=0.12)
                ops.texts.append(
                    TextOp(
                        "index",
                        box.x1,
                        flow.y + 0.25 * (size + 1.5) * PT,
                        label,
                        size + 1.5,
                        ha="right",
                    )
                )
                zones = ", ".join(f"{r.number}. {r.zone}" for r in subject.rows)
                flow.para(zones, size, colour=MUTED_COLOUR, before=0.03)
        except Overflow:
            continue
        break
    else:
        raise PageOverflow(f"{len(subjects)} conditions do not fit on one index page")
    for t in ops.texts:
        t.draw(fig)
    fig.text(
        MARGIN,
        MARGIN - 0.3 + 0.25 * 6 * PT,
        footer_text(atlas, lang, f"1/{total}"),
        fontsize=6,
        color=MUTED_COLOUR,
        va="baseline",
        transform=fig.dpi_scale_trans,
        parse_math=False,
    )
    return fig
