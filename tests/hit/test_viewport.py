"""Viewports: figure, image and real-foot coordinates to (foot, aspect, mm) and back."""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import footviz
from footviz.atlas.layout import Layout
from footviz.hit.viewport import FootPoint, Viewport


@pytest.fixture(autouse=True, scope="module")
def _cache_dir(tmp_path_factory):
    """The on-disk index cache of these tests lives in a temporary directory."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


def layout_of(atlas, view="self", gap=40.0):
    return Layout.side_by_side(
        atlas.outline("left").bounds, ("left", "right"), "plantar", view, gap
    )


def test_from_numbers_round_trips_both_feet_and_views(atlas):
    rng = np.random.default_rng(2)
    for view in ("self", "practitioner"):
        layout = layout_of(atlas, view)
        x0, y0, x1, y1 = layout.chart_bounds
        for figsize, dpi in [((15.5, 10.0), 100), ((6, 4), 72), ((8, 8), 300)]:
            vp = Viewport.from_numbers(
                figsize,
                dpi,
                (0.01, 0.09, 0.98, 0.85),
                (x0 - 10, x1 + 10),
                (y0 - 10, y1 + 10),
                layout,
            )
            for foot in ("left", "right"):
                x = rng.uniform(-50, 45, 200)
                y = rng.uniform(0, 250, 200)
                u, v = vp.to_device(foot, x, y)
                assert (u >= 0).all() and (u <= figsize[0] * dpi).all()
                for i in range(0, 200, 7):
                    fp = vp.to_foot(float(u[i]), float(v[i]))
                    assert fp.foot == foot and fp.aspect == "plantar"
                    assert abs(fp.x - x[i]) < 1e-9 and abs(fp.y - y[i]) < 1e-9


def test_screen_y_points_down_and_feet_sit_in_view_order(atlas):
    layout = layout_of(atlas, "practitioner")
    x0, y0, x1, y1 = layout.chart_bounds
    vp = Viewport.from_numbers((10, 8), 100, (0, 0, 1, 1), (x0, x1), (y0, y1), layout)
    _, v_heel = vp.to_device("left", 0.0, 0.0)
    _, v_toe = vp.to_device("left", 0.0, 240.0)
    assert v_toe < v_heel  # toes nearer the top of the screen
    u_left, _ = vp.to_device("left", 0.0, 100.0)
    u_right, _ = vp.to_device("right", 0.0, 100.0)
    assert u_right < u_left  # facing the client: their left foot on the right


def test_from_figure_matches_from_numbers_and_rendered_pixels(atlas):
    chart = footviz.draw_chart(atlas, labels=False, legend=False)
    fig, ax = chart.figure, chart.ax
    for dpi in (72.0, 150.0):
        vp = Viewport.from_figure(chart, dpi=dpi)
        numbers = Viewport.from_numbers(
            tuple(fig.get_size_inches()),
            dpi,
            tuple(ax.get_position(original=True).bounds),
            ax.get_xlim(),
            ax.get_ylim(),
            chart.layout,
        )
        np.testing.assert_allclose(vp.matrix, numbers.matrix, rtol=1e-9, atol=1e-6)
    buf = io.BytesIO()
    fig.savefig(buf, format="rgba", dpi=150)
    w, h = (fig.get_size_inches() * 150).round().astype(int)
    img = np.frombuffer(buf.getvalue(), np.uint8).reshape(h, w, 4)
    vp = Viewport.from_figure(ax, chart.layout, dpi=150)
    for foot, zone in [("left", "heart"), ("right", "liver"), ("left", "kidney")]:
        shape = atlas.shape(zone, foot)
        p = shape.geometry.representative_point()
        u, v = vp.to_device(foot, p.x, p.y)
        colour = chart.collections[foot].get_facecolors()[chart.shapes[foot].index(shape)]
        got = img[int(v), int(u)] / 255.0
        np.testing.assert_allclose(got[:3], colour[:3], atol=2 / 255)
        hit = vp.hit(atlas, float(u), float(v))
        assert hit.foot == foot and shape in hit.shapes


def test_from_figure_needs_axes_and_layout(atlas):
    with pytest.raises(TypeError, match="expected a matplotlib Axes, Figure or footviz Chart"):
        Viewport.from_figure("figure", layout_of(atlas))
    chart = footviz.draw_chart(atlas, labels=False, legend=False)
    with pytest.raises(TypeError, match="layout is required"):
        Viewport.from_figure(chart.ax)
    assert Viewport.from_figure(chart.figure, chart.layout).layout is chart.layout


def test_for_image_maps_bounds_to_the_placement_box(atlas):
    layout = layout_of(atlas)
    bounds = layout.chart_bounds
    vp = Viewport.for_image((1200, 900), layout, placement=(100, 50, 1000, 800), keep_aspect=False)
    u, v = vp.from_chart([bounds[0], bounds[2]], [bounds[3], bounds[1]])
    np.testing.assert_allclose(u, [100, 1100])
    np.testing.assert_allclose(v, [50, 850])
    fitted = Viewport.for_image((1000, 1000), layout)
    a, _, _, _, e, _ = fitted.matrix
    assert a == pytest.approx(-e)  # equal scales, y flipped
    u, v = fitted.from_chart([bounds[0], bounds[2]], [bounds[3], bounds[1]])
    assert u[0] == pytest.approx(1000 - u[1]) and v[0] == pytest.approx(1000 - v[1])  # centred
    assert min(u[0], v[0]) == pytest.approx(0, abs=1e-9)  # touches the limiting edges
    heart = atlas.shape("heart", "left").geometry.representative_point()
    u, v = fitted.to_device("left", heart.x, heart.y)
    assert fitted.hit(atlas, float(u), float(v)).zone.id == "heart"
    fp = fitted.to_foot(float(u), float(v))
    assert fp == FootPoint("left", "plantar", pytest.approx(heart.x), pytest.approx(heart.y))
    assert abs(fp.x - heart.x) < 1e-9 and abs(fp.y - heart.y) < 1e-9


def test_for_foot_maps_a_real_foot_to_the_atlas(atlas):
    real = atlas.scaled(270.0, 105.0)
    vp = Viewport.for_foot(atlas, 270.0, 105.0, foot="right")
    rng = np.random.default_rng(9)
    u, v = rng.uniform(-55, 50, 3000), rng.uniform(0, 270, 3000)
    via_viewport = vp.hit_many(atlas, u, v).zone_ids()
    direct = real.hit_many(u, v, "right").zone_ids()
    agree = (via_viewport == direct).mean()
    assert agree > 0.999  # scaling rounds coordinates: only border points may differ
    fp = vp.to_foot(10.0, 135.0)
    sx, sy = footviz.ReferenceFoot.from_atlas(atlas).scale_factors(270.0, 105.0)
    assert (fp.x, fp.y) == pytest.approx((10.0 / sx, 135.0 / sy), abs=1e-12)
    scan = Viewport.for_foot(
        atlas, 270.0, foot="left", pixels_per_mm=4.0, origin=(400, 1200), y_down=True
    )
    fp = scan.to_foot(400.0 + 4 * 10.0, 1200.0 - 4 * 100.0)
    assert fp.foot == "left"
    assert fp.y == pytest.approx(100.0 / (270.0 / 250.0), abs=1e-9)
    back = scan.to_device("left", fp.x, fp.y)
    assert back == pytest.approx((440.0, 800.0), abs=1e-9)


def test_points_off_every_foot(atlas):
    layout = layout_of(atlas)
    vp = Viewport.for_image((800, 400), layout)
    gap_u, gap_v = vp.from_chart(
        (layout.panels[0].chart_bounds[2] + layout.panels[1].chart_bounds[0]) / 2, 100.0
    )
    assert vp.to_foot(float(gap_u), float(gap_v)) is None
    assert vp.hit(atlas, float(gap_u), float(gap_v)) is None


def test_viewport_errors_are_clear(atlas):
    layout = layout_of(atlas)
    with pytest.raises(TypeError, match=r"layout must be a footviz\.atlas\.layout\.Layout"):
        Viewport((1, 0, 0, 0, 1, 0), "self")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not invertible"):
        Viewport((0, 0, 0, 0, 0, 0), layout)
    with pytest.raises(ValueError, match=r"xlim must span a non-empty range, got \(1, 1\)"):
        Viewport.from_numbers((5, 5), 100, (0, 0, 1, 1), (1, 1), (0, 10), layout)
    with pytest.raises(ValueError, match="dpi must be positive"):
        Viewport.from_numbers((5, 5), 0, (0, 0, 1, 1), (0, 1), (0, 10), layout)
    with pytest.raises(TypeError, match="figsize must be 2 numbers"):
        Viewport.from_numbers(5, 100, (0, 0, 1, 1), (0, 1), (0, 10), layout)
    with pytest.raises(TypeError, match=r"u must be a number, got 'a'"):
        Viewport.for_image((10, 10), layout).to_foot("a", 1.0)
    with pytest.raises(footviz.UnknownNameError, match="unknown foot 'leftt'"):
        Viewport.for_image((10, 10), layout).to_device("leftt", 0.0, 0.0)
    one = Layout.side_by_side(atlas.outline("left").bounds, ("left",))
    with pytest.raises(ValueError, match=r"shows no right foot.*it shows: left plantar"):
        Viewport.for_image((10, 10), one).to_device("right", 0.0, 0.0)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    foot=st.sampled_from(["left", "right"]),
    view=st.sampled_from(["self", "practitioner"]),
    w=st.floats(2, 30),
    h=st.floats(2, 30),
    dpi=st.floats(50, 600),
    x=st.floats(-50, 45),
    y=st.floats(0.5, 249.5),
)
def test_property_pixels_round_trip_to_a_hundredth_of_a_millimetre(
    atlas, foot, view, w, h, dpi, x, y
):
    layout = layout_of(atlas, view)
    x0, y0, x1, y1 = layout.chart_bounds
    vp = Viewport.from_numbers((w, h), dpi, (0.05, 0.05, 0.9, 0.9), (x0, x1), (y0, y1), layout)
    u, v = vp.to_device(foot, x, y)
    fp = vp.to_foot(float(u), float(v))
    assert fp is not None and fp.foot == foot
    assert abs(fp.x - x) < 0.01 and abs(fp.y - y) < 0.01
    hit = vp.hit(atlas, float(u), float(v))
    direct = atlas.hit(fp.x, fp.y, foot)
    assert (hit is None) == (direct is None)
    if hit is not None:
        assert hit.primary is direct.primary


@pytest.mark.parametrize("aspect", ["medial", "lateral"])
def test_figure_viewport_on_profiles_lying_on_their_side(atlas, aspect):
    """Pixels of a drawn profile map (turned, stacked panels) reach the zone drawn there."""
    m = footviz.plot(aspect=aspect, labels=False, legend=False, layout="practitioner")
    fig = m.figure
    dpi = 100
    buf = io.BytesIO()
    fig.savefig(buf, format="rgba", dpi=dpi)
    w, h = (fig.get_size_inches() * dpi).round().astype(int)
    img = np.frombuffer(buf.getvalue(), np.uint8).reshape(h, w, 4)
    vp = Viewport.from_figure(m, dpi=dpi)
    checked = 0
    for foot in ("left", "right"):
        drawn = m.artists.shapes[foot]
        for shape in drawn:
            if shape.zone.parent or shape.area < 150:
                continue
            p = shape.geometry.representative_point()
            u, v = vp.to_device(foot, p.x, p.y)
            hit = vp.hit(atlas, float(u), float(v))
            assert hit.foot == foot and hit.aspect == aspect and shape in hit.shapes
            fp = vp.to_foot(float(u), float(v))
            assert (fp.x, fp.y) == pytest.approx((p.x, p.y), abs=1e-6)
            if hit.primary is shape:  # the pixel shows this zone's colour
                colour = m.artists.facecolor(shape.zone.id, foot)
                np.testing.assert_allclose(img[int(v), int(u), :3] / 255, colour[:3], atol=0.02)
                checked += 1
    assert checked >= 8
    # the floor is at the bottom of the screen: a point higher up the foot is higher up
    _, v_floor = vp.to_device("left", 0.0, 120.0)
    _, v_up = vp.to_device("left", 60.0, 120.0)
    assert v_up < v_floor


def test_transforms_give_floats_for_scalars_and_arrays_for_arrays(atlas):
    vp = Viewport.for_image((800, 600), layout_of(atlas))
    for call in (vp.to_chart, vp.from_chart, lambda a, b: vp.to_device("left", a, b)):
        u, v = call(10, 20.5)
        assert type(u) is float and type(v) is float
        u2, v2 = call(np.float32(10), np.int64(20))
        assert type(u2) is float and type(v2) is float
        au, av = call([10.0, 11.0], np.array([20.5, 21.0]))
        assert isinstance(au, np.ndarray) and au.shape == av.shape == (2,)
        assert au[0] == pytest.approx(u) and av[0] == pytest.approx(v)
        gu, gv = call(np.zeros((2, 3)), 1.0)  # broadcast
        assert gu.shape == gv.shape == (2, 3)
    cx, cy = vp.to_chart(*vp.from_chart(12.0, 34.0))
    assert (cx, cy) == pytest.approx((12.0, 34.0))


def test_hit_many_takes_arrays_and_a_scalar_gives_a_zero_d_result(atlas):
    layout = layout_of(atlas)
    vp = Viewport.for_image((800, 600), layout)
    heart = atlas.shape("heart", "left").geometry.representative_point()
    u, v = vp.to_device("left", heart.x, heart.y)
    one = vp.hit_many(atlas, u, v)
    assert one.shape == () and one.zone_ids()[()] == "heart"
    many = vp.hit_many(atlas, [u, u], [v, -1e9])
    assert many.zone_ids().tolist() == ["heart", ""]
    assert vp.hit(atlas, u, v).zone.id == "heart"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda vp, a: vp.to_chart(None, 1.0), r"u must be numbers.*None"),
        (lambda vp, a: vp.from_chart(1.0, "y"), r"cy must be numbers"),
        (lambda vp, a: vp.to_device("left", [1.0, None], [1.0, 2.0]), r"x must be an array"),
        (lambda vp, a: vp.hit_many(a, None, [1.0]), r"u must be numbers"),
    ],
)
def test_bad_coordinates_raise_a_footviz_error_naming_them(atlas, call, message):
    from footviz.hit.index import HitInputError

    vp = Viewport.for_image((800, 600), layout_of(atlas))
    with pytest.raises(HitInputError, match=message) as info:
        call(vp, atlas)
    assert isinstance(info.value, footviz.FootvizError)


def _png_rgba(data: bytes) -> np.ndarray:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(im.convert("RGBA"))


def _checked_pixels(m, vp, img, atlas) -> int:
    """Sampled zone interiors: the viewport's zone is the one whose colour the pixel shows."""
    from footviz.render.paths import visible_geometry

    checked = 0
    for foot in ("left", "right"):
        seen = visible_geometry(m.artists.shapes[foot])
        for shape in m.artists.shapes[foot]:
            inner = seen[shape.zone.id].buffer(-2.5)
            if inner.is_empty or inner.area < 20:
                continue
            p = inner.representative_point()
            u, v = vp.to_device(foot, p.x, p.y)
            col, row = int(u), int(v)
            if not (0 <= col < img.shape[1] and 0 <= row < img.shape[0]):
                continue
            hit = vp.hit(atlas, col + 0.5, row + 0.5)
            assert hit is not None and hit.foot == foot
            colour = m.artists.facecolor(hit.primary.zone.id, foot)
            np.testing.assert_allclose(img[row, col, :3] / 255, colour[:3], atol=2 / 255)
            checked += 1
    return checked


