"""Hit-testing the touches of a pandas or Dask DataFrame: :func:`hit_frame`.

pandas is imported only when :func:`hit_frame` runs (``pip install footviz[pandas]``); Dask
only when it is given a Dask DataFrame (``pip install footviz[dask]``).

On Dask, each partition runs :func:`hit_frame` through ``map_partitions``.  The atlas travels
as one ``dask.delayed`` object, its GeoJSON document keyed by a fingerprint of the document,
so the scheduler ships it once to each worker that needs it, not once per partition; a worker
builds the :class:`~footviz.Atlas` from it once and keeps it in a module-level cache keyed by
that fingerprint (:data:`_ATLASES`).  Its hit index is then built once per worker process (and
read from the on-disk index cache where one is written).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import numpy as np

from .._internal.checks import check_real, shorten
from .._internal.names import NameIndex
from ..atlas.model import check_choice
from ..atlas.vocabulary import ASPECTS, FEET
from ..errors import UnknownNameError
from .touchcsv import TouchLogError

#: fingerprint -> Atlas, in each process that ran a partition (see the module docstring)
_ATLASES: dict[str, Any] = {}
#: how many atlases this process built from a shipped document (tests count them)
BUILDS = {"count": 0}


def hit_frame(
    df,
    x: str = "x",
    y: str = "y",
    foot: str = "foot",
    aspect: str | None = None,
    tolerance: float = 0.0,
    atlas=None,
):
    """A copy of ``df`` with ``zone`` and ``organs`` columns: the zone under each touch.

    Parameters
    ----------
    df : pandas.DataFrame or dask.dataframe.DataFrame
        One row per touch.  The input is never changed.
    x, y : str
        Names of the columns holding the point in the foot's frame (mm).
    foot : str
        A column name, or a constant foot name (``"left"``/``"right"``) for every row.  A
        column of that name wins only when the text is not also a foot name: a frame with a
        column called ``"left"`` makes ``foot="left"`` ambiguous, and that is an error.
    aspect : str, optional
        Same rule as ``foot`` with aspect names.  None: the ``"aspect"`` column if ``df`` has
        one (empty or missing values there mean ``"plantar"``), else ``"plantar"``.
    tolerance : float
        How far a touch may miss a zone, in mm (see :meth:`footviz.Atlas.hit`).
    atlas : Atlas, optional
        Default: the built-in atlas.

    Returns
    -------
    DataFrame
        ``df``'s columns, then ``zone`` (string dtype: the primary zone id, ``pd.NA`` where no
        zone is hit, NaN coordinates included) and ``organs`` (a tuple of organ ids per row,
        ``()`` where no zone is hit).  Dask input gives a Dask DataFrame.
    """
    atlas = _atlas(atlas)
    tol = check_real("tolerance", tolerance, low=0.0, unit="mm")
    if _is_dask(df):
        return _hit_dask(df, x, y, foot, aspect, tol, atlas)
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise TouchLogError(f"df must be a pandas or Dask DataFrame, got {type(df).__name__}")
    columns = _checkcolumn_positions(df, x, y)
    xs = _numbers(df, columns[0], "x", pd)
    ys = _numbers(df, columns[1], "y", pd)
    feet = _names(df, "foot", foot, FEET, None, pd)
    aspects = _names(df, "aspect", aspect, ASPECTS, "plantar", pd)
    index = np.full(len(df), -1, np.int32)
    combo = feet * len(ASPECTS) + aspects
    groups = np.flatnonzero(np.bincount(combo, minlength=1))
    for c in groups.tolist():
        f, a = FEET[c // len(ASPECTS)], ASPECTS[c % len(ASPECTS)]
        if len(groups) == 1:
            index = np.asarray(atlas.hit_many(xs, ys, f, a, tol).index, np.int32)
        else:
            sel = np.flatnonzero(combo == c)
            index[sel] = atlas.hit_many(xs[sel], ys[sel], f, a, tol).index
    zones, organs = _tables(atlas)
    return df.assign(
        zone=_zone_array(zones, index, pd),
        organs=pd.Series(organs[index], index=df.index, dtype=object),
    )


def _zone_array(zones: np.ndarray, index: np.ndarray, pd):
    """The zone ids of ``index`` as a pandas string array (``pd.NA`` for -1)."""
    dtype = pd.StringDtype()
    if getattr(dtype, "storage", None) == "pyarrow":
        import pyarrow as pa

        # one C-level take from the table of ids instead of a Python object per row
        rows = np.where(index < 0, len(zones) - 1, index)  # the last id is None
        taken = pa.array(zones.tolist(), pa.string()).take(pa.array(rows, pa.int32()))
        return pd.arrays.ArrowStringArray(taken)
    return pd.array(zones[index], dtype=dtype)


# ---------------------------------------------------------------------- checks
def _atlas(atlas):
    from ..atlas import Atlas, load_atlas

    if atlas is None:
        return load_atlas()
    if not isinstance(atlas, Atlas):
        raise TouchLogError(f"atlas must be a footviz Atlas, got {type(atlas).__name__}")
    return atlas


def _column(df, param: str, name: object) -> str:
    """``name`` if it is a column of ``df``; an error with did-you-mean otherwise."""
    cols = [c for c in df.columns if isinstance(c, str)]
    if isinstance(name, str) and name in cols:
        return name
    if not isinstance(name, str):
        raise TouchLogError(f"{param} must be a column name (str), got {shorten(name)}")
    found = NameIndex("column", {c: () for c in cols}).suggest(name)
    raise UnknownNameError(
        "column", name, found, cols, hint=f"({param}= names the column of {param} values)"
    )


def _checkcolumn_positions(df, x: object, y: object) -> tuple[str, str]:
    for taken in ("zone", "organs"):
        if taken in df.columns:
            raise TouchLogError(f"df already has a {taken!r} column (hit_frame adds it); rename it")
    return _column(df, "x", x), _column(df, "y", y)


def _numbers(df, column: str, param: str, pd) -> np.ndarray:
    values = df[column]
    if values.dtype.kind not in "iuf":
        converted = pd.to_numeric(values, errors="coerce")
        bad = converted.isna() & values.notna()
        if bad.any():
            label = bad.index[np.flatnonzero(bad.to_numpy())[0]]
            raise TouchLogError(
                f"{param}: column {column!r} must hold numbers; row {label!r} has "
                f"{shorten(values.loc[bad].iloc[0])}"
            )
        values = converted
    return values.to_numpy(dtype=np.float64, na_value=np.nan)


def _spec(df, param: str, value: object, allowed: tuple[str, ...], default: str | None):
    """("column", name) or ("constant", name): the rule of :func:`hit_frame`'s ``foot``."""
    if value is None and default is not None:
        return ("column", "aspect") if "aspect" in df.columns else ("constant", default)
    if not isinstance(value, str):
        raise TouchLogError(
            f"{param} must be a column name or a {param} name ({', '.join(allowed)}), "
            f"got {shorten(value)}"
        )
    is_column = value in df.columns
    is_name = value in allowed
    if is_column and is_name:
        raise TouchLogError(
            f"{param}={value!r} is ambiguous: both a column of df and a {param} name; rename "
            "the column"
        )
    if is_column:
        return ("column", value)
    if is_name:
        return ("constant", value)
    cols = [c for c in df.columns if isinstance(c, str)]
    spellings = {c: () for c in (*allowed, *cols)}
    raise UnknownNameError(
        f"{param} column or name",
        value,
        NameIndex(param, spellings).suggest(value),
        (*allowed, *cols),
    )


