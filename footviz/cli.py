"""The ``footviz`` command line (matplotlib is imported only by the subcommands that draw).

Exit codes: 0 on success, 2 on bad usage (argparse), 1 on bad input with a one-line message
on stderr.  When the reader of the output goes away (``footviz zones | head -1``) the command
stops quietly and exits with 141 (128 + SIGPIPE), the status a shell reports for ``cat`` or
``ls`` in the same place, so ``set -o pipefail`` scripts see what they see for those.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ._internal.checks import check_dpi
from ._version import __version__
from .errors import FootvizError

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a tool whose reader left
MAX_CSV_FIELD = 1024 * 1024  # characters in one CSV field of a values file


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
    from .atlas.validation import validate

    atlas = _atlas(args.atlas_file)
    report = validate(atlas)
    print(report)
    return 0 if report.ok else 1


def cmd_handout(args) -> int:
    from .handouts import handout

    chosen = [bool(args.condition), bool(args.organs), args.technique is not None]
    if sum(chosen) != 1:
        raise _Fail(
            "give one of CONDITION(s), --organs NAME ... or --technique NAME "
            "(not several, not none)"
        )
    what = args.organs or args.condition or None
    dpi = check_dpi("--dpi", args.dpi)
    path = handout(
        what,
        path=args.output,
        page=args.page,
        lang=args.lang,
        atlas=_atlas(args.atlas),
        organs=bool(args.organs) if what else None,
        dpi=dpi,
        points=_points(args.points),
        technique=args.technique,
    )
    print(f"wrote {path}")
    return 0


def _read_values(path: str) -> dict[str, float | str]:
    csv.field_size_limit(MAX_CSV_FIELD)
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
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
    except UnicodeDecodeError as exc:
        raise _Fail(
            f"{path}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}); "
            "save the CSV as UTF-8"
        ) from None
    except csv.Error as exc:
        raise _Fail(f"{path}: not a readable CSV ({exc})") from None
    except OSError as exc:
        raise _Fail(f"cannot read {path}: {exc.strerror}") from None


def _points(names: list[str] | None) -> bool | str | list[str] | None:
    """--points: absent -> None, bare -> every point, one name -> it, several -> the list."""
    if names is None:
        return None
    if not names:
        return True
    return names[0] if len(names) == 1 else names


def cmd_render(args) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from .handouts.writer import output_format
    from .render import FootMap

    dpi = check_dpi("--dpi", args.dpi)
    atlas = _atlas(args.atlas)
    fmt = output_format(args.output, args.format)
    highlight = args.highlight or None
    values = _read_values(args.values) if args.values else None
    with FootMap(
        atlas, feet=args.feet, layout=args.layout, aspect=args.aspect, lang=args.lang
    ) as fmap:
        fmap.draw(
            highlight=highlight,
            values=values,
            title=args.title,
            points=_points(args.points),
            technique=args.technique,
            step=args.step,
        )
        fmap.savefig(args.output, format=fmt, dpi=dpi)  # structured SVG, as FootMap's
    print(f"wrote {args.output}")
    return 0


def _export_svg(fmap, args) -> list[str]:
    fmap.to_svg(args.output)
    return [args.output]


def _export_html(fmap, args) -> list[str]:
    fmap.to_html(args.output)
    return [args.output]


def _pixel_size(fmap, width: int | None, height: int | None) -> tuple[int, int]:
    """--width/--height; a missing one follows the figure's aspect ratio (both: 100 dpi)."""
    fw, fh = (float(v) for v in fmap.figure.get_size_inches())
    if width is None and height is None:
        return round(fw * 100), round(fh * 100)
    if width is None:
        return max(1, round(height * fw / fh)), height
    if height is None:
        return width, max(1, round(width * fh / fw))
    return width, height


def export_pixels(fmap, args) -> list[str]:
    """``--format pixels``: the pixel JSON at -o, the PNG and label raster beside it."""
    width, height = _pixel_size(fmap, args.width, args.height)
    return list(fmap.save_pixels(args.output, width, height).values())


def _export_geojson(args) -> list[str]:
    from .atlas.geo import geojson_document
    from .atlas.io import write_document

    feet = None if args.feet == "both" else args.feet
    write_document(geojson_document(_atlas(args.atlas), feet, args.aspect), args.output)
    return [args.output]


#: formats of the atlas itself, written without drawing a map: a function (args) -> paths
ATLAS_EXPORTS: dict[str, Callable[[argparse.Namespace], list[str]]] = {
    "geojson": _export_geojson,
}

#: ``footviz export --format NAME``: what writes each format, given the drawn FootMap and the
#: parsed arguments (``args.output`` is the -o path; a format may read options of its own,
#: added to the subcommand); it returns the paths it wrote.  A new format is one entry here.
EXPORTS: dict[str, Callable[[Any, argparse.Namespace], list[str]]] = {
    "svg": _export_svg,
    "html": _export_html,
    "pixels": export_pixels,
}


def _export_format(output: str, given: str | None) -> str:
    if given is not None:
        return given
    suffix = os.path.splitext(output)[1].lstrip(".").lower()
    suffix = {"htm": "html", "json": "pixels"}.get(suffix, suffix)
    if suffix not in EXPORTS and suffix not in ATLAS_EXPORTS:
        raise _Fail(
            f"cannot tell the format of {output!r} from its suffix; give --format "
            f"{'|'.join([*EXPORTS, *ATLAS_EXPORTS])}"
        )
    return suffix


