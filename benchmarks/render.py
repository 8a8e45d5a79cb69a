"""Render and save speed, each figure next to a plain-matplotlib baseline from the same run.

1. Both feet, all labels, to PNG at 150 dpi: target at most 0.3 s per map (after the first,
   cold map of the process); baseline: one PathPatch and one ``ax.text`` per zone.
2. ``plot(...)`` saved as PDF: within 1.3x of plain matplotlib drawing the same polygons and
   the same texts (same strings, sizes and places) and saving them with ``Figure.savefig``.
3. One handout page as PDF: at most half the time of the same page saved the way footviz
   did before (TrueType/Type 42 fonts, whose subsetting took most of the time).  Both compose
   the page the same way and write its lines the same way (handouts/pdftext.py), so a faster
   plan, composition or line writing shortens the baseline too.
4. The four-side sheet as PNG at 150 dpi: within 2x of plain matplotlib drawing its polygons
   and texts and saving them.
5. The quickstart (the chart and two sheets, three PNGs at 150 dpi): at most 1.5 s, in this
   process once fonts are loaded; a fresh process (imports included) is printed too.

Times are CPU seconds (``time.process_time``): the work is single-threaded, so on an idle
machine they are the wall time, and on a shared machine they leave out waiting for a core.
Each subject runs in turns with its baseline.

Run:  python benchmarks/render.py [repeats]
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.text import Text

import footviz
from footviz.render.output import PNG_OPTIONS, to_bytes
from footviz.render.paths import geometry_path, panel_transform

ROOT = Path(__file__).resolve().parent.parent
DPI = 150
TARGETS = {"map": 0.3, "pdf": 1.3, "handout": 0.5, "sheet": 2.0, "quickstart": 1.5}


# CPU seconds of this process: all the work here is single-threaded, so on an idle machine
# this is the wall time, and on a shared one it leaves out the time spent waiting for a core
CLOCK = time.process_time


def best(fn, repeats: int) -> float:
    """Fastest of ``repeats`` runs, in seconds."""
    return compare(fn, None, repeats)[0]


def compare(fn, baseline, repeats: int) -> tuple[float, float]:
    """Fastest of ``repeats`` runs of ``fn`` and of ``baseline``, run in turns so that a change
    in the machine's load hits both alike."""
    runs: dict[int, list[float]] = {0: [], 1: []}
    for _ in range(repeats):
        for i, f in enumerate((fn, baseline)):
            if f is None:
                continue
            t = CLOCK()
            f()
            runs[i].append(CLOCK() - t)
    return min(runs[0]), min(runs[1]) if runs[1] else float("nan")


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


# ----------------------------------------------------------------------------- 1. PNG map
def footmap_png(atlas) -> None:
    with footviz.plot(atlas=atlas) as m:
        to_bytes(m.figure, "png", dpi=DPI)  # what FootMap.savefig writes


def naive_png(atlas) -> None:
    fm = footviz.FootMap(atlas)
    fig = Figure(figsize=fm.figsize)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    layout = fm.layout_for()
    for panel in layout.panels:
        tf = panel_transform(panel) + ax.transData
        for s in atlas.shapes(panel.foot, "plantar"):
            ax.add_patch(PathPatch(geometry_path(s.geometry), facecolor="#cccccc", transform=tf))
            c = s.geometry.centroid
            x, y = panel.to_chart(c.x, c.y)
            ax.text(float(x), float(y), s.zone.name("en"), fontsize=7, ha="center")
    ax.set_xlim(*layout.chart_bounds[0::2])
    ax.set_ylim(0, 260)
    ax.set_aspect("equal")
    fig.savefig(io.BytesIO(), format="png", dpi=DPI, pil_kwargs=dict(PNG_OPTIONS))


# ------------------------------------------------------------- same polygons and texts
def _texts(fig) -> list[Text]:
    return [
        t
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text() and t.get_figure(root=True) is fig
    ]


