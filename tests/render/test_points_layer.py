"""The acupoints layer: markers, meridian lines, code labels, legend and hover on points."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.backend_bases import MouseEvent
from matplotlib.colors import to_rgba

import footviz
from footviz.errors import BadTypeError, NotInAtlasError, UnknownNameError
from footviz.render.points import ROLE_STYLES, resolve_points
from footviz.render.theme import contrast


@pytest.fixture(scope="module")
def atlas():
    return footviz.load_atlas()


def _centre_px(coll, i):
    """Display position of marker ``i``: the mean of its outline's vertices."""
    path = coll.get_paths()[i]
    verts = coll.get_transform().transform(path.vertices[:-1])
    return verts.mean(axis=0), verts


def _markers(m, foot):
    return m.artists.layers["points"][("markers", foot)]


def test_markers_sit_on_the_atlas_positions_through_the_panel(atlas):
    m = footviz.plot(points=True, labels=False, figsize=(8, 6))
    for foot in ("left", "right"):
        coll = _markers(m, foot)
        panel = m.artists.layout.panel(foot)
        assert [s.code for s in coll.shapes] == [s.code for s in atlas.points(foot, "plantar")]
        for i, s in enumerate(coll.shapes):
            got, _ = _centre_px(coll, i)
            want = m.ax.transData.transform(panel.to_chart(s.geometry.x, s.geometry.y))
            np.testing.assert_allclose(got, want, atol=1e-6)
    # mirrored right foot: the big-toe side (SP2) faces the middle on both feet
    x = {
        f: {
            s.code: _centre_px(_markers(m, f), i)[0][0] for i, s in enumerate(_markers(m, f).shapes)
        }
        for f in ("left", "right")
    }
    assert x["left"]["SP2"] > x["left"]["BL65"]
    assert x["right"]["SP2"] < x["right"]["BL65"]


def test_marker_size_is_the_radius_in_data_units(atlas):
    m = footviz.plot(points=True, labels=False, figsize=(8, 6))
    coll = _markers(m, "left")
    px_mm = np.hypot(*(m.ax.transData.transform((1, 0)) - m.ax.transData.transform((0, 0))))
    reach = {}
    for i, s in enumerate(coll.shapes):
        centre, verts = _centre_px(coll, i)
        far = np.hypot(*(verts - centre).T).max() / px_mm  # mm
        reach.setdefault(coll.roles[i], []).append(far / s.radius)
    for role, ratios in reach.items():
        np.testing.assert_allclose(ratios, ratios[0], rtol=1e-9, err_msg=str(role))
    np.testing.assert_allclose(reach[None][0], 1.0, rtol=1e-3)  # a circle: exactly the radius
    radii = {s.radius for s in coll.shapes}
    assert len(radii) > 1  # the check above compared different sizes


def test_role_gives_marker_shape_and_colour(atlas):
    m = footviz.plot(points=["KI1", "SP2", "Lineiting"], labels=False, figsize=(8, 6))
    coll = _markers(m, "left")
    roles = dict(zip((s.code for s in coll.shapes), coll.roles, strict=True))
    assert roles == {"KI1": "calming", "SP2": "exciting", "Lineiting": None}
    faces = coll.get_facecolors()
    for i, s in enumerate(coll.shapes):
        assert tuple(faces[i]) == to_rgba(ROLE_STYLES[roles[s.code]][1])
        centre, verts = _centre_px(coll, i)
        dy = verts[:, 1] - centre[1]
        if roles[s.code] == "exciting":  # a triangle pointing up
            assert dy.max() > 1.9 * -dy.min()
        if roles[s.code] == "calming":  # pointing down
            assert -dy.min() > 1.9 * dy.max()
    texts = [t.get_text() for t in m.artists.legend.get_texts()]
    assert "calming point" in texts and "exciting point" in texts and "other point" in texts
    assert "harmonising point" not in texts  # only the roles shown
    d = footviz.plot(points="SP1", aspect="dorsal", labels=False, figsize=(8, 6))
    (role,) = _markers(d, "left").roles
    assert role == "harmonising"
    assert tuple(_markers(d, "left").get_facecolors()[0]) == to_rgba(ROLE_STYLES["harmonising"][1])


