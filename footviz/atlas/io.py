"""Reading and writing atlas GeoJSON files (schema documented in geometry/README.md)."""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any

from .._internal.checks import check_source, describe, shorten
from ..errors import AtlasFormatError

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

SCHEMA_VERSION = 1
BUILT_IN = {
    "reflexology": "reflexology.geojson",
    "sujok": "sujok.geojson",
    "sujok-insect": "sujok-insect.geojson",
}


def builtin_path(name: str) -> Path:
    """Path of a built-in atlas file shipped inside the package."""
    from pathlib import Path

    return Path(builtin_file(name))


def builtin_file(name: str) -> str:
    """The file name of a built-in atlas (as :func:`builtin_path`, a str: reading an atlas
    needs no ``pathlib``, which costs start-up time)."""
    if name not in BUILT_IN:
        from .._internal.names import NameIndex

        index = NameIndex("atlas", {k: () for k in BUILT_IN})
        name = index.resolve(name, "source")  # refuses with a did-you-mean
    # the package's own directory (as importlib.resources.files would give for an installed
    # package; importing importlib.resources costs start-up time)
    here = os.path.dirname(os.path.realpath(__file__))
    return os.path.join(os.path.dirname(here), "data", BUILT_IN[name])


MAX_ATLAS_BYTES = 256 * 1024 * 1024  # an atlas file larger than this is refused unread
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def read_document(source: str | os.PathLike[str] | Mapping[str, Any]) -> dict[str, Any]:
    """Load and check an atlas document (a path or an already-parsed dict).

    Checks the top level and the type of every metadata member and record, so that a
    malformed file gives an :class:`AtlasFormatError` naming the member, never a raw error
    later.  The file must be UTF-8 JSON (a UTF-8 byte order mark is allowed) of at most
    :data:`MAX_ATLAS_BYTES`; ``NaN`` and ``Infinity`` are not JSON and are refused.
    """
    if isinstance(source, Mapping):
        doc: Any = dict(source)
        where = "atlas document"
    else:
        check_source("source", source)
        path = os.fspath(source)
        where = path
        doc = _parse(_read_text(path), path)
    if isinstance(doc, dict) and "footviz" not in doc:  # (its module loads only then)
        from .plain import is_plain, rebuild_metadata

        if is_plain(doc):  # written back by a GIS tool: the metadata comes from the properties
            doc = rebuild_metadata(doc, where)
    check_document(doc, where)
    return doc


