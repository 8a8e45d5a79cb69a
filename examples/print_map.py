"""Print mode: greyscale with hatched highlight sets (survives a black-and-white printer).

Run:  python examples/print_map.py [output_dir]
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
    m = footviz.plot(
        highlight={"Head": "head", "Kidneys and bladder": ["kidney", "ureter", "bladder"]},
        greyscale=True,
        labels="highlighted",
    )
    written = [out / "print_greyscale.png", out / "print_greyscale.pdf"]
    m.savefig(written[0], dpi=130)
    m.savefig(written[1])
    for p in written:
        print(f"wrote {p}")
    return written


if __name__ == "__main__":
    main(*sys.argv[1:2])
