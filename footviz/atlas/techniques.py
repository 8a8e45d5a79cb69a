"""Massage techniques as atlas data: techniques, their steps, and strokes drawn on the foot.

An atlas document may carry a ``techniques`` member (schema in geometry/README.md).
:class:`TechniqueSet` reads it; :class:`~footviz.atlas.core.Atlas` answers lookups through it.
Atlases without the member have no techniques.  A stroke is a polyline in its aspect's frame
(mm), the same on both feet in their own frames: a layer draws it over the aspect's outline.

Needs shapely only.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from shapely.geometry import LineString, Point

from .._internal.members import member_object
from .._internal.names import NameIndex
from ..errors import AtlasFormatError
from .model import check_choice
from .vocabulary import ASPECTS, FEET, LANGUAGES

__all__ = [
    "KINDS",
    "UNITS",
    "Dose",
    "Step",
    "Stroke",
    "Technique",
    "TechniqueSet",
    "technique",
    "techniques",
]

KINDS: tuple[str, ...] = ("stroke", "circle", "press", "caterpillar", "stretch", "knead", "rotate")
UNITS: tuple[str, ...] = ("times", "seconds")
KIND_NAMES: dict[str, dict[str, str]] = {
    "stroke": {"en": "stroke", "ru": "поглаживание"},
    "circle": {"en": "circles", "ru": "круговые движения"},
    "press": {"en": "press", "ru": "надавливание"},
    "caterpillar": {"en": "caterpillar walk", "ru": "«гусеница»"},
    "stretch": {"en": "stretch and pull", "ru": "растяжение"},
    "knead": {"en": "knead", "ru": "разминание"},
    "rotate": {"en": "rotate", "ru": "вращение"},
}


def _text(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, (list, tuple)) else ()


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


@dataclass(frozen=True)
class Dose:
    """How often or how long, as the source gives it.

    Attributes
    ----------
    min, max : float or None
        The range; ``max`` None means "at least" (or "about", with ``approx``) ``min``.
    unit : {"times", "seconds"}
    approx : bool
        The source says "about".
    """

    min: float | None
    max: float | None
    unit: str
    approx: bool = False

    @classmethod
    def from_record(cls, rec: Any) -> Dose | None:
        if not isinstance(rec, dict):
            return None
        low, high = _num(rec.get("min")), _num(rec.get("max"))
        return cls(low, high, str(rec.get("unit", "")), bool(rec.get("approx", False)))

    def to_record(self) -> dict[str, Any]:
        def out(v: float | None) -> float | int | None:
            return int(v) if v is not None and v.is_integer() else v

        low, high = out(self.min), out(self.max)
        return {"min": low, "max": high, "unit": self.unit, "approx": self.approx}

    @property
    def seconds(self) -> tuple[float | None, float | None] | None:
        """``(min, max)`` in seconds for a duration, None for repetitions."""
        return (self.min, self.max) if self.unit == "seconds" else None

    def text(self, lang: str = "en") -> str:
        """The dose in words: "5–9 times", "1–2 min", "about 3 s", "at least 3 min" ..."""
        words = _DOSE_WORDS[check_choice("language", lang, LANGUAGES, "lang")]
        unit, lo, hi = self.unit, self.min, self.max
        if lo is None or unit not in words:  # a malformed custom record: say what it holds
            return f"{lo}–{hi} {unit}"
        if (
            unit == "seconds"
            and all(v is None or v % 60 == 0 for v in (lo, hi))
            and (lo or 0) >= 60
        ):
            unit, lo, hi = "minutes", lo / 60 if lo else lo, hi / 60 if hi else hi
        span = f"{lo:g}" if hi is None else f"{lo:g}–{hi:g}"
        lead = ""
        if self.approx:
            lead = words["about"]
        elif hi is None and unit != "times":
            lead = words["at least"]
        return f"{lead}{span} {words[unit]}"

    def __str__(self) -> str:
        return self.text("en")


_DOSE_WORDS = {
    "en": {
        "times": "times",
        "seconds": "s",
        "minutes": "min",
        "about": "about ",
        "at least": "at least ",
    },
    "ru": {
        "times": "раз",
        "seconds": "с",
        "minutes": "мин",
        "about": "около ",
        "at least": "не менее ",
    },
}


@dataclass(frozen=True, eq=False, repr=False)
class Stroke:
    """One movement of the hand on one aspect.

    Attributes
    ----------
    kind : str
        One of :data:`KINDS`.
    aspect : str
        The aspect whose frame ``path`` is in.
    path : tuple of (x, y)
        The polyline in mm; its order is the direction.  For a press, the places pressed, in
        order; for a circle, knead or rotate, a closed loop whose turning sense is measured
        in the aspect's frame (x to the right, y up).
    direction : dict
        The direction in words, by language.
    dose : Dose or None
        Repetitions or duration, where the source gives them.
    """

    kind: str
    aspect: str
    path: tuple[tuple[float, float], ...]
    direction: dict[str, str] = field(default_factory=dict)
    dose: Dose | None = None

    @property
    def geometry(self) -> LineString | Point:
        """The path as a shapely LineString (a Point for a single press)."""
        return LineString(self.path) if len(self.path) > 1 else Point(self.path[0])

    @property
    def closed(self) -> bool:
        return len(self.path) > 2 and self.path[0] == self.path[-1]

    @property
    def turn(self) -> str | None:
        """ "anticlockwise" or "clockwise" for a closed loop (in the frame), else None."""
        if not self.closed:
            return None
        pts = self.path
        area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(pts))
        return "anticlockwise" if area > 0 else "clockwise"

    def kind_name(self, lang: str = "en") -> str:
        return KIND_NAMES.get(self.kind, {}).get(
            check_choice("language", lang, LANGUAGES, "lang"), self.kind
        )

    def describe(self, lang: str = "en") -> str:
        """The direction in words in ``lang``."""
        return self.direction.get(check_choice("language", lang, LANGUAGES, "lang"), "")

    def __repr__(self) -> str:
        dose = f", {self.dose}" if self.dose else ""
        return f"Stroke({self.kind!r} on {self.aspect}, {len(self.path)} vertices{dose})"


@dataclass(frozen=True, eq=False, repr=False)
class Step:
    """One step of a technique.

    Attributes
    ----------
    number : int
        1, 2, ... in the order of the technique.
    texts : dict
        What to do, by language (``"en"``, ``"ru"``).
    aspects : tuple of str
        Where it works.
    zones : tuple of str
        Zone ids its strokes cross (on either foot).
    points : tuple of str
        Codes of the acupoints its presses work.
    strokes : tuple of Stroke
    dose : Dose or None
        For the whole step, where the source gives one.
    exercise : bool
        An exercise of the foot itself (no strokes of the hands).
    """

    number: int
    texts: dict[str, str]
    aspects: tuple[str, ...] = ()
    zones: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    strokes: tuple[Stroke, ...] = ()
    dose: Dose | None = None
    exercise: bool = False

    def text(self, lang: str = "en") -> str:
        """What to do, in ``lang`` ("en" or "ru")."""
        return self.texts.get(check_choice("language", lang, LANGUAGES, "lang"), "")

    def on(self, aspect: str) -> tuple[Stroke, ...]:
        """The strokes on ``aspect``."""
        aspect = check_choice("aspect", aspect, ASPECTS)
        return tuple(s for s in self.strokes if s.aspect == aspect)

    def __repr__(self) -> str:
        return f"Step({self.number}, {len(self.strokes)} strokes on {', '.join(self.aspects)})"


@dataclass(frozen=True, eq=False, repr=False)
class Technique:
    """A massage technique of the source: names, intro, contraindications and its steps.

    Attributes
    ----------
    id : str
        ``"self-massage"``, ``"classical"``, ``"heel-spur"``, ``"hallux-valgus"``.
    names, intros, afters : dict
        Name, short introduction and closing note, by language.
    contraindications : dict
        Language -> tuple of notes, where the source gives them (may be empty).
    feet : tuple of str
        The feet it is done on (both, each in its own frame).
    steps : tuple of Step
    dose : Dose or None
        How long each step lasts unless it says otherwise.
    """

    id: str
    names: dict[str, str]
    intros: dict[str, str] = field(default_factory=dict)
    afters: dict[str, str] = field(default_factory=dict)
    contraindications: dict[str, tuple[str, ...]] = field(default_factory=dict)
    feet: tuple[str, ...] = FEET
    steps: tuple[Step, ...] = ()
    dose: Dose | None = None
    synonyms: tuple[str, ...] = ()
    source_section: str = ""
    provenance: str = ""

    def name(self, lang: str = "en") -> str:
        return self.names.get(check_choice("language", lang, LANGUAGES, "lang")) or self.id

    def intro(self, lang: str = "en") -> str:
        return self.intros.get(check_choice("language", lang, LANGUAGES, "lang"), "")

    def after(self, lang: str = "en") -> str:
        return self.afters.get(check_choice("language", lang, LANGUAGES, "lang"), "")

    def cautions(self, lang: str = "en") -> tuple[str, ...]:
        """The contraindication notes in ``lang``."""
        return self.contraindications.get(check_choice("language", lang, LANGUAGES, "lang"), ())

    @property
    def strokes(self) -> tuple[Stroke, ...]:
        """Every stroke of every step, in order."""
        return tuple(s for step in self.steps for s in step.strokes)

    def on(self, aspect: str) -> tuple[tuple[Step, Stroke], ...]:
        """Every ``(step, stroke)`` on ``aspect``, in order: what a layer of that aspect draws."""
        aspect = check_choice("aspect", aspect, ASPECTS)
        return tuple((step, s) for step in self.steps for s in step.strokes if s.aspect == aspect)

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def __repr__(self) -> str:
        return f"Technique({self.id!r}: {self.name('en')}, {len(self.steps)} steps)"


def _stroke(rec: Any, where: str) -> Stroke:
    if not isinstance(rec, dict):
        raise AtlasFormatError(f"{where}: a stroke must be an object")
    path = rec.get("path")
    try:
        pts = tuple((float(x), float(y)) for x, y in path)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        raise AtlasFormatError(f"{where}: 'path' must be a list of [x, y] pairs") from None
    if not pts:
        raise AtlasFormatError(f"{where}: 'path' is empty")
    return Stroke(
        kind=str(rec.get("kind", "")),
        aspect=str(rec.get("aspect", "")),
        path=pts,
        direction=_text(rec.get("direction")),
        dose=Dose.from_record(rec.get("dose")),
    )


def _technique(tid: str, rec: Any) -> Technique:
    if not isinstance(rec, dict):
        raise AtlasFormatError(f"techniques: {tid!r} must be an object")
    steps = []
    raw_steps = rec.get("steps") if isinstance(rec.get("steps"), list) else []
    for i, s in enumerate(raw_steps, start=1):
        if not isinstance(s, dict):
            raise AtlasFormatError(f"techniques: {tid} step {i} must be an object")
        raw_strokes = s.get("strokes") if isinstance(s.get("strokes"), list) else []
        steps.append(
            Step(
                number=int(_num(s.get("number")) or i),
                texts=_text(s.get("text")),
                aspects=_strs(s.get("aspects")),
                zones=_strs(s.get("zones")),
                points=_strs(s.get("points")),
                strokes=tuple(
                    _stroke(k, f"techniques: {tid} step {i} stroke {j}")
                    for j, k in enumerate(raw_strokes, start=1)
                ),
                dose=Dose.from_record(s.get("dose")),
                exercise=bool(s.get("exercise", False)),
            )
        )
    contra = rec.get("contraindications") if isinstance(rec.get("contraindications"), dict) else {}
    return Technique(
        id=tid,
        names=_text(rec.get("name")),
        intros=_text(rec.get("intro")),
        afters=_text(rec.get("after")),
        contraindications={str(k): _strs(v) for k, v in contra.items()},
        feet=_strs(rec.get("feet")) or FEET,
        steps=tuple(steps),
        dose=Dose.from_record(rec.get("dose")),
        synonyms=_strs(rec.get("synonyms")),
        source_section=str(rec.get("source_section", "")),
        provenance=str(rec.get("provenance", "")),
    )


class TechniqueSet:
    """The techniques of one atlas and their name index.

    Parameters
    ----------
    member : mapping or None
        The document's ``footviz.techniques`` member (None: no techniques).
    """

    def __init__(self, member: Mapping[str, Any] | None) -> None:
        self.raw: dict[str, Any] = member_object(member, "techniques")
        member = self.raw
        table = member.get("techniques", {})
        if not isinstance(table, dict):
            raise AtlasFormatError("footviz.techniques: 'techniques' must be an object")
        self.techniques: dict[str, Technique] = {t: _technique(t, r) for t, r in table.items()}
        self.index = NameIndex(
            "technique",
            {t.id: (*t.names.values(), *t.synonyms) for t in self.techniques.values()},
        )

    def get(self, name: object) -> Technique:
        """The technique an id or name (English or Russian) stands for; did-you-mean otherwise."""
        return self.techniques[self.index.resolve(name)]

    def __len__(self) -> int:
        return len(self.techniques)


def scale_member(member: Any, sx: float, sy: float, sh: float) -> None:
    """Scale every stroke of a ``techniques`` member in place: x by ``sx`` on the sole and the
    top, by ``sh`` on the side profiles (the height); y by ``sy``."""
    if not isinstance(member, dict) or not isinstance(member.get("techniques"), dict):
        return
    if isinstance(member.get("foot_length"), (int, float)):
        member["foot_length"] = float(member["foot_length"]) * sy
    for rec in member["techniques"].values():
        for step in rec.get("steps") or () if isinstance(rec, dict) else ():
            for s in step.get("strokes") or () if isinstance(step, dict) else ():
                if not isinstance(s, dict) or not isinstance(s.get("path"), list):
                    continue
                across = sh if s.get("aspect") in ("medial", "lateral") else sx
                s["path"] = [[x * across, y * sy] for x, y in s["path"]]


def _atlas(atlas: Any) -> Any:
    from .core import Atlas, load_atlas

    return atlas if isinstance(atlas, Atlas) else load_atlas(atlas)


def techniques(atlas: Any = "reflexology") -> tuple[Technique, ...]:
    """Every technique of ``atlas`` (default: the built-in one), in atlas order.

    >>> [t.id for t in techniques()]
    ['self-massage', 'classical', 'heel-spur', 'hallux-valgus']
    """
    return _atlas(atlas).techniques()


def technique(name: str, atlas: Any = "reflexology") -> Technique:
    """The technique ``name`` (id, English or Russian name) of ``atlas``.

    Raises
    ------
    UnknownNameError
        For an unknown name, with close spellings.
    """
    return _atlas(atlas).technique(name)
