"""Highlighted maps: a condition, several highlight sets, a numbered key, the practitioner view.

Run:  python examples/highlight.py [output_dir]
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import footviz


def main(outdir: str = "out") -> list[Path]:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    maps = {
        "highlight_migraine.png": footviz.plot(highlight="migraine"),
        "highlight_sets.png": footviz.plot(
            highlight={"Head": "head", "Urinary tract": "urinary tract", "Heart": "heart"},
            labels="highlighted",
            layout="practitioner",
        ),
        "highlight_numbered.png": footviz.plot(
            highlight="hypertension", labels="highlighted", numbered=True, figsize=(12, 9)
        ),
        "highlight_ru_left.png": footviz.plot(feet="left", highlight="почки", lang="ru"),
    }
    for name, fmap in maps.items():
        fmap.savefig(out / name, dpi=130)
        written.append(out / name)
        print(f"wrote {out / name}")
    return written


if __name__ == "__main__":
    main(*sys.argv[1:2])
