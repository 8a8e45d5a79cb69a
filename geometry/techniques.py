"""The source's massage techniques as atlas source data: steps, texts and strokes.

Four techniques, each a sequence of steps, after the source text:

``self-massage``   the 8-step self-massage sequence ("Basic rules of self-massage");
``classical``      the classical sequence ("Classical technique"): three zones on each toe,
                   4 points on the centre line, 3 points on either side of the heel, the
                   Achilles points, the palm from the toes to the shin, the points where the
                   foot meets the lower leg;
``heel-spur``      the heel-spur routine ("Technique for heel spurs");
``hallux-valgus``  the hallux-valgus routine ("Technique for hallux valgus deformity").

Every step has its text in English and Russian (our own words, in the wording of a traditional
practice), the aspects it works on, and strokes: polylines in that aspect's frame (mm), built
from the landmarks of ``landmarks.py`` and the outlines, never from free numbers, so a change
of an outline moves the strokes with it.  A stroke's kind says what the hand does; the order of
its vertices is its direction; a press stroke's vertices are the places pressed, in order.
Repetitions and durations are given only where the source gives them.

The build (``build.py``) adds each step's zones (those its strokes cross, on either foot) and
points (acupoints within reach of a press), refuses a stroke that leaves its outline, and writes
the ``techniques`` member of the atlas document.
"""

from __future__ import annotations

import math

import dorsal
import landmarks as L
from shapely.geometry import LineString

XY = tuple[float, float]
PROVENANCE = "source"
FOOT_LENGTH = L.plantar.FOOT_LENGTH
# What the hand does.  "caterpillar" is the thumb walk; "stretch" also covers a pull.
KINDS = ("stroke", "circle", "press", "caterpillar", "stretch", "knead", "rotate")
UNITS = ("times", "seconds")
PRESS_REACH = 3.0  # mm: an acupoint within its radius plus this of a press is worked by it
EDGE_TOLERANCE = 1.0  # mm: a stroke along the edge may run this far outside its outline

OUTLINES = {aspect: make() for aspect, make in L.OUTLINES.items()}

# ---------------------------------------------------------------------------------- helpers


def times(low: int, high: int | None = None, approx: bool = False) -> dict[str, object]:
    """A number of repetitions (``high`` None: at least / about ``low``)."""
    return {"min": low, "max": high, "unit": "times", "approx": approx}


def seconds(low: float, high: float | None = None, approx: bool = False) -> dict[str, object]:
    """A duration in seconds."""
    return {"min": low, "max": high, "unit": "seconds", "approx": approx}


def minutes(low: float, high: float | None = None, approx: bool = False) -> dict[str, object]:
    """A duration given in minutes, stored in seconds."""
    return seconds(low * 60, None if high is None else high * 60, approx)


def stroke(kind, aspect, path, en, ru, dose=None) -> dict[str, object]:
    return {
        "kind": kind,
        "aspect": aspect,
        "path": [list(p) for p in path],
        "direction": {"en": en, "ru": ru},
        "dose": dose,
    }


def loop(centre: XY, radius: float, clockwise: bool = False, n: int = 24) -> list[XY]:
    """A closed circle of ``n`` segments, starting on the side towards the toes (+y); its
    turning sense is measured in the aspect's frame drawn with x to the right and y up."""
    sign = -1.0 if clockwise else 1.0
    out = []
    for i in range(n + 1):
        a = math.pi / 2 + sign * 2 * math.pi * (i % n) / n
        out.append((centre[0] + radius * math.cos(a), centre[1] + radius * math.sin(a)))
    return out


def across(aspect: str, y: float, u: float) -> XY:
    """On the sole or the top at level ``y`` (behind the toes): a share ``u`` of the way from
    the lateral border (0) to the medial border (1)."""
    cut = OUTLINES[aspect].intersection(LineString([(-200.0, y), (200.0, y)]))
    lo, _, hi, _ = cut.bounds
    return (lo + u * (hi - lo), y)


def height_at(aspect: str, y: float, u: float) -> XY:
    """On a side profile at ``y``: a share ``u`` of the way from the sole's edge to the top."""
    low, high = L.profile_span(OUTLINES[aspect], y)
    return (low + u * (high - low), y)


