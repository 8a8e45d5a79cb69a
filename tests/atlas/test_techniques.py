"""Techniques as atlas data: the source's sequences, strokes on the outlines, directions,
doses, lookups, scaling, I/O and the validator's technique checks (footviz.atlas.techniques
and the Atlas technique methods)."""

from __future__ import annotations

import copy
import math
import re

import pytest
from shapely.geometry import Point

import footviz
from footviz.atlas.core import Atlas
from footviz.atlas.techniques import KINDS, Dose
from footviz.errors import AtlasFormatError, UnknownNameError

IDS = ["self-massage", "classical", "heel-spur", "hallux-valgus"]


@pytest.fixture(scope="module")
def atlas():
    return footviz.load_atlas()


def step_with(technique, words):
    """The step whose English text holds ``words``."""
    found = [s for s in technique.steps if words in s.text("en")]
    assert len(found) == 1, (words, [s.text("en") for s in technique.steps])
    return found[0]


def test_the_four_techniques_with_the_sources_step_counts(atlas):
    assert [t.id for t in footviz.techniques()] == IDS
    assert [len(t) for t in atlas.techniques()] == [8, 6, 6, 7]
    assert (
        repr(footviz.technique("heel-spur")) == "Technique('heel-spur': Heel-spur routine, 6 steps)"
    )
    for t in atlas.techniques():
        assert [s.number for s in t.steps] == list(range(1, len(t.steps) + 1))
        assert t.feet == ("left", "right")
        assert t.name("en") and t.name("ru") and t.intro("en") and t.intro("ru")
        for s in t.steps:
            assert s.text("en") and s.text("ru") != s.text("en")
            assert {k.kind for k in s.strokes} <= set(KINDS)
            assert s.strokes or s.exercise or s.number == 2  # step 2 of self-massage: the hold


def test_self_massage_is_the_handout_sequence(atlas):
    t = atlas.technique("self-massage")
    assert t.steps[6].strokes[0].kind == "caterpillar"
    assert [k.kind for k in t.steps[7].strokes] == ["stretch"] * 5  # each toe, big toe first
    first = [k.path[0][0] for k in t.steps[7].strokes]
    assert first == sorted(first, reverse=True)  # x > 0 medial: big toe first, little toe last
    assert t.steps[0].dose == Dose(180, None, "seconds")  # warm up at least three minutes
    assert [k.aspect for k in t.steps[3].strokes] == ["medial"]  # round the inner ankle
    caterpillar = t.steps[6]
    assert [k.kind_name("ru") for k in caterpillar.on("medial")] == ["«гусеница»"]
    assert len(caterpillar.on("plantar")) == 1 and caterpillar.on("dorsal") == ()
    assert len(t.strokes) == sum(len(s.strokes) for s in t) == 24
    medial = t.on("medial")  # what a layer of the inner side draws: steps 4 and 7
    assert [(step.number, k.kind) for step, k in medial] == [(4, "circle"), (7, "caterpillar")]
    with pytest.raises(UnknownNameError, match="did you mean 'medial'"):
        t.on("medail")
    assert t.cautions("en") and "pregnancy" in t.cautions("en")
    from footviz.handouts.content import texts  # the handout prints these very steps

    assert texts("ru")["steps"] == tuple(s.text("ru") for s in t.steps)
    assert texts("en")["steps_after"] == t.after("en")


def test_classical_three_zones_per_toe_nail_first(atlas):
    toes = atlas.technique("classical").steps[0]
    assert len(toes.strokes) == 5
    for k in toes.strokes:
        assert k.kind == "press" and len(k.path) == 3
        ys = [y for _, y in k.path]
        assert ys == sorted(ys, reverse=True)  # nail area, middle joint, base: towards the heel
        assert k.dose == Dose(5, 9, "times")
    assert toes.strokes[0].path[0][0] > 20  # starting with the big toe (medial side)
    assert {"brain", "sinuses"} <= set(toes.zones)


