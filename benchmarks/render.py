"""Render speed: both feet, all zones, all labels, to PNG at 150 dpi.

Target: at most 0.3 s per map on a 2-core machine.  Printed next to a naive drawing (one
PathPatch per zone, no label planning) made in the same run, with their ratio.

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
from footviz.render.paths import geometry_path, panel_transform

TARGET = 0.3


def footmap(atlas) -> None:
    m = footviz.FootMap(atlas)
    m.draw()
    buf = io.BytesIO()
    m.figure.savefig(buf, format="png", dpi=150, pil_kwargs={"compress_level": 1})
    plt.close(m.figure)


def naive(atlas) -> None:
    fig, ax = plt.subplots(figsize=(15.5, 10))
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
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150, pil_kwargs={"compress_level": 1})
    plt.close(fig)


def best(fn, atlas, repeats: int) -> float:
    fn(atlas)  # warm caches (fonts, atlas indexes)
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn(atlas)
        times.append(time.perf_counter() - t)
    return min(times)


def main(repeats: int = 5) -> None:
    atlas = footviz.load_atlas()
    t_map = best(footmap, atlas, repeats)
    t_naive = best(naive, atlas, repeats)
    print(f"FootMap (collections, label planning): {t_map:.3f} s  (target <= {TARGET} s)")
    print(f"naive one-patch-per-zone:               {t_naive:.3f} s")
    print(f"ratio FootMap / naive:                  {t_map / t_naive:.2f}")
    print("OK" if t_map <= TARGET else "SLOWER THAN TARGET")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
