"""Reading touch-log CSV files in blocks of checked touches (see :mod:`footviz.hit.touchlog`).

Blocks of quote-free lines are scanned with numpy (:mod:`footviz.hit.csvscan`) and keep their raw
bytes so the writer can copy each line; from the first quote on, the ``csv`` module reads the
rest of the file.  Every error names the file, the line and the column.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._internal.checks import shorten
from ..atlas.model import check_choice
from ..atlas.vocabulary import ASPECTS, FEET
from ..errors import TouchLogError, UnknownNameError
from . import csvscan

MAX_FIELD = 128 * 1024  #: longest CSV field accepted (characters), as the csv module's limit
CHUNK_BYTES = 1 << 20  #: CSV bytes per block
CHUNK_ROWS = 65536  #: rows per block where rows are counted (quoted CSV, Parquet)
NEED = ("x", "y", "foot")


# ---------------------------------------------------------------------- blocks of rows
@dataclass
class Block:
    """Checked touches of one block and what the writer needs to copy its rows."""

    x: np.ndarray
    y: np.ndarray
    foot: np.ndarray  # index into FEET
    aspect: np.ndarray  # index into ASPECTS
    kind: str  # "bytes" (buf, line spans), "rows" (lists of str) or "arrow" (a RecordBatch)
    data: Any
    done: int = 0  # progress: bytes or rows consumed so far


class RowChecker:
    """Turns text or Arrow columns into checked arrays; errors name file, row and column."""

    def __init__(self, path: str, default_aspect: str) -> None:
        self.path = path
        self.default_aspect = default_aspect

    def fail(self, where: str, column: str, message: str) -> TouchLogError:
        return TouchLogError(f"{self.path}: {where}, column {column!r}: {message}")

    def numbers(self, texts: list, column: str, where: Callable[[int], str]) -> np.ndarray:
        out = np.empty(len(texts))
        for i, t in enumerate(texts):
            try:
                out[i] = float(t)
            except (TypeError, ValueError):
                raise self.fail(where(i), column, f"expected a number, got {shorten(t)}") from None
        return self.finite(out, texts, column, where)

    def finite(self, values: np.ndarray, texts, column: str, where) -> np.ndarray:
        bad = np.flatnonzero(~np.isfinite(values))
        if len(bad):
            i = int(bad[0])
            shown = texts[i] if texts is not None else values[i]
            raise self.fail(where(i), column, f"expected a finite number, got {shorten(shown)}")
        return values

    def names(self, texts: list, column: str, where: Callable[[int], str]) -> np.ndarray:
        """Index into FEET/ASPECTS of each foot/aspect text (check_choice spellings)."""
        kind, allowed = ("foot", FEET) if column == "foot" else ("aspect", ASPECTS)
        lookup: dict[object, int] = {}
        for value in dict.fromkeys(texts):
            if column == "aspect" and value in ("", None):
                lookup[value] = allowed.index(self.default_aspect)
                continue
            try:
                lookup[value] = allowed.index(check_choice(kind, value, allowed))
            except UnknownNameError as exc:
                raise self.fail(where(texts.index(value)), column, str(exc)) from None
        return np.fromiter(map(lookup.__getitem__, texts), np.int64, len(texts))


class CsvTouches:
    """The rows of a touch-log CSV, in blocks (see the module docstring)."""

    def __init__(self, path: str, default_aspect: str = "plantar") -> None:
        self.path = path
        self.check = RowChecker(path, default_aspect)
        try:
            self._f = open(path, "rb")  # closed by close()
        except OSError as exc:
            raise TouchLogError(f"cannot read {path}: {exc.strerror}") from None
        try:
            self._header()
        except BaseException:
            self._f.close()
            raise

    def _header(self) -> None:
        path = self.path
        self.total = os.fstat(self._f.fileno()).st_size
        head = self._f.readline(MAX_FIELD * 4)
        if head.startswith(b"\xef\xbb\xbf"):
            head = head[3:]
        text = self._decode(head, 0).rstrip("\r\n")
        if not text.strip():
            raise TouchLogError(f"{path}: empty file; expected a header with columns x, y, foot")
        if len(head) >= MAX_FIELD * 4 and not head.endswith(b"\n"):
            raise TouchLogError(f"{path}: line 1: the header is longer than {MAX_FIELD * 4} bytes")
        try:
            self.fields = next(csv.reader([text], strict=True))
        except csv.Error as exc:
            raise TouchLogError(f"{path}: line 1: {exc}") from None
        self.columns = column_positions(path, self.fields)

    def close(self) -> None:
        self._f.close()

    def _decode(self, raw: bytes, offset: int) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise TouchLogError(
                f"{self.path}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
                f"{offset + exc.start}); save it as UTF-8 (other encodings are not guessed)"
            ) from None

    def __iter__(self) -> Iterator[Block]:
        f, ncols = self._f, len(self.fields)
        line, offset, carry = 2, f.tell(), b""
        while True:
            data = f.read(CHUNK_BYTES)
            piece = carry + data
            if not piece:
                return
            if data:
                cut = piece.rfind(b"\n") + 1
                if not cut:
                    if len(piece) > ncols * (MAX_FIELD + 1) + 2:
                        raise TouchLogError(
                            f"{self.path}: line {line}: a field is longer than {MAX_FIELD} "
                            "characters"
                        )
                    carry = piece
                    continue
                piece, carry = piece[:cut], piece[cut:]
            else:
                carry = b"" if piece.endswith(b"\n") else b"\n"
                piece, carry = piece + carry, b""
            cr = piece.count(b"\r")
            if b'"' in piece or (cr and cr != piece.count(b"\r\n")):
                yield from self._quoted(offset, line)
                return
            buf = np.frombuffer(piece, np.uint8)
            if buf.max() >= 128:
                self._decode(piece, offset)
            block = self._scan(piece, buf, line)
            if block is None:
                block = self._split(piece, line)
                line += piece.count(b"\n")
            else:
                line += len(block.x)
            offset += len(piece)
            block.done = offset
            yield block

    def _scan(self, piece: bytes, buf: np.ndarray, line: int) -> Block | None:
        """The fast path: a block of quote-free lines with the header's number of fields."""
        found = csvscan.spans(buf, len(self.fields))
        if found is None:
            return None
        starts, ends = found
        if (ends - starts).max() > MAX_FIELD:
            return None  # let the exact path measure characters and report
        ix, iy, ifoot, iasp = self.columns

        def where(i: int) -> str:
            return f"line {line + i}"

        def text(i: int, j: int) -> str:
            return bytes(buf[starts[i, j] : ends[i, j]]).decode("utf-8")

        xy = []
        for j, name in ((ix, "x"), (iy, "y")):
            values, ok = csvscan.decimals(buf, starts[:, j], ends[:, j])
            slow = np.flatnonzero(~ok)
            if len(slow):
                values[slow] = self.check.numbers(
                    [text(i, j) for i in slow], name, lambda k, s=slow: where(int(s[k]))
                )
            xy.append(self.check.finite(values, None, name, where))
        named = []
        for j, name, allowed in ((ifoot, "foot", FEET), (iasp, "aspect", ASPECTS)):
            if j is None:
                named.append(np.full(len(starts), ASPECTS.index(self.check.default_aspect)))
                continue
            code = csvscan.codes(buf, starts[:, j], ends[:, j], allowed)
            slow = np.flatnonzero(code < 0)
            if len(slow):
                code[slow] = self.check.names(
                    [text(i, j) for i in slow], name, lambda k, s=slow: where(int(s[k]))
                )
            named.append(code)
        return Block(*xy, *named, "bytes", piece)

    def _split(self, piece: bytes, line: int) -> Block:
        """Quote-free lines split one by one: blank lines, ragged rows, long fields."""
        rows, lines = [], []
        for k, raw in enumerate(self._decode(piece, 0).split("\n")[:-1]):
            raw = raw.removesuffix("\r")
            if raw:
                rows.append(raw.split(","))
                lines.append(line + k)
        return self._rows(rows, lines)

    def _quoted(self, offset: int, line: int) -> Iterator[Block]:
        """From ``offset`` (line ``line``) to the end, through the csv module."""
        self._f.seek(offset)
        text = io.TextIOWrapper(self._f, encoding="utf-8", newline="")
        reader = csv.reader(text, strict=True)
        base, prev, rows, lines = line - 1, 0, [], []
        try:
            for row in reader:
                if row:
                    rows.append(row)
                    lines.append(base + prev + 1)
                prev = reader.line_num
                if len(rows) >= CHUNK_ROWS:
                    block = self._rows(rows, lines)
                    block.done = self._f.tell()
                    yield block
                    rows, lines = [], []
        except UnicodeDecodeError as exc:
            raise TouchLogError(
                f"{self.path}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} near line "
                f"{base + prev + 1}); save it as UTF-8 (other encodings are not guessed)"
            ) from None
        except csv.Error as exc:
            msg = str(exc)
            if "field limit" in msg:
                msg = f"a field is longer than {MAX_FIELD} characters"
            raise TouchLogError(f"{self.path}: line {base + prev + 1}: {msg}") from None
        finally:
            text.detach()
        if rows:
            block = self._rows(rows, lines)
            block.done = self.total
            yield block

    def _rows(self, rows: list[list[str]], lines: list[int]) -> Block:
        ncols = len(self.fields)
        for k, row in enumerate(rows):
            if len(row) != ncols:
                raise TouchLogError(
                    f"{self.path}: line {lines[k]}: {len(row)} fields, the header has {ncols}"
                )
            if max(map(len, row)) > MAX_FIELD:
                raise TouchLogError(
                    f"{self.path}: line {lines[k]}: a field is longer than {MAX_FIELD} characters"
                )

        def where(i: int) -> str:
            return f"line {lines[i]}"

        ix, iy, ifoot, iasp = self.columns
        x = self.check.numbers([r[ix] for r in rows], "x", where)
        y = self.check.numbers([r[iy] for r in rows], "y", where)
        foot = self.check.names([r[ifoot] for r in rows], "foot", where)
        if iasp is None:
            aspect = np.full(len(rows), ASPECTS.index(self.check.default_aspect))
        else:
            aspect = self.check.names([r[iasp] for r in rows], "aspect", where)
        return Block(x, y, foot, aspect, "rows", rows)


def column_positions(path: str, fields: list[str]) -> tuple[int, int, int, int | None]:
    """Positions of x, y, foot and aspect (or None) in a header; clear errors otherwise."""
    missing = [c for c in NEED if c not in fields]
    if missing:
        shown = ", ".join(shorten(f, 30) for f in fields[:12])
        raise TouchLogError(
            f"{path}: missing column(s) {', '.join(repr(c) for c in missing)}; expected columns "
            f"x, y, foot (and optionally aspect), found {shown}"
        )
    for taken in ("zone", "organs"):
        if taken in fields:
            raise TouchLogError(
                f"{path}: already has a {taken!r} column (the output adds it); rename it"
            )
    dupes = sorted({f for f in fields if fields.count(f) > 1})
    if dupes:
        raise TouchLogError(f"{path}: duplicate column name(s) {', '.join(map(repr, dupes))}")
    aspect = fields.index("aspect") if "aspect" in fields else None
    return fields.index("x"), fields.index("y"), fields.index("foot"), aspect
