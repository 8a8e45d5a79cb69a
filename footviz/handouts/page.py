"""One printed handout page: title, map, key table, self-massage steps, rules,
contraindications and disclaimer, laid out by measuring the text (imports matplotlib).

The page is planned before anything is drawn.  Every text block's height at a body font size
comes from cached text metrics; the map gets the height left over.  Dense pages shrink the map
(never below :data:`MAP_MIN`) before the text, and the body text never goes below
:data:`MIN_SIZE` points.  Only when even that does not fit does the key show the first
clause of each note (:func:`footviz.handouts.subject.shorter_note`) or its compact form; and
when a subject still does not fit, its first page keeps the map, the key, the
contraindications and the disclaimer, and :func:`compose_continuation` sets the self-massage
steps and rules on a second page (:func:`plan_subject`).  Then the page is laid out once and
drawn once; the boxes never overlap each other or the map.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .._version import __version__
from ..atlas import Atlas
from ..atlas.techniques import Step
from ..render.figures import FigureResult
from .content import Texts, texts
from .diagrams import Slot, draw_slots, step_para
from .mapview import MapView, draw_map, plan_map
from .subject import PointRow, Subject, shorter_note
from .textflow import (
    ASCENT,
    BOLD,
    DESCENT,
    ITALIC,
    LINE,
    MUTED,
    MUTED_COLOUR,
    NOTE,
    PT,
    TEXT_COLOUR,
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
GUTTER = 0.2  # between text columns
GAP = 0.1  # between stacked blocks
MIN_SIZE = 8.0  # body text never goes below this (points)
COMFORT_SIZE = 8.0  # dense pages shrink the map, not the text, until the text reaches this
SIZES = tuple(s / 4.0 for s in range(38, 31, -1))  # 9.5 .. 8.0 points, largest first
CONTINUATION_SIZES = (11.0, 10.5, 10.0, *SIZES)  # a page of text alone reads larger
MAP_MIN = 2.3  # inches: the smallest map (numbers and zones stay easy to find)
MAP_GOOD = 3.6  # a map this tall (or its natural height) is worth more than a bigger font
MAP_MAX = 4.6
SIDE_MIN = 1.5  # inches: the narrowest column of key entries beside the map
TITLE_SIZE = 14.0
SUBTITLE_SIZE = 8.0
FOOTER_SIZE = 6.0
EDGE_CLEARANCE = 0.25  # inches: most office printers cannot print closer to the paper edge
DISCLAIMER_FACE = "#F3EFE6"
DISCLAIMER_PAD = 0.06
CELL_PAD = 0.06  # inches of white space to the right of a table cell
ROW_PAD = 0.016  # inches above and below a table row's text (a rule in between)


# what a crowded page gives up, in turn, to keep MIN_SIZE: (compact key, short notes)
FALLBACKS = ((False, False), (False, True), (True, False), (True, True))
# the text sections below the key: all three on a single page; when they do not fit, the
# first page keeps the contraindications and a continuation page takes the whole text
SECTIONS: tuple[str, ...] = ("steps", "rules", "contra")
FIRST_OF_TWO: tuple[str, ...] = ("contra",)


class PageOverflow(ValueError):
    """The subject has more than one page can hold."""


@dataclass(frozen=True)
class Plan:
    """What the layout settled on for a page: body size, map height, text columns."""

    size: float
    map_h: float
    columns: int
    columns_h: float
    short_notes: bool = False
    compact_key: bool = False
    map_w: float | None = None  # narrower than the page when the key starts beside the map
    sections: tuple[str, ...] = SECTIONS  # the text sections below the key
    points: str = "notes"  # what the list of acupoints keeps (POINT_DETAILS)
    diagrams: bool = False  # the self-massage steps carry their diagrams

    @property
    def continued(self) -> bool:
        """Whether a continuation page holds the sections this page leaves out."""
        return "steps" not in self.sections


@dataclass(repr=False, eq=False)
class HandoutPage(FigureResult):
    """A composed page: the figure, its boxes (inches) and the artists drawn in each.

    A :class:`~footviz.render.figures.FigureResult`: ``savefig``, ``close()`` (or ``with``)
    frees the figure, and a notebook shows the page once.
    """

    figure: Any
    page: str
    lang: str
    size: float  # body font size chosen
    boxes: dict[str, Box]
    texts: dict[str, list[Any]] = field(default_factory=dict)
    map: MapView | None = None
    map_ax: Any = None
    plan: Plan | None = None
    steps: list[Any] = field(default_factory=list)  # the step diagrams (StepArtists)

    def all_texts(self) -> list[tuple[str, Any]]:
        return [(name, t) for name, ts in self.texts.items() for t in ts]

    def _result_figure(self):
        return self.figure

    def __repr__(self) -> str:
        return f"<HandoutPage page={self.page!r} lang={self.lang!r}>"


def check_page(page: str) -> str:
    from ..atlas.model import check_choice

    for name in PAGES:
        if isinstance(page, str) and page.casefold() == name.casefold():
            return name
    return check_choice("page size", page, tuple(PAGES))


def new_figure(page: str):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    w, h = PAGES[page]
    fig = Figure(figsize=(w, h), dpi=300)  # measure near true metrics (little hinting)
    FigureCanvasAgg(fig)
    return fig


def _title_block(ops: Ops, m: Measure, subject: Subject, w: float, h: float) -> Box:
    box = Box("title", MARGIN, 0.0, w - MARGIN, h - MARGIN)
    flow = Flow(ops, m, box)
    flow.para(subject.title, TITLE_SIZE, BOLD)
    flow.para(subject.subtitle, SUBTITLE_SIZE, MUTED, before=0.03)
    return Box("title", box.x0, flow.y, box.x1, box.y1)


def disclaimer_band(ops: Ops, m: Measure, words: Texts, w: float, size: float) -> Box:
    """The disclaimer on its tinted band, from the bottom margin up."""
    inner_w = w - 2 * MARGIN - 2 * DISCLAIMER_PAD
    text = words["disclaimer_heading"] + ": " + words["disclaimer"]
    lines = m.wrap(text, inner_w, size)
    d_h = block_height(len(lines), size) + 2 * DISCLAIMER_PAD
    box = Box("disclaimer", MARGIN, MARGIN, w - MARGIN, MARGIN + d_h)
    ops.rects.append(RectOp(box, DISCLAIMER_FACE))
    inner = Box(
        "disclaimer",
        box.x0 + DISCLAIMER_PAD,
        box.y0 + DISCLAIMER_PAD,
        box.x1 - DISCLAIMER_PAD,
        box.y1 - DISCLAIMER_PAD,
    )
    Flow(ops, m, inner).para(text, size)
    return box


def _cells(subject: Subject, short: bool) -> list[tuple[str, str, str, str, str]]:
    return [
        (r.zone, r.organs, r.foot, r.aspect, shorter_note(r.note) if short else r.note)
        for r in subject.rows
    ]


def _widths(m: Measure, width: float, heads, cells, size: float) -> list[float]:
    """Column widths: number, foot and aspect as narrow as their text; of the rest, the split
    between zone, organs and note that takes the fewest lines (then the widest note)."""

    def natural(i: int, cap: float = 1e9) -> float:
        widest = max((m.width(c[i], size) for c in cells), default=0.0)
        head = max(m.width(word, size, "bold") for word in heads[i + 1].split())
        return min(cap, max(widest, head) / 0.955) + CELL_PAD

    num_w = max(m.width(str(len(cells)), size, "bold"), m.width(heads[0], size, "bold"))
    num_w = num_w / 0.955 + CELL_PAD
    foot_w = natural(2)
    aspect_w = natural(3, cap=8.0 * size * PT)
    rest = width - num_w - foot_w - aspect_w
    zone_max, organ_max = natural(0), natural(1)

    def longest_word(i: int) -> float:  # a column is never narrower: no word is cut
        words = [w for c in cells for w in c[i].split()] + heads[i + 1].split()
        return max(m.width(w, size, "bold") for w in words) / 0.955 + CELL_PAD

    zone_min, organ_min = longest_word(0), longest_word(1)

    def lines(col: int, w: float) -> list[int]:
        return [m.count(c[col], w - CELL_PAD, size) if c[col] else 1 for c in cells]

    best = None
    organs = [max(organ_min, min(organ_max, rest * of)) for of in (0.12, 0.16, 0.2, 0.24, 0.28)]
    organ_lines = [lines(1, organ_w) for organ_w in organs]  # the same for every zone width
    for zf in (0.14, 0.18, 0.22, 0.26, 0.3):
        zone_w = max(zone_min, min(zone_max, rest * zf))
        zone_lines = lines(0, zone_w)
        for organ_w, o_lines in zip(organs, organ_lines, strict=True):
            note_w = rest - zone_w - organ_w
            total = sum(
                max(a, b, c) for a, b, c in zip(zone_lines, o_lines, lines(4, note_w), strict=True)
            )
            score = (total, zone_w + organ_w)
            if best is None or score < best[0]:
                best = (score, zone_w, organ_w)
    _, zone_w, organ_w = best
    return [num_w, zone_w, organ_w, foot_w, aspect_w, rest - zone_w - organ_w]


def _table(
    ops: Ops, m: Measure, box: Box, subject: Subject, words: Texts, size: float, short: bool
) -> float:
    """Lay out the key table from ``box.y1`` down; return the y of its bottom."""
    flow = Flow(ops, m, box)
    flow.para(words["key"], size + 1.5, BOLD)
    if subject.unresolved:
        flow.para(
            words["unresolved"].format(names=", ".join(subject.unresolved)),
            size,
            NOTE,
            before=0.02,
        )
    heads = words["columns"]
    cells = _cells(subject, short)
    widths = _widths(m, box.width, heads, cells, size)
    xs = [box.x0]
    for wdt in widths[:-1]:
        xs.append(xs[-1] + wdt)
    pitch = LINE * size * PT

    def row(values, weight: str, number: int | None, top: float) -> float:
        wrapped = [
            m.wrap(v, wdt - CELL_PAD, size, weight) if v else []
            for v, wdt in zip(values, widths, strict=True)
        ]
        n = max(1, *(len(w) for w in wrapped))
        bottom = top - 2 * ROW_PAD - block_height(n, size)
        if bottom < box.y0:
            raise Overflow(box.name)
        if not ops.record:  # a trial: only the height counts
            return bottom
        base = top - ROW_PAD - ASCENT * size * PT
        if number is not None:
            ops.texts.append(TextOp(box.name, xs[0], base, str(number), size, "bold"))
        for x, lines in zip(xs, wrapped, strict=True):
            for i, line in enumerate(lines):
                ops.texts.append(TextOp(box.name, x, base - i * pitch, line, size, weight))
        ops.rules.append(RuleOp(box.x0, box.x1, bottom))
        return bottom

    y = flow.y - 0.04
    y = row(list(heads), "bold", None, y)
    for r, c in zip(subject.rows, cells, strict=True):
        y = row(["", *c], "normal", r.number, y)
    return y


def _entry(row, note: str) -> tuple[tuple[str, str], ...]:
    """A compact key entry: the zone in bold, then its organs (when they say more), foot,
    aspect and note."""
    organs = f" ({row.organs})" if row.organs.casefold() != row.zone.casefold() else ""
    return ((row.zone, "bold"), (f"{organs} \u2014 {row.foot}, {row.aspect}. {note}", "normal"))


def _compact_key(
    ops: Ops,
    m: Measure,
    box: Box,
    subject: Subject,
    words: Texts,
    size: float,
    short: bool,
    side: Box | None = None,
) -> float:
    """The fallback key for crowded pages: numbered entries, every field of the table kept,
    starting in ``side`` (a box beside the map) when given, then in two balanced columns from
    ``box.y1`` down; return the y of its bottom."""
    heads = words["columns"]
    legend = (
        f"{heads[0]} {heads[1]} ({heads[2].lower()}) \u2014 {heads[3].lower()}, "
        f"{heads[4].lower()}. {heads[5]}"
    )
    cells = _cells(subject, short)
    entries = [(str(r.number), _entry(r, c[4])) for r, c in zip(subject.rows, cells, strict=True)]
    label_w = m.width(str(len(entries)), size, "bold") + 0.05

    keep = block_height(2, size)

    def place(target: Ops, height: float) -> Flow:
        cols = column_boxes(box.x0, box.x1, box.y1, height, 2, "key") if height > 0 else []
        flow = Flow(target, m, *([side] if side else []), *cols)
        flow.para(words["key"], size + 1.5, BOLD, keep=keep)
        if subject.unresolved:
            text = words["unresolved"].format(names=", ".join(subject.unresolved))
            flow.para(text, size, NOTE, before=0.02)
        flow.para(legend, size, NOTE, before=0.01)
        flow.space(0.03)
        for label, runs in entries:
            flow.runs(runs, size, label=label, indent=label_w, before=0.012)
        return flow

    if side is not None:
        try:
            place(Ops.trial(), 0.0)
        except Overflow:
            pass
        else:  # every entry fits beside the map
            place(ops, 0.0)
            return side.y0
    lo, hi = 0.0, max(0.0, box.height)
    try:
        tall = place(Ops.trial(), hi)
    except Overflow:
        raise Overflow(box.name) from None
    # a height that holds everything in the first column fits as ``tall`` does: not tried
    first = 1 if side is not None else 0
    enough = box.y1 - tall.y + keep if tall.column == first else hi
    while hi - lo > 0.005:  # bisect the height of the columns
        mid = (lo + hi) / 2.0
        try:
            if mid < enough:
                place(Ops.trial(), mid)
        except Overflow:
            lo = mid
        else:
            hi = mid
    place(ops, hi)
    return box.y1 - hi


def column_boxes(
    x0: float, x1: float, top: float, height: float, n: int, name: str | None = None
) -> list[Box]:
    """``n`` newspaper columns between ``x0`` and ``x1``, ``height`` inches down from
    ``top``, named ``name`` (or "steps", "rules", "contra")."""
    col_w = (x1 - x0 - (n - 1) * GUTTER) / n
    names = [name] * n if name else ("steps", "rules", "contra")[:n]
    return [
        Box(name, x0 + i * (col_w + GUTTER), top - height, x0 + i * (col_w + GUTTER) + col_w, top)
        for i, name in enumerate(names)
    ]


#: The text glyph of each source role in the page's list of points: the shape of its marker
#: on the map, in its colour (points without a role: a ring, in ink).
POINT_GLYPHS: dict[str | None, str] = {
    "exciting": "\u25b2",
    "calming": "\u25bc",
    "harmonising": "\u25c6",
    None: "\u25cb",
}
POINT_DETAILS: tuple[str, ...] = ("notes", "names", "codes")  # what the list keeps, in turn
STEP_DIAGRAM = (0.4, 0.55)  # inches: a self-massage step's diagram beside its text
CONTINUATION_DIAGRAM = (0.7, 1.0)  # on a page of text alone


def _glyph_colour(glyph: str) -> str | None:
    from ..render.points import ROLE_STYLES

    for role, g in POINT_GLYPHS.items():
        if g == glyph:
            return ROLE_STYLES[role][1] if role is not None else TEXT_COLOUR
    return None


def _points(
    flow: Flow,
    m: Measure,
    rows: tuple[PointRow, ...],
    words: Texts,
    size: float,
    detail: str,
    keep: float,
) -> None:
    """The acupoints section: a line per role shown (its marker's glyph and the source's
    meaning), then each point (code, name, note) or, at ``detail="codes"``, their codes."""
    from ..render.points import ROLE_ORDER

    start = len(flow.ops.texts)
    glyph_w = max(m.width(g, size, "bold") for g in POINT_GLYPHS.values()) + 0.06
    flow.para(words["points_heading"], size + 1.5, BOLD, keep=keep)
    present = {r.role for r in rows}
    for role in (*ROLE_ORDER, None):
        if role in present:
            text = words["point_roles"][role or "other"]
            flow.para(text, size, label=POINT_GLYPHS[role], indent=glyph_w, before=0.01)
    if detail == "codes":
        codes = ", ".join(r.code for r in rows)
        flow.para(words["points_codes"].format(codes=codes), size, before=0.03)
    else:
        for i, r in enumerate(rows):
            rest = f" {r.name}" + (f" \u2014 {r.note}" if detail == "notes" else "")
            runs = ((r.code, "bold"), (rest, "normal"))
            first = 0.04 if i == 0 else 0.015
            flow.runs(runs, size, label=POINT_GLYPHS[r.role], indent=glyph_w, before=first)
    for i in range(start, len(flow.ops.texts)):  # each glyph in its marker's colour
        op = flow.ops.texts[i]
        colour = _glyph_colour(op.text)
        if colour is not None:
            flow.ops.texts[i] = op._replace(colour=colour)


def steps_atlas(atlas: Atlas | None) -> tuple[tuple[Step, ...], Atlas | None]:
    """The self-massage steps a page draws and the atlas whose outlines they are drawn on:
    ``atlas``'s own, or the built-in atlas's (None) when ``atlas`` has no techniques."""
    from ..atlas.techniques import technique
    from ..errors import UnknownNameError

    if atlas is not None:
        try:
            return atlas.technique("self-massage").steps, atlas
        except (UnknownNameError, LookupError):
            pass
    return technique("self-massage").steps, None


@dataclass
class Diagrams:
    """The steps of the self-massage sequence drawn beside their text: the steps, the
    page's language, each diagram's size (inches) and the slots laid out."""

    steps: tuple[Step, ...]
    lang: str
    size: tuple[float, float] = STEP_DIAGRAM
    slots: list[Slot] = field(default_factory=list)

    @classmethod
    def of(
        cls, lang: str, size: tuple[float, float] = STEP_DIAGRAM, atlas: Atlas | None = None
    ) -> Diagrams:
        """The self-massage steps of ``atlas`` (a scaled atlas has its strokes scaled), or
        of the built-in atlas when ``atlas`` holds no techniques (Su Jok)."""
        return cls(steps_atlas(atlas)[0], lang, size)

    def fresh(self) -> Diagrams:
        """The same diagrams with no slots laid out yet (for a trial layout)."""
        return Diagrams(self.steps, self.lang, self.size)


class Columns(NamedTuple):
    """What the newspaper columns below the key hold."""

    sections: tuple[str, ...] = SECTIONS
    points: tuple[PointRow, ...] = ()  # the acupoints listed first
    detail: str = "notes"  # how much of each point (POINT_DETAILS)
    diagrams: Diagrams | None = None  # each step with its diagram at its left


def _columns(
    ops: Ops, m: Measure, boxes: list[Box], words: Texts, size: float, held: Columns
) -> None:
    """The acupoints (``points``, at ``detail``), steps, general rules and
    contraindications (those of ``sections``) flowed through ``boxes`` (newspaper columns);
    :class:`Overflow` when they do not fit.  With ``diagrams`` each step gets its diagram
    at its left (:func:`footviz.handouts.diagrams.step_para`; the slots are recorded)."""
    sections, points, detail, diagrams = held
    head = size + 1.5
    keep = block_height(2, size) + 0.04
    label_w = m.width("8.", size, "bold") + 0.05
    flow = Flow(ops, m, *boxes)
    before = 0.0
    if "points" in sections and points:
        _points(flow, m, points, words, size, detail, keep)
        before = 0.08
    if "steps" in sections:
        flow.para(words["steps_heading"], head, BOLD, before=before, keep=keep)
        if diagrams is not None:
            for step in diagrams.steps:
                step_para(
                    flow, m, step, diagrams.lang, size, diagrams.size, diagrams.slots,
                    before=0.05,
                )  # fmt: skip
        else:
            for i, step in enumerate(words["steps"], start=1):
                flow.para(step, size, label=f"{i}.", indent=label_w, before=0.02)
        flow.para(words["steps_after"], size, ITALIC, before=0.03)
        before = 0.08
    if "rules" in sections:
        bullet_w = m.width("•", size) + 0.05
        flow.para(words["rules_heading"], head, BOLD, before=before, keep=keep)
        for rule in words["rules"]:
            flow.para(rule, size, label="•", indent=bullet_w, before=0.015)
        before = 0.08
    if "contra" in sections:
        flow.para(words["contra_heading"], head, BOLD, before=before, keep=keep)
        items = "; ".join(words["contraindications"])
        flow.para(f"{words['contra_intro']} {items}.", size, before=0.015)
        for item in words["contra_after"]:
            flow.para(item, size, BOLD, before=0.02)
    if "steps" not in sections:
        flow.para(words["continued"], size, NOTE, before=0.05)


def _columns_height(
    m: Measure, words: Texts, width: float, size: float, held: Columns
) -> tuple[int, float]:
    """The fewest inches the columns need, and how many columns (two or three) give it."""
    best: tuple[float, int] | None = None
    for n in (2, 3):
        lo, hi = 0.0, 20.0
        while hi - lo > 0.005:  # bisect the column height
            mid = (lo + hi) / 2.0
            try:
                boxes = column_boxes(0.0, width, mid, mid, n)
                fresh = held.diagrams.fresh() if held.diagrams is not None else None
                _columns(Ops.trial(), m, boxes, words, size, held._replace(diagrams=fresh))
            except Overflow:
                lo = mid
            else:
                hi = mid
        if best is None or hi < best[0] - 0.05:
            best = (hi, n)
    return best[1], best[0]


@dataclass
class PlanCache:
    """What every plan of one subject on one page size shares, whichever sections and
    diagrams it holds: the map's natural height by body size, its width by body size and
    height, the key table's height by body size and short notes, and the compact key's
    bottom by body size, short notes and map height."""

    naturals: dict[float, float] = field(default_factory=dict)
    tables: dict[tuple[float, bool], float] = field(default_factory=dict)
    widths: dict[tuple[float, float], float] = field(default_factory=dict)
    compact: dict[tuple[float, bool, float], tuple[float | None, float | None]] = field(
        default_factory=dict
    )


class PagePlanner:
    """Heights of the page's blocks at a body size, from cached metrics (nothing drawn)."""

    def __init__(
        self,
        m: Measure,
        atlas: Atlas,
        subject: Subject,
        page: str,
        sections: tuple[str, ...] = SECTIONS,
        detail: str = "notes",
        diagrams: bool = False,
        cache: PlanCache | None = None,
    ) -> None:
        self.m, self.atlas, self.subject, self.page = m, atlas, subject, page
        self.sections, self.detail, self.diagrams = sections, detail, diagrams
        on = diagrams and "steps" in sections
        self.steps = Diagrams.of(subject.lang, atlas=atlas) if on else None
        self.words = texts(subject.lang, subject.practice)
        self.w, self.h = PAGES[page]
        self.inner_w = self.w - 2 * MARGIN
        self.title_h = _title_block(Ops.trial(), m, subject, self.w, self.h).height
        cache = cache if cache is not None else PlanCache()
        self._naturals, self._widths, self._keys = cache.naturals, cache.widths, cache.compact
        self._tables = cache.tables
        self._columns: dict[float, tuple[int, float]] = {}

    def natural_map(self, size: float) -> float:
        """The height the map needs to fill the page width (at most :data:`MAP_MAX`)."""
        if size not in self._naturals:
            self._naturals[size] = min(MAP_MAX, self._map(MAP_MAX, size).height)
        return self._naturals[size]

    def _map(self, height: float, size: float):
        """The map's plan in the page width, at most ``height`` tall, labels at ``size``."""
        s = self.subject
        return plan_map(self.atlas, s.marks, self.inner_w, height, size, s.lang, points=s.points)

    def plan(self, size: float, short: bool, compact: bool) -> tuple[Plan, float]:
        """The plan at ``size`` with the map as tall as the page allows, and that height."""
        ops = Ops.trial()
        disclaimer = disclaimer_band(ops, self.m, self.words, self.w, size)
        if size not in self._columns:  # the same at every key and map height
            held = Columns(self.sections, self.subject.point_rows, self.detail, self.steps)
            self._columns[size] = _columns_height(self.m, self.words, self.inner_w, size, held)
        columns, columns_h = self._columns[size]
        top = self.h - MARGIN - self.title_h
        avail = top - disclaimer.y1 - columns_h - 4 * GAP  # for the map and the key
        natural = self.natural_map(size)
        if compact:
            map_h, map_w = self._compact(size, short, avail, natural)
            room = map_h
        else:
            if (size, short) not in self._tables:
                probe = Box("key", MARGIN, -100.0, self.w - MARGIN, 0.0)
                bottom = _table(Ops.trial(), self.m, probe, self.subject, self.words, size, short)
                self._tables[(size, short)] = -bottom
            room = avail - self._tables[(size, short)]
            map_h, map_w = min(room, natural), None
        plan = Plan(
            size, map_h, columns, columns_h, short, compact, map_w, self.sections, self.detail,
            self.steps is not None,
        )  # fmt: skip
        return plan, room

    def side_box(self, size: float, map_h: float, top: float) -> tuple[float, Box | None]:
        """The width the map draws at ``map_h`` and the box beside it (if wide enough)."""
        key = (size, round(map_h, 4))
        if key not in self._widths:
            mp = self._map(map_h, size)
            self._widths[key] = min(self.inner_w, mp.total_w * mp.scale + 0.05)
        map_w = self._widths[key]
        x0 = MARGIN + map_w + GUTTER
        if self.w - MARGIN - x0 < SIDE_MIN:
            return self.inner_w, None
        return map_w, Box("key_side", x0, top - map_h, self.w - MARGIN, top)

    def _compact(
        self, size: float, short: bool, avail: float, natural: float
    ) -> tuple[float, float | None]:
        """The tallest map (and its width) that leaves room for the compact key, which
        starts beside the map when the map leaves a column free."""

        def slack(map_h: float) -> tuple[float, float | None]:
            key = (size, short, map_h)
            if key not in self._keys:  # the key's bottom and the map's width beside it
                map_w, side = self.side_box(size, map_h, 0.0)
                below = Box("key", MARGIN, -100.0, self.w - MARGIN, -map_h - GAP)
                try:
                    bottom = _compact_key(
                        Ops.trial(), self.m, below, self.subject, self.words, size, short, side
                    )
                except Overflow:
                    self._keys[key] = (None, None)
                else:
                    self._keys[key] = (bottom, map_w if side is not None else None)
            bottom, map_w = self._keys[key]
            if bottom is None:
                return -100.0, None
            return avail + bottom, map_w

        lo, hi = 0.0, natural
        best = slack(hi)
        if best[0] >= 0:
            return hi, best[1]
        best_lo = slack(lo)
        if best_lo[0] < 0:
            return best_lo[0], None
        for _ in range(6):  # bisect the map height (to a twentieth of an inch or so)
            mid = (lo + hi) / 2.0
            result = slack(mid)
            if result[0] >= 0:
                lo, best_lo = mid, result
            else:
                hi = mid
        return lo, best_lo[1]


