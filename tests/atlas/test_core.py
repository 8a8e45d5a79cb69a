"""The built-in atlas: zones, sides, placements, outline anatomy, lookups and conditions."""

from __future__ import annotations

import re

import pytest
from shapely.geometry import LineString

import footviz
from footviz import NotANameError, NotInAtlasError, UnknownNameError

REQUIRED_PLANTAR = [
    "brain",
    "pituitary",
    "hypothalamus",
    "sinuses",
    "eyes",
    "ears",
    "neck",
    "thyroid",
    "parathyroid",
    "lungs",
    "trachea",
    "solar_plexus",
    "stomach",
    "pancreas",
    "adrenals",
    "kidney",
    "ureter",
    "bladder",
    "small_intestine",
    "transverse_colon",
    "sciatic",
    "reproductive",
]
LEFT_ONLY = ["heart", "spleen", "descending_colon", "sigmoid_colon"]
RIGHT_ONLY = ["liver", "gallbladder", "ascending_colon", "ileocaecal_valve"]


def test_repr_summarises(atlas):
    text = repr(atlas)
    assert text.startswith("<Atlas 'reflexology'")
    assert f"{len(atlas.zones)} zones" in text
    assert "12 conditions" in text


@pytest.mark.parametrize("zone_id", REQUIRED_PLANTAR)
def test_required_zone_on_both_soles(atlas, zone_id):
    for foot in ("left", "right"):
        shape = atlas.shape(zone_id, foot, "plantar")
        assert shape.area > 1.0


@pytest.mark.parametrize("zone_id", LEFT_ONLY)
def test_left_only_zones(atlas, zone_id):
    assert atlas.shape(zone_id, "left").area > 0
    with pytest.raises(NotInAtlasError, match=rf"{zone_id}.*not on the right foot"):
        atlas.shape(zone_id, "right")


@pytest.mark.parametrize("zone_id", RIGHT_ONLY)
def test_right_only_zones(atlas, zone_id):
    assert atlas.shape(zone_id, "right").area > 0
    with pytest.raises(NotInAtlasError):
        atlas.shape(zone_id, "left")


def test_every_zone_has_full_metadata(atlas):
    systems = set(atlas.systems)
    for zone in atlas.zones:
        assert zone.name("en") and zone.name("ru"), zone.id
        assert re.search("[а-яё]", zone.name("ru").lower()), zone.id
        assert zone.organs and zone.system in systems, zone.id
        assert zone.note("en") and zone.note("ru"), zone.id
        assert zone.provenance in ("source", "charts"), zone.id
        assert set(zone.aspects) <= set(footviz.ASPECTS)


def test_atlas_records_tradition_and_sources(atlas):
    assert "Ingham" in atlas.info["tradition"]
    assert any("source" in s for s in atlas.info["sources"])
    assert "charts" in atlas.info["provenance"]


# --- placement facts -------------------------------------------------------------------------
def c(atlas, zone, foot="left"):
    return atlas.shape(zone, foot).geometry.centroid


def test_head_zones_on_the_big_toe(atlas):
    brain = atlas.shape("brain", "left").geometry
    assert brain.bounds[3] == pytest.approx(250.0, abs=0.5)  # reaches the tip of the big toe
    assert c(atlas, "brain").x > 15  # medial: the big toe
    pit = atlas.shape("pituitary", "left").geometry
    assert brain.buffer(0.01).contains(pit)
    # pituitary in the middle of the pad: near the centre of the brain zone's width
    minx, _, maxx, _ = brain.bounds
    assert abs(pit.centroid.x - (minx + maxx) / 2) < 4
    hypo = c(atlas, "hypothalamus")
    assert hypo.x > pit.centroid.x + 5  # at the (medial) edge of the toe


def test_sinuses_on_four_small_toe_pads(atlas):
    sinuses = atlas.shape("sinuses", "left").geometry
    assert len(sinuses.geoms) == 4
    assert all(p.centroid.x < 12 for p in sinuses.geoms)  # not on the big toe
    assert all(p.centroid.y > 200 for p in sinuses.geoms)


def test_eyes_ears_lungs_order(atlas):
    eyes, ears, lungs = c(atlas, "eyes"), c(atlas, "ears"), c(atlas, "lungs")
    assert -25 < eyes.x < 12  # toes 2-3
    assert ears.x < eyes.x - 15  # toes 4-5, lateral of the eyes
    assert lungs.y < eyes.y - 10  # about a centimetre or more below the eye zone
    assert atlas.shape("lungs", "left").geometry.bounds[2] > 40  # across the whole ball


