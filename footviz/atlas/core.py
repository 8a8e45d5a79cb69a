"""The :class:`Atlas`: zone metadata, zone geometry per (zone, foot, aspect), and lookups."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from shapely import affinity
from shapely.geometry import Polygon, mapping, shape

from .._internal.checks import check_choice, check_name, check_source
from .._internal.names import NameIndex
from ..errors import BadTypeError, NotInAtlasError, UnknownNameError
from .io import builtin_file, read_document, write_document
from .model import Condition, Group, Organ, Zone, ZoneShape, check_place
from .parse import MAX_COORDINATE, parse_features, parse_records
from .points import AcuPoint, IndexArray, Meridian, PointSet, PointShape, resolve_role
from .techniques import Technique, TechniqueSet, scale_member
from .vocabulary import ASPECTS, FEET, LANGUAGES, PROFILE_ASPECTS

if TYPE_CHECKING:  # pragma: no cover
    from numpy.typing import ArrayLike

    from ..hit.index import HitArray, HitIndex, HitResult
    from .answers import ConditionZones, Unresolved
    from .layout import Layout

__all__ = ["MAX_COORDINATE", "Atlas", "load_atlas"]


def _synonym_index(kind: str, records: Mapping[str, Organ | Group | Condition]) -> NameIndex:
    """The name index of records found by id, any language's name or a synonym."""
    return NameIndex(kind, {r.id: (*r.names.values(), *r.synonyms) for r in records.values()})


