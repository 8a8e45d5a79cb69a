"""footviz._internal.checks: one set of validators, one error policy."""

from __future__ import annotations

import math
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from footviz import (
    BadTypeError,
    BadValueError,
    FootvizError,
    NotANameError,
    UnknownNameError,
    UnknownOptionError,
)
from footviz._internal import checks
from footviz._internal.names import NameIndex


# ---------------------------------------------------------------------- shortening
def test_long_strings_are_cut_with_their_length():
    text = checks.shorten("x" * 100_000)
    assert len(text) < 90
    assert text.startswith("'xxx") and "…" in text and "100,000 characters" in text
    assert checks.shorten("heart") == "'heart'"


def test_long_containers_are_cut_without_building_their_whole_repr():
    text = checks.shorten(list(range(10_000_000)))
    assert len(text) <= checks.SHORT and text.endswith(("…", "]"))
    assert checks.describe([1, 2]) == "list [1, 2]"
    assert checks.describe(None) == "None"
    assert checks.describe(np.float32(2.5)) == "np.float32(2.5)"


def test_a_broken_repr_does_not_hide_the_error():
    class Broken:
        def __repr__(self):
            raise RuntimeError("no")

    assert "Broken" in checks.shorten(Broken())


def test_error_messages_never_echo_a_huge_value():
    huge = "k" * 100_000
    for call in (
        lambda: checks.check_choice("foot", huge, ("left", "right")),
        lambda: checks.check_real("x", huge),
        lambda: checks.check_name("name", huge, NameIndex("zone", {"heart": ()})),
    ):
        with pytest.raises(FootvizError) as info:
            call()
        assert len(str(info.value)) < 300


# ---------------------------------------------------------------------- names, choices
def test_check_name_refuses_non_strings_naming_the_parameter():
    index = NameIndex("zone", {"heart": ("Heart",), "liver": ()})
    assert checks.check_name("name", "HEART", index) == "heart"
    for bad in (None, 42, ["heart"], b"heart", {"heart": 1}):
        with pytest.raises(NotANameError, match=r"^name must be a zone name \(a str\)") as info:
            checks.check_name("name", bad, index)
        assert isinstance(info.value, TypeError) and isinstance(info.value, UnknownNameError)
    with pytest.raises(UnknownNameError, match=r"unknown zone 'hart'; did you mean 'heart'"):
        checks.check_name("name", "hart", index)


def test_check_choice_folds_case_and_suggests_in_the_allowed_spelling():
    assert checks.check_choice("foot", " LEFT ", ("left", "right")) == "left"
    with pytest.raises(UnknownNameError, match=r"did you mean 'viridis_r'"):
        checks.check_choice("colormap", "viridis-r", ("viridis", "viridis_r"))
    with pytest.raises(
        NotANameError, match=r"foot must be a foot name .*'left', 'right', got None"
    ):
        checks.check_choice("foot", None, ("left", "right"))


def test_check_choice_names_a_parameter_that_is_not_the_kind():
    with pytest.raises(UnknownNameError, match=r"^lang: unknown language 'de'\. Allowed") as err:
        checks.check_choice("language", "de", ("en", "ru"), "lang")
    assert (err.value.kind, err.value.parameter) == ("language", "lang")
    with pytest.raises(UnknownNameError, match=r"^unknown foot 'lef'; did you mean 'left'\?"):
        checks.check_choice("foot", "lef", ("left", "right"), "foot")


def test_the_model_check_choice_is_the_same_rule():
    from footviz.atlas.model import check_choice

    with pytest.raises(NotANameError, match="got list"):
        check_choice("aspect", ["plantar"], ("plantar",))


def test_unknown_keywords_get_a_did_you_mean():
    with pytest.raises(
        UnknownOptionError, match=r"f got an unknown keyword argument 'colr'.*'color'"
    ):
        checks.check_keywords("f", ["color", "colr"], ["color", "alpha"])
    checks.check_keywords("f", ["alpha"], ["color", "alpha"])


# ---------------------------------------------------------------------- numbers
@pytest.mark.parametrize(
    "value",
    [3, 3.5, np.int64(3), np.int8(3), np.float32(3.5), np.float16(3.5), Fraction(7, 2)],
)
def test_real_numbers_of_every_kind_are_accepted(value):
    out = checks.check_real("x", value)
    assert type(out) is float and out == float(value)


@pytest.mark.parametrize("value", [True, np.bool_(True), "3", None, [3], np.array([3.0]), b"3", 3j])
def test_non_numbers_are_type_errors(value):
    with pytest.raises(BadTypeError, match=r"^x must be a finite number, got ") as info:
        checks.check_real("x", value)
    assert isinstance(info.value, TypeError) and isinstance(info.value, ValueError)


