"""A map as SVG with structure: one ``<path>`` per zone, with ids, data and a title.

The SVG is matplotlib's own rendering of the map (the same figure, through
:func:`footviz.render.output.to_bytes`), with two changes:

* text is written as real ``<text>`` (``svg.fonttype="none"``), so labels can be selected and
  searched;
* each foot's zones collection draws itself as one ``<path>`` per zone, in drawing order
  (larger zones first, so the smallest zone under a point is the topmost element, as
  :meth:`footviz.atlas.Atlas.hit` answers):

  .. code-block:: xml

     <path id="fv-kidney-left-plantar" class="fv-zone fv-sys-urinary" data-zone="kidney"
           data-foot="left" data-aspect="plantar" data-organs="kidneys" data-name="Kidney"
           tabindex="0" role="button" aria-label="Kidney (left foot)" d="..." fill="#..."/>

  with a ``<title>`` in the map's language.  Highlight and value colours are the paths'
  fills; ``data-value`` holds a zone's value on a heat or status map (none: no data).  The
  groups are ``<g id="fv-zones-left">``; zone labels are ``<g id="fv-label-kidney-left">``.

Only the zone paths take the pointer, by their fill (``pointer-events: fill``; outlines,
labels and the rest ``none``), so the browser's ``elementFromPoint`` names the zone footviz's
hit-test names.  Coordinates are those of matplotlib's SVG: points (1/72 inch) of the figure,
y down, in the root's ``viewBox``.  The same map gives the same bytes.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .footmap import FootMap, MapArtists

__all__ = ["SVG_RC", "map_svg", "svg_root", "zone_id", "zone_info"]

#: rcParams while the SVG is made: real ``<text>`` elements.
SVG_RC: dict[str, Any] = {"svg.fonttype": "none"}
_STYLE = (
    '<style type="text/css">.fv-zone{cursor:pointer}'
    ".fv-map-svg *{pointer-events:none}.fv-map-svg .fv-zone{pointer-events:fill}"
    "</style>"
)


def zone_id(zone: str, foot: str, aspect: str) -> str:
    """The element id of a zone on a foot's aspect: ``fv-kidney-left-plantar``."""
    return f"fv-{_slug(zone)}-{foot}-{aspect}"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "zone"


def _number(v: float) -> str:
    text = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _value_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float | int) and not isinstance(v, bool):
        return f"{float(v):.6g}"
    return str(v)


def zone_info(fm: FootMap, drawn: MapArtists, foot: str, shape: Any) -> dict[str, str]:
    """The attributes of one zone's element (id, data-*, class, title text ...)."""
    from .style import CAPTIONS

    zone, lang = shape.zone, fm.lang
    organs = []
    for o in zone.organs:
        try:
            organs.append(fm.atlas.organ(o).name(lang))
        except Exception:  # an organ the atlas does not list by name: its id
            organs.append(o)
    name = zone.label(lang)
    value = _value_text(drawn.values.get(shape.key)) if drawn.values is not None else ""
    foot_word = CAPTIONS[lang][foot]
    title = f"{name} ({foot_word})"
    if organs:
        title += ": " + ", ".join(organs)
    if value:
        title += f" = {value}"
    info = {
        "id": zone_id(zone.id, foot, shape.aspect),
        "class": f"fv-zone fv-sys-{_slug(zone.system)}",
        "data-zone": zone.id,
        "data-foot": foot,
        "data-aspect": shape.aspect,
        "data-organs": "; ".join(organs),
        "data-organ-ids": " ".join(zone.organs),
        "data-system": zone.system,
        "data-name": name,
        "data-foot-name": foot_word,
        "tabindex": "0",
        "role": "button",
        "aria-label": f"{name} ({foot_word})",
    }
    if value:  # a zone without a value on a heat map has no data-value
        info["data-value"] = value
    info["title"] = title
    return info


def _path_d(path: Any, transform: Any, height: float) -> str:
    """SVG path data of a matplotlib path under ``transform`` (display units, y flipped)."""
    from matplotlib.path import Path

    out: list[str] = []
    for verts, code in transform.transform_path(path).iter_segments(simplify=False):
        if code == Path.CLOSEPOLY:
            out.append("Z")
            continue
        pts = verts.reshape(-1, 2)
        letter = {Path.MOVETO: "M", Path.LINETO: "L", Path.CURVE3: "Q", Path.CURVE4: "C"}[code]
        coords = " ".join(f"{_number(x)} {_number(height - y)}" for x, y in pts)
        out.append(f"{letter}{coords}")
    return "".join(out)


