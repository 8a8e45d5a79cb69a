"""Render speed: both feet, all zones, all labels, to PNG at 150 dpi.

Target: at most 0.3 s per map on a 2-core machine.  Printed next to a naive drawing made in the
same run (one PathPatch and one plain ``ax.text`` per zone, no label planning, same figure
size and PNG settings), with their ratio.  The first, cold map of the process (fonts loaded,
nothing cached) is printed too; the target is for the maps after it.

Run:  python benchmarks/render.py [repeats]
"""

from __future__ import annotations

import io
import sys
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.patches import PathPatch

import footviz
from footviz.render.output import PNG_OPTIONS, to_bytes
from footviz.render.paths import geometry_path, panel_transform

TARGET = 0.3
DPI = 150


def footmap(atlas) -> float:
    """Draw and encode one map; returns the seconds spent drawing (the rest is saving)."""
    t = time.perf_counter()
    m = footviz.FootMap(atlas)
    m.draw()
    drawn = time.perf_counter() - t
    to_bytes(m.figure, "png", dpi=DPI)  # what FootMap.savefig writes
    plt.close(m.figure)
    return drawn


def naive(atlas) -> float:
    t = time.perf_counter()
    fig, ax = plt.subplots(figsize=footviz.FootMap(atlas).figsize)
    layout = footviz.FootMap(atlas).layout_for()
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
    drawn = time.perf_counter() - t
    fig.savefig(io.BytesIO(), format="png", dpi=DPI, pil_kwargs=dict(PNG_OPTIONS))
    plt.close(fig)
    return drawn


def best(fn, atlas, repeats: int) -> tuple[float, float]:
    """Fastest (total, drawing) seconds of ``repeats`` runs."""
    runs = []
    for _ in range(repeats):
        t = time.perf_counter()
        drawn = fn(atlas)
        runs.append((time.perf_counter() - t, drawn))
    return min(runs)


def sheet(atlas, repeats: int = 3) -> None:
    """The four-side sheet to PNG next to its baseline: the same figure and panel axes, one
    PathCollection of polygons and one plain ``ax.text`` per zone, no planning (target 2x)."""
    from matplotlib.collections import PathCollection

    from footviz.sheet import _SHEET_H, _SHEET_W, MM_PER_INCH, _panel_axes, sheet_panel

    def ours() -> None:
        s = footviz.draw_aspect_sheet(atlas, "left")
        to_bytes(s.figure, "png")
        plt.close(s.figure)

    def plain() -> None:
        fig = plt.figure(figsize=(_SHEET_W / MM_PER_INCH, _SHEET_H / MM_PER_INCH))
        for aspect in atlas.aspects:
            ax, panel = _panel_axes(fig, aspect), sheet_panel("left", aspect, atlas)
            tf = panel_transform(panel) + ax.transData
            shapes = atlas.shapes("left", aspect)
            ax.add_collection(
                PathCollection([geometry_path(z.geometry) for z in shapes], transform=tf)
            )
            for z in shapes:
                x, y = panel.to_chart(z.geometry.centroid.x, z.geometry.centroid.y)
                ax.text(float(x), float(y), z.zone.label("en"), fontsize=7, ha="center")
        to_bytes(fig, "png")
        plt.close(fig)

    times = {}
    for name, fn in (("sheet", ours), ("plain", plain)):
        fn()  # warm
        times[name] = min(_seconds(fn) for _ in range(repeats))
    ratio = times["sheet"] / times["plain"]
    print(f"four-side sheet to PNG:                 {times['sheet']:.3f} s")
    print(f"same polygons and text, plain:          {times['plain']:.3f} s")
    print(f"ratio sheet / plain:                    {ratio:.2f}  (target <= 2.0)")


def _seconds(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main(repeats: int = 5) -> None:
    atlas = footviz.load_atlas()
    t = time.perf_counter()
    footmap(atlas)  # the first map of the process: fonts, glyph outlines, geometry caches
    cold = time.perf_counter() - t
    naive(atlas)  # warm its fonts too
    t_map, d_map = best(footmap, atlas, repeats)
    t_naive, d_naive = best(naive, atlas, repeats)
    size = footviz.FootMap(atlas).figsize
    print(f"both feet, all labels, {size[0]} x {size[1]} in at {DPI} dpi, best of {repeats}")
    print(f"FootMap (collections, label planning): {t_map:.3f} s  (draw {d_map:.3f} s, ", end="")
    print(f"render + PNG {t_map - d_map:.3f} s; target <= {TARGET} s)")
    print(f"naive one-patch-per-zone:               {t_naive:.3f} s  (draw {d_naive:.3f} s)")
    print(f"ratio FootMap / naive:                  {t_map / t_naive:.2f}")
    print(f"first FootMap of the process (cold):    {cold:.3f} s")
    print("OK" if t_map <= TARGET else "SLOWER THAN TARGET")
    sheet(atlas)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
