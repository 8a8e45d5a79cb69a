"""Vectorised scanning of simple CSV text: field spans, decimal numbers and name codes.

The touch-log stream (:mod:`footviz.hit.touchlog`) hands this module blocks of whole lines with no
quote character in them.  Such a block splits into fields at every comma and line end, so the
span of every field is found with numpy in one pass over the bytes, without a Python object
per row.  Numbers are parsed exactly (see :func:`decimals`); anything unusual is left for the
caller's slow, exact path (``ok`` is False there).
"""

from __future__ import annotations

import numpy as np

COMMA, LF, CR = 44, 10, 13
_POW10 = np.array([float(10**i) for i in range(16)])  # exact powers of ten


def spans(buf: np.ndarray, ncols: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Start and end offsets (``(rows, ncols)`` arrays) of every field of a block of lines.

    ``buf`` holds whole lines, each ending in ``\\n`` (a ``\\r`` before it is not part of the
    last field).  Returns None when some line does not have exactly ``ncols`` fields (blank
    lines included): the caller then splits the block line by line.
    """
    sep = np.flatnonzero((buf == COMMA) | (buf == LF))
    if not len(sep) or len(sep) % ncols:
        return None
    ends = sep.reshape(-1, ncols)
    # every line's last separator must be its newline, and no other separator may be one
    if not (buf[ends[:, -1]] == LF).all():
        return None
    if ncols > 1 and (buf[ends[:, :-1]] == LF).any():
        return None
    starts = np.empty_like(ends)
    starts[:, 1:] = ends[:, :-1] + 1
    starts[0, 0] = 0
    starts[1:, 0] = ends[:-1, -1] + 1
    last = ends[:, -1]
    ends[:, -1] = np.where((last > starts[:, -1]) & (buf[last - 1] == CR), last - 1, last)
    return starts, ends


def decimals(
    buf: np.ndarray, starts: np.ndarray, ends: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Parse plain decimal fields (``-12``, ``3.25``, ``+.5``) of ``buf`` exactly.

    Returns ``(values, ok)``.  Where ``ok`` is True the value equals ``float(text)``: at most
    15 digits make an exact integer mantissa and a power of ten up to 1e15 is exact, so one
    correctly rounded division gives the correctly rounded result.  Fields with an exponent,
    spaces, more digits or anything else get ``ok`` False (and a NaN value).
    """
    n = len(starts)
    length = ends - starts
    ok = (length >= 1) & (length <= 17)
    mant = np.zeros(n, np.int64)
    frac = np.zeros(n, np.int64)
    digits = np.zeros(n, np.int64)
    seen_dot = np.zeros(n, bool)
    width = int(length[ok].max()) if ok.any() else 0
    padded = np.concatenate([buf, np.zeros(width, np.uint8)])  # reads past the end stay inside
    first = padded[starts]
    negative = first == 45
    for p in range(width):
        inside = length > p
        c = padded[starts + p]
        d = c - np.uint8(48)  # wraps around for bytes below "0"
        is_digit = (d <= 9) & inside
        is_dot = (c == 46) & inside & ~seen_dot
        bad = inside & ~is_digit & ~is_dot
        if p == 0:
            bad &= ~negative & (c != 43)
        ok &= ~bad
        np.copyto(mant, mant * 10 + d, where=is_digit)
        digits += is_digit
        frac += is_digit & seen_dot
        seen_dot |= is_dot
    ok &= (digits >= 1) & (digits <= 15)
    values = mant / _POW10[np.where(ok, frac, 0)]
    np.negative(values, out=values, where=negative)
    values[~ok] = np.nan
    return values, ok


def codes(
    buf: np.ndarray, starts: np.ndarray, ends: np.ndarray, names: tuple[str, ...]
) -> np.ndarray:
    """The index into ``names`` of each field that spells one exactly, else -1."""
    out = np.full(len(starts), -1, np.int64)
    length = ends - starts
    last = len(buf) - 1
    for code, name in enumerate(names):
        raw = name.encode("utf-8")
        cand = np.flatnonzero(length == len(raw))
        match = np.ones(len(cand), bool)
        for i, byte in enumerate(raw):
            match &= buf[np.minimum(starts[cand] + i, last)] == byte
        out[cand[match]] = code
    return out


def gather_lines(piece: bytes, suffixes: list[bytes], which: np.ndarray) -> bytes:
    """Each line of ``piece`` (``\n``- or ``\r\n``-terminated) followed by ``suffixes[which[i]]``.

    The suffixes carry the line ending of the output.
    """
    if b"\r" in piece:
        piece = piece.replace(b"\r\n", b"\n")
    lines = piece.split(b"\n")
    lines.pop()  # the piece ends with a newline
    out: list[bytes] = [b""] * (2 * len(lines))
    out[0::2] = lines
    out[1::2] = np.array(suffixes, dtype=object)[which].tolist()
    return b"".join(out)
