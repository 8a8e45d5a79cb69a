"""Reading and writing atlas GeoJSON files (schema documented in geometry/README.md)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import AtlasFormatError, UnknownNameError

SCHEMA_VERSION = 1
BUILT_IN = {
    "reflexology": "reflexology.geojson",
    "sujok": "sujok.geojson",
    "sujok-insect": "sujok-insect.geojson",
}


def builtin_path(name: str) -> Path:
    """Path of a built-in atlas file shipped inside the package."""
    if name not in BUILT_IN:
        from .names import NameIndex

        index = NameIndex("atlas", {k: () for k in BUILT_IN})
        raise UnknownNameError("atlas", name, index.suggest(name), tuple(BUILT_IN))
    return Path(str(resources.files("footviz") / "data" / BUILT_IN[name]))


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


def write_document(doc: Mapping[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write an atlas document atomically (temporary file, then rename)."""
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
