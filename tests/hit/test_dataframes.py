"""hit_frame: zone and organs columns for pandas and Dask DataFrames."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys

import numpy as np
import pytest

from footviz import FootvizError, UnknownNameError, hit_frame

pd = pytest.importorskip("pandas")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def frame(n: int = 400, seed: int = 0):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "x": np.round(rng.uniform(-55, 50, n), 2),
            "y": np.round(rng.uniform(-5, 255, n), 2),
            "foot": np.where(rng.random(n) < 0.5, "left", "right"),
            "aspect": rng.choice(["plantar", "medial", "lateral", "dorsal", ""], n),
            "user": rng.integers(0, 9, n),
        },
        index=pd.RangeIndex(100, 100 + n),
    )


def expected(atlas, df, aspect_col="aspect"):
    zones, organs = [], []
    for row in df.itertuples():
        aspect = (getattr(row, aspect_col) or "plantar") if aspect_col else "plantar"
        found = atlas.hit(float(row.x), float(row.y), row.foot, aspect)
        zones.append(found.zone.id if found is not None else None)
        organs.append(tuple(found.zone.organs) if found is not None else ())
    return zones, organs


def test_every_row_gets_the_zone_of_hit(atlas):
    df = frame()
    before = df.copy()
    out = hit_frame(df, atlas=atlas)
    pd.testing.assert_frame_equal(df, before)  # the input is untouched
    assert list(out.columns) == [*df.columns, "zone", "organs"]
    pd.testing.assert_frame_equal(out[list(df.columns)], df)
    zones, organs = expected(atlas, df)
    assert [None if z is pd.NA else z for z in out["zone"]] == zones
    assert list(out["organs"]) == organs
    assert isinstance(out["zone"].dtype, pd.StringDtype) and out["organs"].dtype == object
    assert out["zone"].isna().sum() == sum(z is None for z in zones) > 0
    assert len({z for z in zones if z}) > 20
    assert {"plantar", "medial"} <= {
        s.aspect for s in atlas if s.zone.id in set(zones) and s.foot == "left"
    }


def test_constants_nan_and_other_column_names(atlas):
    df = pd.DataFrame({"px": [30.0, np.nan, 30.0], "py": [240.0, 240.0, np.inf]})
    out = hit_frame(df, x="px", y="py", foot="left", atlas=atlas)
    assert out["zone"].iloc[0] == "brain"
    assert out["zone"].iloc[1:].isna().all()  # NaN and inf: no zone, as hit_many
    assert list(out["organs"]) == [("brain",), (), ()]
    # an aspect column is used by default; a constant aspect overrides it
    df = pd.DataFrame({"x": [30.0], "y": [240.0], "foot": ["left"], "aspect": ["dorsal"]})
    on_top = atlas.hit(30.0, 240.0, "left", "dorsal")
    got = hit_frame(df, atlas=atlas)["zone"].iloc[0]
    assert (None if pd.isna(got) else got) == (on_top.zone.id if on_top else None)
    assert hit_frame(df, aspect="plantar", atlas=atlas)["zone"].iloc[0] == "brain"
    ints = pd.DataFrame({"x": pd.array([30, None], "Int64"), "y": [240, 240], "foot": "left"})
    assert hit_frame(ints, atlas=atlas)["zone"].tolist()[0] == "brain"
    empty = hit_frame(df.iloc[:0], atlas=atlas)
    assert list(empty.columns) == [*df.columns, "zone", "organs"] and len(empty) == 0


def test_tolerance_reaches_the_nearest_zone(atlas):
    shape = max(atlas.shapes("left", "plantar"), key=lambda s: s.geometry.bounds[2])
    px, py = max(shape.geometry.geoms[0].exterior.coords)
    df = pd.DataFrame({"x": [px + 2.0], "y": [py], "foot": ["left"]})
    assert hit_frame(df, atlas=atlas)["zone"].isna().all()
    near = atlas.hit(px + 2.0, py, "left", tolerance=5.0)
    assert hit_frame(df, tolerance=5.0, atlas=atlas)["zone"].iloc[0] == near.zone.id


def test_bad_input_names_the_parameter():
    df = pd.DataFrame({"x": [1.0], "y": [2.0], "foot": ["left"], "left": [0]})
    cases = [
        ({"x": "xx"}, UnknownNameError, r"unknown column 'xx'; did you mean 'x'\?.*\(x= names"),
        ({"foot": "fot"}, UnknownNameError, r"unknown foot column or name 'fot'; did you mean"),
        ({"foot": "left"}, FootvizError, r"foot='left' is ambiguous: both a column of df"),
        ({"aspect": "sole"}, UnknownNameError, r"unknown aspect column or name 'sole'"),
        ({"foot": 3}, FootvizError, r"foot must be a column name or a foot name \(left, right\)"),
        ({"x": None}, FootvizError, r"x must be a column name \(str\), got None"),
        ({"tolerance": -1}, FootvizError, r"tolerance must be a finite number >= 0 mm"),
        ({"atlas": "reflexology"}, FootvizError, r"atlas must be a footviz Atlas, got str"),
    ]
    for kwargs, kind, message in cases:
        with pytest.raises(kind, match=message):
            hit_frame(df, **kwargs)
    with pytest.raises(FootvizError, match=r"df must be a pandas or Dask DataFrame, got list"):
        hit_frame([1, 2])
    bad = pd.DataFrame({"x": ["1", "abc"], "y": [2.0, 2.0], "foot": ["left", "left"]})
    with pytest.raises(FootvizError, match=r"x: column 'x' must hold numbers; row 1 has 'abc'"):
        hit_frame(bad)
    feet = pd.DataFrame({"x": [1.0, 1.0], "y": [2.0, 2.0], "foot": ["left", "rihgt"]})
    with pytest.raises(FootvizError, match=r"column 'foot', row 1: unknown foot 'rihgt'; did"):
        hit_frame(feet)
    feet.loc[1, "foot"] = None
    with pytest.raises(FootvizError, match=r"foot: column 'foot', row 1: missing foot"):
        hit_frame(feet)
    with pytest.raises(FootvizError, match="df already has a 'zone' column"):
        hit_frame(feet.assign(zone=1))


def test_import_footviz_does_not_import_pandas():
    code = (
        "import sys, footviz; f = footviz.hit_frame;"
        "assert 'hit_frame' in footviz.__all__;"
        "print('pandas' in sys.modules, 'dask' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["False", "False"]


# ---------------------------------------------------------------------- Dask
def test_dask_runs_per_partition_with_meta(atlas):
    dd = pytest.importorskip("dask.dataframe")
    df = frame(300, seed=2)
    ddf = dd.from_pandas(df, npartitions=3)
    lazy = hit_frame(ddf, atlas=atlas)
    assert list(lazy._meta.columns) == [*df.columns, "zone", "organs"]
    assert isinstance(lazy._meta["zone"].dtype, pd.StringDtype)
    got = lazy.compute(scheduler="sync")
    pd.testing.assert_frame_equal(got, hit_frame(ddf.compute(), atlas=atlas))
    zones, _ = expected(atlas, df)
    assert [None if pd.isna(z) else z for z in got["zone"]] == zones
    # bad names fail when the graph is made, not later on a worker
    with pytest.raises(UnknownNameError, match="did you mean 'x'"):
        hit_frame(ddf, x="xx")


@pytest.mark.slow
def test_dask_cluster_equals_pandas_row_for_row(atlas, monkeypatch):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    # the worker processes import footviz from this checkout
    monkeypatch.setenv("PYTHONPATH", ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    df = frame(2000, seed=4)
    ddf = dd.from_pandas(df, npartitions=6)
    want = hit_frame(ddf.compute(), atlas=atlas)
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        got = hit_frame(ddf, atlas=atlas).compute()
        builds = client.run(
            lambda: __import__("footviz.hit.dataframes").hit.dataframes.BUILDS["count"]
        )
    pd.testing.assert_frame_equal(got, want)
    # the atlas reached each worker once: one Atlas built per worker for six partitions
    assert sorted(builds.values()) in ([1, 1], [0, 1])


# a lambda is pickled by value, so the workers need not import this test module
_worker_builds = lambda: importlib.import_module("footviz.hit.dataframes").BUILDS["count"]  # noqa: E731