def record(fig) -> dict:
    """The filled polygons and the texts of a drawn figure, in figure coordinates."""
    fig.canvas.draw()
    to_fig = fig.transFigure.inverted()
    polys, texts = [], []
    for ax in fig.axes:
        for coll in ax.collections:
            if not isinstance(coll, PathCollection) or not len(coll.get_paths()):
                continue
            tf = coll.get_transform() + to_fig
            coll.update_scalarmappable()
            polys.append(
                (
                    [tf.transform_path(p) for p in coll.get_paths()],
                    coll.get_facecolors(),
                    coll.get_edgecolors(),
                    coll.get_linewidths(),
                )
            )
        for patch in ax.patches:
            path = (patch.get_transform() + to_fig).transform_path(patch.get_path())
            polys.append(
                ([path], [patch.get_facecolor()], [patch.get_edgecolor()], [patch.get_linewidth()])
            )
    for t in _texts(fig):
        x, y = to_fig.transform(t.get_transform().transform(t.get_unitless_position()))
        texts.append(
            {
                "x": x,
                "y": y,
                "s": t.get_text(),
                "fontsize": t.get_fontsize(),
                "fontweight": t.get_fontweight(),
                "fontstyle": t.get_fontstyle(),
                "ha": t.get_horizontalalignment(),
                "va": t.get_verticalalignment(),
                "color": t.get_color(),
            }
        )
    return {"size": tuple(fig.get_size_inches()), "dpi": fig.dpi, "polys": polys, "texts": texts}


def plain_figure(rec: dict) -> Figure:
    """The recorded polygons (one PathCollection each) and texts (``fig.text``) in a plain
    figure of the same size: what a user would draw with matplotlib alone."""
    fig = Figure(figsize=rec["size"], dpi=rec["dpi"])
    FigureCanvasAgg(fig)
    for paths, faces, edges, widths in rec["polys"]:
        fig.add_artist(
            PathCollection(
                paths, facecolors=faces, edgecolors=edges, linewidths=widths,
                transform=fig.transFigure,
            )
        )  # fmt: skip
    for kw in rec["texts"]:
        fig.text(**kw)
    return fig


# ------------------------------------------------------------------------------ 2. PDF
def plot_pdf(atlas) -> None:
    with footviz.plot(atlas=atlas, highlight="migraine") as m:
        m.savefig(io.BytesIO(), format="pdf")


# --------------------------------------------------------------------------- 3. handout
def handout_pdf(atlas) -> None:
    footviz.handout("migraine", io.BytesIO(), format="pdf", atlas=atlas)


def handout_before(atlas) -> None:
    """The same page, saved as footviz did before: TrueType (Type 42) fonts."""
    from footviz.handouts import compose, subjects
    from footviz.handouts.writer import RC

    page = compose(subjects("migraine", atlas)[0], atlas, "A4")
    to_bytes(page.figure, "pdf", rc={**RC, "pdf.fonttype": 42})


# ----------------------------------------------------------------------------- 4. sheet
def sheet_png(atlas) -> None:
    with footviz.draw_aspect_sheet(atlas) as sheet:
        sheet.savefig(io.BytesIO(), format="png", dpi=DPI)


# ------------------------------------------------------------------------ 5. quickstart
def quickstart(out: Path) -> None:
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import quickstart as qs
    finally:
        sys.path.pop(0)
    from contextlib import redirect_stdout

    with redirect_stdout(io.StringIO()):
        qs.main([str(out / "footmap.png")])


