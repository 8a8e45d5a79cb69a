"""One printed handout page: title, map, key table, self-massage steps, rules,
contraindications and disclaimer, laid out by measuring the text (imports matplotlib).

The layout tries the largest body font and map first and steps down until every block fits
its box; the boxes never overlap each other or the map.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .._version import __version__
from ..atlas import Atlas
from .content import Texts, texts
from .mapview import MapView, draw_map, plan_map
from .subject import Subject
from .textflow import (
    ASCENT,
    DESCENT,
    LINE,
    MUTED_COLOUR,
    PT,
    Box,
    Flow,
    Measure,
    Ops,
    Overflow,
    RectOp,
    RuleOp,
    TextOp,
    block_height,
)

PAGES: dict[str, tuple[float, float]] = {"A4": (8.27, 11.69), "Letter": (8.5, 11.0)}
MARGIN = 0.4  # inches
GUTTER = 0.25  # between the two text columns
GAP = 0.14  # between stacked blocks
SIZES = (8.5, 8.0, 7.5, 7.25, 7.0, 6.75, 6.5, 6.25, 6.0, 5.75, 5.5, 5.25, 5.0)
MAP_HEIGHTS = (4.6, 4.2, 3.8, 3.4, 3.0, 2.7)
# (body font size, largest map height in inches), best first: a quarter point of font
# weighs about as much as a quarter inch of map
ATTEMPTS: tuple[tuple[float, float], ...] = tuple(
    sorted(
        ((s, h) for s in SIZES for h in MAP_HEIGHTS),
        key=lambda a: ((SIZES[0] - a[0]) / 0.25 + (MAP_HEIGHTS[0] - a[1]) / 0.25, -a[0]),
    )
)
DISCLAIMER_FACE = "#F3EFE6"
DISCLAIMER_PAD = 0.08


class PageOverflow(ValueError):
    """The subject has more than one page can hold."""


@dataclass
class HandoutPage:
    """A composed page: the figure, its boxes (inches) and the artists drawn in each."""

    figure: Any
    page: str
    lang: str
    size: float  # body font size chosen
    boxes: dict[str, Box]
    texts: dict[str, list[Any]] = field(default_factory=dict)
    map: MapView | None = None
    map_ax: Any = None

    def all_texts(self) -> list[tuple[str, Any]]:
        return [(name, t) for name, ts in self.texts.items() for t in ts]


def check_page(page: str) -> str:
    from ..model import check_choice

    for name in PAGES:
        if isinstance(page, str) and page.casefold() == name.casefold():
            return name
    return check_choice("page size", page, tuple(PAGES))


def new_figure(page: str):
    from matplotlib.figure import Figure

    w, h = PAGES[page]
    fig = Figure(figsize=(w, h), dpi=300)  # measure near true metrics (little hinting)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    return fig


def _title_block(ops: Ops, m: Measure, words_title: str, subtitle: str, w: float, h: float):
    box = Box("title", MARGIN, 0.0, w - MARGIN, h - MARGIN)
    flow = Flow(ops, m, box)
    flow.para(words_title, 14.0, weight="bold")
    flow.para(subtitle, 8.0, colour=MUTED_COLOUR, before=0.04)
    return Box("title", box.x0, flow.y, box.x1, box.y1)


def _table(ops: Ops, m: Measure, box: Box, subject: Subject, words: Texts, size: float) -> float:
    """Lay out the key table from ``box.y1`` down; return the y of its bottom."""
    flow = Flow(ops, m, box)
    flow.para(words["key"], size + 2.0, weight="bold")
    if subject.unresolved:
        flow.para(
            words["unresolved"].format(names=", ".join(subject.unresolved)),
            size,
            style="italic",
            colour=MUTED_COLOUR,
            before=0.03,
        )
    pad = 0.07
    heads = words["columns"]
    cells = [(r.zone, r.organs, r.foot, r.aspect, r.note) for r in subject.rows]

    def natural(i: int) -> float:
        widest = max(m.width(c[i], size) for c in cells) if cells else 0.0
        return max(widest, m.width(heads[i + 1], size, "bold")) / 0.96 + pad

    num_w = max(m.width(str(len(cells)), size, "bold"), m.width(heads[0], size, "bold"))
    num_w = num_w / 0.96 + pad
    foot_w = natural(2)
    aspect_w = min(natural(3), 0.9)
    rest = box.width - num_w - foot_w - aspect_w

    def lines_for(zone_w: float, organ_w: float) -> int:
        note_w = rest - zone_w - organ_w
        return sum(
            max(
                len(m.wrap(c[0], zone_w - pad, size)),
                len(m.wrap(c[1], organ_w - pad, size)),
                len(m.wrap(c[4], note_w - pad, size)),
            )
            for c in cells
        )

    # the split of the free width between zone, organs and note with the fewest lines
    options = [
        (min(natural(0), rest * zf), min(natural(1), rest * of))
        for zf in (0.2, 0.26, 0.32)
        for of in (0.16, 0.22, 0.28)
    ]
    zone_w, organ_w = min(options, key=lambda o: (lines_for(*o), o[0] + o[1]))
    widths = [num_w, zone_w, organ_w, foot_w, aspect_w, rest - zone_w - organ_w]
    xs = [box.x0]
    for wdt in widths[:-1]:
        xs.append(xs[-1] + wdt)
    pitch = LINE * size * PT

    def row(values: list[str], weight: str, number: int | None, top: float) -> float:
        wrapped = [
            m.wrap(v, wdt - pad, size, weight) if v else []
            for v, wdt in zip(values, widths, strict=True)
        ]
        n = max(1, *(len(w) for w in wrapped))
        height = block_height(n, size)
        base = top - 0.012 - ASCENT * size * PT
        if top - 0.022 - height < box.y0:
            raise Overflow(box.name)
        if number is not None:
            ops.texts.append(TextOp(box.name, xs[0], base, str(number), size, "bold"))
        for x, lines in zip(xs, wrapped, strict=True):
            for i, line in enumerate(lines):
                ops.texts.append(TextOp(box.name, x, base - i * pitch, line, size, weight))
        bottom = top - 0.022 - height
        ops.rules.append(RuleOp(box.x0, box.x1, bottom + 0.015))
        return bottom

    y = flow.y - 0.05
    y = row(list(heads), "bold", None, y)
    for r in subject.rows:
        y = row(["", r.zone, r.organs, r.foot, r.aspect, r.note], "normal", r.number, y)
    return y


def _layout(
    m: Measure, atlas: Atlas, subject: Subject, page: str, size: float, map_h: float
) -> Ops:
    w, h = PAGES[page]
    words = texts(subject.lang)
    ops = Ops()
    title = _title_block(ops, m, subject.title, subject.subtitle, w, h)
    ops.boxes["title"] = title
    map_h = min(map_h, plan_map(atlas, subject.marks, w - 2 * MARGIN, map_h, size).height)
    map_box = Box("map", MARGIN, title.y0 - GAP - map_h, w - MARGIN, title.y0 - GAP)
    ops.boxes["map"] = map_box

    # footer and disclaimer from the bottom up
    footer = Box("footer", MARGIN, MARGIN - 0.3, w - MARGIN, MARGIN - 0.3 + block_height(1, 6))
    ops.boxes["footer"] = footer
    inner_w = w - 2 * MARGIN - 2 * DISCLAIMER_PAD
    lead = words["disclaimer_heading"] + ": "
    lines = m.wrap(lead + words["disclaimer"], inner_w, size)
    d_h = block_height(len(lines), size) + 2 * DISCLAIMER_PAD
    disclaimer = Box("disclaimer", MARGIN, MARGIN, w - MARGIN, MARGIN + d_h)
    ops.boxes["disclaimer"] = disclaimer
    ops.rects.append(RectOp(disclaimer, DISCLAIMER_FACE))
    dflow = Flow(
        ops,
        m,
        Box(
            "disclaimer",
            disclaimer.x0 + DISCLAIMER_PAD,
            disclaimer.y0 + DISCLAIMER_PAD,
            disclaimer.x1 - DISCLAIMER_PAD,
            disclaimer.y1 - DISCLAIMER_PAD,
        ),
    )
    dflow.para(lead + words["disclaimer"], size)

    key_top = map_box.y0 - GAP
    key_area = Box("key", MARGIN, disclaimer.y1 + GAP, w - MARGIN, key_top)
    key_bottom = _table(ops, m, key_area, subject, words, size)
    ops.boxes["key"] = Box("key", key_area.x0, key_bottom, key_area.x1, key_area.y1)

    col_top = key_bottom - GAP
    col_w = (w - 2 * MARGIN - GUTTER) / 2.0
    steps = Box("steps", MARGIN, disclaimer.y1 + GAP, MARGIN + col_w, col_top)
    rules = Box("rules", MARGIN + col_w + GUTTER, disclaimer.y1 + GAP, w - MARGIN, col_top)
    if steps.height <= 0:
        raise Overflow("steps")
    ops.boxes["steps"], ops.boxes["rules"] = steps, rules
    head = size + 2.0
    keep = block_height(2, size) + 0.05
    label_w = m.width("8.", size, "bold") + 0.06
    flow = Flow(ops, m, steps, rules)
    flow.para(words["steps_heading"], head, weight="bold", keep=keep)
    for i, step in enumerate(words["steps"], start=1):
        flow.para(step, size, label=f"{i}.", indent=label_w, before=0.03)
    flow.para(words["steps_after"], size, style="italic", before=0.04)
    bullet_w = m.width("•", size) + 0.06
    flow.para(words["rules_heading"], head, weight="bold", before=0.1, keep=keep)
    for rule in words["rules"]:
        flow.para(rule, size, label="•", indent=bullet_w, before=0.025)
    flow.para(words["contra_heading"], head, weight="bold", before=0.1, keep=keep)
    items = "; ".join(words["contraindications"])
    flow.para(f"{words['contra_intro']} {items}.", size, before=0.02)
    for item in words["contra_after"]:
        flow.para(item, size, weight="bold", before=0.03)
    return ops


def footer_text(atlas: Atlas, lang: str, page_label: str | None) -> str:
    text = texts(lang)["footer"].format(
        version=__version__, atlas=atlas.name, atlas_version=atlas.version
    )
    return f"{text} \u00b7 {page_label}" if page_label else text


def _draw_ops(fig: Any, ops: Ops, out: dict[str, list[Any]]) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    inches = fig.dpi_scale_trans
    for r in ops.rects:
        fig.add_artist(
            Rectangle(
                (r.box.x0, r.box.y0),
                r.box.width,
                r.box.height,
                facecolor=r.face,
                edgecolor=r.edge,
                transform=inches,
                zorder=0,
            )
        )
    for rule in ops.rules:
        fig.add_artist(
            Line2D(
                [rule.x0, rule.x1],
                [rule.y, rule.y],
                color=rule.colour,
                linewidth=rule.width,
                transform=inches,
            )
        )
    for t in ops.texts:
        out.setdefault(t.box, []).append(
            fig.text(
                t.x,
                t.y,
                t.text,
                fontsize=t.size,
                fontweight=t.weight,
                fontstyle=t.style,
                color=t.colour,
                ha=t.ha,
                va="baseline",
                transform=inches,
                parse_math=False,
            )
        )


def compose(
    subject: Subject, atlas: Atlas, page: str = "A4", page_label: str | None = None
) -> HandoutPage:
    """Lay out and draw one handout page for ``subject``.

    Raises
    ------
    PageOverflow
        When even the smallest font does not fit the subject on one page.
    """
    page = check_page(page)
    fig = new_figure(page)
    m = Measure(fig)
    for size, map_h in ATTEMPTS:
        try:
            ops = _layout(m, atlas, subject, page, size, map_h)
        except Overflow:
            continue
        break
    else:
        raise PageOverflow(
            f"{len(subject.rows)} zones do not fit on one {page} page; choose fewer organs"
        )
    w, h = PAGES[page]
    result = HandoutPage(fig, page, subject.lang, size, ops.boxes)
    _draw_ops(fig, ops, result.texts)
    mb = ops.boxes["map"]
    ax = fig.add_axes((mb.x0 / w, mb.y0 / h, mb.width / w, mb.height / h))
    result.map_ax = ax
    result.map = draw_map(ax, atlas, subject.marks, subject.lang, size)
    result.texts["map"] = list(ax.texts)
    fb = ops.boxes["footer"]
    result.texts["footer"] = [
        fig.text(
            fb.x0,
            fb.y0 + DESCENT * 6 * PT,
            footer_text(atlas, subject.lang, page_label),
            fontsize=6,
            color=MUTED_COLOUR,
            va="baseline",
            transform=fig.dpi_scale_trans,
            parse_math=False,
        )
    ]
    return result
