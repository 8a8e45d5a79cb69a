"""Touch logs at scale: stream a CSV or Parquet file of touches through ``Atlas.hit_many``.

A touch log has one row per touch with the columns ``x``, ``y`` (mm in the foot's frame),
``foot`` and optionally ``aspect`` (empty means the default aspect).  :func:`hit_file` reads it
in blocks of about a megabyte, hit-tests each block with one ``hit_many`` call per foot and
aspect, and writes every input row again with two more columns:

* ``zone``: the id of the primary zone, empty (CSV) or null (Parquet) where no zone is hit;
* ``organs``: the organ ids of that zone joined by ``;`` (empty where no zone is hit).

Memory stays constant in the number of rows.  CSV blocks without a quote character are
scanned with numpy (:mod:`footviz.hit.csvscan`) and their lines are copied to the output byte for
byte; from the first quote on, the rest of the file goes through the ``csv`` module.  CSV is
read as UTF-8 (a byte-order mark is skipped); other encodings are refused with the offset of
the first bad byte rather than guessed.  Output lines end in ``\\r\\n``, as the ``csv`` module
writes them.  Parquet needs pyarrow (``pip install footviz[parquet]``); columns read from a CSV
are written to Parquet as text.  The output file is written atomically.
"""

from __future__ import annotations

import contextlib
import csv
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import IO, Any

import numpy as np

from .._internal.checks import check_real
from ..atlas.model import check_choice
from ..atlas.vocabulary import ASPECTS, FEET
from . import csvscan
from .touchcsv import (
    CHUNK_ROWS,
    Block,
    CsvTouches,
    RowChecker,
    TouchLogError,
    column_positions,
)

__all__ = ["TouchLogError", "atomic_output", "hit_file"]

FORMATS = ("csv", "parquet")


