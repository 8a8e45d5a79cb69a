"""The acupoints of the six foot meridians, and two extra points, as atlas source data.

Four tables and one construction:

``MERIDIANS``  the six meridians that run on the foot (spleen, stomach, liver, gallbladder,
               kidney, bladder): code, names, element, direction, and the meridian's role table
               (tonification, sedation, source, luo, xi, horary, entry and exit points).
``POINTS``     one entry per point on the foot: names (pinyin, English, Russian), meridian,
               order along it, its own classical types (well, spring, stream, river,
               confluent), radius on the reference foot, a note in English and Russian.
``OFF_FOOT``   the role points of those meridians that lie off the foot (LR8, GB38, KI7 ...):
               names and where they are, never a position.
``WHERE``      the words for where a point off the foot lies, in English and Russian.
``positions``  each point's position on each aspect where it shows, built from the landmarks
               of ``landmarks.py`` (and so from the outlines themselves).

The build (``build.py``) derives every point's roles: its own types, the roles the meridian
table gives it, and the source's three words -- "exciting" for the tonification point,
"calming" for the sedation point, "harmonising" for the meridian's first or last point when
that point lies on the foot.

Locations follow the WHO Standard Acupuncture Point Locations in the Western Pacific Region
(2008); the role tables follow the standard tables of Chinese acupuncture.  The source text
gives the three kinds of point and their sizes, but places no single point: every point's
provenance is "charts".
"""

from __future__ import annotations

import landmarks as L

PROVENANCE = "charts"

# Classical types a point carries by itself (the five transporting points and the eight
# confluent points); the rest of its roles come from the meridian table.
OWN_TYPES = ("well", "spring", "stream", "river", "confluent")
# Roles given by a meridian's table, one point each.
TABLE_ROLES = ("tonification", "sedation", "source", "luo", "xi", "horary", "entry", "exit")
# The source's three words.
SOURCE_ROLES = ("harmonising", "exciting", "calming")
# Every role, in the order the atlas lists them (the source's three words, then the classical
# types in the order of the classical tables).
ROLES = (
    *SOURCE_ROLES,
    "well", "spring", "stream", "river", "source", "luo", "xi", "confluent",
    "tonification", "sedation", "horary", "entry", "exit",
)  # fmt: skip

