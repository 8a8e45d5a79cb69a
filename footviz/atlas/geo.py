"""The atlas for GIS tools: GeoJSON-like features with flat properties and GeoDataFrames.

Every feature carries the same flat properties as the shipped GeoJSON files (see
geometry/README.md, "GIS tools"): ``id``, ``kind``, ``zone``, ``foot``, ``aspect``,
``name_en``, ``name_ru``, ``organs`` (one ``";"``-joined str), ``system``, ``parent``,
``provenance``, ``note_en``, ``note_ru`` (and ``point`` or ``region`` for those kinds).
geopandas is imported only by :func:`to_geodataframe` (``pip install 'footviz[geo]'``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from shapely.geometry import mapping

from .._internal.checks import check_choice
from ..errors import BadTypeError, MissingExtraError
from .model import ZoneShape
from .vocabulary import ASPECTS, FEET

if TYPE_CHECKING:  # pragma: no cover
    from .core import Atlas
    from .points import PointShape

KINDS = ("outline", "zone", "point", "region")
# The millimetre foot frame as a local engineering CRS, in the GeoJSON 2008 "crs" member that
# GDAL reads (the same text as geometry/build.py writes; see geometry/README.md, "GIS tools").
FRAME_CRS = (
    'LOCAL_CS["footviz foot frame (mm)",LOCAL_DATUM["footviz reference foot",32767],'
    'UNIT["millimetre",0.001],AXIS["x",EAST],AXIS["y",NORTH]]'
)
# the flat columns every feature carries, in this order; ``point`` and ``region`` follow
COLUMNS = (
    "id",
    "kind",
    "zone",
    "foot",
    "aspect",
    "name_en",
    "name_ru",
    "organs",
    "system",
    "parent",
    "provenance",
    "note_en",
    "note_ru",
)


def _properties(**values: Any) -> dict[str, Any]:
    """The flat columns filled from ``values`` (None where not given), then any others."""
    return {**dict.fromkeys(COLUMNS), **values}


def _placed(shape: Any, kind: str, name: Any, notes: Any, provenance: str, **rest: Any):
    """The columns of a placed record: ``name`` is called with "en" and "ru"."""
    return _properties(
        id=shape.id,
        kind=kind,
        foot=shape.foot,
        aspect=shape.aspect,
        name_en=name("en"),
        name_ru=name("ru"),
        provenance=provenance or None,
        note_en=notes.get("en"),
        note_ru=notes.get("ru"),
        **rest,
    )


def zone_properties(shape: ZoneShape) -> dict[str, Any]:
    """The flat properties of a zone shape."""
    z = shape.zone
    organs = ";".join(z.organs)
    extra = {"zone": z.id, "organs": organs, "system": z.system, "parent": z.parent}
    return _placed(shape, "zone", z.names.get, z.notes, z.provenance, **extra)


def point_properties(shape: PointShape) -> dict[str, Any]:
    """The flat properties of an acupoint position."""
    p = shape.point
    return _placed(shape, "point", p.name, p.notes, p.provenance, point=p.code)


def feature(properties: dict[str, Any], geom: Any) -> dict[str, Any]:
    """A GeoJSON-like Feature mapping (``__geo_interface__``)."""
    return {
        "type": "Feature",
        "id": properties["id"],
        "properties": properties,
        "geometry": mapping(geom),
    }


def _kinds(kind: object) -> tuple[str, ...]:
    if kind is None:
        return KINDS
    if isinstance(kind, str):
        return (check_choice("kind", kind, KINDS),)
    if isinstance(kind, (list, tuple, set, frozenset)) and kind:
        return tuple(k for k in KINDS if k in {check_choice("kind", k, KINDS) for k in kind})
    raise BadTypeError("kind", kind, f"one of {KINDS}, a sequence of them, or None (every kind)")


def rows(
    atlas: Atlas, foot: str | None = None, aspect: str | None = None, kind: object = None
) -> Iterator[tuple[dict[str, Any], Any]]:
    """(properties, shapely geometry) per feature, in atlas order: outlines, zones, points,
    regions, filtered by foot, aspect and kind."""
    feet = FEET if foot is None else (check_choice("foot", foot, FEET),)
    aspects = ASPECTS if aspect is None else (check_choice("aspect", aspect, ASPECTS),)
    kinds = _kinds(kind)
    if "outline" in kinds:
        for (f, a), geom in atlas.outlines.items():
            if f in feet and a in aspects:
                yield _properties(id=f"outline/{f}/{a}", kind="outline", foot=f, aspect=a), geom
    if "zone" in kinds:
        for s in atlas.shapes():
            if s.foot in feet and s.aspect in aspects:
                yield zone_properties(s), s.geometry
    if "point" in kinds:
        for p in atlas.points():
            if p.foot in feet and p.aspect in aspects:
                yield point_properties(p), p.geometry
    if "region" in kinds:
        for (r, f, a), geom in atlas.regions.items():
            if f in feet and a in aspects:
                props = _properties(id=f"region:{r}/{f}/{a}", kind="region", foot=f, aspect=a)
                yield {**props, "name_en": r, "name_ru": r, "region": r}, geom


def geo_interface(atlas: Atlas) -> dict[str, Any]:
    """The atlas as a GeoJSON-like FeatureCollection of every feature."""
    return {"type": "FeatureCollection", "features": [feature(p, g) for p, g in rows(atlas)]}


def geojson_document(
    atlas: Atlas, foot: str | None = None, aspect: str | None = None
) -> dict[str, Any]:
    """The atlas as a GeoJSON document that :func:`footviz.load_atlas` reads back: the frame's
    ``crs`` member, the ``footviz`` metadata and every feature (of ``foot`` / ``aspect``, when
    given) with the flat properties."""
    doc = atlas.to_document()
    selected = rows(atlas, foot, aspect)
    meta = doc["footviz"]
    if foot is not None or aspect is not None:
        feet = {f for f in atlas.feet if foot is None or f == foot}
        aspects = {a for a in atlas.aspects if aspect is None or a == aspect}
        _extract(meta, feet, aspects)
    return {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": FRAME_CRS}},
        "footviz": meta,
        "features": [feature(p, g) for p, g in selected],
    }


def _extract(meta: dict[str, Any], feet: set[str], aspects: set[str]) -> None:
    """Narrow the metadata to the exported feet and aspects, so that the extract is a valid
    atlas of its own: zones and points declare only what it holds, a zone on one foot is not
    symmetric, and a technique stays only where every step's side is there."""

    def narrow(rec: dict[str, Any]) -> bool:
        rec["feet"] = [f for f in rec.get("feet") or () if f in feet]
        rec["aspects"] = [a for a in rec.get("aspects") or () if a in aspects]
        if len(rec["feet"]) < 2 and rec.get("symmetric"):
            rec["symmetric"] = False
        return bool(rec["feet"] and rec["aspects"])

    zones = meta.get("zones") or {}
    for zid in [z for z, rec in zones.items() if not narrow(rec)]:
        del zones[zid]
    for rec in zones.values():
        if rec.get("parent") not in zones:
            rec["parent"] = None
    for rec in ((meta.get("acupoints") or {}).get("points") or {}).values():
        if rec.get("feet") and rec.get("aspects") and not narrow(rec):
            rec["feet"], rec["aspects"] = [], []  # not placed in this extract
    techniques = (meta.get("techniques") or {}).get("techniques") or {}
    for tid in list(techniques):
        t = techniques[tid]
        t["feet"] = [f for f in t.get("feet") or FEET if f in feet]
        sides = {a for step in t.get("steps") or () for a in step.get("aspects") or ()}
        if not t["feet"] or not sides <= aspects:
            del techniques[tid]


def to_geodataframe(
    atlas: Atlas,
    foot: str | None = None,
    aspect: str | None = None,
    kind: object = "zone",
    crs: Any = None,
) -> Any:
    """A :class:`geopandas.GeoDataFrame` of the atlas features (see
    :meth:`footviz.atlas.core.Atlas.to_geodataframe`)."""
    selected = list(rows(atlas, foot, aspect, kind))  # argument errors before the import
    try:
        import geopandas as gpd
    except ImportError:
        raise MissingExtraError(
            "Atlas.to_geodataframe needs geopandas: pip install 'footviz[geo]'"
        ) from None
    columns = [*COLUMNS[:3], "point", "region", *COLUMNS[3:]]
    optional = ("point", "region")  # columns only when such features are selected
    present = [c for c in columns if c not in optional or any(c in p for p, _ in selected)]
    data = {c: [p.get(c) for p, _ in selected] for c in present}
    frame = FRAME_CRS if crs is None else crs
    return gpd.GeoDataFrame(data, geometry=[g for _, g in selected], crs=frame)
