"""The condition table: all 12 rows, checked against the source text itself."""

from __future__ import annotations

import pytest

# How the source's wording of each organ maps onto the atlas vocabulary.
SOURCE_TERMS = {
    "parathyroid glands": [("organ", "parathyroid glands")],
    "adrenal glands": [("organ", "adrenal glands")],
    "head": [("group", "head")],
    "bronchi and lungs": [("organ", "bronchi"), ("organ", "lungs")],
    "thyroid": [("organ", "thyroid gland")],
    "kidneys": [("organ", "kidneys")],
    "genital areas": [("group", "genital areas")],
    "stomach": [("organ", "stomach")],
    "intestines": [("group", "intestines")],
    "liver": [("organ", "liver")],
    "gallbladder": [("organ", "gallbladder")],
    "fallopian tubes": [("organ", "fallopian tubes")],
    "uterus": [("organ", "uterus")],
    "cervical region spine": [("organ", "cervical spine")],
    "bladder": [("organ", "bladder")],
    "lymphatic drainage on the back of the foot": [("organ", "upper lymphatics")],
    "solar plexus": [("organ", "solar plexus")],
    "ureters": [("organ", "ureters")],
    "heart": [("organ", "heart")],
}


def source_rows(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Pathological conditions"))
    rows = []
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        rows.append(line.strip())
    return rows


def test_source_has_twelve_rows(source_text):
    rows = source_rows(source_text)
    assert len(rows) == 12
    assert rows[0].startswith("Chronic fatigue") and rows[-1].startswith("Arterial hypotension")


def test_every_source_row_is_in_the_atlas(atlas, source_text):
    rows = source_rows(source_text)
    conditions = list(atlas.conditions.values())
    assert len(conditions) == 12
    for row, cond in zip(rows, conditions, strict=True):
        # the row reads "<condition> <organs>": our English name, then the source wording
        assert row == f"{cond.name('en')} {cond.source_text}", row
        wording = [w.strip().lower() for w in cond.source_text.split(",")]
        expected = [t for w in wording for t in SOURCE_TERMS[w]]
        assert [(t.kind, t.id) for t in cond.terms] == expected, cond.id


@pytest.mark.parametrize(
    ("name", "cid"),
    [
        ("migraine", "migraine"),
        ("Migraine attacks", "migraine"),
        ("insomnia", "emotional_lability"),
        ("VSD", "emotional_lability"),
        ("high blood pressure", "hypertension"),
        ("гипотония", "hypotension"),
        ("Облысение", "baldness"),
        ("panic attacks", "panic_attacks"),
    ],
)
def test_condition_names_and_synonyms(atlas, name, cid):
    assert atlas.condition(name).id == cid


def test_condition_names_in_both_languages(atlas):
    for cond in atlas.conditions.values():
        assert cond.name("en") and cond.name("ru")


@pytest.mark.parametrize("cid", ["chronic_fatigue", "obesity", "acne", "hypertension"])
def test_plantar_rows_resolve_completely(atlas, cid):
    match = atlas.for_condition(cid)
    assert match.complete and match.shapes


def test_hypotension_includes_the_heart_on_the_left_only(atlas):
    ids = {s.id for s in atlas.for_condition("hypotension")}
    assert "heart/left/plantar" in ids
    assert not any(i.startswith("heart/right") for i in ids)
