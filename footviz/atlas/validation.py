"""Validation of any atlas: geometry, nesting, coverage, side rules, symmetry and metadata.

Errors and warnings are kept apart: an atlas with warnings is usable, one with errors is not.
Every problem names the zone (and foot/aspect, and a location where geometry is concerned).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import shapely
from shapely.geometry import Point
from shapely.strtree import STRtree

from .._internal.checks import check_bool, check_real, shorten
from ..errors import AtlasValidationError, BadTypeError
from .correspondence import check_correspondence
from .vocabulary import ASPECTS, FEET, LANGUAGES

if TYPE_CHECKING:  # pragma: no cover
    from .core import Atlas

INSIDE_TOLERANCE = 0.5  # mm: a zone may poke this far outside its outline
OVERLAP_TOLERANCE = 0.05  # mm^2: shared-border rounding below this is not an overlap
SYMMETRY_TOLERANCE = 0.05  # mm^2 of symmetric difference between the two feet
REQUIRED_FIELDS = ("name", "organs", "system", "feet", "aspects", "groups", "note", "provenance")
PROVENANCES = ("source", "charts", "custom")


@dataclass(frozen=True)
class Problem:
    """One finding of the validator."""

    code: str
    message: str
    zone: str | None = None
    foot: str | None = None
    aspect: str | None = None

    def __str__(self) -> str:
        where = "/".join(p[:60] for p in (self.zone, self.foot, self.aspect) if p)
        return f"[{self.code}] {where + ': ' if where else ''}{self.message}"


@dataclass
class ValidationReport:
    """Result of :func:`validate`: ``errors`` and ``warnings``, each a list of :class:`Problem`."""

    atlas: str
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    coverage: dict[tuple[str, str], float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings allowed)."""
        return not self.errors

    def codes(self) -> set[str]:
        """The codes of all errors (handy in tests)."""
        return {p.code for p in self.errors}

    def raise_if_errors(self) -> None:
        if self.errors:
            raise AtlasValidationError(self)

    def __str__(self) -> str:
        lines = [
            f"atlas {shorten(self.atlas)}: {len(self.errors)} error(s), "
            f"{len(self.warnings)} warning(s)"
        ]
        lines += [f"  error   {p}" for p in self.errors]
        lines += [f"  warning {p}" for p in self.warnings]
        return "\n".join(lines)


def _near(geom) -> str:
    p = geom.representative_point() if not geom.is_empty else Point(float("nan"), float("nan"))
    return f"near x={p.x:.1f}, y={p.y:.1f}"


def _ancestors(atlas: Atlas, zone_id: str) -> set[str]:
    seen: set[str] = set()
    current = atlas.zone_records.get(zone_id, {}).get("parent")
    while current and current not in seen:
        seen.add(current)
        current = atlas.zone_records.get(current, {}).get("parent")
    return seen


def validate(
    atlas: Atlas, *, min_coverage: float = 0.9, raise_on_error: bool = False
) -> ValidationReport:
    """Check an atlas and report every problem found.

    Checks: metadata fields present and known (names in every language, organs, system,
    feet, aspects, groups, note, provenance, parent); condition rows naming known organs and
    groups; each zone present on exactly its declared feet and aspects; organs with a side
    (heart, liver ...) only on that side; polygons valid and non-empty; zones inside their
    outline (0.5 mm tolerance); overlaps only between a zone and its declared parent; nested
    zones inside their parent; symmetric zones identical on both feet; zones covering at
    least ``min_coverage`` of every outline (of the regions it maps, for an atlas that names
    them); for a correspondence atlas (Su Jok), every toe's phalanges and the sole's thirds.

    Parameters
    ----------
    atlas : Atlas
    min_coverage : float
        Smallest share of each outline's area that the union of its zones must cover.
    raise_on_error : bool
        Raise :class:`AtlasValidationError` (carrying the report) when there are errors.

    Returns
    -------
    ValidationReport

    Raises
    ------
    BadTypeError, BadValueError
        For an ``atlas`` that is not an :class:`~footviz.atlas.Atlas`, a ``min_coverage``
        outside 0..1 or a ``raise_on_error`` that is not a bool.
    """
    from .core import Atlas

    if not isinstance(atlas, Atlas):
        raise BadTypeError("atlas", atlas, "a footviz Atlas (see footviz.load_atlas)")
    min_coverage = check_real("min_coverage", min_coverage, low=0.0, high=1.0)
    raise_on_error = check_bool("raise_on_error", raise_on_error)
    report = ValidationReport(atlas.name)
    err, warn = report.errors.append, report.warnings.append
    for where, message in atlas.load_problems:
        err(Problem("load", f"{where}: {message}"))
    _check_metadata(atlas, err, warn)
    _check_conditions(atlas, err)
    _check_presence(atlas, err)
    _check_geometry(atlas, err, warn)
    _check_overlaps(atlas, err)
    _check_symmetry(atlas, err)
    _check_coverage(atlas, min_coverage, report, err)
    _check_points(atlas, err, warn)
    check_correspondence(atlas, err)
    _check_techniques(atlas, err, warn)
    if raise_on_error:
        report.raise_if_errors()
    return report


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, (str, list, dict)) and not value)


