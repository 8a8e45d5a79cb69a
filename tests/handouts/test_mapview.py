"""footviz.handouts.mapview: the handout's map: numbers match the key, captions that never
touch their neighbours, a drawing that fits its box."""

from __future__ import annotations

import itertools

import pytest

from footviz.handouts import compose, subjects
from footviz.handouts.mapview import CAPTION_GAP_IN, caption_lines, plan_map


def test_map_numbers_match_key_rows(composed):
    subject, hp = composed("migraine", "A4", "en")
    drawn = {n for (_, _, n) in hp.map.numbers}
    assert drawn == {r.number for r in subject.rows}
    for (foot, aspect), flags in hp.map.highlighted.items():
        shapes = hp.map.shapes[(foot, aspect)]
        marked = {s.key for _, s in subject.marks}
        assert flags == [s.key in marked for s in shapes]


# the pages of the defect: "внутренняя сторонатыльная сторона" ran together under the side views
@pytest.mark.parametrize(
    ("condition", "page", "lang"),
    [("baldness", "Letter", "ru"), ("fainting", "A4", "ru"), ("migraine", "Letter", "en")],
)
def test_captions_of_neighbouring_panels_keep_apart(composed, condition, page, lang):
    _, hp = composed(condition, page, lang)
    renderer = hp.figure.canvas.get_renderer()
    dpi = hp.figure.dpi
    boxes = sorted((c.get_window_extent(renderer) for c in hp.map.captions), key=lambda bb: bb.x0)
    assert len(boxes) >= 4  # both soles and at least two side views
    for left, right in itertools.pairwise(boxes):
        gap = (right.x0 - left.x1) / dpi
        assert gap >= CAPTION_GAP_IN * 0.9, (gap, [c.get_text() for c in hp.map.captions])
    map_box = hp.boxes["map"]
    for bb in boxes:  # and they stay inside the map's box
        assert map_box.contains(bb.x0 / dpi, bb.y0 / dpi, bb.x1 / dpi, bb.y1 / dpi, tol=0.01)


def test_caption_lines_name_the_foot_and_the_side():
    assert caption_lines("ru", "left", "medial") == ("Левая стопа", "внутренняя сторона")
    assert caption_lines("en", "right", "plantar") == ("Right foot", "sole")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_planned_map_fits_its_box(atlas, lang):
    for condition in ("baldness", "fainting", "migraine", "acne"):
        marks = subjects(condition, atlas, lang)[0].marks
        for box_w, box_h in ((7.5, 3.6), (5.5, 2.4)):
            mp = plan_map(atlas, marks, box_w, box_h, 8.0, lang)
            assert mp.total_w * mp.scale <= box_w + 1e-6, condition
            assert mp.height <= box_h + 1e-6, condition


def test_the_map_is_drawn_by_the_shared_layers_in_the_page_colours(composed, atlas):
    from matplotlib.colors import to_hex

    from footviz.handouts.mapview import HIGHLIGHT_EDGE, MUTED_EDGE, MUTED_FACE, OUTLINE_WIDTH
    from footviz.render.layers import LAYERS
    from footviz.render.style import (
        FALLBACK_COLOUR,
        OUTLINE_COLOUR,
        SKIN_COLOUR,
        SYSTEM_COLOURS,
        lighten,
    )

    _, hp = composed("migraine", "A4", "en")
    view = hp.map
    assert list(view.layers) == [layer.name for layer in LAYERS]
    keys = set(view.shapes)
    assert {("left", "plantar"), ("right", "plantar"), ("left", "medial")} <= keys
    assert set(view.layers["zones"]) == set(view.layers["skin"]) == keys
    assert view.collections == view.layers["zones"]
    for key, coll in view.collections.items():
        flags = view.highlighted[key]
        assert coll.axes is hp.map_ax and coll.get_label() == f"zones/{key[0]}/{key[1]}"
        faces = [to_hex(c) for c in coll.get_facecolors()]
        assert faces == [
            to_hex(lighten(SYSTEM_COLOURS.get(s.zone.system, FALLBACK_COLOUR), 0.1))
            if hit
            else to_hex(MUTED_FACE)
            for s, hit in zip(view.shapes[key], flags, strict=True)
        ]
        edges = [to_hex(c).upper() for c in coll.get_edgecolors()]
        assert edges == [HIGHLIGHT_EDGE if hit else MUTED_EDGE for hit in flags]
        assert list(coll.get_linewidths()) == [0.7 if hit else 0.4 for hit in flags]
        assert any(flags) and not all(flags)
        outline, skin = view.layers["outline"][key], view.layers["skin"][key]
        assert to_hex(outline.get_edgecolor()) == OUTLINE_COLOUR.lower()
        assert outline.get_linewidth() == OUTLINE_WIDTH
        assert to_hex(skin.get_facecolor()) == SKIN_COLOUR.lower()
    assert not view.layers["highlights"] and not view.layers["landmarks"]


def test_a_registered_layer_appears_on_the_handout_map(atlas, monkeypatch):
    """A layer added once appears on the handout too: the handout has no zone renderer of
    its own (with no layers, its map holds no zones, skin or outline at all)."""
    from footviz.render import layers

    seen = []

    def probe(ctx, panel):
        seen.append(ctx.key(panel))
        return ctx.ax.text(0.0, 0.0, "probe", transform=ctx.transform(panel))

    subject = subjects("acne", atlas, "en")[0]
    monkeypatch.setattr(layers, "LAYERS", [*layers.LAYERS, layers.PanelLayer("probe", probe)])
    with compose(subject, atlas, "A4") as hp:
        assert seen == [(p.foot, p.aspect) for p in hp.map.panels]
        assert set(hp.map.layers["probe"]) == set(hp.map.shapes)
        assert all(t.axes is hp.map_ax for t in hp.map.layers["probe"].values())
    monkeypatch.setattr(layers, "LAYERS", [])
    with compose(subject, atlas, "A4") as hp:
        assert hp.map.collections == {} and not hp.map_ax.patches
        drawn = [c for c in hp.map_ax.collections if c.get_label().startswith("zones/")]
        assert drawn == [] and hp.map.numbers  # the numbered discs are the map's own


def test_a_disc_inside_its_zone_is_decided_as_shapely_decides_it(atlas):
    import random

    from shapely.geometry import Point

    from footviz.handouts.mapview import disc_inside

    rng = random.Random(7)
    decided = {True: 0, False: 0}
    for s in atlas.shapes("left", "plantar")[:30]:
        region = s.geometry.buffer(0.2)
        x0, y0, x1, y1 = region.bounds
        for _ in range(20):
            centre = (rng.uniform(x0, x1), rng.uniform(y0, y1))
            point = Point(centre)
            depth = region.boundary.distance(point) if region.contains(point) else None
            # around the depth too: the band where the disc's 64-gon and its circle disagree
            factors = (0.5, 0.9985, 0.9992, 0.99995, 1.0, 1.00005, 2.0) if depth else (1.0,)
            for f in factors:
                r = (depth or 1.0) * f
                want = bool(region.contains(point.buffer(r)))
                assert disc_inside(region, centre, depth, r) is want, (s.key, centre, f)
                decided[want] += 1
    assert decided[True] > 50 and decided[False] > 50
