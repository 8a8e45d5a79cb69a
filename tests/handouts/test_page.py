"""footviz.handouts.page: the page plan (body size, map height, fallbacks, continuation
pages) and the composed page (every text inside its box, off the map and the paper edge)."""

from __future__ import annotations

import re

import pytest

from footviz.handouts import compose, compose_continuation, plan_subject, subjects, texts
from footviz.handouts.page import MIN_SIZE


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


BODY_BOXES = ("key", "key_side", "steps", "rules", "contra", "disclaimer")

# the densest pages (migraine: 20 zones, the compact key; frigidity and baldness in Russian)
# and a light one (acne), each composed once for the tests that only read them
COMPOSED = [
    *[("migraine", page, lang) for page in ("A4", "Letter") for lang in ("en", "ru")],
    *[("acne", page, lang) for page in ("A4", "Letter") for lang in ("en", "ru")],
    ("frigidity_impotence", "A4", "ru"),
    ("baldness", "Letter", "ru"),
]


def _check_texts_in_boxes(hp) -> None:
    fig = hp.figure
    renderer = fig.canvas.get_renderer()
    dpi = fig.dpi
    map_bb = hp.map_ax.get_window_extent(renderer) if hp.map_ax is not None else None
    names = [n for n in hp.boxes if n != "map"]
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert not hp.boxes[a].overlaps(hp.boxes[b]), (a, b)
        if "map" in hp.boxes:
            assert not hp.boxes[a].overlaps(hp.boxes["map"]), a
    for name, text in hp.all_texts():
        bb = text.get_window_extent(renderer)
        box = hp.boxes[name]
        assert box.contains(bb.x0 / dpi, bb.y0 / dpi, bb.x1 / dpi, bb.y1 / dpi, tol=0.01), (
            name,
            text.get_text(),
        )
        if name != "map" and map_bb is not None:
            assert not bb.overlaps(map_bb), text.get_text()
    # the body text a client reads is never below 8 pt, however much the page holds
    body = [t for name, t in hp.all_texts() if name in BODY_BOXES]
    assert min(t.get_fontsize() for t in body) >= MIN_SIZE
    assert hp.size >= MIN_SIZE


@pytest.mark.parametrize(("condition", "page", "lang"), COMPOSED)
def test_text_fits_its_boxes_and_stays_off_the_map(composed, condition, page, lang):
    _, hp = composed(condition, page, lang)
    assert hp.texts.get("key") or hp.texts.get("key_side")
    drawn = " ".join(t.get_text() for _, t in hp.all_texts())
    assert texts(lang)["contra_heading"] in drawn
    _check_texts_in_boxes(hp)
    numbers = [t for t in hp.texts["map"] if t.get_text().isdigit()]
    assert min(t.get_fontsize() for t in numbers) >= MIN_SIZE
    assert (texts(lang)["steps_heading"] in drawn) != hp.plan.continued


def test_lines_and_runs_do_not_overlap(composed):
    _, hp = composed("migraine", "Letter", "ru")
    renderer = hp.figure.canvas.get_renderer()
    for name in BODY_BOXES:
        boxes = [t.get_window_extent(renderer) for t in hp.texts.get(name, [])]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not a.shrunk(1.0, 0.8).overlaps(b.shrunk(1.0, 0.8)), name


