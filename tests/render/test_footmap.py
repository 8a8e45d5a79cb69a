"""FootMap drawing: artists, colours, layouts, heat maps, labels and their extents."""

from __future__ import annotations

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba

import footviz
from footviz import FootvizError, UnknownNameError
from footviz.atlas.vocabulary import FEET
from footviz.render import FootMap
from footviz.render.labels import anchor_point
from footviz.render.style import HIGHLIGHT_COLOURS, NO_DATA_FACE, STATUS_COLOURS


def _rgba(colour):
    return np.array(to_rgba(colour))


def test_plot_returns_map_with_figure_axes_and_collections():
    m = footviz.plot(labels=False)
    assert isinstance(m, FootMap)
    assert m.ax.figure is m.figure
    for foot in ("left", "right"):
        coll = m.artists.zones[foot]
        assert isinstance(coll, PathCollection)
        assert len(coll.get_paths()) == len(m.artists.shapes[foot])
        assert coll in m.ax.collections


def test_highlight_strong_rest_muted(atlas):
    m = footviz.plot(highlight="migraine", labels=False)
    drawn = m.artists
    hl = _rgba(HIGHLIGHT_COLOURS[0])
    wanted = {s.key for s in atlas.for_condition("migraine").shapes}
    for foot in ("left", "right"):
        fc = drawn.zones[foot].get_facecolors()
        for i, s in enumerate(drawn.shapes[foot]):
            if s.key in wanted:
                assert np.allclose(fc[i], hl), s
            else:
                assert not np.allclose(fc[i], hl)
                assert fc[i][:3].mean() > 0.75, f"{s} should be muted (pale)"
    outline = drawn.highlights[("migraine", "left")]
    assert np.allclose(outline.get_edgecolors()[0], hl)
    assert outline.get_linewidths()[0] > drawn.zones["left"].get_linewidths()[0]


def test_several_highlight_sets_and_legend():
    m = footviz.plot(highlight={"Head": "head", "Kidneys": "kidneys"}, labels=False)
    assert np.allclose(m.artists.facecolor("kidney", "left"), _rgba(HIGHLIGHT_COLOURS[1]))
    assert np.allclose(m.artists.facecolor("brain", "right"), _rgba(HIGHLIGHT_COLOURS[0]))
    texts = [t.get_text() for t in m.artists.legend.get_texts()]
    assert texts == ["Head", "Kidneys"]


def test_system_legend_by_default(atlas):
    m = footviz.plot(labels=False)
    texts = {t.get_text() for t in m.artists.legend.get_texts()}
    assert atlas.systems["urinary"]["en"] in texts
    ru = footviz.plot(labels=False, lang="ru")
    assert atlas.systems["urinary"]["ru"] in {t.get_text() for t in ru.artists.legend.get_texts()}


def test_output_does_not_depend_on_order():
    a = footviz.plot(highlight=["kidney", "heart", "liver"], labels=False).artists
    b = footviz.plot(highlight=["liver", "heart", "kidney"], labels=False).artists
    vals = {"kidney": 1.0, "liver": 3.0, "heart": 2.0}
    c = footviz.plot(values=vals, labels=False).artists
    d = footviz.plot(values=dict(reversed(list(vals.items()))), labels=False).artists
    for foot in ("left", "right"):
        assert np.array_equal(a.zones[foot].get_facecolors(), b.zones[foot].get_facecolors())
        ca, da = (np.ma.filled(x.zones[foot].get_array(), np.nan) for x in (c, d))
        assert np.array_equal(ca, da, equal_nan=True)


def test_heat_map_limits_colorbar_and_no_data():
    m = footviz.plot(values={"kidney": 2.0, "liver": 8.0}, vmin=0, vmax=10, labels=False)
    drawn = m.artists
    coll = drawn.zones["right"]
    assert coll.get_clim() == (0, 10)
    assert drawn.colorbar.mappable.get_clim() == (0, 10)
    arr = coll.get_array()
    assert arr[drawn.index("liver", "right")] == 8.0
    left = np.ma.filled(drawn.zones["left"].get_array(), np.nan)
    assert np.isnan(left[drawn.index("heart", "left")])
    # no data never looks like a low value: own face, hatched layer over exactly those zones
    low = np.array(coll.get_cmap()(0.0))
    nodata = drawn.facecolor("heart", "left")
    assert np.allclose(nodata, _rgba(NO_DATA_FACE)) and not np.allclose(nodata, low)
    layer = drawn.no_data["left"]
    assert layer.get_hatch()
    n_missing = int(np.isnan(left).sum())
    assert len(layer.get_paths()) == n_missing


