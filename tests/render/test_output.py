"""Saving figures through the one writer: same bytes by every route, atomic under failure,
file modes, file objects and savefig's own options."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap

import matplotlib

matplotlib.use("Agg")

import pytest

import footviz
from footviz.errors import FootvizError, OutputError, UnknownNameError
from footviz.render.output import METADATA, PNG_COMPRESS_LEVEL, savefig, to_bytes

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OLD = b"an earlier map\n"


def _map():
    return footviz.plot(feet="left", highlight="kidney", figsize=(4, 5))


@pytest.fixture(scope="module")
def drawn():
    return _map()


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_same_input_same_bytes(fmt, tmp_path):
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    _map().savefig(a)
    _map().savefig(b)
    assert a.read_bytes() == b.read_bytes()
    data = a.read_bytes()
    assert b"CreationDate" not in data and b"<dc:date>" not in data
    assert b"Matplotlib" not in data and b"matplotlib.org" not in data  # no version stamp


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_path_and_file_object_get_the_same_bytes(drawn, tmp_path, fmt):
    path = tmp_path / f"m.{fmt}"
    drawn.savefig(path)
    buf = io.BytesIO()
    assert drawn.savefig(buf, format=fmt) is buf  # a web app streams its response
    # a map's SVG is its structured one (footviz.render.svg), the other formats the figure's
    want = drawn.to_svg().encode("utf-8") if fmt == "svg" else to_bytes(drawn.figure, fmt)
    assert buf.getvalue() == path.read_bytes() == want


def test_savefig_options_reach_matplotlib(drawn):
    from PIL import Image

    small = Image.open(io.BytesIO(to_bytes(drawn.figure, "png", dpi=50)))
    assert small.size == (200, 250)
    tight = Image.open(io.BytesIO(to_bytes(drawn.figure, "png", dpi=50, bbox_inches="tight")))
    assert tight.size[0] < 200
    clear = Image.open(io.BytesIO(to_bytes(drawn.figure, "png", dpi=50, transparent=True)))
    assert clear.getpixel((0, 0))[3] == 0
    assert small.getpixel((0, 0))[3] == 255
    assert small.info["Software"] == METADATA["png"]["Software"]
    own = Image.open(io.BytesIO(to_bytes(drawn.figure, "png", dpi=50, metadata={"Title": "T"})))
    assert own.info["Title"] == "T" and own.info["Software"] == "footviz"


def test_png_compression_is_chosen_once(drawn):
    import numpy as np
    from PIL import Image

    fig = drawn.figure
    plain = io.BytesIO()
    fig.savefig(plain, format="png", metadata=METADATA["png"])  # zlib 6, matplotlib's default
    ours = to_bytes(fig, "png")
    assert ours != plain.getvalue()
    mine, theirs = Image.open(io.BytesIO(ours)), Image.open(plain)
    assert mine.mode == theirs.mode == "RGBA" and mine.info == theirs.info  # dpi, Software
    assert np.array_equal(np.asarray(mine), np.asarray(theirs))
    assert to_bytes(fig, "png") == ours
    # a caller's own pil_kwargs take matplotlib's route, with the level chosen once
    explicit = io.BytesIO()
    fig.savefig(
        explicit,
        format="png",
        metadata=METADATA["png"],
        pil_kwargs={"compress_level": PNG_COMPRESS_LEVEL, "optimize": False},
    )
    assert to_bytes(fig, "png", pil_kwargs={"optimize": False}) == explicit.getvalue()


def test_png_pixels_text_and_resolution_as_pillow_reads_them():
    import numpy as np
    from PIL import Image

    from footviz.render.output import encode_png

    rgba = np.zeros((300, 7, 4), np.uint8)  # more rows than one compressed block
    rgba[..., 0] = np.arange(300)[:, None] % 256
    rgba[..., 1] = np.arange(7)[None, :] * 30
    rgba[..., 3] = 255
    rgba[5, 3] = (1, 2, 3, 0)  # a transparent pixel keeps its colour
    data = encode_png(rgba, 150, {"Software": "footviz", "Title": "Стопа", "Author": None})
    image = Image.open(io.BytesIO(data))
    image.verify()  # chunk CRCs and the zlib stream
    image = Image.open(io.BytesIO(data))
    assert image.mode == "RGBA" and image.size == (7, 300)
    assert np.array_equal(np.asarray(image), rgba)
    assert image.info["Software"] == "footviz" and image.info["Title"] == "Стопа"
    assert "Author" not in image.info
    assert image.info["dpi"] == pytest.approx((150, 150), abs=0.05)  # pixels per metre


def test_unknown_format_names_the_choices(drawn, tmp_path):
    with pytest.raises(UnknownNameError, match=r"unknown format 'pgn'; did you mean 'png'") as e:
        drawn.savefig(tmp_path / "x.pgn")
    assert "pdf" in str(e.value) and "svg" in str(e.value)
    with pytest.raises(UnknownNameError):
        drawn.savefig(io.BytesIO(), format="nosuchformat")
    assert list(tmp_path.iterdir()) == []


def test_format_comes_from_the_suffix_or_format(drawn, tmp_path):
    drawn.savefig(tmp_path / "upper.PDF")
    assert (tmp_path / "upper.PDF").read_bytes().startswith(b"%PDF")
    drawn.savefig(tmp_path / "named.png", format="svg")
    assert b"<svg" in (tmp_path / "named.png").read_bytes()
    buf = io.BytesIO()
    drawn.savefig(buf)  # like matplotlib: rcParams["savefig.format"]
    assert buf.getvalue().startswith(b"\x89PNG")


@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_files_get_the_mode_open_gives(tmp_path, atlas, mask):
    saved = os.umask(mask)
    try:
        _map().savefig(tmp_path / "map.png")
        footviz.draw_chart(feet="left", labels=False).savefig(tmp_path / "chart.svg")
        atlas.save(tmp_path / "atlas.geojson")
        footviz.handout("acne", tmp_path / "acne.pdf")
    finally:
        os.umask(saved)
    for name in ("map.png", "chart.svg", "atlas.geojson", "acne.pdf"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o666 & ~mask, name


def test_atlas_save_takes_a_file_object(atlas, tmp_path):
    buf = io.BytesIO()
    atlas.save(buf)
    atlas.save(tmp_path / "a.geojson")
    assert buf.getvalue() == (tmp_path / "a.geojson").read_bytes()
    assert footviz.load_atlas(tmp_path / "a.geojson").zones == atlas.zones


def test_a_stream_that_fails_gets_an_output_error(drawn):
    class Broken(io.RawIOBase):
        def writable(self):
            return True

        def write(self, b):
            raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left"):
        drawn.savefig(Broken(), format="png")


def test_nothing_drawn_and_closed_maps_say_so(tmp_path):
    with pytest.raises(FootvizError, match="nothing drawn yet"):
        footviz.FootMap().savefig(tmp_path / "x.png")
    m = _map()
    m.close()
    with pytest.raises(FootvizError, match="closed"):
        m.savefig(tmp_path / "x.png")
    assert list(tmp_path.iterdir()) == []


def test_rendering_failure_keeps_the_old_file(tmp_path):
    from matplotlib.artist import Artist

    class Broken(Artist):
        def draw(self, renderer):
            raise RuntimeError("an artist failed to draw")

    m = _map()
    m.ax.add_artist(Broken())
    for fmt in ("png", "pdf"):
        target = tmp_path / f"map.{fmt}"
        target.write_bytes(OLD)
        with pytest.raises(RuntimeError, match="failed to draw"):
            m.savefig(target)
        assert target.read_bytes() == OLD
    assert sorted(os.listdir(tmp_path)) == ["map.pdf", "map.png"]


# every route that saves, run under a file-size limit smaller than what it writes
ROUTES = {
    "FootMap.savefig": "footviz.plot(feet='left', labels=False).savefig(target)",
    "Chart.savefig": "footviz.draw_chart(feet='left', labels=False).savefig(target)",
    "AspectSheet.savefig": "footviz.draw_aspect_sheet(labels=False).savefig(target, dpi=40)",
    "handout": "footviz.handout('acne', target)",
    "Atlas.save": "footviz.load_atlas().save(target)",
}
LIMITED = """
import resource, signal, sys
sys.path.insert(0, {root!r})
import matplotlib
matplotlib.use("Agg")
import footviz
from footviz.errors import OutputError
target = {target!r}
footviz.plot(feet='left', labels=False).savefig(sys.argv[1])  # fonts and caches warm
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
try:
    {call}
