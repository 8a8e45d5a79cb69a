"""Colours of outlines, captions, notes, leaders and legend text follow the background
(footviz.render.theme): under ``dark_background`` a map and a sheet stay readable."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

import footviz
from footviz import UnknownNameError
from footviz.render.theme import Theme, contrast, resolve_theme

MIN_CONTRAST = 4.5  # WCAG AA for text


def _map_colours(m):
    a = m.artists
    out = {f"outline/{f}": p.get_edgecolor() for f, p in a.outlines.items()}
    out |= {f"caption/{f}": t.get_color() for f, t in a.captions.items()}
    out["note"] = a.convention.get_color()
    out["title"] = a.ax.title.get_color()
    out |= {f"legend/{t.get_text()}": t.get_color() for t in a.legend.get_texts()}
    out["leaders"] = a.leaders.get_colors()[0]
    out |= {
        f"callout/{k}": t.get_color()
        for k, t in a.labels.items()
        if t.get_bbox_patch() is None
        and k in {c.item.key for cs in a.plan.callouts.values() for c in cs}
    }
    return out


@pytest.mark.parametrize("aspect", ["plantar", "lateral"])
def test_dark_background_map_contrasts_with_its_background(aspect):
    with plt.style.context("dark_background"):
        m = footviz.plot(aspect=aspect, feet="left" if aspect == "lateral" else "both")
        bg = m.figure.get_facecolor()
    assert m.artists.theme.name == "dark"
    for name, colour in _map_colours(m).items():
        assert contrast(colour, bg) >= MIN_CONTRAST, name
    for (_, _end), t in m.artists.hints.items():
        assert contrast(t.get_color(), bg) >= MIN_CONTRAST


def test_default_style_keeps_the_light_colours():
    m = footviz.plot(labels=False)
    assert m.artists.theme.name == "light"
    assert matplotlib.colors.to_hex(m.artists.outlines["left"].get_edgecolor()) == "#333333"
    assert matplotlib.colors.to_hex(m.artists.convention.get_color()) == "#444444"


def test_explicit_dark_theme_on_a_map_of_its_own_darkens_the_figure():
    m = footviz.plot(theme="dark", labels=False)
    assert contrast(m.figure.get_facecolor(), "black") < 1.1
    assert contrast(m.artists.outlines["left"].get_edgecolor(), m.figure.get_facecolor()) >= 4.5


def test_theme_in_the_callers_axes_follows_that_figure():
    with plt.style.context("dark_background"):
        _fig, ax = plt.subplots(figsize=(12, 8))
        m = footviz.FootMap().draw(ax, labels=False)
    assert m.theme.name == "dark"


def test_dark_background_sheet_is_readable(atlas):
    with plt.style.context("dark_background"):
        sheet = footviz.draw_aspect_sheet(atlas, "left")
        bg = sheet.figure.get_facecolor()
    texts = [*sheet.captions.values(), *(t for ts in sheet.hints.values() for t in ts)]
    texts += [*sheet.legend.get_texts(), sheet.figure._suptitle]
    for t in texts:
        assert contrast(t.get_color(), bg) >= MIN_CONTRAST, t.get_text()
    for aspect, edge in sheet.outlines.items():
        assert contrast(edge.get_edgecolor(), bg) >= MIN_CONTRAST, aspect


def test_unknown_theme_suggests():
    with pytest.raises(UnknownNameError, match="did you mean 'dark'"):
        footviz.plot(theme="drak", labels=False)


def test_resolve_theme():
    assert resolve_theme("auto", "white").name == "light"
    assert resolve_theme("auto", "#111111").name == "dark"
    assert resolve_theme("auto", (0, 0, 0, 0)).name == "light"  # transparent: paper behind
    t = Theme.named("dark")
    assert resolve_theme(t, "white") is t


def test_explicit_dark_sheet_on_a_figure_of_its_own(atlas):
    sheet = footviz.draw_aspect_sheet(atlas, "left", theme="dark", labels=False)
    bg = sheet.figure.get_facecolor()
    assert sheet.theme.name == "dark" and contrast(bg, "black") < 1.1
    for t in sheet.captions.values():
        assert contrast(t.get_color(), bg) >= MIN_CONTRAST
