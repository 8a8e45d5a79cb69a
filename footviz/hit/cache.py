"""The on-disk cache of built grids: ``$XDG_CACHE_HOME/footviz/hit-<key>.grid``.

A file is the magic line ``footviz-hit-grid``, a text table of the arrays (name, dtype, shape,
offset: one line each) and their raw bytes, 8-byte aligned: read with one ``read`` and numpy
views, without ``zipfile`` (which ``.npz`` needs, and which costs a fresh process time).

The key hashes everything a grid's arrays depend on (the format, the memory bound, the cell
sizes, the zones' rank order and their exact geometry), so a changed atlas never reads a stale
file.  A damaged, foreign or unreadable file is ignored (the grid is rebuilt and the file
overwritten); the file is written through the package's one atomic writer, and a cache that
cannot be written is skipped.  ``FOOTVIZ_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import numpy as np

from .griddata import GridData

try:  # the built-in SHA-256 (hashlib's import loads OpenSSL: a slower start-up)
    from _sha2 import sha256  # Python >= 3.12
except ImportError:  # pragma: no cover - by version
    try:
        from _sha256 import sha256  # Python 3.10, 3.11
    except ImportError:
        from hashlib import sha256

__all__ = ["FORMAT", "cache_dir", "cache_key", "load", "pack", "save", "unpack"]

FORMAT = "footviz-hit-6"  # bump when the arrays or their meaning change


def cache_dir() -> str | None:
    """Directory of the on-disk index cache, or None when ``FOOTVIZ_NO_CACHE`` is set.

    ``$XDG_CACHE_HOME/footviz`` (default ``~/.cache/footviz``).
    """
    if os.environ.get("FOOTVIZ_NO_CACHE", "") not in ("", "0"):
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(root, "footviz")


def cache_key(
    max_cell_words: int, coarse: float, block: int, rank_to_global: np.ndarray, wkb: Iterable[bytes]
) -> str:
    """Hash of everything a grid's arrays depend on."""
    h = sha256()
    h.update(f"{FORMAT}|{max_cell_words}|{coarse!r}|{block}|".encode())
    h.update(rank_to_global.tobytes())
    for w in wkb:
        h.update(w)
    return h.hexdigest()[:32]


def path_of(key: str) -> str | None:
    """The cache file of ``key`` (None: the cache is off)."""
    d = cache_dir()
    return None if d is None else os.path.join(d, f"hit-{key}.grid")


def load(key: str, nz: int, block: int) -> GridData | None:
    """The grid stored under ``key``, or None (no file, or one that does not fit)."""
    path = path_of(key)
    if path is None or not os.path.exists(path):
        return None
    try:
        with open(path, "rb") as fh:
            arrays = unpack(fh.read())
    except Exception:  # corrupt, truncated or unreadable: rebuild (and overwrite)
        return None
    return GridData.from_arrays(arrays, nz, block)


def save(key: str, data: GridData) -> None:
    """Store ``data`` under ``key`` (atomically; skipped when the cache cannot be written)."""
    from .._internal.atomic import write_with

    path = path_of(key)
    if path is None:
        return
    arrays = data.to_arrays()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_with(path, lambda f: f.write(pack(arrays)))
    except OSError:
        pass


MAGIC = b"footviz-hit-grid\n"


def pack(arrays: dict[str, np.ndarray]) -> bytes:
    """Arrays as one file: the magic line, the table, the 8-byte aligned raw bytes."""
    rows, chunks, offset = [], [], 0
    for name, arr in arrays.items():
        arr = np.ascontiguousarray(arr)
        if arr.dtype.kind not in "iuf" or not name.isidentifier():
            raise ValueError(f"cannot store array {name!r} of dtype {arr.dtype}")
        shape = ",".join(map(str, arr.shape))
        rows.append(f"{name} {arr.dtype.str} {shape or '-'} {offset}")
        data = arr.tobytes()
        chunks.append(data + bytes(-len(data) % 8))
        offset += len(chunks[-1])
    table = ("\n".join(rows) + "\n").encode("ascii")
    table += bytes(-(len(MAGIC) + 8 + len(table)) % 8)
    head = MAGIC + len(table).to_bytes(8, "little") + table
    return head + b"".join(chunks)


def unpack(blob: bytes) -> dict[str, np.ndarray]:
    """The arrays of a :func:`pack` file (views of one buffer); ValueError when damaged."""
    if not blob.startswith(MAGIC):
        raise ValueError("not a footviz grid file")
    start = len(MAGIC) + 8
    size = int.from_bytes(blob[len(MAGIC) : start], "little")
    table = blob[start : start + size].rstrip(b"\0").decode("ascii")
    buf = memoryview(bytearray(blob))[start + size :]  # writable, like loaded arrays
    out = {}
    for row in table.splitlines():
        name, dtype, shape, offset = row.split(" ")
        dims = () if shape == "-" else tuple(int(n) for n in shape.split(","))
        dt = np.dtype(dtype)
        if dt.kind not in "iuf":
            raise ValueError(f"bad dtype {dtype!r}")
        count = int(np.prod(dims, dtype=np.int64))
        out[name] = np.frombuffer(buf, dt, count, int(offset)).reshape(dims)
    return out