def _colour(rgba: Any) -> tuple[str, str | None]:
    from matplotlib.colors import to_hex

    hexed = to_hex(rgba, keep_alpha=False)
    alpha = float(rgba[3])
    return hexed, (None if alpha >= 1.0 else _number(alpha))


def _paint(attrib: dict[str, str], key: str, rgba) -> bool:
    """Set ``key`` ("fill" or "stroke") and its opacity from an RGBA row; False if none."""
    if rgba is None or rgba[3] == 0:
        attrib[key] = "none"
        return False
    attrib[key], alpha = _colour(rgba)
    if alpha is not None:
        attrib[f"{key}-opacity"] = alpha
    return True


def _row(array: Any, i: int) -> Any:
    return array[i % len(array)] if len(array) else None


def _zone_drawer(fm: FootMap, drawn: MapArtists, foot: str, coll: Any):
    """A ``draw`` for the zones collection of ``foot``: structured paths under an SVG
    renderer, matplotlib's own drawing under any other."""
    from matplotlib.backends.backend_svg import RendererSVG

    original = coll.draw
    shapes = drawn.shapes[foot]

    def draw(renderer) -> None:
        base = getattr(renderer, "_renderer", renderer)  # savefig's MixedModeRenderer
        if not isinstance(base, RendererSVG) or not coll.get_visible():
            return original(renderer)
        coll.update_scalarmappable()
        faces, edges = coll.get_facecolors(), coll.get_edgecolors()
        widths = coll.get_linewidths()
        tf, height, writer = coll.get_transform(), base.height, base.writer
        writer.start("g", id=f"fv-zones-{foot}", attrib={"class": "fv-zones", "data-foot": foot})
        for i, (path, shape) in enumerate(zip(coll.get_paths(), shapes, strict=True)):
            info = zone_info(fm, drawn, foot, shape)
            title = info.pop("title")
            attrib = dict(info)
            face, edge = _row(faces, i), _row(edges, i)
            _paint(attrib, "fill", face)
            if _paint(attrib, "stroke", edge):
                width = _row(widths, i)
                attrib["stroke-width"] = _number(base.points_to_pixels(float(width)))
                attrib["stroke-linejoin"] = "round"
            attrib["d"] = _path_d(path, tf, height)
            writer.start("path", attrib=attrib)
            writer.element("title", title)
            writer.end("path")
        writer.end("g")

    return draw


@contextlib.contextmanager
def _structured(fm: FootMap, drawn: MapArtists) -> Iterator[None]:
    """While saving: zones draw as structured paths, zone labels carry ids."""
    saved: list[tuple[Any, str, Any]] = []
    try:
        for foot, coll in drawn.zones.items():
            saved.append((coll, "draw", coll.__dict__.get("draw")))
            coll.draw = _zone_drawer(fm, drawn, foot, coll)
        for (foot, zone), text in drawn.labels.items():
            saved.append((text, "gid", text.get_gid()))
            text.set_gid(f"fv-label-{_slug(zone)}-{foot}")
        yield
    finally:
        for artist, what, old in reversed(saved):
            if what == "draw":
                if old is None:
                    artist.__dict__.pop("draw", None)
                else:
                    artist.draw = old
            else:
                artist.set_gid(old)


def map_svg(fm: FootMap, **kwargs: Any) -> bytes:
    """The SVG of the map's last drawing (drawn with defaults when it has none), as bytes.

    ``kwargs`` go to ``Figure.savefig`` (``bbox_inches``, ``transparent`` ...).
    """
    from .output import to_bytes

    if fm.drawn is None:
        fm.draw()
    fig = fm._live_figure()
    drawn = fm.drawn
    kwargs.pop("format", None)
    with _structured(fm, drawn):
        data = to_bytes(fig, "svg", rc=SVG_RC, **kwargs)
    return _finish(data.decode("utf-8"), fm).encode("utf-8")


def _finish(text: str, fm: FootMap) -> str:
    """Mark the root (class, language, title) and add the zones' style."""
    root = re.search(r"<svg\b[^>]*>", text)
    if root is None:  # pragma: no cover - matplotlib always writes a root
        return text
    tag = root.group(0)
    extra = f' class="fv-map-svg" lang="{fm.lang}" data-aspect="{fm.aspect}"'
    extra += f' data-feet="{" ".join(fm.feet)}"'
    new_tag = tag[:-1] + extra + ">"
    title = _escape(fm.atlas.title(fm.lang))
    head = f"{new_tag}\n <title>{title}</title>\n {_STYLE}"
    return text[: root.start()] + head + text[root.end() :]


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text, {'"': "&quot;"})


def svg_root(text: str) -> str:
    """The ``<svg>`` element alone (no XML declaration or doctype), to embed in HTML."""
    start = text.index("<svg")
    return text[start:]