def plan_page(planner: PagePlanner) -> Plan:
    """Choose the body size and map height of the planner's page (its ``sections`` below
    the key).

    Largest first, the body size that leaves the map :data:`MAP_GOOD` inches (or all it
    needs) wins if it is at least :data:`COMFORT_SIZE`; otherwise the largest size up to
    :data:`COMFORT_SIZE` that leaves the map :data:`MAP_MIN` inches; otherwise the same with
    the key's notes cut to their first clause.  Never below :data:`MIN_SIZE`.

    The planner's :class:`PlanCache` carries the measurements every plan of this subject
    and page size shares (:func:`plan_subject` gives one to all its trial plans).
    """
    plans: dict[tuple[float, bool, bool], tuple[Plan, float]] = {}

    def at(size: float, short: bool, compact: bool = False) -> tuple[Plan, float]:
        if (size, short, compact) not in plans:
            plans[(size, short, compact)] = planner.plan(size, short, compact)
        return plans[(size, short, compact)]

    def largest(sizes, ok) -> float | None:
        """The largest of ``sizes`` (descending) passing ``ok``, by bisection: the room
        left for the map shrinks as the text grows."""
        lo, hi = 0, len(sizes)  # sizes[hi:] all pass (if any do); sizes[:lo] fail
        while lo < hi:
            mid = (lo + hi) // 2
            if ok(sizes[mid]):
                hi = mid
            else:
                lo = mid + 1
        return sizes[lo] if lo < len(sizes) and ok(sizes[lo]) else None

    def good(size: float) -> bool:
        room = at(size, False)[1]
        return room >= min(MAP_GOOD, planner.natural_map(size)) - 1e-9

    def fits(size: float, short: bool, compact: bool) -> bool:
        return at(size, short, compact)[1] >= min(MAP_MIN, planner.natural_map(size)) - 1e-9

    best = largest(SIZES, good)
    if best is not None and best >= COMFORT_SIZE:
        return at(best, False)[0]
    capped = tuple(s for s in SIZES if s <= COMFORT_SIZE)
    for compact, short in FALLBACKS:
        size = largest(capped, lambda s, c=compact, sh=short: fits(s, sh, c))
        if size is not None:
            return at(size, short, compact)[0]
    raise PageOverflow(
        f"{len(planner.subject.rows)} zones do not fit on one {planner.page} page at "
        f"{MIN_SIZE:g} pt; "
        "choose fewer organs"
    )


