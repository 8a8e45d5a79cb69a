"""Techniques drawn: draw_step's small diagrams, plot_technique's step panels and the
strokes layer over maps and the sheet."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from shapely.geometry import Polygon
from shapely.geometry import box as shapely_box

import footviz
from footviz.errors import BadTypeError, BadValueError, UnknownNameError, UnknownOptionError
from footviz.render.figures import new_figure
from footviz.render.output import to_bytes
from footviz.render.strokes import stroke_line
from footviz.render.technique import draw_step, main_aspect, plot_technique

TECHNIQUES = ("self-massage", "classical", "heel-spur", "hallux-valgus")
CM = 1 / 2.54
LOOPS = ("circle", "knead", "rotate")


@pytest.fixture(scope="module")
def atlas():
    return footviz.load_atlas()


def small_axes(dpi: float = 150.0):
    """A 3 x 4 cm axes, the size of a handout's step diagram."""
    fig = new_figure((3 * CM, 4 * CM), dpi=dpi)
    return fig.add_axes((0.0, 0.0, 1.0, 1.0))


def chart_to_display(art, pts):
    """Frame mm of the drawn step to display pixels, worked out from the panel (not from the
    artists' own transforms)."""
    cx, cy = art.panel.to_chart(np.asarray(pts)[:, 0], np.asarray(pts)[:, 1])
    return art.ax.transData.transform(np.column_stack([cx, cy]))


def subpaths(path):
    """The vertices of each MOVETO-started piece of a matplotlib path."""
    pieces, current = [], []
    for v, c in zip(path.vertices, path.codes, strict=True):
        if c == 1 and current:
            pieces.append(np.array(current))
            current = []
        if c != 79:  # CLOSEPOLY carries no vertex of its own
            current.append(v)
    pieces.append(np.array(current))
    return pieces


def head_alignment(arrow, line):
    """Cosine between the arrowhead's axis (base to tip) and the direction ``line`` ends in."""
    head = subpaths(arrow.get_path())[-1]
    tip, base = head[1], (head[0] + head[2]) / 2
    end = np.asarray(line[-1]) - np.asarray(line[-2])
    axis = tip - base
    return float(np.dot(axis, end) / np.linalg.norm(axis) / np.linalg.norm(end))


def head_tip(arrow):
    return subpaths(arrow.get_path())[-1][1]


def signed_area(pts):
    """Shoelace area of the polygon ``pts`` (closed back to its start): > 0 anticlockwise."""
    x, y = np.asarray(pts).T
    return 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))


# ---------------------------------------------------------------------- draw_step
@pytest.mark.parametrize("tid", TECHNIQUES)
def test_one_artist_per_stroke_of_the_drawn_aspect(atlas, tid):
    for step in atlas.technique(tid).steps:
        art = draw_step(small_axes(), step, atlas=atlas)
        aspect = main_aspect(step)
        mine = step.on(aspect)
        assert art.aspect == aspect
        assert len(art.strokes) == len(mine)
        for artist, stroke in zip(art.strokes, mine, strict=True):
            assert artist.stroke is stroke
            if stroke.kind == "press":
                assert isinstance(artist, Line2D)
                assert len(artist.get_xdata()) == len(stroke.path)
            else:
                assert isinstance(artist, FancyArrowPatch)
        others = {s.aspect for s in step.strokes} - {aspect}
        assert set(art.other_aspects) == others
        assert art.badge.get_text() == str(step.number)
        assert not art.ax.axison
        assert art.ax.get_aspect() == 1.0


def test_the_main_aspect_has_most_strokes(atlas):
    caterpillar = atlas.technique("self-massage").steps[6]  # plantar and medial, 1 each
    assert main_aspect(caterpillar) == "plantar"
    spur = atlas.technique("heel-spur").steps[5]  # plantar, medial, lateral
    assert main_aspect(spur) == "plantar"
    hold = atlas.technique("self-massage").steps[1]  # no strokes
    assert main_aspect(hold) == hold.aspects[0]