def format_of(path: str | os.PathLike[str] | None, given: str | None, what: str) -> str:
    """``given`` if set (checked), else ``"parquet"`` for a ``.parquet``/``.pq`` path, else csv."""
    if given is not None:
        return check_choice(what, given, FORMATS)
    name = os.fspath(path or "").lower()
    return "parquet" if name.endswith((".parquet", ".pq")) else "csv"


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.compute
        import pyarrow.parquet
    except ImportError:
        raise TouchLogError("Parquet needs pyarrow: pip install 'footviz[parquet]'") from None
    return pyarrow


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[str]:
    """Yield a temporary path beside ``path``; on success rename it over ``path``.

    On error the temporary file is removed and ``path`` is left as it was.  The new file gets
    the mode a plain ``open(path, "w")`` would give it (``0o666`` less the umask).
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".footviz-", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# ---------------------------------------------------------------------- Parquet input
class ParquetTouches:
    """The rows of a touch-log Parquet file, in blocks of :data:`CHUNK_ROWS` rows."""

    def __init__(self, path: str, default_aspect: str = "plantar") -> None:
        pa = _pyarrow()
        self.path = path
        self.check = RowChecker(path, default_aspect)
        try:
            self._file = pa.parquet.ParquetFile(path)
        except OSError as exc:
            raise TouchLogError(f"cannot read {path}: {exc.strerror or exc}") from None
        except Exception as exc:  # pyarrow's ArrowInvalid: not a Parquet file
            raise TouchLogError(f"{path}: not a Parquet file ({str(exc)[:80]})") from None
        self.schema = self._file.schema_arrow
        self.fields = list(self.schema.names)
        try:
            self.columns = column_positions(path, self.fields)
        except TouchLogError:
            self._file.close()
            raise
        self.total = self._file.metadata.num_rows

    def close(self) -> None:
        self._file.close()

    def __iter__(self) -> Iterator[Block]:
        done = 0
        ix, iy, ifoot, iasp = self.columns
        for batch in self._file.iter_batches(batch_size=CHUNK_ROWS):
            first = done + 1

            def where(i: int, first: int = first) -> str:
                return f"row {first + i}"

            x = self._numbers(batch.column(ix), "x", where)
            y = self._numbers(batch.column(iy), "y", where)
            foot = self._names(batch.column(ifoot), "foot", where)
            if iasp is None:
                aspect = np.full(len(x), ASPECTS.index(self.check.default_aspect))
            else:
                aspect = self._names(batch.column(iasp), "aspect", where)
            done += batch.num_rows
            yield Block(x, y, foot, aspect, "arrow", batch, done)

    def _numbers(self, col, name: str, where) -> np.ndarray:
        pa = _pyarrow()
        if pa.types.is_integer(col.type) or pa.types.is_floating(col.type):
            if col.null_count:
                i = int(np.flatnonzero(col.is_null().to_numpy(zero_copy_only=False))[0])
                raise self.check.fail(where(i), name, "expected a number, got a missing value")
            values = col.to_numpy(zero_copy_only=False).astype(np.float64)
            return self.check.finite(values, None, name, where)
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            return self.check.numbers(col.to_pylist(), name, where)
        raise self.check.fail(where(0), name, f"expected numbers, the column has type {col.type}")

    def _names(self, col, name: str, where) -> np.ndarray:
        pa = _pyarrow()
        if not pa.types.is_dictionary(col.type):
            col = pa.compute.dictionary_encode(col)
        if not (
            pa.types.is_string(col.type.value_type) or pa.types.is_large_string(col.type.value_type)
        ):
            raise self.check.fail(where(0), name, f"expected names, the column has type {col.type}")
        if col.null_count:
            i = int(np.flatnonzero(col.is_null().to_numpy(zero_copy_only=False))[0])
            raise self.check.fail(where(i), name, f"expected a {name} name, got a missing value")
        names = col.dictionary.to_pylist()
        index = col.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        used, first = np.unique(index, return_index=True)
        order = np.argsort(first)  # check names in the order rows first carry them
        used, first = used[order], first[order]
        codes = np.zeros(len(names), np.int64)
        codes[used] = self.check.names(
            [names[k] for k in used], name, lambda k: where(int(first[k]))
        )
        return codes[index]


# ---------------------------------------------------------------------- outputs
def _hit_table(atlas) -> tuple[list[str | None], list[str]]:
    """Zone id (None: no zone) and ``;``-joined organs per shape index, -1 last."""
    zones: list[str | None] = [s.zone.id for s in tuple(atlas)] + [None]
    organs = [";".join(s.zone.organs) for s in tuple(atlas)] + [""]
    return zones, organs


def _csv_line(fields: list[str]) -> str:
    out = _StringWriter()
    csv.writer(out).writerow(fields)
    return out.text


class _StringWriter:
    text = ""

    def write(self, s: str) -> None:
        self.text += s


class CsvOut:
    """Writes blocks as CSV: the input row, then ``zone`` and ``organs``."""

    def __init__(self, handle: IO[bytes], fields: list[str], atlas) -> None:
        self.handle = handle
        self.zones, self.organs = _hit_table(atlas)
        self.suffix = [
            _csv_line(["", z or "", o]).encode("utf-8")
            for z, o in zip(self.zones, self.organs, strict=True)
        ]
        handle.write(_csv_line([*fields, "zone", "organs"]).encode("utf-8"))

    def write(self, block: Block, index: np.ndarray) -> None:
        if block.kind == "bytes":
            self.handle.write(csvscan.gather_lines(block.data, self.suffix, index))
            return
        rows = block.data if block.kind == "rows" else _arrow_rows(block.data)
        zones = np.array([z or "" for z in self.zones], dtype=object)[index].tolist()
        organs = np.array(self.organs, dtype=object)[index].tolist()
        text = _StringWriter()
        csv.writer(text).writerows([*r, z, o] for r, z, o in zip(rows, zones, organs, strict=True))
        self.handle.write(text.text.encode("utf-8"))

    def close(self) -> None:
        pass


def _arrow_rows(batch) -> list[list[str]]:
    pa = _pyarrow()
    cols = []
    for col in batch.columns:
        try:
            text = pa.compute.cast(col, pa.string())
        except Exception:  # pyarrow cannot cast some types (nested, binary) to text
            text = pa.array([None if v is None else str(v) for v in col.to_pylist()])
        cols.append(["" if v is None else v for v in text.to_pylist()])
    return [list(r) for r in zip(*cols, strict=True)]


class ParquetOut:
    """Writes blocks to Parquet: the input columns (text from a CSV), ``zone`` and ``organs``."""

    def __init__(self, path: str, fields: list[str], atlas, schema=None) -> None:
        pa = _pyarrow()
        self.zones, self.organs = _hit_table(atlas)
        base = schema or pa.schema([(f, pa.string()) for f in fields])
        self.schema = base.append(pa.field("zone", pa.string())).append(
            pa.field("organs", pa.string())
        )
        self.fields = fields
        self.writer = pa.parquet.ParquetWriter(path, self.schema)

    def write(self, block: Block, index: np.ndarray) -> None:
        pa = _pyarrow()
        if block.kind == "arrow":
            cols = list(block.data.columns)
        else:
            rows = block.data if block.kind == "rows" else _byte_rows(block.data)
            cols = [pa.array(list(c), pa.string()) for c in zip(*rows, strict=True)]
            if not rows:
                cols = [pa.array([], pa.string()) for _ in self.fields]
        zone = pa.array(np.array(self.zones, dtype=object)[index], pa.string())
        organs = pa.array(np.array(self.organs, dtype=object)[index], pa.string())
        self.writer.write_batch(pa.record_batch([*cols, zone, organs], schema=self.schema))

    def close(self) -> None:
        self.writer.close()


def _byte_rows(piece: bytes) -> list[list[str]]:
    """The rows of a quote-free block of lines."""
    lines = piece.decode("utf-8").replace("\r\n", "\n").split("\n")
    return [line.split(",") for line in lines[:-1]]


# ---------------------------------------------------------------------- the stream
def _progress(enabled: bool | None, total: int, unit: str, stream=None):
    """A tqdm bar on stderr when it is a terminal (``enabled=None``) and tqdm is installed."""
    stream = sys.stderr if stream is None else stream
    if enabled is None:
        isatty = getattr(stream, "isatty", None)
        enabled = bool(isatty and isatty())
    if not enabled:
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    scale = unit == "B"
    return tqdm(total=total, unit=unit, unit_scale=scale, file=stream, desc="footviz hit")


def hit_blocks(atlas, blocks, tolerance: float = 0.0) -> Iterator[tuple[Block, np.ndarray]]:
    """Each block with the shape index (into ``tuple(atlas)``, -1: none) of its rows."""
    na = len(ASPECTS)
    for block in blocks:
        index = np.full(len(block.x), -1, np.int32)
        combo = block.foot * na + block.aspect
        groups = np.flatnonzero(np.bincount(combo, minlength=1))
        for c in groups.tolist():
            foot, aspect = FEET[c // na], ASPECTS[c % na]
            if len(groups) == 1:
                index = atlas.hit_many(block.x, block.y, foot, aspect, tolerance).index
            else:
                sel = np.flatnonzero(combo == c)
                index[sel] = atlas.hit_many(
                    block.x[sel], block.y[sel], foot, aspect, tolerance
                ).index
        yield block, np.asarray(index, np.int32)


def hit_file(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    *,
    atlas=None,
    aspect: str = "plantar",
    tolerance: float = 0.0,
    input_format: str | None = None,
    output_format: str | None = None,
    progress: bool | None = None,
    stdout: IO[bytes] | None = None,
) -> int:
    """Hit-test every row of a touch log and write it with ``zone`` and ``organs`` columns.

    Parameters
    ----------
    source : path
        A CSV or Parquet file with columns ``x``, ``y``, ``foot`` (and optionally ``aspect``).
    output : path, optional
        Where to write (atomically); None writes CSV to ``stdout`` (default: sys.stdout).
    atlas : Atlas, optional
        Default: the built-in atlas.
    aspect : str
        The aspect of rows without an ``aspect`` value.
    tolerance : float
        How far a touch may miss a zone, in mm (see :meth:`Atlas.hit`).
    input_format, output_format : {"csv", "parquet"}, optional
        Default: from the file suffix (``.parquet`` or ``.pq``: Parquet; otherwise CSV).
    progress : bool, optional
        Show a tqdm bar on stderr; default: when stderr is a terminal and tqdm is installed.

    Returns
    -------
    int
        The number of rows written.
    """
    from ..atlas import Atlas, load_atlas

    if atlas is None:
        atlas = load_atlas()
    elif not isinstance(atlas, Atlas):
        raise TouchLogError(f"atlas must be a footviz Atlas, got {type(atlas).__name__}")
    aspect = check_choice("aspect", aspect, ASPECTS)
    tolerance = check_real("tolerance", tolerance, low=0.0, unit="mm")
    src = os.fspath(source)
    fin = format_of(src, input_format, "input format")
    fout = format_of(output, output_format, "output format")
    if output is None and fout != "csv":
        raise TouchLogError("Parquet output needs a file name (-o OUT.parquet)")
    reader = (ParquetTouches if fin == "parquet" else CsvTouches)(src, aspect)
    try:
        bar = _progress(progress, reader.total, "rows" if fin == "parquet" else "B")
        with contextlib.ExitStack() as stack:
            if output is None:
                out_stream = stdout if stdout is not None else sys.stdout.buffer
                writer: Any = CsvOut(out_stream, reader.fields, atlas)
            else:
                tmp = stack.enter_context(atomic_output(output))
                if fout == "csv":
                    handle = stack.enter_context(open(tmp, "wb"))
                    writer = CsvOut(handle, reader.fields, atlas)
                else:
                    schema = reader.schema if fin == "parquet" else None
                    writer = ParquetOut(tmp, reader.fields, atlas, schema)
            rows, seen = 0, 0
            try:
                for block, index in hit_blocks(atlas, reader, tolerance):
                    writer.write(block, index)
                    rows += len(index)
                    if bar is not None:
                        bar.update(block.done - seen)
                        seen = block.done
            finally:
                writer.close()
                if bar is not None:
                    bar.close()
        return rows
    finally:
        reader.close()
