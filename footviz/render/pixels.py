"""Pixel space for native apps: a drawn map's zones in the pixels of a W x H image of it.

The image
    The map's figure (``w`` x ``h`` inches) is rendered at ``dpi = min(W / w, H / h)``, so
    that figure size x dpi = W x H when the aspect ratios agree.  When they don't, the figure
    keeps its shape and is letterboxed: centred (on whole pixels) in the W x H image, the
    spare pixels filled with the figure's background colour (``letterbox=False`` refuses
    instead).  :func:`pixel_image` makes that PNG; the figure's part of it is exactly what
    ``savefig(dpi=dpi)`` writes.
The coordinates
    Pixels of that image: origin at the top-left corner of the top-left pixel, x to the
    right, y down; pixel ``(col, row)`` covers ``[col, col + 1) x [row, row + 1)``, so its
    centre is ``(col + 0.5, row + 0.5)``.  They come from the transforms the zones were drawn
    with (each panel's affine, then the axes' ``transData``), scaled to ``dpi``.
The zones
    :func:`pixel_zones` lists every drawn zone shape in hit order: a point lies in the *first*
    zone whose polygons contain it (a polygon is its first ring minus the others; a point on
    an edge counts as inside), the same answer as :meth:`footviz.Atlas.hit` (the smallest
    covering zone).  :func:`label_raster` gives the answer for every pixel centre as an
    indexed PNG (0 = no zone) whose indices are the zones' ``index``.

The dict is JSON-ready (``json.dumps`` takes it as it is); the same map and size give the
same dict, JSON text and PNG bytes.
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._internal.atomic import Target, is_path, write_bytes
from .._internal.checks import check_bool, check_real
from ..errors import BadTypeError, BadValueError, FootvizError
from ..hit.viewport import Viewport

__all__ = [
    "FORMAT",
    "MAX_PIXELS",
    "MAX_SIDE",
    "MIN_SIDE",
    "LabelRaster",
    "PixelFrame",
    "label_raster",
    "pixel_frame",
    "pixel_image",
    "pixel_json",
    "pixel_zones",
    "save_pixels",
]

FORMAT = "footviz-pixels"
VERSION = 1
MIN_SIDE, MAX_SIDE = 16, 8192  # pixels per side
MAX_PIXELS = 40_000_000  # pixels in all: an RGBA image of 160 MB
ROWS_PER_CHUNK = 256  # rows of pixel centres hit-tested at once (bounded memory)
RULE = {
    "origin": "top-left corner of the image",
    "x": "right",
    "y": "down",
    "units": "pixels",
    "pixel": "pixel (col, row) covers [col, col+1) x [row, row+1); its centre is "
    "(col + 0.5, row + 0.5)",
    "hit": "a point lies in the first zone (in list order) whose polygons contain it; a "
    "polygon is its first ring minus the others; a point on an edge is inside",
    "labels": "label raster: the index of the zone under each pixel's centre, 0 for none",
}


def _side(parameter: str, value: object) -> int:
    allowed = f"a whole number of pixels from {MIN_SIDE} to {MAX_SIDE}"
    number = check_real(parameter, value, low=MIN_SIDE, high=MAX_SIDE, unit="pixels")
    if not number.is_integer():
        raise BadValueError(parameter, value, allowed)
    return int(number)


def _size(width: object, height: object) -> tuple[int, int]:
    w, h = _side("width", width), _side("height", height)
    if w * h > MAX_PIXELS:
        raise BadValueError(
            "height", height, f"at most {MAX_PIXELS:,} pixels in all (width {w} x height)"
        )
    return w, h


@dataclass(frozen=True)
class PixelFrame:
    """Where a drawn map sits in a ``width`` x ``height`` image of it.

    Attributes
    ----------
    width, height : int
        The image's size in pixels.
    dpi : float
        The figure is rendered at this dpi (figure inches x dpi = its pixels).
    content : (left, top, width, height)
        Whole pixels of the image the figure covers (all of it unless letterboxed).
    viewport : Viewport
        Image pixels (y down) <-> chart mm <-> feet; its ``size`` is the image's.
    """

    width: int
    height: int
    dpi: float
    content: tuple[int, int, int, int]
    viewport: Viewport

    @property
    def letterboxed(self) -> bool:
        return self.content != (0, 0, self.width, self.height)


def _drawn(fmap: Any):
    from .footmap import FootMap

    if not isinstance(fmap, FootMap):
        raise BadTypeError("fmap", fmap, "a drawn footviz FootMap")
    fmap._live_figure()  # drawn and not closed, else a FootvizError saying so
    return fmap.artists


def pixel_frame(fmap: Any, width: int, height: int, *, letterbox: bool = True) -> PixelFrame:
    """How the drawn ``fmap`` fills a ``width`` x ``height`` image (see the module notes).

    Raises :class:`~footviz.errors.BadValueError` for a bad size, or with
    ``letterbox=False`` when the image's aspect ratio is not the figure's.
    """
    out = _drawn(fmap)
    w, h = _size(width, height)
    letterbox = check_bool("letterbox", letterbox)
    fig = out.figure
    fw, fh = (float(v) for v in fig.get_size_inches())
    dpi = min(w / fw, h / fh)
    base = Viewport.from_figure(out.ax, out.layout, dpi=dpi)
    cols, rows = (int(v) for v in base.size)  # type: ignore[union-attr]
    if cols > w or rows > h:  # pragma: no cover - min() above rules it out
        raise FootvizError(f"the figure renders at {cols} x {rows} pixels, over {w} x {h}")
    if not letterbox and (cols, rows) != (w, h):
        which, value = ("height", h) if cols == w else ("width", w)
        raise BadValueError(
            which,
            value,
            f"{cols} x {rows} pixels for a {fw:g} x {fh:g} inch figure at width {w}, height "
            f"{h} (its aspect ratio), or pass letterbox=True to centre it",
        )
    left, top = (w - cols) // 2, (h - rows) // 2
    return PixelFrame(w, h, dpi, (left, top, cols, rows), base.crop(-left, -top, w, h))


def _compose(m: tuple[float, ...], panel) -> tuple[float, ...]:
    """Foot frame -> pixels: the viewport's chart -> pixels after the panel's foot -> chart."""
    a, b, c, d, e, f = m
    pa, pb, pd, pe, px, py = panel.matrix()
    return (
        a * pa + b * pd,
        a * pb + b * pe,
        a * px + b * py + c,
        d * pa + e * pd,
        d * pb + e * pe,
        d * px + e * py + f,
    )


def _rings(geom, m: tuple[float, ...], decimals: int) -> list:
    a, b, c, d, e, f = m
    polys = []
    for poly in getattr(geom, "geoms", [geom]):
        if poly.is_empty:
            continue
        rings = []
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords, dtype=float)
            u = np.round(a * xy[:, 0] + b * xy[:, 1] + c, decimals)
            v = np.round(d * xy[:, 0] + e * xy[:, 1] + f, decimals)
            rings.append(np.column_stack([u, v]).tolist())
        polys.append(rings)
    return polys


def _bbox(polys: list) -> list[float]:
    xy = np.array([p for poly in polys for ring in poly for p in ring], dtype=float)
    return [float(v) for v in (*xy.min(axis=0), *xy.max(axis=0))]


def _hit_order(fmap: Any, out: Any) -> list:
    """The drawn zone shapes in hit order: smallest first, ties in atlas order."""
    position = {id(s): i for i, s in enumerate(fmap.atlas)}
    shapes = [s for foot in fmap.feet for s in out.shapes[foot]]
    return sorted(shapes, key=lambda s: (s.area, position[id(s)]))


def _hex(rgba) -> str:
    from matplotlib.colors import to_hex

    return to_hex(rgba, keep_alpha=False)


def _background(fig: Any) -> tuple[int, int, int, int]:
    """The RGBA (0..255) ``savefig`` fills the figure with: its face colour, or the
    ``savefig.facecolor`` setting, transparent with ``savefig.transparent``."""
    import matplotlib as mpl
    from matplotlib.colors import to_rgba

    if mpl.rcParams["savefig.transparent"]:
        return (0, 0, 0, 0)
    colour = mpl.rcParams["savefig.facecolor"]
    if isinstance(colour, str) and colour == "auto":
        colour = fig.get_facecolor()
    return tuple(round(255 * v) for v in to_rgba(colour))  # type: ignore[return-value]


def pixel_zones(
    fmap: Any, width: int, height: int, *, letterbox: bool = True, decimals: int = 3
) -> dict[str, Any]:
    """Every drawn zone's rings in the pixels of a ``width`` x ``height`` image of the map.

    Parameters
    ----------
    fmap : FootMap
        A drawn map (:meth:`FootMap.draw`).
    width, height : int
        The image's size in pixels (:data:`MIN_SIDE` to :data:`MAX_SIDE` each).
    letterbox : bool
        Centre the figure in an image of another aspect ratio (else refuse it).
    decimals : int
        Decimals of the pixel coordinates (0 to 6).

    Returns
    -------
    dict
        ``image`` (size, dpi, the figure's ``content`` box, background), ``rule`` (the
        coordinate and hit rules, in words), ``map`` (feet, aspect, view, language),
        ``chart_to_pixels`` (affine ``a, b, c, d, e, f``: ``u = a x + b y + c``,
        ``v = d x + e y + f``), ``feet`` (each panel's foot-frame -> pixels affine and
        outline) and ``zones``: in hit order, each with ``index`` (its label-raster index),
        ``id``, ``foot``, ``aspect``, ``name`` (in the map's language), ``organs``,
        ``organ_names``, ``system``, ``parent``, ``colour`` (as drawn), ``bbox`` and
        ``polygons`` (a list of polygons, each a list of closed rings of ``[u, v]``).
    """
    frame = pixel_frame(fmap, width, height, letterbox=letterbox)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 6:
        raise BadValueError("decimals", decimals, "a whole number from 0 to 6")
    out = fmap.artists
    atlas, lang = fmap.atlas, fmap.lang
    vp = frame.viewport
    m = vp.matrix
    feet = []
    panels = {}
    for panel in out.layout.panels:
        pm = _compose(m, panel)
        panels[(panel.foot, panel.aspect)] = pm
        outline = _rings(atlas.outline(panel.foot, panel.aspect), pm, decimals)
        feet.append(
            {
                "foot": panel.foot,
                "aspect": panel.aspect,
                "mirrored": panel.mirrored,
                "turned": panel.turned,
                "foot_to_pixels": [float(v) for v in pm],
                "bbox": _bbox(outline),
                "outline": outline,
            }
        )
    zones = []
    for i, s in enumerate(_hit_order(fmap, out), start=1):
        polys = _rings(s.geometry, panels[(s.foot, s.aspect)], decimals)
        zone = s.zone
        zones.append(
            {
                "index": i,
                "id": zone.id,
                "foot": s.foot,
                "aspect": s.aspect,
                "name": zone.name(lang),
                "organs": list(zone.organs),
                "organ_names": [
                    atlas.organs[o].name(lang) if o in atlas.organs else o for o in zone.organs
                ],
                "system": zone.system,
                "parent": zone.parent,
                "colour": _hex(out.facecolor(zone.id, s.foot)),
                "bbox": _bbox(polys),
                "polygons": polys,
            }
        )
    left, top, cols, rows = frame.content
    return {
        "format": FORMAT,
        "version": VERSION,
        "image": {
            "width": frame.width,
            "height": frame.height,
            "dpi": frame.dpi,
            "content": [left, top, cols, rows],
            "background": "#{:02x}{:02x}{:02x}{:02x}".format(*_background(out.figure)),
        },
        "rule": dict(RULE),
        "map": {
            "feet": list(fmap.feet),
            "aspect": fmap.aspect,
            "layout": fmap.view,
            "lang": lang,
            "title": atlas.title(lang),
        },
        "chart_to_pixels": [float(v) for v in m],
        "feet": feet,
        "zones": zones,
    }


def pixel_json(data: dict[str, Any]) -> str:
    """The dict of :func:`pixel_zones` as compact JSON text (UTF-8, same dict same text)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def pixel_image(fmap: Any, width: int, height: int, *, letterbox: bool = True) -> bytes:
    """The PNG of the map at ``width`` x ``height`` pixels that :func:`pixel_zones` describes.

    The figure's part is the PNG ``savefig`` writes at the frame's dpi (the same bytes when
    there is no letterbox), padded with the background colour otherwise.
    """
    from .output import to_bytes

    frame = pixel_frame(fmap, width, height, letterbox=letterbox)
    fig = fmap.artists.figure
    data = to_bytes(fig, "png", dpi=frame.dpi)
    if not frame.letterboxed:
        return data
    from PIL import Image

    left, top, cols, rows = frame.content
    with Image.open(io.BytesIO(data)) as shown:
        shown.load()
        if shown.size != (cols, rows):  # pragma: no cover - matplotlib's own size rule
            raise FootvizError(f"the figure rendered at {shown.size}, expected {(cols, rows)}")
        canvas = Image.new("RGBA", (frame.width, frame.height), _background(fig))
        canvas.paste(shown.convert("RGBA"), (left, top))
    return _png(canvas)


def _png(image) -> bytes:
    from PIL.PngImagePlugin import PngInfo

    from .output import METADATA, PNG_COMPRESS_LEVEL

    info = PngInfo()
    for key, value in METADATA["png"].items():
        info.add_text(key, value)
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=PNG_COMPRESS_LEVEL, pnginfo=info)
    return buf.getvalue()


