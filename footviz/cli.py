"""The ``footviz`` command line (matplotlib is imported only by the subcommands that draw).

Exit codes: 0 on success, 2 on bad usage (argparse), 1 on bad input with a one-line message.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence

from . import __version__
from .errors import FootvizError


class _Fail(Exception):
    """A one-line error for the user."""


def _atlas(path: str | None):
    from .atlas import load_atlas

    return load_atlas(path) if path else load_atlas()


def cmd_zones(args) -> int:
    atlas = _atlas(args.atlas)
    rows = [
        {
            "zone": z.id,
            "name": z.name(args.lang),
            "organs": list(z.organs),
            "system": z.system,
            "feet": list(z.feet),
            "aspects": list(z.aspects),
        }
        for z in atlas.zones
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for r in rows:
            print(
                f"{r['zone']:<22} {r['name']:<34} {','.join(r['feet']):<11} "
                f"{','.join(r['aspects']):<10} {', '.join(r['organs'])}"
            )
    return 0


def cmd_conditions(args) -> int:
    atlas = _atlas(args.atlas)
    rows = []
    for c in atlas.conditions.values():
        found = atlas.for_condition(c.id)
        rows.append(
            {
                "condition": c.id,
                "name": c.name(args.lang),
                "zones": [z.id for z in found.zones],
                "unresolved": [u.organ for u in found.unresolved],
            }
        )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for r in rows:
            print(f"{r['condition']:<20} {r['name']:<42} {', '.join(r['zones'])}")
    return 0


def cmd_validate(args) -> int:
    from .validation import validate

    atlas = _atlas(args.atlas_file)
    report = validate(atlas)
    print(report)
    return 0 if report.ok else 1


def cmd_handout(args) -> int:
    from .handout import handout

    if bool(args.condition) == bool(args.organs):
        raise _Fail("give either CONDITION(s) or --organs NAME ..., not both or neither")
    what = args.organs or args.condition
    path = handout(
        what,
        path=args.output,
        page=args.page,
        lang=args.lang,
        atlas=_atlas(args.atlas),
        organs=bool(args.organs),
        dpi=args.dpi,
    )
    print(f"wrote {path}")
    return 0


def _read_values(path: str) -> dict[str, float | str]:
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"zone", "value"} <= set(reader.fieldnames):
                raise _Fail(f"{path}: expected a CSV with 'zone' and 'value' columns")
            out: dict[str, float | str] = {}
            for row in reader:
                text = (row["value"] or "").strip()
                try:
                    out[row["zone"]] = float(text)
                except ValueError:
                    out[row["zone"]] = text
            return out
    except OSError as exc:
        raise _Fail(f"cannot read {path}: {exc.strerror}") from None


def cmd_render(args) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from .handout.writer import output_format
    from .render.output import savefig

    atlas = _atlas(args.atlas)
    fmt = output_format(args.output, args.format)
    try:
        from .render import FootMap
    except ImportError:  # pragma: no cover - rendering layer not present
        FootMap = None
    highlight = args.highlight or None
    values = _read_values(args.values) if args.values else None
    if FootMap is not None:
        fmap = FootMap(
            atlas, feet=args.feet, layout=args.layout, aspect=args.aspect, lang=args.lang
        )
        drawn = fmap.draw(highlight=highlight, values=values, title=args.title)
        fig = drawn.figure
    else:  # pragma: no cover
        from .chart import draw_chart

        fig = draw_chart(atlas, lang=args.lang, layout=args.layout).figure
    savefig(fig, args.output, format=fmt, dpi=args.dpi)  # the bytes FootMap.savefig writes
    print(f"wrote {args.output}")
    return 0


def _hit(atlas, x: float, y: float, foot: str, aspect: str | None, tolerance: float):
    if hasattr(atlas, "hit"):
        return atlas.hit(x, y, foot=foot, aspect=aspect, tolerance=tolerance)
    return None  # pragma: no cover


def cmd_hit(args) -> int:
    atlas = _atlas(args.atlas)
    aspect = args.aspect or "plantar"
    if args.csv:
        return _hit_csv(atlas, args, aspect)
    if args.x is None or args.y is None or not args.foot:
        raise _Fail("give X Y --foot left|right, or --csv touches.csv")
    found = _hit(atlas, args.x, args.y, args.foot, aspect, args.tolerance)
    if found is None:
        print("no zone")
        return 0
    zone = found.primary.zone
    organs = ", ".join(atlas.organs[o].name(args.lang) for o in zone.organs if o in atlas.organs)
    print(f"{zone.id}\t{zone.name(args.lang)}\t{organs}")
    return 0


def _hit_csv(atlas, args, aspect: str) -> int:
    try:
        with open(args.csv, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise _Fail(f"cannot read {args.csv}: {exc.strerror}") from None
    need = {"x", "y", "foot"}
    if not rows or not need <= set(rows[0]):
        raise _Fail(f"{args.csv}: expected columns x, y, foot (and optionally aspect)")
    out_rows = []
    for i, row in enumerate(rows, start=2):
        try:
            x, y = float(row["x"]), float(row["y"])
        except ValueError:
            raise _Fail(f"{args.csv}: line {i}: x and y must be numbers") from None
        found = _hit(atlas, x, y, row["foot"], row.get("aspect") or aspect, args.tolerance)
        out_rows.append({**row, "zone": found.primary.zone.id if found is not None else ""})
    fields = [*rows[0].keys(), "zone"]
    if args.output:
        from .handout.writer import atomic_path

        with atomic_path(args.output) as tmp, open(tmp, "w", newline="", encoding="utf-8") as h:
            writer = csv.DictWriter(h, fieldnames=fields)
            writer.writeheader()
            writer.writerows(out_rows)
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=fields)
        writer.writeheader()
        writer.writerows(out_rows)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="footviz", description="Foot reflexology maps, handouts and zone look-ups."
    )
    parser.add_argument("--version", action="version", version=f"footviz {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def common(p, lang=True):
        p.add_argument("--atlas", help="a custom atlas GeoJSON file (default: built-in)")
        if lang:
            p.add_argument("--lang", default="en", choices=["en", "ru"])

    p = sub.add_parser("zones", help="list the zones of the atlas")
    common(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_zones)

    p = sub.add_parser("conditions", help="list the conditions of the source's table")
    common(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_conditions)

    p = sub.add_parser("validate", help="validate a custom atlas and report every problem")
    p.add_argument("atlas_file", metavar="ATLAS.geojson")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("handout", help="write a print-ready handout (PDF, PNG or SVG)")
    p.add_argument("condition", nargs="*", metavar="CONDITION", help="condition name(s)")
    p.add_argument("--organs", nargs="+", metavar="NAME", help="organ, zone or group names")
    p.add_argument("-o", "--output", default="handout.pdf", help="output file (.pdf/.png/.svg)")
    p.add_argument("--page", default="A4", choices=["A4", "Letter"])
    p.add_argument("--dpi", type=float, default=200)
    common(p)
    p.set_defaults(func=cmd_handout)

    p = sub.add_parser("render", help="draw a map")
    p.add_argument("-o", "--output", default="footmap.png", help="output file")
    p.add_argument("--format", choices=["png", "pdf", "svg"])
    p.add_argument("--feet", default="both", choices=["both", "left", "right"])
    p.add_argument("--layout", default="self", choices=["self", "practitioner"])
    p.add_argument("--aspect", default="plantar")
    p.add_argument("--highlight", nargs="+", metavar="NAME", help="names to highlight")
    p.add_argument("--values", metavar="CSV", help="a CSV of zone,value")
    p.add_argument("--title")
    p.add_argument("--dpi", type=float, default=150)
    common(p)
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("hit", help="which zone is under a point (or each row of a CSV)")
    p.add_argument("x", nargs="?", type=float, help="x in mm (foot frame)")
    p.add_argument("y", nargs="?", type=float, help="y in mm (foot frame)")
    p.add_argument("--foot", choices=["left", "right"])
    p.add_argument("--aspect")
    p.add_argument("--tolerance", type=float, default=0.0, metavar="MM")
    p.add_argument("--csv", metavar="TOUCHES.csv", help="CSV with x, y, foot columns")
    p.add_argument("-o", "--output", help="write the CSV with a zone column here")
    common(p)
    p.set_defaults(func=cmd_hit)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (_Fail, FootvizError, ValueError, TypeError, OSError) as exc:
        print(f"footviz {args.command}: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