def plan_subject(m: Measure, atlas: Atlas, subject: Subject, page: str) -> Plan:
    """The plan of the subject's (first) page: everything on one page when it fits at
    :data:`MIN_SIZE`, else the map, the key and the contraindications, with
    :attr:`Plan.continued` set (the steps and rules go to :func:`compose_continuation`).

    A subject with acupoints lists them first (``"points"``), with their notes, else with
    their names, else by their codes alone (:data:`POINT_DETAILS`), on one page before two.
    The self-massage steps carry their diagrams where they cost little: the same key, a
    little less body size or map at most (:func:`_costs_little`, :attr:`Plan.diagrams`).
    """
    lead = ("points",) if subject.point_rows else ()
    details = POINT_DETAILS if subject.point_rows else ("notes",)
    cache = PlanCache()  # the map and the compact key are the same in every trial
    last: PageOverflow | None = None
    for sections in ((*lead, *SECTIONS), (*lead, *FIRST_OF_TWO)):
        for detail in details:
            try:
                plain = plan_page(
                    PagePlanner(m, atlas, subject, page, sections, detail, cache=cache)
                )
            except PageOverflow as exc:
                last = exc
                continue
            if "steps" not in sections:
                return plain
            try:
                drawn = plan_page(
                    PagePlanner(m, atlas, subject, page, sections, detail, True, cache)
                )
            except PageOverflow:
                return plain
            return drawn if _costs_little(drawn, plain) else plain
    assert last is not None
    raise last