def test_labels_over_no_data_hatching_sit_on_a_light_box():
    m = footviz.plot(values={"kidney": "better", "lungs": "same"})
    boxed = {k for k, t in m.artists.labels.items() if t.get_bbox_patch() is not None}
    inside = {ins.item.key for ins in m.artists.plan.inside}
    assert ("left", "heart") in boxed and ("left", "spleen") in boxed
    assert ("left", "kidney") not in boxed and ("left", "lungs") not in boxed
    assert boxed <= inside  # callouts sit outside the foot, on the page: no box
    plain = footviz.plot(highlight="heart")
    assert all(t.get_bbox_patch() is None for t in plain.artists.labels.values())


def test_status_palette():
    m = footviz.plot(values={"kidney": "worse", "liver": "better", "heart": "same"}, labels=False)
    for zone, foot, status in [("kidney", "left", "worse"), ("liver", "right", "better")]:
        assert np.allclose(m.artists.facecolor(zone, foot), _rgba(STATUS_COLOURS[status]))
    labels = [t.get_text() for t in m.artists.legend.get_texts()]
    assert labels == ["worse", "same", "better", "no data"]
    assert m.artists.colorbar is None  # the legend names the statuses


def test_unknown_value_key_suggests():
    with pytest.raises(UnknownNameError, match="did you mean"):
        footviz.plot(values={"livr": 1})


@pytest.mark.parametrize("layout,expect_left_first", [("self", True), ("practitioner", False)])
def test_layout_and_captions(layout, expect_left_first):
    m = footviz.plot(layout=layout, labels=False)
    caps = m.artists.captions
    assert caps["left"].get_text() == "Left foot" and caps["right"].get_text() == "Right foot"
    assert (caps["left"].get_position()[0] < caps["right"].get_position()[0]) == expect_left_first
    assert "facing" in m.artists.convention.get_text() or layout == "self"


def test_single_foot_and_kwargs_reach_the_collection():
    m = footviz.plot(feet="right", labels=False, linewidths=1.7)
    assert set(m.artists.zones) == {"right"}
    assert m.artists.zones["right"].get_linewidths()[0] == pytest.approx(1.7)


def test_every_atlas_aspect_draws(atlas):
    for aspect in atlas.aspects:
        m = FootMap(atlas, aspect=aspect)
        drawn = m.draw(labels=False)
        assert len(drawn.shapes["left"]) == len(atlas.shapes("left", aspect))
    with pytest.raises(UnknownNameError, match="aspect"):
        FootMap(atlas, aspect="ventral")
    with pytest.raises(UnknownNameError, match="feet"):
        FootMap(atlas, feet="middle")


def test_draws_into_given_axes_of_existing_figure():
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 6))
    FootMap(feet="left").draw(a1, highlight="heart", labels=False)
    drawn = FootMap(feet="right").draw(a2, values={"liver": 1}, labels=False)
    assert drawn.figure is fig and drawn.ax is a2
    assert drawn.zones["right"].axes is a2


def _assert_inside_and_apart(fig_bb, boxes) -> None:
    """Every (text, box) lies inside the figure and no two boxes overlap."""
    for text, bb in boxes:
        assert fig_bb.x0 <= bb.x0 and bb.x1 <= fig_bb.x1, text
        assert fig_bb.y0 <= bb.y0 and bb.y1 <= fig_bb.y1, text
    for (ta, a), (tb, b) in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), f"{ta!r} overlaps {tb!r}"


def _label_boxes(drawn):
    fig = drawn.figure
    renderer = fig.canvas.get_renderer()
    texts = list(drawn.labels.values()) + list(drawn.captions.values())
    return [(t.get_text(), t.get_window_extent(renderer)) for t in texts]