def back_y(aspect: str, height: float) -> float:
    """y of the back of a side profile (heel and Achilles tendon) at ``height``."""
    cut = OUTLINES[aspect].intersection(LineString([(height, -50.0), (height, 300.0)]))
    return float(cut.bounds[1])


def toe_length(number: int) -> float:
    """Visible length of toe ``number``: from its tip back to the higher of its webs."""
    names = {1: ("1-2",), 2: ("1-2", "2-3"), 3: ("2-3", "3-4"), 4: ("3-4", "4-5"), 5: ("4-5",)}
    web = max(L.WEBS[w][1] for w in names[number])
    return float(L.plantar.TOES[number]["tip"]) - web


def toe_zones(number: int) -> list[XY]:
    """The three reflex zones of a toe, nail area first: the nail's base, the middle joint,
    the base of the toe (on the toe's centre line)."""
    nail = float(L.NAIL_LENGTH[number])
    base = toe_length(number) - 3.0
    return [L.toe_point(number, 0.0, v) for v in (nail, (nail + base) / 2.0, base)]


def lerps(a: XY, b: XY, shares: tuple[float, ...]) -> list[XY]:
    return [L.lerp(a, b, t) for t in shares]


# ---------------------------------------------------------------------------------- shared text

CONTRA_MASSAGE = {
    "en": [
        "damaged skin where you would work",
        "tumours or cancer of any kind",
        "bleeding disorders (a tendency to form clots or to bleed)",
        "diabetic foot",
        "decompensated heart disease",
        "acute inflammation",
        "pregnancy",
    ],
    "ru": [
        "повреждения кожи в месте воздействия",
        "опухоли и онкологические заболевания любого вида",
        "нарушения свёртываемости крови (склонность к тромбам или кровотечениям)",
        "диабетическая стопа",
        "декомпенсированные болезни сердца",
        "острое воспаление",
        "беременность",
    ],
}
CONTRA_ACUPRESSURE = {
    "en": [
        "tumours",
        "inflamed joints",
        "infectious diseases, including tuberculosis",
        "varicose veins",
        "a fungal infection, warts or large moles on the skin",
        "an acute phase of a mental disorder",
        "pregnancy and breastfeeding: only after asking your doctor",
    ],
    "ru": [
        "опухоли",
        "воспаление суставов",
        "инфекционные заболевания, в том числе туберкулёз",
        "варикозное расширение вен",
        "грибковая инфекция, бородавки или крупные родинки на коже",
        "острая фаза психического расстройства",
        "беременность и кормление грудью: только после консультации с врачом",
    ],
}

# ---------------------------------------------------------------------------------- landmarks

HEADS, BASES = L.METATARSAL_HEADS, L.METATARSAL_BASES
MED, LAT = L.MEDIAL_MALLEOLUS, L.LATERAL_MALLEOLUS
R_BONE = L.MALLEOLUS_RADIUS
ANKLE_X, ANKLE_Y, ANKLE_A, ANKLE_B = dorsal.ANKLE
HEEL_CENTRE: XY = (0.0, L.plantar.SOLE_BODY[3][1])  # widest part of the heel pad
HEEL_FRONT = L.plantar.HEEL_LINE
BALL_Y = (L.plantar.DIAPHRAGM_LINE + HEADS[1][1]) / 2.0  # middle of the ball
ARCH_Y = L.plantar.WAIST_LINE
TOP_Y = min(L.WEBS[w][1] for w in L.WEBS) - 4.0  # highest level behind every toe


def _heel_sides(aspect: str) -> list[XY]:
    """3 points across the side of the heel below the ankle bone, at a third of the bone's
    height: from in front of the bone back to the rounded back of the heel."""
    bone = MED if aspect == "medial" else LAT
    height = 0.35 * bone[0]
    front, back = bone[1] + 8.0, back_y(aspect, height) + 10.0
    return [(height, front + (back - front) * t) for t in (0.0, 0.5, 1.0)]


