"""The validator: passes the built-in atlas, rejects broken ones and says where."""

from __future__ import annotations

import copy
import json

import pytest
from shapely import affinity
from shapely.geometry import Polygon, mapping, shape

import footviz
from footviz import Atlas, AtlasValidationError


@pytest.fixture(scope="module")
def doc(atlas):
    return atlas.to_document()


def feature(doc, zone, foot, aspect="plantar"):
    for f in doc["features"]:
        p = f["properties"]
        if p.get("zone") == zone and p["foot"] == foot and p["aspect"] == aspect:
            return f
    raise KeyError(zone)


def broken(doc):
    return copy.deepcopy(doc)


def test_builtin_atlas_is_clean(atlas):
    report = footviz.validate(atlas)
    assert report.ok, str(report)
    assert report.errors == [] and report.warnings == []
    assert all(share >= 0.9 for share in report.coverage.values())
    assert atlas.validate().ok


def test_heart_on_the_right_foot_breaks_the_side_rule(doc):
    d = broken(doc)
    heart = copy.deepcopy(feature(d, "heart", "left"))
    heart["properties"]["foot"] = "right"
    d["features"].append(heart)
    d["footviz"]["zones"]["heart"]["feet"] = ["left", "right"]
    report = Atlas(d).validate()
    side = [p for p in report.errors if p.code == "side"]
    assert side and side[0].zone == "heart"
    assert "left foot only" in side[0].message
    # and it now overlaps the right foot's zones with no nesting declared
    assert "overlap" in report.codes()


def test_undeclared_overlap_names_both_zones_and_where(doc):
    d = broken(doc)
    f = feature(d, "kidney", "left")
    f["geometry"] = mapping(affinity.translate(shape(f["geometry"]), 0, 12))
    report = Atlas(d).validate()
    overlaps = [p for p in report.errors if p.code == "overlap"]
    assert overlaps
    text = " ".join(p.message for p in overlaps)
    assert "'kidney'" in text and "near x=" in text and "y=" in text


@pytest.mark.parametrize("size", [(60.0,), (120.0, 50.0), (275.0,), (275.0, 110.0), (400.0,)])
def test_a_scaled_atlas_is_as_clean_as_the_built_in_one(atlas, size):
    # the border rounding the area tolerances allow for grows with the foot (it did not:
    # scaled(275, 110) reported the ureter overlapping the transverse colon by 0.06 mm²)
    report = atlas.scaled(*size).validate()
    assert report.ok, str(report)


def test_a_scaled_atlas_still_reports_a_real_overlap(doc):
    d = broken(doc)
    f = feature(d, "kidney", "left")
    f["geometry"] = mapping(affinity.translate(shape(f["geometry"]), 0, 12))
    for size in (60.0, 400.0):
        report = Atlas(d).scaled(size).validate()
        assert any(p.code == "overlap" and "'kidney'" in p.message for p in report.errors), size


def test_missing_metadata_field(doc):
    d = broken(doc)
    del d["footviz"]["zones"]["liver"]["note"]
    d["footviz"]["zones"]["spleen"]["name"] = {"en": "Spleen"}
    report = Atlas(d).validate()
    assert any(p.zone == "liver" and "note" in p.message for p in report.errors)
    assert any(p.zone == "spleen" and "lacks ru" in p.message for p in report.errors)


def test_unknown_organ_and_system(doc):
    d = broken(doc)
    d["footviz"]["zones"]["stomach"]["organs"] = ["stomack"]
    d["footviz"]["zones"]["stomach"]["system"] = "digestion"
    messages = [str(p) for p in Atlas(d).validate().errors]
    assert any("unknown organ 'stomack'" in m for m in messages)
    assert any("unknown system 'digestion'" in m for m in messages)


def test_invalid_polygon(doc):
    d = broken(doc)
    bowtie = Polygon([(0, 100), (10, 110), (10, 100), (0, 110)])
    feature(d, "kidney", "right")["geometry"] = mapping(bowtie)
    report = Atlas(d).validate()
    assert any(p.code == "invalid" and p.zone == "kidney" for p in report.errors)


def test_zone_outside_outline(doc):
    d = broken(doc)
    f = feature(d, "bladder", "left")
    f["geometry"] = mapping(affinity.translate(shape(f["geometry"]), 20, 0))
    report = Atlas(d).validate()
    outside = [p for p in report.errors if p.code == "outside"]
    assert outside and outside[0].zone == "bladder" and "outside the outline" in outside[0].message


def test_small_poke_within_tolerance_is_fine(doc):
    d = broken(doc)
    f = feature(d, "bladder", "left")
    f["geometry"] = mapping(affinity.translate(shape(f["geometry"]), 0.3, 0))
    assert "outside" not in Atlas(d).validate().codes()