@pytest.mark.parametrize("dpi", [80.0, 61.7])
def test_tight_bbox_viewport_matches_the_saved_tight_png(atlas, dpi):
    """What Jupyter shows: savefig(bbox_inches="tight"); a fractional dpi too (the image
    drops the fraction of a pixel and flips y at its whole height)."""
    m = footviz.plot(labels=False)
    buf = io.BytesIO()
    m.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    img = _png_rgba(buf.getvalue())
    vp = Viewport.from_figure(m, dpi=dpi, bbox_inches="tight")
    assert vp.size == (img.shape[1], img.shape[0])
    full = Viewport.from_figure(m, dpi=dpi)
    assert full.size != vp.size and full.matrix != vp.matrix  # the crop moved the chart
    assert _checked_pixels(m, vp, img, atlas) >= 25
    # the figure is unchanged by measuring it
    assert m.figure.dpi == 100 and Viewport.from_figure(m, dpi=dpi).matrix == full.matrix
    m.close()


def test_pad_inches_and_an_explicit_bbox_match_savefig(atlas):
    from matplotlib.transforms import Bbox

    m = footviz.plot(labels=False, legend=False)
    for kwargs in (
        {"bbox_inches": "tight", "pad_inches": 0.5},
        {"bbox_inches": Bbox.from_bounds(1, 0.5, 6, 5)},
    ):
        buf = io.BytesIO()
        m.savefig(buf, format="png", dpi=72, **kwargs)
        img = _png_rgba(buf.getvalue())
        vp = Viewport.from_figure(m, dpi=72, **kwargs)
        assert vp.size == (img.shape[1], img.shape[0])
        assert _checked_pixels(m, vp, img, atlas) >= 10
    with pytest.raises(ValueError, match="bbox_inches must be 'tight' or a Bbox"):
        Viewport.from_figure(m, dpi=72, bbox_inches="loose")
    with pytest.raises(TypeError, match="bbox_inches must be 'tight' or a matplotlib Bbox"):
        Viewport.from_figure(m, dpi=72, bbox_inches=(0, 0, 1, 1))
    m.close()