MERIDIANS: dict[str, dict[str, object]] = {
    "spleen": {
        "code": "SP",
        "en": "Spleen meridian",
        "ru": "Меридиан селезёнки",
        "pinyin": "Zu Taiyin Pi Jing",
        "synonyms": ["spleen", "spleen-pancreas", "селезёнка", "селезенки", "RP"],
        "element": "earth",
        "polarity": "yin",
        "flow": "starts on the foot (SP1) and runs up the inner leg to the chest",
        "first": "SP1",
        "last": "SP21",
        "roles": {
            "tonification": "SP2",
            "sedation": "SP5",
            "source": "SP3",
            "luo": "SP4",
            "xi": "SP8",
            "horary": "SP3",
            "entry": "SP1",
            "exit": "SP21",
        },
    },
    "stomach": {
        "code": "ST",
        "en": "Stomach meridian",
        "ru": "Меридиан желудка",
        "pinyin": "Zu Yangming Wei Jing",
        "synonyms": ["stomach", "желудок", "E"],
        "element": "earth",
        "polarity": "yang",
        "flow": "runs from under the eye down the front of the body and leg, ends on the "
        "second toe (ST45)",
        "first": "ST1",
        "last": "ST45",
        "roles": {
            "tonification": "ST41",
            "sedation": "ST45",
            "source": "ST42",
            "luo": "ST40",
            "xi": "ST34",
            "horary": "ST36",
            "entry": "ST1",
            "exit": "ST42",
        },
    },
    "liver": {
        "code": "LR",
        "en": "Liver meridian",
        "ru": "Меридиан печени",
        "pinyin": "Zu Jueyin Gan Jing",
        "synonyms": ["liver", "печень", "LIV", "F"],
        "element": "wood",
        "polarity": "yin",
        "flow": "starts on the big toe (LR1) and runs up the inner leg to the ribs",
        "first": "LR1",
        "last": "LR14",
        "roles": {
            "tonification": "LR8",
            "sedation": "LR2",
            "source": "LR3",
            "luo": "LR5",
            "xi": "LR6",
            "horary": "LR1",
            "entry": "LR1",
            "exit": "LR14",
        },
    },
    "gallbladder": {
        "code": "GB",
        "en": "Gallbladder meridian",
        "ru": "Меридиан желчного пузыря",
        "pinyin": "Zu Shaoyang Dan Jing",
        "synonyms": ["gallbladder", "gall bladder", "желчный пузырь", "VB"],
        "element": "wood",
        "polarity": "yang",
        "flow": "runs from the outer corner of the eye down the side of the body, ends on the "
        "fourth toe (GB44)",
        "first": "GB1",
        "last": "GB44",
        "roles": {
            "tonification": "GB43",
            "sedation": "GB38",
            "source": "GB40",
            "luo": "GB37",
            "xi": "GB36",
            "horary": "GB41",
            "entry": "GB1",
            "exit": "GB41",
        },
    },
    "kidney": {
        "code": "KI",
        "en": "Kidney meridian",
        "ru": "Меридиан почек",
        "pinyin": "Zu Shaoyin Shen Jing",
        "synonyms": ["kidney", "kidneys", "почки", "R"],
        "element": "water",
        "polarity": "yin",
        "flow": "starts on the sole (KI1), circles the inner ankle and runs up the inner leg to "
        "the chest",
        "first": "KI1",
        "last": "KI27",
        "roles": {
            "tonification": "KI7",
            "sedation": "KI1",
            "source": "KI3",
            "luo": "KI4",
            "xi": "KI5",
            "horary": "KI10",
            "entry": "KI1",
            "exit": "KI22",
        },
    },
    "bladder": {
        "code": "BL",
        "en": "Bladder meridian",
        "ru": "Меридиан мочевого пузыря",
        "pinyin": "Zu Taiyang Pangguang Jing",
        "synonyms": ["bladder", "urinary bladder", "мочевой пузырь", "UB", "V"],
        "element": "water",
        "polarity": "yang",
        "flow": "runs from the inner corner of the eye over the head and down the back and leg, "
        "ends on the little toe (BL67)",
        "first": "BL1",
        "last": "BL67",
        "roles": {
            "tonification": "BL67",
            "sedation": "BL65",
            "source": "BL64",
            "luo": "BL58",
            "xi": "BL63",
            "horary": "BL66",
            "entry": "BL1",
            "exit": "BL67",
        },
    },
}

# Radius (mm, on the 250 mm reference foot): the source puts bioactive points between under
# 1 mm and 10-20 mm across.  Here the radius is about a third of the room between the bony
# landmarks around the point: small at the nail corners, larger in the hollows round the
# ankle, largest in the thick skin of the sole.
NAIL, WEB, BORDER, DORSUM, ANKLE, SOLE = 1.5, 2.5, 3.0, 4.0, 5.0, 6.0


def _p(meridian, order, pinyin, en, ru, types, radius, note_en, note_ru, feet="both"):
    return {
        "meridian": meridian,
        "order": order,
        "pinyin": pinyin,
        "en": en,
        "ru": ru,
        "types": list(types),
        "radius": radius,
        "feet": feet,
        "note_en": note_en,
        "note_ru": note_ru,
    }


