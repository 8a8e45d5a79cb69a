"""Zone metadata: names and the shorter names maps label zones with."""

from __future__ import annotations

import pytest

from footviz import UnknownNameError


@pytest.mark.parametrize(
    ("zone", "lang", "label"),
    [
        ("big_toe_medial", "en", "Head"),
        ("big_toe_medial", "ru", "Голова"),
        ("sciatic_lateral", "en", "Sciatic nerve"),
        ("bladder_medial", "ru", "Мочевой пузырь"),
        ("kidney", "en", "Kidney"),  # no "(...)": the name itself
        ("ankle_dorsal", "en", "Ankle: hip and pelvic area"),
    ],
)
def test_label_drops_only_a_closing_where_on_the_foot(atlas, zone, lang, label):
    z = atlas.zone(zone)
    assert z.label(lang) == label
    assert z.name(lang).startswith(label)


def test_labels_still_tell_every_zone_of_an_aspect_apart(atlas):
    for aspect in atlas.aspects:
        for lang in ("en", "ru"):
            labels = [z.label(lang) for z in atlas.zones if aspect in z.aspects]
            assert len(labels) == len(set(labels)), (aspect, lang)


def test_label_names_the_bad_language(atlas):
    with pytest.raises(
        UnknownNameError, match=r"^lang: unknown language 'de'\. Allowed: 'en', 'ru'\.$"
    ):
        atlas.zone("kidney").label("de")
