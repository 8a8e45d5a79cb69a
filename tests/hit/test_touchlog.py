"""Touch logs at scale: the streaming reader/writer (CSV and Parquet) and its errors."""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
import sys

import numpy as np
import pytest

from footviz import FootvizError
from footviz.hit import csvscan, touchcsv
from footviz.hit.touchlog import TouchLogError, _progress, atomic_output, hit_file

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def touches(n: int, seed: int = 0):
    """Points over both feet's soles (and a few off the foot), with mixed feet."""
    rng = np.random.default_rng(seed)
    x = np.round(rng.uniform(-55, 50, n), 2)
    y = np.round(rng.uniform(-5, 255, n), 3)
    feet = np.where(rng.random(n) < 0.5, "left", "right")
    return x, y, feet


def expected_zones(atlas, x, y, feet, aspects=None):
    out = []
    for i in range(len(x)):
        aspect = aspects[i] if aspects is not None and aspects[i] else "plantar"
        found = atlas.hit(float(x[i]), float(y[i]), str(feet[i]), aspect)
        out.append(found.zone.id if found is not None else "")
    return out


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as h:
        return list(csv.reader(h))


@pytest.fixture
def small_blocks(monkeypatch):
    """Blocks of a few hundred bytes, so a small file spans many blocks."""
    monkeypatch.setattr(touchcsv, "CHUNK_BYTES", 300)
    monkeypatch.setattr(touchcsv, "CHUNK_ROWS", 7)


# ---------------------------------------------------------------------- same answers
def test_stream_gives_the_zones_of_hit_many_over_many_blocks(tmp_path, atlas, small_blocks):
    x, y, feet = touches(500)
    src = tmp_path / "t.csv"
    src.write_text(
        "x,y,foot\n" + "".join(f"{a},{b},{f}\n" for a, b, f in zip(x, y, feet, strict=True)),
        encoding="utf-8",
    )
    out = tmp_path / "o.csv"
    assert hit_file(src, out, atlas=atlas) == 500
    rows = read_rows(out)
    assert rows[0] == ["x", "y", "foot", "zone", "organs"]
    zones = [r[3] for r in rows[1:]]
    index = np.empty(len(x), int)
    for foot in ("left", "right"):
        sel = feet == foot
        index[sel] = atlas.hit_many(x[sel], y[sel], foot).index
    table = [s.zone.id for s in atlas] + [""]
    assert zones == [table[i] for i in index]
    assert len(set(zones)) > 20  # the test covers many zones and misses
    organs = {s.zone.id: ";".join(s.zone.organs) for s in atlas}
    assert all(r[4] == organs.get(r[3], "") for r in rows[1:])


def test_plain_lines_are_copied_byte_for_byte(tmp_path, atlas, small_blocks):
    lines = ["30.0,240,left,  a note", "0,30.50,right,x", "500,500,left,", "-0.0,1e2,left,e"]
    src = tmp_path / "t.csv"
    src.write_bytes(("x,y,foot,note\r\n" + "\r\n".join(lines) + "\r\n").encode())
    out = tmp_path / "o.csv"
    hit_file(src, out, atlas=atlas)
    got = out.read_bytes().decode().split("\r\n")
    assert got[0] == "x,y,foot,note,zone,organs"
    zones = expected_zones(atlas, [30, 0, 500, -0.0], [240, 30.5, 500, 100], ["left", "right"] * 2)
    for line, zone, written in zip(lines, zones, got[1:], strict=False):
        assert written.startswith(line + ",")
        assert written.split(",")[-2] == zone
    assert zones[0] == "brain" and zones[2] == ""


def test_quoted_fields_go_through_the_csv_module(tmp_path, atlas, small_blocks):
    x, y, feet = touches(60, seed=3)
    rows = [[str(a), str(b), f, "plain"] for a, b, f in zip(x, y, feet, strict=True)]
    rows[40][3] = 'a "quoted", note\nover two lines'
    src = tmp_path / "t.csv"
    with open(src, "w", newline="", encoding="utf-8") as h:
        csv.writer(h).writerows([["x", "y", "foot", "note"], *rows])
    out = tmp_path / "o.csv"
    hit_file(src, out, atlas=atlas)
    back = read_rows(out)
    assert [r[:4] for r in back[1:]] == rows
    assert [r[4] for r in back[1:]] == expected_zones(atlas, x, y, feet)


