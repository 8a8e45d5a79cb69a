"""Strict name resolution with suggestions."""

from __future__ import annotations

import pytest

from footviz import UnknownNameError
from footviz._internal.names import NameIndex, normalise


def test_normalise():
    assert normalise("  Solar_Plexus ") == "solar plexus"
    assert normalise("Лёгкие") == normalise("легкие")
    assert normalise("gall-bladder") == "gall bladder"


def test_resolve_and_suggest():
    index = NameIndex("organ", {"kidneys": ["kidney", "почки"], "liver": ["печень"]})
    assert index.resolve("Kidney") == "kidneys" and index.resolve("ПОЧКИ") == "kidneys"
    assert "thyroid" not in index
    with pytest.raises(UnknownNameError) as info:
        index.resolve("livr")
    assert info.value.kind == "organ" and info.value.value == "livr"
    assert info.value.suggestions[0] == "liver"
    assert str(info.value).startswith("unknown organ 'livr'; did you mean 'liver'?")


def test_first_owner_wins():
    index = NameIndex("zone", {"a": ["shared"], "b": ["shared"]})
    assert index.resolve("shared") == "a"


def test_error_is_a_key_error_with_readable_text():
    with pytest.raises(KeyError) as info:
        NameIndex("group", {"head": []}).resolve("hed")
    assert str(info.value) == "unknown group 'hed'; did you mean 'head'? Allowed: 'head'."


def test_suggestions_are_listed_once():
    err = UnknownNameError("zone or organ", "livr", ["liver", "liver", "lungs"])
    assert err.suggestions == ("liver", "lungs")
    assert "did you mean 'liver', 'lungs'?" in str(err)