@dataclass(frozen=True)
class LabelRaster:
    """Which zone lies under each pixel centre of a ``width`` x ``height`` image of a map.

    Attributes
    ----------
    array : numpy.ndarray
        ``(height, width)`` zone indices (``uint8``, or ``uint16`` past 255 zones); 0 where
        there is no zone.
    key : dict
        ``index -> {"id", "foot", "aspect", "organs", "colour"}`` (the zones of
        :func:`pixel_zones`, whose ``index`` it is).
    frame : PixelFrame
    background : str
        The image's background colour (``#rrggbb``), palette entry 0 of the PNG.
    """

    array: np.ndarray
    key: dict[int, dict[str, Any]]
    frame: PixelFrame
    background: str = "#ffffff"

    def zone_at(self, col: int, row: int) -> dict[str, Any] | None:
        """The key entry of pixel ``(col, row)``, None where there is no zone."""
        h, w = self.array.shape
        col = int(check_real("col", col, low=0, high=w - 1, unit="(a pixel column)"))
        row = int(check_real("row", row, low=0, high=h - 1, unit="(a pixel row)"))
        index = int(self.array[row, col])
        return self.key.get(index) if index else None

    def to_png(self) -> bytes:
        """An indexed PNG: 8-bit with each zone's drawn colour as its palette entry (index 0:
        the background), or 16-bit grey past 255 zones.  Reading it back (Pillow:
        ``numpy.asarray(Image.open(f))``) gives :attr:`array`."""
        from PIL import Image

        h, w = self.array.shape
        if self.array.dtype == np.uint8:
            image = Image.frombytes("P", (w, h), self.array.tobytes())
            palette = [0] * 768
            palette[0:3] = _rgb(self.background)
            for i, entry in self.key.items():
                palette[3 * i : 3 * i + 3] = _rgb(entry["colour"])
            image.putpalette(palette)
        else:
            image = Image.frombytes("I;16", (w, h), self.array.astype("<u2").tobytes())
        return _png(image)