def _achilles(aspect: str) -> list[XY]:
    """3 points on the Achilles tendon, from just above the heel bone upwards: halfway between
    the back of the leg and the tendon's front edge."""
    heights = (0.7 * MED[0], 1.05 * MED[0], 1.4 * MED[0])
    return [(h, (back_y(aspect, h) + L.achilles_y(aspect, h)) / 2.0) for h in heights]


def _ankle_front() -> list[XY]:
    """3 points where the foot meets the lower leg, on the front of the leg's outline seen
    from above: inner, middle, outer."""
    return [
        (ANKLE_X + ANKLE_A * math.cos(a), ANKLE_Y + ANKLE_B * math.sin(a))
        for a in (math.radians(45.0), math.radians(90.0), math.radians(135.0))
    ]


def _palm_lines() -> list[list[XY]]:
    """From the base of the big, middle and little toes over the top of the foot to the
    shin (the leg's outline seen from above), inner line first."""
    out = []
    for number, base, k in ((1, 1, 0.65), (3, 3, 0.0), (5, 5, -0.65)):
        start = L.toe_point(number, 0.0, toe_length(number) - 2.0)
        out.append([start, BASES[base], (ANKLE_X + k * ANKLE_A, ANKLE_Y)])
    return out


def _sole_lane(u: float, y0: float, y1: float, n: int = 6) -> list[XY]:
    return [across("plantar", y0 + (y1 - y0) * i / (n - 1), u) for i in range(n)]


def _profile_up(aspect: str) -> list[XY]:
    """Along the middle of a side profile from the forefoot up to the cut of the leg."""
    fore = height_at(aspect, HEADS[1][1], 0.5)
    arch = height_at(aspect, ARCH_Y, 0.5)
    ankle = height_at(aspect, ANKLE_Y + ANKLE_B, 0.6)
    leg = (L.medial.LEG_CUT - 12.0, (back_y(aspect, L.medial.LEG_CUT - 12.0) + 78.0) / 2.0)
    return [fore, arch, ankle, leg]


TOES_UP = ("from the heel towards the toes", "от пятки к пальцам")
TOES_DOWN = ("from the toes towards the heel", "от пальцев к пятке")
PRESS_ORDER = ("press each place in turn, in this order", "надавливайте по очереди, в этом порядке")


