"""Hover tooltips and click-to-select on a drawn :class:`~footviz.render.FootMap`.

Uses matplotlib's canvas events only (works with ``%matplotlib widget`` / ipympl and the
desktop backends).  The zone under the pointer comes from the atlas's hit-testing, fed with the
pointer's chart position converted to the foot's own frame by the layout; matplotlib's
per-artist picking is not used.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .paths import geometry_path, panel_transform, visible_geometry
from .style import CAPTIONS, HIGHLIGHT_COLOURS

__all__ = ["Interaction", "hit_at"]

SELECT_COLOUR = HIGHLIGHT_COLOURS[3]
ROLE_WORDS_RU = {
    "harmonising": "гармонизирующая",
    "exciting": "возбуждающая",
    "calming": "успокаивающая",
}
POINT_REACH = 1.0  # mm beyond a point's radius that still picks the point


def hit_at(fmap, cx: float, cy: float):
    """What lies under chart point ``(cx, cy)`` of a drawn map: a drawn acupoint
    (:class:`footviz.atlas.points.PointShape`, which wins over the zone under it), else the
    atlas hit (:class:`footviz.hit.index.HitResult`), or None off the feet."""
    where = fmap.to_foot(cx, cy)
    if where is None:
        return None
    panel, fx, fy = where
    point = _point_at(fmap, panel, fx, fy)
    if point is not None:
        return point
    return fmap.atlas.hit(fx, fy, foot=panel.foot, aspect=panel.aspect)


def _point_at(fmap, panel, fx: float, fy: float):
    """The drawn acupoint whose disc holds the foot-frame point, or None."""
    chosen = getattr(fmap.drawn, "points", None)
    if chosen is None:
        return None
    atlas, foot, aspect = fmap.atlas, panel.foot, panel.aspect
    best = atlas.hit_point(fx, fy, foot=foot, aspect=aspect, tolerance=POINT_REACH)
    if best is not None and best.code in chosen:
        return best
    near = [
        (math.hypot(s.geometry.x - fx, s.geometry.y - fy), i, s)
        for i, s in enumerate(chosen.shapes(atlas, foot, aspect))
    ]
    near = [n for n in near if n[0] <= n[2].radius + POINT_REACH]
    return min(near)[2] if near else None


def _organ_name(atlas, organ: str, lang: str) -> str:
    return atlas.organs[organ].name(lang) if organ in atlas.organs else str(organ)


def point_tooltip(fmap, point) -> str:
    """``"KI1 Yongquan (Gushing Spring) — Left foot\\nkidney meridian · harmonising,
    calming ..."``: code, names, foot, meridian and roles."""
    words = CAPTIONS[fmap.lang]
    lang = fmap.lang if fmap.lang in ("en", "ru") else "en"
    name = point.name("pinyin")
    own = point.name(lang)
    title = f"{point.code} {name}" + (f" ({own})" if own and own != name else "")
    meridian = fmap.atlas.meridian(point.meridian).name(lang) if point.meridian else "extra point"
    roles = [ROLE_WORDS_RU.get(r, r) if lang == "ru" else r for r in point.roles]
    return f"{title} — {words[point.foot]}\n{meridian} · {', '.join(roles) or '—'}"


def tooltip_text(fmap, hit) -> str:
    """``"Kidney — left foot\\nkidneys"``: zone, foot and the organs it reflects (for an
    acupoint, :func:`point_tooltip`)."""
    from ..atlas.points import PointShape

    if isinstance(hit, PointShape):
        return point_tooltip(fmap, hit)
    words = CAPTIONS[fmap.lang]
    zone = hit.primary.zone
    organs = ", ".join(_organ_name(fmap.atlas, o, fmap.lang) for o in hit.organs)
    return f"{zone.name(fmap.lang)} — {words[hit.primary.foot]}\n{organs}"