@pytest.mark.parametrize(
    "figsize,feet,numbered",
    [
        ((15.5, 10), "both", False),
        ((8, 5), "both", False),
        ((5, 6), "left", False),
        ((10, 7), "both", True),
    ],
)
def test_labels_never_overlap_or_leave_the_figure(figsize, feet, numbered):
    m = footviz.plot(feet=feet, figsize=figsize, numbered=numbered)
    m.figure.canvas.draw()
    boxes = _label_boxes(m.artists)
    assert len(m.artists.labels) == sum(len(s) for s in m.artists.shapes.values())
    _assert_inside_and_apart(m.figure.bbox, boxes)


def test_inside_labels_sit_in_their_zone_callouts_outside_the_foot():
    m = footviz.plot(feet="left")
    drawn = m.artists
    panel = drawn.layout.panel("left")
    outline = m.atlas.outline("left")
    n_inside = n_out = 0
    for (foot, zone), t in drawn.labels.items():
        fx, fy = panel.from_chart(*t.get_position())
        from shapely.geometry import Point

        inside = outline.contains(Point(float(fx), float(fy)))
        assert inside == ((foot, zone) not in drawn.leader_segments)
        n_inside += inside
        n_out += not inside
    assert n_inside > 5 and n_out > 5


def test_numbered_callouts_give_numbering_as_data(atlas):
    m = footviz.plot(highlight="migraine", labels="highlighted", numbered=True)
    numbering = m.artists.numbering
    assert sorted(numbering) == list(range(1, len(numbering) + 1))
    zones = {s.zone.id for shapes in numbering.values() for s in shapes}
    plantar = atlas.for_condition("migraine").shapes
    assert zones == {s.zone.id for s in plantar if s.aspect == "plantar"}
    key = [t.get_text() for t in m.artists.key.get_texts()]
    assert key[0].startswith("1  ")
    label_texts = {t.get_text() for t in m.artists.labels.values()}
    assert label_texts <= {str(n) for n in numbering}
    heights = [max(s.geometry.centroid.y for s in numbering[n]) for n in sorted(numbering)]
    assert heights == sorted(heights, reverse=True)  # toes to heel


def test_long_callouts_wrap_and_keep_the_map_large():
    """A long zone name wraps over balanced lines in its column instead of widening the
    column (which would shrink both feet)."""
    from footviz.render.labelling import CALLOUT_WRAP

    maps = {lang: footviz.plot(aspect="dorsal", lang=lang) for lang in ("en", "ru")}
    for lang, m in maps.items():
        m.figure.canvas.draw()
        texts = {k: t.get_text() for k, t in m.artists.labels.items()}
        groin = texts[("left", "groin_lymph")]
        assert groin.replace("\n", " ") == m.atlas.zone("groin_lymph").label(lang)
        assert groin.count("\n") >= 2
        for key in m.artists.leader_segments:
            lines = texts[key].split("\n")
            assert all(len(line) <= CALLOUT_WRAP for line in lines), texts[key]
            assert max(map(len, lines)) - min(map(len, lines)) <= CALLOUT_WRAP // 2, texts[key]
        # both feet together fill most of the figure's width
        renderer = m.figure.canvas.get_renderer()
        feet = [m.artists.outlines[f].get_window_extent(renderer) for f in ("left", "right")]
        assert feet[1].x1 - feet[0].x0 > 0.6 * m.figure.bbox.width, lang
    # Russian names are longer, yet the Russian map is drawn at nearly the same scale
    assert maps["ru"].artists.plan.ppm > 0.9 * maps["en"].artists.plan.ppm


@pytest.mark.parametrize(
    ("aspect", "lang"), [("plantar", "ru"), ("medial", "ru"), ("medial", "en")]
)
def test_a_name_that_misses_the_zone_centre_still_goes_inside_where_it_fits(aspect, lang):
    """A name too long for the zone's central point is written where it fits in the zone
    (only for zones in one piece), inside the zone and clear of every other label."""
    from shapely.geometry import box

    m = footviz.plot(aspect=aspect, lang=lang)
    m.figure.canvas.draw()
    renderer = m.figure.canvas.get_renderer()
    inv = m.ax.transData.inverted()
    moved = [i for i in m.artists.plan.inside if (i.x, i.y) != anchor_point(i.item.region)]
    assert moved, "no label needed to move off its zone's centre"
    for ins in moved:
        assert len(getattr(ins.item.region, "geoms", [ins.item.region])) == 1
        bb = m.artists.labels[ins.item.key].get_window_extent(renderer)
        panel = m.artists.layout.panel(ins.item.foot)
        corners = inv.transform([(bb.x0, bb.y0), (bb.x1, bb.y1)])
        (x0, y0), (x1, y1) = (panel.from_chart(*c) for c in corners)
        text_box = box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        assert ins.item.region.buffer(0.3).contains(text_box), ins.item.key