def _self_massage() -> list[dict[str, object]]:
    ball = (across("plantar", BALL_Y, 0.5)[0], BALL_Y)
    arch = (across("plantar", ARCH_Y + 16.0, 0.5)[0], ARCH_Y + 16.0)
    caterpillar_sole = [L.toe_point(1, 4.0, 30.0)] + [
        L.edge(OUTLINES["plantar"], y, "medial", 7.0) for y in (188.0, 176.0, 164.0, 152.0)
    ]
    caterpillar_side = [L.sole_edge(OUTLINES["medial"], y, 8.0) for y in (226.0, 208.0, 190.0)]
    caterpillar_side += [L.sole_edge(OUTLINES["medial"], y, 12.0) for y in (172.0, 154.0)]
    return [
        {
            "text": {
                "en": "Warm the foot up first: walk about barefoot for a little while, or knead "
                "the whole foot with circular movements of your hands.",
                "ru": "Сначала разогрейте стопу: немного походите босиком или разомните её "
                "круговыми движениями рук.",
            },
            "aspects": ["plantar"],
            "dose": minutes(3),
            "strokes": [
                stroke(
                    "knead",
                    "plantar",
                    loop(c, r),
                    "circles over the ball, the arch and the heel",
                    "круги на подушечке, своде и пятке",
                )
                for c, r in ((ball, 12.0), (arch, 9.0), (HEEL_CENTRE, 13.0))
            ],
        },
        {
            "text": {
                "en": "Sit and rest the foot on the middle of the opposite thigh. Hold the top "
                "of the foot in your left palm and lay your right hand flat on the sole.",
                "ru": "Сядьте, положите стопу на середину бедра другой ноги. Левой ладонью "
                "обхватите тыльную сторону стопы, правую плотно приложите к подошве.",
            },
            "aspects": ["plantar", "dorsal"],
            "strokes": [],
        },
        {
            "text": {
                "en": "Stroke the foot gently up and down in changing directions, keeping your "
                "hands on the sole without stopping or lifting them.",
                "ru": "Мягко поглаживайте стопу вверх и вниз в разных направлениях, не "
                "останавливаясь и не отрывая рук от подошвы.",
            },
            "aspects": ["plantar"],
            "strokes": [
                stroke("stroke", "plantar", _sole_lane(0.7, 10.0, TOP_Y), *TOES_UP),
                stroke("stroke", "plantar", _sole_lane(0.5, TOP_Y, 10.0), *TOES_DOWN),
                stroke("stroke", "plantar", _sole_lane(0.3, 10.0, TOP_Y), *TOES_UP),
            ],
        },
        {
            "text": {
                "en": "Take hold of the ankle with your right hand and massage it along its "
                "inner side.",
                "ru": "Обхватите лодыжку правой рукой и помассируйте её с внутренней стороны.",
            },
            "aspects": ["medial"],
            "strokes": [
                stroke(
                    "circle",
                    "medial",
                    loop(MED, R_BONE + 6.0),
                    "round the inner ankle bone",
                    "вокруг внутренней лодыжки",
                )
            ],
        },
        {
            "text": {
                "en": "Feel for the tendons of the big toe and the second toe and press on them "
                "softly a few times.",
                "ru": "Нащупайте сухожилия большого и второго пальцев и несколько раз мягко "
                "надавите на них.",
            },
            "aspects": ["dorsal"],
            "strokes": [
                stroke(
                    "press",
                    "dorsal",
                    [
                        (HEADS[n][0], HEADS[n][1] + 6.0),
                        HEADS[n],
                        L.lerp(HEADS[n], BASES[n], 0.4),
                    ],
                    "along the tendon, from the toe back over the foot",
                    "вдоль сухожилия, от пальца назад по стопе",
                )
                for n in (1, 2)
            ],
        },
        {
            "text": {
                "en": "Work over the sole once more with circular movements, then smooth it out "
                "with short, straight strokes.",
                "ru": "Ещё раз пройдите подошву круговыми движениями, затем разгладьте её "
                "короткими прямыми движениями.",
            },
            "aspects": ["plantar"],
            "strokes": [
                *(
                    stroke(
                        "circle",
                        "plantar",
                        loop(across("plantar", y, 0.5), 8.0),
                        "small circles from the ball to the heel",
                        "небольшие круги от подушечки к пятке",
                    )
                    for y in (BALL_Y, ARCH_Y + 24.0, ARCH_Y - 16.0, HEEL_CENTRE[1])
                ),
                *(
                    stroke("stroke", "plantar", _sole_lane(u, y + 10.0, y - 10.0, 2), *TOES_DOWN)
                    for u, y in ((0.35, BALL_Y), (0.65, BALL_Y), (0.5, ARCH_Y), (0.5, HEEL_FRONT))
                ),
            ],
        },
        {
            "text": {
                "en": "Inch your thumb along like a caterpillar down the inner edge of the foot, "
                "from the big toe to the ball of the foot.",
                "ru": "Двигайте большой палец руки «гусеницей» по внутреннему краю стопы, от "
                "большого пальца ноги до подушечки стопы.",
            },
            "aspects": ["plantar", "medial"],
            "strokes": [
                stroke(
                    "caterpillar",
                    aspect,
                    path,
                    "from the big toe towards the heel, to the metatarsals",
                    "от большого пальца к пятке, до плюсневых костей",
                )
                for aspect, path in (("plantar", caterpillar_sole), ("medial", caterpillar_side))
            ],
        },
        {
            "text": {
                "en": "Starting with the big toe, stretch the joints of each toe from its base "
                "out to its pad, then draw the toe gently upwards with a light sliding "
                "pull.",
                "ru": "Начиная с большого пальца, растяните суставы каждого пальца от основания "
                "к подушечке, затем мягко потяните палец вверх скользящим движением.",
            },
            "aspects": ["plantar"],
            "strokes": [
                stroke(
                    "stretch",
                    "plantar",
                    [L.toe_point(n, 0.0, toe_length(n) - 3.0), L.toe_point(n, 0.0, 4.0)],
                    "from the base of the toe out to its pad, then a light pull",
                    "от основания пальца к подушечке, затем лёгкое вытягивание",
                )
                for n in L.plantar.TOES
            ],
        },
    ]


