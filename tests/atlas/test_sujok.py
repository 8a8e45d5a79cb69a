"""The Su Jok atlases: the standard correspondence, the insect system, correspond() and checks."""

from __future__ import annotations

import matplotlib
import pytest
from shapely.geometry import LineString

import footviz
from footviz import NotInAtlasError, UnknownNameError, correspond, load_atlas

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def sujok():
    return load_atlas("sujok")


@pytest.fixture(scope="module")
def insect():
    return load_atlas("sujok-insect")


def toe(atlas, n, foot, aspect="plantar"):
    return atlas.regions[(f"toe{n}", foot, aspect)]


def on_toe(atlas, zone, foot, aspect="plantar"):
    """Number of the toe that holds (at least 99 % of) the zone's shape on ``foot``."""
    geom = atlas.shape(zone, foot, aspect).geometry
    found = [
        n
        for n in range(1, 6)
        if geom.intersection(toe(atlas, n, foot, aspect)).area >= 0.99 * geom.area
    ]
    assert len(found) == 1, (zone, foot, found)
    return found[0]


def tip(atlas, n, foot, aspect="plantar"):
    """A point 2 mm inside the tip of toe ``n``."""
    region = toe(atlas, n, foot, aspect)
    coords = [c for part in getattr(region, "geoms", [region]) for c in part.exterior.coords]
    top = max(coords, key=lambda c: c[1])
    return top[0], top[1] - 2.0


# ---------------------------------------------------------------------- the correspondence
@pytest.mark.parametrize("foot", ["left", "right"])
@pytest.mark.parametrize("aspect", ["plantar", "dorsal"])
def test_big_toe_is_the_head_and_the_neck(sujok, foot, aspect):
    assert on_toe(sujok, "head", foot, aspect) == 1
    assert on_toe(sujok, "neck", foot, aspect) == 1
    head = sujok.shape("head", foot, aspect).geometry
    neck = sujok.shape("neck", foot, aspect).geometry
    assert head.centroid.y > neck.centroid.y  # the head is the distal phalanx
    assert head.touches(neck) or head.intersection(neck).area < 0.05
    assert sujok.hit(*tip(sujok, 1, foot, aspect), foot, aspect).zone.id == "head"


ARM = ["hand", "wrist", "forearm", "elbow", "upper_arm"]
LEG = ["foot", "ankle", "shin", "knee", "thigh"]


@pytest.mark.parametrize(
    ("foot", "side", "limb", "toe_number"),
    [
        # the standard charts: on the right hand the index finger is the right arm, the little
        # finger the left arm; toe for finger on the feet, so the 2nd and 3rd toes carry the
        # limbs of the foot's own side
        ("right", "right", ARM, 2),
        ("right", "left", ARM, 5),
        ("right", "right", LEG, 3),
        ("right", "left", LEG, 4),
        ("left", "left", ARM, 2),
        ("left", "right", ARM, 5),
        ("left", "left", LEG, 3),
        ("left", "right", LEG, 4),
    ],
)
def test_which_toe_is_which_limb(sujok, foot, side, limb, toe_number):
    for aspect in ("plantar", "dorsal"):
        for part in limb:
            assert on_toe(sujok, f"{side}_{part}", foot, aspect) == toe_number


@pytest.mark.parametrize("foot", ["left", "right"])
def test_the_arm_of_the_foots_own_side_is_next_to_the_big_toe(sujok, foot):
    # x > 0 is the medial side: the foot's own arm is the inner one (2nd toe), as the index
    # finger is on the hand of the same side
    own_arm = sujok.shape(f"{foot}_hand", foot).geometry.centroid.x
    other = "left" if foot == "right" else "right"
    other_arm = sujok.shape(f"{other}_hand", foot).geometry.centroid.x
    assert own_arm > other_arm
    assert sujok.hit(*tip(sujok, 2, foot), foot).zone.id == f"{foot}_hand"
    assert sujok.hit(*tip(sujok, 5, foot), foot).zone.id == f"{other}_hand"


@pytest.mark.parametrize("limb", [ARM, LEG])
@pytest.mark.parametrize("side", ["left", "right"])
def test_limb_parts_run_from_the_tip_in_order(sujok, limb, side):
    for foot in ("left", "right"):
        ys = [sujok.shape(f"{side}_{p}", foot).geometry.centroid.y for p in limb]
        assert ys == sorted(ys, reverse=True)
        n = on_toe(sujok, f"{side}_{limb[0]}", foot)
        assert sujok.hit(*tip(sujok, n, foot), foot).zone.id == f"{side}_{limb[0]}"
    root = "shoulder" if limb is ARM else "hip"
    for foot in ("left", "right"):
        geom = sujok.shape(f"{side}_{root}", foot).geometry
        sole = sujok.regions[("sole", foot, "plantar")]
        assert geom.intersection(sole).area >= 0.99 * geom.area  # behind the toe's crease


