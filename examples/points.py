"""Draw acupoints: where KI1 lies on the left sole, the points that calm the liver
meridian, and every foot point on the four sides of the left foot.

Run:  python examples/points.py [output-directory]
Writes points_ki1.png, points_liver_calming.png and points_sheet_left.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files; no window needed

import footviz


def main(outdir: str = "out") -> list[Path]:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    atlas = footviz.load_atlas()

    # "Where is KI1 on the left sole? Show it."
    ki1 = atlas.point("KI1", foot="left", aspect="plantar")
    print(f"{ki1.code} {ki1.name('pinyin')}: x={ki1.geometry.x:.0f} mm, y={ki1.geometry.y:.0f} mm")
    print(f"  {ki1.note('en')}")
    where = footviz.plot(
        feet="left", points="KI1", title="KI1 (Yongquan) on the left sole", figsize=(8.5, 10)
    )

    # "Which points calm the liver meridian?"  The calming (sedation) point, with the
    # meridian's other foot points for orientation.
    calming = atlas.points("left", meridian="liver", role="calming")
    print("liver, calming:", ", ".join(f"{p.code} ({p.aspect})" for p in calming))
    liver = footviz.plot(
        aspect=calming[0].aspect,
        points="liver",
        labels=False,
        title="The liver meridian on the top of the foot: LR2 calms it",
    )

    sheet = footviz.draw_aspect_sheet(atlas, "left", points=True)

    written = []
    for name, fig in {
        "points_ki1.png": where,
        "points_liver_calming.png": liver,
        "points_sheet_left.png": sheet,
    }.items():
        fig.savefig(out / name, dpi=110)
        fig.close()
        written.append(out / name)
        print(f"wrote {out / name}")
    return written


if __name__ == "__main__":
    main(*sys.argv[1:2])