except OutputError as exc:
    print(exc)
    sys.exit(3)
"""


@pytest.mark.slow
@pytest.mark.parametrize("route", list(ROUTES))
def test_full_disk_leaves_the_existing_file(tmp_path, route):
    out = tmp_path / "out"
    out.mkdir()
    suffix = ".geojson" if route == "Atlas.save" else ".png" if "Sheet" in route else ".pdf"
    target = out / f"existing{suffix}"
    target.write_bytes(OLD)
    script = textwrap.dedent(LIMITED).format(root=ROOT, target=str(target), call=ROUTES[route])
    r = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "warm.png")],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert r.returncode == 3, r.stdout + r.stderr
    assert "cannot write" in r.stdout and "File too large" in r.stdout
    assert target.read_bytes() == OLD
    assert os.listdir(out) == [target.name]  # no temporary file left


@pytest.mark.slow
def test_hit_cache_write_under_a_full_disk_leaves_no_temp_file(tmp_path):
    cache = tmp_path / "cache"
    script = textwrap.dedent(
        f"""
        import os, resource, signal, sys
        sys.path.insert(0, {ROOT!r})
        os.environ["XDG_CACHE_HOME"] = {str(cache)!r}
        import footviz
        atlas = footviz.load_atlas()
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
        hit = atlas.hit(10.0, 100.0, foot="left")  # builds, fails to cache, still answers
        print(hit.zone.id)
        """
    )
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip()
    assert [p.name for p in (cache / "footviz").iterdir()] == []


@pytest.mark.slow
def _footviz(*args: str) -> subprocess.CompletedProcess:
    """Run the command line of this checkout."""
    return subprocess.run(
        [sys.executable, "-m", "footviz", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "PYTHONPATH": ROOT},
    )


@pytest.mark.parametrize("fmt", ["png", "pdf", "svg"])
def test_command_line_writes_the_bytes_the_api_writes(tmp_path, fmt):
    cli = tmp_path / f"cli.{fmt}"
    args = ["render", "--feet", "left", "--highlight", "kidney", "--dpi", "80", "-o", str(cli)]
    r = _footviz(*args)
    assert r.returncode == 0, r.stderr
    api = io.BytesIO()
    footviz.plot(feet="left", highlight="kidney").savefig(api, format=fmt, dpi=80)
    assert cli.read_bytes() == api.getvalue()


@pytest.mark.slow
def test_command_line_handout_is_the_api_handout(tmp_path):
    cli = tmp_path / "cli.pdf"
    r = _footviz("handout", "acne", "-o", str(cli))
    assert r.returncode == 0, r.stderr
    api = io.BytesIO()
    assert footviz.handout("acne", api, format="pdf") is api
    assert cli.read_bytes() == api.getvalue()
    footviz.handout("acne", tmp_path / "api.pdf")
    assert (tmp_path / "api.pdf").read_bytes() == api.getvalue()


def test_savefig_function_takes_any_figure(tmp_path):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2, 2))
    fig.add_subplot().plot([0, 1], [1, 0])
    a = savefig(fig, tmp_path / "plain.svg")
    assert a == tmp_path / "plain.svg"
    assert (tmp_path / "plain.svg").read_bytes() == to_bytes(fig, "svg")


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_chart_and_sheet_same_input_same_bytes(fmt):
    def chart():
        with footviz.draw_chart(feet="left", labels=False) as c:
            return c.savefig(io.BytesIO(), format=fmt, dpi=30).getvalue()

    def sheet():
        with footviz.draw_aspect_sheet(labels=False, legend=False) as s:
            return s.savefig(io.BytesIO(), format=fmt, dpi=30).getvalue()

    assert chart() == chart()
    assert sheet() == sheet()


def test_handout_to_a_file_object_needs_a_format():
    with pytest.raises(ValueError, match="cannot tell the format of a file object"):
        footviz.handout("acne", io.BytesIO())
    buf = footviz.handout("acne", io.BytesIO(), format="svg")
    assert b"<svg" in buf.getvalue()[:400]