def test_aspect_column_and_default_aspect(tmp_path, atlas):
    src = tmp_path / "t.csv"
    # a point of the inner side: on the sole it is another zone (or none)
    medial = next(s for s in atlas if s.aspect == "medial" and s.foot == "left")
    p = medial.geometry.representative_point()
    src.write_text(
        f"x,y,foot,aspect\n{p.x},{p.y},left,medial\n{p.x},{p.y},left,\n", encoding="utf-8"
    )
    out = tmp_path / "o.csv"
    hit_file(src, out, atlas=atlas)
    rows = read_rows(out)
    assert rows[1][4] == atlas.hit(p.x, p.y, "left", "medial").zone.id
    sole = atlas.hit(p.x, p.y, "left", "plantar")
    assert rows[2][4] == (sole.zone.id if sole else "")
    hit_file(src, out, atlas=atlas, aspect="medial")
    assert read_rows(out)[2][4] == rows[1][4]


@pytest.mark.parametrize(
    "text",
    [
        "0",
        "-0",
        "12",
        "-12.5",
        "+.5",
        "7.",
        ".25",
        "007.100",
        "123456789012345",
        "-98765.4321",
        "0.1",
        "249.999999999999",
    ],
)
def test_decimal_scan_equals_float(text):
    buf = np.frombuffer((text + "\n").encode(), np.uint8)
    values, ok = csvscan.decimals(buf, np.array([0]), np.array([len(text)]))
    assert ok[0]
    assert values[0] == float(text) and np.signbit(values[0]) == np.signbit(float(text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "-",
        ".",
        "1e5",
        " 1",
        "1 ",
        "1.2.3",
        "--1",
        "1-",
        "1234567890123456",
        "nan",
        "0x10",
        "١٢",
    ],
)
def test_decimal_scan_leaves_the_rest_to_float(text):
    raw = text.encode()
    buf = np.frombuffer(raw + b"\n", np.uint8)
    values, ok = csvscan.decimals(buf, np.array([0]), np.array([len(raw)]))
    assert not ok[0] and np.isnan(values[0])


def test_numbers_the_scan_skips_still_parse_like_float(tmp_path, atlas):
    src = tmp_path / "t.csv"
    src.write_text("x,y,foot\n3e1,2.4e2,left\n 30 ,240,left\n3000000000000000e-14,240,left\n")
    out = tmp_path / "o.csv"
    hit_file(src, out, atlas=atlas)
    assert [r[3] for r in read_rows(out)[1:]] == ["brain", "brain", "brain"]


# ---------------------------------------------------------------------- files
def test_bom_header_only_and_blank_lines(tmp_path, atlas):
    src = tmp_path / "bom.csv"
    src.write_bytes(b"\xef\xbb\xbfx,y,foot\r\n30,240,left\r\n\r\n0,30,right\r\n")
    out = tmp_path / "o.csv"
    assert hit_file(src, out, atlas=atlas) == 2
    assert out.read_bytes().startswith(b"x,y,foot,zone,organs\r\n30,240,left,brain,brain\r\n")
    head = tmp_path / "head.csv"
    head.write_text("x,y,foot\n", encoding="utf-8")
    assert hit_file(head, out, atlas=atlas) == 0
    assert out.read_bytes() == b"x,y,foot,zone,organs\r\n"


def test_latin1_and_binary_files_name_the_encoding(tmp_path, atlas):
    src = tmp_path / "lat.csv"
    src.write_bytes("x,y,foot,note\n30,240,left,café\n".encode("latin-1"))
    out = tmp_path / "o.csv"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(TouchLogError, match=r"lat\.csv: not UTF-8 text \(byte 0xe9 at offset 29\)"):
        hit_file(src, out, atlas=atlas)
    assert out.read_text(encoding="utf-8") == "keep me"  # never a half-written file
    assert sorted(os.listdir(tmp_path)) == ["lat.csv", "o.csv"]  # no temporary left
    png = tmp_path / "img.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(TouchLogError, match="not UTF-8 text"):
        hit_file(png, out, atlas=atlas)
    quoted = tmp_path / "q.csv"
    quoted.write_bytes('x,y,foot,note\n30,240,left,"é"\n'.encode("latin-1"))
    with pytest.raises(TouchLogError, match=r"q\.csv: not UTF-8 text \(byte 0xe9 near line 2\)"):
        hit_file(quoted, out, atlas=atlas)