@pytest.mark.parametrize("foot", ["left", "right"])
def test_arrows_point_along_the_path_order(atlas, foot):
    step = atlas.technique("self-massage").steps[2]  # strokes up and down the sole
    art = draw_step(small_axes(), step, foot=foot, atlas=atlas)
    for arrow, stroke in zip(art.strokes, step.strokes, strict=True):
        line = np.asarray(stroke.path)
        # the head at the end of the path, pointing on: reversed, the same test fails
        assert head_alignment(arrow, line) > 0.9
        assert head_alignment(arrow, line[::-1]) < -0.9
        tip = head_tip(arrow)
        assert np.hypot(*(tip - line[-1])) < 0.1 * np.hypot(*(tip - line[0]))
        # the drawn line runs where the data puts it
        drawn = arrow.get_transform().transform(arrow._path_original.vertices)
        np.testing.assert_allclose(drawn, chart_to_display(art, line), atol=1e-6)


@pytest.mark.parametrize("foot", ["left", "right"])
@pytest.mark.parametrize(
    ("tid", "number"), [("heel-spur", 2), ("hallux-valgus", 1), ("self-massage", 1)]
)
def test_loops_turn_as_the_data_says_with_the_head_at_the_end(atlas, tid, number, foot):
    step = atlas.technique(tid).steps[number - 1]
    art = draw_step(small_axes(), step, foot=foot, atlas=atlas)
    loops = [(a, s) for a, s in zip(art.strokes, step.strokes, strict=True) if s.closed]
    assert loops
    for arrow, stroke in loops:
        line = arrow._path_original.vertices
        page = chart_to_display(art, line)
        turn = "anticlockwise" if signed_area(page) > 0 else "clockwise"
        expected = stroke.turn
        if art.panel.mirrored:  # a mirrored foot turns the other way on the page
            expected = {"clockwise": "anticlockwise", "anticlockwise": "clockwise"}[expected]
        assert turn == expected
        assert head_alignment(arrow, line) > 0.8  # the head points on along the turn
        tip = head_tip(arrow)
        assert np.hypot(*(tip - line[-1])) < np.hypot(*(tip - line[0]))
        # the loop is most of the circle, open before the head
        assert np.hypot(*(line[-1] - line[0])) > 0


def test_a_toe_turned_both_ways_draws_two_loops_apart(atlas):
    step = atlas.technique("hallux-valgus").steps[0]
    art = draw_step(small_axes(), step, atlas=atlas)
    inner, outer = (a._path_original.vertices for a in art.strokes)
    radius = [np.hypot(*(p - p.mean(axis=0)).T).mean() for p in (inner, outer)]
    assert radius[1] > radius[0] * 1.2
    assert [s.turn for s in step.strokes] == ["clockwise", "anticlockwise"]


@pytest.mark.parametrize("foot", ["left", "right"])
def test_press_dots_sit_at_the_data_positions_numbered_in_order(atlas, foot):
    step = atlas.technique("classical").steps[1]  # 4 points on the centre line
    art = draw_step(small_axes(), step, foot=foot, atlas=atlas)
    (dots,) = art.strokes
    (stroke,) = step.strokes
    xy = np.column_stack([dots.get_xdata(), dots.get_ydata()])
    expected = chart_to_display(art, stroke.path)
    np.testing.assert_allclose(dots.get_transform().transform(xy), expected, atol=1e-6)
    assert [t.get_text() for t in art.numbers] == ["1", "2", "3", "4"]
    at = np.array([t.get_transform().transform(t.get_position()) for t in art.numbers])
    np.testing.assert_allclose(at, expected, atol=1e-6)


def test_crowded_presses_are_joined_in_order_not_numbered(atlas):
    step = atlas.technique("classical").steps[0]  # 15 places on the toes
    art = draw_step(small_axes(), step, atlas=atlas)
    assert art.numbers == []
    assert len(art.guides) == len(step.strokes)
    for guide, stroke in zip(art.guides, step.strokes, strict=True):
        assert head_alignment(guide, np.asarray(stroke.path)) > 0.8


def test_caterpillar_and_knead_are_drawn_apart_from_a_plain_stroke(atlas):
    walk = atlas.technique("self-massage").steps[6].strokes[0]
    knead = atlas.technique("heel-spur").steps[3].strokes[0]
    for stroke in (walk, knead):
        line = stroke_line(stroke)
        assert len(line) > 3 * len(stroke.path)  # humps or curls, not the bare polyline
        assert np.allclose(line[0], stroke.path[0], atol=0.5)
        assert np.hypot(*(line[-1] - np.asarray(stroke.path[-1]))) < 6.0


