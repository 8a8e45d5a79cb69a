"""Reading and writing atlas GeoJSON files (schema documented in geometry/README.md)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import AtlasFormatError, UnknownNameError

SCHEMA_VERSION = 1
BUILT_IN = {"reflexology": "reflexology.geojson"}


def builtin_path(name: str) -> Path:
    """Path of a built-in atlas file shipped inside the package."""
    if name not in BUILT_IN:
        from .names import NameIndex

        index = NameIndex("atlas", {k: () for k in BUILT_IN})
        raise UnknownNameError("atlas", name, index.suggest(name), tuple(BUILT_IN))
    # the package's own directory (as importlib.resources.files would give for an installed
    # package; importing importlib.resources costs start-up time)
    return Path(__file__).resolve().parent / "data" / BUILT_IN[name]


def read_document(source: str | os.PathLike[str] | Mapping[str, Any]) -> dict[str, Any]:
    """Load and check the top level of an atlas document (a path or an already-parsed dict)."""
    if isinstance(source, Mapping):
        doc = dict(source)
        where = "atlas document"
    else:
        path = Path(source)
        where = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise AtlasFormatError(f"atlas file not found: {path}") from None
        except OSError as exc:
            raise AtlasFormatError(f"cannot read atlas file {path}: {exc.strerror}") from None
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise AtlasFormatError(
                f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            ) from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise AtlasFormatError(f"{where}: expected a GeoJSON FeatureCollection")
    meta = doc.get("footviz")
    if not isinstance(meta, dict):
        raise AtlasFormatError(f"{where}: missing the 'footviz' member with the atlas metadata")
    version = meta.get("schema_version")
    if version != SCHEMA_VERSION:
        raise AtlasFormatError(
            f"{where}: schema_version {version!r} is not supported (this footviz reads "
            f"schema_version {SCHEMA_VERSION})"
        )
    for member in ("atlas", "zones", "organs", "groups", "systems", "conditions"):
        if member not in meta:
            raise AtlasFormatError(f"{where}: 'footviz' has no {member!r} member")
    if not isinstance(doc.get("features"), list):
        raise AtlasFormatError(f"{where}: 'features' must be a list")
    return doc


def geometry(obj: Any) -> Any:
    """The shapely geometry of a GeoJSON geometry mapping.

    Polygons and MultiPolygons are built from coordinate arrays in a few vectorised shapely
    calls (several times faster than ``shapely.geometry.shape``, which matters for the
    start-up of a program that loads an atlas); other types go through ``shape``.  Malformed
    input raises whatever shapely or numpy raise; the caller names the feature.
    """
    import numpy as np
    import shapely
    from shapely.geometry import shape

    kind = obj.get("type") if isinstance(obj, Mapping) else None
    if kind not in ("Polygon", "MultiPolygon"):
        return shape(obj)
    polys = [obj["coordinates"]] if kind == "Polygon" else obj["coordinates"]
    rings, ring_poly = [], []
    for p, poly in enumerate(polys):
        for ring in poly:
            rings.append(np.asarray(ring, dtype=np.float64))
            ring_poly.append(p)
    if not rings:
        return shape(obj)
    coords = np.concatenate(rings)
    if coords.ndim != 2 or coords.shape[1] not in (2, 3):
        raise ValueError("coordinates must be pairs (or triples) of numbers")
    ring_of_coord = np.repeat(np.arange(len(rings)), [len(r) for r in rings])
    made = shapely.polygons(shapely.linearrings(coords, indices=ring_of_coord), indices=ring_poly)
    if kind == "Polygon":
        return made[0]
    return shapely.multipolygons(made)


def write_document(doc: Mapping[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write an atlas document atomically (temporary file, then rename)."""
    import tempfile

    path = Path(path)
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