def _names(df, param, value, allowed, default, pd) -> np.ndarray:
    kind, name = _spec(df, param, value, allowed, default)
    if kind == "constant":
        return np.full(len(df), allowed.index(name), np.int64)
    col = df[name]
    codes, uniques = pd.factorize(col, use_na_sentinel=True)
    lookup = np.empty(len(uniques) + 1, np.int64)
    for k, u in enumerate(uniques):
        if default is not None and u == "":
            lookup[k] = allowed.index(default)
            continue
        try:
            lookup[k] = allowed.index(check_choice(param, u, allowed))
        except UnknownNameError as exc:
            label = col.index[np.flatnonzero(codes == k)[0]]
            raise TouchLogError(f"{param}: column {name!r}, row {label!r}: {exc}") from None
    if (codes < 0).any():
        if default is None:
            label = col.index[np.flatnonzero(codes < 0)[0]]
            raise TouchLogError(f"{param}: column {name!r}, row {label!r}: missing {param}")
        lookup[-1] = allowed.index(default)
    return lookup[codes]


def _tables(atlas) -> tuple[np.ndarray, np.ndarray]:
    shapes = tuple(atlas)
    zones = np.array([s.zone.id for s in shapes] + [None], dtype=object)
    organs = np.empty(len(shapes) + 1, dtype=object)
    organs[:] = [tuple(s.zone.organs) for s in shapes] + [()]
    return zones, organs


# ---------------------------------------------------------------------- Dask
def _is_dask(df: object) -> bool:
    return type(df).__module__.split(".")[0] in ("dask", "dask_expr") and hasattr(
        df, "map_partitions"
    )


def fingerprint(atlas) -> str:
    """A short hash of the atlas document: equal documents give equal fingerprints."""
    text = json.dumps(atlas.to_document(), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _partition_atlas(payload: tuple[str, dict]):
    key, doc = payload
    atlas = _ATLASES.get(key)
    if atlas is None:
        from ..atlas import Atlas

        atlas = _ATLASES[key] = Atlas(doc)
        BUILDS["count"] += 1
    return atlas


def _partition(part, payload, x, y, foot, aspect, tolerance):
    return hit_frame(part, x, y, foot, aspect, tolerance, _partition_atlas(payload))


def _hit_dask(ddf, x, y, foot, aspect, tolerance, atlas):
    try:
        import dask
    except ImportError:  # pragma: no cover - a Dask frame without dask
        raise TouchLogError("Dask frames need dask: pip install 'footviz[dask]'") from None
    # the empty meta frame checks columns and names here, before any task runs
    meta = hit_frame(ddf._meta, x, y, foot, aspect, tolerance, atlas)
    key = fingerprint(atlas)
    _ATLASES.setdefault(key, atlas)  # in this process: the caller's own atlas
    payload = dask.delayed(
        (key, atlas.to_document()), name=f"footviz-atlas-{key}", pure=True, traverse=False
    )
    return ddf.map_partitions(
        _partition, payload, x, y, foot, aspect, tolerance, meta=meta, align_dataframes=False
    )