def _rgb(colour: str) -> list[int]:
    colour = colour.lstrip("#")
    return [int(colour[i : i + 2], 16) for i in (0, 2, 4)]


def label_raster(fmap: Any, width: int, height: int, *, letterbox: bool = True) -> LabelRaster:
    """The zone under every pixel centre of the :func:`pixel_zones` image, by footviz's own
    hit test (:meth:`Viewport.hit_many` on ``(col + 0.5, row + 0.5)``)."""
    data = pixel_zones(fmap, width, height, letterbox=letterbox, decimals=0)
    frame = pixel_frame(fmap, width, height, letterbox=letterbox)
    atlas = fmap.atlas
    shapes = tuple(atlas)
    lut = np.zeros(len(shapes) + 1, np.int64)  # atlas position + 1 -> label (0: none)
    position = {(s.zone.id, s.foot, s.aspect): i for i, s in enumerate(shapes)}
    for z in data["zones"]:
        lut[position[(z["id"], z["foot"], z["aspect"])] + 1] = z["index"]
    dtype = np.uint8 if len(data["zones"]) <= 255 else np.uint16
    w, h = frame.width, frame.height
    array = np.zeros((h, w), dtype)
    u = np.arange(w, dtype=float) + 0.5
    for start in range(0, h, ROWS_PER_CHUNK):
        v = np.arange(start, min(start + ROWS_PER_CHUNK, h), dtype=float) + 0.5
        found = frame.viewport.hit_many(atlas, u[None, :], v[:, None])
        array[start : start + len(v)] = lut[found.index + 1]
    key = {
        z["index"]: {
            "id": z["id"],
            "foot": z["foot"],
            "aspect": z["aspect"],
            "organs": z["organs"],
            "colour": z["colour"],
        }
        for z in data["zones"]
    }
    return LabelRaster(array, key, frame, data["image"]["background"][:7])


