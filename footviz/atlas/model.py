"""Value objects of the atlas: zones, zone shapes, organs, groups and conditions."""

from __future__ import annotations

from dataclasses import dataclass, field

from shapely.geometry import MultiPolygon

from .vocabulary import ASPECTS, FEET, LANGUAGES


def check_choice(kind: str, value: object, allowed: tuple[str, ...], parameter: str = "") -> str:
    """Return ``value`` if it is one of ``allowed``; raise a clear error otherwise.

    See :func:`footviz._internal.checks.check_choice` (this is the same function).
    """
    from .._internal.checks import check_choice as check

    return check(kind, value, allowed, parameter)


def check_place(foot: object, aspect: object) -> tuple[str | None, str | None]:
    """Check an optional foot and aspect filter; None stands for any foot or aspect."""
    return (
        None if foot is None else check_choice("foot", foot, FEET),
        None if aspect is None else check_choice("aspect", aspect, ASPECTS),
    )


@dataclass(frozen=True)
class Zone:
    """Metadata of one reflex zone (its geometry lives in :class:`ZoneShape`).

    Attributes
    ----------
    id : str
        Stable identifier, e.g. ``"heart"``.
    names : dict
        Display names by language code (``"en"``, ``"ru"``).
    organs : tuple of str
        Organ ids the zone reflects.
    system : str
        Body system id.
    feet : tuple of str
        Feet that carry the zone.
    aspects : tuple of str
        Aspects of the foot the zone lies on.
    groups : tuple of str
        Group ids (``"head"``, ``"intestines"`` ...).
    parent : str or None
        The zone this one nests inside.
    symmetric : bool
        Same shape on both feet in each foot's own frame (a promise the validator checks;
        ``False`` unless the atlas says so, as the loader reads it).
    notes : dict
        Short note by language code.
    provenance : str
        ``"source"`` or ``"charts"``.
    """

    id: str
    names: dict[str, str] = field(compare=False, hash=False)
    organs: tuple[str, ...]
    system: str
    feet: tuple[str, ...]
    aspects: tuple[str, ...]
    groups: tuple[str, ...] = ()
    parent: str | None = None
    symmetric: bool = False
    notes: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    provenance: str = ""

    def name(self, lang: str = "en") -> str:
        """Display name in ``lang`` ("en" or "ru")."""
        return self.names[check_choice("language", lang, LANGUAGES, "lang")]

    def label(self, lang: str = "en") -> str:
        """The name as a map labels it: without a closing "(...)" that says where on the foot
        the zone lies ("Head (inner side of the big toe)" -> "Head"), which the map shows."""
        name = self.name(lang)
        if name.endswith(")") and " (" in name:
            return name[: name.rindex(" (")]
        return name

    def note(self, lang: str = "en") -> str:
        """Short note in ``lang``."""
        return self.notes.get(check_choice("language", lang, LANGUAGES, "lang"), "")


class Placed:
    """What a zone shape and an acupoint position share: a ``key`` ``(name, foot, aspect)``,
    unique within an atlas, and its text form ``id``."""

    __slots__ = ()
    key: tuple[str, str, str]

    @property
    def id(self) -> str:
        """``"name/foot/aspect"``, e.g. ``"heart/left/plantar"`` or ``"KI1/left/plantar"``."""
        return "/".join(self.key)


@dataclass(frozen=True, eq=False, repr=False)
class ZoneShape(Placed):
    """The geometry of one zone on one foot and aspect (a MultiPolygon, in mm)."""

    zone: Zone
    foot: str
    aspect: str
    geometry: MultiPolygon

    @property
    def key(self) -> tuple[str, str, str]:
        """``(zone id, foot, aspect)``: unique within an atlas."""
        return (self.zone.id, self.foot, self.aspect)

    @property
    def area(self) -> float:
        """Area in mm²."""
        return float(self.geometry.area)

    @property
    def __geo_interface__(self) -> dict:
        """A GeoJSON-like Feature with the flat properties (see :mod:`footviz.atlas.geo`)."""
        from .geo import feature, zone_properties

        return feature(zone_properties(self), self.geometry)

    def __repr__(self) -> str:
        return f"ZoneShape({self.id!r}, area={self.area:.1f} mm²)"


@dataclass(frozen=True, init=False, repr=False, eq=False)  # each subclass makes its own
class _NamedRecord:
    """The fields an organ, a group and a condition share: an id, names and synonyms."""

    id: str
    names: dict[str, str] = field(compare=False, hash=False)
    synonyms: tuple[str, ...] = ()

    def name(self, lang: str = "en") -> str:
        """Display name in ``lang`` ("en" or "ru")."""
        return self.names[check_choice("language", lang, LANGUAGES, "lang")]


@dataclass(frozen=True)
class Organ(_NamedRecord):
    """An organ the atlas knows by name, whether or not a zone covers it yet."""

    side: str | None = None


@dataclass(frozen=True)
class Group(_NamedRecord):
    """A named set of organs (``"head"``, ``"genital areas"``, ``"intestines"`` ...)."""

    organs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """One entry of a condition row: an organ or a group."""

    kind: str  # "organ" or "group"
    id: str


@dataclass(frozen=True)
class Condition(_NamedRecord):
    """A row of the condition table: a condition and the organs or groups worked for it."""

    terms: tuple[Term, ...] = ()
    source_text: str = ""


def __getattr__(name: str) -> type:
    # Unresolved and ConditionZones, what condition lookups return, live in .answers: loading
    # an atlas does not need them, and every dataclass costs start-up time (issue 14)
    if name in ("Unresolved", "ConditionZones"):
        from . import answers

        return getattr(answers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