def _check_metadata(atlas: Atlas, err, warn) -> None:
    for zid, rec in atlas.zone_records.items():
        missing = [f for f in REQUIRED_FIELDS if _empty(rec.get(f))]
        if "groups" in missing and isinstance(rec.get("groups"), list):
            missing.remove("groups")  # an empty group list is allowed
        if missing:
            err(Problem("metadata", f"missing field(s): {', '.join(missing)}", zid))
        for lang_field in ("name", "note"):
            value = rec.get(lang_field)
            if isinstance(value, dict):
                lacking = [lang for lang in LANGUAGES if not value.get(lang)]
                if lacking:
                    err(Problem("metadata", f"{lang_field} lacks {', '.join(lacking)}", zid))
            elif lang_field not in missing:
                err(Problem("metadata", f"{lang_field} must map language codes to text", zid))
        system = rec.get("system")
        members = (
            ("organ", rec.get("organs"), atlas.organs),
            ("system", (system,) if system else (), atlas.systems),
            ("foot", rec.get("feet"), FEET),
            ("aspect", rec.get("aspects"), ASPECTS),
            ("group", rec.get("groups"), atlas.groups),
        )
        for what, values, known in members:
            for value in values or ():
                if value not in known:
                    allowed = f" (allowed: {', '.join(known)})" if isinstance(known, tuple) else ""
                    err(Problem("metadata", f"unknown {what} {shorten(value)}{allowed}", zid))
        parent = rec.get("parent")
        if parent is not None and parent not in atlas.zone_records:
            err(Problem("metadata", f"parent {shorten(parent)} is not a zone", zid))
        if parent is not None and zid in _ancestors(atlas, zid):
            err(Problem("metadata", "parent chain loops back to the zone", zid))
        provenance = rec.get("provenance")
        if provenance and provenance not in PROVENANCES:
            warn(
                Problem(
                    "metadata", f"provenance {shorten(provenance)} is not one of {PROVENANCES}", zid
                )
            )
    for organ in atlas.organs.values():
        if organ.side is not None and organ.side not in FEET:
            err(
                Problem(
                    "metadata", f"organ {shorten(organ.id)} has unknown side {shorten(organ.side)}"
                )
            )


def _check_conditions(atlas: Atlas, err) -> None:
    for cond in atlas.conditions.values():
        for lang in LANGUAGES:
            if not cond.names.get(lang):
                err(Problem("condition", f"condition {shorten(cond.id)} has no {lang} name"))
        if not cond.terms:
            err(Problem("condition", f"condition {shorten(cond.id)} names no organs"))
        for term in cond.terms:
            known = atlas.organs if term.kind == "organ" else atlas.groups
            if term.kind not in ("organ", "group") or term.id not in known:
                err(
                    Problem(
                        "condition",
                        f"condition {shorten(cond.id)} names unknown "
                        f"{term.kind[:30]} {shorten(term.id)}",
                    )
                )