def test_hit_on_a_toe_tip_answers_with_the_hand_or_foot(sujok):
    # the question of the issue: where does Su Jok put the left knee on the left foot?
    answer = correspond("left knee", system="sujok", foot="left")
    assert answer.feet == ("left",) and set(answer.aspects) == {"plantar", "dorsal"}
    assert {on_toe(sujok, "left_knee", "left", a) for a in answer.aspects} == {3}
    knee = sujok.shape("left_knee", "left").geometry.representative_point()
    assert sujok.hit(knee.x, knee.y, "left").zone.id == "left_knee"
    x, y = tip(sujok, 3, "left")
    assert sujok.hit(x, y, "left").zone.names["ru"] == "Левая стопа"


def test_chest_on_the_ball_of_the_big_toe_with_the_diaphragm_at_its_crease(sujok):
    crease = sujok.info["lines"]["diaphragm"]
    for foot in ("left", "right"):
        chest = sujok.shape("chest", foot).geometry
        diaphragm = sujok.shape("diaphragm", foot).geometry
        _, d0, _, d1 = diaphragm.bounds
        assert d0 < crease < d1 and d1 - d0 <= 6.0
        assert chest.bounds[1] == pytest.approx(d1, abs=0.05)  # the chest sits on it
        assert chest.intersection(diaphragm).area < 0.05
        # the ball of the big toe: under the big toe, from the web of toes 1-2 inwards
        big = toe(sujok, 1, foot)
        assert chest.bounds[0] >= big.bounds[0] - 3.0
        assert chest.distance(big) < 0.05 and chest.intersection(big).area < 0.05
        assert sujok.hit(25.0, crease, foot).zone.id == "diaphragm"
        assert sujok.hit(30.0, 175.0, foot).zone.id == "chest"


def test_sole_is_the_front_of_the_trunk_by_thirds(sujok):
    crease = sujok.info["lines"]["diaphragm"]
    third = crease / 3.0
    for foot in ("left", "right"):
        bands = {
            z: sujok.shape(z, foot).geometry.bounds
            for z in ("pelvis", "abdomen_middle", "abdomen_upper")
        }
        assert bands["pelvis"][3] == pytest.approx(third, abs=0.05)
        assert bands["abdomen_middle"][1] == pytest.approx(third, abs=0.05)
        assert bands["abdomen_middle"][3] == pytest.approx(2 * third, abs=0.05)
        assert bands["abdomen_upper"][1] == pytest.approx(2 * third, abs=0.05)
        assert sujok.hit(0.0, 20.0, foot).zone.id == "pelvis"
        assert sujok.hit(-20.0, 90.0, foot).zone.id == "abdomen_middle"
        assert sujok.hit(-30.0, 130.0, foot).zone.id == "abdomen_upper"
    assert {o for o in sujok.zone("pelvis").organs} >= {"bladder", "uterus", "prostate"}
    assert "small intestine" in sujok.zone("abdomen_middle").organs
    assert {"liver", "stomach"} <= set(sujok.zone("abdomen_upper").organs)


def test_navel_at_the_centre_of_the_middle_third(sujok):
    third = sujok.info["lines"]["diaphragm"] / 3.0
    outline = sujok.outline("left", "plantar")
    for foot in ("left", "right"):
        navel = sujok.shape("navel", foot).geometry
        c = navel.centroid
        assert c.y == pytest.approx(1.5 * third, abs=0.1)
        lo, _, hi, _ = outline.intersection(LineString([(-99, c.y), (99, c.y)])).bounds
        assert c.x == pytest.approx((lo + hi) / 2.0, abs=0.5)
        assert sujok.zone("navel").parent == "abdomen_middle"
        assert sujok.hit(c.x, c.y, foot).zone.id == "navel"  # the nested zone is primary


