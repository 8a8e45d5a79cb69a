"""The reference foot's landmarks and scaling the atlas to a real foot."""

from __future__ import annotations

import numpy as np
import pytest

from footviz import FootvizError, ReferenceFoot
from footviz.atlas.frame import check_foot_size


def test_landmarks(atlas):
    ref = ReferenceFoot.from_atlas(atlas)
    assert ref.length == 250
    assert 95 <= ref.ball_width <= 100
    assert 60 <= ref.heel_width <= 65
    assert ref.medial_x > 0 > ref.lateral_x


def test_uniform_scaling(atlas):
    small = atlas.scaled(225)
    sole = small.outline("left")
    assert sole.bounds[3] == pytest.approx(225, abs=0.01)
    assert sole.area == pytest.approx(atlas.outline("left").area * 0.9**2, rel=1e-6)
    assert small.shape("heart", "left").area == pytest.approx(
        atlas.shape("heart", "left").area * 0.81, rel=1e-6
    )
    assert small.validate().ok


def test_length_and_width(atlas):
    wide = atlas.scaled(270, width=110)
    ref = ReferenceFoot.from_atlas(wide)
    assert ref.length == pytest.approx(270)
    assert ref.ball_width == pytest.approx(110, abs=0.01)
    assert wide.outline("left").bounds[1] == pytest.approx(0, abs=0.01)  # heel stays at y=0


LENGTHS = "length must be a finite number from 50 to 1000 mm"


@pytest.mark.parametrize(
    ("length", "width", "message"),
    [
        (0, None, f"{LENGTHS}, got 0"),
        (-3, None, "got -3"),
        (float("nan"), None, "got nan"),
        ("25cm", None, f"{LENGTHS}, got '25cm'"),
        (250, float("inf"), "width must be a finite number from 20 to 500 mm, got inf"),
        (True, None, "got True"),
        (1e6, None, f"{LENGTHS}, got 1000000.0"),
        (2500, None, f"{LENGTHS}, got 2500"),
        (49.9, None, "got 49.9"),
        (None, None, f"{LENGTHS}, got None"),
        (10**400, None, f"{LENGTHS}, got 1000"),
        (np.float64("nan"), None, "got np.float64"),
        (250, "wide", "width must be .* got 'wide'"),
        (250, 5, "width must be .* got 5"),
    ],
)
def test_bad_sizes(atlas, length, width, message):
    with pytest.raises(FootvizError, match=message.replace("(", r"\(")):
        atlas.scaled(length, width)


@pytest.mark.parametrize("length", [np.int64(265), np.float32(265.0), np.int32(265), 265])
def test_numpy_scalars_are_numbers(atlas, length):
    scaled = atlas.scaled(length, width=np.float64(100))
    assert ReferenceFoot.from_atlas(scaled).length == pytest.approx(265)
    assert type(scaled.info["foot_length"]) is float


def test_wrong_types_are_type_errors_and_bad_values_value_errors(atlas):
    with pytest.raises(TypeError):
        atlas.scaled("265")
    with pytest.raises(ValueError):
        atlas.scaled(5000)
    assert check_foot_size(50, 20) == (50.0, 20.0)
    assert check_foot_size(1000) == (1000.0, None)


def test_width_does_not_stretch_the_side_profiles(atlas):
    wide = atlas.scaled(275, width=120)
    for aspect in ("medial", "lateral"):
        height = atlas.outline("left", aspect).bounds[2]
        assert wide.outline("left", aspect).bounds[2] == pytest.approx(height * 1.1, rel=1e-6)
    top_width = atlas.outline("left", "dorsal").bounds
    new_top = wide.outline("left", "dorsal").bounds
    ratio = (new_top[2] - new_top[0]) / (top_width[2] - top_width[0])
    assert ratio == pytest.approx(120 / ReferenceFoot.from_atlas(atlas).ball_width, rel=1e-6)