DIAGRAM_COST_SIZE = 0.5  # points of body text the step diagrams may take
DIAGRAM_COST_MAP = 0.5  # inches of map height they may take


def _costs_little(drawn: Plan, plain: Plan) -> bool:
    """Whether the step diagrams leave the page nearly as it is without them: the same key,
    the body at most :data:`DIAGRAM_COST_SIZE` smaller and the map at most
    :data:`DIAGRAM_COST_MAP` shorter."""
    same_key = (drawn.compact_key, drawn.short_notes) == (plain.compact_key, plain.short_notes)
    tall = drawn.map_h >= plain.map_h - DIAGRAM_COST_MAP - 1e-6
    return drawn.size >= plain.size - DIAGRAM_COST_SIZE - 1e-9 and same_key and tall


def _layout(
    m: Measure, subject: Subject, page: str, plan: Plan, atlas: Atlas | None = None
) -> tuple[Ops, list[Slot]]:
    w, h = PAGES[page]
    words = texts(subject.lang, subject.practice)
    size = plan.size
    ops = Ops()
    title = _title_block(ops, m, subject, w, h)
    ops.boxes["title"] = title
    map_top = title.y0 - GAP
    map_w = plan.map_w if plan.map_w is not None else w - 2 * MARGIN
    map_box = Box("map", MARGIN, map_top - plan.map_h, MARGIN + map_w, map_top)
    ops.boxes["map"] = map_box
    side = None
    if plan.map_w is not None:
        side = Box("key_side", MARGIN + map_w + GUTTER, map_box.y0, w - MARGIN, map_top)
        ops.boxes["key_side"] = side
    ops.boxes["footer"] = footer_box(w)
    disclaimer = disclaimer_band(ops, m, words, w, size)
    ops.boxes["disclaimer"] = disclaimer
    key_area = Box("key", MARGIN, disclaimer.y1 + GAP, w - MARGIN, map_box.y0 - GAP)
    if plan.compact_key:
        key_bottom = _compact_key(ops, m, key_area, subject, words, size, plan.short_notes, side)
    else:
        key_bottom = _table(ops, m, key_area, subject, words, size, plan.short_notes)
    key_bottom = min(key_bottom, key_area.y1)
    ops.boxes["key"] = Box("key", key_area.x0, key_bottom, key_area.x1, key_area.y1)
    top = key_bottom - GAP
    # balanced columns as tall as planned; what the map did not need stays blank below them
    height = min(plan.columns_h + 0.01, top - disclaimer.y1 - GAP)
    boxes = column_boxes(MARGIN, w - MARGIN, top, height, plan.columns)
    for box in boxes:
        if box.height <= 0:
            raise Overflow(box.name)
        ops.boxes[box.name] = box
    diagrams = Diagrams.of(subject.lang, atlas=atlas) if plan.diagrams else None
    held = Columns(plan.sections, subject.point_rows, plan.points, diagrams)
    _columns(ops, m, boxes, words, size, held)
    return ops, (diagrams.slots if diagrams is not None else [])


