"""Heat maps: values per zone with fixed limits, a status map, and "no data" zones.

Run:  python examples/heatmap.py [output_dir]
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import footviz

# tenderness a client reported per zone at two sessions (0 = none, 10 = strong)
SESSION_1 = {
    "kidney": 7,
    "bladder": 5,
    "ureter": 6,
    "lungs": 3,
    "stomach": 4,
    "liver": 6,
    "heart": 2,
    "brain": 5,
    "small intestine": 4,
    "sciatic nerve": 8,
}
SESSION_2 = {
    "kidney": 4,
    "bladder": 3,
    "ureter": 3,
    "lungs": 2,
    "stomach": 4,
    "liver": 5,
    "heart": 2,
    "brain": 3,
    "small intestine": 2,
    "sciatic nerve": 5,
}
STATUS = {
    "kidney": "better",
    "bladder": "better",
    "ureter": "better",
    "lungs": "same",
    "stomach": "same",
    "liver": "same",
    "heart": "same",
    "brain": "better",
    "sciatic nerve": "better",
    "sinuses": "worse",
    "neck": "worse",
}


def main(outdir: str = "out") -> list[Path]:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    m = footviz.plot(values=SESSION_1, vmin=0, vmax=10, value_label="tenderness (0-10)")
    m.savefig(out / "heatmap.png", dpi=130)
    written.append(out / "heatmap.png")
    # two sessions side by side, same colour scale
    fig, axes = plt.subplots(1, 2, figsize=(16, 8))
    sessions = [("Session 1", SESSION_1), ("Session 2", SESSION_2)]
    for ax, (title, vals) in zip(axes, sessions, strict=True):
        footviz.FootMap().draw(ax, values=vals, vmin=0, vmax=10, labels=False, title=title)
    footviz.render.output.savefig(fig, out / "heatmap_sessions.png", dpi=110)
    written.append(out / "heatmap_sessions.png")
    m = footviz.plot(values=STATUS, title="Change since last session")
    m.savefig(out / "heatmap_status.png", dpi=130)
    written.append(out / "heatmap_status.png")
    for p in written:
        print(f"wrote {p}")
    return written


if __name__ == "__main__":
    main(*sys.argv[1:2])