@pytest.mark.parametrize(("lang", "word"), [("en", "exercise"), ("ru", "упражнение")])
def test_an_exercise_step_is_marked(atlas, lang, word):
    step = atlas.technique("hallux-valgus").steps[3]
    assert step.exercise and not step.strokes
    art = draw_step(small_axes(), step, lang=lang, atlas=atlas)
    assert art.strokes == []
    assert isinstance(art.exercise, FancyArrowPatch)
    assert [t.get_text() for t in art.labels] == [word]
    plain = draw_step(small_axes(), atlas.technique("heel-spur").steps[1], atlas=atlas)
    assert plain.exercise is None and plain.labels == []


def test_outline_comes_from_the_layers_and_zones_are_tinted(atlas):
    step = atlas.technique("heel-spur").steps[1]  # circles on the heel
    art = draw_step(small_axes(), step, atlas=atlas, number=False)
    assert art.badge is None
    assert art.outline is not None and art.outline.get_facecolor()[3] == 0
    assert art.zones is not None and 0 < len(art.zones.get_paths()) <= len(step.zones)


def test_everything_fits_a_small_axes_at_8pt(atlas):
    for tid in TECHNIQUES:
        for step in atlas.technique(tid).steps:
            ax = small_axes()
            art = draw_step(ax, step, atlas=atlas)
            fig = ax.figure
            renderer = fig.canvas.get_renderer()
            fig.draw(renderer)
            box = fig.bbox
            for t in [art.badge, *art.numbers, *art.labels]:
                e = t.get_window_extent(renderer)
                assert box.x0 - 1 <= e.x0 and e.x1 <= box.x1 + 1, (tid, step.number)
                assert box.y0 - 1 <= e.y0 and e.y1 <= box.y1 + 1, (tid, step.number)
            outline = art.outline.get_window_extent(renderer)
            assert outline.width > 20 and outline.height > 20


def test_draw_step_arrow_keywords(atlas):
    step = atlas.technique("heel-spur").steps[4]
    art = draw_step(small_axes(), step, atlas=atlas, color="black", linewidth=2.5)
    assert all(a.get_linewidth() == 2.5 for a in art.strokes)
    with pytest.raises(UnknownOptionError, match="colour") as err:
        draw_step(small_axes(), step, atlas=atlas, colour="black")
    assert "color" in err.value.suggestions


def test_draw_step_refuses_bad_input(atlas):
    step = atlas.technique("heel-spur").steps[0]
    with pytest.raises(BadTypeError, match="step"):
        draw_step(small_axes(), "heel-spur")
    with pytest.raises(UnknownNameError, match="middle"):
        draw_step(small_axes(), step, foot="middle")
    with pytest.raises(UnknownNameError, match="de"):
        draw_step(small_axes(), step, lang="de")
    with pytest.raises(BadTypeError, match="atlas"):
        draw_step(small_axes(), step, atlas="reflexology")


# ---------------------------------------------------------------------- plot_technique
def _drawn(result):
    fig = result.figure
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    return fig, renderer


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("tid", TECHNIQUES)
def test_step_panels_are_readable_and_never_overlap(atlas, tid, lang):
    tech = atlas.technique(tid)
    with plot_technique(tid, lang=lang, atlas=atlas, dpi=72) as result:
        fig, renderer = _drawn(result)
        assert len(result.steps) == len(tech.steps)
        assert [a.step.number for a in result.steps] == [s.number for s in tech.steps]
        texts = [t for t in fig.texts if t.get_text()]
        assert all(t.get_fontsize() >= 7 for t in texts)
        boxes = [t.get_window_extent(renderer) for t in texts]
        page = fig.bbox
        for b in boxes:
            assert page.x0 <= b.x0 and b.x1 <= page.x1 and page.y0 <= b.y0 and b.y1 <= page.y1
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not a.overlaps(b), (texts[i].get_text()[:30], tid, lang)
        diagrams = [ax.get_window_extent(renderer) for ax in result.axes]
        for t, b in zip(texts, boxes, strict=True):
            for d in diagrams:
                assert not b.overlaps(d), (t.get_text()[:30], tid, lang)
        # the step texts, in the language, whole
        for step in tech.steps:
            shown = result.texts[step.number].get_text().replace("\n", " ")
            assert shown == step.text(lang)
        assert result.title.get_text() == tech.name(lang)
        assert result.disclaimer is not None


