"""What a handout page shows: a condition of the source's table, or chosen organs and zones.

Resolves names against the atlas and numbers the zones in atlas order (toes to heel), so the
page never depends on the order the names were given in.  No matplotlib at import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..atlas import Atlas
from ..atlas.model import ZoneShape
from ..errors import UnknownNameError
from ..render.style import CAPTIONS
from .content import practice, texts


@dataclass(frozen=True)
class KeyRow:
    """One row of the key table: a numbered zone and where it lies."""

    number: int
    zone: str
    organs: str
    foot: str
    aspect: str
    note: str
    zone_id: str


@dataclass(frozen=True)
class PointRow:
    """One acupoint the page lists: its code, name and note in the page's language, and the
    source role its marker shows (``None`` for a point without one)."""

    code: str
    name: str
    note: str
    role: str | None


@dataclass(frozen=True)
class Subject:
    """Everything one handout page is about, already in the page's language."""

    title: str
    subtitle: str
    rows: tuple[KeyRow, ...]
    marks: tuple[tuple[int, ZoneShape], ...]  # (number, shape) for every highlighted shape
    unresolved: tuple[str, ...]  # organ names with no zone in this atlas (shown as text)
    lang: str
    ident: str  # condition id or "organs"
    practice: str = "reflexology"  # the wording of the atlas's practice (content.practice)
    points: Any = None  # the acupoints drawn on the map (render.points.PointSelection), or None
    point_rows: tuple[PointRow, ...] = ()  # the points listed below the key, in atlas order


def short_note(note: str) -> str:
    """The first sentence of a zone's note: where the zone lies."""
    head, sep, _rest = note.partition(". ")
    return head + "." if sep else note


def shorter_note(note: str) -> str:
    """The key's fallback for a crowded page: a short note up to its first semicolon."""
    head, sep, _rest = note.partition("; ")
    return head + "." if sep else note


def _rows(atlas: Atlas, shapes: Iterable[ZoneShape], lang: str):
    words = texts(lang)
    keys = {s.key for s in shapes}
    ordered = [s for s in atlas if s.key in keys]  # atlas order: toes to heel
    numbers: dict[str, int] = {}
    for s in ordered:
        numbers.setdefault(s.zone.id, len(numbers) + 1)
    rows = []
    for zone_id, number in numbers.items():
        mine = [s for s in ordered if s.zone.id == zone_id]
        zone = mine[0].zone
        feet = sorted({s.foot for s in mine})
        foot = words["feet"]["both"] if len(feet) == 2 else words["feet"][feet[0]]
        aspects = sorted({s.aspect for s in mine})
        organs = ", ".join(atlas.organs[o].name(lang) for o in zone.organs if o in atlas.organs)
        rows.append(
            KeyRow(
                number,
                zone.name(lang),
                organs,
                foot,
                ", ".join(CAPTIONS[lang][a] for a in aspects),
                short_note(zone.note(lang)),
                zone.id,
            )
        )
    marks = tuple((numbers[s.zone.id], s) for s in ordered)
    return tuple(rows), marks


def system_name(atlas: Atlas, lang: str) -> str:
    """How the page names the atlas's system: its own title in ``lang`` ("Foot reflex zones",
    "Su Jok: the standard system on the foot"), else its name."""
    return atlas.title(lang) or atlas.name


def _organs_title(atlas: Atlas, lang: str, names: list[str]) -> str:
    system = system_name(atlas, lang)
    sep = " \u2014 " if ":" in system else ": "  # never two colons in one title
    return texts(lang, practice(atlas))["title_organs"].format(
        system=system, sep=sep, names=", ".join(names)
    )


def condition_subject(atlas: Atlas, name: str, lang: str = "en") -> Subject:
    """The page for a condition of the source's table (``"migraine"``, ``"Обмороки"`` ...)."""
    words = texts(lang, practice(atlas))
    found = atlas.for_condition(name)
    rows, marks = _rows(atlas, found.shapes, lang)
    missing = tuple(
        dict.fromkeys(
            atlas.organs[u.organ].name(lang) if u.organ in atlas.organs else u.organ
            for u in found.unresolved
        )
    )
    cond_name = found.condition.name(lang)
    return Subject(
        title=words["title_condition"].format(name=cond_name, system=system_name(atlas, lang)),
        subtitle=words["subtitle_condition"],
        rows=rows,
        marks=marks,
        unresolved=missing,
        lang=lang,
        ident=found.condition.id,
        practice=practice(atlas),
    )


