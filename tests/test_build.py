"""geometry/build.py regenerates every shipped atlas byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_rebuild_is_byte_identical(tmp_path):
    out = tmp_path / "rebuilt.geojson"
    run = subprocess.run(
        [sys.executable, str(ROOT / "geometry" / "build.py"), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    shipped = ROOT / "footviz" / "data" / "reflexology.geojson"
    assert out.read_bytes() == shipped.read_bytes()


BUILT_IN = ("reflexology.geojson", "sujok.geojson", "sujok-insect.geojson")


def test_every_built_in_atlas_rebuilds_byte_identical(tmp_path):
    run = subprocess.run(
        [sys.executable, str(ROOT / "geometry" / "build.py"), "--outdir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(BUILT_IN)
    for name in BUILT_IN:
        shipped = ROOT / "footviz" / "data" / name
        assert (tmp_path / name).read_bytes() == shipped.read_bytes(), name


def test_check_mode_covers_every_built_in_atlas(tmp_path):
    for name in BUILT_IN:
        (tmp_path / name).write_bytes((ROOT / "footviz" / "data" / name).read_bytes())
    (tmp_path / "sujok-insect.geojson").write_text("{}", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(ROOT / "geometry" / "build.py"), "--check", "--outdir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 1
    assert "sujok-insect.geojson is out of date" in run.stderr
    assert "sujok.geojson is up to date" in run.stdout
    assert "reflexology.geojson is up to date" in run.stdout


def test_check_mode_detects_a_stale_file(tmp_path):
    stale = tmp_path / "stale.geojson"
    stale.write_text("{}", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(ROOT / "geometry" / "build.py"), "--check", "--output", str(stale)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1 and "out of date" in run.stderr