def test_russian_page_says_it_in_russian(atlas):
    with plot_technique("heel-spur", lang="ru", atlas=atlas, dpi=72) as result:
        words = " ".join(t.get_text() for t in result.figure.texts)
        assert "Массаж при пяточной шпоре" in words
        assert "медицинская рекомендация" in words
        assert result.doses[2].get_text() == "круговые движения: 1–2 мин"
        assert result.doses[3].get_text() == "около 2 мин"


def test_doses_and_cautions_are_shown(atlas):
    with plot_technique("classical", atlas=atlas, dpi=72) as result:
        assert result.doses[1].get_text() == "press: 5–9 times"
        assert result.doses[5].get_text() == "7–12 times"
        assert result.doses[2] is None
        cautions = result.cautions.get_text().replace("\n", " ")
        for note in atlas.technique("classical").cautions("en"):
            assert note in cautions
    with plot_technique("hallux-valgus", atlas=atlas, dpi=72) as result:
        # steps without a time of their own take the technique's: 2–4 minutes
        assert result.doses[3].get_text() == "2–4 min"
        assert result.cautions is None


def test_a_step_on_several_sides_gets_a_diagram_for_each(atlas):
    with plot_technique("classical", atlas=atlas, dpi=72) as result:
        sides = [a.aspect for a in result.diagrams[3]]
        assert sides == ["medial", "lateral"]
        assert [a.badge is not None for a in result.diagrams[3]] == [True, False]
        assert sum(len(a.strokes) for a in result.diagrams[3]) == 2


def test_a_sole_beside_two_profiles_keeps_the_full_height(atlas):
    with plot_technique("heel-spur", atlas=atlas, dpi=72) as result:
        sole, inner, outer = result.diagrams[6]
        assert [a.aspect for a in (sole, inner, outer)] == ["plantar", "medial", "lateral"]
        box = [a.ax.get_position(original=True) for a in (sole, inner, outer)]
        assert box[0].height == pytest.approx(box[1].height + box[2].height)
        assert box[1].x0 == pytest.approx(box[2].x0) and box[1].x0 >= box[0].x1 - 1e-9


def test_columns_and_feet(atlas):
    with plot_technique("self-massage", columns=1, foot="right", atlas=atlas, dpi=72) as one:
        xs = {round(ax.get_position().x0, 2) for ax in one.axes[:2]}
        assert len(xs) == 1
        soles = [a for a in one.steps if a.aspect == "plantar"]
        assert soles and all(a.foot == "right" and a.panel.mirrored for a in soles)


def test_plot_technique_refuses_bad_input(atlas):
    with pytest.raises(UnknownNameError, match="hallux valgus") as err:
        plot_technique("hallux valgu", atlas=atlas)
    assert err.value.suggestions
    with pytest.raises(BadTypeError, match="technique"):
        plot_technique(3, atlas=atlas)
    with pytest.raises(UnknownNameError, match="fr"):
        plot_technique("heel-spur", lang="fr", atlas=atlas)
    with pytest.raises(UnknownNameError, match="middle"):
        plot_technique("heel-spur", foot="middle", atlas=atlas)
    with pytest.raises(BadValueError, match="columns"):
        plot_technique("heel-spur", columns=0, atlas=atlas)
    with pytest.raises(BadTypeError, match="columns"):
        plot_technique("heel-spur", columns="2", atlas=atlas)
    with pytest.raises(BadValueError, match="dpi"):
        plot_technique("heel-spur", dpi=-1, atlas=atlas)


def test_no_pyplot_figure_is_left_and_bytes_repeat(atlas):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    outs = []
    for _ in range(2):
        with footviz.plot_technique("hallux-valgus", lang="ru", atlas=atlas, dpi=60) as r:
            outs.append((to_bytes(r.figure, "png"), to_bytes(r.figure, "svg")))
    assert plt.get_fignums() == before
    assert outs[0] == outs[1]
    assert outs[0][0].startswith(b"\x89PNG")


