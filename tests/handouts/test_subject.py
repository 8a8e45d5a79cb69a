"""footviz.handouts.subject: what a page is about, numbered in atlas order."""

from __future__ import annotations

import pytest

from footviz.handouts import organs_subject, subjects
from footviz.handouts.subject import condition_subject, short_note, shorter_note


def test_short_notes():
    assert short_note("One. Two.") == "One."
    assert short_note("No full stop") == "No full stop"
    assert shorter_note("Where; and how.") == "Where."


def test_rows_are_numbered_in_atlas_order_whatever_the_order_given(atlas):
    a = organs_subject(atlas, ["heart", "liver"])
    b = organs_subject(atlas, ["liver", "heart"])
    assert a == b
    order = [s.zone.id for s in atlas]
    ids = [r.zone_id for r in a.rows]
    assert ids == sorted(ids, key=order.index)
    assert [r.number for r in a.rows] == list(range(1, len(a.rows) + 1))
    assert {n for n, _ in a.marks} == {r.number for r in a.rows}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_condition_subject_is_in_the_pages_language(atlas, lang):
    subject = condition_subject(atlas, "hypertension", lang)
    assert atlas.condition("hypertension").name(lang) in subject.title
    assert {r.zone_id for r in subject.rows} >= {"kidney", "bladder"}
    feet = {"en": {"left", "right", "both"}, "ru": {"левая", "правая", "обе"}}[lang]
    assert {r.foot for r in subject.rows} <= feet


def test_subjects_resolve_names_and_refuse_a_mix(atlas):
    assert [s.ident for s in subjects(["acne", "Угревая сыпь"], atlas)] == ["acne"]
    assert subjects(["heart"], atlas)[0].ident == "organs"
    with pytest.raises(ValueError, match="mix of condition and organ names"):
        subjects(["acne", "heart"], atlas)
    with pytest.raises(ValueError, match="what must be a name or a non-empty sequence of names"):
        subjects([], atlas)


def test_organs_title_lists_every_name_alike(atlas):
    subject = organs_subject(atlas, ["spine", "heart"], "ru")
    assert subject.title == "Зоны рефлексотерапии стоп: Позвоночник, Сердце"