@pytest.mark.parametrize("page", ["A4", "Letter"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_condition_keeps_eight_point_text_and_a_readable_map(atlas, page, lang):
    """The plan (nothing drawn) for every condition of the table: body text of at least 8 pt
    and a map no smaller than the minimum (or all that a width-bound map needs); a page
    that cannot hold all its text at 8 pt continues on a second page, which only the
    densest subjects need."""
    from footviz.handouts.mapview import plan_map
    from footviz.handouts.page import MAP_MAX, MAP_MIN, MARGIN, PAGES
    from footviz.handouts.textflow import Measure

    m = Measure()
    width = PAGES[page][0] - 2 * MARGIN
    continued = []
    for condition in atlas.conditions:
        subject = subjects(condition, atlas, lang)[0]
        plan = plan_subject(m, atlas, subject, page)
        assert plan.size >= MIN_SIZE, condition
        natural = plan_map(atlas, subject.marks, width, MAP_MAX, plan.size, lang).height
        assert plan.map_h >= min(MAP_MIN, natural) - 1e-6, condition
        if plan.continued:
            continued.append(condition)
            assert len(subject.rows) >= 13, condition
    assert len(continued) <= 3, continued  # a single page wherever the text allows
    if lang == "en":
        assert not continued  # English fits every condition on one page


def test_continuation_page_holds_the_steps_rules_contraindications(atlas):
    subject = subjects("migraine", atlas, "ru")[0]
    first = compose(subject, atlas, "A4")
    assert first.plan.continued
    drawn = _norm(" ".join(t.get_text() for _, t in first.all_texts()))
    words = texts("ru")
    assert _norm(words["contra_intro"]) in drawn and words["steps_heading"] not in drawn
    second = compose_continuation(subject, atlas, "A4", "2/2")
    _check_texts_in_boxes(second)
    assert second.size >= 10.0  # a page of text alone is set larger
    drawn = _norm(" ".join(t.get_text() for _, t in second.all_texts()))
    for heading in ("steps_heading", "rules_heading", "contra_heading"):
        assert words[heading] in drawn
    assert second.texts["footer"][0].get_text().endswith("2/2")


def test_dense_page_keeps_every_row_and_light_page_keeps_the_table(composed):
    subject, hp = composed("migraine", "A4", "en")
    assert hp.plan.compact_key  # 20 zones: the documented fallback
    key_texts = [t.get_text() for n in ("key", "key_side") for t in hp.texts.get(n, [])]
    assert {str(r.number) for r in subject.rows} <= set(key_texts)
    drawn = _norm(" ".join(key_texts))
    for row in subject.rows:
        assert f"{row.number} {_norm(row.zone)}" in drawn
        assert f"{row.foot}, {row.aspect}. {_norm(row.note)}" in drawn
    _, light = composed("acne", "A4", "en")
    assert not light.plan.compact_key and not light.plan.short_notes
    assert light.size >= 8.0  # a short key leaves room for comfortable text
    assert set(texts("en")["columns"]) <= {t.get_text() for t in light.texts["key"]}


@pytest.mark.parametrize(("condition", "page", "lang"), COMPOSED[:2])
def test_nothing_in_the_unprintable_strip_at_the_paper_edge(composed, condition, page, lang):
    _, hp = composed(condition, page, lang)
    w, h = hp.figure.get_size_inches()
    for name, box in hp.boxes.items():
        # 0.25 in (6 mm) clears the margin most office printers cannot print on
        assert box.x0 >= 0.25 and box.y0 >= 0.25, name
        assert box.x1 <= w - 0.25 and box.y1 <= h - 0.25, name


def test_a_page_is_a_figure_result_that_closes(atlas):
    import io

    import matplotlib.pyplot as plt

    from footviz.errors import FootvizError
    from footviz.render.figures import FigureResult

    before = plt.get_fignums()
    subject = subjects("acne", atlas, "en")[0]
    with compose(subject, atlas, "A4") as hp:
        assert isinstance(hp, FigureResult) and repr(hp) == "<HandoutPage page='A4' lang='en'>"
        assert hp.savefig(io.BytesIO(), format="png", dpi=20).getvalue()[:4] == b"\x89PNG"
        assert hp.figure.axes and hp.map_ax in hp.figure.axes
    assert hp.figure.axes == []  # cleared on leaving the block
    with pytest.raises(FootvizError, match="closed"):
        hp.savefig(io.BytesIO(), format="png")
    hp.close()  # twice is harmless
    assert plt.get_fignums() == before  # never pyplot's


@pytest.mark.parametrize(("condition", "page", "lang"), [COMPOSED[4], COMPOSED[7]])
def test_the_self_massage_steps_carry_their_diagrams_beside_the_text(
    composed, condition, page, lang
):
    from footviz import technique
    from footviz.render.technique import main_aspect

    _, hp = composed(condition, page, lang)
    assert hp.plan.diagrams  # a light page has room for them
    steps = technique("self-massage").steps
    assert [d.step for d in hp.steps] == list(steps)
    fig = hp.figure
    renderer = fig.canvas.get_renderer()
    dpi = fig.dpi
    columns = [hp.boxes[n] for n in ("steps", "rules", "contra") if n in hp.boxes]
    texts_bb = [t.get_window_extent(renderer) for _, t in hp.all_texts()]
    for d in hp.steps:
        assert d.aspect == main_aspect(d.step) and len(d.strokes) == len(d.step.on(d.aspect))
        bb = d.ax.get_window_extent(renderer)
        inches = (bb.x0 / dpi, bb.y0 / dpi, bb.x1 / dpi, bb.y1 / dpi)
        assert any(c.contains(*inches, tol=0.01) for c in columns), d.step
        assert not any(bb.overlaps(t) for t in texts_bb), d.step
    drawn = [t.get_text() for n in ("steps", "rules", "contra") for t in hp.texts.get(n, [])]
    assert all(f"{s.number}." in drawn for s in steps)  # each step's bold number


def test_the_continuation_page_draws_the_diagrams_the_first_page_had_no_room_for(atlas):
    subject = subjects("migraine", atlas, "ru")[0]
    first = compose(subject, atlas, "Letter")
    assert first.plan.continued and not first.steps
    second = compose_continuation(subject, atlas, "Letter", "2/2")
    assert second.plan.diagrams and len(second.steps) == 8
    _check_texts_in_boxes(second)


def test_the_step_diagrams_follow_the_atlas_scale_and_fall_back_for_su_jok(atlas):
    from footviz import load_atlas

    big = atlas.scaled(270)
    with compose(subjects("acne", big, "en")[0], big, "A4") as hp:
        assert hp.plan.diagrams
        own = big.technique("self-massage").steps[0].strokes[0].path
        assert (
            hp.steps[0].step.strokes[0].path
            == own
            != atlas.technique("self-massage").steps[0].strokes[0].path
        )
    sujok = load_atlas("sujok")  # no techniques of its own: the built-in atlas draws them
    with compose(subjects(["left knee"], sujok, "ru")[0], sujok, "A4") as hp:
        assert len(hp.steps) == 8 and all(
            len(d.strokes) == len(d.step.on(d.aspect)) for d in hp.steps
        )


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_trial_plans_sharing_a_plan_cache_plan_as_each_alone(atlas, lang):
    """The map's sizes, the key table and the compact key are measured once for all of a
    subject's trial plans (:class:`PlanCache`): each plan comes out as it does alone."""
    from footviz.handouts.page import SECTIONS, PageOverflow, PagePlanner, PlanCache, plan_page
    from footviz.handouts.textflow import Measure

    def plan(subject, sections, diagrams, cache=None):
        try:
            planner = PagePlanner(m, atlas, subject, "A4", sections, diagrams=diagrams, cache=cache)
            return plan_page(planner)
        except PageOverflow as exc:
            return str(exc)

    m = Measure()
    compact = False
    for condition in ("migraine", "acne", "baldness"):
        subject = subjects(condition, atlas, lang)[0]
        cache = PlanCache()
        for sections, diagrams in ((SECTIONS, False), (SECTIONS, True), (("contra",), False)):
            shared = plan(subject, sections, diagrams, cache)
            alone = plan(subject, sections, diagrams)
            assert shared == alone, (condition, sections, diagrams)
        assert cache.naturals and cache.tables  # the cache was used
        compact = compact or bool(cache.compact and cache.widths)
    assert compact  # migraine's page takes the compact key beside the map