POINTS: dict[str, dict[str, object]] = {
    # --- spleen: starts at the big toe, runs along the inner border ---------------------------
    "SP1": _p("spleen", 1, "Yinbai", "Hidden White", "Инь-бай", ["well"], 2.0,
              "At the inner corner of the big-toe nail; the first point of the spleen meridian.",
              "У внутреннего угла ногтя большого пальца; первая точка меридиана селезёнки."),
    "SP2": _p("spleen", 2, "Dadu", "Great Metropolis", "Да-ду", ["spring"], BORDER,
              "In front of the big-toe joint on the inner edge, where the sole's skin begins.",
              "Перед суставом большого пальца на внутреннем крае, у границы кожи подошвы."),
    "SP3": _p("spleen", 3, "Taibai", "Supreme White", "Тай-бай", ["stream"], BORDER,
              "Behind the big-toe joint on the inner edge; worked for the digestion in the "
              "tradition.",
              "За суставом большого пальца на внутреннем крае; по традиции работают для "
              "пищеварения."),
    "SP4": _p("spleen", 4, "Gongsun", "Grandfather Grandson", "Гун-сунь", ["confluent"],
              BORDER,
              "On the inner edge in front of the base of the first metatarsal, in a hollow.",
              "На внутреннем крае стопы в ямке перед основанием первой плюсневой кости."),
    "SP5": _p("spleen", 5, "Shangqiu", "Shang Hill", "Шан-цю", ["river"], ANKLE,
              "In the hollow in front of and below the inner ankle bone.",
              "В ямке спереди и снизу от внутренней лодыжки."),
    # --- stomach: ends on the second toe ------------------------------------------------------
    "ST41": _p("stomach", 41, "Jiexi", "Ravine Divide", "Цзе-си", ["river"], ANKLE,
               "In the middle of the front of the ankle, between the two tendons.",
               "Посередине передней поверхности голеностопа, между двумя сухожилиями."),
    "ST42": _p("stomach", 42, "Chongyang", "Surging Yang", "Чун-ян", [], DORSUM,
               "The highest point of the top of the foot, where the pulse can be felt.",
               "Самая высокая точка тыла стопы, там, где прощупывается пульс."),
    "ST43": _p("stomach", 43, "Xiangu", "Sunken Valley", "Сянь-гу", ["stream"], DORSUM,
               "On the top of the foot between the second and third metatarsals, behind the "
               "toe joints.",
               "На тыле стопы между второй и третьей плюсневыми костями, позади суставов "
               "пальцев."),
    "ST44": _p("stomach", 44, "Neiting", "Inner Court", "Нэй-тин", ["spring"], WEB,
               "On the top of the foot, at the web between the second and third toes.",
               "На тыле стопы, у перепонки между вторым и третьим пальцами."),
    "ST45": _p("stomach", 45, "Lidui", "Severe Mouth", "Ли-дуй", ["well"], NAIL,
               "At the outer corner of the second toe's nail; the last point of the stomach "
               "meridian.",
               "У наружного угла ногтя второго пальца; последняя точка меридиана желудка."),
    # --- liver: starts at the big toe, runs over the top of the foot -----------------------
    "LR1": _p("liver", 1, "Dadun", "Large Pile", "Да-дунь", ["well"], 2.0,
              "At the outer corner of the big-toe nail; the first point of the liver meridian.",
              "У наружного угла ногтя большого пальца; первая точка меридиана печени."),
    "LR2": _p("liver", 2, "Xingjian", "Moving Between", "Син-цзянь", ["spring"], WEB,
              "On the top of the foot, at the web between the big toe and the second toe.",
              "На тыле стопы, у перепонки между большим и вторым пальцами."),
    "LR3": _p("liver", 3, "Taichong", "Great Surge", "Тай-чун", ["stream"], DORSUM,
              "In the hollow where the first and second metatarsals meet; often pressed to "
              "ease tension in the tradition.",
              "В ямке, где сходятся первая и вторая плюсневые кости; по традиции её нажимают, "
              "чтобы снять напряжение."),
    "LR4": _p("liver", 4, "Zhongfeng", "Middle Seal", "Чжун-фэн", ["river"], ANKLE,
              "In front of the inner ankle bone, on the inner side of the front tendon.",
              "Перед внутренней лодыжкой, с внутренней стороны переднего сухожилия."),
    # --- gallbladder: ends on the fourth toe --------------------------------------------------
    "GB40": _p("gallbladder", 40, "Qiuxu", "Mound of Ruins", "Цю-сюй", [], ANKLE,
               "In the hollow in front of and below the outer ankle bone.",
               "В ямке спереди и снизу от наружной лодыжки."),
    "GB41": _p("gallbladder", 41, "Zulinqi", "Foot Overlooking Tears", "Цзу-линь-ци",
               ["stream", "confluent"], DORSUM,
               "On the top of the foot in front of where the fourth and fifth metatarsals meet.",
               "На тыле стопы перед местом, где сходятся четвёртая и пятая плюсневые кости."),
    "GB42": _p("gallbladder", 42, "Diwuhui", "Earth Five Meetings", "Ди-у-хуэй", [], DORSUM,
               "Between the fourth and fifth metatarsals, behind the fourth toe joint.",
               "Между четвёртой и пятой плюсневыми костями, позади сустава четвёртого пальца."),
    "GB43": _p("gallbladder", 43, "Xiaxi", "Pinched Ravine", "Ся-си", ["spring"], WEB,
               "On the top of the foot, at the web between the fourth and fifth toes.",
               "На тыле стопы, у перепонки между четвёртым и пятым пальцами."),
    "GB44": _p("gallbladder", 44, "Zuqiaoyin", "Foot Portal of Yin", "Цзу-цяо-инь", ["well"],
               NAIL,
               "At the outer corner of the fourth toe's nail; the last point of the "
               "gallbladder meridian.",
               "У наружного угла ногтя четвёртого пальца; последняя точка меридиана желчного "
               "пузыря."),
    # --- kidney: starts on the sole, circles the inner ankle --------------------------------
    "KI1": _p("kidney", 1, "Yongquan", "Gushing Spring", "Юн-цюань", ["well"], SOLE,
              "On the sole, in the hollow that forms when the toes curl; the only meridian "
              "point on the sole. Traditionally pressed to calm and to ground.",
              "На подошве, в ямке, которая появляется при сгибании пальцев; единственная "
              "точка меридиана на подошве. По традиции её нажимают, чтобы успокоиться."),
    "KI2": _p("kidney", 2, "Rangu", "Blazing Valley", "Жань-гу", ["spring"], BORDER,
              "On the inner edge below the bump of the navicular bone, where the sole's skin "
              "begins.",
              "На внутреннем крае под бугристостью ладьевидной кости, у границы кожи подошвы."),
    "KI3": _p("kidney", 3, "Taixi", "Great Ravine", "Тай-си", ["stream"], ANKLE,
              "In the hollow between the inner ankle bone and the Achilles tendon.",
              "В ямке между внутренней лодыжкой и ахилловым сухожилием."),
    "KI4": _p("kidney", 4, "Dazhong", "Great Bell", "Да-чжун", [], ANKLE,
              "Behind and below the inner ankle bone, in front of the Achilles tendon.",
              "Сзади и снизу от внутренней лодыжки, перед ахилловым сухожилием."),
    "KI5": _p("kidney", 5, "Shuiquan", "Water Spring", "Шуй-цюань", [], ANKLE,
              "One finger-breadth below KI3, in front of the heel bone.",
              "На палец ниже точки KI3, перед пяточной костью."),
    "KI6": _p("kidney", 6, "Zhaohai", "Shining Sea", "Чжао-хай", ["confluent"], ANKLE,
              "In the hollow just below the inner ankle bone.",
              "В ямке прямо под внутренней лодыжкой."),
    # --- bladder: runs along the outer border, ends on the little toe ------------------------
    "BL60": _p("bladder", 60, "Kunlun", "Kunlun Mountains", "Кунь-лунь", ["river"], ANKLE,
               "In the hollow between the outer ankle bone and the Achilles tendon.",
               "В ямке между наружной лодыжкой и ахилловым сухожилием."),
    "BL61": _p("bladder", 61, "Pushen", "Subservient Visitor", "Пу-шэнь", [], BORDER,
               "Below BL60 on the outer side of the heel, where the sole's skin begins.",
               "Под точкой BL60 на наружной стороне пятки, у границы кожи подошвы."),
    "BL62": _p("bladder", 62, "Shenmai", "Extending Vessel", "Шэнь-май", ["confluent"], ANKLE,
               "In the hollow just below the outer ankle bone.",
               "В ямке прямо под наружной лодыжкой."),
    "BL63": _p("bladder", 63, "Jinmen", "Metal Gate", "Цзинь-мэнь", [], ANKLE,
               "On the outer side of the foot, behind the bump at the base of the fifth "
               "metatarsal.",
               "На наружной стороне стопы, позади бугристости пятой плюсневой кости."),
    "BL64": _p("bladder", 64, "Jinggu", "Capital Bone", "Цзин-гу", [], BORDER,
               "On the outer edge in front of the bump at the base of the fifth metatarsal.",
               "На наружном крае перед бугристостью пятой плюсневой кости."),
    "BL65": _p("bladder", 65, "Shugu", "Bundle Bone", "Шу-гу", ["stream"], BORDER,
               "On the outer edge behind the little-toe joint.",
               "На наружном крае позади сустава мизинца."),
    "BL66": _p("bladder", 66, "Zutonggu", "Foot Valley Passage", "Цзу-тун-гу", ["spring"],
               BORDER,
               "On the outer edge in front of the little-toe joint.",
               "На наружном крае перед суставом мизинца."),
    "BL67": _p("bladder", 67, "Zhiyin", "Reaching Yin", "Чжи-инь", ["well"], NAIL,
               "At the outer corner of the little toe's nail; the last point of the bladder "
               "meridian.",
               "У наружного угла ногтя мизинца; последняя точка меридиана мочевого пузыря."),
    # --- extra points (no meridian) -----------------------------------------------------------
    **{
        f"EX-LE10-{i}": _p(None, i, f"Bafeng {i}", f"Eight Winds {i}", f"Ба-фэн {i}", [], WEB,
                           f"One of the four Eight Winds points of each foot, at the web "
                           f"between toes {i} and {i + 1}.",
                           f"Одна из четырёх точек «восьми ветров» на каждой стопе, у перепонки "
                           f"между {i}-м и {i + 1}-м пальцами.")
        for i in (1, 2, 3, 4)
    },
    "Lineiting": _p(None, 1, "Lineiting", "Inner Neiting", "Ли-нэй-тин", [], 3.0,
                    "On the sole, at the base of the web between the second and third toes, "
                    "opposite ST44.",
                    "На подошве у основания перепонки между вторым и третьим пальцами, "
                    "напротив точки ST44."),
}  # fmt: skip