def _check_presence(atlas: Atlas, err) -> None:
    present = {(s.zone.id, s.foot, s.aspect) for s in atlas}
    for zone in atlas.zones:
        for foot in FEET:
            for aspect in ASPECTS:
                declared = foot in zone.feet and aspect in zone.aspects
                there = (zone.id, foot, aspect) in present
                if declared and not there:
                    err(Problem("presence", "declared but has no geometry", zone.id, foot, aspect))
                elif there and not declared:
                    err(
                        Problem(
                            "presence",
                            "has geometry but is not declared here",
                            zone.id,
                            foot,
                            aspect,
                        )
                    )
        sides = {atlas.organs[o].side for o in zone.organs if o in atlas.organs} - {None}
        for side in sides:
            wrong = [f for f in zone.feet if f != side]
            if wrong:
                organs = [o for o in zone.organs if atlas.organs.get(o) and atlas.organs[o].side]
                err(
                    Problem(
                        "side",
                        f"{', '.join(organs)} belongs on the {side} foot only, but the zone is "
                        f"also on the {', '.join(wrong)} foot",
                        zone.id,
                    )
                )


def _check_geometry(atlas: Atlas, err, warn) -> None:
    for foot, aspect in [(f, a) for f in FEET for a in ASPECTS]:
        try:
            outline = atlas.outline(foot, aspect)
        except LookupError:
            continue
        if not outline.is_valid or outline.is_empty:
            err(
                Problem(
                    "outline",
                    f"outline is invalid: {shapely.is_valid_reason(outline)}",
                    None,
                    foot,
                    aspect,
                )
            )
    for s in atlas:
        g = s.geometry
        if g.is_empty:
            err(Problem("empty", "geometry is empty", *s.key))
            continue
        if not g.is_valid:
            err(Problem("invalid", f"polygon is invalid: {shapely.is_valid_reason(g)}", *s.key))
            continue
        for piece in g.geoms:
            if piece.area < 1.0:
                warn(Problem("tiny", f"piece of {piece.area:.2f} mm² {_near(piece)}", *s.key))
        try:
            outline = atlas.outline(s.foot, s.aspect)
        except LookupError:
            err(Problem("outline", "no outline for this foot and aspect", *s.key))
            continue
        outside = g.difference(outline.buffer(INSIDE_TOLERANCE))
        if not outside.is_empty and outside.area > 0:
            err(
                Problem(
                    "outside",
                    f"{outside.area:.1f} mm² lies outside the outline {_near(outside)}",
                    *s.key,
                )
            )


def _area_scale(atlas: Atlas) -> float:
    """How much :meth:`Atlas.scaled` grew the atlas's areas (1 for an atlas at its own size):
    the area tolerances grow with it, as the border rounding they allow for does."""
    factors = atlas.info.get("scaled_from")
    if not isinstance(factors, dict):
        return 1.0
    try:
        scale = float(factors["sx"]) * float(factors["sy"])
    except (KeyError, TypeError, ValueError):
        return 1.0
    return scale if 0.0 < scale < float("inf") else 1.0


def _check_overlaps(atlas: Atlas, err) -> None:
    tolerance = OVERLAP_TOLERANCE * _area_scale(atlas)
    groups: dict[tuple[str, str], list] = {}
    for s in atlas:
        if s.geometry.is_valid and not s.geometry.is_empty:
            groups.setdefault((s.foot, s.aspect), []).append(s)
    for shapes in groups.values():
        geoms = [s.geometry for s in shapes]
        tree = STRtree(geoms)
        left, right = tree.query(geoms, predicate="intersects")
        for i, j in zip(left.tolist(), right.tolist(), strict=True):
            if i >= j:
                continue
            a, b = shapes[i], shapes[j]
            nested = b.zone.id in _ancestors(atlas, a.zone.id) or a.zone.id in _ancestors(
                atlas, b.zone.id
            )
            if nested:
                continue
            excess = _excess(a.geometry.intersection(b.geometry), tolerance)
            if excess:
                between = f"zones {shorten(a.zone.id)} and {shorten(b.zone.id)} overlap"
                err(Problem("overlap", f"{between} {excess} without a declared nesting", *a.key))
        for s in shapes:
            parent = s.zone.parent
            if not parent:
                continue
            ps = next((p for p in shapes if p.zone.id == parent), None)
            if ps is None:
                missing = f"parent {shorten(parent)} is not on this foot/aspect"
                err(Problem("nesting", missing, *s.key))
                continue
            excess = _excess(s.geometry.difference(ps.geometry), tolerance)
            if excess:
                outside = f"the part {excess} lies outside its parent {shorten(parent)}"
                err(Problem("nesting", outside, *s.key))


