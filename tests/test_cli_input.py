"""The command line with bad input: exit 1 and one line on stderr; bad usage exits 2; a closed
pipe ends quietly with 141."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from footviz.cli import EXIT_BROKEN_PIPE

pytestmark = pytest.mark.slow


def run(*args: str, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "footviz", *args],
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


def one_line_error(r, *needles: str) -> None:
    assert r.returncode == 1, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and "Warning" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize("dpi", ["1e999", "-5", "0", "nan", "1e6"])
def test_render_dpi_out_of_range(tmp_path, dpi):
    out = tmp_path / "map.png"
    r = run("render", "--dpi", dpi, "-o", str(out))
    one_line_error(r, "footviz render: error: --dpi must be a finite number from 10 to 2400")
    assert not out.exists()


def test_handout_dpi_out_of_range(tmp_path):
    r = run("handout", "migraine", "--dpi", "inf", "-o", str(tmp_path / "h.pdf"))
    one_line_error(r, "--dpi must be", "got inf")


def test_a_dpi_that_is_no_number_is_bad_usage():
    r = run("render", "--dpi", "abc")
    assert r.returncode == 2 and "invalid float value: 'abc'" in r.stderr


def test_validate_a_deeply_nested_file(tmp_path):
    path = tmp_path / "deep.geojson"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    one_line_error(run("validate", str(path)), "nested too deeply")


def test_validate_a_file_whose_zones_is_a_list(tmp_path, atlas):
    doc = atlas.to_document()
    doc["footviz"]["zones"] = list(doc["footviz"]["zones"].values())
    path = tmp_path / "zones-list.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    one_line_error(run("validate", str(path)), "footviz.zones must be an object", "got list")


def test_validate_a_utf16_file(tmp_path, atlas):
    path = tmp_path / "wide.geojson"
    path.write_text(json.dumps(atlas.to_document()), encoding="utf-16")
    one_line_error(run("validate", str(path)), "UTF-16")


def test_values_csv_from_excel_and_bad_values_files(tmp_path):
    out = tmp_path / "map.png"
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbfzone,value\r\nheart,3\r\nliver,1\r\n")  # as Excel saves it
    r = run("render", "--values", str(bom), "-o", str(out), "--dpi", "30")
    assert r.returncode == 0, r.stderr
    latin = tmp_path / "latin.csv"
    latin.write_bytes("zone,value\nс,1\n".encode("cp1251"))
    one_line_error(run("render", "--values", str(latin), "-o", str(out)), "not UTF-8", "0xf1")
    wide = tmp_path / "wide.csv"
    wide.write_text("zone,value\n" + "x" * 2_000_000 + ",1\n", encoding="utf-8")
    one_line_error(run("render", "--values", str(wide), "-o", str(out)), "not a readable CSV")
    nan = tmp_path / "inf.csv"
    nan.write_text("zone,value\nheart,inf\n", encoding="utf-8")
    one_line_error(run("render", "--values", str(nan), "-o", str(out)), "heart", "inf")


def test_render_unknown_aspect_is_one_line(tmp_path):
    r = run("render", "--aspect", "sole", "-o", str(tmp_path / "map.png"))
    one_line_error(r, "unknown aspect 'sole'", "Allowed: 'plantar'")


def test_a_closed_pipe_ends_quietly():
    read, write = os.pipe()
    os.close(read)  # the reader has gone before the first line is written
    try:
        r = subprocess.run(
            [sys.executable, "-m", "footviz", "zones"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write)
    assert r.returncode == EXIT_BROKEN_PIPE == 141
    assert r.stderr == ""


def test_footviz_zones_piped_into_head():
    script = f'{sys.executable} -m footviz zones --json | head -c 10; echo " ${{PIPESTATUS[0]}}"'
    r = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120)
    assert r.stdout.startswith("[")
    assert r.stdout.split()[-1] in ("0", "141")  # 0 when head read it all in time
    assert r.stderr == ""