def _classical() -> list[dict[str, object]]:
    centre = lerps(L.WEBS["2-3"], L.HEEL_BACK, (0.2, 0.4, 0.6, 0.8))
    return [
        {
            "text": {
                "en": "Each toe has three reflex zones: at the base of the nail, at the middle "
                "joint and at the base of the toe. Press them in turn, starting with the nail "
                "area of the big toe, then work the other toes the same way.",
                "ru": "На каждом пальце три рефлекторные зоны: у основания ногтя, в области "
                "среднего сустава и у основания пальца. Надавливайте на них поочерёдно, "
                "начиная с зоны ногтя большого пальца, затем так же проработайте остальные.",
            },
            "aspects": ["plantar"],
            "strokes": [
                stroke(
                    "press",
                    "plantar",
                    toe_zones(n),
                    "nail area, middle joint, base of the toe",
                    "зона ногтя, средний сустав, основание пальца",
                    times(5, 9),
                )
                for n in L.plantar.TOES
            ],
        },
        {
            "text": {
                "en": "Press the four points on the centre line of the sole, from the toes "
                "towards the heel.",
                "ru": "Надавите на четыре точки на средней линии подошвы, от пальцев к пятке.",
            },
            "aspects": ["plantar"],
            "strokes": [stroke("press", "plantar", centre, *TOES_DOWN)],
        },
        {
            "text": {
                "en": "Work the three points on the inner side of the heel and the three on its "
                "outer side, below and behind the ankle bones.",
                "ru": "Проработайте три точки на внутренней стороне пятки и три на наружной, "
                "ниже и позади лодыжек.",
            },
            "aspects": ["medial", "lateral"],
            "strokes": [
                stroke("press", aspect, _heel_sides(aspect), *PRESS_ORDER)
                for aspect in ("medial", "lateral")
            ],
        },
        {
            "text": {
                "en": "Work the points along the Achilles tendon gently: they matter, but firm "
                "pressure here can injure the tendon.",
                "ru": "Мягко проработайте точки вдоль ахиллова сухожилия: они важны, но сильное "
                "давление может повредить сухожилие.",
            },
            "aspects": ["medial", "lateral"],
            "strokes": [
                stroke(
                    "press",
                    aspect,
                    _achilles(aspect),
                    "gently, from the heel upwards",
                    "мягко, от пятки вверх",
                )
                for aspect in ("medial", "lateral")
            ],
        },
        {
            "text": {
                "en": "Pass your palm slowly and deeply over the top of the foot, from the base "
                "of the toes to the shin.",
                "ru": "Медленно и глубоко проведите ладонью по тыльной стороне стопы, от "
                "основания пальцев к голени.",
            },
            "aspects": ["dorsal"],
            "dose": times(7, 12),
            "strokes": [
                stroke(
                    "stroke",
                    "dorsal",
                    line,
                    "from the base of the toes to the shin, slow and deep",
                    "от основания пальцев к голени, медленно и глубоко",
                )
                for line in _palm_lines()
            ],
        },
        {
            "text": {
                "en": "Finish by working the points where the foot meets the lower leg.",
                "ru": "Завершите сеанс, проработав точки в месте перехода стопы в голень.",
            },
            "aspects": ["dorsal"],
            "strokes": [
                stroke(
                    "press",
                    "dorsal",
                    _ankle_front(),
                    "across the front of the ankle, inner side first",
                    "поперёк передней стороны голеностопа, начиная с внутренней стороны",
                )
            ],
        },
    ]