class Interaction:
    """Event handlers connected to a drawn map's canvas.

    Attributes
    ----------
    tooltip : matplotlib Annotation
        Shows the zone and organs under the pointer; hidden off the zones.
    selected : set of (zone, foot, aspect)
        Zone shapes toggled on by clicks, drawn in :data:`SELECT_COLOUR` on top of the map.
    selected_points : set of (code, foot, aspect)
        Acupoints toggled on by clicks (a click on a drawn point picks the point, not the
        zone under it); the callback gets the :class:`~footviz.atlas.points.PointShape`.
    overlays : dict of foot to PathCollection
        The selection layer of each foot.
    """

    def __init__(self, fmap, callback: Callable[[Any], None] | None = None) -> None:
        from matplotlib.collections import PathCollection

        drawn = fmap.artists
        self.fmap, self.callback = fmap, callback
        self.ax = drawn.ax
        self.selected: set[tuple[str, str, str]] = set()
        self.selected_points: set[tuple[str, str, str]] = set()
        self.last_hit = None
        self._visible = {f: visible_geometry(drawn.shapes[f]) for f in drawn.shapes}
        self.tooltip = self.ax.annotate(
            "",
            xy=(0, 0),
            xytext=(12, 12),
            textcoords="offset points",
            fontsize=9,
            bbox={"boxstyle": "round,pad=0.4", "fc": "#FFFFF0", "ec": "#555555", "lw": 0.8},
            zorder=20,
            annotation_clip=False,
        )
        self.tooltip.set_visible(False)
        self.tooltip._footviz_transient = True  # point labels do not make room for it
        self.overlays = {}
        for panel in drawn.layout.panels:
            coll = PathCollection(
                [],
                facecolors=SELECT_COLOUR,
                edgecolors="black",
                linewidths=2.0,
                alpha=0.85,
                transform=panel_transform(panel) + self.ax.transData,
                zorder=4.5,
            )
            coll.set_label(f"selected/{panel.foot}")
            self.ax.add_collection(coll, autolim=False)
            self.overlays[panel.foot] = coll
        self._cids = [
            self.canvas.mpl_connect("motion_notify_event", self.on_move),
            self.canvas.mpl_connect("button_press_event", self.on_click),
        ]

    @property
    def canvas(self):
        """The figure's canvas now (a notebook may swap in a live one after drawing)."""
        return self.ax.figure.canvas

    def disconnect(self) -> None:
        """Stop listening to the canvas."""
        for cid in self._cids:
            self.canvas.mpl_disconnect(cid)
        self._cids = []

    def hit(self, event):
        if event.inaxes is not self.ax or event.xdata is None:
            return None
        return hit_at(self.fmap, event.xdata, event.ydata)

    def on_move(self, event) -> None:
        hit = self.hit(event)
        self.last_hit = hit
        if hit is None:
            if self.tooltip.get_visible():
                self.tooltip.set_visible(False)
                self.canvas.draw_idle()
            return
        self.tooltip.xy = (event.xdata, event.ydata)
        # keep the tooltip inside the axes: open it towards the middle
        x0, x1 = self.ax.get_xlim()
        y0, y1 = self.ax.get_ylim()
        dx = -12 if event.xdata > (x0 + x1) / 2 else 12
        dy = -12 if event.ydata > (y0 + y1) / 2 else 12
        self.tooltip.set_position((dx, dy))
        self.tooltip.set_ha("right" if dx < 0 else "left")
        self.tooltip.set_va("top" if dy < 0 else "bottom")
        self.tooltip.set_text(tooltip_text(self.fmap, hit))
        self.tooltip.set_visible(True)
        self.canvas.draw_idle()

    def on_click(self, event) -> None:
        if event.button != 1:
            return
        hit = self.hit(event)
        if hit is None:
            return
        if not hasattr(hit, "primary"):  # an acupoint
            self.selected_points ^= {hit.key}
        else:
            self.toggle(hit.primary.key)
        if self.callback is not None:
            self.callback(hit)

    def toggle(self, key: tuple[str, str, str]) -> bool:
        """Select or unselect a zone shape; returns its new state."""
        if key in self.selected:
            self.selected.discard(key)
        else:
            self.selected.add(key)
        foot = key[1]
        chosen = sorted(k[0] for k in self.selected if k[1] == foot)
        self.overlays[foot].set_paths([geometry_path(self._visible[foot][z]) for z in chosen])
        self.canvas.draw_idle()
        return key in self.selected