def _beside(path: Target, suffix: str) -> str:
    name = os.fsdecode(os.fspath(path))
    stem, _ = os.path.splitext(name)
    return stem + suffix


def save_pixels(
    fmap: Any,
    path: Target,
    width: int,
    height: int,
    *,
    letterbox: bool = True,
    image: bool = True,
    labels: bool = True,
) -> dict[str, str]:
    """Write the pixel JSON at ``path`` and, beside it, the image (``<stem>.png``) and the
    label raster (``<stem>.labels.png``); the JSON names them (``image.file``,
    ``labels.file``).  Each file is replaced atomically.  Returns the paths by kind."""
    from .._internal.checks import check_source

    check_source("path", path)
    if not is_path(path):  # pragma: no cover - check_source refuses file objects
        raise BadTypeError("path", path, "a path")
    image = check_bool("image", image)
    labels = check_bool("labels", labels)
    data = pixel_zones(fmap, width, height, letterbox=letterbox)
    json_path = os.fsdecode(os.fspath(path))
    written = {"json": json_path}
    files = {}
    if image:
        files["image"] = _beside(path, ".png")
    if labels:
        files["labels"] = _beside(path, ".labels.png")
    if json_path in files.values():
        raise BadValueError("path", path, "a .json file name (the PNGs go beside it)")
    if image:
        write_bytes(files["image"], pixel_image(fmap, width, height, letterbox=letterbox))
        data["image"]["file"] = os.path.basename(files["image"])
        written["image"] = files["image"]
    if labels:
        raster = label_raster(fmap, width, height, letterbox=letterbox)
        write_bytes(files["labels"], raster.to_png())
        data["labels"] = {"file": os.path.basename(files["labels"]), "rule": RULE["labels"]}
        written["labels"] = files["labels"]
    write_bytes(json_path, pixel_json(data).encode("utf-8"))
    return written