def _heel_spur() -> list[dict[str, object]]:
    heel = HEEL_CENTRE
    zigzag = [across("plantar", y, u) for y, u in ((16, 0.2), (24, 0.8), (32, 0.2), (40, 0.8))]
    zigzag += [across("plantar", y, u) for y, u in ((48, 0.2), (56, 0.8))]
    return [
        {
            "text": {
                "en": "After a round of ordinary stroking, press along the heel from its front "
                "edge to the back and back again.",
                "ru": "После обычного поглаживания надавливайте вдоль пятки от её переднего края "
                "назад и обратно.",
            },
            "aspects": ["plantar"],
            "strokes": [
                stroke("stroke", "plantar", _sole_lane(0.5, TOP_Y, 10.0), *TOES_DOWN),
                stroke(
                    "press",
                    "plantar",
                    _sole_lane(0.4, HEEL_FRONT, 8.0, 5),
                    "from the front of the heel to its back",
                    "от передней части пятки к задней",
                ),
                stroke(
                    "press",
                    "plantar",
                    _sole_lane(0.6, 8.0, HEEL_FRONT, 5),
                    "and back to the front of the heel",
                    "и обратно к передней части пятки",
                ),
            ],
        },
        {
            "text": {
                "en": "Make circular movements over the heel.",
                "ru": "Выполняйте круговые движения по пятке.",
            },
            "aspects": ["plantar"],
            "strokes": [
                stroke(
                    "circle",
                    "plantar",
                    loop(heel, 16.0),
                    "round the heel",
                    "по кругу на пятке",
                    minutes(1, 2),
                )
            ],
        },
        {
            "text": {
                "en": "Knead the heel with small circles of the edges of both thumbs.",
                "ru": "Разминайте пятку небольшими кругами рёбрами обоих больших пальцев.",
            },
            "aspects": ["plantar"],
            "dose": minutes(2, approx=True),
            "strokes": [
                stroke(
                    "knead",
                    "plantar",
                    loop(c, 7.0),
                    "small circles over the heel",
                    "небольшие круги по пятке",
                )
                for c in (
                    (heel[0] + 11.0, heel[1]),
                    (heel[0], heel[1] + 14.0),
                    (heel[0] - 11.0, heel[1]),
                )
            ],
        },
        {
            "text": {
                "en": "Work the heel with your fingers, shifting the skin and the tissue beneath "
                "it to and fro.",
                "ru": "Проработайте пятку пальцами, смещая кожу и ткани под ней вперёд-назад.",
            },
            "aspects": ["plantar"],
            "strokes": [
                stroke(
                    "knead",
                    "plantar",
                    zigzag,
                    "to and fro across the heel, moving forwards",
                    "вперёд-назад поперёк пятки, продвигаясь вперёд",
                )
            ],
        },
        {
            "text": {
                "en": "Stroke the heel briskly for a few minutes.",
                "ru": "Несколько минут интенсивно поглаживайте пятку.",
            },
            "aspects": ["plantar"],
            "strokes": [
                stroke("stroke", "plantar", _sole_lane(u, HEEL_FRONT + 10.0, 6.0, 4), *TOES_DOWN)
                for u in (0.3, 0.5, 0.7)
            ],
        },
        {
            "text": {
                "en": "Finish with soft stroking over the whole foot and up the lower leg.",
                "ru": "Завершите мягким поглаживанием всей стопы и голени.",
            },
            "aspects": ["plantar", "medial", "lateral"],
            "strokes": [
                stroke("stroke", "plantar", _sole_lane(0.5, 10.0, TOP_Y), *TOES_UP),
                *(
                    stroke(
                        "stroke",
                        aspect,
                        _profile_up(aspect),
                        "from the forefoot up the lower leg",
                        "от передней части стопы вверх по голени",
                    )
                    for aspect in ("medial", "lateral")
                ),
            ],
        },
    ]


