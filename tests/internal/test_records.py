"""Frozen records without generated methods (footviz._internal.records): each record class of
footviz behaves exactly as the ``@dataclass(frozen=True)`` it stands for."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle

import pytest

from footviz._internal.records import Record, ValueRecord, init_fields
from footviz.atlas.model import (
    Condition,
    ConditionZones,
    Group,
    Organ,
    Term,
    Unresolved,
    Zone,
    ZoneShape,
)
from footviz.atlas.points import AcuPoint, Meridian, PointShape
from footviz.atlas.techniques import Dose, Step, Stroke, Technique
from footviz.hit.results import Overlap

RECORDS = [
    Zone,
    ZoneShape,
    Organ,
    Group,
    Term,
    Condition,
    Unresolved,
    ConditionZones,
    AcuPoint,
    PointShape,
    Meridian,
    Dose,
    Stroke,
    Step,
    Technique,
    Overlap,
]


def _reference(cls: type) -> type:
    """The frozen dataclass ``cls`` stands for: the same fields, generated methods."""
    specs = []
    for f in dataclasses.fields(cls):
        kw = {"repr": f.repr, "compare": f.compare, "hash": f.hash}
        if f.default is not dataclasses.MISSING:
            kw["default"] = f.default
        if f.default_factory is not dataclasses.MISSING:
            kw["default_factory"] = f.default_factory
        specs.append((f.name, f.type, dataclasses.field(**kw)))
    return dataclasses.make_dataclass(
        cls.__name__, specs, frozen=True, eq=issubclass(cls, ValueRecord)
    )


def _values(cls: type, tag: str = "") -> dict[str, object]:
    return {f.name: f"{f.name}{tag}" for f in dataclasses.fields(cls)}


def _state(obj: object) -> dict[str, object]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_a_record_is_made_like_its_frozen_dataclass(cls):
    ref = _reference(cls)
    assert dataclasses.is_dataclass(cls) and issubclass(cls, Record)
    ours, theirs = inspect.signature(cls).parameters, inspect.signature(ref).parameters
    assert list(ours) == list(theirs)
    for name, p in theirs.items():
        assert ours[name].kind == p.kind
        if p.default is dataclasses.MISSING or p.default is p.empty:
            assert ours[name].default is p.empty, name
        elif repr(p.default) == "<factory>":
            assert ours[name].default is None, name  # None stands for a fresh default
        else:
            assert ours[name].default == p.default, name
    assert cls.__match_args__ == ref.__match_args__
    values = _values(cls)
    assert _state(cls(*values.values())) == _state(ref(*values.values())) == values
    required = {n: v for n, v in values.items() if theirs[n].default is inspect.Parameter.empty}
    a, b = cls(**required), ref(**required)
    assert _state(a) == _state(b)
    for f in dataclasses.fields(cls):  # a fresh dict for each instance, as a factory gives
        if f.default_factory is not dataclasses.MISSING:
            assert getattr(a, f.name) is not getattr(cls(**required), f.name)


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_a_record_compares_hashes_and_prints_like_its_frozen_dataclass(cls):
    ref = _reference(cls)
    values = _values(cls)
    a, b = cls(**values), cls(**values)
    ra, rb = ref(**values), ref(**values)
    assert (a == b) == (ra == rb)
    assert (a == a) and a != ra  # another class is never equal
    if issubclass(cls, ValueRecord):
        assert hash(a) == hash(b) == hash(ra)
    else:  # by identity
        assert a != b and ra != rb and hash(a) == object.__hash__(a)
    for name in values:  # one field changed: equal exactly when the dataclass says so
        changed = {**values, name: "other"}
        assert (cls(**changed) == a) == (ref(**changed) == ra), name
    if type(a).__repr__ is Record.__repr__:
        assert repr(a) == repr(ra)
    first = next(iter(values))
    assert _state(dataclasses.replace(a, **{first: "new"})) == {**values, first: "new"}


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_a_record_is_frozen_like_its_frozen_dataclass(cls):
    ref = _reference(cls)
    values = _values(cls)
    for obj in (cls(**values), ref(**values)):
        name = next(iter(values))
        with pytest.raises(
            dataclasses.FrozenInstanceError, match=f"cannot assign to field '{name}'"
        ):
            setattr(obj, name, "x")
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'extra'"):
            obj.extra = 1  # nor a new attribute
        with pytest.raises(dataclasses.FrozenInstanceError, match=f"cannot delete field '{name}'"):
            delattr(obj, name)
        assert _state(obj) == values


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_a_record_survives_pickle_and_deepcopy(cls):
    obj = cls(**_values(cls))
    for back in (pickle.loads(pickle.dumps(obj)), copy.deepcopy(obj), copy.copy(obj)):
        assert type(back) is cls and _state(back) == _state(obj)
        if issubclass(cls, ValueRecord):
            assert back == obj and hash(back) == hash(obj)


def test_a_subclass_that_is_no_dataclass_may_add_attributes_but_not_change_fields():
    class Tagged(Term):
        pass

    t = Tagged("organ", "heart")
    t.note = "mine"  # as on a plain subclass of a frozen dataclass
    assert t.note == "mine"
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.id = "liver"


def test_a_recursive_record_prints_without_recursing():
    prints = []
    for cls in (Term, _reference(Term)):
        holder: list = []
        holder.append(cls("organ", holder))
        prints.append(repr(holder[0]))
    assert prints == ["Term(kind='organ', id=[...])"] * 2


def test_hash_follows_the_fields_hash_flag_then_compare():
    @dataclasses.dataclass(init=False, repr=False, eq=False)
    class Pair(ValueRecord):
        kept: str
        compared_only: str = dataclasses.field(hash=False)
        hashed_only: str = dataclasses.field(compare=False, hash=True)

        def __init__(self, kept: str, compared_only: str, hashed_only: str) -> None:
            init_fields(self, kept=kept, compared_only=compared_only, hashed_only=hashed_only)

    assert hash(Pair("a", "b", "c")) == hash(("a", "c"))
    assert Pair("a", "b", "c") == Pair("a", "b", "other")
    assert Pair("a", "b", "c") != Pair("a", "other", "c")
    shown = "<locals>.Pair(kept='a', compared_only='b', hashed_only='c')"  # the qualified name
    assert repr(Pair("a", "b", "c")).endswith(shown)
