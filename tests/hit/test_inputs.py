"""Argument checks of hit-testing: footviz errors naming the parameter."""

from __future__ import annotations

import numpy as np
import pytest

import footviz
from footviz import UnknownNameError
from footviz.hit.inputs import HitInputError


def test_int_and_numpy_scalars_are_accepted(atlas):
    a = atlas.hit(10, 100)
    b = atlas.hit(np.float64(10.0), np.int64(100))
    assert a == b and a.zone.id == b.zone.id


def test_errors_name_the_bad_value_and_the_allowed_ones(atlas):
    with pytest.raises(UnknownNameError, match=r"unknown foot 'lefft'.*did you mean 'left'"):
        atlas.hit(0.0, 100.0, "lefft")
    with pytest.raises(UnknownNameError, match=r"unknown aspect 'sole'.*'plantar'"):
        atlas.hit(0.0, 100.0, "left", "sole")
    with pytest.raises(TypeError, match=r"x must be a real number.*'10'"):
        atlas.hit("10", 100.0)
    with pytest.raises(TypeError, match=r"y must be a real number.*None"):
        atlas.hit(10.0, None)
    with pytest.raises(ValueError, match=r"must broadcast together.*\(3,\).*\(4,\)"):
        atlas.hit_many(np.zeros(3), np.zeros(4))
    with pytest.raises(TypeError, match=r"xs must be an array of real numbers.*dtype <U"):
        atlas.hit_many(["a", "b"], [1.0, 2.0])
    with pytest.raises(UnknownNameError, match=r"unknown foot 'middle'"):
        atlas.hit_many([1.0, 2.0], [1.0, 2.0], foot=["left", "middle"])
    with pytest.raises(ValueError, match=r"tolerance must be a finite number of mm >= 0.*-1"):
        atlas.hit(0.0, 100.0, tolerance=-1)
    with pytest.raises(ValueError, match=r"overlaps=True needs a tolerance"):
        atlas.hit(0.0, 100.0, overlaps=True)
    with pytest.raises(TypeError, match=r"layout must be a footviz.atlas.layout.Layout"):
        atlas.hit_chart(0.0, 0.0, layout="self")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda a: a.hit(0.0, 100.0, foot=["left"]), r"foot must be a name.*\['left'\]"),
        (lambda a: a.hit(0.0, 100.0, aspect={"plantar"}), r"aspect must be a name"),
        (lambda a: a.hit(0.0, 100.0, foot=None), r"foot must be a name.*None"),
        (lambda a: a.hit(0.0, 100.0, tolerance="5"), r"tolerance must be a real number"),
        (lambda a: a.hit(0.0, 100.0, tolerance=1.0, overlaps="yes"), r"overlaps must be True"),
        (lambda a: a.hit_many(None, None), r"xs must be numbers.*None"),
        (lambda a: a.hit_many([1.0, 2.0], None), r"ys must be numbers"),
        (lambda a: a.hit_many([1.0, None], [1.0, 2.0]), r"xs must be an array of real numbers"),
        (lambda a: a.hit_many([[1.0], [1.0, 2.0]], [1.0]), r"xs must be numbers or an array"),
        (lambda a: a.hit_many([True], [1.0]), r"xs must be an array of real.*dtype bool"),
        (lambda a: a.hit_many([1j], [1.0]), r"xs must be an array of real.*complex"),
        (lambda a: a.hit_many("12", [1.0]), r"xs must be numbers"),
        (lambda a: a.hit_many(np.zeros(3), np.zeros(4)), r"must broadcast together.*\(3,\)"),
        (lambda a: a.hit_many([1.0], [1.0], foot=[None]), r"foot must be a name or an array"),
        (lambda a: a.hit_many([1.0], [1.0], foot=[1, 2]), r"foot must be a name or an array"),
        (lambda a: a.hit_many([1.0], [1.0], aspect=3), r"aspect must be a name or an array"),
        (lambda a: a.hit_chart_many(None, [1.0], layout=None), r"cx must be numbers"),
    ],
)
def test_bad_arguments_raise_a_footviz_error_naming_the_parameter(atlas, call, message):
    with pytest.raises(HitInputError, match=message) as info:
        call(atlas)
    assert isinstance(info.value, footviz.FootvizError)
    assert len(str(info.value)) < 300


def test_long_bad_values_are_shortened_in_messages(atlas):
    with pytest.raises(HitInputError) as info:
        atlas.hit("x" * 100_000, 1.0)
    assert len(str(info.value)) < 200


def test_the_old_module_keeps_the_moved_names():
    # footviz.hit.index re-exports what moved out of it, so existing imports keep working
    from footviz.hit import cache, griddata, index, inputs, results

    assert index.HitResult is results.HitResult and index.HitArray is results.HitArray
    assert index.Overlap is results.Overlap
    assert index.HitInputError is inputs.HitInputError
    assert index.HitIndexError is inputs.HitIndexError
    assert index.as_coords is inputs.as_coords and index.cache_dir is cache.cache_dir
    assert index.MAX_CELL_WORDS == griddata.MAX_CELL_WORDS == 1 << 22
    with pytest.raises(HitInputError, match=r"xs must be numbers"):
        index.as_coords("xs", None)
