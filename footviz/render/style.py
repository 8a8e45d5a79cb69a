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

# Highlighting: strong colours for highlight sets (Okabe-Ito, in order of use); the rest of the
# map is blended this far towards white so it stays readable but recedes.
HIGHLIGHT_COLOURS: tuple[str, ...] = (
    "#D55E00",
    "#0072B2",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
)
MUTED_AMOUNT = 0.72
MUTED_EDGE_COLOUR = "#9A9A9A"
# Greyscale / print mode: each highlight set gets a hatch (and a grey) that survives a
# black-and-white printer; the rest of the map is white with grey edges.
HATCHES: tuple[str, ...] = ("////", "xxxx", "....", "\\\\", "++++", "oo")
GREY_FILLS: tuple[str, ...] = ("#9E9E9E", "#C8C8C8", "#FFFFFF", "#B4B4B4", "#DCDCDC", "#F0F0F0")
GREY_BASE = "#FFFFFF"

# Heat maps: a perceptually uniform, colour-blind-safe default colormap; a status palette for
# categorical values; "no data" is light grey with cross-hatching so it never reads as a value.
DEFAULT_CMAP = "viridis"
GREY_CMAP = "Greys"
STATUS_COLOURS: dict[str, str] = {
    "worse": "#D55E00",
    "same": "#F0E442",
    "better": "#0072B2",
}
EXTRA_STATUS_COLOURS: tuple[str, ...] = ("#CC79A7", "#009E73", "#56B4E9", "#E69F00", "#000000")
NO_DATA_FACE = "#EEEEEE"
NO_DATA_HATCH = "..."
NO_DATA_HATCH_COLOUR = "#8C8C8C"

CAPTIONS: dict[str, dict[str, str]] = {
    "en": {
        "left": "Left foot",
        "right": "Right foot",
        "plantar": "sole",
        "medial": "inner side",
        "lateral": "outer side",
        "dorsal": "top",
        "self_view": "Soles as you see your own feet",
        "soles_title": "Reflex zones of the soles",
        "systems": "Body systems",
        "practitioner_view": "Practitioner's view: facing the client's soles",
        "medial_view": "Inner side, seen from the other foot",
        "lateral_view": "Outer side, seen from outside the foot",
        "toes": "toes",
        "heel": "heel",
        "no_data": "no data",
        "highlighted": "Highlighted",
        "key": "Key",
        "clicked": "Selected",
    },
    "ru": {
        "left": "Левая стопа",
        "right": "Правая стопа",
        "plantar": "подошва",
        "medial": "внутренняя сторона",
        "lateral": "наружная сторона",
        "dorsal": "тыльная сторона",
        "self_view": "Подошвы так, как вы видите свои стопы",
        "soles_title": "Рефлекторные зоны подошв",
        "systems": "Системы организма",
        "practitioner_view": "Вид практика: лицом к подошвам клиента",
        "medial_view": "Внутренняя сторона, вид от другой стопы",
        "lateral_view": "Наружная сторона, вид снаружи",
        "toes": "пальцы",
        "heel": "пятка",
        "no_data": "нет данных",
        "highlighted": "Выделено",
        "key": "Обозначения",
        "clicked": "Выбрано",
    },
}


def lighten(hex_colour: str, amount: float) -> str:
    """Blend a ``#RRGGBB`` colour towards white by ``amount`` (0 keeps it, 1 gives white)."""
    value = hex_colour.lstrip("#")
    rgb = [int(value[i : i + 2], 16) for i in (0, 2, 4)]
    mixed = [round(c + (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed)


def muted(hex_colour: str, amount: float) -> str:
    """Half-desaturate a ``#RRGGBB`` colour, then blend it towards white by ``amount``.

    Muted zones keep a hint of their body system but never compete with a strong highlight.
    """
    value = hex_colour.lstrip("#")
    rgb = [int(value[i : i + 2], 16) for i in (0, 2, 4)]
    grey = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]
    mixed = [0.45 * c + 0.55 * grey for c in rgb]
    mixed = [round(c + (255 - c) * amount) for c in mixed]
    return "#" + "".join(f"{c:02X}" for c in mixed)


# Themes: the colours of what is drawn on the page's background rather than on the foot
# (outlines, captions, notes, hints, leaders, legend text).  "light" is the look of the
# default matplotlib style; "dark" keeps a map readable on a dark background.
THEMES: tuple[str, ...] = ("auto", "light", "dark")
LIGHT_THEME: dict[str, str] = {
    "text": "black",
    "note": "#444444",
    "hint": "#555555",
    "outline": OUTLINE_COLOUR,
    "leader": "#222222",
    "background": "white",
}
DARK_THEME: dict[str, str] = {
    "text": "white",
    "note": "#C8C8C8",
    "hint": "#B4B4B4",
    "outline": "#D9D9D9",
    "leader": "#DDDDDD",
    "background": "black",
}