class Atlas:
    """A reflexology atlas: zones with metadata and shapely geometry for each foot and aspect.

    Build one with :func:`load_atlas` (the built-in atlas, or a GeoJSON file of the same
    schema).  Iterating yields :class:`ZoneShape` objects, one per (zone, foot, aspect).

    Parameters
    ----------
    document : mapping
        A parsed atlas document (see ``geometry/README.md`` for the schema).
    """

    def __init__(self, document: Mapping[str, Any]) -> None:
        if not isinstance(document, Mapping):
            raise BadTypeError(
                "document",
                document,
                "a parsed atlas document (a dict); load a file with footviz.load_atlas(path)",
            )
        self._assemble(read_document(document))

    def _assemble(self, doc: dict[str, Any]) -> None:
        """Build the atlas from a document :func:`read_document` has read and checked."""
        meta = doc["footviz"]
        self._doc = doc
        parts = parse_records(doc)
        self._acupoints = PointSet(meta.get("acupoints"), parts.info.get("foot_length"))
        self._techniques = TechniqueSet(meta.get("techniques"))
        parse_features(doc["features"], parts, on_point=self._acupoints.add_feature)
        self.info: dict[str, Any] = parts.info
        self.load_problems: list[tuple[str, str]] = parts.problems  # (where, message)
        self.systems: dict[str, dict[str, str]] = parts.systems
        self.organs: dict[str, Organ] = parts.organs
        self.groups: dict[str, Group] = parts.groups
        self.zone_records: dict[str, dict[str, Any]] = parts.zone_records
        self._zones: dict[str, Zone] = parts.zones
        self.conditions: dict[str, Condition] = parts.conditions
        self._shapes: dict[tuple[str, str, str], ZoneShape] = parts.shapes
        self._outlines: dict[tuple[str, str], Polygon] = parts.outlines
        # (region, foot, aspect) -> geometry: what a correspondence atlas maps, if it says
        self.regions: dict[tuple[str, str, str], Any] = parts.regions

    # ------------------------------------------------------------------ basic facts
    @property
    def name(self) -> str:
        """Short name of the atlas (``"reflexology"`` for the built-in one)."""
        return str(self.info.get("name", "atlas"))

    @property
    def version(self) -> str:
        return str(self.info.get("version", ""))

    def title(self, lang: str = "en") -> str:
        """The atlas's title in ``lang`` ("en" or "ru"), else its plain title."""
        if not isinstance(lang, str):
            check_choice("language", lang, LANGUAGES, "lang")
        titles = self.info.get("titles")
        titles = titles if isinstance(titles, dict) else {}
        return str(titles.get(lang) or self.info.get("title", ""))

    @property
    def zones(self) -> tuple[Zone, ...]:
        """Metadata of every zone, in atlas order."""
        return tuple(self._zones.values())

    @property
    def feet(self) -> tuple[str, ...]:
        present = {f for f, _ in self._outlines}
        return tuple(f for f in FEET if f in present)

    @property
    def aspects(self) -> tuple[str, ...]:
        present = {a for _, a in self._outlines}
        return tuple(a for a in ASPECTS if a in present)

    def __iter__(self) -> Iterator[ZoneShape]:
        return iter(self._shapes.values())

    def __len__(self) -> int:
        return len(self._shapes)

    def __contains__(self, zone_id: object) -> bool:
        return isinstance(zone_id, str) and zone_id in self._zones

    def __getitem__(self, zone_id: str) -> Zone:
        return self.zone(zone_id)

    def __repr__(self) -> str:
        missing = len({u.organ for u in self.unresolved()})
        text = (
            f"<Atlas {self.name!r} v{self.version}: {len(self._zones)} zones, "
            f"{len(self._shapes)} shapes; feet {', '.join(self.feet)}; "
            f"aspects {', '.join(self.aspects)}; {len(self.conditions)} conditions"
        )
        if missing:
            text += f"; {missing} condition organs not yet in this atlas"
        return text + ">"

    # ------------------------------------------------------------------ name indexes
    @cached_property
    def _zone_index(self) -> NameIndex:
        return NameIndex("zone", {z.id: tuple(z.names.values()) for z in self.zones})

    @cached_property
    def _organ_index(self) -> NameIndex:
        return _synonym_index("organ", self.organs)

    @cached_property
    def _group_index(self) -> NameIndex:
        return _synonym_index("group", self.groups)

    @cached_property
    def _condition_index(self) -> NameIndex:
        return _synonym_index("condition", self.conditions)

    @cached_property
    def _system_index(self) -> NameIndex:
        return NameIndex("system", {s: tuple(n.values()) for s, n in self.systems.items()})

    # ------------------------------------------------------------------ lookups
    def _resolve(self, kind: str, name: object, parameter: str = "name") -> str:
        """Resolve ``name`` in the index of ``kind``; when it fails but the name is of another
        kind (``organ_zones("spine")``, "spine" being a group), the error says which call fits."""
        indexes = {
            "zone": (self._zone_index, "atlas.zone"),
            "organ": (self._organ_index, "atlas.organ_zones"),
            "group": (self._group_index, "atlas.group_zones"),
            "condition": (self._condition_index, "atlas.for_condition"),
        }
        if not isinstance(name, str):
            return indexes[kind][0].resolve(name, parameter)  # NotANameError
        try:
            return indexes[kind][0].resolve(name, parameter)
        except UnknownNameError as exc:
            for other, (index, call) in indexes.items():
                if other != kind and isinstance(name, str) and name in index:
                    exc = UnknownNameError(
                        exc.kind,
                        exc.value,
                        exc.suggestions,
                        exc.allowed,
                        hint=f"{name!r} is a {other}: use {call}({name!r}) or atlas.lookup().",
                    )
                    break
            raise exc from None

    def zone(self, name: str) -> Zone:
        """The zone with this id or display name (any language); strict, with suggestions."""
        return self._zones[self._resolve("zone", name)]

    def organ(self, name: str) -> Organ:
        """The organ with this id, name or synonym; strict, with suggestions."""
        return self.organs[self._resolve("organ", name)]

    def group(self, name: str) -> Group:
        """The group with this id, name or synonym; strict, with suggestions."""
        return self.groups[self._resolve("group", name)]

    def condition(self, name: str) -> Condition:
        """The condition row with this id, name or synonym; strict, with suggestions."""
        return self.conditions[self._resolve("condition", name)]

    def shapes(
        self,
        foot: str | None = None,
        aspect: str | None = None,
        *,
        system: str | None = None,
        group: str | None = None,
        organ: str | None = None,
    ) -> tuple[ZoneShape, ...]:
        """Zone shapes filtered by foot, aspect, body system, group and organ (all optional)."""
        foot, aspect = check_place(foot, aspect)
        sys_id = self._system_index.resolve(system, "system") if system is not None else None
        group_organs = (
            set(self.groups[self._resolve("group", group, "group")].organs)
            if group is not None
            else None
        )
        organ_id = self._resolve("organ", organ, "organ") if organ is not None else None
        out = []
        for s in self._shapes.values():
            if foot is not None and s.foot != foot:
                continue
            if aspect is not None and s.aspect != aspect:
                continue
            if sys_id is not None and s.zone.system != sys_id:
                continue
            if group_organs is not None and not group_organs & set(s.zone.organs):
                continue
            if organ_id is not None and organ_id not in s.zone.organs:
                continue
            out.append(s)
        return tuple(out)

    def shape(self, zone: str, foot: str, aspect: str = "plantar") -> ZoneShape:
        """The shape of ``zone`` on ``foot`` and ``aspect``.

        Raises
        ------
        NotInAtlasError
            If the zone exists but not on that foot or aspect (e.g. the heart on the right).
        """
        z = self._zones[self._resolve("zone", zone, "zone")]
        foot = check_choice("foot", foot, FEET)
        aspect = check_choice("aspect", aspect, ASPECTS)
        try:
            return self._shapes[(z.id, foot, aspect)]
        except KeyError:
            where = ", ".join(f"{s.foot} {s.aspect}" for s in self._shapes_of(z.id)) or "nowhere"
            raise NotInAtlasError(
                f"zone {z.id!r} is not on the {foot} foot's {aspect} aspect (it lies on: {where})"
            ) from None

    def _shapes_of(self, zone_id: str) -> list[ZoneShape]:
        return [s for s in self._shapes.values() if s.zone.id == zone_id]

    @property
    def outlines(self) -> Mapping[tuple[str, str], Polygon]:
        """Every outline polygon, keyed by ``(foot, aspect)``, in the document's order."""
        return MappingProxyType(self._outlines)

    def outline(self, foot: str, aspect: str = "plantar") -> Polygon:
        """The outline polygon of ``foot`` seen from ``aspect``."""
        foot = check_choice("foot", foot, FEET)
        aspect = check_choice("aspect", aspect, ASPECTS)
        try:
            return self._outlines[(foot, aspect)]
        except KeyError:
            raise NotInAtlasError(
                f"this atlas has no {aspect} outline for the {foot} foot "
                f"(aspects present: {', '.join(self.aspects)})"
            ) from None

    def organ_zones(
        self, name: str, foot: str | None = None, aspect: str | None = None
    ) -> tuple[ZoneShape, ...]:
        """Zone shapes of an organ (``"kidney"``, ``"почки"`` ...), across feet and aspects.

        A known organ that no zone covers yet returns an empty tuple; see :meth:`unresolved`.
        """
        return self.shapes(foot, aspect, organ=self._resolve("organ", name))

    def group_zones(
        self, name: str, foot: str | None = None, aspect: str | None = None
    ) -> tuple[ZoneShape, ...]:
        """Zone shapes of a group (``"head"``, ``"genital areas"``, ``"intestines"`` ...)."""
        return self.shapes(foot, aspect, group=self._resolve("group", name))

    def resolve_name(
        self, name: str, kinds: Sequence[str] = ("organ", "zone", "group", "condition")
    ) -> tuple[str, str]:
        """``(kind, id)`` of the first of ``kinds`` that knows ``name`` (an id, a display name
        in any language or a synonym).

        Raises
        ------
        UnknownNameError
            When no such kind knows the name; it lists close spellings from all of them.
        ValueError
            For a kind other than "zone", "organ", "group" and "condition".
        """
        indexes = self._indexes()
        if isinstance(kinds, str):
            kinds = (kinds,)
        if not isinstance(kinds, (list, tuple)) or not kinds:
            raise BadTypeError("kinds", kinds, f"a non-empty sequence of {', '.join(indexes)}")
        for kind in kinds:
            if not isinstance(kind, str):
                raise BadTypeError("kinds", kinds, f"a sequence of {', '.join(indexes)}")
            if kind not in indexes:
                raise _KindError(kind, tuple(indexes))
        what = " or ".join(kinds) if len(kinds) <= 2 else ", ".join(kinds[:-1]) + f" or {kinds[-1]}"
        if not isinstance(name, str):
            check_name("name", name, NameIndex(what, {}))
        for kind in kinds:
            found = indexes[kind].get(name)
            if found is not None:
                return kind, found
        suggestions: list[str] = []
        for kind in kinds:
            suggestions.extend(indexes[kind].suggest(name, n=2))
        raise UnknownNameError(what, name, suggestions[:4])

    def _indexes(self) -> dict[str, NameIndex]:
        return {
            "zone": self._zone_index,
            "organ": self._organ_index,
            "group": self._group_index,
            "condition": self._condition_index,
        }

    def lookup(
        self, name: str, foot: str | None = None, aspect: str | None = None
    ) -> tuple[ZoneShape, ...]:
        """Zone shapes for any kind of name: organ, zone, group or condition (in that order).

        Raises :class:`UnknownNameError` with suggestions drawn from all kinds.
        """
        # an organ name reaches every zone of that organ on every aspect, so it goes first
        # ("bladder" is a plantar zone id and also the organ with a medial zone)
        kind, found = self.resolve_name(name)
        foot, aspect = check_place(foot, aspect)
        if kind == "organ":
            return self.organ_zones(found, foot, aspect)
        if kind == "zone":
            return tuple(s for s in self.shapes(foot, aspect) if s.zone.id == found)
        if kind == "group":
            return self.group_zones(found, foot, aspect)
        hit = self.for_condition(found)
        return tuple(
            s
            for s in hit.shapes
            if (foot is None or s.foot == foot) and (aspect is None or s.aspect == aspect)
        )

    # ------------------------------------------------------------------ conditions
    @cached_property
    def _organ_shapes(self) -> dict[str, tuple[ZoneShape, ...]]:
        found: dict[str, list[ZoneShape]] = {o: [] for o in self.organs}
        for s in self._shapes.values():
            for organ_id in s.zone.organs:
                found.setdefault(organ_id, []).append(s)
        return {o: tuple(v) for o, v in found.items()}

    def for_condition(self, name: str) -> ConditionZones:
        """Zones worked for a condition of the source's table (``"migraine"`` ...).

        Returns every zone shape of every organ or group in the row, on each foot where it
        lies, plus an explicit :class:`Unresolved` marker for each organ of the row (or of a
        group the row names) that no zone of this atlas covers yet.
        """
        from .answers import ConditionZones, Unresolved

        cond = self.condition(name)
        keys: set[tuple[str, str, str]] = set()
        unresolved: list[Unresolved] = []
        for term in cond.terms:
            organs = self.groups[term.id].organs if term.kind == "group" else (term.id,)
            for organ_id in organs:
                hits = self._organ_shapes.get(organ_id, ())
                keys.update(s.key for s in hits)
                if not hits:
                    unresolved.append(Unresolved(cond.id, organ_id))
        ordered = tuple(s for s in self._shapes.values() if s.key in keys)
        return ConditionZones(cond, ordered, tuple(dict.fromkeys(unresolved)))

    def unresolved(self) -> tuple[Unresolved, ...]:
        """Every (condition, organ) pair of the condition table with no zone in this atlas."""
        out: list[Unresolved] = []
        for cond in self.conditions.values():
            out.extend(self.for_condition(cond.id).unresolved)
        return tuple(out)

    # ------------------------------------------------------------------ acupoints
    @property
    def acupoints(self) -> PointSet:
        """The atlas's acupoints (records, meridians, positions); empty for atlases without."""
        return self._acupoints

    def points(
        self,
        foot: str | None = None,
        aspect: str | None = None,
        *,
        meridian: str | None = None,
        role: str | None = None,
    ) -> tuple[PointShape, ...]:
        """Acupoint positions filtered by foot, aspect, meridian and role (all optional).

        Parameters
        ----------
        foot : {"left", "right"}, optional
        aspect : {"plantar", "medial", "lateral", "dorsal"}, optional
        meridian : str, optional
            A meridian id, code or name (``"kidney"``, ``"KI"``, ``"меридиан почек"``).
        role : str, optional
            A role (``"calming"``, ``"exciting"``, ``"harmonising"``, ``"source"`` ...; see
            :data:`footviz.atlas.points.ROLES`).

        Returns
        -------
        tuple of PointShape
            In atlas order: one per (point, foot, aspect) where the point shows.
        """
        foot, aspect = check_place(foot, aspect)
        mid = self._acupoints.meridian(meridian).id if meridian is not None else None
        role_id = resolve_role(role) if role is not None else None
        return self._acupoints.matching(foot, aspect, mid, role_id)

    def point(self, name: str, foot: str = "left", aspect: str | None = None) -> PointShape:
        """The position of the point ``name`` (code, pinyin, English or Russian) on ``foot``
        and ``aspect`` (default: the first aspect where it shows).

        Raises
        ------
        UnknownNameError
            For an unknown point, with close spellings.
        NotInAtlasError
            If the point lies off the foot (LR8 ...) or not on that aspect.
        """
        return self._acupoints.position(name, foot, aspect)

    def acupoint(self, name: str) -> AcuPoint:
        """The record of the point ``name``, on the foot or off it (no position)."""
        return self._acupoints.record(name)

    def meridian(self, name: str) -> Meridian:
        """The meridian ``name`` (id, code or name in any language) with its points in order,
        including its role points that lie off the foot (flagged ``on_foot=False``)."""
        return self._acupoints.meridian(name)

    @property
    def meridians(self) -> tuple[Meridian, ...]:
        """Every meridian of the atlas, in atlas order."""
        return tuple(self._acupoints.meridians.values())

    def hit_point(
        self,
        x: float,
        y: float,
        foot: str = "left",
        aspect: str = "plantar",
        tolerance: float = 0.0,
    ) -> PointShape | None:
        """The nearest acupoint whose disc (radius + ``tolerance`` mm) holds ``(x, y)``, or None.

        Where two points share a place (Bafeng and a meridian's web point), the meridian's
        point is returned.
        """
        return self._acupoints.hit(x, y, foot, aspect, tolerance)

    def hit_points_many(
        self,
        xs: ArrayLike,
        ys: ArrayLike,
        foot: str = "left",
        aspect: str = "plantar",
        tolerance: float = 0.0,
    ) -> IndexArray:
        """Vectorised :meth:`hit_point`: an int array of the broadcast shape of ``xs`` and
        ``ys``, each an index into ``atlas.points(foot, aspect)`` or -1 (also for NaN)."""
        return self._acupoints.hit_many(xs, ys, foot, aspect, tolerance)

    # ------------------------------------------------------------------ techniques
    def techniques(self) -> tuple[Technique, ...]:
        """The massage techniques of the atlas (empty for atlases without), in atlas order."""
        return tuple(self._techniques.techniques.values())

    def technique(self, name: str) -> Technique:
        """The technique ``name``: an id (``"heel-spur"``) or a name in English or Russian.

        Raises
        ------
        UnknownNameError
            For an unknown name, with close spellings.
        """
        return self._techniques.get(name)

    # ------------------------------------------------------------------ transforms
    def scaled(self, length: float, width: float | None = None) -> Atlas:
        """A copy scaled to a real foot ``length`` mm long (and ``width`` mm across the ball).

        Without ``width`` the foot is scaled uniformly.  Scaling keeps each foot's frame: the
        heel stays at y = 0 and the long axis at x = 0.  The width scales x on the sole and
        the top of the foot; on the side profiles x is the height above the floor, which
        scales with the length.

        Parameters
        ----------
        length : real number
            Heel to toe tip, 50 to 1000 mm (:data:`footviz.atlas.frame.FOOT_LENGTH_RANGE`); Python
            and numpy integers and floats are all fine.
        width : real number, optional
            Across the ball, 20 to 500 mm (:data:`footviz.atlas.frame.FOOT_WIDTH_RANGE`).

        Raises
        ------
        BadTypeError, BadValueError
            For a length or width that is not a real number, or outside its range.
        """
        from .frame import ReferenceFoot, check_foot_size

        length, width = check_foot_size(length, width)
        sx, sy = ReferenceFoot.from_atlas(self).scale_factors(length, width)
        import copy

        doc = copy.deepcopy(self._doc)
        for feature in doc["features"]:
            across = sy if feature["properties"].get("aspect") in PROFILE_ASPECTS else sx
            geom = affinity.scale(shape(feature["geometry"]), across, sy, origin=(0.0, 0.0))
            feature["geometry"] = mapping(geom)
        scale_member(doc["footviz"].get("techniques"), sx, sy, sy)
        info = doc["footviz"]["atlas"]
        info["foot_length"] = float(length)
        info["foot_width"] = float(width) if width is not None else None
        info["scaled_from"] = {"sx": sx, "sy": sy}
        return Atlas(doc)

    def to_document(self) -> dict[str, Any]:
        """The atlas as a GeoJSON-compatible dict (a deep copy)."""
        import copy

        return copy.deepcopy(self._doc)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """The atlas as a GeoJSON-like FeatureCollection (outlines, zones, points, regions),
        each feature with flat properties (see :mod:`footviz.atlas.geo`)."""
        from .geo import geo_interface

        return geo_interface(self)

    def to_geodataframe(
        self,
        foot: str | None = None,
        aspect: str | None = None,
        kind: str | Sequence[str] | None = "zone",
        crs: Any = None,
    ):
        """The atlas features as a :class:`geopandas.GeoDataFrame` (``pip install
        'footviz[geo]'``), one row per feature with its flat properties.

        Parameters
        ----------
        foot, aspect : str, optional
            Keep one foot / one aspect (default: all).
        kind : {"zone", "outline", "point", "region"}, sequence of them, or None
            Which features (default the zones; ``None`` every kind).  To write an atlas
            back for :func:`load_atlas`, take ``("zone", "outline")``.
        crs : optional
            ``None`` (the default): the foot frame as a local engineering CRS in millimetres
            (:data:`footviz.atlas.geo.FRAME_CRS`, what ``geopandas.read_file`` reports for the
            shipped files), never WGS 84 degrees; or any CRS geopandas accepts.

        Raises
        ------
        MissingExtraError
            When geopandas is not installed.
        """
        from .geo import to_geodataframe

        return to_geodataframe(self, foot, aspect, kind, crs)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the atlas to a GeoJSON file, atomically."""
        write_document(self._doc, path)

    # ------------------------------------------------------------------ validation
    def validate(self, *, min_coverage: float = 0.9, raise_on_error: bool = False):
        """Check geometry and metadata; see :func:`footviz.validate`."""
        from .validation import validate

        return validate(self, min_coverage=min_coverage, raise_on_error=raise_on_error)

    # ------------------------------------------------------------------ hit-testing
    def hit_index(self) -> HitIndex:
        """The exact hit-testing index of this atlas (:class:`footviz.hit.index.HitIndex`).

        Made on first use from the atlas's zone shapes and held by the atlas for its lifetime
        (an atlas never changes; :meth:`scaled` makes a new atlas with its own index).  Its
        grids are built lazily, one per foot and aspect.
        """
        index = self.__dict__.get("_hit_index")
        if index is None:
            with _HIT_LOCK:
                index = self.__dict__.get("_hit_index")
                if index is None:
                    from ..hit.index import HitIndex

                    keys = [(f, a) for a in self.aspects for f in self.feet]
                    index = HitIndex(tuple(self), keys)
                    self._hit_touch = index.touch  # the fast path of hit() reads it
                    self._hit_index = index
        return index

    def hit(
        self,
        x: float,
        y: float,
        foot: str = "left",
        aspect: str = "plantar",
        tolerance: float = 0.0,
        *,
        overlaps: bool = False,
    ) -> HitResult | None:
        """The zone under the point ``(x, y)`` mm of ``foot``'s ``aspect``, or None.

        A point on a border counts as inside; the primary zone is the smallest covering one
        (see :mod:`footviz.hit.index`).  One point in, one result out: for arrays of points use
        :meth:`hit_many`.

        Parameters
        ----------
        x, y : float
            The point in the foot's own frame (mm; x > 0 medial, y from the heel).
        foot : {"left", "right"}
        aspect : {"plantar", "medial", "lateral", "dorsal"}
        tolerance : float
            How far a touch may miss, in mm (a fingertip is about 8-10 mm across): a point
            outside every zone returns the nearest zone within this distance, with its
            ``distance``.
        overlaps : bool
            Also list every zone the disc of radius ``tolerance`` overlaps, with the share of
            the disc it covers.

        Returns
        -------
        HitResult or None
        """
        # fast path: Python floats, no tolerance, and a built grid's plain-touch function
        # (the index registers one per foot and aspect, keyed by the exact names)
        if (
            type(x) is float
            and type(y) is float
            and type(tolerance) is float
            and not tolerance
            and overlaps is False
        ):
            try:
                touch = self._hit_touch[foot][aspect]
            except (AttributeError, KeyError, TypeError):  # no index yet / other names
                pass
            else:
                return touch(x, y)
        return self.hit_index().hit(x, y, foot, aspect, tolerance, overlaps)

    def hit_many(
        self,
        xs: ArrayLike,
        ys: ArrayLike,
        foot: str | ArrayLike = "left",
        aspect: str | ArrayLike = "plantar",
        tolerance: float = 0.0,
    ) -> HitArray:
        """Primary zone of many points: arrays in, a ``HitArray`` out (see :meth:`hit` for
        one point).

        ``xs`` and ``ys`` are numbers or arrays of any broadcastable shapes (a scalar counts as
        a 0-d array); ``foot`` and ``aspect`` are names or arrays of names, one per point.
        ``result.index`` has the broadcast shape and holds indices into ``result.shapes``
        (``tuple(atlas)``); -1 means no zone (also for NaN and inf).  Bad input raises
        :class:`footviz.hit.index.HitInputError` naming the parameter.
        """
        index = self.__dict__.get("_hit_index") or self.hit_index()
        return index.hit_many(xs, ys, foot, aspect, tolerance)

    def hit_chart(
        self, cx: float, cy: float, layout: Layout, tolerance: float = 0.0
    ) -> HitResult | None:
        """Which foot and zone lie under the chart-mm point ``(cx, cy)`` of a ``Layout``."""
        return self.hit_index().hit_chart(cx, cy, layout, tolerance)

    def hit_chart_many(
        self, cx: ArrayLike, cy: ArrayLike, layout: Layout, tolerance: float = 0.0
    ) -> HitArray:
        """Vectorised :meth:`hit_chart`: a ``HitArray`` (the foot is the zone shape's)."""
        return self.hit_index().hit_chart_many(cx, cy, layout, tolerance)


class _KindError(UnknownNameError, ValueError):
    """An unknown kind of name in :meth:`Atlas.resolve_name` (also a ``ValueError``)."""

    def __init__(self, kind: object, allowed: tuple[str, ...]) -> None:
        super().__init__("kind of name", kind, (), allowed)


_CACHE: dict[str, Atlas] = {}
_HIT_LOCK = threading.Lock()


def load_atlas(source: str | os.PathLike[str] = "reflexology") -> Atlas:
    """Load an atlas: a built-in name (default ``"reflexology"``) or a path to a GeoJSON file.

    Built-in atlases are read once and cached; atlases are immutable, so sharing is safe.

    Raises
    ------
    NotANameError, BadTypeError
        When ``source`` is not a str or path (``None``, a number ...).
    UnknownNameError
        For a name that is no built-in atlas (with a did-you-mean).
    AtlasFormatError
        For a file that is missing, unreadable, not UTF-8 JSON or not an atlas.
    """
    check_source("source", source)
    is_name = isinstance(source, str) and not source.endswith((".json", ".geojson"))
    if is_name and os.sep not in source:
        if source not in _CACHE:
            _CACHE[source] = _read_atlas(builtin_file(source))
        return _CACHE[source]
    return _read_atlas(source)


def _read_atlas(source: str | os.PathLike[str]) -> Atlas:
    """The atlas of a file, its document read and checked once (``Atlas(document)`` checks
    a document it is handed)."""
    atlas = Atlas.__new__(Atlas)
    atlas._assemble(read_document(source))
    return atlas
