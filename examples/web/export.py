"""Export a map for the web: the self-contained interactive page that index.html embeds.

Run:  python examples/web/export.py [output_dir]      (default: beside this script)

Open index.html in a browser: hover a zone for its organs, click it (or Tab to it and press
Enter) and the page logs the selection it receives from the map by ``postMessage``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import footviz


def main(outdir: str | None = None) -> list[Path]:
    out = Path(outdir) if outdir else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    with footviz.plot(highlight="migraine") as fm:
        page = out / "map.html"
        fm.to_html(page)  # hover, click and keyboard selection; loads nothing
    # fm.to_svg("map.svg") writes the same drawing as a structured SVG, for apps to style
    print(f"wrote {page}")
    return [page]


if __name__ == "__main__":
    main(*sys.argv[1:2])
