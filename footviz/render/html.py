"""A map as one self-contained interactive HTML page (or notebook fragment).

The page holds the map's structured SVG (:mod:`footviz.render.svg`), a little CSS and a small
inline script, and loads nothing (a Content-Security-Policy forbids any request).  It gives:

* a tooltip (``role="tooltip"``) with the zone, its organs and its value, on hover and on
  keyboard focus;
* selection by click, or by Tab to a zone and Enter (or Space): the zone gets the class
  ``fv-selected``, and the map's root element (``.fv-map``) receives
  ``CustomEvent("footviz:select", {detail: {zone, foot, aspect, organs}})`` (it bubbles); in a
  frame, the parent gets ``postMessage({type: "footviz:select", detail})``;
* a responsive ``viewBox``: the map fills its container's width and the browser's own
  hit-testing of the zone paths stays exact at any size.

Hover and selection outline a zone (outlines drawn over the whole map, in
``path.fv-hover-ring`` and ``path.fv-selected-ring``); its fill (highlight or value colour)
stays as drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .svg import _escape, map_svg, svg_root

if TYPE_CHECKING:
    from .footmap import FootMap

__all__ = ["CSP", "map_fragment", "map_page"]

#: The page's Content-Security-Policy: inline style and script, data: images, nothing else.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

_CSS = """
.fv-map{position:relative;max-width:100%;font-family:system-ui,sans-serif}
.fv-map svg{display:block;width:100%;height:auto}
.fv-map .fv-zone{cursor:pointer;transition:stroke-width .1s}
.fv-map .fv-zone:focus{outline:none}
.fv-map .fv-ring{fill:none;pointer-events:none;stroke-linejoin:round}
.fv-map .fv-hover-ring{stroke:#111;stroke-width:1.6}
.fv-map .fv-selected-ring{stroke:#0b5cd5;stroke-width:3}
.fv-map .fv-tooltip{position:absolute;z-index:10;pointer-events:none;max-width:22em;
background:rgba(20,20,20,.92);color:#fff;padding:.35em .6em;border-radius:.3em;
font-size:13px;line-height:1.35;white-space:normal;box-shadow:0 1px 4px rgba(0,0,0,.3)}
.fv-map .fv-tooltip[hidden]{display:none}
.fv-map .fv-tooltip b{font-weight:600}
"""

_JS = r"""
(function () {
  var script = document.currentScript;
  var root = script && script.previousElementSibling;
  if (!root || !root.classList.contains("fv-map")) { return; }
  var tip = root.querySelector("[role=tooltip]");
  var svg = root.querySelector("svg");
  var NS = "http://www.w3.org/2000/svg";
  var selected = null;
  // outlines drawn over everything (highlight outlines too); the zone's fill stays as it is
  function ring(name) {
    var p = document.createElementNS(NS, "path");
    p.setAttribute("class", "fv-ring " + name);
    p.setAttribute("aria-hidden", "true");
    svg.appendChild(p);
    return p;
  }
  var selectedRing = ring("fv-selected-ring"), hoverRing = ring("fv-hover-ring");
  function outline(r, el) {
    if (el) { r.setAttribute("d", el.getAttribute("d")); } else { r.removeAttribute("d"); }
  }
  function zoneOf(node) {
    while (node && node !== root) {
      if (node.classList && node.classList.contains("fv-zone")) { return node; }
      node = node.parentNode;
    }
    return null;
  }
  function detail(el) {
    var organs = el.getAttribute("data-organs");
    return {
      zone: el.getAttribute("data-zone"),
      foot: el.getAttribute("data-foot"),
      aspect: el.getAttribute("data-aspect"),
      organs: organs ? organs.split("; ") : []
    };
  }
  function line(label, text) {
    var div = document.createElement("div");
    if (label) {
      var b = document.createElement("b");
      b.textContent = label + ": ";
      div.appendChild(b);
    }
    div.appendChild(document.createTextNode(text));
    tip.appendChild(div);
  }
  function show(el, x, y) {
    outline(hoverRing, el);
    while (tip.firstChild) { tip.removeChild(tip.firstChild); }
    var b = document.createElement("b");
    b.className = "fv-tip-zone";
    b.textContent = el.getAttribute("data-name") + " (" + el.getAttribute("data-foot-name") + ")";
    tip.appendChild(b);
    var organs = el.getAttribute("data-organs");
    if (organs) { line(root.getAttribute("data-organs-word"), organs); }
    if (root.hasAttribute("data-values")) {
      var v = el.getAttribute("data-value") || root.getAttribute("data-none-word");
      line(root.getAttribute("data-value-word"), v);
    }
    var box = root.getBoundingClientRect();
    tip.hidden = false;
    var left = x - box.left + 14, top = y - box.top + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (left + w > box.width) { left = Math.max(0, x - box.left - w - 8); }
    if (top + h > box.height) { top = Math.max(0, y - box.top - h - 8); }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }
  function hide() { tip.hidden = true; outline(hoverRing, null); }
  function select(el) {
    if (selected) {
      selected.classList.remove("fv-selected");
      selected.setAttribute("aria-pressed", "false");
    }
    selected = el;
    el.classList.add("fv-selected");
    el.setAttribute("aria-pressed", "true");
    outline(selectedRing, el);
    var d = detail(el);
    root.dispatchEvent(new CustomEvent("footviz:select", {detail: d, bubbles: true}));
    if (window.parent && window.parent !== window) {
      window.parent.postMessage({type: "footviz:select", detail: d}, "*");
    }
  }
  root.addEventListener("pointermove", function (e) {
    var el = zoneOf(e.target);
    if (el) { show(el, e.clientX, e.clientY); } else { hide(); }
  });
  root.addEventListener("pointerleave", hide);
  root.addEventListener("click", function (e) {
    var el = zoneOf(e.target);
    if (el) { select(el); }
  });
  root.addEventListener("keydown", function (e) {
    var el = zoneOf(e.target);
    if (el && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); select(el); }
  });
  root.addEventListener("focusin", function (e) {
    var el = zoneOf(e.target);
    if (!el) { return; }
    var r = el.getBoundingClientRect();
    show(el, r.left + r.width / 2, r.top + r.height / 2);
  });
  root.addEventListener("focusout", hide);
})();
"""

_WORDS = {
    "en": {"organs": "Organs", "value": "Value", "none": "no data"},
    "ru": {"organs": "Органы", "value": "Значение", "none": "нет данных"},
}


def map_fragment(fm: FootMap, **kwargs: Any) -> str:
    """The map's root element, style and script: HTML to embed in a page or a notebook."""
    svg = svg_root(map_svg(fm, **kwargs).decode("utf-8"))
    svg = _responsive(svg)
    words = _WORDS.get(fm.lang, _WORDS["en"])
    title = _escape(fm.atlas.title(fm.lang))
    values = ' data-values="true"' if fm.drawn is not None and fm.drawn.values is not None else ""
    return (
        f"<style>{_CSS.strip()}</style>\n"
        f'<div class="fv-map" data-footviz="map" lang="{fm.lang}" aria-label="{title}" '
        f'data-organs-word="{words["organs"]}" data-value-word="{words["value"]}" '
        f'data-none-word="{words["none"]}"{values}>\n{svg}\n'
        '<div class="fv-tooltip" role="tooltip" hidden></div>\n</div>\n'
        f"<script>{_JS.strip()}</script>\n"
    )


def map_page(fm: FootMap, **kwargs: Any) -> str:
    """A complete HTML document holding :func:`map_fragment`: no request leaves it."""
    title = _escape(fm.atlas.title(fm.lang))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{fm.lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        "<style>body{margin:0;padding:8px;background:#fff}</style>\n"
        "</head>\n<body>\n"
        f"{map_fragment(fm, **kwargs)}"
        "</body>\n</html>\n"
    )


def _responsive(svg: str) -> str:
    """Drop the root's fixed width and height: the viewBox scales it to its container."""
    end = svg.index(">")
    tag = svg[:end]
    for name in ("width", "height"):
        start = tag.find(f' {name}="')
        if start >= 0:
            stop = tag.index('"', start + len(name) + 3)
            tag = tag[:start] + tag[stop + 1 :]
    return tag + svg[end:]
