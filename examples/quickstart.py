"""Draw both soles with every reflex zone coloured by body system and labelled, plus one
four-side sheet per foot (sole, inner side, outer side, top).

Run:  python examples/quickstart.py [footmap.png] [--lang ru] [--no-aspects]
Writes footmap.png, and footmap_aspects_left.png / footmap_aspects_right.png beside it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files; no window needed

import footviz


def main(argv: list[str] | None = None) -> list[str]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="footmap.png")
    parser.add_argument("--lang", default="en", choices=["en", "ru"])
    parser.add_argument("--dpi", type=int, default=150)
    parser.add_argument("--no-aspects", action="store_true", help="skip the four-side sheets")
    args = parser.parse_args(argv)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with footviz.draw_chart(lang=args.lang) as chart:  # the figure is freed after the block
        chart.savefig(output, dpi=args.dpi)
    written = [str(output)]
    if not args.no_aspects:
        for foot in ("left", "right"):
            path = output.with_name(f"{output.stem}_aspects_{foot}{output.suffix}")
            with footviz.draw_aspect_sheet(foot=foot, lang=args.lang) as sheet:
                sheet.savefig(path, dpi=args.dpi)
            written.append(str(path))
    for path in written:
        print(f"wrote {path}")
    return written


if __name__ == "__main__":
    main()