# Role points of the six meridians that lie off the foot: names and where they are, no
# position (the atlas shows only the foot and the ankle).
OFF_FOOT: dict[str, dict[str, object]] = {
    "SP8": {"pinyin": "Diji", "en": "Earth's Crux", "ru": "Ди-цзи", "where": "shin"},
    "SP21": {"pinyin": "Dabao", "en": "Great Embracement", "ru": "Да-бао", "where": "chest"},
    "ST1": {"pinyin": "Chengqi", "en": "Tear Container", "ru": "Чэн-ци", "where": "face"},
    "ST34": {"pinyin": "Liangqiu", "en": "Ridge Mound", "ru": "Лян-цю", "where": "thigh"},
    "ST36": {"pinyin": "Zusanli", "en": "Leg Three Miles", "ru": "Цзу-сань-ли", "where": "shin"},
    "ST40": {"pinyin": "Fenglong", "en": "Bountiful Bulge", "ru": "Фэн-лун", "where": "shin"},
    "LR5": {"pinyin": "Ligou", "en": "Woodworm Canal", "ru": "Ли-гоу", "where": "shin"},
    "LR6": {"pinyin": "Zhongdu", "en": "Central Metropolis", "ru": "Чжун-ду", "where": "shin"},
    "LR8": {"pinyin": "Ququan", "en": "Spring at the Bend", "ru": "Цюй-цюань", "where": "knee"},
    "LR14": {"pinyin": "Qimen", "en": "Cycle Gate", "ru": "Ци-мэнь", "where": "chest"},
    "GB1": {"pinyin": "Tongziliao", "en": "Pupil Bone-Hole", "ru": "Тун-цзы-ляо", "where": "face"},
    "GB36": {"pinyin": "Waiqiu", "en": "Outer Hill", "ru": "Вай-цю", "where": "shin"},
    "GB37": {"pinyin": "Guangming", "en": "Bright Light", "ru": "Гуан-мин", "where": "shin"},
    "GB38": {"pinyin": "Yangfu", "en": "Yang Assistance", "ru": "Ян-фу", "where": "shin"},
    "KI7": {"pinyin": "Fuliu", "en": "Recover Flow", "ru": "Фу-лю", "where": "shin"},
    "KI10": {"pinyin": "Yingu", "en": "Yin Valley", "ru": "Инь-гу", "where": "knee"},
    "KI22": {"pinyin": "Bulang", "en": "Corridor Walk", "ru": "Бу-лан", "where": "chest"},
    "BL1": {"pinyin": "Jingming", "en": "Bright Eyes", "ru": "Цзин-мин", "where": "face"},
    "BL58": {"pinyin": "Feiyang", "en": "Taking Flight", "ru": "Фэй-ян", "where": "shin"},
}  # fmt: skip