def _hallux_valgus() -> list[dict[str, object]]:
    big_toe = L.toe_point(1, 0.0, 25.0)
    webs = [(x, y - 3.0) for x, y in L.WEBS.values()]
    joint = height_at("medial", L.MTP1_Y, 0.45)
    toe_side = height_at("medial", L.MTP1_Y + 30.0, 0.45)
    return [
        {
            "text": {
                "en": "Turn the big toe round, clockwise and then anticlockwise.",
                "ru": "Вращайте большой палец стопы по часовой стрелке, затем против неё.",
            },
            "aspects": ["dorsal"],
            "dose": minutes(1, 2),
            "strokes": [
                stroke(
                    "rotate",
                    "dorsal",
                    loop(big_toe, 9.0, clockwise=True),
                    "clockwise",
                    "по часовой стрелке",
                ),
                stroke(
                    "rotate",
                    "dorsal",
                    loop(big_toe, 9.0, clockwise=False),
                    "anticlockwise",
                    "против часовой стрелки",
                ),
            ],
        },
        {
            "text": {
                "en": "With your thumbs, press in turn on the spaces between the toes.",
                "ru": "Большими пальцами рук поочерёдно надавливайте на промежутки между "
                "пальцами стопы.",
            },
            "aspects": ["dorsal"],
            "dose": minutes(3, approx=True),
            "strokes": [
                stroke(
                    "press",
                    "dorsal",
                    webs,
                    "from the space next to the big toe out to the little toe",
                    "от промежутка у большого пальца к мизинцу",
                )
            ],
        },
        {
            "text": {
                "en": "Knead the ligaments and muscles of the big toe along its inner side and "
                "round its joint.",
                "ru": "Разомните связки и мышцы большого пальца вдоль его внутренней стороны и "
                "вокруг сустава.",
            },
            "aspects": ["medial"],
            "strokes": [
                stroke(
                    "knead",
                    "medial",
                    loop(c, 5.0),
                    "small circles on the joint and the toe",
                    "небольшие круги на суставе и пальце",
                )
                for c in (joint, toe_side)
            ],
        },
        {
            "text": {
                "en": "Exercise: with the foot on the floor, lift the four smaller toes while the "
                "big toe stays pressed to the floor.",
                "ru": "Упражнение: стопа на полу, поднимите четыре пальца, а большой палец "
                "остаётся прижатым к полу.",
            },
            "aspects": ["lateral"],
            "exercise": True,
            "dose": times(15, approx=True),
            "strokes": [],
        },
        {
            "text": {
                "en": "Exercise: move the big toe out to the side without using your hands.",
                "ru": "Упражнение: отведите большой палец в сторону, не помогая себе руками.",
            },
            "aspects": ["dorsal"],
            "exercise": True,
            "strokes": [],
        },
        {
            "text": {
                "en": "Cover the big toe with your palm and lift it gently. Hold it up with the "
                "muscles fully tensed, then let go.",
                "ru": "Накройте большой палец ладонью и мягко поднимите его. Удержите с "
                "максимальным напряжением мышц, затем отпустите.",
            },
            "aspects": ["medial"],
            "strokes": [
                stroke(
                    "stretch",
                    "medial",
                    [height_at("medial", y, 0.5) for y in (L.MTP1_Y + 12.0, L.MTP1_Y + 50.0)],
                    "lift the toe towards its tip and hold",
                    "поднимите палец к кончику и удержите",
                    seconds(3, approx=True),
                )
            ],
        },
        {
            "text": {
                "en": "Finish with soft, then firmer stroking of the foot and of every toe.",
                "ru": "Завершите мягким, затем более интенсивным поглаживанием стопы и каждого "
                "пальца.",
            },
            "aspects": ["dorsal"],
            "strokes": [
                *(
                    stroke(
                        "stroke",
                        "dorsal",
                        [L.toe_point(n, 0.0, 4.0), L.toe_point(n, 0.0, toe_length(n) - 2.0)],
                        "from the tip of the toe to its base",
                        "от кончика пальца к основанию",
                    )
                    for n in L.plantar.TOES
                ),
                stroke(
                    "stroke",
                    "dorsal",
                    [across("dorsal", TOP_Y, 0.5), (ANKLE_X, ANKLE_Y)],
                    "from the toes to the ankle",
                    "от пальцев к голеностопу",
                ),
            ],
        },
    ]


