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
    for sub in ("zones", "conditions", "validate", "handout", "render", "hit", "export"):
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
    assert lines[0] == "x,y,foot,zone,organs"
    assert lines[1] == "30,240,left,brain,brain"
    assert lines[3] == "500,500,left,,"  # off the foot: empty zone and organs


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


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nan", "100", "--foot", "left"), "x must be a finite number of mm, got 'nan'"),
        (("1e999", "100"), "x must be a finite number of mm, got '1e999'"),
        (("30", "inf", "--foot", "left"), "y must be a finite number of mm, got 'inf'"),
        (("30", "abc", "--foot", "left"), "y must be a finite number of mm, got 'abc'"),
    ],
)
def test_hit_refuses_non_finite_points(args, message):
    r = run("hit", *args)
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.strip().splitlines() == [f"footviz hit: error: {message}"]


def test_hit_csv_bom_header_only_and_quiet_stderr(tmp_path):
    bom = tmp_path / "excel.csv"
    bom.write_bytes(b"\xef\xbb\xbfx,y,foot\r\n30,240,left\r\n")
    out = tmp_path / "zones.csv"
    r = run("hit", "--csv", str(bom), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""  # stderr is not a terminal: no progress bar
    assert out.read_text(encoding="utf-8").splitlines() == [
        "x,y,foot,zone,organs",
        "30,240,left,brain,brain",
    ]
    head = tmp_path / "head.csv"
    head.write_text("x,y,foot\n", encoding="utf-8")
    r = run("hit", "--csv", str(head))
    assert r.returncode == 0 and r.stdout.splitlines() == ["x,y,foot,zone,organs"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["excel.csv", "head.csv", "zones.csv"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("x,y,foot\n30,240,café\n".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 19)"),
        (("x,y,foot\n30,240," + "l" * 200_000 + "\n").encode(), "line 2: a field is longer"),
        (b"x,y,foot\n30,240,left\n30,x,left\n", "line 3, column 'y': expected a number, got 'x'"),
        (b"x,y,foot\n30,240,lefft\n", "line 2, column 'foot': unknown foot 'lefft'; did you mean"),
    ],
)
def test_hit_csv_bad_files_are_one_line_errors(tmp_path, data, message):
    src = tmp_path / "touches.csv"
    src.write_bytes(data)
    out = tmp_path / "zones.csv"
    out.write_text("old", encoding="utf-8")
    r = run("hit", "--csv", str(src), "-o", str(out))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert f"touches.csv: {message}" in r.stderr
    assert out.read_text(encoding="utf-8") == "old"  # untouched, no temporary left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["touches.csv", "zones.csv"]


def test_hit_parquet_in_and_out(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "touches.csv"
    src.write_text("x,y,foot\n30,240,left\n500,500,left\n", encoding="utf-8")
    out = tmp_path / "zones.data"
    r = run("hit", "--csv", str(src), "-o", str(out), "--format", "parquet")
    assert r.returncode == 0, r.stderr
    assert pq.read_table(out).column("zone").to_pylist() == ["brain", None]
    back = tmp_path / "back.csv"
    r = run("hit", "--input", str(out), "--input-format", "parquet", "-o", str(back))
    assert r.returncode == 1 and "already has a 'zone' column" in r.stderr


def test_export_writes_the_maps_svg_and_html(tmp_path):
    import footviz

    values = tmp_path / "v.csv"
    values.write_text("zone,value\nheart,3\nliver,1\n", encoding="utf-8")
    svg, html = tmp_path / "map.svg", tmp_path / "page.htm"
    common = ("--highlight", "kidney", "--values", str(values), "--lang", "ru", "--feet", "left")
    r = run("export", *common, "-o", str(svg))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"wrote {svg}"
    r = run("export", "--format", "html", *common, "-o", str(html))
    assert r.returncode == 0, r.stderr
    fm = footviz.FootMap(feet="left", lang="ru")
    fm.draw(highlight=["kidney"], values={"heart": 3.0, "liver": 1.0})
    assert svg.read_text(encoding="utf-8") == fm.to_svg()
    assert html.read_text(encoding="utf-8") == fm.to_html()
    assert 'id="fv-kidney-left-plantar"' in svg.read_text(encoding="utf-8")
    assert "fv-kidney-right-plantar" not in svg.read_text(encoding="utf-8")


def test_export_names_the_formats_it_knows(tmp_path):
    out = tmp_path / "map.txt"
    r = run("export", "-o", str(out))
    assert r.returncode == 1
    assert "cannot tell the format of" in r.stderr and "--format svg|html" in r.stderr
    assert not out.exists()
    r = run("export", "--format", "gif", "-o", str(out))
    assert r.returncode == 2 and "invalid choice: 'gif'" in r.stderr


def test_handout_command_prints_a_technique_as_the_api_does(tmp_path):
    from footviz import handout

    out = tmp_path / "cli.pdf"
    r = run("handout", "--technique", "heel-spur", "--lang", "ru", "-o", str(out))
    assert r.returncode == 0, r.stderr
    api = handout(technique="heel-spur", lang="ru", path=tmp_path / "api.pdf")
    assert out.read_bytes() == api.read_bytes()


def test_handout_command_draws_points(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "p.pdf"
    r = run("handout", "migraine", "--points", "KI1", "LR3", "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "KI1" in text and "LR3" in text and "KI3" not in text


def test_render_command_draws_one_step_as_the_api_does(tmp_path):
    import footviz

    out = tmp_path / "cli.png"
    r = run("render", "--feet", "left", "--technique", "heel-spur", "--step", "2", "-o", str(out))
    assert r.returncode == 0, r.stderr
    with footviz.plot(feet="left", technique="heel-spur", step=2) as fmap:
        fmap.savefig(tmp_path / "api.png", dpi=150)
    assert out.read_bytes() == (tmp_path / "api.png").read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("handout", "migraine", "--technique", "heel-spur"),
            "give one of CONDITION(s), --organs NAME ... or --technique NAME",
        ),
        (("handout",), "give one of CONDITION(s)"),
        (("render", "--technique", "heel-spor"), "did you mean 'heel spur'"),
        (("render", "--technique", "heel-spur", "--step", "99"), "(1 to 6), got 99"),
        (("render", "--points", "kidny"), "did you mean 'kidney'"),
        (("handout", "--technique", "heel-spur", "--points"), "cannot be combined with points="),
    ],
)
def test_technique_and_points_options_fail_in_one_line(tmp_path, args, message):
    r = run(*args, "-o", str(tmp_path / "x.pdf"))
    assert r.returncode == 1
    assert message in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "x.pdf").exists()
