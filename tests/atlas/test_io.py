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


# ---------------------------------------------------------------- hostile files and documents
def _write(tmp_path, doc, name="atlas.geojson"):
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize("source", [None, 42, 3.5, b"atlas.geojson", ["reflexology"]])
def test_load_atlas_refuses_what_is_no_path(source):
    with pytest.raises(footviz.FootvizError, match="source must be") as info:
        footviz.load_atlas(source)
    assert isinstance(info.value, TypeError)


def test_builtin_name_typo_names_the_source():
    with pytest.raises(UnknownNameError, match=r"unknown atlas 'reflexolgy'; did you mean"):
        footviz.load_atlas("reflexolgy")


def test_atlas_of_a_non_document():
    with pytest.raises(footviz.BadTypeError, match="document must be a parsed atlas document"):
        footviz.Atlas("reflexology.geojson")


def test_deeply_nested_json(tmp_path):
    path = tmp_path / "deep.geojson"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(AtlasFormatError, match="nested too deeply"):
        footviz.load_atlas(path)


def test_binary_file(tmp_path):
    path = tmp_path / "x.geojson"
    path.write_bytes(b"{" + bytes(range(1, 256)) * 4)
    with pytest.raises(AtlasFormatError, match=r"not UTF-8 text \(byte 0x80 at offset 128\)"):
        footviz.load_atlas(path)


def test_a_bad_byte_after_a_bom_is_named_at_its_file_offset(tmp_path):
    path = tmp_path / "x.geojson"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"a": "' + b"\xff" + b'"}')
    with pytest.raises(AtlasFormatError, match=r"not UTF-8 text \(byte 0xff at offset 10\)"):
        footviz.load_atlas(path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_utf16_and_utf32_files_name_the_encoding(tmp_path, atlas, encoding):
    path = tmp_path / "wide.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection"}), encoding=encoding)
    with pytest.raises(AtlasFormatError, match=r"UTF-(16|32) text; atlas files must be UTF-8"):
        footviz.load_atlas(path)


def test_utf8_bom_is_fine(tmp_path, atlas):
    path = tmp_path / "bom.geojson"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(atlas.to_document()).encode("utf-8"))
    assert len(footviz.load_atlas(path)) == len(atlas)


def test_nan_literal_is_not_json(tmp_path):
    path = tmp_path / "nan.geojson"
    path.write_text('{"type": "FeatureCollection", "x": NaN}', encoding="utf-8")
    with pytest.raises(AtlasFormatError, match="NaN is not valid JSON"):
        footviz.load_atlas(path)


def test_a_directory_is_no_atlas(tmp_path):
    with pytest.raises(AtlasFormatError, match="cannot read atlas file"):
        footviz.load_atlas(str(tmp_path) + "/")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda m: m.update(zones=[]), r"footviz.zones must be an object mapping zone ids.*list"),
        (lambda m: m.update(organs=["heart"]), r"footviz.organs must be an object .*got list"),
        (lambda m: m.update(groups="head"), r"footviz.groups must be an object"),
        (lambda m: m.update(systems=None), r"footviz.systems must be an object"),
        (lambda m: m.update(conditions={}), r"footviz.conditions must be a list"),
        (lambda m: m.update(atlas=[]), r"footviz.atlas must be an object, got list"),
        (lambda m: m["zones"].update(heart="a heart"), r"footviz.zones\['heart'\] must be an obj"),
        (
            lambda m: m["zones"]["heart"].update(feet="left"),
            r"zones\['heart'\].feet must be a list",
        ),
        (lambda m: m["zones"]["heart"].update(organs=5), r"\['heart'\].organs must be a list .*5"),
        (lambda m: m["zones"]["heart"].update(parent=["x"]), r"\['heart'\].parent must be a str"),
        (lambda m: m["zones"]["heart"].update(symmetric="no"), r"symmetric must be true or false"),
        (lambda m: m["organs"]["heart"].update(side=[1]), r"organs\['heart'\].side must be a str"),
        (lambda m: m["conditions"].append("migraine"), r"conditions\[12\] must be an object"),
        (lambda m: m["conditions"][0].update(terms="x"), r"conditions\[0\].terms must be a list"),
        (lambda m: m["conditions"][0].pop("name"), r"conditions\[0\] has no 'name' member"),
        (lambda m: m["conditions"][0]["terms"].append({"kind": 1}), r"terms\[3\].kind must be"),
        (lambda m: m.update(schema_version=True), r"schema_version True is not supported"),
    ],
)
def test_members_of_the_wrong_type_are_named(tmp_path, atlas, edit, message):
    doc = atlas.to_document()
    edit(doc["footviz"])
    with pytest.raises(AtlasFormatError, match=message):
        footviz.load_atlas(_write(tmp_path, doc))
    with pytest.raises(AtlasFormatError, match=message):
        footviz.Atlas(doc)


