"""GeoJSON for GIS tools: flat properties, the mm frame as a local CRS, GeoDataFrames, the
``__geo_interface__`` protocol, and plain FeatureCollections written back by GIS tools."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import geopandas as gpd
import pyogrio
import pytest
import shapely
from shapely.geometry import shape

import footviz
from footviz import AtlasFormatError, MissingExtraError, UnknownNameError
from footviz.atlas.geo import FRAME_CRS
from footviz.atlas.io import BUILT_IN, builtin_path
from footviz.cli import main as cli_main

STANDARD = ("id", "kind", "zone", "foot", "aspect", "name_en", "name_ru", "organs", "system")


def _features(name: str) -> list[dict]:
    return json.loads(builtin_path(name).read_text(encoding="utf-8"))["features"]


# ---------------------------------------------------------------- the shipped files
@pytest.mark.parametrize("name", sorted(BUILT_IN))
def test_every_shipped_feature_carries_the_standard_properties(name):
    atlas = footviz.load_atlas(name)
    zones = 0
    for f in _features(name):
        props = f["properties"]
        assert set(STANDARD) <= set(props), f["id"]
        assert props["id"] == f["id"]
        if props["kind"] == "zone":
            zones += 1
            zone = atlas.zone(props["zone"])
            assert props["name_en"] == zone.name("en") and props["name_ru"] == zone.name("ru")
            assert props["organs"].split(";") == list(zone.organs)
            assert props["system"] == zone.system
            assert props["parent"] == zone.parent
    assert zones == len(atlas.shapes())


def test_the_file_declares_the_frame_build_py_and_the_package_agree():
    for name in BUILT_IN:
        doc = json.loads(builtin_path(name).read_text(encoding="utf-8"))
        assert doc["crs"] == {"type": "name", "properties": {"name": FRAME_CRS}}


def test_geopandas_reads_names_organs_and_system():
    df = gpd.read_file(builtin_path("reflexology"))
    heart = df[df["id"] == "heart/left/plantar"].iloc[0]
    assert heart["name_en"] == "Heart" and heart["name_ru"] == "Сердце"
    assert heart["organs"] == "heart" and heart["system"] == "cardiovascular"
    lungs = df[df["id"] == "lungs/right/plantar"].iloc[0]
    assert lungs["organs"].split(";") == ["lungs", "bronchi"]  # a list as one ";"-joined str
    assert heart.geometry.area == pytest.approx(footviz.load_atlas().shape("heart", "left").area)
    info = pyogrio.read_info(builtin_path("sujok"))
    assert {"name_en", "name_ru", "organs", "system"} <= set(info["fields"])
    assert info["features"] == len(_features("sujok"))


@pytest.mark.parametrize("name", sorted(BUILT_IN))
def test_the_crs_is_the_local_millimetre_frame_not_wgs84(name):
    crs = gpd.read_file(builtin_path(name), rows=1).crs
    assert crs is not None
    assert crs.to_epsg() is None and not crs.equals("EPSG:4326")
    assert not crs.is_geographic and crs.name == "footviz foot frame (mm)"
    assert [a.unit_name for a in crs.axis_info] == ["millimetre", "millimetre"]
    assert "footviz foot frame (mm)" in pyogrio.read_info(builtin_path(name))["crs"]


def _ogrinfo() -> str:
    found = shutil.which("ogrinfo")
    if found is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("ogrinfo not found: .ci/run installs Debian's gdal-bin")
        pytest.skip("needs ogrinfo (Debian's gdal-bin; CI installs it)")
    return found


def test_ogrinfo_reads_the_layer_its_fields_and_frame():
    ogrinfo = _ogrinfo()
    path = builtin_path("reflexology")
    r = subprocess.run(
        [ogrinfo, "-ro", "-al", "-so", str(path)], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stderr
    assert f"Feature Count: {len(_features('reflexology'))}" in r.stdout
    assert "footviz foot frame (mm)" in r.stdout and "millimetre" in r.stdout
    assert "WGS 84" not in r.stdout and "EPSG" not in r.stdout
    for field in ("name_en: String", "name_ru: String", "organs: String", "system: String"):
        assert field in r.stdout
    one = subprocess.run(
        [ogrinfo, "-ro", "-al", "-q", str(path), "-where", "id = 'heart/left/plantar'"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert one.returncode == 0, one.stderr
    assert "name_ru (String) = Сердце" in one.stdout
    assert "organs (String) = heart" in one.stdout
    assert "system (String) = cardiovascular" in one.stdout


# ---------------------------------------------------------------- __geo_interface__
def test_zone_shape_geo_interface(atlas):
    zs = atlas.shape("heart", "left")
    gi = zs.__geo_interface__
    assert gi["type"] == "Feature" and gi["id"] == "heart/left/plantar"
    assert gi["properties"]["name_ru"] == "Сердце" and gi["properties"]["organs"] == "heart"
    assert gi["geometry"]["type"] == "MultiPolygon"
    assert shape(zs).equals(zs.geometry)  # shapely reads the protocol
    json.dumps(gi)  # plain JSON types


def test_point_shape_geo_interface(atlas):
    ps = atlas.point("KI1", "left")
    gi = ps.__geo_interface__
    assert gi["geometry"]["type"] == "Point" and gi["properties"]["point"] == "KI1"
    assert gi["properties"]["kind"] == "point" and gi["properties"]["name_en"]
    assert shape(ps).equals(ps.geometry)


def test_atlas_geo_interface_is_every_feature(atlas):
    gi = atlas.__geo_interface__
    kinds = [f["properties"]["kind"] for f in gi["features"]]
    assert kinds.count("zone") == len(atlas.shapes())
    assert kinds.count("point") == len(atlas.points())
    assert kinds.count("outline") == 8
    df = gpd.GeoDataFrame.from_features(atlas)
    assert len(df) == len(gi["features"]) == len(_features("reflexology"))
    ids = {f["id"] for f in _features("reflexology")}
    assert {f["id"] for f in gi["features"]} == ids


# ---------------------------------------------------------------- to_geodataframe
def test_to_geodataframe_zones_by_default_in_the_frame(atlas):
    df = atlas.to_geodataframe()
    assert len(df) == len(atlas.shapes()) and set(df["kind"]) == {"zone"}
    assert df.crs == gpd.read_file(builtin_path("reflexology"), rows=1).crs
    assert not df.crs.is_geographic
    row = df[df["id"] == "heart/left/plantar"].iloc[0]
    assert row.geometry.equals(atlas.shape("heart", "left").geometry)
    assert row["name_ru"] == "Сердце"
    other = 'LOCAL_CS["my frame",LOCAL_DATUM["mine",32767],UNIT["metre",1]]'
    assert atlas.to_geodataframe(crs=other).crs.name == "my frame"


def test_to_geodataframe_filters(atlas):
    df = atlas.to_geodataframe(foot="left", aspect="medial")
    assert len(df) == len(atlas.shapes("left", "medial"))
    assert set(df["foot"]) == {"left"} and set(df["aspect"]) == {"medial"}
    outlines = atlas.to_geodataframe(kind="outline")
    assert len(outlines) == 8 and outlines["zone"].isna().all()
    every = atlas.to_geodataframe(foot="right", kind=None)
    assert set(every["kind"]) == {"zone", "outline", "point"}
    assert "point" in every.columns
    both = atlas.to_geodataframe(aspect="plantar", kind=("zone", "outline"))
    assert len(both) == len(atlas.shapes(aspect="plantar")) + 2


def test_to_geodataframe_bad_arguments(atlas):
    with pytest.raises(UnknownNameError, match="did you mean 'zone'"):
        atlas.to_geodataframe(kind="zones")
    with pytest.raises(UnknownNameError, match="unknown foot 'middle'"):
        atlas.to_geodataframe(foot="middle")
    with pytest.raises(footviz.errors.BadTypeError, match="kind"):
        atlas.to_geodataframe(kind=3)


def test_to_geodataframe_without_geopandas_names_the_extra(atlas, monkeypatch):
    monkeypatch.setitem(sys.modules, "geopandas", None)  # import geopandas -> ImportError
    with pytest.raises(MissingExtraError, match=r"footviz\[geo\]"):
        atlas.to_geodataframe()


# ---------------------------------------------------------------- back from a GIS tool
def test_edit_a_zone_in_geopandas_and_load_it_back(atlas, tmp_path):
    df = atlas.to_geodataframe(kind=("zone", "outline"))
    i = df.index[df["id"] == "heart/left/plantar"][0]
    edited = shapely.affinity.scale(df.loc[i, "geometry"], 0.8, 0.8)  # shrink it in place
    df.loc[i, "geometry"] = edited
    path = tmp_path / "edited.geojson"
    df.to_file(path, driver="GeoJSON")
    assert "footviz" not in json.loads(path.read_text(encoding="utf-8"))  # a plain file
    back = footviz.load_atlas(path)
    report = back.validate()
    assert report.ok, str(report)
    heart = back.shape("heart", "left")
    assert heart.geometry.equals_exact(edited, 1e-9)
    assert heart.area == pytest.approx(atlas.shape("heart", "left").area * 0.64)
    assert back.zone("heart").name("ru") == "Сердце"
    assert back.zone("liver").organs == atlas.zone("liver").organs
    assert back.zone("pituitary").parent == "brain"
    assert back.hit(0.0, 5.0, foot="left").zone.id == atlas.hit(0.0, 5.0, foot="left").zone.id


def test_the_shipped_file_through_read_file_loads_back(tmp_path):
    df = gpd.read_file(builtin_path("sujok"))
    path = tmp_path / "sujok.geojson"
    df.to_file(path, driver="GeoJSON")
    back = footviz.load_atlas(path)
    report = back.validate()
    assert report.ok, str(report)
    original = footviz.load_atlas("sujok")
    assert {s.id for s in back.shapes()} == {s.id for s in original.shapes()}
    assert len(back.regions) == len(original.regions)


def _plain(atlas, tmp_path, kind=("zone", "outline"), drop=(), edit=None):
    df = atlas.to_geodataframe(kind=kind).drop(columns=list(drop))
    if edit is not None:
        edit(df)
    path = tmp_path / "plain.geojson"
    df.to_file(path, driver="GeoJSON")
    return path


@pytest.mark.parametrize("column", ["organs", "system", "provenance"])
def test_a_missing_property_is_named(atlas, tmp_path, column):
    path = _plain(atlas, tmp_path, drop=[column])
    with pytest.raises(AtlasFormatError, match=rf"zone '\w+' has no '{column}' property"):
        footviz.load_atlas(path)


def test_acupoints_and_missing_outlines_are_refused_clearly(atlas, tmp_path):
    with pytest.raises(AtlasFormatError, match=r"is an acupoint.*leave the points out"):
        footviz.load_atlas(_plain(atlas, tmp_path, kind=None))
    with pytest.raises(AtlasFormatError, match="no outline features"):
        footviz.load_atlas(_plain(atlas, tmp_path, kind="zone"))


def test_a_foreign_feature_collection_is_refused_clearly():
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "Paris"},
                "geometry": {"type": "Point", "coordinates": [2.35, 48.86]},
            }
        ],
    }
    with pytest.raises(AtlasFormatError, match=r"feature 0 \(0\): no 'kind' property"):
        footviz.Atlas(doc)


def test_zone_properties_that_disagree_are_refused(atlas, tmp_path):
    def edit(df):
        df.loc[df["id"] == "heart/left/plantar", "system"] = "nervous"
        df.loc[df["id"] == "brain/right/plantar", "system"] = "digestive"

    with pytest.raises(AtlasFormatError, match=r"zone 'brain' has system .* must agree"):
        footviz.load_atlas(_plain(atlas, tmp_path, edit=edit))


def test_defaults_from_properties_are_safe(atlas, tmp_path):
    back = footviz.load_atlas(_plain(atlas, tmp_path))
    assert back.zone("heart").feet == ("left",)
    assert not back.zone("brain").symmetric  # no promise the file does not make
    assert back.conditions == {} and back.groups == {}
    assert set(back.organs) == {o for z in atlas.zones for o in z.organs}


# ---------------------------------------------------------------- command line
def test_cli_export_geojson(tmp_path, capsys):
    out = tmp_path / "atlas.geojson"
    assert cli_main(["export", "--format", "geojson", "-o", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    back = footviz.load_atlas(out)
    assert back.validate().ok
    assert len(back.shapes()) == len(footviz.load_atlas().shapes())
    assert gpd.read_file(out, rows=1).crs.name == "footviz foot frame (mm)"
    left = tmp_path / "left.geojson"
    assert cli_main(["export", "--format", "geojson", "--feet", "left", "-o", str(left)]) == 0
    feet = {f["properties"]["foot"] for f in json.loads(left.read_text("utf-8"))["features"]}
    assert feet == {"left"}
    extract = footviz.load_atlas(left)
    assert extract.validate().ok, str(extract.validate())  # it declared the right foot too
    assert extract.feet == ("left",)


@pytest.mark.parametrize(
    "part", [{"foot": "left"}, {"aspect": "plantar"}, {"foot": "right", "aspect": "dorsal"}]
)
def test_an_extract_is_an_atlas_of_what_it_holds(atlas, part):
    from footviz.atlas.geo import geojson_document

    extract = footviz.Atlas(geojson_document(atlas, **part))
    report = extract.validate()
    assert report.ok, str(report)
    feet = [part["foot"]] if "foot" in part else list(atlas.feet)
    aspects = [part["aspect"]] if "aspect" in part else list(atlas.aspects)
    for zone in extract.zones:
        assert set(zone.feet) <= set(feet) and set(zone.aspects) <= set(aspects), zone.id
        assert not (zone.symmetric and len(zone.feet) < 2), zone.id
    kept = {s.key for s in extract.shapes()}
    assert kept == {s.key for s in atlas.shapes() if s.foot in feet and s.aspect in aspects}
    if part == {"foot": "left"}:
        assert "liver" not in {z.id for z in extract.zones}  # on the right foot only
        assert {t.id for t in extract.techniques()} == {t.id for t in atlas.techniques()}
        assert extract.zone("heart").feet == ("left",)
    else:
        assert extract.techniques() == ()  # their steps need sides the extract lacks


def test_cli_export_refuses_bad_input(tmp_path, capsys):
    out = tmp_path / "x.geojson"
    code = cli_main(["export", "--format", "geojson", "--aspect", "plantr", "-o", str(out)])
    assert code == 1 and "did you mean 'plantar'" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SystemExit) as exc:
        cli_main(["export", "--format", "shapefile", "-o", str(out)])
    assert exc.value.code == 2
