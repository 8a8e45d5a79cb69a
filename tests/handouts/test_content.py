"""footviz.handouts.content: the words of a page, the same in both languages, cautious."""

from __future__ import annotations

import re

import pytest

from footviz.handouts import texts


def test_both_languages_say_the_same_things():
    en, ru = texts("en"), texts("ru")
    assert en.keys() == ru.keys()
    for key, value in en.items():
        if isinstance(value, (tuple, dict)):
            assert len(value) == len(ru[key]), key
    assert len(en["steps"]) == 8  # the source's eight-step sequence


def test_the_catalogs_hold_the_same_keys_for_every_practice():
    from footviz.handouts.content import PRACTICES, TEXTS, Texts

    assert TEXTS.keys() == {"en", "ru"}
    # every field of Texts but the two read from the atlas's self-massage technique
    assert set(TEXTS["en"]) == set(Texts.__annotations__) - {"steps", "steps_after"}
    assert TEXTS["en"].keys() == TEXTS["ru"].keys()
    assert PRACTICES["sujok"]["en"].keys() == PRACTICES["sujok"]["ru"].keys()
    assert set(PRACTICES["sujok"]["en"]) < set(TEXTS["en"])
    assert isinstance(TEXTS["ru"]["rules"], tuple)  # read-only sequences, as before


def test_texts_checks_the_language():
    assert texts("ru")["key"] == "Пояснения к карте"
    with pytest.raises(Exception, match="language"):
        texts("de")


CLAIMS = {
    "en": re.compile(r"\b(cures?|heals?|healing|treats?|guarantee)\b", re.I),
    "ru": re.compile(r"(излеч|вылеч|исцел|гаранти)", re.I),
}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    else:
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_claim_of_a_cure_in_our_own_voice(lang):
    words = texts(lang)
    found = [s for s in _strings(dict(words)) if CLAIMS[lang].search(s)]
    # the only "treat" is the disclaimer saying reflexology is *not* a way to treat disease
    assert found == ([words["disclaimer"]] if lang == "en" else []), found
    traditional = {"en": "traditional practice", "ru": "традиционная практика"}[lang]
    assert traditional in words["disclaimer"]
    assert words["contra_heading"] in words["disclaimer"]  # it points the reader there


# each contraindication of the source (both of its lists), and where our list has it
SOURCE_CONTRAINDICATIONS = {
    "skin damage at the site": "damaged skin",
    "oncological diseases": "cancer",
    "bleeding disorders": "bleeding disorders",
    "diabetic foot": "diabetic foot",
    "decompensation of heart disease": "decompensated heart disease",
    "acute inflammation": "acute inflammation",
    "Tumors": "tumours",
    "Inflammation of the joints": "inflamed joints",
    "Infectious diseases": "infectious diseases",
    "Varicose veins": "varicose veins",
    "Tuberculosis": "tuberculosis",
    "fungal infection, warts or large moles": "a fungal infection, warts or large moles",
    "Acute phase of mental disorders": "an acute phase of a mental disorder",
    "pregnancy and lactation": "Pregnancy and breastfeeding",
}


def test_contraindications_cover_the_source(source_text):
    en = " ".join([*texts("en")["contraindications"], *texts("en")["contra_after"]])
    for theirs, ours in SOURCE_CONTRAINDICATIONS.items():
        assert theirs.casefold() in source_text.casefold(), theirs
        assert ours in en, ours


def test_the_practice_follows_the_atlas(atlas):
    from footviz import load_atlas
    from footviz.handouts.content import practice

    assert practice(atlas) == "reflexology"
    assert practice(load_atlas("sujok")) == practice(load_atlas("sujok-insect")) == "sujok"
    for lang in ("en", "ru"):
        own, su = texts(lang), texts(lang, "sujok")
        assert set(own) == set(su)
        changed = {k for k in own if own[k] != su[k]}
        assert changed == {"subtitle_organs", "disclaimer", "index_title", "meta_subject"}
    assert texts("en", "sujok")["disclaimer"].startswith("Su Jok is a traditional practice.")
