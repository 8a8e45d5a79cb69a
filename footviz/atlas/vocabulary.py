"""The words every part of footviz shares: feet, aspects, views and languages (one place).

Modules that check or iterate over these import them from here (``model``, ``layout``,
the atlas, the renderer, the command line), so a new aspect or language is added once.
"""

from __future__ import annotations

#: the two feet, in drawing order
FEET: tuple[str, ...] = ("left", "right")
#: what ``feet=`` of a map accepts: one foot or both
FEET_CHOICES: tuple[str, ...] = (*FEET, "both")
#: the four sides of a foot: sole, inner side, outer side, top
ASPECTS: tuple[str, ...] = ("plantar", "medial", "lateral", "dorsal")
#: the aspects seen from the side (a profile: x is the height above the floor, not a width);
#: maps lay them on their side
PROFILE_ASPECTS: tuple[str, ...] = ("medial", "lateral")
#: how a chart shows the soles: as you see your own feet, or facing a client
VIEWS: tuple[str, ...] = ("self", "practitioner")
#: languages of names, notes, maps and handouts
LANGUAGES: tuple[str, ...] = ("en", "ru")

__all__ = ["ASPECTS", "FEET", "FEET_CHOICES", "LANGUAGES", "PROFILE_ASPECTS", "VIEWS"]