@pytest.mark.parametrize("y", [20.0, 80.0, 130.0, 170.0])
def test_spine_on_the_midline_of_the_top(sujok, y):
    outline = sujok.outline("right", "dorsal")
    lo, _, hi, _ = outline.intersection(LineString([(-99, y), (99, y)])).bounds
    spine = [s for s in sujok.group_zones("spine", "right", "dorsal")]
    assert {s.zone.id for s in spine} == {
        "neck",  # the cervical spine, on the big toe's proximal phalanx
        "thoracic_spine",
        "lumbar_spine",
        "sacrum_coccyx",
    }
    hit = sujok.hit((lo + hi) / 2.0, y, "right", "dorsal")
    assert "spine" in hit.zone.groups
    cut = [s.geometry.intersection(LineString([(-99, y), (99, y)])) for s in spine]
    cut = next(c for c in cut if not c.is_empty)
    assert (cut.bounds[0] + cut.bounds[2]) / 2.0 == pytest.approx((lo + hi) / 2.0, abs=1.0)


def test_provenance_per_zone(sujok):
    assert sujok.zone("head").provenance == "source"
    assert sujok.zone("left_knee").provenance == "source"  # on the toe the source names
    for zid in ("neck", "chest", "diaphragm", "navel", "pelvis", "lumbar_spine", "left_hip"):
        assert sujok.zone(zid).provenance == "charts"


# ---------------------------------------------------------------------- lookups
def test_lookups_in_english_and_russian(sujok):
    left = {s.key for s in sujok.organ_zones("left knee")}
    assert left == {("left_knee", f, a) for f in ("left", "right") for a in ("plantar", "dorsal")}
    assert {s.key for s in sujok.lookup("левое колено")} == left
    both = {s.zone.id for s in sujok.group_zones("knee")}
    assert both == {"left_knee", "right_knee"}
    assert {s.zone.id for s in sujok.lookup("колено")} == both
    assert {s.zone.id for s in sujok.lookup("knees")} == both
    assert {s.zone.id for s in sujok.lookup("left arm")} == {
        f"left_{p}" for p in ("shoulder", *ARM)
    }
    assert {s.zone.id for s in sujok.lookup("правая нога")} == {f"right_{p}" for p in ("hip", *LEG)}
    assert {s.zone.id for s in sujok.lookup("heart")} == {"chest"}
    assert {s.zone.id for s in sujok.lookup("печень")} == {"abdomen_upper"}
    assert sujok.zone("right_elbow").names == {"en": "Right elbow", "ru": "Правый локоть"}


def test_misspelt_names_get_suggestions(sujok):
    with pytest.raises(UnknownNameError) as err:
        sujok.lookup("left kne")
    assert "left knee" in err.value.suggestions
    with pytest.raises(UnknownNameError) as err:
        sujok.lookup("левое калено")
    assert "левое колено" in err.value.suggestions


# ---------------------------------------------------------------------- correspond()
def test_correspond_in_su_jok_gives_zones_and_feet():
    answer = correspond("left knee", system="sujok")
    assert isinstance(answer, footviz.Correspondence)
    assert answer.system == "sujok" and answer.query == "left knee"
    assert answer.feet == ("left", "right")
    assert {z.id for z in answer.zones} == {"left_knee"}
    assert answer.side is None  # Su Jok has left and right body parts of its own


def test_correspond_in_reflexology_uses_the_side_rule():
    answer = correspond("left knee")  # the reflexology atlas is the default system
    assert answer.system == "reflexology" and answer.side == "left"
    assert answer.feet == ("left",)
    assert {s.key for s in answer.shapes} == {("knee", "left", "lateral")}
    assert correspond("колено", system="reflexology").feet == ("left", "right")
    with pytest.raises(NotInAtlasError, match="left side of the body on the left foot"):
        correspond("left knee", foot="right")


def test_correspond_unknown_names():
    with pytest.raises(UnknownNameError) as err:
        correspond("left hand", system="reflexology")  # no hand zone in reflexology
    assert "left hand" in str(err.value)
    with pytest.raises(UnknownNameError) as err:
        correspond("left kneee", system="sujok")
    assert "left knee" in err.value.suggestions
    with pytest.raises(UnknownNameError, match="atlas"):
        correspond("knee", system="sujock")


# ---------------------------------------------------------------------- validation
def test_both_atlases_validate(sujok, insect):
    for atlas in (sujok, insect):
        report = atlas.validate()
        assert report.ok, str(report)
        assert not report.warnings
    # coverage is measured in the regions each atlas maps
    assert set(insect.validate().coverage) == {
        (f, a) for f in ("left", "right") for a in ("plantar", "dorsal")
    }
    assert min(sujok.validate().coverage.values()) > 0.999


