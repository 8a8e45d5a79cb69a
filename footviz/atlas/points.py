"""Acupoints as atlas data: point records, their positions per foot and aspect, meridians.

An atlas document may carry an ``acupoints`` member (schema in geometry/README.md) and one
GeoJSON Point feature (``"kind": "point"``) per (point, foot, aspect).  :class:`PointSet`
reads both; :class:`~footviz.atlas.core.Atlas` answers lookups and hit tests through it.
Atlases without the member simply have no points.

Needs numpy and shapely only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from shapely.geometry import Point

from .._internal.checks import check_real
from .._internal.members import member_object
from .._internal.names import NameIndex
from ..errors import AtlasFormatError, FootvizError, NotInAtlasError
from .model import Placed, check_choice
from .parse import as_tuple
from .vocabulary import ASPECTS, FEET

__all__ = [
    "POINT_LANGUAGES",
    "ROLES",
    "AcuPoint",
    "IndexArray",
    "Meridian",
    "PointSet",
    "PointShape",
]

# The source's three words first, then the classical types.
SOURCE_ROLES: tuple[str, ...] = ("harmonising", "exciting", "calming")
CLASSICAL_ROLES: tuple[str, ...] = (
    "well",
    "spring",
    "stream",
    "river",
    "source",
    "luo",
    "xi",
    "confluent",
    "tonification",
    "sedation",
    "horary",
    "entry",
    "exit",
)
ROLES: tuple[str, ...] = SOURCE_ROLES + CLASSICAL_ROLES
# Other spellings a user may type for a role (English variants, Chinese and Russian terms).
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "harmonising": ("harmonizing", "harmonisation", "balancing", "гармонизирующая"),
    "exciting": ("excitation", "stimulating", "возбуждающая", "тонизирующая"),
    "calming": ("calm", "soothing", "успокаивающая"),
    "well": ("jing-well", "jing well", "jing"),
    "spring": ("ying-spring", "ying spring", "ying"),
    "stream": ("shu-stream", "shu stream", "shu"),
    "river": ("jing-river", "jing river"),
    "source": ("yuan-source", "yuan source", "yuan"),
    "luo": ("luo-connecting", "connecting"),
    "xi": ("xi-cleft", "cleft", "accumulation"),
    "confluent": ("confluent point", "opening point", "master point"),
    "tonification": ("tonifying", "tonification point"),
    "sedation": ("sedating", "dispersing", "sedation point"),
    "horary": ("horary point",),
    "entry": ("entry point",),
    "exit": ("exit point",),
}
# Names come in English, Russian and pinyin; notes in English and Russian.
POINT_LANGUAGES: tuple[str, ...] = ("en", "ru", "pinyin")
NOTE_LANGUAGES: tuple[str, ...] = ("en", "ru")
# Older prefixes of the standard codes still printed in many charts.
LEGACY_PREFIXES: dict[str, tuple[str, ...]] = {
    "LR": ("LIV", "LV"),
    "KI": ("K",),
    "BL": ("UB", "B"),
    "SP": ("SPL",),
}
_CODE = re.compile(r"^([A-Z]+)(\d+)$")
IndexArray = np.ndarray  # what hit_points_many returns: indices into atlas.points(foot, aspect)


def _text_map(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


@dataclass(frozen=True, repr=False)
class AcuPoint:
    """One acupoint: what it is, wherever it lies (its positions live in :class:`PointShape`).

    Attributes
    ----------
    code : str
        Standard code (``"KI1"``, ``"EX-LE10-1"``, ``"Lineiting"``).
    names : dict
        Names by language: ``"en"``, ``"ru"`` and ``"pinyin"``.
    meridian : str or None
        Meridian id (``"kidney"``); None for extra points.
    order : int
        Number along the meridian (KI1 is 1, BL67 is 67).
    feet, aspects : tuple of str
        Where the point shows; both empty for a point off the foot.
    radius : float or None
        Radius in mm on the atlas's reference foot (None off the foot).
    roles : tuple of str
        Roles from :data:`ROLES`: the source's words and the classical types.
    notes : dict
        Short note by language (``"en"``, ``"ru"``).
    provenance : str
        ``"source"``, ``"charts"`` or ``"custom"``.
    on_foot : bool
        False for a meridian's role point that lies off the foot (no position).
    where : dict
        For a point off the foot: where it lies, by language.
    """

    code: str
    names: dict[str, str] = field(compare=False, hash=False)
    meridian: str | None
    order: int
    feet: tuple[str, ...] = ()
    aspects: tuple[str, ...] = ()
    radius: float | None = None
    roles: tuple[str, ...] = ()
    notes: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    provenance: str = ""
    on_foot: bool = True
    where: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def name(self, lang: str = "en") -> str:
        """The name in ``lang``: "en" (English), "ru" (Russian) or "pinyin"."""
        lang = check_choice("language", lang, POINT_LANGUAGES)
        return self.names.get(lang) or self.code

    def note(self, lang: str = "en") -> str:
        """The short note in ``lang`` ("en" or "ru"); for a point off the foot, where it lies."""
        lang = check_choice("language", lang, NOTE_LANGUAGES)
        return self.notes.get(lang) or self.where.get(lang, "")

    def has_role(self, role: str) -> bool:
        """True when the point holds ``role`` (one of :data:`ROLES` or a synonym)."""
        return _role_index().resolve(role) in self.roles

    def __repr__(self) -> str:
        where = "" if self.on_foot else f", off the foot ({self.where.get('en', '?')})"
        roles = ", ".join(self.roles) or "-"
        return f"AcuPoint({self.code!r} {self.names.get('pinyin', '')}, roles: {roles}{where})"


@dataclass(frozen=True, eq=False, repr=False)
class PointShape(Placed):
    """An acupoint's position on one foot and aspect: a shapely Point and a radius (mm)."""

    point: AcuPoint
    foot: str
    aspect: str
    geometry: Point
    radius: float

    @property
    def code(self) -> str:
        return self.point.code

    @property
    def meridian(self) -> str | None:
        return self.point.meridian

    @property
    def roles(self) -> tuple[str, ...]:
        return self.point.roles

    @property
    def order(self) -> int:
        return self.point.order

    @property
    def provenance(self) -> str:
        return self.point.provenance

    @property
    def key(self) -> tuple[str, str, str]:
        """``(code, foot, aspect)``: unique within an atlas."""
        return (self.point.code, self.foot, self.aspect)

    @property
    def __geo_interface__(self) -> dict:
        """A GeoJSON-like Point Feature with the flat properties (see :mod:`footviz.atlas.geo`)."""
        from .geo import feature, point_properties

        return feature(point_properties(self), self.geometry)

    def name(self, lang: str = "en") -> str:
        """The point's name in ``lang`` ("en", "ru" or "pinyin")."""
        return self.point.name(lang)

    def note(self, lang: str = "en") -> str:
        """The point's short note in ``lang`` ("en" or "ru")."""
        return self.point.note(lang)

    def has_role(self, role: str) -> bool:
        return self.point.has_role(role)

    def __repr__(self) -> str:
        g = self.geometry
        return f"PointShape({self.id!r}, x={g.x:.1f}, y={g.y:.1f}, radius={self.radius:.1f} mm)"


