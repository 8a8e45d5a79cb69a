"""footviz.render.options: plot options are refused by name before matplotlib sees them."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pytest

import footviz
from footviz import BadTypeError, BadValueError, FootMap, UnknownNameError, UnknownOptionError
from footviz.render.options import MAX_VALUE, zone_keywords

pytestmark = pytest.mark.filterwarnings("error")


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"figsize": (0, 0)}, BadValueError, r"figsize must be \(width, height\).*\(0, 0\)"),
        ({"figsize": (math.nan, 5)}, BadValueError, r"figsize must be .*got tuple \(nan, 5\)"),
        ({"figsize": "big"}, BadTypeError, "figsize must be .*got 'big'"),
        ({"figsize": (1e9, 5)}, BadValueError, "at most 100 inches"),
        ({"greyscale": "yes"}, BadTypeError, "greyscale must be True or False, got 'yes'"),
        ({"fontsize": -1}, BadValueError, "fontsize must be a finite number from 1 to 72"),
        ({"atlas": "reflexology"}, BadTypeError, "atlas must be a footviz Atlas"),
        ({"feet": None}, BadTypeError, "feet must be 'both', 'left', 'right' or a sequence"),
        ({"lang": None}, UnknownNameError, "lang.* must be a language name"),
    ],
)
def test_bad_map_options(options, error, message):
    with pytest.raises(error, match=message):
        FootMap(**options)


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"values": {"heart": 1}, "vmin": "low"}, BadTypeError, "vmin must be a finite number"),
        ({"values": {"heart": 1}, "vmin": math.nan}, BadValueError, "vmin must .* got nan"),
        ({"values": {"heart": 1}, "vmax": np.inf}, BadValueError, "vmax must .* got inf"),
        ({"values": {"heart": 1}, "vmin": 2, "vmax": 1}, BadValueError, "vmax must be greater"),
        (
            {"values": {"heart": 1e308, "liver": -1e308}},
            BadValueError,
            r"values\['heart'\] must be a finite number from -1e\+300 to 1e\+300, got 1e\+308",
        ),
        ({"values": [1, 2]}, BadTypeError, "values must be a mapping"),
        ({"highlight": "heart", "highlight_colours": "redd"}, BadValueError, "did you mean 'red'"),
        ({"highlight_colours": ["red", 42]}, BadTypeError, r"highlight_colours\[1\] must be"),
        ({"highlight_colours": {"a": "nope"}}, BadValueError, r"highlight_colours\['a'\]"),
        ({"highlight_colours": 42}, BadTypeError, "highlight_colours must be a colour"),
        ({"status_colours": {"worse": "nope"}}, BadValueError, r"status_colours\['worse'\]"),
        ({"values": {"heart": 1}, "cmap": "viridos"}, UnknownNameError, "did you mean 'viridis'"),
        ({"cmap": 3}, UnknownNameError, "cmap must be a colormap name"),
        ({"labels": 42}, BadTypeError, "labels must be True, False, 'highlighted'.*got 42"),
        ({"labels": [1, 2]}, BadTypeError, "labels must be"),
        ({"ax": "notanaxes"}, BadTypeError, "ax must be a matplotlib Axes.*'notanaxes'"),
        ({"legend": "no"}, BadTypeError, "legend must be True or False"),
        ({"numbered": 1}, BadTypeError, "numbered must be True or False, got 1"),
        ({"title": 3}, BadTypeError, "title must be a str or None, got 3"),
        ({"categories": "worse"}, BadTypeError, "categories must be a sequence of status names"),
        (
            {"linewdith": 2},
            UnknownOptionError,
            r"unknown keyword argument 'linewdith'.*'linewidth'",
        ),
        ({"colour": "red"}, UnknownOptionError, r"did you mean 'color'"),
        ({"facecolor": "nope"}, BadValueError, "facecolor must be a matplotlib colour"),
        ({"lw": -2}, BadValueError, "lw must be a finite number from 0 to 100 points"),
        ({"alpha": 2}, BadValueError, "alpha must be a finite number from 0 to 1, got 2"),
        ({"transform": None}, UnknownOptionError, "unknown keyword argument 'transform'"),
    ],
)
def test_bad_draw_options_through_plot(options, error, message):
    with pytest.raises(error, match=message):
        footviz.plot(**options)
    assert plt.get_fignums() == []  # refused before any figure was made


def test_draw_checks_too():
    fm = FootMap(feet="left")
    with pytest.raises(BadTypeError, match="ax must be a matplotlib Axes"):
        fm.draw(ax=plt)


def test_good_options_still_draw():
    m = footviz.plot(
        feet="left",
        labels=False,
        figsize=np.array([6, 7]),
        values={"heart": np.float32(2), "liver": 5, "kidney": None, "spleen": math.nan},
        vmin=np.int64(0),
        vmax=10,
        cmap="magma",
        alpha=0.9,
        lw=np.float64(0.5),
        facecolor=None,
    )
    coll = m.artists.zones["left"]
    assert tuple(m.figure.get_size_inches()) == (6.0, 7.0)
    assert coll.get_alpha() == 0.9
    assert coll.get_clim() == (0.0, 10.0)
    assert coll.get_cmap().name.startswith("magma")


def test_extreme_but_allowed_values_render():
    m = footviz.plot(feet="left", labels=False, values={"heart": MAX_VALUE, "liver": -MAX_VALUE})
    assert m.artists.zones["left"].get_clim() == (-MAX_VALUE, MAX_VALUE)
    m.figure.canvas.draw()  # no overflow warning (warnings are errors here)


@pytest.mark.parametrize("dpi", ["abc", -5, 0, math.nan, math.inf, 1e6])
def test_savefig_dpi(tmp_path, dpi):
    m = footviz.plot(feet="left", labels=False)
    with pytest.raises((BadTypeError, BadValueError), match="dpi must be a finite number from 10"):
        m.savefig(tmp_path / "map.png", dpi=dpi)
    assert not (tmp_path / "map.png").exists()


def test_zone_keywords_are_pathcollection_properties():
    words = zone_keywords()
    assert {"alpha", "linewidth", "lw", "facecolor", "fc", "hatch", "zorder"} <= set(words)
    assert "transform" not in words and "paths" not in words
