"""Draw one foot from four sides (sole, inner side, outer side, top), for each foot.

Run:  python examples/aspects.py [output-directory] [--lang ru]
Writes aspects_left.png and aspects_right.png.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files; no window needed

from footviz.render.sheet import draw_aspect_sheet


def main(argv: list[str] | None = None) -> list[str]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", default=".")
    parser.add_argument("--lang", default="en", choices=["en", "ru"])
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args(argv)
    Path(args.outdir).mkdir(parents=True, exist_ok=True)
    written = []
    for foot in ("left", "right"):
        path = Path(args.outdir) / f"aspects_{foot}.png"
        with draw_aspect_sheet(foot=foot, lang=args.lang) as sheet:  # freed after the block
            sheet.savefig(path, dpi=args.dpi)
        print(f"wrote {path}")
        written.append(str(path))
    return written


if __name__ == "__main__":
    main()