def test_thyroid_below_big_toe_and_neck_at_its_base(atlas):
    thyroid, neck, brain = c(atlas, "thyroid"), c(atlas, "neck"), c(atlas, "brain")
    assert thyroid.x > 15 and neck.x > 15
    assert thyroid.y < neck.y < brain.y
    thyroid_geom = atlas.shape("thyroid", "left").geometry
    assert thyroid_geom.buffer(0.01).contains(atlas.shape("parathyroid", "left").geometry)


def test_heart_left_at_start_of_arch(atlas):
    lines = atlas.info["lines"]
    heart = c(atlas, "heart")
    assert lines["waist"] < heart.y < lines["diaphragm"]
    assert heart.x > -5  # towards the medial half


def test_liver_and_gallbladder_right(atlas):
    liver = atlas.shape("liver", "right").geometry
    gall = atlas.shape("gallbladder", "right").geometry
    assert liver.buffer(0.01).contains(gall)
    assert liver.centroid.x < 0  # lateral: the liver lies on the right side of the body
    lines = atlas.info["lines"]
    assert lines["waist"] < liver.centroid.y < lines["diaphragm"]


def test_solar_plexus_kidney_bladder(atlas):
    sp, kidney, bladder = c(atlas, "solar_plexus"), c(atlas, "kidney"), c(atlas, "bladder")
    assert abs(sp.x) < 15 and 125 < sp.y < 155
    assert abs(kidney.x) < 10 and 95 < kidney.y < 130
    assert bladder.x > 12 and bladder.y < kidney.y
    ureter = atlas.shape("ureter", "left").geometry
    assert ureter.distance(atlas.shape("kidney", "left").geometry) < 0.05
    assert ureter.distance(atlas.shape("bladder", "left").geometry) < 0.05


def test_intestines_frame(atlas):
    asc = atlas.shape("ascending_colon", "right").geometry
    desc = atlas.shape("descending_colon", "left").geometry
    assert asc.centroid.x < -25 and desc.centroid.x < -25  # outer edge on both feet
    valve = c(atlas, "ileocaecal_valve", "right")
    assert valve.y < asc.centroid.y  # at the lower end of the ascending colon
    trans_l = atlas.shape("transverse_colon", "left").geometry
    trans_r = atlas.shape("transverse_colon", "right").geometry
    assert trans_l.symmetric_difference(trans_r).area < 0.05


def test_heel_zones(atlas):
    heel_line = atlas.info["lines"]["heel"]
    sciatic = atlas.shape("sciatic", "left").geometry
    repro = atlas.shape("reproductive", "left").geometry
    pelvis = atlas.shape("pelvis", "left").geometry
    assert sciatic.bounds[3] < 30  # lower heel
    assert sciatic.bounds[2] - sciatic.bounds[0] > 50  # a band across the heel
    assert abs(repro.centroid.x) < 3 and 25 < repro.centroid.y < heel_line  # centre of heel
    assert pelvis.buffer(0.01).contains(repro) and pelvis.buffer(0.01).contains(sciatic)


# --- outline anatomy -------------------------------------------------------------------------
def width_at(outline, y):
    return outline.intersection(LineString([(-100, y), (100, y)])).length


def test_outline_proportions(atlas):
    sole = atlas.outline("left", "plantar")
    assert sole.bounds[1] == pytest.approx(0.0, abs=0.5)
    assert sole.bounds[3] == pytest.approx(250.0, abs=0.5)
    assert 60 <= width_at(sole, 30) <= 65  # heel
    ball = max(width_at(sole, y) for y in range(150, 195))
    assert 95 <= ball <= 100
    midfoot = {y: width_at(sole, y) for y in range(60, 160)}
    waist_y = min(midfoot, key=midfoot.get)
    assert 85 <= waist_y <= 115  # about 40 % of the way from the heel
    assert midfoot[waist_y] < width_at(sole, 30)  # narrower than the heel


def test_five_separate_toes_decreasing(atlas):
    sole = atlas.outline("left", "plantar")
    cut = sole.intersection(LineString([(-100, 205), (100, 205)]))
    pieces = sorted(cut.geoms, key=lambda g: -g.bounds[0])  # medial (big toe) first
    assert len(pieces) == 5
    widths = [p.length for p in pieces]
    assert widths == sorted(widths, reverse=True)
    assert widths[0] > 1.5 * widths[1]  # the big toe is by far the largest


def test_left_and_right_outlines_identical_in_own_frames(atlas):
    left, right = atlas.outline("left"), atlas.outline("right")
    assert left.symmetric_difference(right).area == 0