def cmd_export(args) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from .render import FootMap

    fmt = _export_format(args.output, args.format)
    if fmt in ATLAS_EXPORTS:  # the atlas itself: no map to draw
        for path in ATLAS_EXPORTS[fmt](args):
            print(f"wrote {path}")
        return 0
    atlas = _atlas(args.atlas)
    highlight = args.highlight or None
    values = _read_values(args.values) if args.values else None
    with FootMap(
        atlas, feet=args.feet, layout=args.layout, aspect=args.aspect or "plantar", lang=args.lang
    ) as fmap:
        fmap.draw(highlight=highlight, values=values, title=args.title)
        written = EXPORTS[fmt](fmap, args)
    for path in written:
        print(f"wrote {path}")
    return 0


def _hit(atlas, x: float, y: float, foot: str, aspect: str | None, tolerance: float):
    return atlas.hit(x, y, foot=foot, aspect=aspect, tolerance=tolerance)


def _coordinate(name: str, text: str) -> float:
    """A finite number of mm from the command line (argparse would exit 2, and takes nan)."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not math.isfinite(value):
        raise _Fail(f"{name} must be a finite number of mm, got {text[:40]!r}")
    return value


def cmd_hit(args) -> int:
    atlas = _atlas(args.atlas)
    aspect = args.aspect or "plantar"
    if args.csv:
        from .hit.touchlog import hit_file

        hit_file(
            args.csv,
            args.output,
            atlas=atlas,
            aspect=aspect,
            tolerance=args.tolerance,
            input_format=args.input_format,
            output_format=args.format,
        )
        return 0
    if args.x is None or args.y is None:
        raise _Fail("give X Y --foot left|right, or --csv touches.csv")
    x, y = _coordinate("x", args.x), _coordinate("y", args.y)
    if not args.foot:
        raise _Fail("give --foot left|right with X Y")
    found = _hit(atlas, x, y, args.foot, aspect, args.tolerance)
    if found is None:
        print("no zone")
        return 0
    zone = found.primary.zone
    organs = ", ".join(atlas.organs[o].name(args.lang) for o in zone.organs if o in atlas.organs)
    print(f"{zone.id}\t{zone.name(args.lang)}\t{organs}")
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

    def point_option(p):
        p.add_argument(
            "--points",
            nargs="*",
            metavar="NAME",
            help="draw acupoints: all (bare), a meridian, or codes such as KI1 LR3",
        )

    def map_options(p, aspect_help):
        """The options of a drawn map; ``aspect_help`` None means --aspect defaults to plantar."""
        p.add_argument("--feet", default="both", choices=["both", "left", "right"])
        p.add_argument("--layout", default="self", choices=["self", "practitioner"])
        if aspect_help is None:
            p.add_argument("--aspect", default="plantar")
        else:
            p.add_argument("--aspect", help=aspect_help)
        p.add_argument("--highlight", nargs="+", metavar="NAME", help="names to highlight")
        p.add_argument("--values", metavar="CSV", help="a CSV of zone,value")
        p.add_argument("--title")

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
    p.add_argument("--technique", metavar="NAME", help="a massage technique's steps instead")
    point_option(p)
    p.add_argument("--page", default="A4", choices=["A4", "Letter"])
    p.add_argument("--dpi", type=float, default=200)
    common(p)
    p.set_defaults(func=cmd_handout)

    p = sub.add_parser("render", help="draw a map")
    p.add_argument("-o", "--output", default="footmap.png", help="output file")
    p.add_argument("--format", choices=["png", "pdf", "svg"])
    map_options(p, aspect_help=None)
    point_option(p)
    p.add_argument("--technique", metavar="NAME", help="draw a massage technique's strokes")
    p.add_argument("--step", type=int, metavar="N", help="with --technique: only step N")
    p.add_argument("--dpi", type=float, default=150)
    common(p)
    p.set_defaults(func=cmd_render)

    p = sub.add_parser(
        "export", help="export a map for apps and the web: SVG, HTML, pixel JSON + images"
    )
    p.add_argument("-o", "--output", required=True, help="output file (pixels: a .json)")
    p.add_argument(
        "--format", choices=[*EXPORTS, *ATLAS_EXPORTS], help="default: the output's suffix"
    )
    p.add_argument("--width", type=int, help="image width in pixels (pixels format)")
    p.add_argument("--height", type=int, help="image height in pixels (pixels format)")
    map_options(p, aspect_help="maps: the side drawn (plantar); geojson: every aspect")
    common(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("hit", help="which zone is under a point (or each row of a CSV)")
    p.add_argument("x", nargs="?", help="x in mm (foot frame)")
    p.add_argument("y", nargs="?", help="y in mm (foot frame)")
    p.add_argument("--foot", choices=["left", "right"])
    p.add_argument("--aspect")
    p.add_argument("--tolerance", type=float, default=0.0, metavar="MM")
    p.add_argument(
        "--csv",
        "--input",
        dest="csv",
        metavar="TOUCHES",
        help="a touch log (CSV or .parquet) with x, y, foot (and optionally aspect) columns",
    )
    p.add_argument("-o", "--output", help="write the log with zone and organs columns here")
    p.add_argument("--format", choices=["csv", "parquet"], help="output format (default: suffix)")
    p.add_argument("--input-format", choices=["csv", "parquet"], help="default: the suffix")
    common(p)
    p.set_defaults(func=cmd_hit)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except (_Fail, FootvizError, ValueError, TypeError, OSError) as exc:
        print(f"footviz {args.command}: error: {_one_line(exc)}", file=sys.stderr)
        return 1


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush can't fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout replaced, or without a descriptor
        pass


if __name__ == "__main__":
    sys.exit(main())
