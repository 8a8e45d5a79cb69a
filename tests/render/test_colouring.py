"""Zone colours (footviz.render.colouring): norm= honoured for numeric heat maps or rejected."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.colors import BoundaryNorm, LogNorm, Normalize, TwoSlopeNorm

import footviz
from footviz import FootvizError

VALUES = {"kidney": 1.0, "liver": 9.0, "heart": 3.0, "lungs": 5.0}


def _expected(m, zone, foot, value):
    coll = m.artists.zones[foot]
    return np.asarray(coll.get_cmap()(coll.norm(value)))


@pytest.mark.parametrize(
    "norm",
    [
        LogNorm(1, 10),
        BoundaryNorm([0, 2, 4, 6, 10], 256),
        TwoSlopeNorm(vcenter=4.0, vmin=0.0, vmax=10.0),
    ],
    ids=["log", "boundary", "two-slope"],
)
def test_zone_colours_follow_the_norm(norm):
    m = footviz.plot(values=VALUES, norm=norm, labels=False)
    cmap = matplotlib.colormaps["viridis"]
    for zone, value in VALUES.items():
        for foot in ("left", "right"):
            shapes = [s for s in m.artists.shapes[foot] if s.zone.id == zone]
            if not shapes:
                continue
            got = m.artists.facecolor(zone, foot)
            np.testing.assert_allclose(got, cmap(norm(value)), atol=1e-9)
    assert m.artists.colorbar.norm is norm


def test_a_log_norm_is_not_a_linear_one():
    lin = footviz.plot(feet="right", values=VALUES, labels=False)
    log = footviz.plot(feet="right", values=VALUES, norm=LogNorm(1, 10), labels=False)
    a, b = lin.artists.facecolor("lungs", "right"), log.artists.facecolor("lungs", "right")
    assert not np.allclose(a, b)


def test_norm_without_limits_takes_them_from_the_data():
    m = footviz.plot(values=VALUES, norm=LogNorm(), labels=False)
    assert m.artists.zones["left"].norm.vmin == 1.0 and m.artists.zones["left"].norm.vmax == 9.0


@pytest.mark.parametrize(
    "kwargs,match",
    [
        ({"values": VALUES, "norm": "log"}, "norm must be a matplotlib.colors.Normalize"),
        ({"values": VALUES, "norm": Normalize(0, 1), "vmin": 0}, "not both"),
        ({"norm": LogNorm(1, 10)}, "numeric values= only"),
        ({"values": {"kidney": "worse"}, "norm": LogNorm(1, 10)}, "status_colours"),
        ({"values": {"kidney": 0.0, "liver": 2.0}, "norm": LogNorm()}, "kidney.*no colour.*> 0"),
    ],
)
def test_bad_norms_are_rejected_by_name(kwargs, match):
    with pytest.raises(FootvizError, match=match):
        footviz.plot(labels=False, **kwargs)
