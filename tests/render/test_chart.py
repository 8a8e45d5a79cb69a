"""The quickstart chart: colours by system, mirrored right foot, labels that never collide."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import itertools

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgba

import footviz
from footviz.render.labels import anchor_point, spread
from footviz.render.style import SYSTEM_COLOURS, lighten


@pytest.fixture
def chart():
    c = footviz.draw_chart()
    c.figure.canvas.draw()
    return c


def test_one_collection_per_foot_with_every_zone(chart, atlas):
    for foot in ("left", "right"):
        coll = chart.collections[foot]
        assert len(coll.get_paths()) == len(atlas.shapes(foot, "plantar"))


def test_colours_follow_body_systems(chart):
    for foot in ("left", "right"):
        colours = chart.collections[foot].get_facecolors()
        for shape, colour in zip(chart.shapes[foot], colours, strict=True):
            expected = to_rgba(lighten(SYSTEM_COLOURS[shape.zone.system], 0.35))
            assert np.allclose(colour, expected), shape.id
    heart_i = [s.zone.id for s in chart.shapes["left"]].index("heart")
    heart = chart.collections["left"].get_facecolors()[heart_i]
    assert np.allclose(heart, to_rgba(lighten(SYSTEM_COLOURS["cardiovascular"], 0.35)))


def test_right_foot_is_mirrored_by_a_transform(chart, atlas):
    ax = chart.ax
    for foot in ("left", "right"):
        tf = chart.collections[foot].get_transform()
        big_toe = tf.transform([[28.0, 240.0]])[0]
        little_toe = tf.transform([[-46.0, 200.0]])[0]
        if foot == "left":
            assert big_toe[0] > little_toe[0]  # big toe towards the middle (right)
        else:
            assert big_toe[0] < little_toe[0]
    # vertices are not rewritten: the right collection holds foot-frame coordinates
    i = [s.zone.id for s in chart.shapes["right"]].index("liver")
    verts = chart.collections["right"].get_paths()[i].vertices
    assert verts[:, 0].max() < 10  # the liver is lateral (x < 0) in the foot frame
    assert ax.get_xlim()[0] < 0


def boxes(chart):
    renderer = chart.figure.canvas.get_renderer()
    return {k: t.get_window_extent(renderer) for k, t in chart.labels.items()}


def test_every_zone_is_labelled(chart):
    for foot in ("left", "right"):
        for shape in chart.shapes[foot]:
            assert (foot, shape.zone.id) in chart.labels
            assert chart.labels[(foot, shape.zone.id)].get_text().replace("\n", " ").replace(
                "/ ", "/"
            ) in (shape.zone.name("en"), shape.zone.name("en").replace("/ ", "/"))


def test_labels_do_not_overlap_and_stay_in_the_figure(chart):
    bbs = boxes(chart)
    fig_bb = chart.figure.bbox
    items = sorted(bbs.items())
    for i, (k1, b1) in enumerate(items):
        assert fig_bb.x0 <= b1.x0 and b1.x1 <= fig_bb.x1, k1
        assert fig_bb.y0 <= b1.y0 and b1.y1 <= fig_bb.y1, k1
        for k2, b2 in items[i + 1 :]:
            assert not b1.overlaps(b2), (k1, k2)


def test_labels_do_not_cover_the_legend(chart):
    legend_bb = chart.legend.get_window_extent(chart.figure.canvas.get_renderer())
    for key, bb in boxes(chart).items():
        assert not bb.overlaps(legend_bb), key


def test_russian_labels():
    c = footviz.draw_chart(lang="ru", feet=["left"])
    texts = [t.get_text() for t in c.labels.values()]
    assert any("Сердце" in t for t in texts)
    assert c.captions["left"].get_text() == "Левая стопа"
    assert c.ax.get_title() == "Рефлекторные зоны подошв"


def test_draws_on_given_axes_and_passes_kwargs():
    fig, ax = plt.subplots(figsize=(8, 8))
    c = footviz.draw_chart(ax=ax, labels=False, legend=False, linewidths=2.5)
    assert c.ax is ax and c.figure is fig
    assert np.allclose(c.collections["left"].get_linewidths(), 2.5)
    assert c.legend is None and c.labels == {}


def test_practitioner_view_puts_left_foot_on_the_right():
    c = footviz.draw_chart(layout="practitioner", labels=False)
    left_x = c.captions["left"].get_position()[0]
    right_x = c.captions["right"].get_position()[0]
    assert left_x > right_x


def test_bad_language():
    with pytest.raises(footviz.UnknownNameError, match=r"^lang: unknown language 'fr'"):
        footviz.draw_chart(lang="fr")
    for draw in (footviz.FootMap, footviz.draw_aspect_sheet, footviz.plot_technique):
        args = ("heel-spur",) if draw is footviz.plot_technique else ()
        with pytest.raises(footviz.UnknownNameError, match=r"^lang: unknown language 'fr'") as err:
            draw(*args, lang="fr")
        assert err.value.parameter == "lang"


def test_heart_pixels_carry_the_heart_colour(chart, atlas):
    """A pixel check: the rendered PNG shows the heart colour inside the heart zone."""
    fig = chart.figure
    tf = chart.collections["left"].get_transform()
    heart = atlas.shape("heart", "left").geometry
    label = chart.labels[("left", "heart")]
    label.set_visible(False)
    fig.canvas.draw()
    image = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float) / 255
    label.set_visible(True)
    px, py = tf.transform([anchor_point(heart)])[0]
    row = round(image.shape[0] - py)
    col = round(px)
    expected = np.array(to_rgba(lighten(SYSTEM_COLOURS["cardiovascular"], 0.35))[:3])
    patch = image[row - 2 : row + 3, col - 2 : col + 3].reshape(-1, 3)
    assert np.abs(patch - expected).max() < 0.02


def test_spread_keeps_order_spacing_and_bounds():
    ys = spread([10, 10.5, 11, 50, 50.2], gap=3, lo=0, hi=100)
    assert ys == sorted(ys)
    assert all(b - a >= 3 - 1e-9 for a, b in itertools.pairwise(ys))
    assert 0 <= ys[0] and ys[-1] <= 100
    assert spread([99, 99.5, 100], gap=3, lo=0, hi=100)[-1] <= 100


def test_chart_svg_is_the_maps_structured_one(tmp_path):
    import io

    with footviz.draw_chart(feet="left") as chart:
        text = chart.to_svg()
        assert 'id="fv-zones-left"' in text and 'id="fv-kidney-left-plantar"' in text
        assert 'data-zone="kidney"' in text and 'class="fv-map-svg"' in text
        buf = io.BytesIO()
        chart.savefig(buf, format="svg")
        chart.savefig(tmp_path / "chart.svg")
        assert buf.getvalue() == (tmp_path / "chart.svg").read_bytes() == text.encode("utf-8")
        png = io.BytesIO()
        chart.savefig(png, format="png", dpi=20)
        assert png.getvalue().startswith(b"\x89PNG")  # other formats: matplotlib's
    with pytest.raises(footviz.FootvizError, match="Chart was closed"):
        chart.to_svg()