@dataclass(frozen=True, repr=False)
class Meridian:
    """A meridian and its points in order, including role points that lie off the foot.

    Attributes
    ----------
    id : str
        ``"kidney"``, ``"liver"`` ...
    code : str
        Code prefix of its points (``"KI"``).
    names : dict
        Names by language (``"en"``, ``"ru"``, ``"pinyin"``).
    points : tuple of AcuPoint
        In order along the meridian: its foot points and its role points off the foot
        (``on_foot`` False, no position).
    roles : dict
        Role -> point codes, as the meridian's table gives them (the source's three words
        included: "exciting" is the tonification point, "calming" the sedation point,
        "harmonising" the meridian's first or last point where that lies on the foot).
    """

    id: str
    code: str
    names: dict[str, str] = field(compare=False, hash=False)
    points: tuple[AcuPoint, ...] = ()
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    element: str = ""
    polarity: str = ""
    flow: str = ""
    provenance: str = ""

    def name(self, lang: str = "en") -> str:
        """The meridian's name in ``lang`` ("en", "ru" or "pinyin")."""
        return self.names.get(check_choice("language", lang, POINT_LANGUAGES)) or self.id

    def role_points(self, role: str) -> tuple[AcuPoint, ...]:
        """The points that hold ``role`` on this meridian, on the foot or off it."""
        role = _role_index().resolve(role)
        codes = self.roles.get(role, ())
        return tuple(p for p in self.points if p.code in codes)

    @property
    def on_foot(self) -> tuple[AcuPoint, ...]:
        return tuple(p for p in self.points if p.on_foot)

    @property
    def off_foot(self) -> tuple[AcuPoint, ...]:
        return tuple(p for p in self.points if not p.on_foot)

    def __iter__(self):
        return iter(self.points)

    def __repr__(self) -> str:
        codes = " ".join(p.code if p.on_foot else f"({p.code})" for p in self.points)
        return f"Meridian({self.id!r}, {self.code}: {codes})"

    def __len__(self) -> int:
        return len(self.points)


