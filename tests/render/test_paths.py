"""Geometry to matplotlib paths and panel transforms (footviz.render.paths)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.path import Path
from shapely.geometry import MultiPolygon, Polygon, box

from footviz.atlas.layout import Layout, Panel
from footviz.render.paths import draw_order, geometry_path, panel_transform, visible_geometry


def test_polygon_with_a_hole_is_one_compound_path():
    ring = box(0, 0, 10, 10)
    hole = box(3, 3, 6, 6)
    geom = Polygon(ring.exterior.coords, [hole.exterior.coords])
    path = geometry_path(geom)
    codes = path.codes
    assert list(codes).count(Path.MOVETO) == 2 and list(codes).count(Path.CLOSEPOLY) == 2
    assert path.readonly
    # drawn filled, the hole stays open even though shapely gave both rings one winding
    assert geom.exterior.is_ccw == geom.interiors[0].is_ccw
    assert _filled(path, (1.5, 1.5)) and not _filled(path, (4.5, 4.5))


def _filled(path, point) -> bool:
    """Whether ``point`` (data units, 0..10) is painted when ``path`` is drawn filled black."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import PathPatch

    fig = Figure(figsize=(1, 1), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.set_axis_off()
    ax.add_artist(PathPatch(path, facecolor="black", edgecolor="none"))
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())
    x, y = ax.transData.transform(point)
    return bool(img[int(img.shape[0] - y), int(x), 0] < 128)


def test_multipolygon_keeps_every_piece_and_the_same_object_gives_the_same_path():
    geom = MultiPolygon([box(0, 0, 1, 1), box(5, 5, 6, 7)])
    path = geometry_path(geom)
    assert path.contains_point((0.5, 0.5)) and path.contains_point((5.5, 6.5))
    assert not path.contains_point((3, 3))
    assert geometry_path(geom) is path  # made once per geometry object
    assert len(geometry_path(Polygon()).vertices) == 0


@pytest.mark.parametrize(
    "panel",
    [
        Panel("left", "plantar", False, 0.0),
        Panel("right", "plantar", True, 240.0, 10.0),
        Panel("left", "medial", False, 0.0, 0.0, turned=True),
        Panel("right", "medial", True, 250.0, 120.0, turned=True),
    ],
)
def test_panel_transform_puts_points_where_the_panel_does(panel):
    pts = np.array([(10.0, 20.0), (-30.0, 200.0), (0.0, 0.0)])
    got = panel_transform(panel).transform(pts)
    want = np.column_stack(panel.to_chart(pts[:, 0], pts[:, 1]))
    np.testing.assert_allclose(got, want)


def test_draw_order_does_not_depend_on_input_order(atlas):
    shapes = list(atlas.shapes("left", "plantar"))
    order = [s.zone.id for s in draw_order(shapes)]
    assert [s.zone.id for s in draw_order(reversed(shapes))] == order
    areas = [s.area for s in draw_order(shapes)]
    assert areas == sorted(areas, reverse=True)  # nested zones on top of their parents


def test_visible_geometry_removes_nested_zones(atlas):
    shapes = atlas.shapes("left", "plantar")
    vis = visible_geometry(shapes)
    children = [s for s in shapes if s.zone.parent]
    assert children, "the built-in atlas nests some zones"
    for child in children:
        parent = vis[child.zone.parent]
        assert parent.intersection(child.geometry).area < 1e-6 * child.geometry.area + 1e-9
        assert vis[child.zone.id].equals(child.geometry) or child.zone.id in {
            s.zone.parent for s in shapes
        }


def test_layout_panels_draw_through_their_transform(atlas):
    layout = Layout.side_by_side(atlas.outline("left").bounds, ("left", "right"))
    right = layout.panel("right")
    tf = panel_transform(right)
    x0, _, x1, _ = atlas.outline("right").bounds
    xs = tf.transform([(x0, 0.0), (x1, 0.0)])[:, 0]
    assert xs[0] > xs[1]  # mirrored: the medial side faces the other foot
