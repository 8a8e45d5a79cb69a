"""Hover and click driven by real matplotlib MouseEvents through the canvas callbacks."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from matplotlib.backend_bases import MouseEvent

import footviz
from footviz.render.labels import anchor_point


def _event(m, name, zone, foot, button=None):
    """A MouseEvent at the pole of inaccessibility of ``zone`` on ``foot``."""
    panel = m.artists.layout.panel(foot)
    fx, fy = anchor_point(m.atlas.shape(zone, foot).geometry)
    px, py = m.ax.transData.transform(panel.to_chart(fx, fy))
    return MouseEvent(name, m.figure.canvas, px, py, button=button)


def _send(m, event):
    m.figure.canvas.callbacks.process(event.name, event)


def _map():
    m = footviz.plot(labels=False, figsize=(8, 6))
    m.figure.canvas.draw()
    return m


def test_hover_shows_zone_and_organs():
    m = _map()
    inter = m.interactive()
    _send(m, _event(m, "motion_notify_event", "kidney", "left"))
    assert inter.tooltip.get_visible()
    assert inter.tooltip.get_text() == "Kidney — Left foot\nkidneys"
    _send(m, _event(m, "motion_notify_event", "liver", "right"))
    assert inter.tooltip.get_text().startswith("Liver — Right foot")


def test_hover_off_the_feet_hides_tooltip():
    m = _map()
    inter = m.interactive()
    _send(m, _event(m, "motion_notify_event", "heart", "left"))
    assert inter.tooltip.get_visible()
    x0, y0 = m.ax.transData.transform((m.ax.get_xlim()[0] + 1, m.ax.get_ylim()[1] - 1))
    _send(m, MouseEvent("motion_notify_event", m.figure.canvas, x0, y0))
    assert not inter.tooltip.get_visible()


def test_click_toggles_highlight_and_calls_back():
    m = _map()
    seen = []
    inter = m.interactive(callback=seen.append)
    _send(m, _event(m, "button_press_event", "heart", "left", button=1))
    assert inter.selected == {("heart", "left", "plantar")}
    assert len(inter.overlays["left"].get_paths()) == 1
    assert seen[0].primary.zone.id == "heart" and seen[0].primary.foot == "left"
    _send(m, _event(m, "button_press_event", "heart", "left", button=1))
    assert inter.selected == set()
    assert len(inter.overlays["left"].get_paths()) == 0
    assert len(seen) == 2


def test_nested_zone_wins_and_mirrored_foot_maps_back():
    m = footviz.plot(labels=False, layout="practitioner", figsize=(8, 6))
    m.figure.canvas.draw()
    inter = m.interactive()
    _send(m, _event(m, "button_press_event", "gallbladder", "right", button=1))
    assert inter.selected == {("gallbladder", "right", "plantar")}


def test_hover_uses_the_atlas_hit_testing():
    from footviz.hit.index import HitResult

    m = _map()
    inter = m.interactive()
    event = _event(m, "motion_notify_event", "adrenals", "right")
    _send(m, event)
    hit = inter.last_hit
    assert isinstance(hit, HitResult)
    panel = m.artists.layout.panel("right")
    fx, fy = panel.from_chart(event.xdata, event.ydata)
    assert hit == m.atlas.hit(float(fx), float(fy), foot="right", aspect="plantar")
    assert hit.primary.zone.id == "adrenals"
