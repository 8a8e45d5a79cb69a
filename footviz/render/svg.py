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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .footmap import FootMap, MapArtists

__all__ = [
    "SVG_RC",
    "ZoneGroup",
    "label_id",
    "map_svg",
    "structured_svg",
    "svg_root",
    "zone_attributes",
    "zone_id",
    "zone_info",
]

#: One zones collection to write as structured paths: (group id, foot, collection, its
#: shapes in path order, shape -> element attributes).
ZoneGroup = tuple[str, str, Any, Sequence[Any], Callable[[Any], dict[str, str]]]

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


def label_id(zone: str, foot: str, aspect: str | None = None) -> str:
    """The group id of a zone's label: ``fv-label-kidney-left`` (``-medial`` on a sheet)."""
    return f"fv-label-{_slug(zone)}-{foot}" + (f"-{aspect}" if aspect else "")


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
    """The attributes of one zone's element on a map (id, data-*, class, title text ...)."""
    value = drawn.values.get(shape.key) if drawn.values is not None else None
    return zone_attributes(fm.atlas, fm.lang, foot, shape, value)


def zone_attributes(atlas: Any, lang: str, foot: str, shape: Any, value: Any = None) -> dict:
    """The attributes of one zone's element (id, data-*, class, title text ...); ``value``
    is its value on a heat or status map."""
    from .style import CAPTIONS

    zone = shape.zone
    organs = []
    for o in zone.organs:
        try:
            organs.append(atlas.organ(o).name(lang))
        except Exception:  # an organ the atlas does not list by name: its id
            organs.append(o)
    name = zone.label(lang)
    value = _value_text(value)
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


def _zone_drawer(group: ZoneGroup):
    """A ``draw`` for a zones collection: structured paths under an SVG renderer,
    matplotlib's own drawing under any other."""
    from matplotlib.backends.backend_svg import RendererSVG

    group_id, foot, coll, shapes, info_of = group
    original = coll.draw

    def draw(renderer) -> None:
        base = getattr(renderer, "_renderer", renderer)  # savefig's MixedModeRenderer
        if not isinstance(base, RendererSVG) or not coll.get_visible():
            return original(renderer)
        coll.update_scalarmappable()
        faces, edges = coll.get_facecolors(), coll.get_edgecolors()
        widths = coll.get_linewidths()
        tf, height, writer = coll.get_transform(), base.height, base.writer
        writer.start("g", id=group_id, attrib={"class": "fv-zones", "data-foot": foot})
        for i, (path, shape) in enumerate(zip(coll.get_paths(), shapes, strict=True)):
            info = info_of(shape)
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
def _structured(groups: Iterable[ZoneGroup], labels: Mapping[str, Any]) -> Iterator[None]:
    """While saving: zones draw as structured paths, zone labels carry ids."""
    saved: list[tuple[Any, str, Any]] = []
    try:
        for group in groups:
            coll = group[2]
            saved.append((coll, "draw", coll.__dict__.get("draw")))
            coll.draw = _zone_drawer(group)
        for gid, text in labels.items():
            saved.append((text, "gid", text.get_gid()))
            text.set_gid(gid)
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
    if fm.drawn is None:
        fm.draw()
    fig = fm._live_figure()
    drawn = fm.drawn
    groups = [
        (f"fv-zones-{foot}", foot, coll, drawn.shapes[foot], _map_info(fm, drawn, foot))
        for foot, coll in drawn.zones.items()
    ]
    labels = {label_id(zone, foot): t for (foot, zone), t in drawn.labels.items()}
    root = {"lang": fm.lang, "data-aspect": fm.aspect, "data-feet": " ".join(fm.feet)}
    return structured_svg(fig, groups, labels, fm.atlas.title(fm.lang), root, **kwargs)


def _map_info(fm: FootMap, drawn: MapArtists, foot: str) -> Callable[[Any], dict[str, str]]:
    return lambda shape: zone_info(fm, drawn, foot, shape)


def structured_svg(
    fig: Any,
    groups: Iterable[ZoneGroup],
    labels: Mapping[str, Any],
    title: str,
    root: Mapping[str, str],
    **kwargs: Any,
) -> bytes:
    """The SVG of ``fig`` with each of ``groups`` as one ``<path>`` per zone, the label texts
    of ``labels`` (group id -> text) in groups of those ids, ``title`` and ``root``'s
    attributes on the root (class ``fv-map-svg`` first), as bytes.

    ``kwargs`` go to ``Figure.savefig``.  Maps, charts and sheets are all written by it.
    """
    from .output import to_bytes

    kwargs.pop("format", None)
    with _structured(list(groups), labels):
        data = to_bytes(fig, "svg", rc=SVG_RC, **kwargs)
    return _finish(data.decode("utf-8"), title, root).encode("utf-8")


def _finish(text: str, title: str, attrs: Mapping[str, str]) -> str:
    """Mark the root (class, language, title) and add the zones' style."""
    root = re.search(r"<svg\b[^>]*>", text)
    if root is None:  # pragma: no cover - matplotlib always writes a root
        return text
    tag = root.group(0)
    extra = ' class="fv-map-svg"' + "".join(f' {k}="{_escape(v)}"' for k, v in attrs.items())
    new_tag = tag[:-1] + extra + ">"
    head = f"{new_tag}\n <title>{_escape(title)}</title>\n {_STYLE}"
    return text[: root.start()] + head + text[root.end() :]


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text, {'"': "&quot;"})


def svg_root(text: str) -> str:
    """The ``<svg>`` element alone (no XML declaration or doctype), to embed in HTML."""
    start = text.index("<svg")
    return text[start:]
