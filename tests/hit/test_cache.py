"""The on-disk grid cache: round trips, damaged and foreign files, keys, the switch."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

import footviz
from footviz.hit import cache, gridbuild

from .reference import border_points, reference


def _answers(atlas, rng):
    out = []
    for foot, aspect in [(f, a) for a in atlas.aspects for f in atlas.feet]:
        x0, y0, x1, y1 = atlas.outline(foot, aspect).bounds
        edge = border_points(atlas, foot, aspect, 3000, rng)
        x = np.r_[rng.uniform(x0 - 5, x1 + 5, 20_000), edge[:, 0], np.nan, np.inf]
        y = np.r_[rng.uniform(y0 - 5, y1 + 5, 20_000), edge[:, 1], 1.0, 1.0]
        out.append(atlas.hit_many(x, y, foot, aspect).index)
        pts = zip(x[-400:].tolist(), y[-400:].tolist(), strict=True)
        out.append([atlas.hit(a, b, foot, aspect) for a, b in pts])
    return out


def _same(a, b):
    for u, v in zip(a, b, strict=True):
        if isinstance(u, np.ndarray):
            np.testing.assert_array_equal(u, v)
        else:
            assert u == v


def test_cache_round_trip_gives_identical_answers(atlas, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cold = footviz.Atlas(atlas.to_document())
    want = _answers(cold, np.random.default_rng(3))
    files = sorted((tmp_path / "footviz").glob("hit-*.grid"))
    assert len(files) == len(cold.hit_index().keys) == 8
    assert not list((tmp_path / "footviz").glob(".hit-*"))  # no temp file left behind

    def no_build(*args):
        raise AssertionError("built although cached")

    monkeypatch.setattr(gridbuild, "build", no_build)
    warm = footviz.Atlas(atlas.to_document())
    got = _answers(warm, np.random.default_rng(3))
    _same(got, want)
    assert warm.hit_index().nbytes == cold.hit_index().nbytes


def test_corrupt_or_foreign_cache_files_are_rebuilt(atlas, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    want = _answers(footviz.Atlas(atlas.to_document()), np.random.default_rng(4))
    files = sorted((tmp_path / "footviz").glob("hit-*.grid"))
    files[0].write_bytes(b"not a grid file")
    files[1].write_bytes(files[1].read_bytes()[:100])  # truncated in the table
    files[4].write_bytes(files[4].read_bytes()[:-5000])  # truncated in the arrays
    good = cache.unpack(files[3].read_bytes())
    good["blocks"] = good["blocks"][:-64]  # right file name, arrays that do not fit
    files[2].write_bytes(cache.pack(good))
    got = _answers(footviz.Atlas(atlas.to_document()), np.random.default_rng(4))
    _same(got, want)
    for f in files[:5]:  # rewritten with good arrays
        assert len(cache.unpack(f.read_bytes())["blocks"]) > 0


def test_cache_is_keyed_by_geometry_and_can_be_disabled(atlas, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    footviz.Atlas(atlas.to_document()).hit(0.0, 100.0)
    scaled = atlas.scaled(270.0)
    scaled.hit(0.0, 100.0)
    assert len(list((tmp_path / "footviz").glob("hit-*.grid"))) == 2  # its own file
    rng = np.random.default_rng(8)
    x, y = rng.uniform(-60, 60, 50_000), rng.uniform(-5, 280, 50_000)
    np.testing.assert_array_equal(
        scaled.hit_many(x, y).index, reference(scaled, "left", "plantar", x, y)
    )
    monkeypatch.setenv("FOOTVIZ_NO_CACHE", "1")
    assert cache.cache_dir() is None
    footviz.Atlas(atlas.to_document()).hit(0.0, 100.0, "right", "dorsal")
    assert len(list((tmp_path / "footviz").glob("hit-*.grid"))) == 2


def test_unwritable_cache_dir_still_builds(atlas, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # cannot make a directory under it
    fresh = footviz.Atlas(atlas.to_document())
    assert fresh.hit(10.0, 100.0) == atlas.hit(10.0, 100.0)


def test_a_new_cache_format_ignores_old_files(atlas, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    footviz.Atlas(atlas.to_document()).hit(0.0, 100.0)
    before = set((tmp_path / "footviz").glob("hit-*.grid"))
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + "-next")
    built = []
    real = gridbuild.build

    def counting(*args):
        built.append(1)
        return real(*args)

    monkeypatch.setattr(gridbuild, "build", counting)
    footviz.Atlas(atlas.to_document()).hit(0.0, 100.0)
    assert built == [1]  # the old file is not read
    assert len(set((tmp_path / "footviz").glob("hit-*.grid")) - before) == 1


def test_pack_round_trips_arrays_and_refuses_damaged_files():
    arrays = {
        "a": np.arange(7, dtype=np.int16),
        "b": np.linspace(0, 1, 6).reshape(2, 3),
        "c": np.zeros(0, np.uint8),
        "d": np.array([1.5, -2.0], np.float32),
    }
    blob = cache.pack(arrays)
    back = cache.unpack(blob)
    assert list(back) == list(arrays)
    for name, arr in arrays.items():
        np.testing.assert_array_equal(back[name], arr)
        assert back[name].dtype == arr.dtype and back[name].shape == arr.shape
    back["a"][0] = 9  # loaded arrays are writable copies, not views of the file
    assert cache.pack(arrays) == blob  # same input, same bytes
    for bad in (b"", b"PK\x03\x04 a zip", blob[:40], blob[:-8], blob.replace(b"<i2", b"|O8")):
        with pytest.raises(ValueError):
            cache.unpack(bad)
    with pytest.raises(ValueError, match="cannot store"):
        cache.pack({"o": np.array([None])})


def test_a_warm_first_touch_needs_no_zipfile_and_no_build(atlas, tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    env.pop("FOOTVIZ_NO_CACHE", None)
    code = (
        "import sys, footviz; a = footviz.load_atlas(); h = a.hit(10.0, 100.0);"
        "print(h.zone.id, 'zipfile' in sys.modules, 'footviz.hit.gridbuild' in sys.modules,"
        " 'footviz.hit.viewport' in sys.modules)"
    )
    run = [sys.executable, "-c", code]
    cold = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    warm = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    zone = atlas.hit(10.0, 100.0).zone.id
    assert cold.split() == [zone, "False", "True", "False"]  # built once, then stored
    assert warm.split() == [zone, "False", "False", "False"]  # read back, nothing built
