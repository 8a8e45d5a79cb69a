"""Decoding a checked atlas document into the parts an :class:`~footviz.atlas.core.Atlas` holds.

:func:`footviz.atlas.io.read_document` reads and checks the document's structure;
:func:`parse_document` turns it into records (zones, organs, groups, conditions) and shapely
geometry, built from coordinate arrays in a few bulk shapely calls.  Every malformed
feature gives an :class:`~footviz.errors.AtlasFormatError` naming it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon

from .._internal.checks import shorten
from ..errors import AtlasFormatError
from .io import geometry
from .model import Condition, Group, Organ, Term, Zone, ZoneShape
from .vocabulary import ASPECTS, FEET, LANGUAGES

__all__ = [
    "KINDS",
    "MAX_COORDINATE",
    "AtlasParts",
    "PointSink",
    "add_feature",
    "as_tuple",
    "check_coordinates",
    "feature_geometries",
    "parse_document",
    "parse_features",
    "parse_records",
    "zone_from_record",
]

# Coordinates of a custom atlas past this many mm (1000 km) are refused at load: far beyond
# any foot, where float arithmetic on areas starts to lose the millimetre.
MAX_COORDINATE = 1e9
KINDS = ("zone", "outline", "point", "region")
#: what takes a point feature: ``(where, properties, geometry, problems)``
PointSink = Callable[[str, Mapping[str, Any], Any, list], None]


@dataclass
class AtlasParts:
    """What :func:`parse_document` makes of a document: records, shapes and load problems."""

    info: dict[str, Any]
    systems: dict[str, dict[str, str]]
    organs: dict[str, Organ]
    groups: dict[str, Group]
    zone_records: dict[str, dict[str, Any]]
    zones: dict[str, Zone]
    conditions: dict[str, Condition]
    shapes: dict[tuple[str, str, str], ZoneShape] = field(default_factory=dict)
    outlines: dict[tuple[str, str], Polygon] = field(default_factory=dict)
    #: (region, foot, aspect) -> geometry: what a correspondence atlas maps, if it says
    regions: dict[tuple[str, str, str], Any] = field(default_factory=dict)
    #: (where, properties, Point) of each point feature, for the acupoint set
    points: list[tuple[str, Mapping[str, Any], Any]] = field(default_factory=list)
    #: (where, message) found while loading
    problems: list[tuple[str, str]] = field(default_factory=list)


def as_tuple(value: Any) -> tuple[str, ...]:
    """A str as a 1-tuple, a list or tuple as a tuple of str, anything else as ``()``."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return ()


def _names(record: Mapping[str, Any], default: str) -> dict[str, str]:
    """The display name in each language (``record["en"]`` ...), else ``default``."""
    return {lang: str(record.get(lang, default)) for lang in LANGUAGES}


def zone_from_record(zid: str, z: Mapping[str, Any]) -> Zone:
    """The :class:`Zone` of the metadata record ``z`` (types checked by ``check_document``)."""
    names = z.get("name") if isinstance(z.get("name"), dict) else {}
    notes = z.get("note") if isinstance(z.get("note"), dict) else {}
    return Zone(
        id=zid,
        names=_names(names, zid),
        organs=as_tuple(z.get("organs", ())),
        system=str(z.get("system", "")),
        feet=as_tuple(z.get("feet", ())),
        aspects=as_tuple(z.get("aspects", ())),
        groups=as_tuple(z.get("groups", ())),
        parent=z.get("parent"),
        symmetric=bool(z.get("symmetric", False)),
        notes={k: str(v) for k, v in notes.items()},
        provenance=str(z.get("provenance", "")),
    )


