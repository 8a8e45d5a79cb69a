"""Highlight requests resolve to zone shapes by zone, organ, group or condition."""

from __future__ import annotations

import pytest

from footviz import UnknownNameError
from footviz.render.selection import resolve_highlight, shape_keys
from footviz.render.style import HIGHLIGHT_COLOURS


def test_condition_resolves_to_its_zones(atlas):
    (hs,) = resolve_highlight(atlas, "migraine")
    assert hs.keys == frozenset(s.key for s in atlas.for_condition("migraine").shapes)
    assert ("brain", "left", "plantar") in hs
    assert hs.colour == HIGHLIGHT_COLOURS[0]


def test_organ_group_zone_and_one_foot(atlas):
    (organ,) = resolve_highlight(atlas, "kidneys")
    assert organ.keys == {("kidney", "left", "plantar"), ("kidney", "right", "plantar")}
    (group,) = resolve_highlight(atlas, "intestines")
    assert ("sigmoid_colon", "left", "plantar") in group
    (one,) = resolve_highlight(atlas, "kidney/left")
    assert one.keys == {("kidney", "left", "plantar")}


def test_several_sets_get_their_own_colours(atlas):
    sets = resolve_highlight(atlas, {"a": "heart", "b": ["liver", "kidney"]}, {"b": "#123456"})
    assert [s.name for s in sets] == ["a", "b"]
    assert sets[0].colour == HIGHLIGHT_COLOURS[0] and sets[1].colour == "#123456"
    assert ("liver", "right", "plantar") in sets[1]


def test_unknown_name_suggests(atlas):
    with pytest.raises(UnknownNameError, match=r"did you mean.*migraine"):
        resolve_highlight(atlas, "migrane")
    with pytest.raises(UnknownNameError, match="foot"):
        resolve_highlight(atlas, "kidney/middle")


def test_highlight_of_the_wrong_type_is_a_clear_error(atlas):
    with pytest.raises(TypeError, match="highlight takes a zone, organ, group or condition name"):
        resolve_highlight(atlas, 123)


def test_zone_foot_names_that_zone_only(atlas):
    # "bladder" is also an organ with a medial zone: "bladder/left" is the plantar zone itself
    keys = shape_keys(atlas, "bladder/left")
    assert keys == {("bladder", "left", "plantar")}
    assert shape_keys(atlas, "kidney/right/plantar") == {("kidney", "right", "plantar")}