def _excess(geom, tolerance: float) -> str | None:
    """Where and how much of ``geom`` there is, when it is more than border rounding."""
    if geom.area <= tolerance:
        return None
    return f"{_near(geom)} ({geom.area:.1f} mm²)"


def _check_symmetry(atlas: Atlas, err) -> None:
    for zone in atlas.zones:
        if not zone.symmetric:
            continue
        if set(zone.feet) != set(FEET):
            err(Problem("symmetry", "marked symmetric but not on both feet", zone.id))
            continue
        for aspect in zone.aspects:
            try:
                left = atlas.shape(zone.id, "left", aspect).geometry
                right = atlas.shape(zone.id, "right", aspect).geometry
            except LookupError:
                continue  # reported by the presence check
            if not (left.is_valid and right.is_valid):
                continue
            diff = left.symmetric_difference(right)
            if diff.area > SYMMETRY_TOLERANCE * _area_scale(atlas):
                err(
                    Problem(
                        "symmetry",
                        f"left and right shapes differ by {diff.area:.1f} mm² {_near(diff)}",
                        zone.id,
                        None,
                        aspect,
                    )
                )


def _check_coverage(atlas: Atlas, min_coverage: float, report: ValidationReport, err) -> None:
    for foot in FEET:
        for aspect in ASPECTS:
            try:
                outline = atlas.outline(foot, aspect)
            except LookupError:
                continue
            regions = getattr(atlas, "regions", {})
            if regions:  # an atlas that names the regions it maps is measured within them
                mapped = [g for (_, f, a), g in regions.items() if (f, a) == (foot, aspect)]
                if not mapped:
                    continue
                outline = shapely.union_all(mapped).intersection(outline)
            geoms = [s.geometry for s in atlas.shapes(foot, aspect) if s.geometry.is_valid]
            covered = shapely.union_all(geoms).intersection(outline).area if geoms else 0.0
            share = covered / outline.area if outline.area else 0.0
            report.coverage[(foot, aspect)] = share
            if share < min_coverage:
                err(
                    Problem(
                        "coverage",
                        f"zones cover {share:.1%} of the outline; at least "
                        f"{min_coverage:.0%} required",
                        None,
                        foot,
                        aspect,
                    )
                )


# ---------------------------------------------------------------------- acupoints
POINT_INSIDE_TOLERANCE = 0.01  # mm: a point on its outline's border counts as on it
MAX_POINT_RADIUS = 10.0  # mm: the source puts points at most 10-20 mm across


