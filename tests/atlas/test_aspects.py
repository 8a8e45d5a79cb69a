"""The medial, lateral and dorsal aspects: zones, outlines, lookups and validation."""

from __future__ import annotations

import copy

import pytest
from shapely.geometry import LineString, Point, box

from footviz import ASPECTS, FEET, Atlas

NEW_ZONES = {
    "medial": [
        "cervical_spine",
        "thoracic_spine",
        "lumbar_spine",
        "sacral_spine",
        "coccyx",
        "bladder_medial",
        "uterus_prostate",
        "rectum_anus",
        "fallopian_tubes",
        "hip_medial",
        "chest_medial",
        "big_toe_medial",
    ],
    "lateral": [
        "headache_point",
        "reproductive_lateral",
        "sciatic_lateral",
        "shoulder",
        "arm",
        "elbow",
        "knee",
        "hip_lateral",
        "instep_lateral",
    ],
    "dorsal": [
        "face",
        "teeth_jaw",
        "upper_lymphatics",
        "breast",
        "diaphragm",
        "upper_back",
        "groin_lymph",
        "ankle_dorsal",
    ],
}
ALL_NEW = [(zone, aspect) for aspect, ids in NEW_ZONES.items() for zone in ids]
SPINE = ["coccyx", "sacral_spine", "lumbar_spine", "thoracic_spine", "cervical_spine"]


def _geom(atlas, zone, aspect, foot="left"):
    return atlas.shape(zone, foot, aspect).geometry


def _lowest(outline, y: float) -> float:
    """Height of the outline's lower edge at ``y`` in a profile frame (x = height)."""
    cut = outline.intersection(LineString([(-50.0, y), (300.0, y)]))
    return cut.bounds[0]


# --- outlines and frames --------------------------------------------------------------------
def test_every_foot_has_all_four_aspects(atlas):
    assert atlas.aspects == ASPECTS
    for foot in FEET:
        for aspect in ASPECTS:
            outline = atlas.outline(foot, aspect)
            assert outline.is_valid and outline.area > 5000.0, (foot, aspect)


@pytest.mark.parametrize("aspect", ASPECTS)
def test_frames_share_the_foot_length_and_are_documented(atlas, aspect):
    _, y0, _, y1 = atlas.outline("left", aspect).bounds
    assert y0 == pytest.approx(0.0, abs=1.0)
    assert y1 == pytest.approx(atlas.info["foot_length"], abs=1.5)
    assert "heel" in atlas.info["frames"][aspect]
    # the same frame on both feet: the outlines coincide
    assert atlas.outline("left", aspect).equals(atlas.outline("right", aspect))


def test_medial_profile_shows_the_raised_arch(atlas):
    outline = atlas.outline("left", "medial")
    assert _lowest(outline, 30.0) < 2.0  # heel on the floor
    assert _lowest(outline, 186.0) < 2.0  # ball on the floor
    assert _lowest(outline, 105.0) > 12.0  # the arch stands clear of it


def test_lateral_profile_rests_on_its_outer_border(atlas):
    outline = atlas.outline("left", "lateral")
    for y in (30.0, 100.0, 160.0):
        assert _lowest(outline, y) < 4.0, y


def test_inner_ankle_bone_is_higher_and_further_forward_than_the_outer(atlas):
    marks = atlas.info["landmarks"]
    inner, outer = marks["medial"]["ankle_bone"], marks["lateral"]["ankle_bone"]
    assert inner[0] > outer[0] and inner[1] > outer[1]
    for aspect, (h, y, r) in (("medial", inner), ("lateral", outer)):
        assert atlas.outline("left", aspect).contains(Point(h, y).buffer(r))


def test_dorsal_view_has_five_separate_toes(atlas):
    tips = atlas.outline("left", "dorsal").intersection(box(-80.0, 203.0, 80.0, 260.0))
    assert len(tips.geoms) == 5


# --- zones ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("zone", "aspect"), ALL_NEW)
def test_new_zone_lies_on_both_feet_of_its_aspect_only(atlas, zone, aspect):
    z = atlas.zone(zone)
    assert z.aspects == (aspect,)
    assert set(z.feet) == set(FEET)
    assert {s.aspect for s in atlas.shapes(organ=None) if s.zone.id == zone} == {aspect}
    for foot in FEET:
        s = atlas.shape(zone, foot, aspect)
        assert s.area > 20.0
        assert atlas.outline(foot, aspect).buffer(0.5).contains(s.geometry)
    assert z.names["en"] and z.names["ru"] and z.notes["en"] and z.notes["ru"]
    assert z.provenance in ("source", "charts") and z.system in atlas.systems


@pytest.mark.parametrize(("zone", "aspect"), ALL_NEW)
def test_new_zones_are_the_same_on_both_feet(atlas, zone, aspect):
    left, right = _geom(atlas, zone, aspect, "left"), _geom(atlas, zone, aspect, "right")
    assert left.symmetric_difference(right).area < 0.05


