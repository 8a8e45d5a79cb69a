"""geometry/build.py regenerates the shipped atlas byte for byte."""

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
