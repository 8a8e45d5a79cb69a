"""Chart layouts: where each foot sits, mirrored by a transform, and back again."""

from __future__ import annotations

import numpy as np
import pytest

from footviz import NotInAtlasError, UnknownNameError
from footviz.atlas.layout import Layout


@pytest.fixture
def extent(atlas):
    return atlas.outline("left").bounds


def test_self_view_left_foot_on_the_left_big_toes_inward(extent):
    layout = Layout.side_by_side(extent, view="self", gap=30)
    left, right = layout.panels
    assert (left.foot, right.foot) == ("left", "right")
    assert not left.mirrored and right.mirrored
    # the big toe (x > 0, medial) of each foot faces the gap between them
    lx, _ = left.to_chart(40, 240)
    rx, _ = right.to_chart(40, 240)
    assert left.chart_bounds[2] < right.chart_bounds[0]
    assert lx > left.to_chart(-40, 240)[0] and rx < right.to_chart(-40, 240)[0]
    assert right.chart_bounds[0] - left.chart_bounds[2] == pytest.approx(30)


def test_practitioner_view_swaps_feet(extent):
    layout = Layout.side_by_side(extent, view="practitioner")
    assert [p.foot for p in layout.panels] == ["right", "left"]
    assert not layout.panel("right").mirrored and layout.panel("left").mirrored


def test_single_foot_keeps_its_pair_orientation(extent):
    assert Layout.side_by_side(extent, feet=["right"]).panels[0].mirrored
    assert not Layout.side_by_side(extent, feet=["left"]).panels[0].mirrored


def test_round_trip(extent):
    rng = np.random.default_rng(3)
    x, y = rng.uniform(-60, 60, 500), rng.uniform(0, 250, 500)
    for panel in Layout.side_by_side(extent, view="practitioner").panels:
        back = panel.from_chart(*panel.to_chart(x, y))
        assert np.allclose(back[0], x, atol=1e-9) and np.allclose(back[1], y, atol=1e-9)


def test_panel_at(extent):
    layout = Layout.side_by_side(extent, gap=50)
    right = layout.panel("right")
    cx, cy = right.to_chart(0, 100)
    assert layout.panel_at(float(cx), float(cy)) is right
    gap_x = (layout.panel("left").chart_bounds[2] + right.chart_bounds[0]) / 2
    assert layout.panel_at(gap_x, 100) is None


def test_bad_arguments(extent):
    with pytest.raises(UnknownNameError, match="unknown view 'doctor'"):
        Layout.side_by_side(extent, view="doctor")
    with pytest.raises(UnknownNameError, match="did you mean 'right'"):
        Layout.side_by_side(extent, feet=["rigth"])
    with pytest.raises(ValueError, match="once each"):
        Layout.side_by_side(extent, feet=["left", "left"])
    with pytest.raises(ValueError, match=r"gap must be a finite number from 0 to 1e.06 mm, got -1"):
        Layout.side_by_side(extent, gap=-1)
    with pytest.raises(TypeError, match=r"gap must be .* got '40'"):
        Layout.side_by_side(extent, gap="40")
    with pytest.raises(TypeError, match=r"feet must be 'left', 'right' or a sequence.*got None"):
        Layout.side_by_side(extent, feet=None)
    with pytest.raises(UnknownNameError, match=r"foot must be a foot name.*got list \['left'\]"):
        Layout.side_by_side(extent, feet=[["left"]])
    with pytest.raises(ValueError, match=r"extent must be \(xmin, ymin, xmax, ymax\).*nan"):
        Layout.side_by_side((0, 0, float("nan"), 1))
    with pytest.raises(ValueError, match=r"extent must be .* got tuple \(0, 0, 0, 1\)"):
        Layout.side_by_side((0, 0, 0, 1))
    one = Layout.side_by_side(extent, feet="right")  # a single name is one foot
    assert [p.foot for p in one.panels] == ["right"]
    with pytest.raises(NotInAtlasError, match="no panel for the left foot; panels: right plantar"):
        one.panel("left")
    with pytest.raises(UnknownNameError, match="did you mean 'left'"):
        one.panel("lefft")


# ---------------------------------------------------------------- side profiles lying down
@pytest.fixture(params=["medial", "lateral"])
def profile(request, atlas):
    return request.param, atlas.outline("left", request.param).bounds


def _toes_right(panel) -> bool:
    heel_x = float(panel.to_chart(0.0, 0.0)[0])
    toe_x = float(panel.to_chart(0.0, 250.0)[0])
    return toe_x > heel_x


@pytest.mark.parametrize("view,top", [("self", "left"), ("practitioner", "right")])
def test_profiles_lie_on_their_side_stacked(profile, view, top):
    aspect, extent = profile
    layout = Layout.side_by_side(extent, aspect=aspect, view=view, gap=25)
    upper, lower = layout.panels
    assert upper.foot == top and all(p.turned and p.aspect == aspect for p in layout.panels)
    for p in layout.panels:
        x0, y0, x1, y1 = p.chart_bounds
        assert x1 - x0 > 1.5 * (y1 - y0)  # long and low: the floor runs across the chart
        # the floor (height 0) is at the bottom, the leg cut (height 135) at the top
        assert float(p.to_chart(0.0, 40.0)[1]) == pytest.approx(y0, abs=1.0)
        assert float(p.to_chart(135.0, 40.0)[1]) == pytest.approx(y1)
        assert (x0, x1) == pytest.approx((extent[1], extent[3]))  # same span for both feet
    assert upper.chart_bounds[1] - lower.chart_bounds[3] == pytest.approx(25)
    assert lower.chart_bounds[1] == pytest.approx(extent[0])  # the lower floor on Y = 0


