"""Values per zone: keys by zone or organ, precedence, statuses, strict names."""

from __future__ import annotations

import math

import pytest

from footviz import FootvizError, UnknownNameError
from footviz.render.values import resolve_values


def test_organ_keys_spread_and_zone_keys_win_in_any_order(atlas):
    a = resolve_values(atlas, {"kidneys": 2.0, "kidney/left": 5.0})
    b = resolve_values(atlas, {"kidney/left": 5.0, "kidneys": 2.0})
    assert a.values == b.values
    assert a.values[("kidney", "left", "plantar")] == 5.0
    assert a.values[("kidney", "right", "plantar")] == 2.0
    assert not a.categorical


def test_none_and_nan_are_no_data(atlas):
    zv = resolve_values(atlas, {"heart": None, "liver": math.nan, "spleen": 1})
    assert set(zv.values) == {("spleen", "left", "plantar")}


def test_statuses_are_categorical_in_conventional_order(atlas):
    zv = resolve_values(atlas, {"heart": "better", "liver": "worse", "spleen": "same"})
    assert zv.categorical and zv.categories == ("worse", "same", "better")
    assert len(set(zv.colours.values())) == 3


def test_unknown_key_raises_strict_name_error(atlas):
    with pytest.raises(UnknownNameError, match=r"unknown zone or organ 'kidny'.*did you mean"):
        resolve_values(atlas, {"kidny": 1})


def test_conflicts_and_mixtures_are_clear_errors(atlas):
    with pytest.raises(FootvizError, match="two values"):
        resolve_values(atlas, {"ovaries": 1, "testes": 2})
    with pytest.raises(FootvizError, match="not a mix"):
        resolve_values(atlas, {"lungs": 1, "heart": "worse"})
    with pytest.raises(FootvizError, match="must be a number"):
        resolve_values(atlas, {"lungs": [1]})