def footer_text(atlas: Atlas, lang: str, page_label: str | None) -> str:
    text = texts(lang)["footer"].format(
        version=__version__, atlas=atlas.title(lang) or atlas.name, atlas_version=atlas.version
    )
    return f"{text} \u00b7 {page_label}" if page_label else text


def draw_ops(fig: Any, ops: Ops, out: dict[str, list[Any]]) -> None:
    """Draw the rectangles, rules and texts of ``ops`` on ``fig`` (inches); the texts go
    into ``out`` by box name."""
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
        out.setdefault(t.box, []).append(t.draw(fig))


def draw_footer(fig: Any, ops: Ops, atlas: Atlas, lang: str, page_label: str | None) -> list[Any]:
    """The footer line (version, atlas, page label) in ``ops.boxes["footer"]``."""
    fb = ops.boxes["footer"]
    return [
        fig.text(
            fb.x0,
            fb.y0 + DESCENT * FOOTER_SIZE * PT,
            footer_text(atlas, lang, page_label),
            fontsize=FOOTER_SIZE,
            color=MUTED_COLOUR,
            va="baseline",
            transform=fig.dpi_scale_trans,
            parse_math=False,
        )
    ]


def footer_box(w: float) -> Box:
    """The footer's box on a page ``w`` inches wide."""
    # the footer sits in the bottom margin, clear of the unprintable strip at the paper edge
    top = EDGE_CLEARANCE + block_height(1, FOOTER_SIZE)
    return Box("footer", MARGIN, EDGE_CLEARANCE, w - MARGIN, top)


