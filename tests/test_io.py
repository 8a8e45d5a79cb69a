"""Reading atlas files: clear errors for every way a file can be wrong."""

from __future__ import annotations

import json

import pytest

import footviz
from footviz import AtlasFormatError, UnknownNameError


def test_missing_file(tmp_path):
    with pytest.raises(AtlasFormatError, match=r"atlas file not found: .*nope\.geojson"):
        footviz.load_atlas(tmp_path / "nope.geojson")


def test_bad_json_reports_line_and_column(tmp_path):
    path = tmp_path / "bad.geojson"
    path.write_text('{"type": "FeatureCollection",\n "features": [,]}', encoding="utf-8")
    with pytest.raises(AtlasFormatError, match=r"not valid JSON \(line 2, column"):
        footviz.load_atlas(path)


def test_wrong_schema_version(tmp_path, atlas):
    doc = atlas.to_document()
    doc["footviz"]["schema_version"] = 99
    path = tmp_path / "v99.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(AtlasFormatError, match="schema_version 99 is not supported"):
        footviz.load_atlas(path)


def test_not_a_feature_collection(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(AtlasFormatError, match="FeatureCollection"):
        footviz.load_atlas(path)


def test_missing_member(atlas):
    doc = atlas.to_document()
    del doc["footviz"]["conditions"]
    with pytest.raises(AtlasFormatError, match="no 'conditions' member"):
        footviz.Atlas(doc)


def test_bad_feature_foot(atlas):
    doc = atlas.to_document()
    doc["features"][0]["properties"]["foot"] = "middle"
    with pytest.raises(AtlasFormatError, match=r"foot must be one of .* got foot='middle'"):
        footviz.Atlas(doc)


def test_unknown_builtin_name():
    with pytest.raises(UnknownNameError, match="unknown atlas 'reflexolgy'; did you mean"):
        footviz.load_atlas("reflexolgy")


def test_builtin_is_cached_and_save_is_atomic(tmp_path, atlas):
    assert footviz.load_atlas() is footviz.load_atlas("reflexology")
    path = tmp_path / "a.geojson"
    atlas.save(path)
    assert [p.name for p in tmp_path.iterdir()] == ["a.geojson"]