WHERE = {
    "shin": {"en": "on the lower leg", "ru": "на голени"},
    "knee": {"en": "at the knee", "ru": "у колена"},
    "thigh": {"en": "on the thigh above the knee", "ru": "на бедре над коленом"},
    "chest": {"en": "on the chest", "ru": "на груди"},
    "face": {"en": "on the face, by the eye", "ru": "на лице, у глаза"},
}


def code_order(code: str) -> int:
    """A standard code's number along its meridian (``"KI22"`` -> 22)."""
    return int("".join(ch for ch in code if ch.isdigit()))


def _nail_point(number: int, side: str) -> tuple[float, float]:
    """0.1 B-cun proximal to the nail corner and out towards the toe's edge (WHO: where the
    line of the nail's side border meets the line of its base)."""
    v = L.NAIL_LENGTH[number] + 0.1 * L.CUN
    corner = L.plantar.TOES[number]["width"] * L.NAIL_WIDTH_SHARE / 2.0
    half = L.toe_half_width(number, side, v)
    u = (corner + half) / 2.0  # halfway between the nail's side border and the toe's edge
    return L.toe_point(number, u if side == "medial" else -u, v)


def _web_point(web: str) -> tuple[float, float]:
    """On the top of the foot, just behind the web margin (at the red-white border)."""
    x, y = L.WEBS[web]
    return (x, y - 0.12 * L.CUN)


