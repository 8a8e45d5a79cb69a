"""Every example script runs from a fresh process and writes the pictures it promises."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PNG = b"\x89PNG\r\n\x1a\n"


def run(script: str, *args: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, MPLBACKEND="Agg"),
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def written(stdout: str, cwd: Path) -> list[Path]:
    paths = [
        cwd / line.split("wrote ", 1)[1].strip() for line in stdout.splitlines() if "wrote " in line
    ]
    assert paths, stdout
    return paths


@pytest.mark.slow
@pytest.mark.parametrize(
    ("script", "args", "expected"),
    [
        ("quickstart.py", ("maps/footmap.png",), 3),
        ("aspects.py", ("sheets",), 2),
        ("highlight.py", ("out",), 2),
        ("heatmap.py", ("out",), 2),
        ("print_map.py", ("out",), 1),
        ("handout.py", ("hypertension", "--outdir", "handouts"), 2),
        ("sujok.py", ("out",), 3),
        ("points.py", ("out",), 3),
        ("technique.py", ("out",), 3),
        ("web/export.py", ("out",), 1),
    ],
)
def test_example_writes_its_pictures(tmp_path, script, args, expected):
    paths = written(run(script, *args, cwd=tmp_path), tmp_path)
    assert len(paths) >= expected
    for path in paths:
        data = path.read_bytes()
        assert len(data) > 10_000, path
        if path.suffix == ".png":
            assert data.startswith(PNG), path
        elif path.suffix == ".pdf":
            assert data.startswith(b"%PDF"), path


@pytest.mark.slow
def test_the_shipped_web_map_is_what_export_py_writes(tmp_path):
    """examples/web/map.html (which index.html embeds) has the zones export.py writes now."""
    import re

    (path,) = written(run("web/export.py", "out", cwd=tmp_path), tmp_path)
    fresh = path.read_text(encoding="utf-8")
    shipped = (EXAMPLES / "web" / "map.html").read_text(encoding="utf-8")
    zones = re.compile(r'<path id="(fv-[^"]+)"[^>]*?data-organs="([^"]*)"')
    assert zones.findall(fresh) == zones.findall(shipped)
    assert len(zones.findall(shipped)) > 40
    script = re.compile(r"<script>.*?</script>", re.S)
    assert script.findall(fresh) == script.findall(shipped)
    assert 'src="map.html"' in (EXAMPLES / "web" / "index.html").read_text(encoding="utf-8")