def compose(
    subject: Subject,
    atlas: Atlas,
    page: str = "A4",
    page_label: str | None = None,
    plan: Plan | None = None,
) -> HandoutPage:
    """Lay out and draw the (first) handout page for ``subject``.

    ``plan`` defaults to :func:`plan_subject`'s; when it is :attr:`~Plan.continued`, the
    page says so and :func:`compose_continuation` draws the rest.

    Raises
    ------
    PageOverflow
        When even :data:`MIN_SIZE` body text and the smallest map do not fit one page.
    """
    page = check_page(page)
    m = Measure()
    plan = plan or plan_subject(m, atlas, subject, page)
    ops, slots = _layout(m, subject, page, plan, atlas)
    fig = new_figure(page)
    w, h = PAGES[page]
    result = HandoutPage(fig, page, subject.lang, plan.size, ops.boxes, plan=plan)
    draw_ops(fig, ops, result.texts)
    mb = ops.boxes["map"]
    ax = fig.add_axes((mb.x0 / w, mb.y0 / h, mb.width / w, mb.height / h))
    result.map_ax = ax
    result.map = draw_map(ax, atlas, subject.marks, subject.lang, plan.size, points=subject.points)
    result.texts["map"] = list(ax.texts)
    result.steps = draw_slots(fig, slots, steps_atlas(atlas)[1], subject.lang)
    result.texts["footer"] = draw_footer(fig, ops, atlas, subject.lang, page_label)
    return result