def _display_name(atlas: Atlas, name: str, lang: str) -> tuple[str, tuple[str, ...]]:
    """The display name of a zone/organ/group/condition name and the organs it leaves unmapped."""
    for getter in (atlas.zone, atlas.organ, atlas.group, atlas.condition):
        try:
            item = getter(name)
        except UnknownNameError:
            continue
        if hasattr(item, "terms") or hasattr(item, "feet"):
            return item.name(lang), ()
        organ_ids = getattr(item, "organs", None) or (item.id,)
        unmapped = tuple(
            atlas.organs[o].name(lang)
            for o in organ_ids
            if o in atlas.organs and not atlas.organ_zones(o)
        )
        return item.name(lang), unmapped
    atlas.lookup(name)  # raises UnknownNameError with suggestions from every kind
    raise AssertionError("unreachable")  # pragma: no cover


def organs_subject(
    atlas: Atlas, names: Iterable[str], lang: str = "en", title: str | None = None
) -> Subject:
    """The page for chosen organs, zones or groups (``["heart", "liver"]`` ...)."""
    words = texts(lang, practice(atlas))
    names = list(names)
    if not names:
        raise ValueError("give at least one organ or zone name")
    shapes: dict[tuple[str, str, str], ZoneShape] = {}
    display: dict[str, None] = {}
    missing: dict[str, None] = {}
    for name in names:
        for s in atlas.lookup(name):
            shapes[s.key] = s
        shown, unmapped = _display_name(atlas, name, lang)
        display[shown[:1].upper() + shown[1:]] = None  # "Heart, Liver, Spine" alike
        missing.update(dict.fromkeys(unmapped))
    rows, marks = _rows(atlas, shapes.values(), lang)
    listed = sorted(display)  # sorted: the page does not depend on the order given
    return Subject(
        title=title or _organs_title(atlas, lang, listed),
        subtitle=words["subtitle_organs"],
        rows=rows,
        marks=marks,
        unresolved=tuple(sorted(missing)),
        lang=lang,
        ident="organs",
        practice=practice(atlas),
    )


def point_rows(atlas: Atlas, selection: Any, lang: str) -> tuple[PointRow, ...]:
    """The rows of the acupoints of ``selection`` (a
    :class:`~footviz.render.points.PointSelection`), once per code in atlas order: the code,
    the name in ``lang`` (English names followed by the pinyin), the note and the role."""
    from ..render.points import point_role

    rows: dict[str, PointRow] = {}
    for s in atlas.points():
        if s.code in rows or s.code not in selection:
            continue
        name = s.name(lang)
        pinyin = s.name("pinyin")
        if lang == "en" and pinyin and pinyin.casefold() != name.casefold():
            name = f"{name} ({pinyin})"
        rows[s.code] = PointRow(s.code, name, s.note(lang), point_role(s))
    return tuple(rows.values())


def with_points(atlas: Atlas, subject: Subject, points: Any) -> Subject:
    """``subject`` with the acupoints ``points`` stands for (as ``plot(points=...)`` takes
    it: True, a meridian, point or role name, or a list of them) drawn and listed.

    Raises the errors of :func:`footviz.render.points.resolve_points` (an unknown name with
    close spellings, a point off the foot, a value of the wrong type), and
    :class:`~footviz.errors.NotInAtlasError` for an atlas without acupoints (Su Jok).
    """
    import dataclasses

    from ..render.points import resolve_points

    selection = resolve_points(atlas, points)
    if selection is None:
        return subject
    rows = point_rows(atlas, selection, subject.lang)
    if not rows:  # never a page that silently leaves out what was asked for
        from ..errors import NotInAtlasError

        raise NotInAtlasError(f"points: the atlas {atlas.name!r} holds no acupoints to draw")
    return dataclasses.replace(subject, points=selection, point_rows=rows)
