"""Every sentence a handout prints, in English and Russian (plain data: no matplotlib).

The sentences live in one message catalog per language, ``texts/en.json`` and
``texts/ru.json`` (a translator edits those, not code); ``tests/handouts/test_content.py``
checks that both catalogs hold the same keys.

The facts come from the shared source text (its general massage advice and its two lists of
contraindications); the wording is the project's own.  The eight-step self-massage sequence is
atlas data (the technique ``"self-massage"``, geometry/techniques.py): :func:`texts` reads its
step texts from there, so its wording lives in one place.
The practice the page names follows the atlas (:func:`practice`): a reflexology atlas's pages
speak of reflexology, a Su Jok atlas's of Su Jok (:data:`PRACTICES`); either is described as a
traditional practice that complements medical care.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, TypedDict

from ..atlas.vocabulary import LANGUAGES


class Texts(TypedDict):
    """The texts of one language."""

    title_condition: str
    title_organs: str
    subtitle_condition: str
    subtitle_organs: str
    unresolved: str
    view: str
    key: str
    columns: tuple[str, str, str, str, str, str]
    feet: dict[str, str]
    steps_heading: str
    steps: tuple[str, ...]
    steps_after: str
    rules_heading: str
    rules: tuple[str, ...]
    contra_heading: str
    contra_intro: str
    contraindications: tuple[str, ...]
    contra_after: tuple[str, ...]
    disclaimer_heading: str
    disclaimer: str
    index_title: str
    index_intro: str
    index_page: str
    footer: str
    meta_subject: str
    continued: str
    continued_subtitle: str
    points_heading: str
    point_roles: dict[str, str]
    points_codes: str
    technique_subtitle: str
    technique_steps: str
    technique_cautions: str
    technique_cautions_intro: str
    technique_continued: str
    technique_meta: str


def _frozen(value: Any) -> Any:
    """JSON lists as tuples (the texts are read-only; tuples also say "a fixed sequence")."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    return value


def _catalogs() -> dict[str, dict[str, dict[str, Any]]]:
    """The message catalogs ``texts/<lang>.json``: for each language, the reflexology texts
    and, per other practice, the texts that name it instead."""
    folder = resources.files(__package__).joinpath("texts")
    return {
        lang: _frozen(json.loads(folder.joinpath(f"{lang}.json").read_text("utf-8")))
        for lang in LANGUAGES
    }


_CATALOGS = _catalogs()
#: The texts of each language (the self-massage steps are added by :func:`texts`).
TEXTS: dict[str, dict[str, Any]] = {lang: c["reflexology"] for lang, c in _CATALOGS.items()}
#: The texts that name the practice, for atlases of another practice than reflexology (the
#: defaults in :data:`TEXTS` are reflexology's).  Su Jok is a traditional practice too: its
#: pages keep the disclaimer, in its own name.
PRACTICES: dict[str, dict[str, dict[str, Any]]] = {
    name: {lang: _CATALOGS[lang][name] for lang in LANGUAGES}
    for name in _CATALOGS[LANGUAGES[0]]
    if name != "reflexology"
}


def practice(atlas: object) -> str:
    """The practice an atlas's pages name: ``"sujok"`` for the Su Jok atlases (by name, or a
    tradition that says Su Jok), else ``"reflexology"``."""
    name = str(getattr(atlas, "name", "") or "").casefold()
    info = getattr(atlas, "info", None)
    tradition = str(info.get("tradition", "")) if isinstance(info, dict) else ""
    if name.startswith("sujok") or tradition.casefold().startswith("su jok"):
        return "sujok"
    return "reflexology"


def texts(lang: str, practice: str = "reflexology") -> Texts:
    """The handout texts in ``lang`` ("en" or "ru"), the self-massage steps included, with
    the wording of ``practice`` (see :func:`practice`)."""
    from ..atlas.model import check_choice
    from ..atlas.techniques import technique

    lang = check_choice("language", lang, LANGUAGES, "lang")
    sequence = technique("self-massage")
    words = dict(TEXTS[lang])
    words.update(PRACTICES.get(practice, {}).get(lang, {}))
    words["steps"] = tuple(step.text(lang) for step in sequence.steps)
    words["steps_after"] = sequence.after(lang)
    return words  # type: ignore[return-value]