def _check_points(atlas: Atlas, err, warn) -> None:
    """Acupoints: fields, codes unique, positions where declared and on or inside their
    outline, and every role of each meridian's table present on the foot or marked off it."""
    from .._internal.names import normalise
    from .points import NOTE_LANGUAGES, POINT_LANGUAGES, ROLES

    points = atlas.acupoints
    records = points.raw.get("points") or {}
    meridians: dict[str, dict] = {}
    for mid, raw in (points.raw.get("meridians") or {}).items():
        m = meridians[mid] = dict(raw)
        for member, kind in (("off_foot", dict), ("roles", dict), ("points", list)):
            if not isinstance(m.get(member, kind()), kind):
                message = f"meridian {mid!r}: {member!r} must be a {kind.__name__}"
                err(Problem("point-metadata", message))
                del m[member]
    # codes: unique, also across the meridians' lists of points off the foot
    seen: dict[str, str] = {}
    owners = [(code, "the points table") for code in records]
    for mid, m in meridians.items():
        owners += [(code, f"meridian {mid!r} (off the foot)") for code in m.get("off_foot") or {}]
    for code, owner in owners:
        key = normalise(code).replace(" ", "")
        if key in seen:
            err(
                Problem(
                    "point-code", f"code {code!r} is given twice: in {seen[key]} and {owner}", code
                )
            )
        else:
            seen[key] = owner
    for code, rec in records.items():
        names, notes = rec.get("name"), rec.get("note")
        names = names if isinstance(names, dict) else {}
        notes = notes if isinstance(notes, dict) else {}
        lacking = [lang for lang in POINT_LANGUAGES if not names.get(lang)]
        lacking += [f"note {lang}" for lang in NOTE_LANGUAGES if not notes.get(lang)]
        if lacking:
            err(Problem("point-metadata", f"lacks {', '.join(lacking)}", code))
        meridian = rec.get("meridian")
        if meridian is not None and meridian not in meridians:
            err(Problem("point-metadata", f"unknown meridian {meridian!r}", code))
        radius = rec.get("radius")
        if isinstance(radius, bool) or not isinstance(radius, (int, float)) or not radius > 0:
            err(
                Problem("point-metadata", f"radius must be a positive number, got {radius!r}", code)
            )
        elif radius > MAX_POINT_RADIUS:
            warn(Problem("point-metadata", f"radius {radius} mm is larger than points get", code))
        unknown = [r for r in rec.get("roles") or () if r not in ROLES]
        if unknown:
            err(Problem("point-metadata", f"unknown role(s) {', '.join(map(repr, unknown))}", code))
        provenance = rec.get("provenance")
        if provenance not in PROVENANCES:
            warn(
                Problem(
                    "point-metadata", f"provenance {provenance!r} is not one of {PROVENANCES}", code
                )
            )
        for foot in rec.get("feet") or ():
            for aspect in rec.get("aspects") or ():
                if (code, foot, aspect) not in points.shapes:
                    err(
                        Problem(
                            "point-presence", "declared but has no position", code, foot, aspect
                        )
                    )
    for (code, foot, aspect), s in points.shapes.items():
        if foot not in s.point.feet or aspect not in s.point.aspects:
            err(
                Problem(
                    "point-presence", "has a position but is not declared here", code, foot, aspect
                )
            )
        try:
            outline = atlas.outline(foot, aspect)
        except LookupError:
            err(Problem("point-outside", "no outline for this foot and aspect", code, foot, aspect))
            continue
        if not outline.buffer(POINT_INSIDE_TOLERANCE).covers(s.geometry):
            g = s.geometry
            err(
                Problem(
                    "point-outside",
                    f"x={g.x:.1f}, y={g.y:.1f} lies {outline.distance(g):.1f} mm outside "
                    "the outline",
                    code,
                    foot,
                    aspect,
                )
            )
    # every role the meridian tables give: present on the foot, or marked off it
    for mid, m in meridians.items():
        off = m.get("off_foot") or {}
        for code in m.get("points") or ():
            if code not in records:
                err(Problem("point-role", f"meridian {mid!r} lists unknown point {code!r}", code))
        for role, codes in (m.get("roles") or {}).items():
            for code in [codes] if isinstance(codes, str) else codes or ():
                rec = records.get(code) or off.get(code)
                rec = rec if isinstance(rec, dict) or rec is None else {}
                if rec is None:
                    err(
                        Problem(
                            "point-role",
                            f"meridian {mid!r}: its {role} point {code} is neither on the foot "
                            "nor marked as off it",
                            code,
                        )
                    )
                elif role not in (rec.get("roles") or ()):
                    err(
                        Problem(
                            "point-role",
                            f"meridian {mid!r} gives it the role {role!r}, which it lacks",
                            code,
                        )
                    )


# ---------------------------------------------------------------------- techniques
STROKE_EDGE_TOLERANCE = 1.0  # mm: a stroke along the edge may run this far outside the outline
MAX_REPEAT = 100  # repetitions: more than this is not what a source prescribes
MAX_SECONDS = 3600.0  # one step of a foot massage lasts well under an hour


