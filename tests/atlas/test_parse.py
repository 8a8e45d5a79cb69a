"""Decoding checked documents into records and geometry (footviz.atlas.parse)."""

from __future__ import annotations

import copy
import re

import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon

from footviz.atlas.io import geometry
from footviz.atlas.parse import (
    AtlasParts,
    add_feature,
    as_tuple,
    check_coordinates,
    feature_geometries,
    parse_document,
    parse_features,
    parse_records,
    zone_from_record,
)
from footviz.errors import AtlasFormatError

SQUARE = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
HOLE = [[2, 2], [4, 2], [4, 4], [2, 2]]


def _feature(kind="zone", geom=None, **props):
    props = {"kind": kind, "foot": "left", "aspect": "plantar", "zone": "heart", **props}
    geom = geom or {"type": "Polygon", "coordinates": [SQUARE]}
    return {"type": "Feature", "properties": props, "geometry": geom}


@pytest.fixture(scope="module")
def doc(atlas):
    return atlas.to_document()


def _parts(doc) -> AtlasParts:
    return parse_records(doc)


def test_bulk_geometry_is_the_one_feature_geometry_of_every_shipped_atlas():
    from footviz.atlas.io import builtin_path, read_document

    for name in ("reflexology", "sujok", "sujok-insect"):
        features = read_document(builtin_path(name))["features"]
        bulk = feature_geometries(features)
        assert None not in bulk  # every shipped feature goes through the bulk path
        for made, feature in zip(bulk, features, strict=True):
            one = geometry(feature["geometry"])
            assert made.geom_type == one.geom_type
            assert shapely.equals_exact(made, one, 0.0)


def test_bulk_geometry_keeps_holes_parts_and_types():
    features = [
        _feature(geom={"type": "Polygon", "coordinates": [SQUARE, HOLE]}),
        _feature(geom={"type": "MultiPolygon", "coordinates": [[SQUARE], [HOLE]]}),
        _feature("point", geom={"type": "Point", "coordinates": [1.5, 2.5]}),
        _feature(geom={"type": "LineString", "coordinates": SQUARE}),  # read on its own
    ]
    polygon, multi, point, line = feature_geometries(features)
    assert isinstance(polygon, Polygon) and len(polygon.interiors) == 1
    assert polygon.area == pytest.approx(100 - 2)
    assert isinstance(multi, MultiPolygon) and len(multi.geoms) == 2
    assert isinstance(point, Point) and (point.x, point.y) == (1.5, 2.5)
    assert line is None


@pytest.mark.parametrize(
    "coords",
    [
        [[[0, 0], [1, 0, 5], [1, 1], [0, 0]]],  # a triple among pairs
        [[[0, 0], [1, 0, 5], [1], [1, 1], [0, 0]]],  # a triple and a single: 8 numbers
        [[[0, 0], [1, 0]]],  # too short a ring
        [[["a", 0], [1, 0], [1, 1], [0, 0]]],  # not a number
    ],
)
def test_malformed_coordinates_fall_back_and_name_the_feature(coords):
    good = _feature()
    bad = _feature(geom={"type": "Polygon", "coordinates": coords}, zone="kidney")
    bad["id"] = "kidney/left/plantar"
    assert feature_geometries([good, bad]) == [None, None]  # read one by one, in order
    parts = AtlasParts({}, {}, {}, {}, {}, {"heart": zone_from_record("heart", {})}, {})
    add_feature(parts, 0, good)
    with pytest.raises(AtlasFormatError, match=r"feature 1 \(kidney/left/plantar\): unreadable"):
        add_feature(parts, 1, bad)


def test_parse_document_gives_records_and_shapes(doc, atlas):
    parts = parse_document(doc)
    assert set(parts.zones) == {z.id for z in atlas.zones}
    assert parts.shapes.keys() == {s.key for s in atlas}
    assert parts.outlines.keys() == atlas._outlines.keys()
    assert len(parts.points) == len(atlas.acupoints.shapes) > 0
    assert parts.organs["heart"].names["en"] == atlas.organ("heart").name("en")
    assert parts.problems == []


def test_points_go_to_the_sink_in_feature_order(doc):
    seen = []
    parse_document(doc, on_point=lambda where, props, geom, problems: seen.append(where))
    order = [int(w.split()[1]) for w in seen]
    assert order == sorted(order) and len(order) > 0


