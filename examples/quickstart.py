"""Draw both soles with every reflex zone coloured by body system and labelled.

Run:  python examples/quickstart.py [output.png] [--lang ru]
"""

from __future__ import annotations

import argparse

import matplotlib

matplotlib.use("Agg")  # write files; no window needed

import footviz


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="footmap.png")
    parser.add_argument("--lang", default="en", choices=["en", "ru"])
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args(argv)
    chart = footviz.draw_chart(lang=args.lang)
    chart.savefig(args.output, dpi=args.dpi)
    print(f"wrote {args.output}")
    return args.output


if __name__ == "__main__":
    main()