def test_spine_runs_from_the_heel_to_the_big_toe_along_the_inner_border(atlas):
    ys = [_geom(atlas, z, "medial").centroid.y for z in SPINE]
    assert ys == sorted(ys)  # coccyx at the heel ... cervical at the big toe
    assert _geom(atlas, "cervical_spine", "medial").bounds[3] > 210.0  # base of the big toe
    assert _geom(atlas, "coccyx", "medial").bounds[1] < 5.0  # back of the heel
    for zone in SPINE:  # a low band along the edge of the sole, never up the ankle
        assert _geom(atlas, zone, "medial").bounds[2] < 35.0, zone
    assert set(atlas.group("spine").organs) == {
        "cervical spine",
        "thoracic spine",
        "lumbar spine",
        "sacral spine",
        "coccyx",
    }
    assert all("spine" in atlas.zone(z).groups for z in SPINE)


def test_heel_and_ankle_zones_sit_where_the_source_puts_them(atlas):
    rectum = _geom(atlas, "rectum_anus", "medial")
    assert rectum.bounds[3] < 12.0  # the back surface of the heel
    tubes = _geom(atlas, "fallopian_tubes", "medial")
    assert tubes.contains(Point(100.0, 19.0))  # up the Achilles tendon
    assert tubes.contains(Point(94.0, 80.0))  # across the front of the ankle
    uterus = _geom(atlas, "uterus_prostate", "medial").centroid
    h, y, _ = atlas.info["landmarks"]["medial"]["ankle_bone"]
    assert uterus.x < h and uterus.y < y  # below and behind the inner ankle bone
    sciatic = _geom(atlas, "sciatic_lateral", "lateral")
    assert sciatic.contains(Point(5.0, 30.0))  # outer heel, near the floor
    ovary = _geom(atlas, "reproductive_lateral", "lateral").centroid
    assert ovary.y < 40.0 and ovary.x < 45.0  # the outer heel


def test_limb_zones_run_along_the_outer_edge_from_toe_to_heel(atlas):
    order = ["hip_lateral", "knee", "elbow", "arm", "shoulder"]
    ys = [_geom(atlas, z, "lateral").centroid.y for z in order]
    assert ys == sorted(ys)
    for zone in ("knee", "elbow", "arm", "shoulder"):
        assert _geom(atlas, zone, "lateral").bounds[0] < 1.0, zone  # reaches the floor edge


def test_headache_point_lies_between_the_fourth_and_fifth_metatarsals(atlas):
    point = _geom(atlas, "headache_point", "lateral")
    assert point.area < 150.0  # a point, not a region
    # the metatarsal shafts, between the fifth's base and its head
    assert 104.0 < point.centroid.y < 165.0
    assert point.centroid.x > 20.0  # above the outer border, on the side of the foot


def test_dorsal_zones_follow_the_foot_from_toes_to_ankle(atlas):
    order = ["ankle_dorsal", "groin_lymph", "upper_back", "diaphragm", "breast"]
    ys = [_geom(atlas, z, "dorsal").centroid.y for z in order]
    assert ys == sorted(ys)
    assert _geom(atlas, "face", "dorsal").bounds[3] > 245.0  # the big toe
    teeth = _geom(atlas, "teeth_jaw", "dorsal")
    assert len(teeth.geoms) >= 4  # on the smaller toes
    lymph = _geom(atlas, "upper_lymphatics", "dorsal")
    assert lymph.contains(Point(-9.0, 170.0))  # the groove between metatarsals 2 and 3


# --- lookups --------------------------------------------------------------------------------
def test_condition_table_resolves_completely(atlas):
    assert atlas.unresolved() == ()
    for cond in atlas.conditions.values():
        assert atlas.for_condition(cond.id).complete, cond.id
    assert "condition organs not yet" not in repr(atlas)


def test_every_organ_named_by_the_condition_table_has_a_zone(atlas):
    named = set()
    for cond in atlas.conditions.values():
        for term in cond.terms:
            named.update(atlas.groups[term.id].organs if term.kind == "group" else (term.id,))
    assert {"cervical spine", "uterus", "fallopian tubes", "upper lymphatics"} <= named
    for organ in sorted(named):
        assert atlas.organ_zones(organ), organ


def test_every_organ_of_the_vocabulary_has_a_zone(atlas):
    assert [o for o in atlas.organs if not atlas.organ_zones(o)] == []


