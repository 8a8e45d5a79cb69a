"""A labelled chart of both soles coloured by body system (imports matplotlib).

This is the quickstart drawing: both plantar aspects side by side, every zone filled with the
colour of its body system, every zone named (inside when the name fits, otherwise a callout
with a leader line in a column beside the foot), a legend of systems and foot captions.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from shapely import affinity
from shapely.geometry.base import BaseGeometry

from .atlas import Atlas, load_atlas
from .labels import anchor_point, fits_inside, spread, text_box
from .layout import Layout
from .model import FEET, LANGUAGES, ZoneShape, check_choice
from .render.legend import system_handles
from .render.paths import draw_order, geometry_path, panel_transform, visible_geometry
from .style import (
    CAPTIONS,
    EDGE_COLOUR,
    FALLBACK_COLOUR,
    OUTLINE_COLOUR,
    SKIN_COLOUR,
    SYSTEM_COLOURS,
    lighten,
)

COLUMN_WIDTH = 60.0  # mm of chart space for a column of callouts
COLUMN_GAP = 9.0  # mm between a foot's outline and its callout column
FONT_SIZE = 7.0


@dataclass
class Chart:
    """What :func:`draw_chart` drew: the figure, axes and every artist, by foot."""

    figure: Any
    ax: Any
    collections: dict[str, Any] = field(default_factory=dict)
    outlines: dict[str, Any] = field(default_factory=dict)
    labels: dict[tuple[str, str], Any] = field(default_factory=dict)
    leaders: dict[tuple[str, str], Any] = field(default_factory=dict)
    captions: dict[str, Any] = field(default_factory=dict)
    legend: Any = None
    shapes: dict[str, list[ZoneShape]] = field(default_factory=dict)
    layout: Layout | None = None

    def savefig(self, path: str, **kwargs: Any) -> None:
        """Save the figure (``kwargs`` go to ``Figure.savefig``)."""
        self.figure.savefig(path, **kwargs)


def _renderer(fig):
    try:
        return fig.canvas.get_renderer()
    except AttributeError:  # pragma: no cover - non-Agg canvases
        return fig._get_renderer()


def draw_chart(
    atlas: Atlas | None = None,
    *,
    feet: tuple[str, ...] | list[str] = FEET,
    layout: str = "self",
    lang: str = "en",
    labels: bool = True,
    legend: bool = True,
    title: str | None = None,
    ax: Any = None,
    **kwargs: Any,
) -> Chart:
    """Draw the plantar zones of one or both feet, coloured by body system and labelled.

    Parameters
    ----------
    atlas : Atlas, optional
        Defaults to the built-in reflexology atlas.
    feet : sequence of {"left", "right"}
        Feet to draw, side by side with the big toes towards the middle.
    layout : {"self", "practitioner"}
        ``"self"``: the soles as you see your own feet (left foot on the left);
        ``"practitioner"``: facing the client's soles (left foot on the right).
    lang : {"en", "ru"}
        Language of labels, captions and legend.
    labels : bool
        Name every zone.
    legend : bool
        Add a legend of body systems.
    title : str, optional
        Figure title; defaults to "Reflex zones of the soles" in ``lang``.
    ax : matplotlib Axes, optional
        Axes to draw on; a new figure is made when omitted.
    **kwargs
        Passed to the zones' :class:`matplotlib.collections.PathCollection`.

    Returns
    -------
    Chart
    """
    import matplotlib.pyplot as plt
    from matplotlib.collections import PathCollection
    from matplotlib.patches import PathPatch

    atlas = atlas or load_atlas()
    lang = check_choice("language", lang, LANGUAGES)
    feet = tuple(check_choice("foot", f, FEET) for f in feet)
    if not feet:
        raise ValueError("feet must name at least one foot ('left', 'right')")
    words = CAPTIONS[lang]

    if ax is None:
        width = 8.5 if len(feet) == 1 else 15.5
        fig, ax = plt.subplots(figsize=(width, 10.0))
        fig.subplots_adjust(left=0.01, right=0.99, top=0.94, bottom=0.09)
    fig = ax.figure
    ax.set_aspect("equal")
    ax.set_axis_off()

    extent = atlas.outline(feet[0], "plantar").bounds
    top = extent[3]
    gap = 2 * (2 * COLUMN_GAP + COLUMN_WIDTH)
    placement = Layout.side_by_side(extent, feet, "plantar", layout, gap=gap)
    chart = Chart(fig, ax, layout=placement)
    placements: list[tuple[str, ZoneShape, BaseGeometry, str]] = []
    xs: list[float] = []
    for panel in placement.panels:
        foot = panel.foot
        data_tf = panel_transform(panel) + ax.transData
        outline = atlas.outline(foot, "plantar")
        skin = PathPatch(
            geometry_path(outline),
            facecolor=SKIN_COLOUR,
            edgecolor="none",
            transform=data_tf,
            zorder=1,
        )
        ax.add_patch(skin)
        # larger zones first, so nested zones sit on top; ties broken by id: the drawing
        # does not depend on the order of the atlas
        shapes = draw_order(atlas.shapes(foot, "plantar"))
        colours = [
            lighten(SYSTEM_COLOURS.get(s.zone.system, FALLBACK_COLOUR), 0.35) for s in shapes
        ]
        style = {"edgecolors": EDGE_COLOUR, "linewidths": 0.6, "zorder": 2}
        style.update(kwargs)
        paths = [geometry_path(s.geometry) for s in shapes]
        coll = PathCollection(paths, facecolors=colours, transform=data_tf, **style)
        coll.set_label(f"zones/{foot}")
        ax.add_collection(coll)
        edge = PathPatch(
            geometry_path(outline),
            facecolor="none",
            edgecolor=OUTLINE_COLOUR,
            linewidth=1.6,
            transform=data_tf,
            zorder=3,
        )
        ax.add_patch(edge)
        chart.collections[foot] = coll
        chart.outlines[foot] = edge
        chart.shapes[foot] = shapes
        placed = affinity.affine_transform(outline, panel.matrix())
        xs += [placed.bounds[0], placed.bounds[2]]
        cx = (placed.bounds[0] + placed.bounds[2]) / 2
        chart.captions[foot] = ax.text(
            cx, -8.0, words[foot], ha="center", va="top", fontsize=12, fontweight="bold"
        )
        visible_of = visible_geometry(shapes)
        for s in shapes:
            visible = visible_of[s.zone.id]
            region = affinity.affine_transform(visible, panel.matrix())
            # medial zones get callouts on the foot's medial side, lateral ones on the other
            medial_side = visible.centroid.x > -4.0
            side = "right" if medial_side != panel.mirrored else "left"
            placements.append((foot, s, region, side))

    x0 = min(xs) - COLUMN_GAP - COLUMN_WIDTH
    x1 = max(xs) + COLUMN_GAP + COLUMN_WIDTH
    ax.set_xlim(x0, x1)
    ax.set_ylim(-22.0, top + 6.0)
    ax.set_title(title if title is not None else words["soles_title"], fontsize=14)
    if labels:
        _place_labels(chart, placements, lang, xs)
    if legend:
        handles = system_handles(atlas, (s for f in feet for s in chart.shapes[f]), lang)
        chart.legend = fig.legend(
            handles=handles,
            loc="lower center",
            ncol=min(5, len(handles)),
            frameon=False,
            fontsize=9,
            title=words["systems"],
            title_fontsize=9,
        )
    return chart


def _place_labels(chart: Chart, placements, lang: str, xs: list[float]) -> None:
    from matplotlib.collections import LineCollection

    ax, fig = chart.ax, chart.figure
    renderer = _renderer(fig)
    taken: list[BaseGeometry] = []
    callouts: dict[tuple[str, str], list] = {}
    for foot, s, region, side in sorted(placements, key=lambda p: (p[0], p[1].zone.id)):
        name = s.zone.label(lang)
        px, py = anchor_point(region)
        placed = None
        for text in (name, textwrap.fill(name, 11), textwrap.fill(name, 8)):
            t = ax.text(px, py, text, ha="center", va="center", fontsize=FONT_SIZE, zorder=5)
            bb = text_box(t, renderer, ax)
            if fits_inside(bb, region, 0.8) and not any(bb.intersects(o) for o in taken):
                placed = t
                taken.append(bb)
                break
            t.remove()
        if placed is not None:
            chart.labels[(foot, s.zone.id)] = placed
        else:
            pieces = [anchor_point(p) for p in getattr(region, "geoms", [region])]
            ay = sum(p[1] for p in pieces) / len(pieces)
            callouts.setdefault((foot, side), []).append((ay, pieces, s, name))
    ylo, yhi = ax.get_ylim()
    probe = ax.text(0, 0, "Hg", fontsize=FONT_SIZE)
    y0, y1 = text_box(probe, renderer, ax).bounds[1::2]
    probe.remove()
    gap = (y1 - y0) * 1.35
    edges = sorted(xs)
    for (foot, side), items in sorted(callouts.items()):
        items.sort(key=lambda item: (item[0], item[2].zone.id))
        ys = spread([i[0] for i in items], gap, ylo + 14.0, yhi - 4.0)
        x_ref = items[0][1][0][0]
        if side == "left":
            tx, ha = _nearest_edge(x_ref, edges, want="left") - COLUMN_GAP, "right"
        else:
            tx, ha = _nearest_edge(x_ref, edges, want="right") + COLUMN_GAP, "left"
        start = tx + (1.0 if ha == "right" else -1.0)
        for (_, pieces, s, name), ty in zip(items, ys, strict=True):
            t = ax.text(tx, ty, name, ha=ha, va="center", fontsize=FONT_SIZE, zorder=5)
            segs = [[(start, ty), (px, py)] for px, py in pieces]
            lines = LineCollection(segs, colors="#222222", linewidths=0.5, zorder=4)
            ax.add_collection(lines)
            ax.plot(
                [p[0] for p in pieces],
                [p[1] for p in pieces],
                "o",
                color="#222222",
                markersize=1.6,
                zorder=4,
            )
            chart.labels[(foot, s.zone.id)] = t
            chart.leaders[(foot, s.zone.id)] = lines


def _nearest_edge(x: float, edges: list[float], want: str) -> float:
    """The foot edge (from the sorted list of foot x-extents) beside which a column goes."""
    if want == "left":
        candidates = [e for e in edges if e <= x]
        return max(candidates) if candidates else min(edges)
    candidates = [e for e in edges if e >= x]
    return min(candidates) if candidates else max(edges)