def _read_text(path: str) -> str:
    try:
        size = os.stat(path).st_size
        if size > MAX_ATLAS_BYTES:
            raise AtlasFormatError(
                f"atlas file {path} is {size:,} bytes; at most {MAX_ATLAS_BYTES:,} are read"
            )
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise AtlasFormatError(f"atlas file not found: {path}") from None
    except OSError as exc:
        raise AtlasFormatError(f"cannot read atlas file {path}: {exc.strerror}") from None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise AtlasFormatError(
                f"{path} is {encoding} text; atlas files must be UTF-8 (save it as UTF-8)"
            )
    head = data[:4096]
    if 0 in head:  # JSON text has no NUL byte; UTF-16 text has one in every other byte
        if head.count(0) * 3 >= len(head):
            raise AtlasFormatError(
                f"{path} looks like UTF-16 text; atlas files must be UTF-8 (save it as UTF-8)"
            )
        raise AtlasFormatError(f"{path} holds NUL bytes: not a UTF-8 GeoJSON text file")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:  # not the "utf-8-sig" codec: its module is one more import at start-up
        return (data[bom:] if bom else data).decode("utf-8")
    except UnicodeDecodeError as exc:
        at = exc.start + bom
        raise AtlasFormatError(
            f"{path} is not UTF-8 text (byte 0x{data[at]:02x} at offset {at}): "
            "an atlas file is UTF-8 encoded GeoJSON"
        ) from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _parse(text: str, path: str) -> Any:
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise AtlasFormatError(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise AtlasFormatError(f"{path}: JSON nested too deeply to be an atlas") from None
    except ValueError as exc:  # NaN / Infinity, or an integer too long to read
        raise AtlasFormatError(f"{path} is not valid JSON ({exc})") from None


def check_document(doc: Any, where: str = "atlas document") -> None:
    """Check the top level of an atlas document and the type of every metadata record.

    Raises
    ------
    AtlasFormatError
        Naming the member (``footviz.zones['heart'].feet`` ...) and the expected type.
    """
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise AtlasFormatError(f"{where}: expected a GeoJSON FeatureCollection")
    meta = doc.get("footviz")
    if not isinstance(meta, dict):
        raise AtlasFormatError(f"{where}: missing the 'footviz' member with the atlas metadata")
    version = meta.get("schema_version")
    if not (type(version) is int and version == SCHEMA_VERSION):
        raise AtlasFormatError(
            f"{where}: schema_version {shorten(version)} is not supported (this footviz reads "
            f"schema_version {SCHEMA_VERSION})"
        )
    for member in ("atlas", "zones", "organs", "groups", "systems", "conditions"):
        if member not in meta:
            raise AtlasFormatError(f"{where}: 'footviz' has no {member!r} member")
    if not isinstance(doc.get("features"), list):
        raise AtlasFormatError(f"{where}: 'features' must be a list")
    _object(where, "footviz.atlas", meta["atlas"])
    for member, fields in _RECORD_FIELDS.items():
        records = _object(where, f"footviz.{member}", meta[member], f"{member[:-1]} ids")
        for rid, record in records.items():
            name = f"footviz.{member}[{shorten(rid)}]"
            if not isinstance(rid, str):
                raise AtlasFormatError(f"{where}: {name}: ids must be strings")
            _object(where, name, record)
            for key, kind in fields.items():
                _field(where, f"{name}.{key}", record.get(key), kind)
    conditions = meta["conditions"]
    if not isinstance(conditions, list):
        raise AtlasFormatError(
            f"{where}: footviz.conditions must be a list of condition rows, "
            f"got {describe(conditions)}"
        )
    for i, row in enumerate(conditions):
        name = f"footviz.conditions[{i}]"
        _object(where, name, row)
        for key in ("id", "name", "terms"):
            if key not in row:
                raise AtlasFormatError(f"{where}: {name} has no {key!r} member")
        _field(where, f"{name}.id", row["id"], "str")
        _object(where, f"{name}.name", row["name"], "language codes")
        _field(where, f"{name}.synonyms", row.get("synonyms"), "names")
        _field(where, f"{name}.source_text", row.get("source_text"), "str")
        if not isinstance(row["terms"], list):
            raise AtlasFormatError(
                f"{where}: {name}.terms must be a list, got {describe(row['terms'])}"
            )
        for j, term in enumerate(row["terms"]):
            _object(where, f"{name}.terms[{j}]", term)
            for key in ("kind", "id"):
                if not isinstance(term.get(key), str):
                    raise AtlasFormatError(
                        f"{where}: {name}.terms[{j}].{key} must be a str, "
                        f"got {describe(term.get(key))}"
                    )


# the type of each record field that code reads (None / missing is always allowed; wrong
# contents of the right type, such as an unknown organ, are the validator's to report)
_RECORD_FIELDS: dict[str, dict[str, str]] = {
    "zones": {
        "organs": "names",
        "feet": "names",
        "aspects": "names",
        "groups": "names",
        "system": "str",
        "parent": "str",
        "symmetric": "bool",
        "provenance": "str",
    },
    "organs": {"synonyms": "names", "side": "str", "en": "text", "ru": "text"},
    "groups": {"synonyms": "names", "organs": "names", "en": "text", "ru": "text"},
    "systems": {"en": "text", "ru": "text"},
}
_KINDS = {
    "str": "a str",
    "text": "a str",
    "bool": "true or false",
    "names": "a list of str",
}


def _object(where: str, name: str, value: Any, keys: str = "") -> dict[str, Any]:
    if not isinstance(value, dict):
        what = f"an object mapping {keys} to records" if keys else "an object"
        raise AtlasFormatError(f"{where}: {name} must be {what}, got {describe(value)}")
    return value


def _field(where: str, name: str, value: Any, kind: str) -> None:
    if value is None:
        return
    if kind in ("str", "text"):
        ok = isinstance(value, str)
    elif kind == "bool":
        ok = isinstance(value, bool)
    else:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    if not ok:
        raise AtlasFormatError(f"{where}: {name} must be {_KINDS[kind]}, got {describe(value)}")


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


def write_document(doc: Mapping[str, Any], path: str | os.PathLike[str] | IO[bytes]) -> Any:
    """Write an atlas document as UTF-8 GeoJSON to a path (atomically, see
    :mod:`footviz._internal.atomic`) or a binary file object; return ``path``."""
    from pathlib import Path

    from .._internal.atomic import is_path, write_bytes

    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    write_bytes(path, text.encode("utf-8"))
    return Path(os.fsdecode(path)) if is_path(path) else path
