"""HitResult, HitArray and the shared results of plain touches."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from footviz.hit.results import HitResult

from .reference import border_points


def test_hit_result_type(atlas):
    hit = atlas.hit(10.0, 100.0)
    assert isinstance(hit, HitResult)
    assert hit.inside and hit.zone is hit.primary.zone
    assert repr(hit) == f"HitResult(left plantar: {hit.zone.id})"


def test_plain_touches_share_one_result_per_set_of_zones(atlas):
    """A plain touch allocates nothing: points over the same zones get the very same result,
    whichever path (grid cell, sub-cell, exact border test, slow path) answered them."""
    heart = atlas.shape("heart", "left").geometry
    x0, y0, x1, y1 = heart.bounds
    rng = np.random.default_rng(7)
    xs, ys = rng.uniform(x0, x1, 4000), rng.uniform(y0, y1, 4000)
    inside = shapely.contains_xy(heart, xs, ys)
    edge = border_points(atlas, "left", "plantar", 200, rng)
    hits = [atlas.hit(float(x), float(y)) for x, y in zip(xs[inside], ys[inside], strict=True)]
    assert len(hits) > 1000 and all(h.zone.id == "heart" for h in hits)
    hits += [h for h in (atlas.hit(float(x), float(y)) for x, y in edge) if h is not None]
    p = heart.representative_point()
    hits += [atlas.hit(round(p.x), round(p.y), "left", "plantar", 0)]  # ints: the slow path
    assert hits[-1].zone.id == "heart"
    by_set = {}
    for h in hits:
        by_set.setdefault(tuple(s.key for s in h.shapes), set()).add(id(h))
    assert all(len(ids) == 1 for ids in by_set.values())
    assert len(by_set) > 3  # the heart alone and several border sets
    # results with a tolerance or overlaps are their own records
    near = atlas.hit(float(x1) + 0.5, (y0 + y1) / 2, tolerance=9.0, overlaps=True)
    assert near.overlaps and near is not atlas.hit(float(x1) + 0.5, (y0 + y1) / 2, tolerance=9.0)


def test_hit_result_is_an_immutable_record_that_survives_pickling(atlas):
    import copy
    import pickle

    hit = atlas.hit(0.0, 30.0, "left", "plantar")
    assert hit.primary.zone.id == "reproductive" and hit.distance == 0.0 and hit.overlaps == ()
    assert pickle.loads(pickle.dumps(hit)) == hit
    assert copy.deepcopy(hit) == hit
    with pytest.raises(AttributeError):
        hit.foot = "right"