def test_nan_inf_and_ranges():
    with pytest.raises(BadValueError, match="x must be a finite number, got nan"):
        checks.check_real("x", math.nan)
    with pytest.raises(BadValueError, match=r"got np.float64\(inf\)"):
        checks.check_real("x", np.float64("inf"))
    assert checks.check_real("x", math.inf, finite=False) == math.inf
    with pytest.raises(BadValueError, match="x must be a number >= 0 mm"):
        checks.check_real("x", -math.inf, finite=False, low=0, unit="mm")
    with pytest.raises(BadValueError, match=r"from 0 \(excluded\) to 1, got 0"):
        checks.check_real("x", 0, low=0, high=1, low_open=True)
    with pytest.raises(BadValueError, match="< 1, got 1"):
        checks.check_real("x", 1, high=1, high_open=True)
    with pytest.raises(BadValueError, match="got 1000"):
        checks.check_real("x", 10**400)  # too big for a float
    assert checks.check_real("x", 0.5, low=0, high=1) == 0.5


def test_pairs():
    assert checks.check_pair("figsize", (8, np.float32(6))) == (8.0, 6.0)
    assert checks.check_pair("figsize", np.array([8, 6])) == (8.0, 6.0)
    for bad in ((0, 0), (math.nan, 5), (5, math.inf), (-1, 5), (101, 5)):
        with pytest.raises(BadValueError, match=r"figsize must be \(width, height\)"):
            checks.check_pair("figsize", bad)
    for bad in ("85", 8, None, (8,), (8, 6, 1), ("8", "6"), {"w": 8, "h": 6}, iter([8, 6])):
        with pytest.raises(BadTypeError, match=r"figsize must be \(width, height\)"):
            checks.check_pair("figsize", bad)


def test_dpi():
    assert checks.check_dpi("dpi", np.int64(300)) == 300.0
    for bad in (math.inf, -5, 0, 5, 1e6, math.nan):
        with pytest.raises(BadValueError, match="dpi must be a finite number from 10 to 2400"):
            checks.check_dpi("dpi", bad)
    with pytest.raises(BadTypeError, match="got 'abc'"):
        checks.check_dpi("dpi", "abc")


def test_bools_mappings_and_strings():
    assert checks.check_bool("legend", np.bool_(False)) is False
    for bad in (1, "no", None):
        with pytest.raises(BadTypeError, match="legend must be True or False"):
            checks.check_bool("legend", bad)
    with pytest.raises(BadTypeError, match="title must be a str or None, got 3"):
        checks.check_optional_str("title", 3)
    with pytest.raises(BadTypeError, match="values must be a mapping, got list"):
        checks.check_mapping("values", [1])


def test_sources():
    assert checks.check_source("source", Path("a.geojson")) == Path("a.geojson")
    for bad in (None, 42, b"a.geojson", ["a"]):
        with pytest.raises(BadTypeError, match=r"source must be a path \(str or os.PathLike\)"):
            checks.check_source("source", bad)
    with pytest.raises(BadValueError, match="without NUL"):
        checks.check_source("source", "a\x00b")


# ---------------------------------------------------------------------- colours (matplotlib)
def test_colours():
    for good in ("red", "#FF0000", "#ff000080", "tab:blue", "0.5", (1, 0, 0), (1, 0, 0, 0.5)):
        assert checks.check_colour("colour", good) == good
    with pytest.raises(BadValueError, match=r"colour must be a matplotlib colour.*'redd'.*'red'"):
        checks.check_colour("colour", "redd")
    with pytest.raises(BadTypeError, match="got 42"):
        checks.check_colour("colour", 42)
    with pytest.raises(BadValueError):
        checks.check_colour("colour", (2, 0, 0))


def test_cmaps():
    assert checks.check_cmap("cmap", "viridis") == "viridis"
    import matplotlib as mpl

    cmap = mpl.colormaps["magma"]
    assert checks.check_cmap("cmap", cmap) is cmap
    with pytest.raises(
        UnknownNameError, match=r"unknown colormap 'viridos'; did you mean 'viridis'"
    ):
        checks.check_cmap("cmap", "viridos")
    with pytest.raises(NotANameError, match="cmap must be a colormap name"):
        checks.check_cmap("cmap", 3)


def test_checks_import_neither_numpy_nor_matplotlib():
    import subprocess

    code = (
        "import sys, footviz._internal.checks as c; c.check_real('x', 1.5);"
        "c.check_choice('foot', 'left', ('left',));"
        "print(sorted(m for m in ('numpy', 'matplotlib', 'shapely') if m in sys.modules))"
    )
    root = str(Path(__file__).resolve().parents[2])
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert out.stdout.strip() == "[]"