# --- lookups ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["kidney", "Kidneys", "  KIDNEY ", "почки", "Почка"])
def test_organ_lookup_synonyms_and_languages(atlas, name):
    ids = {s.id for s in atlas.organ_zones(name)}
    assert ids == {"kidney/left/plantar", "kidney/right/plantar"}


def test_organ_lookup_tagged_by_foot_and_aspect(atlas):
    (heart,) = atlas.organ_zones("heart")
    assert (heart.foot, heart.aspect) == ("left", "plantar")
    assert atlas.organ_zones("heart", foot="right") == ()


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        ("head", {"brain", "pituitary", "hypothalamus", "sinuses", "eyes", "ears"}),
        ("genital areas", {"reproductive"}),
        (
            "intestines",
            {
                "small_intestine",
                "ascending_colon",
                "ileocaecal_valve",
                "transverse_colon",
                "descending_colon",
                "sigmoid_colon",
            },
        ),
        ("кишечник", None),
    ],
)
def test_group_lookup(atlas, group, expected):
    zones = {s.zone.id for s in atlas.group_zones(group, aspect="plantar")}
    if expected is None:
        expected = {s.zone.id for s in atlas.group_zones("intestines", aspect="plantar")}
    assert expected <= zones


def test_zone_lookup_by_id_and_name(atlas):
    assert atlas.zone("solar_plexus") is atlas.zone("Solar plexus") is atlas["солнечное сплетение"]


def test_lookup_any_kind(atlas):
    assert {s.zone.id for s in atlas.lookup("heart")} == {"heart"}
    assert {s.zone.id for s in atlas.lookup("Migraine")} >= {"liver", "stomach"}
    assert {s.foot for s in atlas.lookup("kidneys", foot="right")} == {"right"}


@pytest.mark.parametrize(
    ("call", "bad", "hint"),
    [
        (lambda a: a.organ_zones("kidny"), "kidny", "kidney"),
        (lambda a: a.group_zones("haed"), "haed", "head"),
        (lambda a: a.zone("hart"), "hart", "heart"),
        (lambda a: a.for_condition("migrane"), "migrane", "migraine"),
        (lambda a: a.lookup("livr"), "livr", "liver"),
        (lambda a: a.shapes(foot="lefft"), "lefft", "left"),
        (lambda a: a.shapes(aspect="plantr"), "plantr", "plantar"),
    ],
)
def test_unknown_names_suggest(atlas, call, bad, hint):
    with pytest.raises(UnknownNameError) as info:
        call(atlas)
    message = str(info.value)
    assert repr(bad) in message
    assert "did you mean" in message and repr(hint) in message
    assert hint in info.value.suggestions


def test_non_string_name_is_a_clear_error(atlas):
    with pytest.raises(UnknownNameError, match=r"name must be an organ name \(a str\), got 42"):
        atlas.organ_zones(42)


def test_filtering(atlas):
    left_digestive = atlas.shapes("left", "plantar", system="digestive")
    assert left_digestive and all(
        s.foot == "left" and s.zone.system == "digestive" for s in left_digestive
    )
    assert {s.zone.id for s in atlas.shapes(group="head", foot="right")} >= {"brain", "eyes"}
    assert len(list(atlas)) == len(atlas) == len(atlas.shapes())
    with pytest.raises(UnknownNameError, match="did you mean 'digestive'"):
        atlas.shapes(system="digestiv")


# --- conditions ------------------------------------------------------------------------------
def test_condition_shapes_lie_where_their_organs_are(atlas):
    match = atlas.for_condition("migraine")
    ids = {s.id for s in match}
    assert "liver/right/plantar" in ids and "liver/left/plantar" not in ids
    assert {"stomach/left/plantar", "stomach/right/plantar"} <= ids
    assert "brain/left/plantar" in ids  # the head group


def test_every_condition_row_accounts_for_every_organ(atlas):
    for cond in atlas.conditions.values():
        match = atlas.for_condition(cond.id)
        missing = {u.organ for u in match.unresolved}
        for term in cond.terms:
            organs = atlas.groups[term.id].organs if term.kind == "group" else (term.id,)
            for organ in organs:
                has_zone = any(organ in s.zone.organs for s in match.shapes)
                assert has_zone != (organ in missing), (cond.id, organ)


def test_unresolved_lists_condition_organ_pairs(atlas):
    pairs = {(u.condition, u.organ) for u in atlas.unresolved()}
    # every marker names a real condition and a known organ that has no zone yet
    for condition, organ in pairs:
        assert condition in atlas.conditions
        assert organ in atlas.organs and not atlas.organ_zones(organ)
    if "plantar" == "".join(atlas.aspects):  # the plantar-only atlas
        assert ("fainting", "cervical spine") in pairs
        assert ("varicose_veins", "upper lymphatics") in pairs
        assert ("migraine", "fallopian tubes") in pairs