def test_classical_centre_line_heel_sides_achilles_and_palm(atlas):
    t = atlas.technique("classical")
    centre = step_with(t, "centre line").strokes
    assert len(centre) == 1 and len(centre[0].path) == 4
    ys = [y for _, y in centre[0].path]
    assert ys == sorted(ys, reverse=True)
    assert all(abs(x) < 12 for x, _ in centre[0].path)  # on the long axis of the sole
    heel = step_with(t, "inner side of the heel").strokes
    assert sorted(k.aspect for k in heel) == ["lateral", "medial"]
    assert all(len(k.path) == 3 for k in heel)
    bone = {a: atlas.info["landmarks"][a]["ankle_bone"] for a in ("medial", "lateral")}
    for k in heel:  # below the ankle bone, on the heel
        assert all(h < bone[k.aspect][0] for h, _ in k.path)
        assert all(y < bone[k.aspect][1] + 10 for _, y in k.path)
    achilles = step_with(t, "Achilles").strokes
    assert sorted(k.aspect for k in achilles) == ["lateral", "medial"]
    for k in achilles:  # on the tendon: behind its front edge, from the heel upwards
        line = atlas.info["landmarks"][k.aspect]["achilles"]
        front = [Point(p) for p in line]
        assert [h for h, _ in k.path] == sorted(h for h, _ in k.path)
        assert all(y < max(p.y for p in front) for _, y in k.path)
    palm = step_with(t, "palm").strokes
    assert all(k.kind == "stroke" and k.aspect == "dorsal" for k in palm)
    assert step_with(t, "palm").dose == Dose(7, 12, "times")  # the whole palm, 7-12 passes
    ankle = atlas.info["landmarks"]["dorsal"]["ankle"]  # x, y, half-axes of the leg
    for k in palm:
        ys = [y for _, y in k.path]
        assert ys == sorted(ys, reverse=True) and ys[0] > 180  # from the toes' base ...
        x, y = k.path[-1]  # ... to the shin, inside the leg's outline seen from above
        assert ((x - ankle[0]) / ankle[2]) ** 2 + ((y - ankle[1]) / ankle[3]) ** 2 < 1
    last = t.steps[-1]
    assert {"ST41", "LR4"} <= set(last.points)


def test_heel_spur_routine(atlas):
    t = atlas.technique("heel-spur")
    circles = step_with(t, "circular movements").strokes
    assert circles[0].kind == "circle" and circles[0].dose == Dose(60, 120, "seconds")
    kneading = step_with(t, "Knead")
    assert kneading.dose == Dose(120, None, "seconds", True)
    assert kneading.dose.text("ru") == "около 2 мин" and kneading.dose.seconds == (120, None)
    knead = kneading.strokes
    assert len(knead) == 3 and all(k.kind == "knead" and k.closed for k in knead)
    heel = atlas.shape("pelvis", "left", "plantar").geometry.union(
        atlas.shape("sciatic", "left", "plantar").geometry
    )
    for step in t.steps[1:5]:  # the heel steps stay on the heel
        for k in step.strokes:
            assert all(y <= atlas.info["lines"]["heel"] + 10 for _, y in k.path), step
    assert heel.intersects(knead[0].geometry)
    assert set(t.steps[-1].aspects) == {"plantar", "medial", "lateral"}  # foot and lower leg
    assert "sock" in t.after("en")


def test_hallux_valgus_routine(atlas):
    t = atlas.technique("hallux-valgus")
    turn = t.steps[0]
    assert turn.dose == Dose(60, 120, "seconds")
    assert [k.turn for k in turn.strokes] == ["clockwise", "anticlockwise"]
    webs = step_with(t, "between the toes")
    assert len(webs.strokes[0].path) == 4 and webs.dose == Dose(180, None, "seconds", True)
    assert {"LR2", "ST44", "GB43"} <= set(webs.points)
    lift = step_with(t, "lift the four")
    assert lift.exercise and lift.dose == Dose(15, None, "times", True) and not lift.strokes
    hold = step_with(t, "Cover the big toe").strokes[0]
    assert hold.kind == "stretch" and hold.dose == Dose(3, None, "seconds", True)
    assert t.dose == Dose(120, 240, "seconds")
    assert str(t.dose) == "2–4 min" and str(turn.dose) == "1–2 min"


def test_every_stroke_lies_on_or_inside_its_outline(atlas):
    for t in atlas.techniques():
        for s in t.steps:
            for k in s.strokes:
                assert k.aspect in s.aspects
                for foot in t.feet:
                    outline = atlas.outline(foot, k.aspect).buffer(1.0)
                    assert outline.covers(k.geometry), (t.id, s.number, k)


def test_directions_follow_the_path_order(atlas):
    t = atlas.technique("self-massage")
    up, down, _ = t.steps[2].strokes
    assert up.path[-1][1] > up.path[0][1] and "toes" in up.describe("en")
    assert down.path[-1][1] < down.path[0][1] and down.describe("ru") == "от пальцев к пятке"
    for k in atlas.technique("classical").strokes:
        if "towards the heel" in k.describe("en"):
            ys = [y for _, y in k.path]
            assert ys == sorted(ys, reverse=True)


def test_lookups_with_did_you_mean(atlas):
    assert footviz.technique("Самомассаж") is footviz.technique("self-massage")
    assert atlas.technique("heel spur").id == "heel-spur"
    assert atlas.technique("Массаж при вальгусной деформации").id == "hallux-valgus"
    with pytest.raises(UnknownNameError, match=r"did you mean 'hallux valgus'"):
        atlas.technique("hallux valgu")
    with pytest.raises(footviz.FootvizError, match="'self-massage', 'classical'"):
        footviz.technique(3)


