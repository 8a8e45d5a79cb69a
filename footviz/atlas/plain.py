"""Rebuild the ``footviz`` member of a plain GeoJSON FeatureCollection from its properties.

A GIS tool (QGIS, ``GeoDataFrame.to_file``, ``ogr2ogr``) writes back the features and their
flat properties (``kind``, ``zone``, ``foot``, ``aspect``, ``name_en``, ``name_ru``,
``organs`` as one ``";"``-joined str, ``system``, ``parent``) but drops the non-standard
``footviz`` member.  :func:`rebuild_metadata` makes that member again: what the properties say
is taken, what is safe to default is defaulted (no groups, no conditions, zones not promised
symmetric, organ and system names equal to their ids), and what cannot be defaulted (a zone's
organs or system, the outlines, acupoint records) is refused with an :class:`AtlasFormatError`
naming it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._internal.checks import describe, shorten
from ..errors import AtlasFormatError

_LANGS = ("en", "ru")


def is_plain(doc: Any) -> bool:
    """Whether ``doc`` is a FeatureCollection without the ``footviz`` member."""
    return (
        isinstance(doc, Mapping) and doc.get("type") == "FeatureCollection" and "footviz" not in doc
    )


def _text(where: str, props: Mapping[str, Any], key: str) -> str | None:
    value = props.get(key)
    if value is None or value != value:  # null, or a NaN a data frame wrote for a gap
        return None
    if not isinstance(value, str):
        raise AtlasFormatError(f"{where}: properties.{key} must be a str, got {describe(value)}")
    return value.strip() or None


def _zone_key(where: str, feature: Mapping[str, Any], props: Mapping[str, Any]) -> list[Any]:
    """zone, foot, aspect from the properties, else from the ``zone/foot/aspect`` id."""
    fid = props.get("id", feature.get("id"))
    parts = fid.split("/") if isinstance(fid, str) and fid.count("/") == 2 else [None] * 3
    return [_text(where, props, k) or parts[i] for i, k in enumerate(("zone", "foot", "aspect"))]


def rebuild_metadata(doc: Mapping[str, Any], where: str = "atlas document") -> dict[str, Any]:
    """A copy of the plain FeatureCollection ``doc`` with a ``footviz`` member made from the
    feature properties (see the module docstring and geometry/README.md, "GIS tools").

    Raises
    ------
    AtlasFormatError
        Naming the feature and the property that is missing or of the wrong type.
    """
    features = doc.get("features")
    if not isinstance(features, list):
        raise AtlasFormatError(f"{where}: 'features' must be a list, got {describe(features)}")
    zones: dict[str, dict[str, Any]] = {}
    out_features: list[Any] = []
    outlines = 0
    for i, feature in enumerate(features):
        props = feature.get("properties") if isinstance(feature, Mapping) else None
        if not isinstance(props, Mapping):
            raise AtlasFormatError(f"{where}: feature {i} is not a GeoJSON Feature with properties")
        label = props.get("id", feature.get("id", i))
        fwhere = f"{where}: feature {i} ({shorten(label)})"
        kind = _text(fwhere, props, "kind") or ("zone" if props.get("zone") else None)
        if kind is None:
            raise AtlasFormatError(
                f"{fwhere}: no 'kind' property ('zone', 'outline', 'point' or 'region'); "
                "is this a footviz atlas? (its features carry kind, zone, foot and aspect)"
            )
        if kind == "point":
            raise AtlasFormatError(
                f"{fwhere} is an acupoint, but a plain FeatureCollection carries no acupoint "
                "records (the 'footviz' member's acupoints): leave the points out, e.g. "
                "atlas.to_geodataframe(kind=('zone', 'outline'))"
            )
        props = dict(props)
        if kind == "zone":
            zid, foot, aspect = _zone_key(fwhere, feature, props)
            if zid is None:
                raise AtlasFormatError(f"{fwhere}: a zone feature needs a 'zone' property")
            props.update(zone=zid, foot=foot, aspect=aspect)
            zones.setdefault(zid, {"features": []})["features"].append((fwhere, props))
        elif kind == "outline":
            outlines += 1
        props["kind"] = kind
        out_features.append({**feature, "properties": props})
    if not outlines:
        raise AtlasFormatError(
            f"{where}: no outline features (kind 'outline'); a plain FeatureCollection must "
            "carry the foot outlines, e.g. atlas.to_geodataframe(kind=('zone', 'outline'))"
        )
    table = {zid: _zone_record(zid, spec["features"]) for zid, spec in zones.items()}
    organs = sorted({o for z in table.values() for o in z["organs"]})
    systems = sorted({z["system"] for z in table.values()})
    name = doc.get("name") if isinstance(doc.get("name"), str) else "custom"
    meta = {
        "schema_version": 1,
        "atlas": {
            "name": name,
            "title": name,
            "units": "mm",
            "provenance": "Rebuilt by footviz from the feature properties of a plain GeoJSON "
            "FeatureCollection.",
        },
        "systems": {s: {"en": s, "ru": s} for s in systems},
        "organs": {o: {"en": o, "ru": o, "synonyms": []} for o in organs},
        "groups": {},
        "zones": table,
        "conditions": [],
    }
    return {**doc, "footviz": meta, "features": out_features}


def _zone_record(zid: str, found: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for fwhere, props in found:
        organs = _text(fwhere, props, "organs")
        system = _text(fwhere, props, "system")
        provenance = _text(fwhere, props, "provenance")
        for key, value in (("organs", organs), ("system", system), ("provenance", provenance)):
            if value is None:
                raise AtlasFormatError(
                    f"{fwhere}: zone {zid!r} has no {key!r} property (organs: one "
                    "';'-joined str of organ ids; system: a body-system id; provenance: "
                    "'source' or 'charts'); footviz cannot default it"
                )
        names = {lang: _text(fwhere, props, f"name_{lang}") for lang in _LANGS}
        this = {
            "name": {lang: names[lang] or names["en"] or zid for lang in _LANGS},
            "organs": [o.strip() for o in str(organs).split(";") if o.strip()],
            "system": system,
            "parent": _text(fwhere, props, "parent"),
            "note": {lang: _text(fwhere, props, f"note_{lang}") or "" for lang in _LANGS},
            "provenance": provenance,
        }
        for key, value in this.items():
            if key in record and record[key] != value:
                raise AtlasFormatError(
                    f"{fwhere}: zone {zid!r} has {key} {shorten(value)} here but "
                    f"{shorten(record[key])} on another feature; a zone's {key} must agree"
                )
            record[key] = value
    feet = sorted({p["foot"] for _, p in found if isinstance(p.get("foot"), str)})
    aspects = sorted({p["aspect"] for _, p in found if isinstance(p.get("aspect"), str)})
    return {
        **record,
        "feet": feet,
        "aspects": aspects,
        "groups": [],
        "symmetric": False,
    }