def fresh_quickstart(out: Path) -> float:
    """CPU seconds of a fresh process running the quickstart (imports included)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, str(ROOT / "examples" / "quickstart.py"), str(out / "fresh.png")],
        check=True,
        capture_output=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "MPLBACKEND": "Agg"},
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main(repeats: int = 5) -> None:
    import os

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; best of {repeats}")
    print("times are CPU seconds of the work (the wall time on an idle machine)")
    atlas = footviz.load_atlas()
    t = CLOCK()
    footmap_png(atlas)  # the first map of the process: fonts, glyph outlines, caches
    cold = CLOCK() - t
    for warm in (naive_png, plot_pdf, handout_pdf, handout_before, sheet_png):
        warm(atlas)
    rows = []

    # 1 ----------------------------------------------------------------------
    t_map, t_naive = compare(lambda: footmap_png(atlas), lambda: naive_png(atlas), repeats)
    rows.append(("map", t_map <= TARGETS["map"]))
    print(f"1. both feet, all labels, PNG at {DPI} dpi")
    print(f"   FootMap:                      {t_map:.3f} s  (target <= {TARGETS['map']} s)")
    print(f"   naive one patch per zone:     {t_naive:.3f} s  ratio {t_map / t_naive:.2f}")
    print(f"   first FootMap (cold):         {cold:.3f} s")

    # 2 ----------------------------------------------------------------------
    with footviz.plot(atlas=atlas, highlight="migraine") as m:
        rec = record(m.figure)

    def plain_pdf() -> None:  # making the figure is part of the cost, as in plot(...)
        plain_figure(rec).savefig(io.BytesIO(), format="pdf")

    plain_pdf()

    t_pdf, t_plain = compare(lambda: plot_pdf(atlas), plain_pdf, repeats)
    ratio = t_pdf / t_plain
    rows.append(("pdf", ratio <= TARGETS["pdf"]))
    print(f"2. plot(highlight='migraine') saved as PDF ({len(rec['texts'])} texts)")
    print(f"   footviz:                      {t_pdf:.3f} s")
    print(f"   plain matplotlib, same paths and texts: {t_plain:.3f} s  ratio {ratio:.2f} ", end="")
    print(f"(target <= {TARGETS['pdf']}) {verdict(ratio <= TARGETS['pdf'])}")

    # 3 ----------------------------------------------------------------------
    t_page, t_before = compare(lambda: handout_pdf(atlas), lambda: handout_before(atlas), repeats)
    ratio = t_page / t_before
    rows.append(("handout", ratio <= TARGETS["handout"]))
    print("3. one handout page (migraine, A4) as PDF")
    print(f"   footviz (Type 3 fonts):       {t_page:.3f} s")
    print(f"   as before (Type 42 fonts):    {t_before:.3f} s  ratio {ratio:.2f} ", end="")
    print(f"(target <= {TARGETS['handout']}) {verdict(ratio <= TARGETS['handout'])}")

    # 4 ----------------------------------------------------------------------
    with footviz.draw_aspect_sheet(atlas) as sheet:
        rec = record(sheet.figure)

    def plain_sheet() -> None:
        plain_figure(rec).savefig(io.BytesIO(), format="png", dpi=DPI)

    plain_sheet()
    t_sheet, t_plain = compare(lambda: sheet_png(atlas), plain_sheet, repeats)
    ratio = t_sheet / t_plain
    rows.append(("sheet", ratio <= TARGETS["sheet"]))
    print(f"4. four-side sheet, PNG at {DPI} dpi")
    print(f"   footviz:                      {t_sheet:.3f} s")
    print(f"   plain polygons and texts:     {t_plain:.3f} s  ratio {ratio:.2f} ", end="")
    print(f"(target <= {TARGETS['sheet']}) {verdict(ratio <= TARGETS['sheet'])}")

    # 5 ----------------------------------------------------------------------
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        quickstart(out)  # warm
        t_qs = best(lambda: quickstart(out), repeats)
        t_fresh = fresh_quickstart(out)
    rows.append(("quickstart", t_qs <= TARGETS["quickstart"]))
    print("5. quickstart: chart and two four-side sheets, three PNGs")
    print(f"   in this process:              {t_qs:.3f} s  (target <= {TARGETS['quickstart']} s)")
    print(f"   a fresh process:              {t_fresh:.3f} s  (imports, fonts and caches cold)")
    print("targets: " + ", ".join(f"{name} {verdict(ok)}" for name, ok in rows))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