def test_toes_point_as_seen_from_that_side(atlas):
    extent = atlas.outline("left", "medial").bounds
    medial = Layout.side_by_side(extent, aspect="medial")
    lateral = Layout.side_by_side(extent, aspect="lateral")
    # inner side seen from the other foot; outer side seen from outside
    assert _toes_right(medial.panel("left")) and not _toes_right(medial.panel("right"))
    assert not _toes_right(lateral.panel("left")) and _toes_right(lateral.panel("right"))
    assert medial.panel("left").direction(0, 1) == (1.0, 0.0)
    assert medial.panel("right").direction(0, 1) == (-1.0, 0.0)
    assert medial.panel("right").direction(1, 0) == (0.0, 1.0)  # height is up
    # a foot alone keeps its pair orientation; the view never turns a foot round
    for aspect, layout in (("medial", medial), ("lateral", lateral)):
        for foot in ("left", "right"):
            alone = Layout.side_by_side(extent, feet=[foot], aspect=aspect)
            other = Layout.side_by_side(extent, feet=[foot], aspect=aspect, view="practitioner")
            want = _toes_right(layout.panel(foot))
            assert _toes_right(alone.panels[0]) == _toes_right(other.panels[0]) == want
            assert alone.panels[0].dy == 0.0


def test_turned_round_trip_scalars_and_arrays(profile):
    aspect, extent = profile
    rng = np.random.default_rng(5)
    x, y = rng.uniform(-10, 150, 500), rng.uniform(-10, 260, 500)
    for view in ("self", "practitioner"):
        for panel in Layout.side_by_side(extent, aspect=aspect, view=view, gap=33.3).panels:
            bx, by = panel.from_chart(*panel.to_chart(x, y))
            assert np.abs(bx - x).max() < 1e-9 and np.abs(by - y).max() < 1e-9
            cx, cy = panel.to_chart(x, y)
            fx, fy = panel.to_chart(*panel.from_chart(cx, cy))
            assert np.abs(fx - cx).max() < 1e-9 and np.abs(fy - cy).max() < 1e-9
            sx, sy = panel.from_chart(*panel.to_chart(12.5, 200.25))
            assert np.ndim(sx) == 0 and abs(sx - 12.5) < 1e-9 and abs(sy - 200.25) < 1e-9


def test_matrix_is_the_full_affine_and_bounds_follow_it(atlas, profile):
    from shapely import affinity

    aspect, extent = profile
    for panel in Layout.side_by_side(extent, aspect=aspect, view="practitioner").panels:
        outline = atlas.outline(panel.foot, aspect)
        placed = affinity.affine_transform(outline, panel.matrix())
        assert placed.bounds == pytest.approx(panel.chart_bounds, abs=1e-9)
        xs, ys = np.asarray(outline.exterior.coords).T
        cx, cy = panel.to_chart(xs, ys)
        assert np.allclose(np.asarray(placed.exterior.coords), np.c_[cx, cy], atol=1e-9)


def test_panel_at_on_stacked_profiles(profile):
    aspect, extent = profile
    layout = Layout.side_by_side(extent, aspect=aspect, gap=50)
    upper, lower = layout.panels
    for p in layout.panels:
        cx, cy = p.to_chart(60.0, 120.0)  # 60 mm up, 120 mm from the heel
        assert layout.panel_at(float(cx), float(cy)) is p
    mid = (upper.chart_bounds[1] + lower.chart_bounds[3]) / 2
    assert layout.panel_at(125.0, mid) is None
    assert layout.panel_at(upper.chart_bounds[2] + 5.0, upper.chart_bounds[1] + 5.0) is None


def test_hit_chart_on_a_turned_layout(atlas, profile):
    from footviz.render.labels import anchor_point

    aspect, extent = profile
    layout = Layout.side_by_side(extent, aspect=aspect, view="practitioner", gap=30)
    checked = 0
    for panel in layout.panels:
        for s in atlas.shapes(panel.foot, aspect):
            fx, fy = anchor_point(s.geometry)
            hit = atlas.hit(fx, fy, panel.foot, aspect)
            assert s in hit.shapes
            cx, cy = panel.to_chart(fx, fy)
            got = atlas.hit_chart(float(cx), float(cy), layout)
            assert got is not None and got.primary.key == hit.primary.key
            many = atlas.hit_chart_many(np.array([cx]), np.array([cy]), layout)
            assert many.zone_ids()[0] == hit.primary.zone.id
            checked += 1
    assert checked >= 10
    gap_y = (layout.panels[0].chart_bounds[1] + layout.panels[1].chart_bounds[3]) / 2
    assert atlas.hit_chart(125.0, gap_y, layout) is None


def test_upright_profiles_and_bad_turns(atlas):
    extent = atlas.outline("left", "medial").bounds
    upright = Layout.side_by_side(extent, aspect="medial", turned=False)
    assert not any(p.turned for p in upright.panels)
    assert upright.panels[1].dx == pytest.approx(2 * extent[2] + 40.0)
    assert not any(p.turned for p in Layout.side_by_side(atlas.outline("left").bounds).panels)
    with pytest.raises(ValueError, match=r"aspect must be a side profile .* got 'plantar'"):
        Layout.side_by_side(atlas.outline("left").bounds, turned=True)
    with pytest.raises(ValueError, match=r"gap must be a finite number .* got nan"):
        Layout.side_by_side(extent, aspect="medial", gap=float("nan"))