def test_shows_once_in_a_notebook(atlas):
    r = plot_technique("heel-spur", atlas=atlas, dpi=40)
    assert r._repr_png_().startswith(b"\x89PNG")
    assert "heel-spur" in repr(r)
    r.close()
    assert r._repr_png_() is None


# ---------------------------------------------------------------------- the strokes layer
def test_plot_draws_a_technique_over_the_map(atlas):
    tech = atlas.technique("heel-spur")
    with footviz.plot(technique="heel-spur", feet="left", labels=False) as m:
        layer = m.artists.layers["strokes"]
        assert len(layer[("artists", "left")]) == len(tech.on("plantar"))
        assert [b.get_text() for b in layer[("badges", "left")]] == ["1", "2", "3", "4", "5", "6"]
    with footviz.plot(technique="Массаж при пяточной шпоре", step=2, labels=False) as m:
        layer = m.artists.layers["strokes"]
        assert {k[1] for k in layer} == {"left", "right"}
        (loop,) = layer[("artists", "left")]
        assert loop.stroke is tech.steps[1].strokes[0]
        assert layer[("badges", "left")] == []


def test_the_sheet_draws_strokes_on_every_side_they_run(atlas):
    tech = atlas.technique("classical")
    sheet = footviz.draw_aspect_sheet(atlas, "left", labels=False, technique=tech)
    for aspect in ("plantar", "dorsal", "medial", "lateral"):
        drawn = sheet.layers[aspect]["strokes"].get(("artists", "left"), [])
        assert len(drawn) == len(tech.on(aspect)), aspect
        assert all(a.axes is sheet.axes[aspect] for a in drawn)
    sheet.close()


def test_no_technique_no_strokes_and_bad_names_suggest(atlas):
    with footviz.plot(labels=False) as m:
        assert m.artists.layers["strokes"] == {}
    with pytest.raises(UnknownNameError, match="did you mean") as err:
        footviz.plot(technique="heel spurr")
    assert "heel spur" in err.value.suggestions or "heel-spur" in err.value.suggestions
    with pytest.raises(BadValueError, match="step"):
        footviz.plot(technique="heel-spur", step=9)
    with pytest.raises(BadTypeError, match="step"):
        footviz.plot(technique="heel-spur", step="2")
    with pytest.raises(BadValueError, match="step"):
        footviz.plot(step=2)
    with pytest.raises(BadTypeError, match="technique"):
        footviz.plot(technique=5)


def test_the_key_shows_each_kind_the_technique_uses(atlas):
    with plot_technique("heel-spur", atlas=atlas, dpi=72) as result:
        fig, renderer = _drawn(result)
        shown = [(artist.kind, artist.stroke.closed) for _, artist, _ in result.key]
        used = {(s.kind, s.closed) for s in atlas.technique("heel-spur").strokes}
        assert set(shown) == used and len(shown) == len(used)
        # kneading along a line and in a loop are told apart
        assert ("knead", True) in shown and ("knead", False) in shown
        labels = [text.get_text() for _, _, text in result.key]
        assert "press" in labels and "circles" in labels
        assert "knead (along a line)" in labels and "knead (in circles)" in labels
        texts = [t.get_window_extent(renderer) for t in fig.texts if t.get_text()]
        for kax, _, _ in result.key:
            box = kax.get_window_extent(renderer)
            assert not any(box.overlaps(t) for t in texts)


@pytest.mark.parametrize("foot", ["left", "right"])
def test_the_badge_sits_clear_of_the_foot(atlas, foot):
    for tid in TECHNIQUES:
        for step in atlas.technique(tid).steps:
            ax = small_axes()
            # a large badge: in the wrong corner it would cover the big toe or the leg
            art = draw_step(ax, step, aspect=main_aspect(step), foot=foot, atlas=atlas, fontsize=12)
            renderer = ax.figure.canvas.get_renderer()
            ax.figure.draw(renderer)
            box = art.badge.get_window_extent(renderer)
            foot_px = [
                Polygon(art.outline.get_transform().transform(ring))
                for ring in art.outline.get_path().to_polygons(closed_only=True)
            ]
            badge = shapely_box(box.x0, box.y0, box.x1, box.y1)
            assert not any(badge.intersects(p) for p in foot_px), (tid, step.number, foot)