def test_meridian_line_joins_points_in_meridian_order(atlas):
    sheet = footviz.draw_aspect_sheet(atlas, "left", points="bladder", labels=False)
    lines = sheet.layers["lateral"]["points"][("lines", "left")]
    assert lines.meridians == ("bladder",)
    (seg,) = lines.get_segments()
    want = [(s.geometry.x, s.geometry.y) for s in atlas.points("left", "lateral", meridian="BL")]
    want = [
        p
        for _, p in sorted(
            zip(
                (s.order for s in atlas.points("left", "lateral", meridian="BL")), want, strict=True
            )
        )
    ]
    np.testing.assert_allclose(seg, want)
    assert [s.order for s in sheet.layers["lateral"]["points"][("markers", "left")].shapes] == [
        60, 61, 62, 63, 64, 65, 66, 67,
    ]  # fmt: skip


def _boxes(texts, r):
    out = []
    for t in texts:
        patch = t.get_bbox_patch()
        ext = (patch if patch is not None else t).get_window_extent(r)
        out.append(ext.extents)
    return np.array(out).reshape(-1, 4)


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _check_labels(fig, label_artists):
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    codes = [t for la in label_artists for t in la.texts if t.get_visible()]
    assert len(codes) >= 0.8 * sum(len(la.texts) for la in label_artists)
    mine = {id(t) for t in codes}
    from matplotlib.text import Text

    ticks = {id(t) for ax in fig.axes for t in [*ax.xaxis.get_children(), *ax.yaxis.get_children()]}
    others = [
        t
        for t in fig.findobj(match=Text)
        if id(t) not in mine | ticks and t.get_visible() and t.get_text()
    ]
    cb, ob = _boxes(codes, r), _boxes(others, r)
    for i, a in enumerate(cb):
        for j in range(i + 1, len(cb)):
            assert not _overlap(a, cb[j]), (codes[i].get_text(), codes[j].get_text())
        for j, b in enumerate(ob):
            assert not _overlap(a, b), (codes[i].get_text(), others[j].get_text())
    return codes, others


def test_code_labels_overlap_nothing_on_a_labelled_map():
    m = footviz.plot(points=True, figsize=(11.7, 8.3))
    labels = [m.artists.layers["points"][("labels", f)] for f in ("left", "right")]
    codes, others = _check_labels(m.figure, labels)
    assert {"KI1", "SP2", "BL65"} <= {t.get_text() for t in codes}
    assert {"Kidney", "Stomach", "Eyes"} <= {t.get_text() for t in others}  # zone labels checked


def test_points_on_the_sheet_every_side(atlas):
    sheet = footviz.draw_aspect_sheet(atlas, "left", points=True)
    for aspect in ("plantar", "dorsal", "medial", "lateral"):
        coll = sheet.layers[aspect]["points"][("markers", "left")]
        assert coll.axes is sheet.axes[aspect]
        assert [s.code for s in coll.shapes] == [s.code for s in atlas.points("left", aspect)]
    legend = [t.get_text() for t in sheet.legend.get_texts()]
    assert {"harmonising point", "exciting point", "calming point"} <= set(legend)
    labels = [sheet.layers[a]["points"][("labels", "left")] for a in sheet.layers]
    _check_labels(sheet.figure, labels)


def test_selection_by_meridian_role_and_names(atlas):
    assert resolve_points(atlas, "kidney").codes == {"KI1", "KI2", "KI3", "KI4", "KI5", "KI6"}
    assert resolve_points(atlas, ["Taichong", "KI1"]).codes == {"LR3", "KI1"}
    calming = resolve_points(atlas, "calming").codes
    assert {"KI1", "LR2", "SP5"} <= calming and "LR3" not in calming
    assert resolve_points(atlas, None) is None and resolve_points(atlas, False) is None
    m = footviz.plot(points="liver", aspect="dorsal", labels=False, figsize=(8, 6))
    assert {s.code for s in _markers(m, "left").shapes} == {"LR1", "LR2", "LR3", "LR4"}
    assert m.artists.points.codes == resolve_points(atlas, "liver").codes


def test_unknown_names_say_what_is_allowed_with_did_you_mean(atlas):
    with pytest.raises(UnknownNameError, match=r"(?s)points.*kidny.*kidney"):
        footviz.plot(points="kidny", labels=False)
    with pytest.raises(UnknownNameError, match=r"(?s)Taichun.*taichong"):
        footviz.draw_aspect_sheet(atlas, points=["KI1", "Taichun"], labels=False)
    with pytest.raises(NotInAtlasError, match=r"LR8.*off the foot"):
        footviz.plot(points=["LR8"], labels=False)
    with pytest.raises(BadTypeError, match="points must be True, a meridian"):
        footviz.plot(points=3, labels=False)


