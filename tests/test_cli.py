"""The footviz command line, run as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def run(*args: str, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "footviz", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_version_and_help():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("footviz ")
    for sub in ("zones", "conditions", "validate", "handout", "render", "hit"):
        h = run(sub, "--help")
        assert h.returncode == 0, sub
        assert "usage: footviz " + sub in h.stdout


def test_bad_usage_exits_2():
    r = run("nonsense")
    assert r.returncode == 2
    assert "invalid choice" in r.stderr


def test_zones_json_lists_the_atlas(atlas):
    r = run("zones", "--json")
    assert r.returncode == 0
    ids = [z["zone"] for z in json.loads(r.stdout)]
    assert ids == [z.id for z in atlas.zones]


def test_conditions_table_and_json(atlas):
    r = run("conditions")
    assert r.returncode == 0 and "migraine" in r.stdout
    rows = json.loads(run("conditions", "--json", "--lang", "ru").stdout)
    mig = next(row for row in rows if row["condition"] == "migraine")
    assert mig["name"] == atlas.condition("migraine").name("ru")
    assert "liver" in mig["zones"]


def test_bad_input_is_one_line_without_traceback(tmp_path):
    r = run("handout", "migrane", "-o", str(tmp_path / "x.pdf"))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert "did you mean 'migraine'" in r.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_validate_reports_problems_with_their_zone(tmp_path, atlas):
    good = run("validate", str(tmp_path / "missing.geojson"))
    assert good.returncode == 1 and "not found" in good.stderr
    doc = atlas.to_document()
    doc["footviz"]["zones"]["heart"]["feet"] = ["left", "right"]
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    r = run("validate", str(path))
    assert r.returncode == 1
    assert "heart" in r.stdout and "error" in r.stdout


def test_hit_point_and_csv(tmp_path):
    r = run("hit", "30", "240", "--foot", "left")
    assert r.returncode == 0
    assert r.stdout.split("\t")[0] == "brain"
    touches = tmp_path / "touches.csv"
    touches.write_text("x,y,foot\n30,240,left\n0,30,right\n500,500,left\n", encoding="utf-8")
    out = tmp_path / "zones.csv"
    r = run("hit", "--csv", str(touches), "-o", str(out))
    assert r.returncode == 0, r.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "x,y,foot,zone"
    assert lines[1].endswith(",brain")
    assert lines[3].endswith(",")  # off the foot: empty zone


def test_handout_command_writes_pdf(tmp_path):
    out = tmp_path / "h.pdf"
    r = run("handout", "hypertension", "-o", str(out), "--page", "Letter")
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_render_command_writes_png(tmp_path):
    values = tmp_path / "v.csv"
    values.write_text("zone,value\nheart,3\nliver,1\n", encoding="utf-8")
    out = tmp_path / "map.png"
    r = run("render", "-o", str(out), "--highlight", "kidney", "--values", str(values))
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