_ROLE_INDEX: list[NameIndex] = []


def _role_index() -> NameIndex:
    if not _ROLE_INDEX:
        _ROLE_INDEX.append(NameIndex("role", {r: ROLE_SYNONYMS.get(r, ()) for r in ROLES}))
    return _ROLE_INDEX[0]


def resolve_role(role: object) -> str:
    """The role id ``role`` stands for; :class:`UnknownNameError` with suggestions otherwise."""
    return _role_index().resolve(role)


def code_spellings(code: str) -> tuple[str, ...]:
    """Ways of writing a standard code: ``KI1``, ``KI 1``, ``K1`` and ``K 1``."""
    match = _CODE.match(code.upper())
    if not match:
        return ()
    prefix, number = match.groups()
    out = [f"{prefix} {number}"]
    for old in LEGACY_PREFIXES.get(prefix, ()):
        out += [f"{old}{number}", f"{old} {number}"]
    return tuple(out)


def _tolerance(value: object) -> float:
    return check_real("tolerance", value, low=0.0, unit="mm")


def _order(value: Any) -> int:
    """A point's number along its meridian (0 when the document gives none)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return 0
    return int(value)


def _record(code: str, rec: Any, radius_scale: float) -> AcuPoint:
    if not isinstance(rec, dict):
        raise AtlasFormatError(f"acupoints: point {code!r} must be an object")
    radius = rec.get("radius")
    return AcuPoint(
        code=code,
        names=_text_map(rec.get("name")),
        meridian=rec.get("meridian") if isinstance(rec.get("meridian"), str) else None,
        order=_order(rec.get("order")),
        feet=as_tuple(rec.get("feet")),
        aspects=as_tuple(rec.get("aspects")),
        radius=float(radius) * radius_scale if isinstance(radius, (int, float)) else None,
        roles=as_tuple(rec.get("roles")),
        notes=_text_map(rec.get("note")),
        provenance=str(rec.get("provenance", "")),
    )


class PointSet:
    """The acupoints of one atlas: records, meridians, positions, name indexes, hit tests.

    Parameters
    ----------
    member : mapping or None
        The document's ``footviz.acupoints`` member (None: no points).
    foot_length : float or None
        The atlas's foot length; radii, given for ``member["foot_length"]``, scale with it.
    """

    def __init__(self, member: Mapping[str, Any] | None, foot_length: float | None) -> None:
        self.raw: dict[str, Any] = member_object(member, "acupoints")
        member = self.raw
        ref = member.get("foot_length")
        scale = 1.0
        if isinstance(ref, (int, float)) and ref > 0 and isinstance(foot_length, (int, float)):
            scale = float(foot_length) / float(ref)
        self.radius_scale = scale
        points = member.get("points") or {}
        meridians = member.get("meridians") or {}
        if not isinstance(points, dict) or not isinstance(meridians, dict):
            raise AtlasFormatError("footviz.acupoints: 'points' and 'meridians' must be objects")
        self.records: dict[str, AcuPoint] = {c: _record(c, r, scale) for c, r in points.items()}
        self.meridian_records: dict[str, dict[str, Any]] = {}
        self.off_foot: dict[str, AcuPoint] = {}
        self.meridians: dict[str, Meridian] = {}
        for mid, m in meridians.items():
            if not isinstance(m, dict):
                raise AtlasFormatError(f"acupoints: meridian {mid!r} must be an object")
            self.meridian_records[mid] = m
            off = m.get("off_foot") or {}
            for code, rec in off.items() if isinstance(off, dict) else ():
                rec = rec if isinstance(rec, dict) else {}
                self.off_foot.setdefault(
                    code,
                    AcuPoint(
                        code=code,
                        names=_text_map(rec.get("name")),
                        meridian=mid,
                        order=_order(rec.get("order")),
                        roles=as_tuple(rec.get("roles")),
                        provenance=str(m.get("provenance", "")),
                        on_foot=False,
                        where=_text_map(rec.get("where")),
                    ),
                )
            listed = [self.records[c] for c in as_tuple(m.get("points")) if c in self.records]
            listed += [self.off_foot[c] for c in off if c in self.off_foot]
            roles = m.get("roles") if isinstance(m.get("roles"), dict) else {}
            self.meridians[mid] = Meridian(
                id=mid,
                code=str(m.get("code", "")),
                names=_text_map(m.get("name")),
                points=tuple(sorted(listed, key=lambda p: p.order)),
                roles={str(r): as_tuple(c) for r, c in roles.items()},
                element=str(m.get("element", "")),
                polarity=str(m.get("polarity", "")),
                flow=str(m.get("flow", "")),
                provenance=str(m.get("provenance", "")),
            )
        self.shapes: dict[tuple[str, str, str], PointShape] = {}
        self.duplicates: list[tuple[str, str, str]] = []
        self._arrays: dict[tuple[str, str], tuple[tuple[PointShape, ...], np.ndarray]] = {}

    # ------------------------------------------------------------------ loading
    def add_feature(self, where: str, props: Mapping[str, Any], geom: Any, problems: list) -> None:
        """Take one ``"kind": "point"`` feature (called by the atlas loader)."""
        if not isinstance(geom, Point) or geom.is_empty:
            raise AtlasFormatError(f"{where}: a point feature needs a Point geometry")
        code = props.get("point")
        if code not in self.records:
            problems.append((where, f"point {code!r} has no entry in footviz.acupoints.points"))
            return
        key = (str(code), str(props["foot"]), str(props["aspect"]))
        if key in self.shapes:
            self.duplicates.append(key)
            problems.append((where, f"second position for {'/'.join(key)}"))
            return
        radius = self.records[code].radius or 0.0
        self.shapes[key] = PointShape(self.records[code], key[1], key[2], geom, radius)

    # ------------------------------------------------------------------ names
    @property
    def all_records(self) -> dict[str, AcuPoint]:
        """Every point record, on the foot first, then the meridians' points off the foot."""
        out = dict(self.records)
        for code, rec in self.off_foot.items():
            out.setdefault(code, rec)
        return out

    def _point_index(self) -> NameIndex:
        index = self.__dict__.get("_pindex")
        if index is None:
            index = NameIndex(
                "point",
                {
                    c: (
                        *code_spellings(c),
                        *(p.names.get(k, "") for k in POINT_LANGUAGES),
                        p.names.get("ru", "").replace("-", ""),  # "Юнцюань" as well
                    )
                    for c, p in self.all_records.items()
                },
            )
            self.__dict__["_pindex"] = index
        return index

    def _meridian_index(self) -> NameIndex:
        index = self.__dict__.get("_mindex")
        if index is None:
            spellings = {}
            for mid, m in self.meridians.items():
                rec = self.meridian_records[mid]
                spellings[mid] = (m.code, *m.names.values(), *as_tuple(rec.get("synonyms")))
            index = NameIndex("meridian", spellings)
            self.__dict__["_mindex"] = index
        return index

    def record(self, name: object) -> AcuPoint:
        """The point a code or name (any language) stands for, on or off the foot."""
        return self.all_records[self._point_index().resolve(name)]

    def meridian(self, name: object) -> Meridian:
        """The meridian an id, code or name stands for."""
        return self.meridians[self._meridian_index().resolve(name)]

    # ------------------------------------------------------------------ queries
    def matching(
        self, foot: str | None, aspect: str | None, mid: str | None, role: str | None
    ) -> tuple[PointShape, ...]:
        """Positions on ``foot`` / ``aspect``, of meridian id ``mid``, with role id ``role``
        (already checked names; None matches any); :meth:`Atlas.points` checks the names."""
        return tuple(
            s
            for s in self.shapes.values()
            if (foot is None or s.foot == foot)
            and (aspect is None or s.aspect == aspect)
            and (mid is None or s.point.meridian == mid)
            and (role is None or role in s.point.roles)
        )

    def position(self, name: object, foot: str, aspect: str | None) -> PointShape:
        rec = self.record(name)
        foot = check_choice("foot", foot, FEET)
        if not rec.on_foot:
            meridian = self.meridians.get(rec.meridian or "")
            whose = f"the {meridian.name('en')}" if meridian else "its meridian"
            raise NotInAtlasError(
                f"point {rec.code} ({rec.name('pinyin')}) lies off the foot, "
                f"{rec.where.get('en', 'elsewhere on the body')}: {whose} lists it without a "
                "position on the foot"
            )
        if aspect is None:
            aspect = next((a for a in ASPECTS if (rec.code, foot, a) in self.shapes), "plantar")
        aspect = check_choice("aspect", aspect, ASPECTS)
        found = self.shapes.get((rec.code, foot, aspect))
        if found is None:
            there = [f"{s.foot} {s.aspect}" for s in self.shapes.values() if s.code == rec.code]
            raise NotInAtlasError(
                f"point {rec.code} is not on the {foot} foot's {aspect} aspect "
                f"(it shows on: {', '.join(there) or 'no aspect of this atlas'})"
            )
        return found

    # ------------------------------------------------------------------ hit tests
    def _table(self, foot: str, aspect: str) -> tuple[tuple[PointShape, ...], np.ndarray]:
        """Positions of one foot and aspect as an (n, 3) array of x, y, radius (cached)."""
        foot = check_choice("foot", foot, FEET)
        aspect = check_choice("aspect", aspect, ASPECTS)
        key = (foot, aspect)
        table = self._arrays.get(key)
        if table is None:
            shapes = tuple(s for s in self.shapes.values() if s.foot == foot and s.aspect == aspect)
            arr = np.array(
                [(s.geometry.x, s.geometry.y, s.radius) for s in shapes], dtype=float
            ).reshape(-1, 3)
            table = self._arrays[key] = (shapes, arr)
        return table

    def hit(
        self, x: object, y: object, foot: str, aspect: str, tolerance: object
    ) -> PointShape | None:
        px, py = check_real("x", x), check_real("y", y)
        tol = _tolerance(tolerance)
        shapes, arr = self._table(foot, aspect)
        if not shapes:
            return None
        d = np.hypot(arr[:, 0] - px, arr[:, 1] - py)
        d[d > arr[:, 2] + tol] = np.inf
        best = int(np.argmin(d))  # first of equals: atlas order (meridian points first)
        return shapes[best] if math.isfinite(d[best]) else None

    def hit_many(
        self, xs: Any, ys: Any, foot: str, aspect: str, tolerance: object, chunk: int = 8192
    ) -> np.ndarray:
        tol = _tolerance(tolerance)
        shapes, arr = self._table(foot, aspect)
        try:
            bx, by = np.broadcast_arrays(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float))
        except (TypeError, ValueError) as exc:
            raise FootvizError(f"xs and ys must be arrays of numbers of one shape: {exc}") from None
        flat_x, flat_y = bx.ravel(), by.ravel()
        out = np.full(flat_x.shape, -1, dtype=np.intp)
        if not shapes:
            return out.reshape(bx.shape)
        reach = arr[:, 2] + tol
        for start in range(0, flat_x.size, chunk):  # bounded memory: chunk x points at a time
            cx = flat_x[start : start + chunk, None]
            cy = flat_y[start : start + chunk, None]
            with np.errstate(invalid="ignore"):
                d = np.hypot(cx - arr[None, :, 0], cy - arr[None, :, 1])
                d = np.where(d <= reach[None, :], d, np.inf)
            best = np.argmin(d, axis=1)
            ok = np.isfinite(d[np.arange(d.shape[0]), best])
            out[start : start + chunk] = np.where(ok, best, -1)
        return out.reshape(bx.shape)

    def __len__(self) -> int:
        return len(self.shapes)
