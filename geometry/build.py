"""Build the reflexology atlas GeoJSON from the landmark construction and metadata tables.

Usage::

    python geometry/build.py            # (re)write every built-in atlas in footviz/data/
    python geometry/build.py --check    # exit 1 if a shipped file differs from a rebuild

The built-in atlases: reflexology.geojson, sujok.geojson and sujok-insect.geojson (the Su Jok
correspondence systems on the same outlines, see sujok.py).

The output is deterministic: coordinates on a 0.01 mm grid, rings oriented (exterior counter-
clockwise), keys and features in a fixed order, so a rebuild is byte-identical.

This script stands first in the data flow and imports nothing from ``footviz``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import conditions  # noqa: E402
import dorsal  # noqa: E402
import lateral  # noqa: E402
import medial  # noqa: E402
import plantar  # noqa: E402
import points  # noqa: E402
import sujok  # noqa: E402
import techniques  # noqa: E402
import vocabulary  # noqa: E402
import zones  # noqa: E402

SCHEMA_VERSION = 1
GRID = 0.01  # mm
SLIVER_AREA = 12.0  # mm^2: pieces smaller than this are merged into their neighbour
DATA = HERE.parent / "footviz" / "data"
OUTPUT = DATA / "reflexology.geojson"
# every built-in atlas: file name -> builder (filled in below the builders)
BUILT_IN: dict[str, object] = {}
FEET = ("left", "right")
ASPECTS = ("plantar", "medial", "lateral", "dorsal")

# aspect -> (outline builder, raw zone shapes in claim order)
CONSTRUCTIONS = {
    "plantar": (plantar.sole_outline, plantar.raw_zone_shapes),
    "medial": (medial.outline, medial.raw_zone_shapes),
    "lateral": (lateral.outline, lateral.raw_zone_shapes),
    "dorsal": (dorsal.outline, dorsal.raw_zone_shapes),
}

ATLAS_INFO = {
    "name": "reflexology",
    "title": "Foot reflex zones",
    "titles": {"en": "Foot reflex zones", "ru": "Рефлекторные зоны стоп"},
    "version": "0.1.0",
    "tradition": (
        "Western zone-therapy foot charts in the line of Fitzgerald and Ingham: the right foot "
        "maps the right half of the body and the left foot the left half; the toes hold the "
        "head, the ball the chest, the arch the abdomen and the heel the pelvis."
    ),
    "sources": [
        "Foot reflexology source text (shared/source/foot-reflexology-source.txt): zone table, "
        "projections of organs, table of conditions.",
        "Common published foot reflexology charts, for placements the source leaves open.",
    ],
    "provenance": (
        "Zones marked 'source' are placed where the source text puts them. Zones marked "
        "'charts' follow the placement shared by common reflexology charts, because the "
        "source is silent or vague about them. Schools disagree on exact borders: treat every "
        "border as an approximate teaching aid, not an anatomical fact. The outlines show a "
        "stylised adult foot 250 mm long from four sides (sole, inner side, outer side, top), "
        "each built from named landmarks (geometry/plantar.py, medial.py, lateral.py, "
        "dorsal.py)."
    ),
    "units": "mm",
    "foot_length": plantar.FOOT_LENGTH,
    "frame": (
        "Per foot: y from the back of the heel (0) to the tip of the big toe (250); x = 0 on "
        "the long axis (heel centre to second toe); x > 0 is the medial (big-toe) side. Left "
        "and right outlines are identical in this frame."
    ),
    "frames": {
        "plantar": (
            "The sole seen from below: y from the back of the heel (0) to the tip of the big "
            "toe (250); x = 0 on the long axis; x > 0 is the medial (big-toe) side."
        ),
        "medial": (
            "The inner side in profile: y along the foot from the back of the heel (0) to the "
            "tip of the big toe (250), as on the sole; x is the height above the floor (x = 0 "
            "on the floor, x > 0 up). The lower leg is cut at 135 mm."
        ),
        "lateral": (
            "The outer side in profile: y along the foot from the back of the heel (0) to the "
            "toe tips (250), as on the sole; x is the height above the floor (x = 0 on the "
            "floor, x > 0 up). The lower leg is cut at 135 mm."
        ),
        "dorsal": (
            "The top of the foot seen from above, in the plantar frame: y from the back of "
            "the heel (0) to the tip of the big toe (250); x = 0 on the long axis; x > 0 is "
            "the medial (big-toe) side."
        ),
    },
    "lines": {
        "diaphragm": plantar.DIAPHRAGM_LINE,
        "waist": plantar.WAIST_LINE,
        "heel": plantar.HEEL_LINE,
    },
    # landmarks drawing code may show, per aspect, in that aspect's frame (mm)
    "landmarks": {
        "medial": {
            "ankle_bone": list(medial.ANKLE_BONE),
            "achilles": [list(p) for p in medial.guide_lines()["achilles"].coords],
            "floor": 0.0,
            "leg_cut": medial.LEG_CUT,
        },
        "lateral": {
            "ankle_bone": list(lateral.ANKLE_BONE),
            "achilles": [list(p) for p in lateral.guide_lines()["achilles"].coords],
            "floor": 0.0,
            "leg_cut": lateral.LEG_CUT,
        },
        "dorsal": {
            "ankle": list(dorsal.ANKLE),
            "ankle_bones": {
                k: [round(v.centroid.x, 2), round(v.centroid.y, 2)]
                for k, v in dorsal.ankle_bones().items()
            },
        },
    },
}


def grid(geom: BaseGeometry) -> BaseGeometry:
    return shapely.set_precision(geom, GRID)


def polygons_of(geom: BaseGeometry) -> list[Polygon]:
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    return [g for part in getattr(geom, "geoms", []) for g in polygons_of(part) if g.area > 0]


def areal(geom: BaseGeometry) -> BaseGeometry:
    """Only the polygonal part of an overlay result (drops stray lines and points)."""
    polys = polygons_of(geom)
    return MultiPolygon(polys) if len(polys) > 1 else (polys[0] if polys else Polygon())


def aspect_of(zone_id: str) -> str:
    return str(zones.ZONES[zone_id].get("aspect", "plantar"))


def feet_of(zone_id: str) -> tuple[str, ...]:
    feet = zones.ZONES[zone_id]["feet"]
    return FEET if feet == "both" else (str(feet),)


def claim_zones(
    outline: BaseGeometry, raw: dict[str, BaseGeometry], table: dict | None = None
) -> dict[str, BaseGeometry]:
    """Turn raw shapes into a partition of the outline, plus nested zones inside parents.

    ``table`` is the zone metadata giving each zone's ``parent`` (default ``zones.ZONES``).
    """
    table = zones.ZONES if table is None else table
    claimed: dict[str, BaseGeometry] = {}
    taken = Polygon()
    nested = [z for z in raw if table[z].get("parent")]
    for zone_id, shape in raw.items():
        if zone_id in nested:
            continue
        inside = areal(shapely.intersection(grid(shape), outline, grid_size=GRID))
        region = areal(shapely.difference(inside, taken, grid_size=GRID))
        claimed[zone_id] = region
        taken = areal(shapely.union(taken, region, grid_size=GRID))
    claimed = merge_slivers(claimed)
    for zone_id in nested:
        parent = claimed[str(table[zone_id]["parent"])]
        claimed[zone_id] = areal(shapely.intersection(grid(raw[zone_id]), parent, grid_size=GRID))
    return claimed


def merge_slivers(claimed: dict[str, BaseGeometry]) -> dict[str, BaseGeometry]:
    """Hand pieces smaller than SLIVER_AREA to the neighbour sharing most border with them."""
    pieces = {z: polygons_of(g) for z, g in claimed.items()}
    for zone_id in list(pieces):
        keep, small = [], []
        for piece in pieces[zone_id]:
            (small if piece.area < SLIVER_AREA else keep).append(piece)
        if not keep:  # never dissolve a zone entirely
            keep, small = (
                sorted(small, key=lambda p: -p.area)[:1],
                sorted(small, key=lambda p: -p.area)[1:],
            )
        pieces[zone_id] = keep
        for piece in small:
            best, best_len = None, 0.0
            for other, other_pieces in pieces.items():
                if other == zone_id:
                    continue
                shared = sum(
                    piece.boundary.intersection(o.buffer(GRID)).length for o in other_pieces
                )
                if shared > best_len:
                    best, best_len = other, shared
            if best is None:
                raise RuntimeError(
                    f"zone {zone_id!r}: piece of {piece.area:.1f} mm^2 has no neighbour"
                )
            pieces[best] = polygons_of(
                shapely.union(unary_union(pieces[best]), piece, grid_size=GRID)
            )
    return {z: unary_union(p) if p else Polygon() for z, p in pieces.items()}


def rings(poly: Polygon) -> list[list[list[float]]]:
    poly = shapely.orient_polygons(poly) if hasattr(shapely, "orient_polygons") else poly
    poly = shapely.geometry.polygon.orient(poly, sign=1.0)
    out = []
    for ring in [poly.exterior, *poly.interiors]:
        coords = [[round(x, 2) + 0.0, round(y, 2) + 0.0] for x, y in ring.coords]
        out.append(coords)
    return out


def geometry_json(geom: BaseGeometry) -> dict[str, object]:
    polys = sorted(polygons_of(geom), key=lambda p: (round(p.bounds[1], 2), round(p.bounds[0], 2)))
    return {"type": "MultiPolygon", "coordinates": [rings(p) for p in polys]}


def zone_groups(zone_id: str) -> list[str]:
    organs = set(zones.ZONES[zone_id]["organs"])  # type: ignore[arg-type]
    return [g for g, spec in vocabulary.GROUPS.items() if organs & set(spec["organs"])]


def zone_table() -> dict[str, dict[str, object]]:
    table = {}
    for zone_id, spec in zones.ZONES.items():
        table[zone_id] = {
            "name": {"en": spec["en"], "ru": spec["ru"]},
            "organs": list(spec["organs"]),
            "system": spec["system"],
            "feet": list(feet_of(zone_id)),
            "aspects": [aspect_of(zone_id)],
            "groups": zone_groups(zone_id),
            "parent": spec.get("parent"),
            "symmetric": bool(spec.get("symmetric", True)) and spec["feet"] == "both",
            "note": {"en": spec["note_en"], "ru": spec["note_ru"]},
            "provenance": spec["provenance"],
        }
    return table


def point_features(outlines: dict[str, BaseGeometry]) -> list[dict[str, object]]:
    """One Point feature per (point, foot, aspect); every point must lie in its outline."""
    features: list[dict[str, object]] = []
    where = points.positions()
    for code, spec in points.POINTS.items():
        feet = FEET if spec["feet"] == "both" else (str(spec["feet"]),)
        for foot in feet:
            for aspect in ASPECTS:
                if aspect not in where[code]:
                    continue
                x, y = (round(v, 2) + 0.0 for v in where[code][aspect])
                if not outlines[aspect].covers(shapely.Point(x, y)):
                    raise RuntimeError(f"point {code} lies outside the {aspect} outline")
                features.append(
                    {
                        "type": "Feature",
                        "id": f"{code}/{foot}/{aspect}",
                        "properties": {
                            "kind": "point",
                            "point": code,
                            "foot": foot,
                            "aspect": aspect,
                        },
                        "geometry": {"type": "Point", "coordinates": [x, y]},
                    }
                )
    return features


def acupoint_tables() -> dict[str, object]:
    """The ``acupoints`` member: meridian role tables and point records (see README)."""
    where = points.positions()
    table: dict[str, object] = {}
    for code, spec in points.POINTS.items():
        odd = set(spec["types"]) - set(points.OWN_TYPES)  # type: ignore[arg-type]
        if odd:
            raise RuntimeError(f"point {code}: {sorted(odd)} are not types a point has itself")
        table[code] = {
            "name": {"pinyin": spec["pinyin"], "en": spec["en"], "ru": spec["ru"]},
            "meridian": spec["meridian"],
            "order": spec["order"],
            "feet": list(FEET) if spec["feet"] == "both" else [spec["feet"]],
            "aspects": [a for a in ASPECTS if a in where[code]],
            "radius": spec["radius"],
            "roles": points.roles_of(code),
            "note": {"en": spec["note_en"], "ru": spec["note_ru"]},
            "provenance": points.PROVENANCE,
        }
    meridians: dict[str, object] = {}
    for mid, m in points.MERIDIANS.items():
        roles = points.meridian_roles(mid)
        off = sorted(
            {c for codes in roles.values() for c in codes if c not in points.POINTS},
            key=points.code_order,
        )
        missing = [c for c in off if c not in points.OFF_FOOT]
        if missing:
            raise RuntimeError(f"meridian {mid!r}: role points {missing} have no entry")
        meridians[mid] = {
            "code": m["code"],
            "name": {"en": m["en"], "ru": m["ru"], "pinyin": m["pinyin"]},
            "synonyms": m["synonyms"],
            "element": m["element"],
            "polarity": m["polarity"],
            "flow": m["flow"],
            "first": m["first"],
            "last": m["last"],
            "points": [c for c, p in points.POINTS.items() if p["meridian"] == mid],
            "roles": roles,
            "off_foot": {
                c: {
                    "name": {k: points.OFF_FOOT[c][k] for k in ("pinyin", "en", "ru")},
                    "order": points.code_order(c),
                    "roles": points.roles_of(c),
                    "where": points.WHERE[str(points.OFF_FOOT[c]["where"])],
                }
                for c in off
            },
            "provenance": points.PROVENANCE,
        }
    return {
        "foot_length": plantar.FOOT_LENGTH,
        "roles": list(points.ROLES),
        "meridians": meridians,
        "points": table,
    }


def _rounded(path: list[list[float]]) -> list[list[float]]:
    return [[round(x, 2) + 0.0, round(y, 2) + 0.0] for x, y in path]


def technique_tables(
    outlines: dict[str, BaseGeometry], claimed: dict[tuple[str, str], dict[str, BaseGeometry]]
) -> dict[str, object]:
    """The ``techniques`` member: every technique's steps and strokes (see README).

    A step's zones are those its strokes cross on either foot; its points are the acupoints
    within reach of one of its presses.  A stroke that leaves its outline stops the build.
    """
    where = points.positions()
    order = {z: i for i, z in enumerate(zones.ZONES)}
    out: dict[str, object] = {}
    for tid, spec in techniques.TECHNIQUES.items():
        steps = []
        for number, step in enumerate(techniques.steps(tid), start=1):
            strokes, touched, pressed = [], set(), set()
            for s in step["strokes"]:  # type: ignore[union-attr]
                kind, aspect, path = s["kind"], s["aspect"], _rounded(s["path"])
                if kind not in techniques.KINDS or aspect not in step["aspects"]:
                    raise RuntimeError(f"{tid} step {number}: bad stroke {kind!r} on {aspect!r}")
                line = shapely.LineString(path) if len(path) > 1 else shapely.Point(path[0])
                if not outlines[aspect].buffer(techniques.EDGE_TOLERANCE).covers(line):
                    raise RuntimeError(f"{tid} step {number}: a {kind} leaves the {aspect} outline")
                for foot in FEET:
                    for zid, geom in claimed[(foot, aspect)].items():
                        if kind == "press":
                            if any(geom.covers(shapely.Point(p)) for p in path):
                                touched.add(zid)
                        elif geom.intersects(line):
                            touched.add(zid)
                if kind == "press":
                    for code, spec_p in points.POINTS.items():
                        at = where[code].get(aspect)
                        reach = float(spec_p["radius"]) + techniques.PRESS_REACH
                        if at and any(math.dist(at, p) <= reach for p in path):
                            pressed.add(code)
                strokes.append({**s, "path": path})
            steps.append(
                {
                    "number": number,
                    "text": step["text"],
                    "aspects": list(step["aspects"]),  # type: ignore[call-overload]
                    "zones": sorted(touched, key=order.__getitem__),
                    "points": [c for c in points.POINTS if c in pressed],
                    "exercise": bool(step.get("exercise", False)),
                    "dose": step.get("dose"),
                    "strokes": strokes,
                }
            )
        out[tid] = {
            "name": spec["name"],
            "synonyms": spec["synonyms"],
            "intro": spec["intro"],
            "after": spec["after"],
            "contraindications": spec["contraindications"],
            "feet": list(FEET),
            "dose": spec.get("dose"),
            "source_section": spec["source_section"],
            "provenance": techniques.PROVENANCE,
            "steps": steps,
        }
    return {
        "foot_length": techniques.FOOT_LENGTH,
        "kinds": list(techniques.KINDS),
        "units": list(techniques.UNITS),
        "mirror": techniques.MIRROR_RULE,
        "techniques": out,
    }


def build() -> dict[str, object]:
    features: list[dict[str, object]] = []
    claimed: dict[tuple[str, str], dict[str, BaseGeometry]] = {}
    outlines: dict[str, BaseGeometry] = {}
    for aspect in ASPECTS:
        make_outline, make_zones = CONSTRUCTIONS[aspect]
        outline = outlines[aspect] = grid(make_outline())
        for foot in FEET:
            features.append(
                {
                    "type": "Feature",
                    "id": f"outline/{foot}/{aspect}",
                    "properties": {"kind": "outline", "foot": foot, "aspect": aspect},
                    "geometry": geometry_json(outline),
                }
            )
            raw = make_zones(foot)
            wrong = sorted(z for z in raw if aspect_of(z) != aspect)
            if wrong:
                raise RuntimeError(f"{aspect} shapes for zones of another aspect: {wrong}")
            claimed[(foot, aspect)] = claim_zones(outline, raw)
    for zone_id in zones.ZONES:
        aspect = aspect_of(zone_id)
        if aspect not in ASPECTS:
            raise RuntimeError(f"zone {zone_id!r}: unknown aspect {aspect!r}")
        for foot in feet_of(zone_id):
            geom = claimed[(foot, aspect)].get(zone_id)
            if geom is None or geom.is_empty:
                raise RuntimeError(f"zone {zone_id!r} has no geometry on the {foot} {aspect}")
            features.append(
                {
                    "type": "Feature",
                    "id": f"{zone_id}/{foot}/{aspect}",
                    "properties": {
                        "kind": "zone",
                        "zone": zone_id,
                        "foot": foot,
                        "aspect": aspect,
                    },
                    "geometry": geometry_json(geom),
                }
            )
    for (foot, aspect), shapes in claimed.items():
        extra = set(shapes) - {
            z for z in zones.ZONES if foot in feet_of(z) and aspect_of(z) == aspect
        }
        if extra:
            raise RuntimeError(f"shapes for zones not on the {foot} {aspect}: {sorted(extra)}")
    features.extend(point_features(outlines))
    return {
        "type": "FeatureCollection",
        "footviz": {
            "schema_version": SCHEMA_VERSION,
            "atlas": ATLAS_INFO,
            "systems": vocabulary.SYSTEMS,
            "organs": vocabulary.ORGANS,
            "groups": vocabulary.GROUPS,
            "zones": zone_table(),
            "conditions": [
                {
                    "id": c["id"],
                    "name": {"en": c["en"], "ru": c["ru"]},
                    "synonyms": c["synonyms"],
                    "source_text": c["source"],
                    "terms": [{"kind": k, "id": i} for k, i in c["terms"]],
                }
                for c in conditions.CONDITIONS
            ],
            "acupoints": acupoint_tables(),
            "techniques": technique_tables(outlines, claimed),
        },
        "features": features,
    }


SUJOK_INFO = {
    "sujok": {
        "name": "sujok",
        "title": "Su Jok: the standard system on the foot",
        "titles": {
            "en": "Su Jok: the standard system on the foot",
            "ru": "Су Джок: стандартная система соответствия на стопе",
        },
    },
    "insect": {
        "name": "sujok-insect",
        "title": "Su Jok: the insect system on the toes",
        "titles": {
            "en": "Su Jok: the insect system on the toes",
            "ru": "Су Джок: система насекомого на пальцах стоп",
        },
    },
}


def correspondence_zone_table(table: dict[str, dict[str, object]], groups: dict) -> dict:
    """The ``zones`` member of a correspondence atlas (every zone on both feet)."""
    out = {}
    for zone_id, spec in table.items():
        organs = set(spec["organs"])  # type: ignore[arg-type]
        out[zone_id] = {
            "name": {"en": spec["en"], "ru": spec["ru"]},
            "organs": list(spec["organs"]),  # type: ignore[call-overload]
            "system": spec["system"],
            "feet": list(FEET),
            "aspects": [a for a in ASPECTS if a in spec["aspects"]],  # type: ignore[operator]
            "groups": [g for g, gs in groups.items() if organs & set(gs["organs"])],
            "parent": spec["parent"],
            "symmetric": bool(spec["symmetric"]),
            "note": {"en": spec["note_en"], "ru": spec["note_ru"]},
            "provenance": spec["provenance"],
        }
    return out


def build_correspondence(system: str) -> dict[str, object]:
    """A Su Jok atlas (``system`` "sujok" or "insect") on the reflexology outlines."""
    if system == "sujok":
        table, make = sujok.standard_zones(), sujok.standard_shapes
        organs, groups = sujok.standard_vocabulary()
    else:
        table, make = sujok.insect_zones(), sujok.insect_shapes
        organs, groups = dict(sujok.INSECT_ORGANS), {}
    outline_features: list[dict[str, object]] = []
    region_features: list[dict[str, object]] = []
    claimed: dict[tuple[str, str], dict[str, BaseGeometry]] = {}
    for aspect in ASPECTS:
        outline = grid(CONSTRUCTIONS[aspect][0]())
        regions = sujok.mapped_regions(system, aspect, outline)
        for foot in FEET:
            outline_features.append(
                {
                    "type": "Feature",
                    "id": f"outline/{foot}/{aspect}",
                    "properties": {"kind": "outline", "foot": foot, "aspect": aspect},
                    "geometry": geometry_json(outline),
                }
            )
            for name, region in regions.items():
                region_features.append(
                    {
                        "type": "Feature",
                        "id": f"region:{name}/{foot}/{aspect}",
                        "properties": {
                            "kind": "region",
                            "region": name,
                            "foot": foot,
                            "aspect": aspect,
                        },
                        "geometry": geometry_json(areal(grid(region))),
                    }
                )
            raw = make(foot, aspect, outline)
            unknown = sorted(set(raw) - set(table))
            if unknown:
                raise RuntimeError(f"{system}: shapes without metadata: {unknown}")
            claimed[(foot, aspect)] = claim_zones(outline, raw, table)
    zone_features: list[dict[str, object]] = []
    for zone_id, spec in table.items():
        for foot in FEET:
            for aspect in ASPECTS:
                geom = claimed[(foot, aspect)].get(zone_id)
                declared = aspect in spec["aspects"]  # type: ignore[operator]
                if declared and (geom is None or geom.is_empty):
                    raise RuntimeError(f"{system}: zone {zone_id!r} is empty on {foot} {aspect}")
                if not declared:
                    if geom is not None:
                        raise RuntimeError(f"{system}: {zone_id!r} not declared on {aspect}")
                    continue
                zone_features.append(
                    {
                        "type": "Feature",
                        "id": f"{zone_id}/{foot}/{aspect}",
                        "properties": {
                            "kind": "zone",
                            "zone": zone_id,
                            "foot": foot,
                            "aspect": aspect,
                        },
                        "geometry": geometry_json(geom),
                    }
                )
    info = {
        **SUJOK_INFO[system],
        "version": "0.1.0",
        "tradition": (
            "Su Jok (Park Jae Woo): the foot as a reduced human body. The source states the "
            "toe rules; the rest follows the standard Su Jok charts (see geometry/README.md)."
        ),
        "sources": [
            "foot-reflexology-source.txt (the Su Jok section: big toe = head, 2nd and 5th "
            "toes = arms, 3rd and 4th = legs; the insect system named)",
            "standard Su Jok charts of the foot (Park Jae Woo)",
        ],
        "provenance": "Zones marked 'source' follow the source text; 'charts' the standard "
        "Su Jok charts.",
        "units": "mm",
        "foot_length": plantar.FOOT_LENGTH,
        "frame": ATLAS_INFO["frame"],
        "frames": ATLAS_INFO["frames"],
        "lines": ATLAS_INFO["lines"],
        "landmarks": ATLAS_INFO["landmarks"],
    }
    return {
        "type": "FeatureCollection",
        "footviz": {
            "schema_version": SCHEMA_VERSION,
            "atlas": info,
            "systems": vocabulary.SYSTEMS,
            "organs": organs,
            "groups": groups,
            "zones": correspondence_zone_table(table, groups),
            "conditions": [],
            "correspondence": sujok.correspondence(system),
        },
        "features": outline_features + zone_features + region_features,
    }


BUILT_IN.update(
    {
        "reflexology.geojson": build,
        "sujok.geojson": lambda: build_correspondence("sujok"),
        "sujok-insect.geojson": lambda: build_correspondence("insect"),
    }
)


_PAIR = re.compile(r"\[\s*(-?[0-9.]+),\s*(-?[0-9.]+)\s*\]")


# The millimetre foot frame as a local engineering CRS, in the GeoJSON 2008 "crs" member that
# GDAL (so QGIS, pyogrio, geopandas) reads; without it they take the mm for WGS 84 degrees.
FRAME_CRS = (
    'LOCAL_CS["footviz foot frame (mm)",LOCAL_DATUM["footviz reference foot",32767],'
    'UNIT["millimetre",0.001],AXIS["x",EAST],AXIS["y",NORTH]]'
)


def standard_properties(doc: dict) -> dict:
    """``doc`` with the frame's ``crs`` member and flat, standard properties on every feature
    (id, kind, zone, foot, aspect, name_en, name_ru, organs as one ";"-joined str, system,
    parent, provenance, note_en, note_ru), so any GeoJSON reader shows them (see
    geometry/README.md, "GIS tools")."""
    meta: dict = doc["footviz"]  # type: ignore[assignment]
    points_meta = (meta.get("acupoints") or {}).get("points", {})
    for feature in doc["features"]:  # type: ignore[union-attr]
        props = feature["properties"]
        zone = meta["zones"].get(props.get("zone"), {})
        record = zone or points_meta.get(props.get("point"), {})
        names, notes = record.get("name") or {}, record.get("note") or {}
        organs = zone.get("organs")
        feature["properties"] = {
            "id": feature["id"],
            **props,
            "zone": props.get("zone"),
            "name_en": names.get("en", props.get("region")),
            "name_ru": names.get("ru", props.get("region")),
            "organs": ";".join(organs) if organs is not None else None,
            "system": zone.get("system"),
            "parent": zone.get("parent"),
            "provenance": record.get("provenance"),
            "note_en": notes.get("en"),
            "note_ru": notes.get("ru"),
        }
    return {"type": doc["type"], "crs": {"type": "name", "properties": {"name": FRAME_CRS}}, **doc}


def serialise(doc: dict[str, object]) -> str:
    """JSON with one coordinate pair per line: readable in a diff, stable byte for byte."""
    doc = standard_properties(doc)
    text = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False)
    return _PAIR.sub(r"[\1, \2]", text) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped files")
    parser.add_argument(
        "--output", type=Path, default=None, help="build only the reflexology atlas, to this file"
    )
    parser.add_argument(
        "--outdir", type=Path, default=DATA, help="directory of every built-in atlas"
    )
    args = parser.parse_args(argv)
    if args.output is not None:
        targets = [(args.output, build)]
    else:
        targets = [(args.outdir / name, maker) for name, maker in BUILT_IN.items()]
    stale = 0
    for path, maker in targets:
        text = serialise(maker())  # type: ignore[operator]
        if args.check:
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            if current != text:
                print(f"{path} is out of date: run python geometry/build.py", file=sys.stderr)
                stale += 1
            else:
                print(f"{path} is up to date")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        print(f"wrote {path} ({len(text) // 1024} KiB)")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
