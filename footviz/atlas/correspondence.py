"""Correspondence systems: "where does this body part lie on the foot?" in any built-in atlas.

:func:`correspond` asks the question of one system (the reflexology atlas, Su Jok's standard
system or its insect system).  :func:`check_correspondence` is the validator's check that a
correspondence atlas (one with a ``correspondence`` member, see geometry/README.md) covers every
toe with its phalanges, in order from the tip, and the sole with its thirds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import shapely

from ..errors import NotInAtlasError, UnknownNameError
from .model import Zone, ZoneShape, check_choice
from .vocabulary import FEET

if TYPE_CHECKING:  # pragma: no cover
    from .core import Atlas

__all__ = ["Correspondence", "check_correspondence", "correspond"]

# words that put a body part on one side of the body, in the languages of the atlases
SIDE_WORDS = {
    "left": ("left", "лев"),
    "right": ("right", "прав"),
}
TOE_COVERAGE = 0.99  # share of each toe (and of the sole) its zones must cover


@dataclass(frozen=True)
class Correspondence:
    """The answer of :func:`correspond`.

    Attributes
    ----------
    query : str
        The name asked about.
    system : str
        The atlas that answered (``"reflexology"``, ``"sujok"``, ``"sujok-insect"`` ...).
    shapes : tuple of ZoneShape
        Every zone shape of the answer, on each foot and aspect where it lies.
    side : str or None
        The side of the body the query named ("left knee"), if any.
    """

    query: str
    system: str
    shapes: tuple[ZoneShape, ...]
    side: str | None = None

    @property
    def zones(self) -> tuple[Zone, ...]:
        """The zones of the answer, each once, in atlas order."""
        return tuple({s.zone.id: s.zone for s in self.shapes}.values())

    @property
    def feet(self) -> tuple[str, ...]:
        """The feet the answer lies on, left first."""
        return tuple(f for f in FEET if any(s.foot == f for s in self.shapes))

    @property
    def aspects(self) -> tuple[str, ...]:
        """The aspects the answer shows on, in the atlas's order."""
        return tuple(dict.fromkeys(s.aspect for s in self.shapes))


def _split_side(name: str) -> tuple[str | None, str]:
    """``("left", "knee")`` for "left knee" / "левое колено"; ``(None, name)`` otherwise."""
    first, _, rest = name.strip().partition(" ")
    word = first.lower()
    for side, stems in SIDE_WORDS.items():
        if rest.strip() and any(word.startswith(stem) for stem in stems):
            return side, rest.strip()
    return None, name


def correspond(
    name: str, system: str | Atlas = "reflexology", foot: str | None = None
) -> Correspondence:
    """Where ``system`` puts a body part or organ on the feet.

    Parameters
    ----------
    name : str
        An organ, body part, zone, group or condition in any language (``"left knee"``,
        ``"колено"``, ``"liver"``).  In an atlas without left and right body parts (the
        reflexology atlas), a leading "left"/"right" picks the foot of that side: each foot
        holds its own side of the body.
    system : str or Atlas
        A built-in atlas name (``"reflexology"``, ``"sujok"``, ``"sujok-insect"``) or an atlas.
    foot : {"left", "right"}, optional
        Only the zones on this foot.

    Returns
    -------
    Correspondence

    Raises
    ------
    UnknownNameError
        When the system knows no such name (with suggestions).
    NotInAtlasError
        When the name is known but no zone of the system holds it (on ``foot``).
    """
    from .core import Atlas, load_atlas

    atlas = system if isinstance(system, Atlas) else load_atlas(system)
    if foot is not None:
        foot = check_choice("foot", foot, FEET)
    side = None
    try:
        shapes = atlas.lookup(name, foot)
    except UnknownNameError as exc:
        side, rest = _split_side(name) if isinstance(name, str) else (None, name)
        if side is None:
            raise
        try:
            atlas.resolve_name(rest)
        except UnknownNameError:
            raise exc from None
        if foot is not None and foot != side:
            raise NotInAtlasError(
                f"the {atlas.name!r} atlas puts the {side} side of the body on the {side} foot, "
                f"not on the {foot} foot; ask correspond({name!r}, system={atlas.name!r}, "
                f"foot={side!r})"
            ) from None
        shapes = atlas.lookup(rest, side)
    if not shapes:
        where = f" on the {foot} foot" if foot else ""
        raise NotInAtlasError(f"the {atlas.name!r} atlas has no zone for {name!r}{where}")
    return Correspondence(name, atlas.name, tuple(shapes), side)


# ---------------------------------------------------------------------- validation
def _share(part, whole) -> float:
    return part.intersection(whole).area / whole.area if whole.area else 0.0


def check_correspondence(atlas: Atlas, err: Callable) -> None:
    """Errors (``Problem`` code "correspondence") where a correspondence atlas leaves a toe's
    phalanges or the sole's thirds uncovered, out of order, or missing on a foot."""
    from .validation import Problem

    spec = atlas._doc["footviz"].get("correspondence")
    if not isinstance(spec, dict):
        return
    shapes = {s.key: s.geometry for s in atlas if s.geometry.is_valid}

    def zones_of(ids, foot, aspect, what):
        found = []
        for zid in ids:
            geom = shapes.get((zid, foot, aspect))
            if geom is None:
                message = f"{what}: zone {zid!r} is missing"
                err(Problem("correspondence", message, zid, foot, aspect))
            else:
                found.append(geom)
        return found

    for toe, per_foot in (spec.get("toes") or {}).items():
        for foot, ids in per_foot.items():
            for (region, f, aspect), toe_geom in atlas.regions.items():
                if region != f"toe{toe}" or f != foot:
                    continue
                what = f"toe {toe}"
                found = zones_of(ids, foot, aspect, what)
                if len(found) != len(ids):
                    continue
                share = _share(shapely.union_all(found), toe_geom)
                if share < TOE_COVERAGE:
                    err(
                        Problem(
                            "correspondence",
                            f"{what}: its phalanges cover {share:.1%} of the toe; at least "
                            f"{TOE_COVERAGE:.0%} required",
                            None,
                            foot,
                            aspect,
                        )
                    )
                ys = [g.centroid.y for g in found]
                if any(a <= b for a, b in pairwise(ys)):
                    err(
                        Problem(
                            "correspondence",
                            f"{what}: zones {', '.join(ids)} are not in order from the tip",
                            None,
                            foot,
                            aspect,
                        )
                    )
    sole = spec.get("sole")
    if not isinstance(sole, dict):
        return
    for foot in FEET:
        region = atlas.regions.get(("sole", foot, "plantar"))
        if region is None:
            err(Problem("correspondence", "the atlas names no sole region", None, foot, "plantar"))
            continue
        parts = {k: zones_of(ids, foot, "plantar", f"sole ({k})") for k, ids in sole.items()}
        roots = zones_of(spec.get("roots") or (), foot, "plantar", "sole (limb roots)")
        every = [g for gs in parts.values() for g in gs] + roots
        share = _share(shapely.union_all(every), region) if every else 0.0
        if share < TOE_COVERAGE:
            err(
                Problem(
                    "correspondence",
                    f"the trunk zones cover {share:.1%} of the sole; at least "
                    f"{TOE_COVERAGE:.0%} required",
                    None,
                    foot,
                    "plantar",
                )
            )
        levels = [shapely.union_all(gs).centroid.y for gs in parts.values() if gs]
        if any(a <= b for a, b in pairwise(levels)):
            err(
                Problem(
                    "correspondence",
                    f"the sole's parts {', '.join(parts)} do not run from the toes to the heel",
                    None,
                    foot,
                    "plantar",
                )
            )