def test_scaled_moves_strokes(atlas):
    big = atlas.scaled(275.0, 110.0)
    a = atlas.technique("classical")
    b = big.technique("classical")
    sx = big.info["scaled_from"]["sx"]
    sy = big.info["scaled_from"]["sy"]
    for ka, kb in zip(a.strokes, b.strokes, strict=True):
        across = sy if ka.aspect in ("medial", "lateral") else sx
        for (x0, y0), (x1, y1) in zip(ka.path, kb.path, strict=True):
            assert math.isclose(x1, x0 * across) and math.isclose(y1, y0 * sy)
    assert math.isclose(big.to_document()["footviz"]["techniques"]["foot_length"], 275.0)
    assert str(Dose(None, 3, "times")) == "None–3 times"  # a malformed record still prints
    report = big.validate()
    assert not [p for p in report.errors if p.code.startswith("technique")]


def test_round_trip_and_atlases_without_techniques(atlas, tmp_path):
    path = tmp_path / "a.geojson"
    atlas.save(path)
    again = footviz.load_atlas(path)
    assert [t.steps[-1].strokes[0].path for t in again.techniques()] == [
        t.steps[-1].strokes[0].path for t in atlas.techniques()
    ]
    for d in (s.dose for t in atlas.techniques() for s in t.steps if s.dose):
        assert Dose.from_record(d.to_record()) == d
    doc = atlas.to_document()
    del doc["footviz"]["techniques"]
    bare = Atlas(doc)
    assert bare.techniques() == ()
    with pytest.raises(UnknownNameError):
        bare.technique("classical")
    assert not [p for p in bare.validate().errors if p.code.startswith("technique")]


def test_validator_catches_a_stroke_outside_the_outline(atlas):
    doc = copy.deepcopy(atlas.to_document())
    steps = doc["footviz"]["techniques"]["techniques"]["classical"]["steps"]
    steps[4]["strokes"][0]["path"][-1] = [0.0, -40.0]  # palm stroke past the heel
    steps[0]["strokes"][0]["dose"]["max"] = 2
    steps[1]["zones"].append("hart")
    steps[1]["points"].append("KI99")
    report = Atlas(doc).validate()
    assert {"technique-outside", "technique-dose"} <= report.codes()
    refs = [str(p) for p in report.warnings if p.code == "technique-reference"]
    assert len(refs) == 2 and "'hart'" in refs[0] and "'KI99'" in refs[1]
    outside = [p for p in report.errors if p.code == "technique-outside"]
    assert {p.foot for p in outside} == {"left", "right"} and outside[0].aspect == "dorsal"
    assert "step 5 stroke 1" in outside[0].zone
    assert atlas.validate().ok


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: m.update(techniques=[]), "'techniques' must be an object"),
        (lambda m: m["techniques"].update(classical=3), "'classical' must be an object"),
        (
            lambda m: m["techniques"]["classical"]["steps"][0]["strokes"][0].update(path="x"),
            "classical step 1 stroke 1: 'path' must be a list of",
        ),
        (
            lambda m: m["techniques"]["heel-spur"]["steps"][1]["strokes"][0].update(path=[]),
            "heel-spur step 2 stroke 1: 'path' is empty",
        ),
    ],
)
def test_a_malformed_member_is_a_format_error(atlas, change, message):
    doc = atlas.to_document()
    change(doc["footviz"]["techniques"])
    with pytest.raises(AtlasFormatError, match=message):
        Atlas(doc)


def test_validator_checks_kinds_aspects_and_texts(atlas):
    doc = atlas.to_document()
    t = doc["footviz"]["techniques"]["techniques"]["heel-spur"]
    t["steps"][0]["strokes"][0]["kind"] = "tickle"
    t["steps"][1]["strokes"][0]["aspect"] = "dorsal"  # not one of the step's aspects
    t["steps"][2]["text"].pop("ru")
    t["steps"][3]["dose"] = {"min": 0, "max": None, "unit": "times"}
    report = Atlas(doc).validate()
    found = {str(p) for p in report.errors if p.code.startswith("technique")}
    assert any("step 1 stroke 1: kind 'tickle' is not one of" in p for p in found)
    assert any("step 2 stroke 1: on 'dorsal', not a step aspect" in p for p in found)
    assert any("step 3: lacks text ru" in p for p in found)
    assert any("step 4: dose min must be a number in (0, 100] times, got 0" in p for p in found)


CLAIMS = {
    "en": re.compile(r"\b(cures?|heals?|healing|treats?|treatment|guarantee)\b", re.I),
    "ru": re.compile(r"(излеч|вылеч|исцел|гаранти|лечени)", re.I),
}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_texts_are_in_both_languages_and_claim_no_cure(atlas, lang):
    for t in atlas.techniques():
        words = [t.name(lang), t.intro(lang), t.after(lang), *t.cautions(lang)]
        words += [s.text(lang) for s in t.steps]
        words += [k.describe(lang) for k in t.strokes]
        assert all(words), t.id  # nothing missing in this language
        assert [w for w in words if CLAIMS[lang].search(w)] == []
        russian = [bool(re.search("[а-яё]", w, re.I)) for w in words]
        assert all(russian) if lang == "ru" else not any(russian), t.id