def _dose_problem(dose) -> str | None:
    """What is wrong with a :class:`~footviz.atlas.techniques.Dose` (None: nothing)."""
    from .techniques import UNITS

    if dose is None:
        return None
    if dose.unit not in UNITS:
        return f"dose unit {dose.unit!r} is not one of {UNITS}"
    top = MAX_REPEAT if dose.unit == "times" else MAX_SECONDS
    for name, value in (("min", dose.min), ("max", dose.max)):
        if value is None and name == "max":
            continue
        if value is None or not 0 < value <= top:
            return f"dose {name} must be a number in (0, {top:g}] {dose.unit}, got {value!r}"
    if dose.max is not None and dose.max < dose.min:
        return f"dose max {dose.max:g} is below its min {dose.min:g}"
    return None


def _check_techniques(atlas: Atlas, err, warn) -> None:
    """Techniques: names and texts in every language, known kinds and aspects, doses in a
    sane range, every stroke on or inside its aspect's outline on each foot it is done on
    (errors), and the zones and points a step names present in the atlas (warnings: an atlas
    cut down from the built-in one keeps its techniques usable)."""
    from .techniques import KINDS

    point_codes = set(atlas.acupoints.all_records)
    for t in atlas.techniques():
        tid = f"technique {t.id}"
        lacking = [lang for lang in LANGUAGES if not t.names.get(lang)]
        lacking += [f"intro {lang}" for lang in LANGUAGES if not t.intros.get(lang)]
        bad_feet = [f for f in t.feet if f not in FEET]
        _flag(err, "technique-metadata", lacking and f"lacks {', '.join(lacking)}", tid)
        _flag(err, "technique-metadata", not t.steps and "has no steps", tid)
        _flag(err, "technique-metadata", bad_feet and f"unknown feet {bad_feet}", tid)
        _flag(err, "technique-dose", _dose_problem(t.dose), tid)
        for step in t.steps:
            where = f"{tid} step {step.number}"
            missing = [lang for lang in LANGUAGES if not step.texts.get(lang)]
            odd = not step.aspects or any(a not in ASPECTS for a in step.aspects)
            zones = [z for z in step.zones if z not in atlas.zone_records]
            points = [c for c in step.points if c not in point_codes]
            _flag(err, "technique-metadata", missing and f"lacks text {', '.join(missing)}", where)
            bad = odd and f"aspects {list(step.aspects)} not valid"
            _flag(err, "technique-metadata", bad, where)
            _flag(warn, "technique-reference", zones and f"unknown zone(s) {zones}", where)
            _flag(warn, "technique-reference", points and f"unknown point(s) {points}", where)
            _flag(err, "technique-dose", _dose_problem(step.dose), where)
            for j, s in enumerate(step.strokes, start=1):
                here = f"{where} stroke {j}"
                if s.kind not in KINDS:
                    err(Problem("technique-stroke", f"kind {s.kind!r} is not one of {KINDS}", here))
                if s.aspect not in step.aspects:
                    err(Problem("technique-stroke", f"on {s.aspect!r}, not a step aspect", here))
                _flag(err, "technique-dose", _dose_problem(s.dose), here)
                if s.aspect not in ASPECTS or not all(map(_finite_pair, s.path)):
                    err(Problem("technique-stroke", "has no valid aspect and path", here))
                    continue
                for foot in t.feet if not bad_feet else ():
                    try:
                        outline = atlas.outline(foot, s.aspect)
                    except LookupError:
                        err(Problem("technique-outside", f"no {foot} {s.aspect} outline", here))
                        continue
                    geom = s.geometry
                    if not outline.buffer(STROKE_EDGE_TOLERANCE).covers(geom):
                        outside = geom.difference(outline)
                        far = max(outline.distance(Point(c)) for c in _coords(outside))
                        err(
                            Problem(
                                "technique-outside",
                                f"leaves the outline by {far:.1f} mm, {_near(outside)}",
                                here,
                                foot,
                                s.aspect,
                            )
                        )


def _flag(report, code: str, message: object, *where: str) -> None:
    """Report ``message`` under ``code`` when there is one (a falsy message: nothing found)."""
    if message:
        report(Problem(code, str(message), *where))


def _finite_pair(p: tuple[float, float]) -> bool:
    import math

    return math.isfinite(p[0]) and math.isfinite(p[1])


def _coords(geom) -> list[tuple[float, float]]:
    parts = getattr(geom, "geoms", [geom])
    return [c for g in parts for c in getattr(g, "coords", [])] or [(0.0, 0.0)]
