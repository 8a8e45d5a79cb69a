"""Label planning and the scale of maps drawn into the caller's axes (footviz.render.labelling,
footviz.render.orientation): equal axes give equal scale whatever is highlighted, no label
below MIN_FONTSIZE, numbered callouts with a key where names don't fit, and ``scale=``."""

from __future__ import annotations

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

import footviz
from footviz import FootvizError
from footviz.render import FootMap
from footviz.render.labelling import MIN_FONTSIZE, LabelItem, plan_labels
from footviz.render.orientation import Lying, Upright, orientation_for

HIGHLIGHTS = ("migraine", "kidney", "head", "spine")


def _ppm(ax) -> tuple[float, float]:
    """Display pixels per chart mm along x and y, from the axes' data transform."""
    ax.apply_aspect()
    t = ax.transData
    (x0, y0), (x1, _), (_, y1) = t.transform([(0, 0), (100, 0), (0, 100)])
    return (x1 - x0) / 100, (y1 - y0) / 100


def _texts(drawn):
    return list(drawn.labels.values()) + list(drawn.captions.values())


@pytest.fixture(scope="module")
def grid(atlas):
    """Four maps of the soles, each with its own highlight, in a 2 x 2 grid of a 10 in figure."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 10))  # not pyplot's: it outlives the per-test figure clean-up
    FigureCanvasAgg(fig)
    axs = fig.subplots(2, 2)
    maps = [
        FootMap(atlas).draw(ax, highlight=h) for ax, h in zip(axs.flat, HIGHLIGHTS, strict=True)
    ]
    fig.canvas.draw()
    return fig, maps


def test_min_fontsize_is_a_public_constant_of_at_least_six_points():
    assert footviz.render.footmap.MIN_FONTSIZE == MIN_FONTSIZE >= 6.0


def test_four_highlights_in_a_grid_share_one_scale(grid):
    _fig, maps = grid
    scales = [_ppm(m.ax) for m in maps]
    for sx, sy in scales:
        assert sx == pytest.approx(sy, rel=1e-9)  # equal aspect
        assert sx == pytest.approx(scales[0][0], rel=1e-9)
    assert scales[0][0] > 0.5  # the feet are not shrunk to make room for names


def test_grid_labels_are_never_below_the_minimum_and_never_overlap(grid):
    fig, maps = grid
    renderer = fig.canvas.get_renderer()
    for m in maps:
        assert len(m.labels) == sum(len(s) for s in m.shapes.values())  # every zone named
        sizes = [t.get_fontsize() for t in _texts(m)]
        assert min(sizes) >= MIN_FONTSIZE
        boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in _texts(m)]
        for (ta, a), (tb, b) in itertools.combinations(boxes, 2):
            assert not a.overlaps(b), f"{ta!r} overlaps {tb!r}"


def test_names_that_do_not_fit_become_numbers_with_a_key_inside_the_axes(grid):
    fig, maps = grid
    renderer = fig.canvas.get_renderer()
    for m in maps:
        assert m.numbering, "a 5-inch axes cannot hold 31 names beside both feet"
        assert {t.get_text() for t in m.labels.values()} == {str(n) for n in m.numbering}
        key = [t.get_text() for t in m.key.get_texts()]
        assert key == [f"{n}  {m.numbering[n][0].zone.name('en')}" for n in sorted(m.numbering)]
        assert min(t.get_fontsize() for t in m.key.get_texts()) >= MIN_FONTSIZE
        # the key sits under the map within the axes' width, clear of every label
        kb, ab = m.key.get_window_extent(renderer), m.ax.get_window_extent(renderer)
        assert ab.x0 - 1 <= kb.x0 and kb.x1 <= ab.x1 + 1
        for t in _texts(m):
            assert not kb.overlaps(t.get_window_extent(renderer)), t.get_text()


def test_a_large_axes_keeps_the_names(atlas):
    _fig, ax = plt.subplots(figsize=(14, 9))
    m = FootMap(atlas).draw(ax, highlight="migraine")
    assert not m.numbering and m.key is None
    assert "Kidney" in {t.get_text() for t in m.labels.values()}
    assert min(t.get_fontsize() for t in m.labels.values()) >= MIN_FONTSIZE


def test_lying_profiles_in_equal_axes_share_one_scale(atlas):
    fig, axs = plt.subplots(1, 2, figsize=(12, 8))
    maps = [
        FootMap(atlas, aspect="medial").draw(ax, highlight=h)
        for ax, h in zip(axs, ("spine", "bladder"), strict=True)
    ]
    fig.canvas.draw()
    assert _ppm(maps[0].ax)[0] == pytest.approx(_ppm(maps[1].ax)[0], rel=1e-9)
    for m in maps:
        assert min(t.get_fontsize() for t in _texts(m)) >= MIN_FONTSIZE


@pytest.mark.parametrize("scale", [0.1, 0.2])
def test_scale_fixes_pixels_per_mm_exactly(atlas, scale):
    _fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    FootMap(atlas, feet="left").draw(ax, scale=scale)
    assert _ppm(ax)[0] == pytest.approx(scale * 100 / 25.4, rel=1e-9)


def test_scale_on_a_map_of_its_own(atlas):
    m = footviz.plot(feet="right", scale=0.15, labels=False)
    assert _ppm(m.ax)[0] == pytest.approx(0.15 * m.figure.dpi / 25.4, rel=1e-9)


def test_scale_too_large_for_the_axes_is_a_clear_error(atlas):
    _fig, ax = plt.subplots(figsize=(4, 3))
    with pytest.raises(FootvizError, match=r"scale is too large.*at most 0\.\d+ times"):
        FootMap(atlas).draw(ax, scale=1.0)


@pytest.mark.parametrize("bad", [0, -1, "big", True, float("nan")])
def test_bad_scale_names_the_option(atlas, bad):
    _fig, ax = plt.subplots()
    with pytest.raises(FootvizError, match="scale must be a positive number"):
        FootMap(atlas).draw(ax, scale=bad)


def test_fontsize_below_the_minimum_is_rejected(atlas):
    with pytest.raises(FootvizError, match="fontsize must be at least 6"):
        FootMap(atlas, fontsize=4.8)


@pytest.mark.parametrize("figsize", [(6, 4), (4, 3)])
def test_small_figures_of_their_own_keep_text_at_the_minimum_or_above(figsize):
    m = footviz.plot(figsize=figsize)
    sizes = [t.get_fontsize() for t in _texts(m.artists)]
    assert min(sizes) >= MIN_FONTSIZE
    if m.artists.numbering:  # names that did not fit were numbered, with a key
        assert m.artists.key is not None


def test_plan_never_shrinks_below_the_minimum_and_strict_plans_give_up(atlas):
    fig = plt.figure(figsize=(3, 3))
    renderer = fig.canvas.get_renderer()
    shapes = atlas.shapes("left", "plantar")
    items = [LabelItem("left", s.zone.id, s.zone.name("en"), s.geometry) for s in shapes]
    kw = {"fig": fig, "renderer": renderer, "scale": lambda _c: 0.3, "y_range": (4.0, 60.0)}
    forced = plan_labels(items, **kw)
    assert forced.fontsize == MIN_FONTSIZE
    assert plan_labels(items, strict=True, **kw) is None


def test_orientation_strategies(atlas):
    assert isinstance(orientation_for(FootMap(atlas)), Upright)
    lying = orientation_for(FootMap(atlas, aspect="lateral"))
    assert isinstance(lying, Lying) and lying.turned and lying.key_below
    fm = FootMap(atlas, aspect="medial", feet="left")
    (panel,) = fm.layout_for().panels
    toes, heel = fm.orientation.hints(panel, {"toes": "toes", "heel": "heel"})
    # the inner side of the left foot is seen from the other foot: toes point right
    assert toes[2] == "toes →" and toes[0] > heel[0]
    assert Upright(FootMap(atlas)).hints(panel, {}) == []