def _condition(row: Mapping[str, Any]) -> Condition:
    try:
        return Condition(
            id=str(row["id"]),
            names=dict(row["name"]),
            synonyms=as_tuple(row.get("synonyms", ())),
            terms=tuple(Term(str(t["kind"]), str(t["id"])) for t in row["terms"]),
            source_text=str(row.get("source_text", "")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise AtlasFormatError(f"condition row {shorten(row)} lacks {exc}") from None


def check_coordinates(where: str, geom: Any) -> None:
    """Refuse NaN, infinite and absurdly distant vertices (a NaN breaks every index)."""
    coords = shapely.get_coordinates(geom)
    if _sound(coords):  # the one rule; what follows says which part of it failed
        return
    if not np.isfinite(coords).all():
        raise AtlasFormatError(f"{where}: geometry has a NaN or infinite coordinate")
    raise AtlasFormatError(
        f"{where}: geometry has a coordinate {float(np.abs(coords).max()):g} mm from the "
        f"origin; at most {MAX_COORDINATE:g} mm is allowed"
    )


def _multipolygon(geom: Any) -> MultiPolygon:
    if isinstance(geom, MultiPolygon):
        return geom
    if isinstance(geom, Polygon):
        return MultiPolygon([geom]) if not geom.is_empty else MultiPolygon()
    raise TypeError(f"expected a Polygon or MultiPolygon, got {geom.geom_type}")


_SEQ = (list, tuple)


def _polygons_of(obj: Any) -> list[Any] | None:
    """The polygons (lists of rings) of a plain Polygon / MultiPolygon mapping, else None.

    Lists come from JSON, tuples from ``shapely.geometry.mapping`` (:meth:`Atlas.scaled`)."""
    if not isinstance(obj, dict) or not isinstance(obj.get("coordinates"), _SEQ):
        return None
    kind, coords = obj.get("type"), obj["coordinates"]
    polys = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else None
    if not polys or not all(isinstance(p, _SEQ) and p for p in polys):
        return None  # empty, or not nested lists: the one-feature reader decides
    if not all(isinstance(r, _SEQ) and r for p in polys for r in p):
        return None
    return polys


def feature_geometries(features: list[Any]) -> list[Any]:
    """The shapely geometry of each feature's plain 2-d Polygon, MultiPolygon or Point, built
    in bulk from one coordinate array; ``None`` for a feature to read on its own (other
    types, malformed or empty input: :func:`footviz.atlas.io.geometry` then gives the
    error or the geometry exactly as for one feature).

    Every vertex of the bulk geometry has passed :func:`check_coordinates` (finite, within
    :data:`MAX_COORDINATE`); when one has not, every feature is read on its own, so that the
    error names the first bad feature.
    """
    out: list[Any] = [None] * len(features)
    coords: list[Any] = []  # every vertex of every ring, in order
    ring_sizes: list[int] = []  # vertices per ring
    poly_sizes: list[int] = []  # rings per polygon
    polys: list[tuple[int, int, bool]] = []  # (feature, polygon count, is a Polygon)
    points: list[tuple[int, Any]] = []
    for i, feature in enumerate(features):
        obj = feature.get("geometry") if isinstance(feature, dict) else None
        if isinstance(obj, dict) and obj.get("type") == "Point":
            xy = obj.get("coordinates")
            if isinstance(xy, _SEQ) and len(xy) == 2:
                points.append((i, xy))
            continue
        parts = _polygons_of(obj)
        if parts is None:
            continue
        for poly in parts:
            for ring in poly:
                coords.extend(ring)
                ring_sizes.append(len(ring))
            poly_sizes.append(len(poly))
        polys.append((i, len(parts), obj["type"] == "Polygon"))
    try:
        with np.errstate(invalid="ignore", over="ignore"):  # NaN is refused just below
            xy = _pairs(coords)
            dots = _pairs([p for _, p in points])
            if not (_sound(xy) and _sound(dots)):
                return out  # read one by one: the first bad feature is named
            made = _bulk_polygons(xy, ring_sizes, poly_sizes, polys)
            dots = shapely.points(dots)
    except Exception:  # anything off (shapely raises several types): read each on its own
        return out
    for (i, _, _), geom in zip(polys, made, strict=True):
        out[i] = geom
    for (i, _), geom in zip(points, dots, strict=True):
        out[i] = geom
    return out


def _pairs(vertices: list[Any]) -> np.ndarray:
    """An (n, 2) float array of a list of ``[x, y]`` vertices (ValueError for anything else).

    Flattened through one iterator (several times faster than ``np.array`` of the nested
    list); each vertex must have exactly two members, so that none can shift the rest."""
    if vertices and set(map(len, vertices)) != {2}:
        raise ValueError("not pairs of numbers")
    flat = np.fromiter(chain.from_iterable(vertices), np.float64, 2 * len(vertices))
    return flat.reshape(-1, 2)


def _sound(xy: np.ndarray) -> bool:
    """Whether every coordinate passes :func:`check_coordinates` (finite, not too far).

    Two reductions, no temporary array (NaN fails both comparisons)."""
    return not xy.size or bool(xy.max() <= MAX_COORDINATE and xy.min() >= -MAX_COORDINATE)


def _runs(sizes: list[int]) -> np.ndarray:
    """Group indices for shapely's ``indices=``: ``[2, 1]`` -> ``[0, 0, 1]``."""
    return np.repeat(np.arange(len(sizes)), sizes)


def _bulk_polygons(
    xy: np.ndarray,
    ring_sizes: list[int],
    poly_sizes: list[int],
    polys: list[tuple[int, int, bool]],
) -> list[Any]:
    """One Polygon or MultiPolygon per entry of ``polys``, from the (n, 2) vertex array."""
    if not polys:
        return []
    rings = shapely.linearrings(xy, indices=_runs(ring_sizes))
    made = shapely.polygons(rings, indices=_runs(poly_sizes))
    multi = shapely.multipolygons(made, indices=_runs([n for _, n, _ in polys]))
    starts = np.cumsum([0] + [n for _, n, _ in polys])
    return [
        made[start] if is_polygon else multi[k]
        for k, ((_, _, is_polygon), start) in enumerate(zip(polys, starts[:-1], strict=True))
    ]


def _zone_shape(parts: AtlasParts, where: str, geom: Any, key: tuple[str, str, str]) -> None:
    zid = key[0]
    if zid not in parts.zones:
        parts.problems.append((where, f"zone {shorten(zid)} has no metadata entry"))
        return
    try:
        geom = _multipolygon(geom)
    except TypeError as exc:
        raise AtlasFormatError(f"{where}: {exc}") from None
    if key in parts.shapes:
        parts.problems.append((where, f"second geometry for {'/'.join(key)}"))
        return
    parts.shapes[key] = ZoneShape(parts.zones[zid], key[1], key[2], geom)


def add_feature(
    parts: AtlasParts,
    i: int,
    feature: Any,
    geom: Any = None,
    on_point: PointSink | None = None,
    *,
    checked: bool = False,
) -> None:
    """Check feature ``i`` and add it to ``parts`` (``geom``: its geometry, if built;
    ``checked``: its coordinates have passed :func:`check_coordinates`, as those of
    :func:`feature_geometries` have).

    A point feature goes to ``on_point(where, properties, geometry, parts.problems)`` (the
    acupoint set's ``add_feature``), else to ``parts.points``.
    """
    where = f"feature {i}"
    if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
        raise AtlasFormatError(f"{where}: not a GeoJSON Feature with properties")
    props = feature["properties"]
    kind, foot, aspect = props.get("kind"), props.get("foot"), props.get("aspect")
    zid = props.get("zone")
    if not isinstance(kind, str) or kind not in KINDS:
        raise AtlasFormatError(
            f"feature {i}: kind must be 'zone', 'outline', 'point' or 'region', got {shorten(kind)}"
        )
    label = feature.get("id", zid if kind == "zone" else kind)
    where = f"feature {i} ({label if isinstance(label, str) else shorten(label)})"
    if not (isinstance(foot, str) and foot in FEET and isinstance(aspect, str)):
        foot = None
    if foot is None or aspect not in ASPECTS:
        raise AtlasFormatError(
            f"{where}: foot must be one of {FEET} and aspect one of {ASPECTS}, "
            f"got foot={shorten(props.get('foot'))}, aspect={shorten(aspect)}"
        )
    if geom is None:
        try:
            with np.errstate(invalid="ignore", over="ignore"):  # NaN is refused just below
                geom = geometry(feature["geometry"])
        except Exception as exc:  # shapely raises several types for malformed GeoJSON
            raise AtlasFormatError(f"{where}: unreadable geometry ({shorten(str(exc))})") from None
    if not checked:
        check_coordinates(where, geom)
    if kind == "outline":
        if not isinstance(geom, (Polygon, MultiPolygon)) or geom.is_empty:
            raise AtlasFormatError(f"{where}: outline must be a non-empty Polygon")
        if isinstance(geom, MultiPolygon):
            geom = max(geom.geoms, key=lambda g: g.area)
        parts.outlines[(foot, aspect)] = geom
    elif kind == "point":
        if not isinstance(geom, Point) or geom.is_empty:
            raise AtlasFormatError(f"{where}: a point feature needs a Point geometry")
        if on_point is None:
            parts.points.append((where, props, geom))
        else:
            on_point(where, props, geom, parts.problems)
    elif kind == "region":  # a named part of the outline the atlas maps (validation)
        parts.regions[(str(props.get("region")), foot, aspect)] = geom
    elif not isinstance(zid, str):
        raise AtlasFormatError(f"{where}: properties.zone must be a zone id (a str)")
    else:
        _zone_shape(parts, where, geom, (zid, foot, aspect))


def parse_records(doc: Mapping[str, Any]) -> AtlasParts:
    """The records (atlas info, systems, organs, groups, zones, conditions) of a document
    checked by :func:`~footviz.atlas.io.read_document`, with no shapes yet.

    Raises
    ------
    AtlasFormatError
        For a malformed condition row.
    """
    meta = doc["footviz"]
    parts = AtlasParts(
        info=dict(meta["atlas"]),
        systems=dict(meta["systems"]),
        organs={
            oid: Organ(
                id=oid,
                names=_names(o, oid),
                synonyms=as_tuple(o.get("synonyms", ())),
                side=o.get("side"),
            )
            for oid, o in meta["organs"].items()
        },
        groups={
            gid: Group(
                id=gid,
                names=_names(g, gid),
                synonyms=as_tuple(g.get("synonyms", ())),
                organs=as_tuple(g.get("organs", ())),
            )
            for gid, g in meta["groups"].items()
        },
        zone_records={zid: dict(z) for zid, z in meta["zones"].items()},
        zones={},
        conditions={},
    )
    parts.zones = {zid: zone_from_record(zid, z) for zid, z in parts.zone_records.items()}
    for row in meta["conditions"]:
        cond = _condition(row)
        parts.conditions[cond.id] = cond
    return parts


def parse_features(
    features: list[Any], parts: AtlasParts, on_point: PointSink | None = None
) -> AtlasParts:
    """Add every feature to ``parts``, in order (see :func:`add_feature`); return ``parts``.

    ``on_point`` takes each point feature as it comes, so that load problems stay in
    feature order.

    Raises
    ------
    AtlasFormatError
        For the first malformed feature, naming it.
    """
    for i, (feature, geom) in enumerate(zip(features, feature_geometries(features), strict=True)):
        add_feature(parts, i, feature, geom, on_point, checked=geom is not None)
    return parts


def parse_document(doc: Mapping[str, Any], on_point: PointSink | None = None) -> AtlasParts:
    """:func:`parse_records` and then :func:`parse_features` of a checked document."""
    return parse_features(doc["features"], parse_records(doc), on_point)
