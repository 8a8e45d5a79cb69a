"""footviz.handouts.subject: what a page is about, numbered in atlas order."""

from __future__ import annotations

import pytest

from footviz import load_atlas
from footviz.errors import ConflictError, FootvizError
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
    assert subject.title == "Рефлекторные зоны стоп: Позвоночник, Сердце"  # the atlas's title


def test_a_mix_of_conditions_and_organs_is_a_footviz_error_naming_what(atlas):
    with pytest.raises(ConflictError, match=r"^what: mix of condition and organ names") as err:
        subjects(["heart", "acne", "liver"], atlas)
    assert err.value.parameter == "what"
    assert isinstance(err.value, FootvizError) and "'acne' are conditions" in str(err.value)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_titles_name_the_atlas_own_system(atlas, lang):
    sujok = load_atlas("sujok")
    heart = sujok.organ("heart").name(lang)
    title = organs_subject(sujok, ["heart"], lang).title
    assert title == f"{sujok.title(lang)} \u2014 {heart[:1].upper()}{heart[1:]}"  # one colon
    assert "reflexolog" not in title.casefold() and "рефлексотерап" not in title.casefold()
    acne = atlas.condition("acne").name(lang)
    assert condition_subject(atlas, "acne", lang).title == f"{acne} \u2014 {atlas.title(lang)}"
    assert organs_subject(atlas, ["heart"], lang).title.startswith(f"{atlas.title(lang)}: ")


def test_points_on_an_atlas_without_acupoints_are_an_error_not_a_silent_page(atlas):
    from footviz import load_atlas
    from footviz.errors import NotInAtlasError
    from footviz.handouts import with_points

    sujok = load_atlas("sujok")
    subject = subjects(["head"], sujok)[0]
    with pytest.raises(NotInAtlasError, match=r"^points: the atlas 'sujok' holds no acupoints"):
        with_points(sujok, subject, True)
    assert with_points(sujok, subject, None) is subject
    rows = with_points(atlas, subjects(["heart"], atlas)[0], "calming").point_rows
    assert {r.role for r in rows} == {"calming"} and "KI1" in {r.code for r in rows}