def test_russian_labels():
    m = footviz.plot(feet="left", lang="ru")
    assert m.artists.labels[("left", "kidney")].get_text().replace("\n", " ") == "Почка"
    assert m.ax.get_title() == "Рефлекторные зоны стоп" == m.atlas.title("ru")
    assert footviz.plot(feet="left", labels=False).ax.get_title() == "Foot reflex zones"
    assert footviz.plot(feet="left", title="", lang="ru").ax.get_title() == ""


def test_greyscale_uses_hatches_for_highlight_sets():
    m = footviz.plot(highlight={"a": "head", "b": "kidneys"}, greyscale=True, labels=False)
    hatches = {m.artists.highlights[(n, "left")].get_hatch() for n in ("a", "b")}
    assert len(hatches) == 2 and None not in hatches
    fc = m.artists.zones["left"].get_facecolors()
    assert all(np.allclose(c[0], c[1]) and np.allclose(c[1], c[2]) for c in fc)  # greys only


def test_highlighted_zone_carries_highlight_colour_in_png():
    m = footviz.plot(feet="left", highlight="heart", labels=False, figsize=(4, 5))
    fig = m.figure
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float) / 255
    panel = m.artists.layout.panel("left")
    shape = m.atlas.shape("heart", "left")
    fx, fy = anchor_point(shape.geometry)
    px, py = m.ax.transData.transform(panel.to_chart(fx, fy))
    row = round(img.shape[0] - py)
    patch = img[row - 2 : row + 3, int(px) - 2 : int(px) + 3].reshape(-1, 3)
    assert np.allclose(patch.mean(axis=0), _rgba(HIGHLIGHT_COLOURS[0])[:3], atol=0.03)


def test_nothing_drawn_yet_is_a_clear_error():
    with pytest.raises(FootvizError, match="draw"):
        _ = FootMap().figure


# ---------------------------------------------------------------- side profiles lying down
TOES_RIGHT = {("medial", "left"): True, ("medial", "right"): False}
TOES_RIGHT.update({("lateral", foot): not TOES_RIGHT[("medial", foot)] for foot in FEET})


def _display(m, foot, x, y):
    """Display pixels of foot-frame points as drawn (through the outline's transform)."""
    return m.artists.outlines[foot].get_transform().transform(np.c_[x, y])


@pytest.mark.parametrize("aspect", ["medial", "lateral"])
@pytest.mark.parametrize("feet", ["both", "left", "right"])
def test_profiles_lie_on_their_side_toes_where_documented(aspect, feet):
    m = footviz.plot(aspect=aspect, feet=feet, labels=False)
    m.figure.canvas.draw()
    drawn = m.artists
    for foot in drawn.outlines:
        bb = drawn.outlines[foot].get_window_extent()
        assert bb.width > 1.5 * bb.height, "the floor runs across the page"
        (hx, hy), (tx, ty), (ux, uy) = _display(m, foot, [5, 5, 80], [0, 250, 0])
        assert (tx > hx) == TOES_RIGHT[(aspect, foot)], "toes point the documented way"
        assert hy == pytest.approx(ty) and uy > hy, "floor horizontal, at the bottom"
        assert ux == pytest.approx(hx), "the height stands straight up"
        toes, heel = drawn.hints[(foot, "toes")], drawn.hints[(foot, "heel")]
        assert ("→" in toes.get_text()) == TOES_RIGHT[(aspect, foot)]
        assert (toes.get_position()[0] > heel.get_position()[0]) == TOES_RIGHT[(aspect, foot)]
        assert drawn.captions[foot].get_text().endswith("side)")
    if feet == "both":  # stacked, left foot on top ("self")
        assert drawn.outlines["left"].get_window_extent().y0 > bb.y1
        assert {p.foot for p in drawn.layout.panels} == {"left", "right"}
    assert drawn.convention.get_text().startswith("Inner" if aspect == "medial" else "Outer")


