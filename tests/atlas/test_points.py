"""Acupoints as atlas data: positions from landmarks, roles, lookups, hit tests, scaling, I/O
and the validator's point checks (footviz.atlas.points and the Atlas point methods)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest
from shapely.geometry import LineString

import footviz
from footviz.atlas.core import Atlas
from footviz.atlas.points import ROLES
from footviz.errors import AtlasFormatError, FootvizError, NotInAtlasError, UnknownNameError

GEOMETRY = Path(__file__).resolve().parents[2] / "geometry"


@pytest.fixture(scope="module")
def landmarks():
    sys.path.insert(0, str(GEOMETRY))
    try:
        import landmarks as module
    finally:
        sys.path.remove(str(GEOMETRY))
    return module


def xy(shape):
    return np.array([shape.geometry.x, shape.geometry.y])


def cleft_bottom(outline, x0, x1, above=150.0):
    """The deepest point of a toe cleft: the middle of the lowest border vertices (within
    0.3 mm of the lowest) in the x range, above ``above``."""
    pts = np.asarray(outline.exterior.coords)
    sel = pts[(pts[:, 0] > x0) & (pts[:, 0] < x1) & (pts[:, 1] > above)]
    low = sel[sel[:, 1] < sel[:, 1].min() + 0.3]
    return np.array([(low[:, 0].min() + low[:, 0].max()) / 2.0, low[:, 1].min()])


def heel_back(outline):
    pts = np.asarray(outline.exterior.coords)
    return pts[np.argmin(pts[:, 1])]


# ---------------------------------------------------------------------- positions
@pytest.mark.parametrize("scale", [None, (230.0, None), (265.0, 112.0)])
def test_ki1_is_a_third_of_the_way_from_the_web_of_toes_2_3_to_the_heel(atlas, scale):
    a = atlas if scale is None else atlas.scaled(*scale)
    sole = a.outline("left", "plantar")
    sx = 1.0 if scale is None else a.info["scaled_from"]["sx"]
    web = cleft_bottom(sole, -12.0 * sx, -5.0 * sx)
    expected = web + (heel_back(sole) - web) / 3.0
    ki1 = a.point("KI1", foot="left", aspect="plantar")
    assert np.linalg.norm(xy(ki1) - expected) < 1.0
    assert ki1.aspect == "plantar" and a.acupoint("KI1").aspects == ("plantar",)


def test_lr3_lies_between_the_bases_of_metatarsals_1_and_2_on_the_top(atlas, landmarks):
    lr3 = atlas.point("LR3", "right", "dorsal")
    b1, b2 = landmarks.METATARSAL_BASES[1], landmarks.METATARSAL_BASES[2]
    assert b2[0] < lr3.geometry.x < b1[0]
    assert abs(lr3.geometry.y - (b1[1] + b2[1]) / 2.0) < 0.3 * landmarks.CUN
    # in front of the joint of the bases, well behind the toe joints
    assert lr3.geometry.y > max(b1[1], b2[1])
    assert lr3.geometry.y < landmarks.METATARSAL_HEADS[1][1] - 40.0
    assert atlas.acupoint("LR3").aspects == ("dorsal",)


def test_bl67_sits_at_the_outer_nail_corner_of_the_little_toe(atlas):
    top = atlas.outline("left", "dorsal")
    pts = np.asarray(top.exterior.coords)
    little = pts[(pts[:, 0] < -38.0) & (pts[:, 1] > 186.0)]  # the little toe's border
    tip_y, outer_x = little[:, 1].max(), little[:, 0].min()
    bl67 = atlas.point("BL67", "left", "dorsal")
    g = bl67.geometry
    assert top.contains(g) and top.exterior.distance(g) < 1.5  # at the toe's outer edge
    assert g.x < outer_x + 3.0  # on the outer (lateral, x < 0) side
    assert tip_y - 14.0 < g.y < tip_y - 6.0  # level with the base of the nail
    # the outer corner shows on the outer side too, at the same level along the foot
    side = atlas.point("BL67", "left", "lateral")
    assert side.geometry.y == pytest.approx(g.y, abs=0.01)


EDGE_POINTS = {
    "SP2": "medial",
    "SP3": "medial",
    "SP4": "medial",
    "KI2": "medial",
    "BL64": "lateral",
    "BL65": "lateral",
    "BL66": "lateral",
}


@pytest.mark.parametrize(("code", "side"), EDGE_POINTS.items())
def test_points_on_the_sole_edge_show_on_the_sole_and_the_side(atlas, code, side):
    assert set(atlas.acupoint(code).aspects) == {"plantar", side}
    sole = atlas.point(code, "left", "plantar").geometry
    profile = atlas.point(code, "left", side).geometry
    outline = atlas.outline("left", "plantar")
    assert outline.contains(sole) and outline.exterior.distance(sole) < 2.0
    cut = outline.intersection(LineString([(-100, sole.y), (100, sole.y)]))
    border_x = cut.bounds[2] if side == "medial" else cut.bounds[0]
    assert abs(sole.x - border_x) < 2.0  # on the border of its own side
    assert profile.y == pytest.approx(sole.y, abs=0.01)  # one level on both aspects
    # just above the sole's edge on the profile (which the arch lifts off the floor)
    side_outline = atlas.outline("left", side)
    lowest = side_outline.intersection(LineString([(-50, profile.y), (300, profile.y)])).bounds[0]
    assert 2.0 < profile.x - lowest < 10.0


def test_nail_corner_and_web_points_show_on_the_top(atlas):
    on_top = {p.code for p in atlas.points("left", "dorsal")}
    nails = {"SP1", "LR1", "ST45", "GB44", "BL67"}
    webs = {"LR2", "ST44", "GB43", "EX-LE10-1", "EX-LE10-2", "EX-LE10-3", "EX-LE10-4"}
    assert nails | webs <= on_top
    # the webs are between the toes: each web point lies just behind the cleft it names
    sole = atlas.outline("left", "dorsal")
    for code, (x0, x1) in {"LR2": (5, 16), "ST44": (-12, -5), "GB43": (-43, -36)}.items():
        bottom = cleft_bottom(sole, x0, x1)
        g = atlas.point(code, "left", "dorsal").geometry
        assert abs(g.x - bottom[0]) < 2.0 and 0.0 < bottom[1] - g.y < 6.0, code


def test_lineiting_is_on_the_sole_opposite_st44(atlas):
    lin = atlas.point("Lineiting", "left", "plantar").geometry
    st44 = atlas.point("ST44", "left", "dorsal").geometry
    assert lin.distance(st44) < 3.0  # same place of the shared sole/top frame
    assert atlas.acupoint("Lineiting").aspects == ("plantar",)


def test_ankle_points_sit_round_the_ankle_bones(atlas):
    med = atlas.info["landmarks"]["medial"]["ankle_bone"]  # (height, y, radius)
    ki3 = atlas.point("KI3", "left", "medial").geometry
    ki6 = atlas.point("KI6", "left", "medial").geometry
    achilles = LineString(atlas.info["landmarks"]["medial"]["achilles"])
    assert ki3.x == pytest.approx(med[0]) and achilles.distance(ki3) < med[1] - ki3.y
    assert ki6.y == pytest.approx(med[1]) and ki6.x < med[0] - med[2]  # below the bone
    lat = atlas.info["landmarks"]["lateral"]["ankle_bone"]
    bl62 = atlas.point("BL62", "left", "lateral").geometry
    gb40 = atlas.point("GB40", "left", "lateral").geometry
    assert bl62.y == pytest.approx(lat[1]) and bl62.x < lat[0] - lat[2]
    assert gb40.x < lat[0] and gb40.y > lat[1]  # in front of and below the bone


def test_every_point_is_on_both_feet_identically(atlas):
    left = {(p.code, p.aspect): xy(p) for p in atlas.points("left")}
    right = {(p.code, p.aspect): xy(p) for p in atlas.points("right")}
    assert left.keys() == right.keys() and len(left) >= 45
    assert all(np.array_equal(left[k], right[k]) for k in left)


def test_radii_stay_in_the_source_range(atlas):
    radii = {p.code: p.radius for p in atlas.points("left")}
    assert all(0.5 <= r <= 10.0 for r in radii.values())
    assert radii["KI1"] > radii["KI3"] > radii["BL67"]  # the sole, the ankle, a nail corner


# ---------------------------------------------------------------------- roles
PAIRS = {
    "spleen": ("SP2", "SP5"),
    "stomach": ("ST41", "ST45"),
    "liver": ("LR8", "LR2"),
    "gallbladder": ("GB43", "GB38"),
    "kidney": ("KI7", "KI1"),
    "bladder": ("BL67", "BL65"),
}


@pytest.mark.parametrize(("meridian", "pair"), PAIRS.items())
def test_exciting_is_tonification_and_calming_is_sedation(atlas, meridian, pair):
    m = atlas.meridian(meridian)
    tonify, sedate = pair
    assert m.roles["exciting"] == m.roles["tonification"] == (tonify,)
    assert m.roles["calming"] == m.roles["sedation"] == (sedate,)
    assert [p.code for p in m.role_points("exciting")] == [tonify]
    assert [p.code for p in m.role_points("calming")] == [sedate]
    for code, words in ((tonify, ("exciting", "tonification")), (sedate, ("calming", "sedation"))):
        rec = atlas.acupoint(code)
        assert set(words) <= set(rec.roles), code


@pytest.mark.parametrize("code", ["LR8", "GB38", "KI7"])
def test_role_points_off_the_foot_are_listed_without_a_position(atlas, code):
    rec = atlas.acupoint(code)
    assert not rec.on_foot and rec.feet == () and rec.aspects == () and rec.radius is None
    m = atlas.meridian(rec.meridian)
    assert rec in m.off_foot and rec.where["en"]
    assert code not in {p.code for p in atlas.points()}
    with pytest.raises(NotInAtlasError, match=f"{code} .* lies off the foot"):
        atlas.point(code)


def test_which_points_calm_the_liver_meridian(atlas):
    assert {p.code for p in atlas.points(meridian="liver", role="calming")} == {"LR2"}
    assert atlas.points(meridian="liver", role="exciting") == ()  # LR8 is at the knee
    assert [p.code for p in atlas.meridian("liver").role_points("exciting")] == ["LR8"]


def test_harmonising_points_are_the_meridian_ends_on_the_foot(atlas):
    found = {p.code for p in atlas.points("left", role="harmonising")}
    assert found == {"SP1", "KI1", "LR1", "ST45", "BL67", "GB44"}
    for m in atlas.meridians:
        (end,) = m.roles["harmonising"]
        assert atlas.acupoint(end).on_foot


def test_ki1_holds_several_roles(atlas):
    roles = atlas.point("KI1", "left", "plantar").roles
    assert {"harmonising", "calming", "well", "sedation", "entry"} <= set(roles)
    assert list(roles) == [r for r in ROLES if r in roles]  # in the documented order


def test_the_document_lists_the_roles_the_package_knows(atlas):
    assert atlas.acupoints.raw["roles"] == list(ROLES)
    assert ROLES[:3] == ("harmonising", "exciting", "calming")


def test_classical_types(atlas):
    def having(role):
        return {p.code for p in atlas.points("left", role=role) if p.meridian}

    assert having("well") == {"SP1", "ST45", "LR1", "GB44", "KI1", "BL67"}
    assert having("spring") == {"SP2", "ST44", "LR2", "GB43", "KI2", "BL66"}
    assert having("stream") == {"SP3", "ST43", "LR3", "GB41", "KI3", "BL65"}
    assert having("river") == {"SP5", "ST41", "LR4", "BL60"}  # GB38 and KI7 are on the leg
    assert having("source") == {"SP3", "ST42", "LR3", "GB40", "KI3", "BL64"}
    assert having("luo") == {"SP4", "KI4"}
    assert having("xi") == {"KI5", "BL63"}
    assert having("confluent") == {"SP4", "GB41", "KI6", "BL62"}
    assert having("horary") == {"SP3", "LR1", "GB41", "BL66"}
    assert having("entry") == {"SP1", "LR1", "KI1"}
    assert having("exit") == {"ST42", "GB41", "BL67"}
    assert atlas.acupoint("ST36").roles == ("horary",) and not atlas.acupoint("ST36").on_foot


def test_meridian_lists_its_points_in_order_with_those_off_the_foot(atlas):
    kidney = atlas.meridian("kidney")
    assert [p.code for p in kidney] == [
        "KI1", "KI2", "KI3", "KI4", "KI5", "KI6", "KI7", "KI10", "KI22",
    ]  # fmt: skip
    assert [p.code for p in kidney.off_foot] == ["KI7", "KI10", "KI22"]
    assert [p.order for p in atlas.meridian("bladder").on_foot] == list(range(60, 68))
    assert {m.id for m in atlas.meridians} == set(PAIRS)


# ---------------------------------------------------------------------- lookups
@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("KI1", "KI1"),
        ("ki 1", "KI1"),
        ("K1", "KI1"),
        ("Yongquan", "KI1"),
        ("gushing spring", "KI1"),
        ("Юн-цюань", "KI1"),
        ("юнцюань", "KI1"),
        ("LIV3", "LR3"),
        ("Taichong", "LR3"),
        ("Тай-чун", "LR3"),
        ("UB67", "BL67"),
        ("Bafeng 3", "EX-LE10-3"),
        ("ex-le10-2", "EX-LE10-2"),
        ("Inner Neiting", "Lineiting"),
        ("Spring at the Bend", "LR8"),
    ],
)
def test_points_by_code_pinyin_english_or_russian(atlas, name, code):
    assert atlas.acupoint(name).code == code


@pytest.mark.parametrize("name", ["kidney", "KI", "Kidney meridian", "меридиан почек", "почки"])
def test_meridians_by_id_code_or_name(atlas, name):
    assert atlas.meridian(name).id == "kidney"


def test_names_in_three_languages_and_notes_in_two(atlas):
    ki1 = atlas.point("KI1", "left", "plantar")
    assert (ki1.name("pinyin"), ki1.name("en"), ki1.name("ru")) == (
        "Yongquan",
        "Gushing Spring",
        "Юн-цюань",
    )
    assert "sole" in ki1.note("en") and "подошв" in ki1.note("ru")
    with pytest.raises(UnknownNameError, match="language"):
        ki1.note("pinyin")
    assert atlas.acupoint("KI7").note("en") == "on the lower leg"


def test_notes_use_traditional_wording_never_a_cure(atlas):
    banned = ("cure", "heal", "treat", "лечит", "излеч", "вылеч")
    for p in atlas.points("left"):
        for lang in ("en", "ru"):
            text = p.note(lang).casefold()
            assert text and not any(b in text for b in banned), (p.code, lang)


def test_unknown_names_get_did_you_mean(atlas):
    with pytest.raises(UnknownNameError, match="did you mean 'yongquan'"):
        atlas.acupoint("Yongquon")
    with pytest.raises(UnknownNameError, match=r"did you mean .*kidney"):
        atlas.meridian("kidny")
    with pytest.raises(UnknownNameError, match="did you mean 'calming'"):
        atlas.points(role="calmng")
    with pytest.raises(UnknownNameError) as info:
        atlas.point("Bafeng")
    assert info.value.suggestions and all(s.startswith("bafeng ") for s in info.value.suggestions)
    with pytest.raises(UnknownNameError, match="aspect"):
        atlas.point("KI1", "left", "sole")


def test_point_not_on_the_asked_aspect_says_where_it_is(atlas):
    with pytest.raises(NotInAtlasError, match=r"KI1 is not on the left foot.s dorsal.*plantar"):
        atlas.point("KI1", "left", "dorsal")
    assert atlas.point("LR3", "right").aspect == "dorsal"  # default: its first aspect


def test_role_synonyms(atlas):
    assert atlas.points("left", role="harmonizing") == atlas.points("left", role="harmonising")
    assert atlas.points("left", role="успокаивающая") == atlas.points("left", role="calming")
    assert atlas.points("left", role="yuan-source") == atlas.points("left", role="source")


# ---------------------------------------------------------------------- hit tests
def test_hit_point_inside_the_disc_and_with_tolerance(atlas):
    ki1 = atlas.point("KI1", "left", "plantar")
    x, y = ki1.geometry.x, ki1.geometry.y
    assert atlas.hit_point(x, y, foot="left", aspect="plantar") is ki1
    assert atlas.hit_point(x + ki1.radius - 0.1, y, "left", "plantar") is ki1
    away = ki1.radius + 1.5
    assert atlas.hit_point(x + away, y, "left", "plantar") is None
    assert atlas.hit_point(x + away, y, "left", "plantar", tolerance=2.0) is ki1
    assert atlas.hit_point(x, y, "right", "plantar").foot == "right"
    assert atlas.hit_point(x, y, "left", "dorsal") is None  # KI1 is only on the sole


def test_hit_point_returns_the_nearest_and_prefers_meridian_points(atlas):
    lr2 = atlas.point("LR2", "left", "dorsal")
    # Bafeng 1 shares LR2's place: the meridian's point answers
    assert atlas.hit_point(lr2.geometry.x, lr2.geometry.y, "left", "dorsal").code == "LR2"
    bf3 = atlas.point("EX-LE10-3", "left", "dorsal")
    assert atlas.hit_point(bf3.geometry.x, bf3.geometry.y, "left", "dorsal").code == "EX-LE10-3"
    # with a wide tolerance several discs reach the touch: the nearest centre wins
    st44 = atlas.point("ST44", "left", "dorsal").geometry
    hit = atlas.hit_point(st44.x + 1.0, st44.y, "left", "dorsal", tolerance=30.0)
    assert hit.code == "ST44"


def test_hit_point_bad_input(atlas):
    with pytest.raises(FootvizError, match="x must be a finite number, got 'left'"):
        atlas.hit_point("left", 3.0)
    with pytest.raises(FootvizError, match="y must be a finite number"):
        atlas.hit_point(0.0, math.nan)
    with pytest.raises(FootvizError, match=r"tolerance must be a finite number >= 0 mm, got -1\.0"):
        atlas.hit_point(0.0, 0.0, tolerance=-1.0)
    with pytest.raises(UnknownNameError, match="did you mean 'left'"):
        atlas.hit_point(0.0, 0.0, foot="lef")


def test_hit_points_many_matches_hit_point(atlas):
    rng = np.random.default_rng(7)
    shapes = atlas.points("left", "medial")
    centres = np.array([xy(s) for s in shapes])
    pts = np.vstack([centres + rng.normal(0, 3.0, centres.shape), rng.uniform(0, 140, (200, 2))])
    pts = np.vstack([pts, [[np.nan, 10.0]]])
    got = atlas.hit_points_many(pts[:, 0], pts[:, 1], "left", "medial", tolerance=1.0)
    assert got.shape == (len(pts),) and got[-1] == -1
    for (px, py), i in zip(pts[:-1], got[:-1], strict=True):
        one = atlas.hit_point(float(px), float(py), "left", "medial", tolerance=1.0)
        assert (one is None and i == -1) or (one is shapes[i])
    assert (got >= 0).sum() > len(shapes) // 2
    grid = atlas.hit_points_many(np.zeros((2, 3)), 0.0)
    assert grid.shape == (2, 3)


def test_hit_points_many_bad_input(atlas):
    with pytest.raises(FootvizError, match="xs and ys must be arrays of numbers"):
        atlas.hit_points_many(["a"], [1.0])
    with pytest.raises(FootvizError, match="xs and ys must be arrays of numbers"):
        atlas.hit_points_many([1.0, 2.0, 3.0], [1.0, 2.0])
    with pytest.raises(FootvizError, match="tolerance must be a finite number"):
        atlas.hit_points_many([1.0], [1.0], tolerance=math.inf)


# ---------------------------------------------------------------------- scaling and files
def test_scaled_moves_and_sizes_the_points(atlas):
    small = atlas.scaled(200.0)
    for p in atlas.points("left"):
        q = small.point(p.code, "left", p.aspect)
        assert np.allclose(xy(q), xy(p) * 0.8)
        assert q.radius == pytest.approx(p.radius * 0.8)
    wide = atlas.scaled(250.0, width=120.0)
    sx = wide.info["scaled_from"]["sx"]
    assert sx > 1.1
    ki1, ki1w = atlas.point("KI1"), wide.point("KI1")
    assert ki1w.geometry.x == pytest.approx(ki1.geometry.x * sx)
    assert ki1w.geometry.y == pytest.approx(ki1.geometry.y)
    ki3, ki3w = atlas.point("KI3", aspect="medial"), wide.point("KI3", aspect="medial")
    assert ki3w.geometry.x == pytest.approx(ki3.geometry.x)  # height scales with the length
    for scaled in (wide, small):
        problems = [p for p in scaled.validate().errors if p.code.startswith("point")]
        assert not problems, problems


def test_save_and_load_round_trip(atlas, tmp_path):
    path = tmp_path / "atlas.geojson"
    scaled = atlas.scaled(240.0)
    scaled.save(path)
    back = footviz.load_atlas(path)

    def table(a):
        return [(p.id, round(p.geometry.x, 6), round(p.geometry.y, 6), p.radius, p.roles)
                for p in a.points()]  # fmt: skip

    assert table(back) == table(scaled)
    assert [p.code for p in back.meridian("kidney")] == [p.code for p in atlas.meridian("KI")]
    assert back.acupoint("LR8").where == atlas.acupoint("LR8").where


def test_an_atlas_without_points_loads(atlas):
    doc = atlas.to_document()
    del doc["footviz"]["acupoints"]
    doc["features"] = [f for f in doc["features"] if f["properties"]["kind"] != "point"]
    bare = Atlas(doc)
    assert bare.points() == () and bare.meridians == ()
    assert bare.hit_point(0.0, 100.0) is None
    assert bare.hit_points_many([0.0], [1.0]).tolist() == [-1]
    with pytest.raises(UnknownNameError, match="unknown meridian 'kidney'"):
        bare.meridian("kidney")
    assert bare.validate().ok and len(bare) == len(atlas)


def test_a_point_feature_needs_a_point_geometry(atlas):
    doc = atlas.to_document()
    feature = next(f for f in doc["features"] if f["properties"]["kind"] == "point")
    feature["geometry"] = {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}
    with pytest.raises(AtlasFormatError, match="needs a Point geometry"):
        Atlas(doc)


# ---------------------------------------------------------------------- validator
def _doc_with(atlas, change):
    doc = atlas.to_document()
    change(doc)
    return Atlas(doc).validate()


def test_the_shipped_points_validate(atlas):
    report = atlas.validate()
    assert report.ok, str(report)
    assert not [w for w in report.warnings if w.code.startswith("point")]


def test_validator_catches_a_point_outside_its_outline(atlas):
    def move(doc):
        for f in doc["features"]:
            if f["id"] == "KI1/left/plantar":
                f["geometry"]["coordinates"] = [150.0, 10.0]

    report = _doc_with(atlas, move)
    (problem,) = [p for p in report.errors if p.code == "point-outside"]
    assert (problem.zone, problem.foot, problem.aspect) == ("KI1", "left", "plantar")
    assert "outside the outline" in problem.message


def test_validator_catches_a_missing_role(atlas):
    def drop_role(doc):
        roles = doc["footviz"]["acupoints"]["points"]["KI1"]["roles"]
        roles.remove("calming")

    report = _doc_with(atlas, drop_role)
    assert any(p.code == "point-role" and p.zone == "KI1" and "'calming'" in p.message
               for p in report.errors), str(report)  # fmt: skip

    def drop_off_foot(doc):
        del doc["footviz"]["acupoints"]["meridians"]["kidney"]["off_foot"]["KI7"]

    report = _doc_with(atlas, drop_off_foot)
    assert any("tonification point KI7 is neither on the foot nor marked as off it" in p.message
               for p in report.errors), str(report)  # fmt: skip


def test_validator_catches_a_code_given_twice(atlas):
    def twice(doc):
        liver = doc["footviz"]["acupoints"]["meridians"]["liver"]["off_foot"]
        liver["ki1"] = dict(liver["LR8"])

    report = _doc_with(atlas, twice)
    assert any(p.code == "point-code" and "'ki1' is given twice" in p.message
               for p in report.errors), str(report)  # fmt: skip


def test_validator_reports_a_malformed_meridian_without_crashing(atlas):
    def break_it(doc):
        kidney = doc["footviz"]["acupoints"]["meridians"]["kidney"]
        kidney["roles"] = ["KI1"]
        kidney["off_foot"]["KI7"]["order"] = "seven"

    report = _doc_with(atlas, break_it)
    assert any("meridian 'kidney': 'roles' must be a dict" in p.message for p in report.errors)
    assert Atlas(atlas.to_document()).acupoint("KI7").order == 7


def test_validator_catches_a_declared_point_without_position(atlas):
    def drop(doc):
        doc["features"] = [f for f in doc["features"] if f["id"] != "SP2/right/medial"]

    report = _doc_with(atlas, drop)
    assert [(p.code, p.zone, p.foot, p.aspect) for p in report.errors] == [
        ("point-presence", "SP2", "right", "medial")
    ]