def _send(fig, name, px, py, button=None):
    ev = MouseEvent(name, fig.canvas, px, py, button=button)
    fig.canvas.callbacks.process(name, ev)


def test_hover_and_click_on_a_point_beat_the_zone(atlas):
    m = footviz.plot(points="kidney", labels=False, figsize=(8, 6))
    m.figure.canvas.draw()
    seen = []
    inter = m.interactive(callback=seen.append)
    ki1 = atlas.point("KI1", "left", "plantar")
    panel = m.artists.layout.panel("left")
    px, py = m.ax.transData.transform(panel.to_chart(ki1.geometry.x + 2.0, ki1.geometry.y))
    _send(m.figure, "motion_notify_event", px, py)
    assert inter.tooltip.get_visible()
    text = inter.tooltip.get_text()
    assert text.startswith("KI1 Yongquan") and "Left foot" in text
    assert "Kidney meridian" in text and "harmonising, calming" in text
    _send(m.figure, "button_press_event", px, py, button=1)
    assert inter.selected_points == {("KI1", "left", "plantar")} and inter.selected == set()
    assert seen[0].code == "KI1"
    # beyond the disc the zone answers again
    far = panel.to_chart(ki1.geometry.x + ki1.radius + 4.0, ki1.geometry.y)
    _send(m.figure, "motion_notify_event", *m.ax.transData.transform(far))
    assert not inter.tooltip.get_text().startswith("KI1")


def test_points_not_drawn_are_not_hit(atlas):
    m = footviz.plot(points="liver", labels=False, figsize=(8, 6))
    m.figure.canvas.draw()
    inter = m.interactive()
    ki1 = atlas.point("KI1", "left", "plantar")
    panel = m.artists.layout.panel("left")
    px, py = m.ax.transData.transform(panel.to_chart(ki1.geometry.x, ki1.geometry.y))
    _send(m.figure, "motion_notify_event", px, py)
    assert not inter.tooltip.get_text().startswith("KI1")


def test_dark_theme_labels_stay_readable():
    m = footviz.plot(points=True, theme="dark", labels=False, figsize=(8, 6))
    m.figure.canvas.draw()
    label = m.artists.layers["points"][("labels", "left")].texts[0]
    face = label.get_bbox_patch().get_facecolor()
    assert contrast(label.get_color(), face[:3]) > 7
    legend = [t for t in m.artists.legend.get_texts() if t.get_text().endswith("point")]
    assert legend and all(t.get_color() == m.artists.theme.text for t in legend)


def test_same_input_same_bytes():
    from footviz.render.output import to_bytes

    a = footviz.plot(points="kidney", figsize=(6, 5))
    b = footviz.plot(points="kidney", figsize=(6, 5))
    assert to_bytes(a.figure, "png", dpi=50) == to_bytes(b.figure, "png", dpi=50)


def test_points_sharing_a_place_share_one_label(atlas):
    m = footviz.plot(points=True, aspect="dorsal", labels=False, figsize=(8, 6))
    la = m.artists.layers["points"][("labels", "left")]
    texts = [t.get_text() for t in la.texts]
    assert "LR2/EX-LE10-1" in texts and "LR2" not in texts
    assert sorted(c for t in texts for c in t.split("/")) == sorted(s.code for s in la.shapes)
    for group in la.groups:
        first = la.shapes[group[0]].geometry
        assert all(la.shapes[i].geometry.distance(first) <= 0.5 for i in group)


def test_a_label_moved_out_gets_a_leader_from_its_marker(atlas):
    sheet = footviz.draw_aspect_sheet(atlas, "left", points=True, labels=True)
    fig = sheet.figure
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    la = sheet.layers["dorsal"]["points"][("labels", "left")]
    led = [g for g, line in enumerate(la.leaders) if line.get_visible()]
    assert led  # the crowded toe webs push some labels a step out
    ax = sheet.axes["dorsal"]
    for g in led:
        (x0, y0), (x1, y1) = ax.transData.transform(la.leaders[g].get_xydata())
        head = la.shapes[la.groups[g][0]]
        cx, cy = la.foot_transform.transform((head.geometry.x, head.geometry.y))
        px_mm = np.hypot(
            *(la.foot_transform.transform((1, 0)) - la.foot_transform.transform((0, 0)))
        )
        assert np.hypot(x0 - cx, y0 - cy) <= 1.4 * head.radius * px_mm + 1e-6
        box = la.texts[g].get_bbox_patch().get_window_extent(r).padded(1.0)
        assert box.contains(x1, y1)