def _feature(doc, zone, foot="left", aspect="plantar"):
    for f in doc["features"]:
        p = f["properties"]
        if p.get("zone") == zone and p["foot"] == foot and p["aspect"] == aspect:
            return f
    raise LookupError(zone)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_a_nan_or_inf_vertex_is_refused_naming_the_zone(atlas, bad):
    doc = atlas.to_document()
    ring = _feature(doc, "kidney")["geometry"]["coordinates"][0][0]
    ring[3] = [bad, ring[3][1]]
    with pytest.raises(AtlasFormatError, match=r"\(kidney/left/plantar\).*NaN or infinite"):
        footviz.Atlas(doc)


def test_far_away_coordinates_load_and_absurd_ones_do_not(atlas):
    doc = atlas.to_document()
    feature = _feature(doc, "kidney")
    feature["geometry"] = {
        "type": "Polygon",
        "coordinates": [[[1e6, 1e6], [1e6 + 10, 1e6], [1e6 + 10, 1e6 + 10], [1e6, 1e6]]],
    }
    far = footviz.Atlas(doc)
    assert "outside" in far.validate().codes()
    feature["geometry"]["coordinates"][0][1] = [1e12, 0]
    with pytest.raises(AtlasFormatError, match=r"kidney.*1e\+12 mm from the origin; at most"):
        footviz.Atlas(doc)


def test_feature_properties_of_the_wrong_type(atlas):
    doc = atlas.to_document()
    _feature(doc, "kidney")["properties"]["zone"] = ["kidney"]
    with pytest.raises(AtlasFormatError, match=r"properties\.zone must be a zone id"):
        footviz.Atlas(doc)
    doc = atlas.to_document()
    _feature(doc, "kidney")["properties"]["foot"] = ["left"]
    with pytest.raises(AtlasFormatError, match=r"foot must be one of .* got foot=\['left'\]"):
        footviz.Atlas(doc)


def test_a_zone_without_symmetric_is_not_symmetric(atlas):
    from footviz.atlas.model import Zone

    doc = atlas.to_document()
    del doc["footviz"]["zones"]["heart"]["symmetric"]
    assert footviz.Atlas(doc).zone("heart").symmetric is False
    assert Zone("z", {}, (), "", ("left",), ("plantar",)).symmetric is False
    assert atlas.zone("brain").symmetric is True  # the shipped data says so explicitly


def test_a_file_with_nul_bytes_is_no_atlas(tmp_path):
    path = tmp_path / "x.geojson"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(AtlasFormatError, match="holds NUL bytes"):
        footviz.load_atlas(path)


def test_loading_an_atlas_pulls_in_no_heavy_modules():
    # start-up (issue 14): reading and decoding the built-in atlas in a fresh process imports
    # neither matplotlib nor pathlib, importlib.resources, tempfile or difflib
    import subprocess
    import sys

    heavy = ("matplotlib", "pathlib", "importlib.resources", "tempfile", "difflib", "zipfile")
    # what the interpreter loaded before footviz (an editable install's path finder loads
    # pathlib at start-up) is not footviz's cost
    code = (
        "import sys; before = set(sys.modules); import footviz; a = footviz.load_atlas(); "
        f"assert len(a) > 0; print([m for m in {heavy!r} if m in sys.modules and m not in before])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
