"""Shapely geometry to matplotlib paths, and the matplotlib transform of a layout panel."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from .._internal.memo import per_object
from ..atlas.layout import Panel
from ..atlas.model import ZoneShape

__all__ = ["draw_order", "geometry_path", "panel_transform", "visible_geometry"]


def panel_transform(panel: Panel):
    """The matplotlib ``Affine2D`` of a panel (foot → chart): its full :meth:`Panel.matrix`,
    so mirrored and turned panels draw exactly where :meth:`Panel.to_chart` puts points."""
    from matplotlib.transforms import Affine2D

    a, b, d, e, xoff, yoff = panel.matrix()
    return Affine2D.from_values(a, d, b, e, xoff, yoff)


@per_object
def geometry_path(geom: BaseGeometry):
    """One compound :class:`~matplotlib.path.Path` of a (Multi)Polygon, holes included
    (each hole winds against its shell, so matplotlib's nonzero fill leaves it open).

    Made once per geometry object and read-only (shared by every drawing of it).
    """
    import numpy as np
    from matplotlib.path import Path

    polys = list(getattr(geom, "geoms", [geom]))
    verts, codes = [], []
    for poly in polys:
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        shell_ccw = poly.exterior.is_ccw
        for k, ring in enumerate((poly.exterior, *poly.interiors)):
            xy = np.asarray(ring.coords, dtype=float)
            if k and ring.is_ccw == shell_ccw:  # holes wind against the shell (nonzero fill)
                xy = xy[::-1]
            c = np.full(len(xy), Path.LINETO, dtype=Path.code_type)
            c[0], c[-1] = Path.MOVETO, Path.CLOSEPOLY
            verts.append(xy)
            codes.append(c)
    if not verts:
        return Path(np.zeros((0, 2)), readonly=True)
    return Path(np.concatenate(verts), np.concatenate(codes), readonly=True)


def draw_order(shapes: Iterable[ZoneShape]) -> list[ZoneShape]:
    """Shapes in drawing order: larger zones first so nested zones sit on top; ties by id.

    The order depends only on the shapes, never on the order they were given in.
    """
    return sorted(shapes, key=lambda s: (-round(s.area, 6), s.zone.id))


def visible_geometry(shapes: Iterable[ZoneShape]) -> dict[str, BaseGeometry]:
    """Each zone's geometry minus the zones nested inside it (what the eye sees), by zone id.

    Worked out once per set of (immutable) zone shapes.
    """
    return dict(_visible(tuple(shapes)))


@lru_cache(maxsize=64)
def _visible(shapes: tuple[ZoneShape, ...]) -> dict[str, BaseGeometry]:
    children: dict[str, list[BaseGeometry]] = {}
    for s in shapes:
        if s.zone.parent:
            children.setdefault(s.zone.parent, []).append(s.geometry)
    out = {}
    for s in shapes:
        geom = s.geometry
        if s.zone.id in children:
            geom = geom.difference(unary_union(children[s.zone.id]))
        out[s.zone.id] = geom
    return out