TECHNIQUES: dict[str, dict[str, object]] = {
    "self-massage": {
        "name": {"en": "Self-massage", "ru": "Самомассаж"},
        "synonyms": ["self massage", "selfmassage", "самомассаж стоп"],
        "source_section": "Basic rules of self-massage",
        "intro": {
            "en": "A simple sequence for massaging your own foot at home. Go through all eight "
            "steps on one foot, then on the other.",
            "ru": "Простая последовательность для массажа собственной стопы дома. Пройдите все "
            "восемь шагов на одной стопе, затем на другой.",
        },
        "after": {
            "en": "That completes one foot; give the other foot the same sequence.",
            "ru": "Одна стопа готова; вторую проработайте в том же порядке.",
        },
        "contraindications": CONTRA_MASSAGE,
        "steps": _self_massage,
    },
    "classical": {
        "name": {"en": "Classical sequence", "ru": "Классическая техника"},
        "synonyms": ["classical technique", "classic", "классический массаж", "классическая"],
        "source_section": "Classical technique",
        "intro": {
            "en": "The classical order of work on the foot's points: the three zones of every "
            "toe, the centre line of the sole, the sides of the heel and the Achilles tendon, "
            "then long palm strokes from the toes to the shin.",
            "ru": "Классический порядок работы с точками стопы: три зоны каждого пальца, "
            "средняя линия подошвы, бока пятки и ахиллово сухожилие, затем длинные движения "
            "ладонью от пальцев к голени.",
        },
        "after": {
            "en": "Work both feet the same way.",
            "ru": "Обе стопы прорабатывают одинаково.",
        },
        "contraindications": CONTRA_ACUPRESSURE,
        "steps": _classical,
    },
    "heel-spur": {
        "name": {"en": "Heel-spur routine", "ru": "Массаж при пяточной шпоре"},
        "synonyms": ["heel spur", "heel spurs", "пяточная шпора", "шпора"],
        "source_section": "Technique for heel spurs",
        "intro": {
            "en": "A routine for a painful heel, best done in the morning: traditionally it "
            "eases the pain and loosens the foot. Pressure, circles and kneading over the heel, "
            "then stroking.",
            "ru": "Комплекс для болезненной пятки, лучше по утрам: по традиции он уменьшает "
            "боль и возвращает стопе подвижность. Надавливания, круги и разминание пятки, затем "
            "поглаживание.",
        },
        "after": {
            "en": "Afterwards put on a warm sock for a few minutes and rest.",
            "ru": "После массажа наденьте тёплый носок на несколько минут и отдохните.",
        },
        "contraindications": {"en": [], "ru": []},
        "steps": _heel_spur,
    },
    "hallux-valgus": {
        "name": {"en": "Hallux-valgus routine", "ru": "Массаж при вальгусной деформации"},
        "synonyms": [
            "hallux valgus",
            "bunion",
            "bunions",
            "вальгусная деформация",
            "косточка на ноге",
        ],
        "source_section": "Technique for hallux valgus deformity",
        "intro": {
            "en": "A routine for the big toe and its joint, morning and evening, also on "
            "healthy feet to prevent a bunion. Use a little moisturiser. Each step lasts 2 to 4 "
            "minutes unless it says otherwise, growing firmer as you go.",
            "ru": "Комплекс для большого пальца и его сустава, утром и вечером, а для "
            "профилактики и на здоровых стопах. Понадобится немного увлажняющего крема. Каждый "
            "шаг длится от 2 до 4 минут, если не указано иное, с нарастающей интенсивностью.",
        },
        "after": {
            "en": "Work both feet the same way.",
            "ru": "Обе стопы прорабатывают одинаково.",
        },
        "contraindications": {"en": [], "ru": []},
        "dose": minutes(2, 4),
        "steps": _hallux_valgus,
    },
}

MIRROR_RULE = (
    "Both feet, each in its own frame: a stroke has the same coordinates on the left and the "
    "right foot. Drawing code mirrors the right foot as it mirrors the zones, which also turns "
    "the sense of a circle on the page."
)


def steps(technique: str) -> list[dict[str, object]]:
    """The steps of ``technique`` with their strokes built from the landmarks."""
    make = TECHNIQUES[technique]["steps"]
    return make()  # type: ignore[operator]
