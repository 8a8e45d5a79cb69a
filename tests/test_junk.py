"""Random junk into the public API and the command line: only footviz errors come out.

Every call either works or raises a :class:`footviz.FootvizError` (whose message is short even
when the value is huge); never a raw numpy, shapely, matplotlib, json or pathlib exception.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import footviz
from footviz import FootvizError

HUGE = "z" * 100_000
FEW = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
SOME = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
CLI = settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))

numpy_scalars = st.one_of(
    st.integers(-(2**31), 2**31).map(np.int64),
    st.floats(width=32, allow_nan=True, allow_infinity=True).map(np.float32),
    st.floats(allow_nan=True, allow_infinity=True).map(np.float64),
    st.booleans().map(np.bool_),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.just(HUGE),
    st.binary(max_size=20),
    numpy_scalars,
    st.sampled_from(["left", "right", "plantar", "heart", "migraine", "head", "both", "en"]),
)
junk = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=8), inner, max_size=3),
        st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=6).map(np.array),
    ),
    max_leaves=8,
)


def only_footviz_errors(call, *args, **kwargs):
    """Run the call; a footviz error is fine (and short), anything else fails the test."""
    try:
        return call(*args, **kwargs)
    except FootvizError as exc:
        assert len(str(exc)) < 2000, str(exc)[:300]
        return None


def close_figures():
    import matplotlib.pyplot as plt

    plt.close("all")  # many examples in one test: don't let figures pile up


# ---------------------------------------------------------------------- atlas lookups
LOOKUPS = [
    "zone",
    "organ",
    "group",
    "condition",
    "organ_zones",
    "group_zones",
    "for_condition",
    "lookup",
    "resolve_name",
    "title",
    "__getitem__",
]


@FEW
@given(method=st.sampled_from(LOOKUPS), name=junk)
def test_lookups(atlas, method, name):
    only_footviz_errors(getattr(atlas, method), name)


@FEW
@given(
    foot=junk,
    aspect=junk,
    keyword=st.sampled_from(["system", "group", "organ"]),
    value=junk,
)
def test_filters(atlas, foot, aspect, keyword, value):
    only_footviz_errors(atlas.shapes, foot, aspect, **{keyword: value})
    only_footviz_errors(atlas.shape, value, foot, aspect)
    only_footviz_errors(atlas.outline, foot, aspect)
    only_footviz_errors(atlas.lookup, "heart", foot, aspect)
    only_footviz_errors(atlas.organ_zones, value, foot, aspect)
    only_footviz_errors(atlas.resolve_name, "heart", value)
    assert isinstance(value in atlas, bool) if not isinstance(value, np.ndarray) else True


@SOME
@given(length=junk, width=st.one_of(st.none(), junk))
def test_scaled(atlas, length, width):
    scaled = only_footviz_errors(atlas.scaled, length, width)
    if scaled is not None:
        assert 50 <= scaled.info["foot_length"] <= 1000


@SOME
@given(
    length=st.floats(50, 1000) | st.integers(50, 1000).map(np.int64),
    width=st.none() | st.floats(20, 500).map(np.float32),
)
def test_scaled_accepts_every_real_number_in_range(atlas, length, width):
    scaled = atlas.scaled(length, width)
    assert scaled.info["foot_length"] == pytest.approx(float(length))


# ---------------------------------------------------------------------- loading
@FEW
@given(source=junk)
def test_load_atlas(source):
    if isinstance(source, str) and source not in ("", HUGE) and ("/" in source or "." in source):
        source = str(Path(tempfile.gettempdir()) / "footviz-junk" / Path(source).name)
    only_footviz_errors(footviz.load_atlas, source)


@pytest.fixture(scope="module")
def small_doc(atlas):
    """The built-in document with the left sole only: quick to build and to validate."""
    doc = atlas.to_document()
    doc["features"] = [
        f
        for f in doc["features"]
        if f["properties"]["foot"] == "left" and f["properties"]["aspect"] == "plantar"
    ][:12]
    return doc


def _places(doc):
    meta = doc["footviz"]
    feature = doc["features"][1]
    return {
        "document": (None, None),
        "footviz": (doc, "footviz"),
        "features": (doc, "features"),
        "atlas": (meta, "atlas"),
        "zones": (meta, "zones"),
        "organs": (meta, "organs"),
        "groups": (meta, "groups"),
        "systems": (meta, "systems"),
        "conditions": (meta, "conditions"),
        "schema_version": (meta, "schema_version"),
        "zone record": (meta["zones"], "brain"),
        "zone feet": (meta["zones"]["brain"], "feet"),
        "zone name": (meta["zones"]["brain"], "name"),
        "zone parent": (meta["zones"]["brain"], "parent"),
        "zone symmetric": (meta["zones"]["brain"], "symmetric"),
        "organ record": (meta["organs"], "brain"),
        "organ side": (meta["organs"]["brain"], "side"),
        "group organs": (meta["groups"]["head"], "organs"),
        "condition row": (meta["conditions"], 0),
        "condition terms": (meta["conditions"][0], "terms"),
        "condition name": (meta["conditions"][0], "name"),
        "feature": (doc["features"], 1),
        "geometry": (feature, "geometry"),
        "coordinates": (feature["geometry"], "coordinates"),
        "properties": (feature, "properties"),
        "property zone": (feature["properties"], "zone"),
        "property foot": (feature["properties"], "foot"),
        "property kind": (feature["properties"], "kind"),
    }


PLACES = [
    "document", "footviz", "features", "atlas", "zones", "organs", "groups", "systems",
    "conditions", "schema_version", "zone record", "zone feet", "zone name", "zone parent",
    "zone symmetric", "organ record", "organ side", "group organs", "condition row",
    "condition terms", "condition name", "feature", "geometry", "coordinates", "properties",
    "property zone", "property foot", "property kind",
]  # fmt: skip


@FEW
@given(place=st.sampled_from(PLACES), value=junk)
def test_documents_with_junk_in_any_member(small_doc, place, value):
    doc = copy.deepcopy(small_doc)
    parent, key = _places(doc)[place]
    if parent is None:
        doc = value
    else:
        parent[key] = value
    built = only_footviz_errors(footviz.Atlas, doc)
    if built is not None:
        only_footviz_errors(built.validate, min_coverage=0.0)
        only_footviz_errors(built.lookup, "brain")


@SOME
@given(place=st.sampled_from(["coordinates"]), value=junk)
def test_documents_with_junk_files(small_doc, place, value):
    """The same through a file: a JSON text (or raw bytes) that load_atlas must refuse or read."""
    doc = copy.deepcopy(small_doc)
    parent, key = _places(doc)[place]
    parent[key] = value
    try:
        text = json.dumps(doc, default=repr, allow_nan=True).encode("utf-8")
    except (ValueError, TypeError):
        text = repr(value).encode("utf-8", "replace")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "junk.geojson"
        path.write_bytes(text)
        only_footviz_errors(footviz.load_atlas, path)


@SOME
@given(data=st.binary(max_size=300))
def test_random_bytes_as_an_atlas_file(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "junk.geojson"
        path.write_bytes(data)
        with pytest.raises(FootvizError):
            footviz.load_atlas(path)


# ---------------------------------------------------------------------- validation
@SOME
@given(target=junk, min_coverage=junk, raise_on_error=junk)
def test_validate(target, min_coverage, raise_on_error):
    only_footviz_errors(
        footviz.validate, target, min_coverage=min_coverage, raise_on_error=raise_on_error
    )


@SOME
@given(min_coverage=junk, raise_on_error=junk)
def test_atlas_validate(small_doc, min_coverage, raise_on_error):
    atlas = footviz.Atlas(small_doc)
    only_footviz_errors(atlas.validate, min_coverage=min_coverage, raise_on_error=raise_on_error)


# ---------------------------------------------------------------------- plotting
MAP_OPTIONS = ["feet", "layout", "aspect", "lang", "greyscale", "figsize", "fontsize", "atlas"]
DRAW_OPTIONS = [
    "highlight",
    "highlight_colours",
    "values",
    "cmap",
    "vmin",
    "vmax",
    "categories",
    "status_colours",
    "labels",
    "numbered",
    "legend",
    "colorbar",
    "title",
    "value_label",
    "ax",
    "alpha",
    "linewidth",
    "facecolor",
    "edgecolors",
    "hatch",
    "colour",
    "dpi",
]


@SOME
@given(option=st.sampled_from(MAP_OPTIONS), value=junk)
def test_footmap_options(option, value):
    fm = only_footviz_errors(footviz.FootMap, **{option: value})
    if fm is not None and option in ("figsize", "fontsize", "greyscale"):
        only_footviz_errors(fm.draw, labels=False, legend=False)
    close_figures()


@SOME
@given(option=st.sampled_from(DRAW_OPTIONS), value=junk)
def test_plot_options(option, value):
    options = {"feet": "left", "labels": False, "legend": False, option: value}
    only_footviz_errors(footviz.plot, **options)
    close_figures()


@SOME
@given(
    values=st.dictionaries(
        st.sampled_from(["heart", "liver", "kidney", "spleen", "nope"]),
        st.one_of(st.floats(allow_nan=True, allow_infinity=True), numpy_scalars, st.none()),
        max_size=3,
    ),
    vmin=st.none() | st.floats(allow_nan=True, allow_infinity=True),
)
def test_plot_values(values, vmin):
    fm = only_footviz_errors(
        footviz.plot, feet="left", labels=False, legend=False, values=values, vmin=vmin
    )
    if fm is not None:
        fm.figure.canvas.draw()  # no overflow while drawing (warnings are errors)
    close_figures()


@SOME
@given(dpi=junk)
def test_savefig_dpi(dpi):
    fm = footviz.plot(feet="left", labels=False, legend=False, figsize=(2, 2))
    with tempfile.TemporaryDirectory() as folder:
        only_footviz_errors(fm.savefig, Path(folder) / "map.png", dpi=dpi)
    close_figures()


@SOME
@given(what=junk)
def test_handout_names(what):
    with tempfile.TemporaryDirectory() as folder:
        if isinstance(what, (list, tuple)):
            what = [w + "?" if isinstance(w, str) else w for w in what]
        if isinstance(what, str):
            what = what + "?"  # a real handout takes seconds: keep to names that are bad
        only_footviz_errors(footviz.handout, what, Path(folder) / "h.pdf")


# ---------------------------------------------------------------------- the command line
cli_words = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            max_size=12),
    st.sampled_from(["nan", "inf", "-1e999", "1e999", "-5", "", "--", "héart", HUGE[:5000]]),
)  # fmt: skip


@pytest.mark.slow
@CLI
@given(
    command=st.sampled_from(
        [
            ["zones", "--lang"],
            ["render", "--dpi"],
            ["render", "--highlight"],
            ["render", "--aspect"],
            ["validate"],
            ["handout", "--dpi"],
        ]
    ),
    word=cli_words,
)
def test_command_line(command, word):
    with tempfile.TemporaryDirectory() as folder:
        args = [*command, word]
        if command[0] in ("render", "handout"):
            args += ["-o", str(Path(folder) / ("x.png" if command[0] == "render" else "x.pdf"))]
            args += ["--dpi", "20"] if command[-1] != "--dpi" else []
            args += ["migraine"] if command[0] == "handout" else []
        if command == ["validate"]:
            path = Path(folder) / "atlas.geojson"
            path.write_text(word, encoding="utf-8")
            args = ["validate", str(path)]
        r = subprocess.run(
            [sys.executable, "-m", "footviz", *args],
            capture_output=True,
            text=True,
            timeout=180,
            cwd=folder,
        )
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    if r.returncode == 1:
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert len(r.stderr) < 2000
    else:
        assert r.returncode in (0, 2), (r.returncode, r.stderr)