def test_wrong_kind_of_name_says_which_call_fits(atlas):
    with pytest.raises(UnknownNameError) as info:
        atlas.organ_zones("spine")
    assert "'spine' is a group: use atlas.group_zones('spine')" in str(info.value)
    with pytest.raises(UnknownNameError, match="'migraine' is a condition"):
        atlas.group_zones("migraine")


def test_resolve_name_says_which_kind_of_name_it_is(atlas):
    assert atlas.resolve_name("Почки") == ("organ", "kidneys")
    assert atlas.resolve_name("bladder") == ("organ", "bladder")  # organs come first
    assert atlas.resolve_name("bladder", ("zone", "organ")) == ("zone", "bladder")
    assert atlas.resolve_name("head") == ("group", "head")
    assert atlas.resolve_name("migraine") == ("condition", "migraine")
    with pytest.raises(UnknownNameError, match=r"unknown zone or organ 'kidny'.*'kidney") as info:
        atlas.resolve_name("kidny", ("zone", "organ"))
    assert info.value.kind == "zone or organ"
    with pytest.raises(ValueError, match=r"'place'.*'zone', 'organ', 'group', 'condition'"):
        atlas.resolve_name("kidney", ("place",))
    with pytest.raises(UnknownNameError, match=r"name must be a zone or organ name.*got 3"):
        atlas.resolve_name(3, ("zone", "organ"))
    with pytest.raises(TypeError, match=r"kinds must be a non-empty sequence.*got None"):
        atlas.resolve_name("kidney", None)
    assert atlas.resolve_name("kidney", "zone") == ("zone", "kidney")


# ---------------------------------------------------------------- None and wrong types
WRONG = [None, 42, 3.5, ["heart"], ("heart",), {"heart": 1}, b"heart", True]


@pytest.mark.parametrize("bad", WRONG)
@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        ("zone", "name"),
        ("organ", "name"),
        ("group", "name"),
        ("condition", "name"),
        ("organ_zones", "name"),
        ("group_zones", "name"),
        ("for_condition", "name"),
        ("lookup", "name"),
        ("resolve_name", "name"),
        ("__getitem__", "name"),
    ],
)
def test_lookups_refuse_what_is_not_a_name(atlas, call, parameter, bad):
    with pytest.raises(NotANameError, match=rf"^{parameter} must be an? .* name \(a str\)"):
        getattr(atlas, call)(bad)


def test_organ_and_group_zones_of_none_are_errors_not_every_zone(atlas):
    with pytest.raises(TypeError, match="name must be an organ name"):
        atlas.organ_zones(None)
    with pytest.raises(TypeError, match="name must be a group name"):
        atlas.group_zones(None)


@pytest.mark.parametrize("bad", WRONG)
def test_filters_refuse_wrong_types_naming_the_filter(atlas, bad):
    for keyword in ("foot", "aspect", "system", "group", "organ"):
        if bad is None:
            continue  # None means "no filter"
        with pytest.raises(NotANameError, match=rf"^{keyword} must be"):
            atlas.shapes(**{keyword: bad})
    with pytest.raises(NotANameError, match=r"^zone must be"):
        atlas.shape(bad, "left")
    with pytest.raises(NotANameError, match=r"^foot must be"):
        atlas.shape("heart", bad)
    with pytest.raises(NotANameError, match=r"^foot must be"):
        atlas.outline(bad)
    if bad is not None:
        with pytest.raises(NotANameError, match=r"^foot must be"):
            atlas.lookup("heart", foot=bad)
        with pytest.raises(NotANameError, match=r"^aspect must be"):
            atlas.organ_zones("heart", aspect=bad)
    assert bad not in atlas if not isinstance(bad, str) else True


def test_lookup_checks_foot_and_aspect_for_every_kind_of_name(atlas):
    with pytest.raises(UnknownNameError, match="did you mean 'left'"):
        atlas.lookup("migraine", foot="lfet")
    with pytest.raises(UnknownNameError, match="did you mean 'plantar'"):
        atlas.lookup("heart", aspect="plantr")


def test_title_language_must_be_a_string(atlas):
    with pytest.raises(NotANameError, match=r"^lang must be a language name"):
        atlas.title(["en"])


def test_huge_names_are_not_echoed_whole(atlas):
    name = "q" * 100_000
    for call in (atlas.zone, atlas.organ_zones, atlas.lookup, atlas.for_condition):
        with pytest.raises(UnknownNameError) as info:
            call(name)
        assert len(str(info.value)) < 400 and "100,000 characters" in str(info.value)