def positions() -> dict[str, dict[str, tuple[float, float]]]:
    """Every point's position on each aspect where it shows, in that aspect's frame (mm)."""
    out_ = {aspect: make() for aspect, make in L.OUTLINES.items()}
    cun = L.CUN
    med, lat = L.MEDIAL_MALLEOLUS, L.LATERAL_MALLEOLUS
    r = L.MALLEOLUS_RADIUS
    heads, bases = L.METATARSAL_HEADS, L.METATARSAL_BASES

    def border(aspect: str, y: float) -> tuple[float, float]:
        """Red-white border on a side profile: a little above the sole's edge."""
        return L.sole_edge(out_[aspect], y, 0.3 * cun)

    def plantar_edge(y: float, side: str) -> tuple[float, float]:
        return L.edge(out_["plantar"], y, side, 1.5)

    def off(point: tuple[float, float], dx: float, dy: float) -> tuple[float, float]:
        return (point[0] + dx, point[1] + dy)

    # on the inner side of the big toe, level with the nail's base, near the top of the toe
    big_toe_nail_y = _nail_point(1, "medial")[1]
    low, high = L.profile_span(out_["medial"], big_toe_nail_y)
    sp2_y, sp3_y = L.MTP1_Y + 0.35 * cun, L.MTP1_Y - 0.35 * cun
    sp4_y = bases[1][1] + 0.15 * cun
    ki2_y = L.NAVICULAR_TUBEROSITY[1]
    bl64_y = L.FIFTH_BASE_Y + 0.25 * cun
    bl65_y, bl66_y = L.MTP5_Y - 0.35 * cun, L.MTP5_Y + 0.35 * cun
    ki3 = (med[0], (med[1] + L.achilles_y("medial", med[0])) / 2.0)
    ki4_h = med[0] - 0.5 * cun
    bl60 = (lat[0], (lat[1] + L.achilles_y("lateral", lat[0])) / 2.0)
    ankle_x, ankle_y, _, ankle_b = L.dorsal.ANKLE
    lat_top = L.dorsal.ankle_bones()["lateral"].centroid
    bl67_y = _nail_point(5, "lateral")[1]
    return {
        "SP1": {
            "dorsal": _nail_point(1, "medial"),
            "medial": (low + 0.7 * (high - low), big_toe_nail_y),
        },
        "SP2": {"medial": border("medial", sp2_y), "plantar": plantar_edge(sp2_y, "medial")},
        "SP3": {"medial": border("medial", sp3_y), "plantar": plantar_edge(sp3_y, "medial")},
        "SP4": {"medial": border("medial", sp4_y), "plantar": plantar_edge(sp4_y, "medial")},
        "SP5": {"medial": L.lerp(L.NAVICULAR_TUBEROSITY, med, 0.5)},
        "ST41": {"dorsal": (ankle_x + 0.1 * cun, ankle_y + ankle_b)},
        "ST42": {"dorsal": off(L.lerp(bases[2], bases[3], 0.5), 0.0, 0.1 * cun)},
        "ST43": {"dorsal": off(L.lerp(heads[2], heads[3], 0.5), 0.0, -0.4 * cun)},
        "ST44": {"dorsal": _web_point("2-3")},
        "ST45": {"dorsal": _nail_point(2, "lateral")},
        "LR1": {"dorsal": _nail_point(1, "lateral")},
        "LR2": {"dorsal": _web_point("1-2")},
        "LR3": {"dorsal": off(L.lerp(bases[1], bases[2], 0.5), 0.0, 0.25 * cun)},
        "LR4": {
            "dorsal": (ankle_x + 0.75 * 30.0, ankle_y + 0.66 * ankle_b),
            "medial": (med[0] - 0.15 * cun, med[1] + r + 0.5 * cun),
        },
        "GB40": {
            "dorsal": (lat_top.x + 0.15 * cun, lat_top.y + 0.5 * cun),
            "lateral": (lat[0] - 0.7 * (r + 0.15 * cun), lat[1] + 0.7 * (r + 0.15 * cun)),
        },
        "GB41": {"dorsal": off(L.lerp(bases[4], bases[5], 0.5), 0.0, 0.25 * cun)},
        "GB42": {"dorsal": off(L.lerp(heads[4], heads[5], 0.5), 0.0, -0.4 * cun)},
        "GB43": {"dorsal": _web_point("4-5")},
        "GB44": {"dorsal": _nail_point(4, "lateral")},
        "KI1": {"plantar": L.lerp(L.WEBS["2-3"], L.HEEL_BACK, 1.0 / 3.0)},
        "KI2": {"medial": border("medial", ki2_y), "plantar": plantar_edge(ki2_y, "medial")},
        "KI3": {"medial": ki3},
        "KI4": {"medial": (ki4_h, L.achilles_y("medial", ki4_h) + 0.4 * cun)},
        "KI5": {"medial": (ki3[0] - cun, ki3[1])},
        "KI6": {"medial": (med[0] - cun, med[1])},
        "BL60": {"lateral": bl60},
        "BL61": {"lateral": L.sole_edge(out_["lateral"], bl60[1], 0.5 * cun)},
        "BL62": {"lateral": (lat[0] - r - 0.2 * cun, lat[1])},
        "BL63": {"lateral": L.sole_edge(out_["lateral"], L.FIFTH_BASE_Y - 0.5 * cun, 0.7 * cun)},
        "BL64": {"lateral": border("lateral", bl64_y), "plantar": plantar_edge(bl64_y, "lateral")},
        "BL65": {"lateral": border("lateral", bl65_y), "plantar": plantar_edge(bl65_y, "lateral")},
        "BL66": {"lateral": border("lateral", bl66_y), "plantar": plantar_edge(bl66_y, "lateral")},
        "BL67": {
            "dorsal": _nail_point(5, "lateral"),
            "lateral": L.sole_edge(out_["lateral"], bl67_y, 0.25 * cun),
        },
        **{f"EX-LE10-{i}": {"dorsal": _web_point(w)} for i, w in enumerate(L.WEBS, start=1)},
        "Lineiting": {"plantar": off(L.WEBS["2-3"], 0.0, -0.15 * cun)},
    }