def test_practitioner_view_puts_the_right_profile_on_top():
    m = footviz.plot(aspect="medial", layout="practitioner", labels=False)
    m.figure.canvas.draw()
    right, left = (m.artists.outlines[f].get_window_extent() for f in ("right", "left"))
    assert right.y0 > left.y1
    # the view only orders the feet: each still shows its inner side from the other foot
    for foot in FEET:
        (hx, _), (tx, _) = _display(m, foot, [5, 5], [0, 250])
        assert (tx > hx) == TOES_RIGHT[("medial", foot)]


@pytest.mark.parametrize(
    "aspect,feet,kwargs",
    [
        ("medial", "both", {"highlight": "spine"}),
        ("lateral", "both", {}),
        ("medial", "left", {}),
        ("lateral", "right", {"highlight": "shoulder"}),
        ("medial", "both", {"lang": "ru", "layout": "practitioner"}),
        ("lateral", "both", {"numbered": True}),
        ("medial", "right", {"figsize": (6, 4)}),
    ],
)
def test_profile_labels_never_overlap_or_leave_the_figure(aspect, feet, kwargs):
    m = footviz.plot(aspect=aspect, feet=feet, **kwargs)
    m.figure.canvas.draw()
    drawn = m.artists
    assert len(drawn.labels) == sum(len(s) for s in drawn.shapes.values())
    renderer = m.figure.canvas.get_renderer()
    extra = [*drawn.hints.values(), drawn.convention]
    boxes = _label_boxes(drawn) + [(t.get_text(), t.get_window_extent(renderer)) for t in extra]
    _assert_inside_and_apart(m.figure.bbox, boxes)
    # every callout sits in a row above or below its profile, clear of the outline
    for foot, zone in drawn.leader_segments:
        label = drawn.labels[(foot, zone)].get_window_extent(renderer)
        outline = drawn.outlines[foot].get_window_extent(renderer)
        assert label.y0 >= outline.y1 or label.y1 <= outline.y0, zone


@pytest.mark.parametrize("aspect", ["plantar", "dorsal", "medial", "lateral"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_leaders_cross_no_other_label(aspect, lang):
    m = footviz.plot(aspect=aspect, lang=lang)
    m.figure.canvas.draw()
    drawn = m.artists
    renderer = m.figure.canvas.get_renderer()
    to_px = m.ax.transData.transform
    boxes = {k: t.get_window_extent(renderer) for k, t in drawn.labels.items()}
    assert drawn.leader_segments
    for key, segs in drawn.leader_segments.items():
        for seg in segs:
            (x0, y0), (x1, y1) = to_px(np.asarray(seg))
            for other, bb in boxes.items():
                if other == key:
                    continue
                ts = np.linspace(0, 1, 200)
                xs, ys = x0 + (x1 - x0) * ts, y0 + (y1 - y0) * ts
                inside = (xs > bb.x0) & (xs < bb.x1) & (ys > bb.y0) & (ys < bb.y1)
                assert not inside.any(), f"leader of {key} crosses the label of {other}"


def test_profile_highlight_colours_in_png():
    m = footviz.plot(aspect="medial", feet="right", highlight="spine", labels=False)
    drawn = m.artists
    hl = _rgba(HIGHLIGHT_COLOURS[0])
    wanted = {z for z, f, a in drawn.highlight_sets[0].keys if (f, a) == ("right", "medial")}
    spine = {"cervical_spine", "thoracic_spine", "lumbar_spine", "sacral_spine", "coccyx"}
    assert wanted == spine
    fc = drawn.zones["right"].get_facecolors()
    for i, s in enumerate(drawn.shapes["right"]):
        assert np.allclose(fc[i], hl) == (s.zone.id in spine), s.zone.id
    assert np.allclose(drawn.highlights[("spine", "right")].get_edgecolors()[0], hl)
    fig = m.figure
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float) / 255
    for zone in sorted(spine):
        fx, fy = anchor_point(m.atlas.shape(zone, "right", "medial").geometry)
        ((px, py),) = _display(m, "right", [fx], [fy])
        row = round(img.shape[0] - py)
        patch = img[row - 1 : row + 2, int(px) - 1 : int(px) + 2].reshape(-1, 3)
        assert np.allclose(patch.mean(axis=0), hl[:3], atol=0.03), zone