def test_conditions_reach_the_new_aspects(atlas):
    fainting = {s.id for s in atlas.for_condition("fainting")}
    assert {"cervical_spine/left/medial", "cervical_spine/right/medial"} <= fainting
    varicose = {s.id for s in atlas.for_condition("varicose veins")}
    assert "upper_lymphatics/left/dorsal" in varicose
    assert "bladder_medial/right/medial" in varicose and "bladder/right/plantar" in varicose
    migraine = atlas.for_condition("migraine")
    assert {"fallopian_tubes", "uterus_prostate"} <= {z.id for z in migraine.zones}
    genital = {s.zone.id for s in atlas.for_condition("frigidity and impotence")}
    assert {"reproductive", "reproductive_lateral", "uterus_prostate", "groin_lymph"} <= genital


def test_organ_lookups_span_aspects_and_are_tagged(atlas):
    bladder = atlas.organ_zones("bladder")
    assert {(s.aspect, s.foot) for s in bladder} == {
        (a, f) for a in ("plantar", "medial") for f in FEET
    }
    assert {s.id.split("/")[2] for s in bladder} == {"plantar", "medial"}
    tubes = atlas.organ_zones("маточные трубы")  # by the Russian name
    assert {s.aspect for s in tubes} == {"medial", "dorsal"}
    assert {s.zone.id for s in atlas.lookup("spine")} == set(SPINE)
    assert {s.aspect for s in atlas.lookup("anus")} == {"medial"}
    assert {s.aspect for s in atlas.lookup("prostate")} == {"medial"}


def test_aspect_filtering_works_for_every_lookup(atlas):
    assert {s.aspect for s in atlas.organ_zones("bladder", aspect="medial")} == {"medial"}
    assert len(atlas.organ_zones("bladder", "left", "medial")) == 1
    assert atlas.organ_zones("heart", aspect="dorsal") == ()
    assert {s.aspect for s in atlas.group_zones("genital areas", aspect="lateral")} == {"lateral"}
    for aspect in ASPECTS:
        listed = atlas.shapes("right", aspect)
        assert listed and {(s.foot, s.aspect) for s in listed} == {("right", aspect)}
    hits = atlas.lookup("migraine", aspect="dorsal")
    assert hits and {s.aspect for s in hits} == {"dorsal"}
    with pytest.raises(Exception, match="did you mean 'medial'"):
        atlas.shapes(aspect="medail")


def test_point_in_zone_differs_by_aspect(atlas):
    # the same frame coordinates mean different places on different aspects
    point = Point(12.0, 145.0)
    found = {
        aspect: {s.zone.id for s in atlas.shapes("left", aspect) if s.geometry.contains(point)}
        for aspect in ASPECTS
    }
    assert found["medial"] == {"thoracic_spine"}
    assert found["lateral"] == {"arm"}
    assert found["plantar"] == {"heart"}
    assert found["dorsal"] == {"diaphragm"}


def test_shape_on_the_wrong_aspect_says_where_the_zone_lies(atlas):
    with pytest.raises(LookupError, match="left medial, right medial"):
        atlas.shape("coccyx", "left", "plantar")


# --- validation -----------------------------------------------------------------------------
def test_built_in_atlas_validates_on_every_aspect(atlas):
    report = atlas.validate()
    assert report.errors == [] and report.warnings == []
    assert set(report.coverage) == {(f, a) for f in FEET for a in ASPECTS}
    assert min(report.coverage.values()) >= 0.9


def _moved(atlas, zone_id: str, foot: str, aspect: str, dy: float) -> Atlas:
    doc = copy.deepcopy(atlas.to_document())
    for feature in doc["features"]:
        if feature.get("id") == f"{zone_id}/{foot}/{aspect}":
            for poly in feature["geometry"]["coordinates"]:
                for ring in poly:
                    for pt in ring:
                        pt[1] += dy
    return Atlas(doc)


def test_validator_checks_outlines_and_symmetry_of_the_new_aspects(atlas):
    broken = _moved(atlas, "coccyx", "right", "medial", 300.0)
    report = broken.validate()
    outside = [p for p in report.errors if p.code == "outside"]
    assert [(p.zone, p.foot, p.aspect) for p in outside] == [("coccyx", "right", "medial")]
    assert any(p.code == "symmetry" and p.zone == "coccyx" for p in report.errors)


def test_validator_checks_coverage_of_the_new_aspects(atlas):
    doc = copy.deepcopy(atlas.to_document())
    doc["features"] = [
        f
        for f in doc["features"]
        if not (f["properties"].get("zone") == "upper_back" and f["properties"]["foot"] == "left")
    ]
    report = Atlas(doc).validate()
    coverage = [p for p in report.errors if p.code == "coverage"]
    assert [(p.foot, p.aspect) for p in coverage] == [("left", "dorsal")]


def test_lookup_prefers_the_organ_over_a_same_named_zone(atlas):
    # "bladder" is the plantar zone's id and the organ, which also has a medial zone
    assert {s.aspect for s in atlas.lookup("bladder")} >= {"plantar", "medial"}
    assert atlas.lookup("bladder", aspect="medial")
