"""Write a print-ready handout for migraine in English and Russian (PNG and PDF).

Run:  python examples/handout.py [condition] [--page A4|Letter] [--outdir DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files; no window needed

import footviz


def main(argv: list[str] | None = None) -> list[Path]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("condition", nargs="?", default="migraine")
    parser.add_argument("--page", default="A4", choices=["A4", "Letter"])
    parser.add_argument("--outdir", default=".")
    args = parser.parse_args(argv)
    Path(args.outdir).mkdir(parents=True, exist_ok=True)
    written = []
    for lang in ("en", "ru"):
        for suffix in ("png", "pdf"):
            path = Path(args.outdir) / f"handout_{args.condition}_{lang}.{suffix}"
            try:
                written.append(footviz.handout(args.condition, path, page=args.page, lang=lang))
            except ValueError as exc:  # a two-page handout (8 pt text kept) is PDF only
                print(f"skipped {path}: {exc}")
                continue
            print(f"wrote {path}")
    return written


if __name__ == "__main__":
    main()