def _without(atlas, zone, foot, aspect="plantar"):
    doc = atlas.to_document()
    doc["features"] = [f for f in doc["features"] if f["id"] != f"{zone}/{foot}/{aspect}"]
    return footviz.Atlas(doc)


def test_validator_finds_a_toe_with_a_missing_phalanx(sujok):
    report = _without(sujok, "left_shin", "left").validate()
    found = [p for p in report.errors if p.code == "correspondence"]
    assert found and all(p.foot == "left" and p.aspect == "plantar" for p in found)
    assert "toe 3" in found[0].message and "left_shin" in found[0].message


def test_validator_finds_an_uncovered_sole_and_a_shuffled_toe(sujok):
    report = _without(sujok, "pelvis", "right").validate()
    assert any(
        p.code == "correspondence" and "of the sole" in p.message and p.foot == "right"
        for p in report.errors
    )
    doc = sujok.to_document()
    toes = doc["footviz"]["correspondence"]["toes"]
    toes["3"]["left"] = list(reversed(toes["3"]["left"]))
    report = footviz.Atlas(doc).validate()
    assert any("not in order from the tip" in p.message for p in report.errors)


def test_a_scaled_su_jok_atlas_still_validates(sujok):
    big = sujok.scaled(280.0, 105.0)
    assert big.validate().ok
    # the regions move with the outlines
    assert toe(big, 1, "left").bounds[3] == pytest.approx(toe(sujok, 1, "left").bounds[3] * 1.12)
    assert big.hit(*tip(big, 1, "left"), "left").zone.id == "head"


# ---------------------------------------------------------------------- insect system
@pytest.mark.parametrize("foot", ["left", "right"])
def test_insect_system_each_toe_is_a_body(insect, foot):
    for n in range(1, 6):
        ids = [f"toe{n}_{p}" for p in ("head", "chest", "abdomen")]
        ys = [insect.shape(z, foot).geometry.centroid.y for z in ids]
        assert ys == sorted(ys, reverse=True)
        assert {on_toe(insect, z, foot) for z in ids} == {n}
        assert insect.hit(*tip(insect, n, foot), foot).zone.id == f"toe{n}_head"
    # the big toe has two phalanges: the head is the distal one, chest and abdomen share
    # the proximal one
    head = insect.shape("toe1_head", foot).geometry.bounds
    big = toe(insect, 1, foot).bounds
    assert head[1] == pytest.approx(big[3] - 0.5 * (big[3] - 199.0), abs=3.0)
    assert len(insect.lookup("head", foot)) == 10  # five toes, sole and top
    assert {s.zone.id for s in insect.lookup("грудь", foot)} == {
        f"toe{n}_chest" for n in range(1, 6)
    }


# ---------------------------------------------------------------------- drawing
def test_plot_and_handout_take_the_su_jok_atlas(sujok, tmp_path):
    fmap = footviz.plot(atlas=sujok, highlight="head", lang="ru")
    keys = {k for s in fmap.artists.highlight_sets for k in s.keys if k[2] == "plantar"}
    assert keys == {("head", f, "plantar") for f in ("left", "right")}
    assert fmap.ax.get_title() == "Су Джок: стандартная система соответствия на стопе"
    labels = {t.get_text() for t in fmap.artists.labels.values()}
    assert {"Левое колено", "Диафрагма", "Пупок"} <= labels
    out = footviz.handout(["left knee"], tmp_path / "knee.png", atlas=sujok, dpi=40)
    assert out.read_bytes().startswith(b"\x89PNG")


def test_hit_many_on_the_toe_tips(sujok):
    points = [tip(sujok, n, "right") for n in range(1, 6)]
    result = sujok.hit_many([p[0] for p in points], [p[1] for p in points], foot="right")
    names = [result.shapes[i].zone.id for i in result.index.tolist()]
    assert names == ["head", "right_hand", "right_foot", "left_foot", "left_hand"]


def test_region_features_load_and_scale_with_the_atlas(sujok):
    assert {r for r, f, a in sujok.regions if (f, a) == ("left", "plantar")} == {
        "toe1", "toe2", "toe3", "toe4", "toe5", "sole",
    }  # fmt: skip
    assert {r for r, f, a in sujok.regions if a == "medial"} == {"side"}
    doc = sujok.to_document()
    doc["features"][0]["properties"]["kind"] = "regio"
    with pytest.raises(footviz.AtlasFormatError, match="'zone', 'outline', 'point' or 'region'"):
        footviz.Atlas(doc)
