"""footviz._internal.members: one reader of an atlas document's member object."""

import pytest

from footviz._internal.members import member_object
from footviz.atlas.points import PointSet
from footviz.atlas.techniques import TechniqueSet
from footviz.errors import AtlasFormatError


def test_an_absent_member_reads_as_empty_and_a_mapping_as_its_own_copy():
    assert member_object(None, "acupoints") == {}
    source = {"points": {}}
    got = member_object(source, "acupoints")
    assert got == source and got is not source


@pytest.mark.parametrize(("make", "name"), [(lambda m: PointSet(m, 250.0), "acupoints"),
                                            (TechniqueSet, "techniques")])  # fmt: skip
def test_both_sets_refuse_a_member_that_is_not_an_object(make, name):
    with pytest.raises(AtlasFormatError, match=rf"^footviz\.{name} must be an object$"):
        make(["not", "an", "object"])
