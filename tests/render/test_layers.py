"""The zone renderer (footviz.render.layers): one registry of layers drawn by the map, the
chart and the four-side sheet; one collection per layer kind; no data-limit updates."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.patches import PathPatch

import footviz
from footviz import UnknownNameError
from footviz.render import layers
from footviz.render.layers import LAYERS, PanelLayer, draw_layers, register


@pytest.fixture
def restore_layers():
    saved = list(LAYERS)
    yield
    LAYERS[:] = saved


def _marker(ctx, panel):
    """A test layer: one dot at each foot's heel centre (foot frame (0, 20))."""
    coll = PathCollection(
        [matplotlib.path.Path.unit_circle()],
        offsets=[(0.0, 20.0)],
        offset_transform=ctx.transform(panel),
        sizes=[30.0],
        facecolors="#FF00FF",
        transform=matplotlib.transforms.IdentityTransform(),
        zorder=7,
    )
    ctx.ax.add_collection(coll, autolim=False)
    return coll


def test_default_layers_in_drawing_order():
    names = [layer.name for layer in LAYERS]
    assert names == [
        *("skin", "zones", "no_data", "highlights", "outline", "landmarks", "points", "strokes")
    ]
    assert all(isinstance(layer, layers.Layer) for layer in LAYERS)


def test_one_registration_reaches_the_map_the_chart_and_the_sheet(atlas, restore_layers):
    register(PanelLayer("dots", _marker))
    m = footviz.plot(labels=False)
    assert set(m.artists.layers["dots"]) == {"left", "right"}
    chart = footviz.draw_chart(atlas, labels=False)
    assert set(chart.map.layers["dots"]) == {"left", "right"}
    sheet = footviz.draw_aspect_sheet(atlas, "right", labels=False)
    for aspect, ax in sheet.axes.items():
        (dot,) = sheet.layers[aspect]["dots"].values()
        assert dot.axes is ax
    # the dot sits where the panel puts foot point (0, 20) on the chart
    panel = m.layout.panel("right")
    dot = m.artists.layers["dots"]["right"]
    expected = m.ax.transData.transform(panel.to_chart(0.0, 20.0))
    np.testing.assert_allclose(dot.get_offset_transform().transform((0.0, 20.0)), expected)


def test_register_replaces_by_name_and_inserts_before(restore_layers):
    first = register(PanelLayer("dots", _marker), before="outline")
    names = [la.name for la in LAYERS]
    assert names.index("dots") == names.index("outline") - 1
    again = PanelLayer("dots", lambda ctx, panel: None)
    register(again)
    assert [la.name for la in LAYERS].count("dots") == 1 and again in LAYERS
    assert first not in LAYERS


def test_register_rejects_what_is_not_a_layer(restore_layers):
    with pytest.raises(TypeError, match="a layer needs a name and a draw"):
        register(lambda ctx: None)
    with pytest.raises(UnknownNameError, match="layer"):
        register(PanelLayer("dots", _marker), before="outlines")


def test_each_kind_is_one_artist_per_panel(atlas):
    m = footviz.plot(highlight={"Head": "head", "Kidneys": "kidney"}, labels=False)
    d = m.artists.layers
    for foot in ("left", "right"):
        assert isinstance(d["skin"][foot], PathPatch)
        assert isinstance(d["zones"][foot], PathCollection)
        assert len(d["zones"][foot].get_paths()) == len(m.artists.shapes[foot])
        assert isinstance(d["outline"][foot], PathPatch)
        assert {k for k, f in d["highlights"] if f == foot} == {"Head", "Kidneys"}
    assert d["no_data"] == {} and d["landmarks"] == {}


def test_values_reach_the_zones_through_set_array(atlas):
    m = footviz.plot(feet="left", values={"kidney": 1.0, "liver": 3.0}, labels=False)
    coll = m.artists.zones["left"]
    arr = np.ma.filled(coll.get_array(), np.nan)
    i = m.artists.index("kidney", "left")
    assert arr[i] == 1.0 and np.isnan(arr).sum() == len(arr) - 1
    assert coll.get_clim() == (1.0, 3.0)  # liver (3) is on the right foot only


def test_drawing_never_walks_vertices_to_update_data_limits(atlas, monkeypatch):
    """Collections with autolim off and patches added as artists: limits are set once."""

    def refuse(self, *args, **kwargs):
        raise AssertionError("add_patch updates the data limits vertex by vertex")

    monkeypatch.setattr(Axes, "add_patch", refuse)
    m = footviz.plot(labels=False)
    assert m.ax.dataLim.width <= 0 or not np.isfinite(m.ax.dataLim.width)
    sheet = footviz.draw_aspect_sheet(atlas, "left", labels=False, legend=False)
    for aspect, ax in sheet.axes.items():
        assert sheet.collections[aspect] in ax.collections
        assert not np.isfinite(ax.dataLim.width) or ax.dataLim.width <= 0


def test_sheet_landmarks_are_a_layer_of_the_profiles(atlas):
    sheet = footviz.draw_aspect_sheet(atlas, "left", labels=False, legend=False)
    assert sheet.landmarks["medial"] and sheet.landmarks["lateral"]
    for aspect, marks in sheet.landmarks.items():
        assert all(a.axes is sheet.axes[aspect] for a in marks)


def test_draw_layers_runs_a_given_list_only(atlas):
    _fig, ax = plt.subplots()
    m = footviz.FootMap(atlas, feet="left")
    drawn = m.draw(ax, labels=False)
    from footviz.render.colouring import colour_zones
    from footviz.render.layers import DrawContext
    from footviz.render.theme import Theme

    ctx = DrawContext(
        ax=ax,
        atlas=atlas,
        aspect="plantar",
        panels=drawn.layout.panels,
        shapes=drawn.shapes,
        visible={},
        colouring=colour_zones(drawn.shapes),
        theme=Theme.named("light"),
    )
    out = draw_layers(ctx, [PanelLayer("outline", layers.draw_outline)])
    assert list(out) == ["outline"] and isinstance(out["outline"]["left"], PathPatch)


def test_one_axes_of_several_aspects_keys_panels_by_foot_and_aspect(atlas):
    """What the handout's map needs: the sole and the top of one foot side by side."""
    import dataclasses

    from footviz.atlas.layout import Layout
    from footviz.render.colouring import colour_zones
    from footviz.render.layers import DrawContext
    from footviz.render.paths import draw_order, visible_geometry
    from footviz.render.theme import Theme

    _fig, ax = plt.subplots()
    panels = []
    for i, aspect in enumerate(("plantar", "dorsal")):
        (p,) = Layout.side_by_side(atlas.outline("left", aspect).bounds, ("left",), aspect).panels
        panels.append(dataclasses.replace(p, dx=p.dx + 150.0 * i))
    shapes = {(p.foot, p.aspect): draw_order(atlas.shapes(p.foot, p.aspect)) for p in panels}
    ctx = DrawContext(
        ax=ax,
        atlas=atlas,
        aspect="plantar",
        panels=tuple(panels),
        shapes=shapes,
        visible={k: visible_geometry(v) for k, v in shapes.items()},
        colouring=colour_zones(shapes),
        theme=Theme.named("light"),
    )
    out = draw_layers(ctx)
    assert set(out["zones"]) == {("left", "plantar"), ("left", "dorsal")}
    for key, coll in out["zones"].items():
        assert len(coll.get_paths()) == len(shapes[key])