def roles_of(code: str) -> list[str]:
    """All roles of a point (on or off the foot), in the order of ``ROLES``."""
    spec = POINTS.get(code, {})
    found = set(spec.get("types", ()))  # type: ignore[arg-type]
    meridian = spec.get("meridian") or next(
        (m for m, t in MERIDIANS.items() if code.startswith(str(t["code"]))), None
    )
    if meridian is not None:
        table = MERIDIANS[str(meridian)]
        found |= {role for role, c in table["roles"].items() if c == code}  # type: ignore[union-attr]
        if code in (table["first"], table["last"]) and code in POINTS:
            found.add("harmonising")
    if "tonification" in found:
        found.add("exciting")
    if "sedation" in found:
        found.add("calming")
    return [r for r in ROLES if r in found]


def meridian_roles(meridian: str) -> dict[str, list[str]]:
    """The role table of a meridian: role -> point codes, the source's three words included."""
    table = MERIDIANS[meridian]
    roles: dict[str, list[str]] = {}
    ends = [c for c in (table["first"], table["last"]) if c in POINTS]
    roles["harmonising"] = ends
    roles["exciting"] = [str(table["roles"]["tonification"])]  # type: ignore[index]
    roles["calming"] = [str(table["roles"]["sedation"])]  # type: ignore[index]
    for role in TABLE_ROLES:
        roles[role] = [str(table["roles"][role])]  # type: ignore[index]
    return roles
