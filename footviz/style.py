"""Colours and captions shared by the drawing code (plain data: no matplotlib import)."""

from __future__ import annotations

# A colour-blind-safe palette for the ten body systems: the Okabe-Ito colours plus two of
# Paul Tol's, chosen so neighbouring zones of different systems stay distinct.
SYSTEM_COLOURS: dict[str, str] = {
    "nervous": "#E69F00",
    "endocrine": "#CC79A7",
    "sensory": "#F0E442",
    "respiratory": "#56B4E9",
    "cardiovascular": "#D55E00",
    "digestive": "#009E73",
    "urinary": "#0072B2",
    "reproductive": "#AA4499",
    "musculoskeletal": "#BBBBBB",
    "lymphatic": "#88CCEE",
}
FALLBACK_COLOUR = "#DDDDDD"
OUTLINE_COLOUR = "#333333"
EDGE_COLOUR = "#555555"
SKIN_COLOUR = "#FBF3EA"

CAPTIONS: dict[str, dict[str, str]] = {
    "en": {
        "left": "Left foot",
        "right": "Right foot",
        "plantar": "sole",
        "medial": "inner side",
        "lateral": "outer side",
        "dorsal": "top",
        "self_view": "Soles as you see your own feet",
        "systems": "Body systems",
    },
    "ru": {
        "left": "Левая стопа",
        "right": "Правая стопа",
        "plantar": "подошва",
        "medial": "внутренняя сторона",
        "lateral": "наружная сторона",
        "dorsal": "тыльная сторона",
        "self_view": "Подошвы так, как вы видите свои стопы",
        "systems": "Системы организма",
    },
}


def lighten(hex_colour: str, amount: float) -> str:
    """Blend a ``#RRGGBB`` colour towards white by ``amount`` (0 keeps it, 1 gives white)."""
    value = hex_colour.lstrip("#")
    rgb = [int(value[i : i + 2], 16) for i in (0, 2, 4)]
    mixed = [round(c + (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed)