@pytest.mark.parametrize(
    "body",
    [
        "30,240,left," + "a" * 140_000 + "\n",  # plain
        '30,240,left,"' + "a" * 140_000 + '"\n',  # quoted
        "30,240,left," + "a" * 600_000,  # one line without an end
    ],
)
def test_a_huge_field_is_one_line_error(tmp_path, atlas, body):
    src = tmp_path / "big.csv"
    src.write_text("x,y,foot,note\n" + body, encoding="utf-8")
    with pytest.raises(TouchLogError, match=r"line 2: a field is longer than 131072 characters"):
        hit_file(src, tmp_path / "o.csv", atlas=atlas)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("30,240,left\n3O,240,left\n", r"line 3, column 'x': expected a number, got '3O'"),
        ("30,,left\n", r"line 2, column 'y': expected a number, got ''"),
        ("30,240,left\nnan,240,left\n", r"line 3, column 'x': expected a finite number"),
        ("30,inf,left\n", r"line 2, column 'y': expected a finite number, got 'inf'"),
        (
            "30,240,left\n30,240,lfet\n",
            r"line 3, column 'foot': unknown foot 'lfet'; did you "
            r"mean 'left'\?",
        ),
        (
            '"30",240,left\n30,240,rihgt\n',
            r"line 3, column 'foot': unknown foot 'rihgt'; did "
            r"you mean 'right'\?",
        ),
        ("30,240\n", r"line 2: 2 fields, the header has 3"),
        ("30,240,left\n\n1,2,left,4\n", r"line 4: 4 fields, the header has 3"),
    ],
)
def test_bad_rows_name_line_and_column(tmp_path, atlas, body, message):
    src = tmp_path / "t.csv"
    src.write_text("x,y,foot\n" + body, encoding="utf-8")
    with pytest.raises(TouchLogError, match=r"t\.csv: " + message):
        hit_file(src, tmp_path / "o.csv", atlas=atlas)


def test_bad_headers(tmp_path, atlas):
    cases = {
        "": "empty file",
        "X,Y,foot\n": r"missing column\(s\) 'x', 'y'; expected columns x, y, foot .* found 'X'",
        "x,y,foot,zone\n": "already has a 'zone' column",
        "x,y,foot,x\n": "duplicate column name",
    }
    for text, message in cases.items():
        src = tmp_path / "h.csv"
        src.write_text(text, encoding="utf-8")
        with pytest.raises(TouchLogError, match=message):
            hit_file(src, tmp_path / "o.csv", atlas=atlas)
    with pytest.raises(TouchLogError, match=r"cannot read .*nope\.csv: No such file"):
        hit_file(tmp_path / "nope.csv", tmp_path / "o.csv", atlas=atlas)


def test_bad_arguments(tmp_path, atlas):
    src = tmp_path / "t.csv"
    src.write_text("x,y,foot\n30,240,left\n", encoding="utf-8")
    with pytest.raises(FootvizError, match="tolerance must be a finite number >= 0 mm"):
        hit_file(src, None, atlas=atlas, tolerance=float("nan"))
    with pytest.raises(TouchLogError, match="atlas must be a footviz Atlas, got str"):
        hit_file(src, None, atlas="reflexology")
    with pytest.raises(Exception, match="unknown output format 'xlsx'"):
        hit_file(src, tmp_path / "o.x", atlas=atlas, output_format="xlsx")
    with pytest.raises(TouchLogError, match="Parquet output needs a file name"):
        hit_file(src, None, atlas=atlas, output_format="parquet")


def test_stdout_and_tolerance(tmp_path, atlas):
    src = tmp_path / "t.csv"
    # 2 mm beyond the most medial vertex of the left sole's zones: no zone, but one near
    shape = max(atlas.shapes("left", "plantar"), key=lambda s: s.geometry.bounds[2])
    px, py = max(shape.geometry.geoms[0].exterior.coords)
    px += 2.0
    src.write_text(f"x,y,foot\n{px},{py},left\n", encoding="utf-8")
    assert atlas.hit(px, py, "left") is None
    out = io.BytesIO()
    hit_file(src, None, atlas=atlas, stdout=out)
    assert out.getvalue().decode().splitlines()[1] == f"{px},{py},left,,"
    out = io.BytesIO()
    hit_file(src, None, atlas=atlas, stdout=out, tolerance=5.0)
    near = atlas.hit(px, py, "left", tolerance=5.0)
    assert near is not None
    assert out.getvalue().decode().splitlines()[1].split(",")[3] == near.zone.id


@pytest.mark.parametrize("umask", [0o022, 0o007])
def test_atomic_output_keeps_the_plain_open_mode(tmp_path, umask):
    old = os.umask(umask)
    try:
        with atomic_output(tmp_path / "a.txt") as tmp:
            with open(tmp, "w") as h:
                h.write("new")
            assert not (tmp_path / "a.txt").exists()
        with open(tmp_path / "b.txt", "w") as h:
            h.write("plain")
    finally:
        os.umask(old)
    mode = stat.S_IMODE(os.stat(tmp_path / "a.txt").st_mode)
    assert mode == 0o666 & ~umask == stat.S_IMODE(os.stat(tmp_path / "b.txt").st_mode)
    assert (tmp_path / "a.txt").read_text() == "new"