def test_crop_and_scaled_viewports_follow_the_image(atlas):
    m = footviz.plot(labels=False)
    buf = io.BytesIO()
    m.savefig(buf, format="png", dpi=90)
    img = _png_rgba(buf.getvalue())
    vp = Viewport.from_figure(m, dpi=90)
    left, top, w, h = 150, 60, 500, 480
    cropped = vp.crop(left, top, w, h)
    assert cropped.size == (w, h)
    assert _checked_pixels(m, cropped, img[top : top + h, left : left + w], atlas) >= 15
    assert vp.crop(left, top).size == (vp.size[0] - left, vp.size[1] - top)
    u, v = vp.to_device("left", 0.0, 100.0)
    assert cropped.to_device("left", 0.0, 100.0) == pytest.approx((u - left, v - top))
    half = vp.scaled(0.5)  # a retina image shown at half its pixels
    assert half.to_device("left", 0.0, 100.0) == pytest.approx((u / 2, v / 2))
    assert half.size == (vp.size[0] / 2, vp.size[1] / 2)
    assert half.hit(atlas, u / 2, v / 2).primary is vp.hit(atlas, u, v).primary
    padded = vp.crop(-10, -20)  # a letterbox: the image sits 10 px right, 20 px down
    assert padded.to_device("left", 0.0, 100.0) == pytest.approx((u + 10, v + 20))
    with pytest.raises(ValueError, match="width must be positive"):
        vp.crop(0, 0, 0, 10)
    with pytest.raises(TypeError, match="left must be a number"):
        vp.crop("0", 0)
    with pytest.raises(ValueError, match="factor must be positive"):
        vp.scaled(0)
    m.close()