def compose_continuation(
    subject: Subject, atlas: Atlas, page: str = "A4", page_label: str | None = None
) -> HandoutPage:
    """The second page of a subject whose first page is :attr:`~Plan.continued`: the title,
    the self-massage steps, the general rules, the contraindications and the disclaimer, at
    the largest body size that fits."""
    page = check_page(page)
    m = Measure()
    words = texts(subject.lang, subject.practice)
    w, h = PAGES[page]
    big = Diagrams.of(subject.lang, CONTINUATION_DIAGRAM, atlas)
    tries = [(big.fresh(), s) for s in CONTINUATION_SIZES]
    tries += [(None, s) for s in CONTINUATION_SIZES]
    for diagrams, size in tries:
        ops = Ops()
        title = _title_block(ops, m, _continued(subject, words), w, h)
        disclaimer = disclaimer_band(ops, m, words, w, size)
        top = title.y0 - GAP
        room = top - disclaimer.y1 - GAP
        held = Columns(diagrams=diagrams)
        columns, height = _columns_height(m, words, w - 2 * MARGIN, size, held)
        if height <= room:
            break
    else:
        raise PageOverflow(f"the self-massage text does not fit one {page} page")
    ops.boxes["title"], ops.boxes["disclaimer"] = title, disclaimer
    ops.boxes["footer"] = footer_box(w)
    boxes = column_boxes(MARGIN, w - MARGIN, top, height + 0.01, columns)
    ops.boxes.update((b.name, b) for b in boxes)
    _columns(ops, m, boxes, words, size, held)
    fig = new_figure(page)
    plan = Plan(size, 0.0, columns, height, diagrams=diagrams is not None)
    result = HandoutPage(fig, page, subject.lang, size, ops.boxes, plan=plan)
    draw_ops(fig, ops, result.texts)
    if diagrams is not None:
        result.steps = draw_slots(fig, diagrams.slots, steps_atlas(atlas)[1], subject.lang)
    result.texts["footer"] = draw_footer(fig, ops, atlas, subject.lang, page_label)
    return result


def _continued(subject: Subject, words: Texts) -> Subject:
    return dataclasses.replace(subject, subtitle=words["continued_subtitle"])