def test_symmetric_zones_must_match(doc):
    d = broken(doc)
    f = feature(d, "eyes", "right")
    f["geometry"] = mapping(affinity.scale(shape(f["geometry"]), 0.9, 0.9))
    report = Atlas(d).validate()
    sym = [p for p in report.errors if p.code == "symmetry"]
    assert sym and sym[0].zone == "eyes"


def test_nested_zone_outside_its_parent(doc):
    d = broken(doc)
    f = feature(d, "gallbladder", "right")
    f["geometry"] = mapping(affinity.translate(shape(f["geometry"]), 0, -40))
    report = Atlas(d).validate()
    assert any(p.code == "nesting" and p.zone == "gallbladder" for p in report.errors)


def test_low_coverage(doc):
    d = broken(doc)
    d["features"] = [
        f for f in d["features"] if f["properties"].get("zone") not in ("lungs", "pelvis", "liver")
    ]
    for zid in ("lungs", "pelvis", "liver", "sciatic", "reproductive", "gallbladder"):
        d["footviz"]["zones"].pop(zid)
    d["features"] = [
        f
        for f in d["features"]
        if f["properties"].get("zone") not in ("sciatic", "reproductive", "gallbladder")
    ]
    report = Atlas(d).validate()
    cov = [p for p in report.errors if p.code == "coverage"]
    assert cov and "at least 90%" in cov[0].message
    assert Atlas(d).validate(min_coverage=0.5).ok


def test_condition_naming_unknown_organ(doc):
    d = broken(doc)
    d["footviz"]["conditions"][0]["terms"].append({"kind": "organ", "id": "spleeen"})
    report = Atlas(d).validate()
    assert any("unknown organ 'spleeen'" in p.message for p in report.errors)


def test_geometry_for_zone_without_metadata(doc):
    d = broken(doc)
    extra = copy.deepcopy(feature(d, "kidney", "left"))
    extra["properties"]["zone"] = "mystery"
    d["features"].append(extra)
    report = Atlas(d).validate()
    assert any("'mystery' has no metadata" in str(p) for p in report.errors)


def test_raise_on_error_carries_the_report(doc):
    d = broken(doc)
    del d["footviz"]["zones"]["liver"]["provenance"]
    with pytest.raises(AtlasValidationError) as info:
        Atlas(d).validate(raise_on_error=True)
    assert not info.value.report.ok
    assert "liver" in str(info.value)


def test_custom_atlas_from_file(tmp_path, atlas):
    path = tmp_path / "custom.geojson"
    atlas.save(path)
    loaded = footviz.load_atlas(path)
    assert loaded.validate().ok
    assert len(loaded) == len(atlas)
    d = json.loads(path.read_text(encoding="utf-8"))
    d["footviz"]["zones"]["heart"]["feet"] = ["right"]
    path.write_text(json.dumps(d), encoding="utf-8")
    report = footviz.load_atlas(path).validate()
    assert {p.code for p in report.errors} >= {"presence", "side"}
    assert all(p.zone == "heart" for p in report.errors if p.code in ("presence", "side"))


def test_report_text_keeps_errors_and_warnings_apart(doc):
    d = broken(doc)
    d["footviz"]["zones"]["kidney"]["provenance"] = "folklore"
    del d["footviz"]["zones"]["liver"]["note"]
    report = Atlas(d).validate()
    text = str(report)
    assert "1 error(s), 1 warning(s)" in text
    assert "error   [metadata] liver" in text and "warning [metadata] kidney" in text


@pytest.mark.parametrize("bad", [None, 42, "reflexology", {"type": "FeatureCollection"}])
def test_validate_needs_an_atlas(bad):
    with pytest.raises(footviz.BadTypeError, match=r"^atlas must be a footviz Atlas"):
        footviz.validate(bad)


@pytest.mark.parametrize(
    ("value", "error"),
    [("high", TypeError), (None, TypeError), (1.5, ValueError), (-0.1, ValueError),
     (float("nan"), ValueError)],
)  # fmt: skip
def test_min_coverage_must_be_a_share(atlas, value, error):
    with pytest.raises(error, match="min_coverage must be a finite number from 0 to 1"):
        footviz.validate(atlas, min_coverage=value)
    with pytest.raises(footviz.FootvizError, match="min_coverage"):
        atlas.validate(min_coverage=value)


def test_raise_on_error_must_be_a_bool(atlas):
    with pytest.raises(footviz.BadTypeError, match="raise_on_error must be True or False"):
        footviz.validate(atlas, raise_on_error="yes")
    assert footviz.validate(atlas, min_coverage=0).ok


def test_long_names_in_a_custom_atlas_are_shortened_in_the_report(doc):
    d = broken(doc)
    d["footviz"]["zones"]["stomach"]["organs"] = ["o" * 100_000]
    report = Atlas(d).validate()
    problem = next(p for p in report.errors if p.zone == "stomach" and "unknown organ" in p.message)
    assert len(problem.message) < 150 and "100,000 characters" in problem.message