def test_zone_problems_are_load_problems_not_errors(doc):
    features = copy.deepcopy(doc["features"])
    first = next(f for f in features if f["properties"]["kind"] == "zone")
    ghost = copy.deepcopy(first)
    ghost["properties"]["zone"] = "no-such-zone"
    parts = _parts(doc)
    parse_features([first, copy.deepcopy(first), ghost], parts)
    messages = [m for _, m in parts.problems]
    assert messages[0].startswith("second geometry for ")
    assert messages[1] == "zone 'no-such-zone' has no metadata entry"
    assert len(parts.shapes) == 1


@pytest.mark.parametrize(
    ("feature", "message"),
    [
        ([1, 2], r"feature 0: not a GeoJSON Feature with properties"),
        (_feature("blob"), r"kind must be 'zone', 'outline', 'point' or 'region', got 'blob'"),
        (_feature(foot="middle"), r"foot must be one of \('left', 'right'\).*foot='middle'"),
        (_feature(zone=7), r"properties\.zone must be a zone id"),
        (_feature("outline", geom={"type": "Point", "coordinates": [0, 0]}), r"non-empty Polygon"),
        (_feature("point"), r"a point feature needs a Point geometry"),
        (_feature(geom={"type": "Point", "coordinates": [0, 0]}), r"expected a Polygon or Multi"),
    ],
)
def test_malformed_features_name_themselves(doc, feature, message):
    with pytest.raises(AtlasFormatError, match=message):
        add_feature(_parts(doc), 0, feature)


def test_bad_coordinates_are_refused():
    check_coordinates("here", Polygon(SQUARE))
    with pytest.raises(AtlasFormatError, match=r"^here: geometry has a NaN or infinite"):
        check_coordinates("here", Point(np.nan, 0))
    with pytest.raises(AtlasFormatError, match=r"coordinate 2e\+09 mm from the origin"):
        check_coordinates("here", Point(2e9, 0))


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"type": "Polygon", "coordinates": [[[0, 0], [None, 0], [1, 1], [0, 0]]]}, "NaN"),
        ({"type": "MultiPolygon", "coordinates": [[[[0, 0], [2e9, 0], [1, 1], [0, 0]]]]}, "2e+09"),
        ({"type": "Point", "coordinates": [float("inf"), 0]}, "NaN or infinite"),
    ],
)
def test_the_bulk_path_checks_coordinates_and_names_the_first_bad_feature(bad, message):
    heart = {"heart": zone_from_record("heart", {})}
    good, later = _feature(), _feature(geom={"type": "Point", "coordinates": [1e10, 0]})
    kind = "point" if bad["type"] == "Point" else "zone"
    features = [good, _feature(kind, geom=bad, point="KI1"), later]
    assert feature_geometries(features) == [None, None, None]  # each read on its own
    assert feature_geometries([good])[0] is not None
    expected = rf"^feature 1 \(.*\): geometry has .*{re.escape(message)}"
    with pytest.raises(AtlasFormatError, match=expected):
        parse_features(features, AtlasParts({}, {}, {}, {}, {}, heart, {}))


def test_a_condition_row_without_terms_is_named(doc):
    broken = copy.deepcopy(doc)
    del broken["footviz"]["conditions"][0]["terms"]
    with pytest.raises(AtlasFormatError, match=r"condition row .* lacks 'terms'"):
        parse_records(broken)


def test_zone_records_default_their_names_and_tuples():
    zone = zone_from_record("z", {"organs": "heart", "feet": ["left"], "name": "oops"})
    assert zone.names == {"en": "z", "ru": "z"}
    assert zone.organs == ("heart",) and zone.feet == ("left",) and zone.aspects == ()
    assert zone.symmetric is False and zone.parent is None
    assert as_tuple(5) == () and as_tuple((1, "a")) == ("1", "a")


def test_tuples_from_shapely_mapping_take_the_bulk_path_too():
    from shapely.geometry import mapping

    polygon = Polygon(SQUARE, [HOLE])
    features = [_feature(geom=mapping(polygon)), _feature(geom=mapping(MultiPolygon([polygon])))]
    made = feature_geometries(features)
    assert shapely.equals_exact(made[0], polygon, 0.0)
    assert isinstance(made[1], MultiPolygon) and shapely.equals_exact(made[1].geoms[0], polygon, 0)
