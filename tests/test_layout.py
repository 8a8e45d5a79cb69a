"""Chart layouts: where each foot sits, mirrored by a transform, and back again."""

from __future__ import annotations

import numpy as np
import pytest

from footviz import UnknownNameError
from footviz.layout import Layout


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
    with pytest.raises(ValueError, match="gap must be a non-negative number of mm, got -1"):
        Layout.side_by_side(extent, gap=-1)