# ---------------------------------------------------------------------- Parquet
def test_parquet_round_trip(tmp_path, atlas, small_blocks):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    x, y, feet = touches(50, seed=5)
    src = tmp_path / "t.csv"
    src.write_text(
        "x,y,foot\n" + "".join(f"{a},{b},{f}\n" for a, b, f in zip(x, y, feet, strict=True)),
        encoding="utf-8",
    )
    hit_file(src, tmp_path / "o.parquet", atlas=atlas)
    table = pq.read_table(tmp_path / "o.parquet")
    assert table.column_names == ["x", "y", "foot", "zone", "organs"]
    assert table.schema.field("x").type == pa.string()  # CSV columns stay text
    want = expected_zones(atlas, x, y, feet)
    assert table.column("zone").to_pylist() == [z or None for z in want]  # null: no zone
    # numeric Parquet in, CSV out; and Parquet to Parquet keeps the input types
    typed = tmp_path / "typed.pq"
    pq.write_table(
        pa.table({"x": x, "y": y, "foot": pa.array(feet).dictionary_encode(), "n": range(50)}),
        typed,
    )
    hit_file(typed, tmp_path / "back.csv", atlas=atlas)
    rows = read_rows(tmp_path / "back.csv")
    assert rows[0] == ["x", "y", "foot", "n", "zone", "organs"]
    assert [r[4] for r in rows[1:]] == want and rows[2][3] == "1"
    hit_file(typed, tmp_path / "again.parquet", atlas=atlas)
    again = pq.read_table(tmp_path / "again.parquet")
    assert again.schema.field("x").type == pa.float64()
    assert again.column("zone").to_pylist() == [z or None for z in want]
    hit_file(src, tmp_path / "as_parquet.bin", atlas=atlas, output_format="parquet")
    assert pq.read_table(tmp_path / "as_parquet.bin").num_rows == 50


def test_parquet_bad_rows_name_the_row(tmp_path, atlas):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    cases = [
        ({"x": [1.0, None], "y": [1.0, 2.0], "foot": ["left", "left"]}, r"row 2, column 'x'"),
        (
            {"x": [1.0, 2.0], "y": [1.0, 2.0], "foot": ["left", "rigth"]},
            r"row 2, column 'foot': unknown foot 'rigth'; did you mean 'right'",
        ),
        (
            {"x": ["1", "a"], "y": [1.0, 2.0], "foot": ["left", "left"]},
            r"row 2, column 'x': expected a number, got 'a'",
        ),
        (
            {"x": [1.0, np.inf], "y": [1.0, 2.0], "foot": ["left", "left"]},
            r"row 2, column 'x': expected a finite number",
        ),
    ]
    for data, message in cases:
        pq.write_table(pa.table(data), tmp_path / "t.parquet")
        with pytest.raises(TouchLogError, match=message):
            hit_file(tmp_path / "t.parquet", tmp_path / "o.csv", atlas=atlas)
    (tmp_path / "fake.parquet").write_text("x,y,foot\n", encoding="utf-8")
    with pytest.raises(TouchLogError, match=r"fake\.parquet: not a Parquet file"):
        hit_file(tmp_path / "fake.parquet", tmp_path / "o.csv", atlas=atlas)


# ---------------------------------------------------------------------- progress
class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal(monkeypatch):
    pytest.importorskip("tqdm")
    assert _progress(None, 100, "B", io.StringIO()) is None  # not a terminal: off
    assert _progress(False, 100, "B", _Terminal()) is None
    term = _Terminal()
    bar = _progress(None, 100, "B", term)
    assert bar is not None
    bar.update(100)
    bar.close()
    assert "100/100" in term.getvalue() and "footviz hit" in term.getvalue()
    monkeypatch.setitem(sys.modules, "tqdm", None)  # not installed: no bar, no error
    assert _progress(None, 100, "B", _Terminal()) is None


# ---------------------------------------------------------------------- memory
@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads VmHWM (Linux)")
def test_memory_stays_bounded_on_two_million_rows(tmp_path):
    big = tmp_path / "big.csv"
    x, y, feet = touches(100_000, seed=9)
    block = "".join(f"{a},{b},{f}\n" for a, b, f in zip(x, y, feet, strict=True)).encode()
    with open(big, "wb") as h:
        h.write(b"x,y,foot\n")
        for _ in range(20):
            h.write(block)
    # the peak of this process's own memory (VmHWM): ru_maxrss would carry the high-water
    # mark of the forked pytest process across exec
    code = (
        "import footviz.hit.touchlog as t;"
        f"n = t.hit_file({str(big)!r}, {str(tmp_path / 'o.csv')!r});"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0];"
        "print(n, hwm.split()[1])"
    )
    env = {**os.environ, "PYTHONPATH": ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")}
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert r.returncode == 0, r.stderr
    rows, rss_kib = map(int, r.stdout.split())
    assert rows == 2_000_000
    assert rss_kib < 150 * 1024, f"peak RSS {rss_kib / 1024:.0f} MiB"
