"""Saving figures: every route (maps, charts, sheets, handouts, the command line) saves here.

Same figure, same bytes: PNG, PDF and SVG carry fixed metadata (no dates, no matplotlib
version), SVG ids come from a fixed salt, and PNG is compressed at one zlib level
(:data:`PNG_COMPRESS_LEVEL`) whichever route saves it.  The bytes are made in memory first and
then handed to the one writer, :mod:`footviz._internal.atomic`: a path is replaced atomically
with the mode a plain ``open()`` gives, a binary file object gets the whole content in one
``write``.

A PNG is encoded here (:func:`encode_png`) from the pixels matplotlib's Agg canvas draws
(``savefig(format="rgba")``, so ``dpi``, ``bbox_inches``, ``transparent`` ... apply as usual):
the same pixels, text chunks and resolution as matplotlib's own PNG, with unfiltered rows,
several times faster than Pillow's adaptive row filters on a large sheet.  ``pil_kwargs`` (or a
canvas that is not Agg) takes matplotlib's own route.

Fonts follow matplotlib's own defaults (``pdf.fonttype`` 3, ``svg.fonttype`` "path"): text
in a PDF is embedded glyph by glyph and stays extractable (each font has a ToUnicode map), at
matplotlib's own cost; TrueType (Type 42) embedding spends most of a page's time subsetting
fonts.  A user's rcParams still decide when they set these.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .._internal.atomic import Target, check_target, is_path, target_name, write_bytes, write_with
from .._version import __version__

__all__ = [
    "METADATA",
    "PNG_COMPRESS_LEVEL",
    "PNG_OPTIONS",
    "encode_png",
    "figure_format",
    "save_pages",
    "savefig",
    "to_bytes",
]

SVG_HASHSALT = "footviz"
METADATA: dict[str, dict[str, Any]] = {
    "pdf": {
        "Creator": "footviz",
        "Producer": f"footviz {__version__}",
        "CreationDate": None,
        "ModDate": None,
    },
    "svg": {"Creator": "footviz", "Date": None},
    "png": {"Software": "footviz"},
}
# zlib level 1 writes a map's PNG about twice as fast as the default 6, some 6% larger
PNG_COMPRESS_LEVEL = 1
PNG_OPTIONS: dict[str, Any] = {"compress_level": PNG_COMPRESS_LEVEL}


def figure_format(fig: Any, target: Target, format: str | None = None) -> str:
    """The format to write: ``format`` if given, else the path's suffix, else
    ``rcParams["savefig.format"]`` (as matplotlib does); checked against the canvas."""
    import matplotlib as mpl

    if format is None:
        name = target_name(target) if is_path(target) else ""
        suffix = os.path.splitext(name)[1].lstrip(".")
        format = suffix or mpl.rcParams["savefig.format"]
    supported = tuple(sorted(_canvas(fig).get_supported_filetypes()))
    value = format.casefold().strip() if isinstance(format, str) else format
    if value in supported:
        return value
    from .._internal.names import NameIndex
    from ..errors import UnknownNameError

    suggestions = NameIndex("format", {f: () for f in supported}).suggest(str(format))
    hint = f"Supported: {', '.join(supported)} (png, pdf and svg give the same bytes each time)."
    raise UnknownNameError("format", format, suggestions, (), hint)


def _canvas(fig: Any):
    canvas = getattr(fig, "canvas", None)
    if canvas is None or not hasattr(canvas, "get_supported_filetypes"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        canvas = FigureCanvasAgg(fig)
    return canvas


def _options(fmt: str, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    opts = dict(kwargs)
    if fmt == "png":
        opts["pil_kwargs"] = {**PNG_OPTIONS, **(opts.get("pil_kwargs") or {})}
    meta = dict(METADATA.get(fmt, {}))
    meta.update(opts.pop("metadata", None) or {})
    if meta:
        opts["metadata"] = meta
    return opts


def _rc(rc: Mapping[str, Any] | None):
    import matplotlib as mpl

    fixed: dict[str, Any] = {}
    if mpl.rcParams["svg.hashsalt"] is None:  # ids from a fixed salt, not random
        fixed["svg.hashsalt"] = SVG_HASHSALT
    fixed.update(rc or {})
    return mpl.rc_context(fixed)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _text_chunk(key: str, value: Any) -> bytes:
    """A ``tEXt`` chunk, or ``iTXt`` when the value is not Latin-1 (as Pillow writes them)."""
    name = key.encode("latin-1", "strict")
    text = value if isinstance(value, bytes) else str(value)
    if isinstance(text, bytes):
        return _chunk(b"tEXt", name + b"\0" + text)
    try:
        return _chunk(b"tEXt", name + b"\0" + text.encode("latin-1", "strict"))
    except UnicodeError:
        return _chunk(b"iTXt", name + b"\0\0\0\0\0" + text.encode("utf-8"))


ROWS_PER_BLOCK = 256  # rows compressed at a time: memory stays at a few MB beside the canvas


def encode_png(rgba: Any, dpi: float, metadata: Mapping[str, Any]) -> bytes:
    """PNG bytes of an ``(height, width, 4)`` uint8 RGBA array: 8-bit RGBA, unfiltered rows
    compressed at :data:`PNG_COMPRESS_LEVEL`, ``dpi`` as the physical resolution and
    ``metadata`` as text chunks (``None`` values left out)."""
    import numpy as np

    pixels = np.ascontiguousarray(rgba, dtype=np.uint8)
    height, width, _ = pixels.shape
    rows = pixels.reshape(height, width * 4)
    out = [
        b"\x89PNG\r\n\x1a\n",
        _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)),
    ]
    out += [_text_chunk(k, v) for k, v in metadata.items() if v is not None]
    ppm = int(dpi / 0.0254 + 0.5)
    out.append(_chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)))
    packer = zlib.compressobj(PNG_COMPRESS_LEVEL)
    block = np.zeros((min(ROWS_PER_BLOCK, height), width * 4 + 1), np.uint8)  # filter byte 0
    data = []
    for start in range(0, height, ROWS_PER_BLOCK):
        part = rows[start : start + ROWS_PER_BLOCK]
        block[: len(part), 1:] = part
        data.append(packer.compress(block[: len(part)]))
    data.append(packer.flush())
    out.append(_chunk(b"IDAT", b"".join(data)))
    out.append(_chunk(b"IEND", b""))
    return b"".join(out)


class _Pixels(io.RawIOBase):
    """Where ``savefig(format="rgba")`` writes the canvas's pixels: encodes them as PNG at
    the dpi they were drawn at, straight from the canvas buffer (no copy of it)."""

    def __init__(self, fig: Any, metadata: Mapping[str, Any]) -> None:
        self.fig, self.metadata, self.png = fig, metadata, None

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        import numpy as np

        view = memoryview(data)
        pixels = np.asarray(view)  # the canvas buffer: (height, width, 4)
        if pixels.ndim != 3:  # pragma: no cover - matplotlib changed
            raise RuntimeError("the Agg canvas gave no pixels")
        self.png = encode_png(pixels, float(self.fig.dpi), self.metadata)  # savefig's dpi
        return view.nbytes


def _fast_png(fig: Any, kwargs: Mapping[str, Any]) -> bool:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    return "pil_kwargs" not in kwargs and type(fig.canvas) is FigureCanvasAgg


def _png_bytes(fig: Any, kwargs: Mapping[str, Any]) -> bytes:
    opts = dict(kwargs)
    meta = {**METADATA["png"], **(opts.pop("metadata", None) or {})}
    sink = _Pixels(fig, meta)
    fig.savefig(sink, format="rgba", **opts)
    if sink.png is None:  # pragma: no cover - matplotlib changed
        raise RuntimeError("the Agg canvas gave no pixels")
    return sink.png


def to_bytes(fig: Any, fmt: str = "png", *, rc: Mapping[str, Any] | None = None, **kwargs) -> bytes:
    """The figure as ``fmt`` bytes, reproducibly (``kwargs`` as for ``Figure.savefig``).

    ``rc`` holds rcParams to apply while saving (a handout fixes its text hinting).
    """
    buf = io.BytesIO()
    fmt = figure_format(fig, buf, fmt)
    with _rc(rc):
        if fmt == "png" and _fast_png(fig, kwargs):
            return _png_bytes(fig, kwargs)
        fig.savefig(buf, format=fmt, **_options(fmt, kwargs))
    return buf.getvalue()


def savefig(
    fig: Any,
    target: Target,
    *,
    format: str | None = None,
    rc: Mapping[str, Any] | None = None,
    what: str = "path",
    **kwargs: Any,
) -> Target:
    """Save ``fig`` to a path or binary file object, reproducibly; return ``target``.

    ``format`` defaults to the path's suffix; every other keyword goes to
    ``Figure.savefig`` (``dpi``, ``bbox_inches``, ``metadata``, ``transparent`` ...).  The file
    is made in memory, then written by :func:`footviz._internal.atomic.write_bytes`: a failure
    at any point leaves an existing file at the path as it was.
    """
    check_target(target, what)
    fmt = figure_format(fig, target, format)
    return write_bytes(target, to_bytes(fig, fmt, rc=rc, **kwargs), what=what)


def save_pages(
    pages: Iterable[Any | Callable[[], Any]],
    target: Target,
    *,
    rc: Mapping[str, Any] | None = None,
    metadata: Mapping[str, Any] | None = None,
    what: str = "path",
) -> Target:
    """Write a multi-page PDF; each item of ``pages`` is a figure or makes one when called.

    ``metadata`` adds to (or overrides) the fixed PDF metadata (``Title``, ``Subject`` ...).
    """
    from matplotlib.backends.backend_pdf import PdfPages

    meta = {**METADATA["pdf"], **(metadata or {})}

    def fill(fh) -> None:
        with _rc(rc), PdfPages(fh, metadata=meta) as pdf:
            for page in pages:
                pdf.savefig(page() if callable(page) else page)

    return write_with(target, fill, what=what)
