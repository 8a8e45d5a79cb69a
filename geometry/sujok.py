"""The Su Jok correspondence atlases: the standard system and the insect system.

Su Jok (Park Jae Woo) reads the foot as a reduced human body.  Both atlases use the outlines of
the reflexology atlas (``plantar.py``, ``dorsal.py``, ``medial.py``, ``lateral.py``) and their
frames; only the zones differ.  ``build.py`` turns the tables and shapes here into
``footviz/data/sujok.geojson`` and ``footviz/data/sujok-insect.geojson``.

Standard system (see geometry/README.md, "Su Jok", for the rule and its reasoning):

* big toe: the head (distal phalanx) and the neck (proximal phalanx);
* 2nd and 5th toes: the arms; 3rd and 4th toes: the legs.  Along a limb toe, from its root:
  the joint at the root (shoulder, hip), the proximal phalanx (upper arm, thigh), the first
  joint (elbow, knee), the middle phalanx (forearm, shin), the second joint (wrist, ankle)
  and the distal phalanx (hand, foot);
* the ball of the big toe: the chest, with the diaphragm at its lower crease;
* the rest of the sole: the front of the trunk by thirds of its length below the diaphragm
  (upper abdomen, the intestines with the navel at the centre, the pelvis at the heel);
* the top of the foot: the back, with the spine along its midline, in the same thirds;
* the inner and outer side profiles: the flanks of the trunk, in the same thirds.

Insect system: every toe is a whole body: distal phalanx = head, middle = chest, proximal =
abdomen.  The big toe has two phalanges: its distal phalanx is the head and its proximal
phalanx holds the chest (its distal half) and the abdomen (its proximal half).
"""

from __future__ import annotations

import dorsal
import medial
import plantar
import vocabulary
from landmarks import toe_point
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

FEET = ("left", "right")
TOE_ASPECTS = ("plantar", "dorsal")

# --- which toe is which limb ------------------------------------------------------------------
# The standard Su Jok charts: on the right hand the index finger is the right arm and the little
# finger the left arm (the middle and ring fingers the right and left leg); the feet follow the
# same rule toe for finger, so the two toes next to the big toe carry the limbs of the foot's
# own side.  (geometry/README.md, "Su Jok", states the rule; tests/atlas/test_sujok.py checks it.)
OWN_SIDE_TOES = {"arm": 2, "leg": 3}
OTHER_SIDE_TOES = {"arm": 5, "leg": 4}


def limb_toe(limb: str, body_side: str, foot: str) -> int:
    """Number of the toe holding the ``body_side`` ``limb`` ("arm"/"leg") on ``foot``."""
    return (OWN_SIDE_TOES if body_side == foot else OTHER_SIDE_TOES)[limb]


# --- along a toe ------------------------------------------------------------------------------
# Phalanx borders as shares of the toe's free length (tip to the crease at its root), measured
# from the tip, and the width of a joint band (mm) centred on each border.
SMALL_TOE_BORDERS = (0.30, 0.60)  # distal | middle | proximal
BIG_TOE_BORDER = 0.50  # distal | proximal
JOINT_BAND = 3.0
ROOT_JOINT = 8.0  # depth (mm) of the shoulder/hip band behind the crease of a toe
# Insect system: the big toe's proximal phalanx is halved into chest (distal) and abdomen
INSECT_BIG_TOE = (0.50, 0.75)

# --- trunk ------------------------------------------------------------------------------------
DIAPHRAGM = plantar.DIAPHRAGM_LINE  # the lower crease of the ball
DIAPHRAGM_BAND = 5.0  # mm across the crease
THIRD = DIAPHRAGM / 3.0
THIRDS = (THIRD, 2.0 * THIRD)  # borders between the heel, middle and upper thirds
CHEST_INNER_X = plantar.SOLE_BODY[15][0]  # the web of toes 1-2: inner border of the chest
NAVEL_RADIUS = 5.0
SLIVER = 2.0  # mm^2: fragments of the toe clefts smaller than this are left out
SPINE_HALF_WIDTH = 4.5
SPINE_ENDS = (4.0, 180.0)  # y of the coccyx end and of the top of the thoracic spine
# side profiles: the part of the foot below the ankle (the stub of the leg is not mapped)
PROFILE_TOP = 90.0  # height (mm) of the front of the ankle joint
LATERAL_FRONT = 180.0  # y where the little toe begins on the outer profile (toes: not mapped here)

SIDES = {
    "left": {"en": "left", "ru": {"m": "левый", "f": "левая", "n": "левое"}},
    "right": {"en": "right", "ru": {"m": "правый", "f": "правая", "n": "правое"}},
}
# limb -> parts from the root to the tip: (id, en, ru noun, gender, kind)
LIMBS: dict[str, dict[str, object]] = {
    "arm": {
        "en": "arm",
        "ru": ("рука", "f"),
        "parts": [
            ("shoulder", "shoulder", "плечевой сустав", "m", "root"),
            ("upper_arm", "upper arm", "плечо", "n", "proximal"),
            ("elbow", "elbow", "локоть", "m", "joint1"),
            ("forearm", "forearm", "предплечье", "n", "middle"),
            ("wrist", "wrist", "запястье", "n", "joint2"),
            ("hand", "hand", "кисть", "f", "distal"),
        ],
    },
    "leg": {
        "en": "leg",
        "ru": ("нога", "f"),
        "parts": [
            ("hip", "hip", "тазобедренный сустав", "m", "root"),
            ("thigh", "thigh", "бедро", "n", "proximal"),
            ("knee", "knee", "колено", "n", "joint1"),
            ("shin", "shin", "голень", "f", "middle"),
            ("ankle", "ankle", "голеностопный сустав", "m", "joint2"),
            ("foot", "foot", "стопа", "f", "distal"),
        ],
    },
}
PART_SYNONYMS: dict[str, list[str]] = {
    "shoulder": ["shoulders", "shoulder joint", "плечевые суставы"],
    "upper_arm": ["upper arms"],
    "elbow": ["elbows", "elbow joint", "локти", "локтевой сустав"],
    "forearm": ["forearms", "предплечья"],
    "wrist": ["wrists", "wrist joint", "запястья", "лучезапястный сустав"],
    "hand": ["hands", "кисти", "кисть руки"],
    "hip": ["hips", "hip joint", "тазобедренные суставы"],
    "thigh": ["thighs", "бёдра", "бедра"],
    "knee": ["knees", "knee joint", "колени", "коленный сустав"],
    "shin": ["shins", "lower leg", "голени"],
    "ankle": ["ankles", "ankle joint", "лодыжка", "голеностоп"],
    "foot": ["feet", "стопы"],
}

# --- vocabulary -------------------------------------------------------------------------------
# Organs shared with the reflexology atlas keep its ids and names (vocabulary.py); Su Jok has no
# foot-side rule for them (each foot holds the whole body), so their "side" is dropped.
SHARED_ORGANS = (
    "brain", "eyes", "ears", "face", "teeth", "jaw", "neck", "throat", "cervical spine",
    "lungs", "bronchi", "heart", "breast", "diaphragm", "liver", "gallbladder", "stomach",
    "pancreas", "spleen", "small intestine", "large intestine", "kidneys", "adrenal glands",
    "bladder", "uterus", "ovaries", "prostate", "testes", "rectum", "thoracic spine",
    "lumbar spine", "sacral spine", "coccyx", "upper back",
)  # fmt: skip
EXTRA_ORGANS: dict[str, dict[str, object]] = {
    "navel": {"en": "navel", "ru": "пупок", "synonyms": ["umbilicus", "belly button", "пуп"]},
    "lower back": {
        "en": "lower back",
        "ru": "поясница",
        "synonyms": ["loin", "loins", "small of the back", "поясничная область"],
    },
    "buttocks": {"en": "buttocks", "ru": "ягодицы", "synonyms": ["buttock", "ягодица"]},
    "upper abdomen": {
        "en": "upper abdomen",
        "ru": "верхняя часть живота",
        "synonyms": ["epigastrium", "эпигастрий", "подложечная область"],
    },
    "flank": {"en": "side of the trunk", "ru": "бок туловища", "synonyms": ["flank", "бок"]},
}
INSECT_ORGANS: dict[str, dict[str, object]] = {
    "insect head": {"en": "head (insect system)", "ru": "голова (система насекомого)",
                    "synonyms": ["head", "голова"]},
    "insect chest": {"en": "chest (insect system)", "ru": "грудь (система насекомого)",
                     "synonyms": ["chest", "thorax", "грудь", "грудная клетка"]},
    "insect abdomen": {"en": "abdomen (insect system)", "ru": "живот (система насекомого)",
                       "synonyms": ["abdomen", "belly", "живот"]},
}  # fmt: skip


def side_ru(side: str, noun: str, gender: str) -> str:
    return f"{SIDES[side]['ru'][gender]} {noun}"  # type: ignore[index]


def part_organ(side: str, part_en: str) -> str:
    return f"{side} {part_en}"


def standard_vocabulary() -> tuple[dict[str, object], dict[str, object]]:
    """Organs and groups of the standard atlas (groups list organ ids)."""
    organs: dict[str, dict[str, object]] = {}
    for oid in SHARED_ORGANS:
        organs[oid] = {k: v for k, v in vocabulary.ORGANS[oid].items() if k != "side"}
    organs.update(EXTRA_ORGANS)
    groups: dict[str, dict[str, object]] = {}
    for limb, spec in LIMBS.items():
        noun, gender = spec["ru"]  # type: ignore[misc]
        for side in FEET:
            organ_ids = []
            for _pid, en, ru, g, _ in spec["parts"]:  # type: ignore[attr-defined]
                oid = part_organ(side, en)
                organ_ids.append(oid)
                organs[oid] = {"en": oid, "ru": side_ru(side, ru, g), "synonyms": []}
            groups[f"{side} {limb}"] = {
                "en": f"{side} {limb}",
                "ru": side_ru(side, noun, gender),
                "synonyms": [f"{side} {limb}s"],
                "organs": organ_ids,
            }
        groups[f"{limb}s"] = {
            "en": f"{limb}s",
            "ru": {"arm": "руки", "leg": "ноги"}[limb],
            "synonyms": [limb, noun],
            "organs": [o for s in FEET for o in groups[f"{s} {limb}"]["organs"]],  # type: ignore[index]
        }
        for pid, en, ru, _g, _ in spec["parts"]:  # type: ignore[attr-defined]
            groups[pid.replace("_", " ")] = {
                "en": en,
                "ru": ru,
                "synonyms": PART_SYNONYMS[pid],
                "organs": [part_organ(s, en) for s in FEET],
            }
    for gid in ("head", "intestines", "chest", "spine", "genital areas"):
        spec = vocabulary.GROUPS[gid]
        members = [o for o in spec["organs"] if o in organs]  # type: ignore[attr-defined]
        groups[gid] = {**spec, "organs": members}
    groups["head"]["organs"] = [  # type: ignore[index]
        o for o in ("brain", "face", "eyes", "ears", "teeth", "jaw") if o in organs
    ]
    groups["back"] = {
        "en": "back",
        "ru": "спина",
        "synonyms": ["the back", "спины"],
        "organs": ["upper back", "lower back", "buttocks", *groups["spine"]["organs"]],  # type: ignore[index]
    }
    return organs, groups


# --- zone metadata ----------------------------------------------------------------------------
def _zone(en, ru, organs, system, aspects, note_en, note_ru, *, provenance="charts",
          symmetric=True, parent=None) -> dict[str, object]:  # fmt: skip
    return {
        "en": en,
        "ru": ru,
        "organs": list(organs),
        "system": system,
        "aspects": list(aspects),
        "symmetric": symmetric,
        "parent": parent,
        "provenance": provenance,
        "note_en": note_en,
        "note_ru": note_ru,
    }


def standard_zones() -> dict[str, dict[str, object]]:
    """Zone metadata of the standard system, in claim order within each aspect."""
    z: dict[str, dict[str, object]] = {}
    z["head"] = _zone(
        "Head", "Голова", ["brain", "face", "eyes", "ears", "teeth", "jaw"], "nervous",
        ("plantar", "dorsal", "medial"),
        "The distal phalanx of the big toe: the face on the sole, the back of the head on top.",
        "Ногтевая фаланга большого пальца: лицо на подошве, затылок сверху.",
        provenance="source",
    )  # fmt: skip
    z["neck"] = _zone(
        "Neck", "Шея", ["neck", "throat", "cervical spine"], "musculoskeletal",
        ("plantar", "dorsal", "medial"),
        "The proximal phalanx of the big toe: the throat on the sole, the cervical spine on top.",
        "Основная фаланга большого пальца: горло на подошве, шейный отдел позвоночника сверху.",
    )  # fmt: skip
    for limb, spec in LIMBS.items():
        for side in FEET:
            for pid, en, ru, g, kind in spec["parts"]:  # type: ignore[attr-defined]
                where = {
                    "root": ("the joint at the root of the toe, just behind its crease",
                             "сустав у основания пальца, сразу за его складкой"),
                    "proximal": ("the proximal phalanx", "основная фаланга"),
                    "joint1": ("the joint between the proximal and middle phalanges",
                               "сустав между основной и средней фалангами"),
                    "middle": ("the middle phalanx", "средняя фаланга"),
                    "joint2": ("the joint between the middle and distal phalanges",
                               "сустав между средней и ногтевой фалангами"),
                    "distal": ("the distal phalanx", "ногтевая фаланга"),
                }[kind]  # fmt: skip
                own, other = OWN_SIDE_TOES[limb], OTHER_SIDE_TOES[limb]
                z[f"{side}_{pid}"] = _zone(
                    f"{side.capitalize()} {en}",
                    side_ru(side, ru, g).capitalize(),
                    [part_organ(side, en)],
                    "musculoskeletal",
                    TOE_ASPECTS,
                    f"{where[0].capitalize()} of toe {own} on the {side} foot and of toe {other} "
                    f"on the other foot.",
                    f"{where[1].capitalize()} {own}-го пальца на "
                    f"{'левой' if side == 'left' else 'правой'} стопе и {other}-го пальца на "
                    "другой стопе.",
                    provenance="source" if kind != "root" else "charts",
                    symmetric=False,
                )
    z["diaphragm"] = _zone(
        "Diaphragm", "Диафрагма", ["diaphragm"], "respiratory", ("plantar",),
        "The lower crease of the ball of the big toe, between the chest and the abdomen.",
        "Нижняя складка подушечки большого пальца, между грудью и животом.",
    )  # fmt: skip
    z["chest"] = _zone(
        "Chest", "Грудная клетка", ["lungs", "bronchi", "heart", "breast"], "respiratory",
        ("plantar", "medial"),
        "The ball of the big toe, above the diaphragm: the lungs and the heart.",
        "Подушечка большого пальца над диафрагмой: лёгкие и сердце.",
    )  # fmt: skip
    z["navel"] = _zone(
        "Navel", "Пупок", ["navel"], "digestive", ("plantar",),
        "The centre of the middle third of the sole.",
        "Центр средней трети подошвы.",
        parent="abdomen_middle",
    )  # fmt: skip
    z["abdomen_upper"] = _zone(
        "Upper abdomen", "Верхняя часть живота",
        ["upper abdomen", "liver", "gallbladder", "stomach", "pancreas", "spleen"], "digestive",
        ("plantar",),
        "The upper third of the sole below the diaphragm, and the ball under the small toes: "
        "liver, gallbladder, stomach, pancreas and spleen.",
        "Верхняя треть подошвы под диафрагмой и подушечка под малыми пальцами: печень, желчный "
        "пузырь, желудок, поджелудочная железа и селезёнка.",
    )  # fmt: skip
    z["abdomen_middle"] = _zone(
        "Intestines", "Кишечник", ["small intestine", "large intestine"], "digestive",
        ("plantar",),
        "The middle third of the sole: the small and large intestines round the navel.",
        "Средняя треть подошвы: тонкий и толстый кишечник вокруг пупка.",
    )  # fmt: skip
    z["pelvis"] = _zone(
        "Pelvic organs", "Органы малого таза",
        ["bladder", "uterus", "ovaries", "prostate", "testes", "rectum"], "reproductive",
        ("plantar",),
        "The heel, the lower third of the sole: bladder, genital organs and rectum.",
        "Пятка, нижняя треть подошвы: мочевой пузырь, половые органы и прямая кишка.",
    )  # fmt: skip
    for zid, en, ru, organ, (y0, y1) in (
        ("thoracic_spine", "Thoracic spine", "Грудной отдел позвоночника", "thoracic spine",
         (THIRDS[1], SPINE_ENDS[1])),
        ("lumbar_spine", "Lumbar spine", "Поясничный отдел позвоночника", "lumbar spine",
         THIRDS),
        ("sacrum_coccyx", "Sacrum and coccyx", "Крестец и копчик", "sacral spine",
         (SPINE_ENDS[0], THIRDS[0])),
    ):  # fmt: skip
        organs = [organ, "coccyx"] if zid == "sacrum_coccyx" else [organ]
        z[zid] = _zone(
            en, ru, organs, "musculoskeletal", ("dorsal",),
            f"The midline of the top of the foot, from y = {y0:.0f} to {y1:.0f} mm.",
            f"Средняя линия тыла стопы, от y = {y0:.0f} до {y1:.0f} мм.",
        )  # fmt: skip
    z["upper_back"] = _zone(
        "Upper back", "Верхняя часть спины", ["upper back"], "musculoskeletal", ("dorsal",),
        "The upper third of the top of the foot, beside the thoracic spine.",
        "Верхняя треть тыла стопы, по сторонам от грудного отдела позвоночника.",
    )  # fmt: skip
    z["lower_back"] = _zone(
        "Lower back and kidneys", "Поясница и почки", ["lower back", "kidneys", "adrenal glands"],
        "urinary", ("dorsal",),
        "The middle third of the top of the foot, beside the lumbar spine.",
        "Средняя треть тыла стопы, по сторонам от поясничного отдела позвоночника.",
    )  # fmt: skip
    z["buttocks"] = _zone(
        "Buttocks", "Ягодицы", ["buttocks"], "musculoskeletal", ("dorsal",),
        "The lower third of the top of the foot, round the ankle.",
        "Нижняя треть тыла стопы, вокруг голеностопа.",
    )  # fmt: skip
    for zid, en, ru, which in (
        ("flank_upper", "Side of the trunk: upper third", "Бок туловища: верхняя треть", "upper"),
        ("flank_middle", "Side of the trunk: middle third", "Бок туловища: средняя треть",
         "middle"),
        ("flank_lower", "Side of the trunk: lower third", "Бок туловища: нижняя треть", "lower"),
    ):  # fmt: skip
        ru_which = {"upper": "верхняя", "middle": "средняя", "lower": "нижняя"}[which]
        z[zid] = _zone(
            en, ru, ["flank"], "musculoskeletal", ("medial", "lateral"),
            f"The {which} third of the side of the foot below the ankle. The inner side is the "
            "flank of the foot's other side of the body, the outer side that of its own side.",
            f"{ru_which.capitalize()} треть боковой стороны стопы ниже лодыжки. Внутренняя "
            "сторона — бок противоположной стороны тела, наружная — бок своей стороны.",
        )  # fmt: skip
    return z


def insect_zones() -> dict[str, dict[str, object]]:
    """Zone metadata of the insect system: head, chest and abdomen on each toe."""
    z: dict[str, dict[str, object]] = {}
    parts = (
        ("head", "Head", "Голова", "insect head", "nervous"),
        ("chest", "Chest", "Грудь", "insect chest", "respiratory"),
        ("abdomen", "Abdomen", "Живот", "insect abdomen", "digestive"),
    )
    for toe in range(1, 6):
        for pid, en, ru, organ, system in parts:
            if toe == 1:
                where_en = {"head": "the distal phalanx", "chest": "the distal half of the "
                            "proximal phalanx", "abdomen": "the proximal half of the proximal "
                            "phalanx"}[pid]  # fmt: skip
                where_ru = {"head": "ногтевая фаланга",
                            "chest": "дистальная половина основной фаланги",
                            "abdomen": "проксимальная половина основной фаланги"}[pid]  # fmt: skip
            else:
                where_en = {"head": "the distal", "chest": "the middle",
                            "abdomen": "the proximal"}[pid] + " phalanx"  # fmt: skip
                where_ru = {"head": "ногтевая", "chest": "средняя", "abdomen": "основная"}[
                    pid
                ] + " фаланга"
            z[f"toe{toe}_{pid}"] = _zone(
                f"{en} (toe {toe})",
                f"{ru} ({toe}-й палец)",
                [organ],
                system,
                TOE_ASPECTS,
                f"Toe {toe}, {where_en}.",
                f"{toe}-й палец, {where_ru}.",
                provenance="charts",
            )
    return z


# --- shapes -----------------------------------------------------------------------------------
def _body(aspect: str) -> Polygon:
    return plantar.sole_body() if aspect == "plantar" else dorsal.body()


def toe_length(number: int) -> float:
    """Free length of toe ``number`` (mm from its tip back to the crease at its root)."""
    axis = LineString([toe_point(number, 0.0, 0.0), toe_point(number, 0.0, 90.0)])
    inside = axis.difference(plantar.sole_body())
    first = min(inside.geoms, key=lambda g: -g.bounds[3]) if hasattr(inside, "geoms") else inside
    return float(first.length)


def toe_band(number: int, v0: float, v1: float) -> Polygon:
    """The band across toe ``number`` from ``v0`` to ``v1`` mm back from its tip."""
    return Polygon(
        [toe_point(number, -30.0, v0), toe_point(number, 30.0, v0),
         toe_point(number, 30.0, v1), toe_point(number, -30.0, v1)]
    )  # fmt: skip


def toe_regions(aspect: str, outline: BaseGeometry) -> dict[str, BaseGeometry]:
    """The five toes as parts of ``outline`` (outline minus the body), by nearest toe."""
    free = outline.difference(_body(aspect))
    pieces = list(free.geoms) if hasattr(free, "geoms") else [free]
    # slivers in the fillets of the clefts belong to no toe
    pieces = [p for p in pieces if p.area >= SLIVER]
    out: dict[int, list[BaseGeometry]] = {n: [] for n in plantar.TOES}
    for piece in pieces:
        c = piece.representative_point()
        n = min(plantar.TOES, key=lambda k: toe_shape_distance(k, c))
        out[n].append(piece)
    return {f"toe{n}": unary_union(p) for n, p in out.items()}


def toe_shape_distance(number: int, point: Point) -> float:
    return plantar.toe_shape(number).distance(point)


def dorsal_midline() -> LineString:
    """The midline of the top of the foot: halfway between its inner and outer borders."""
    body = dorsal.body()
    pts = []
    y = SPINE_ENDS[0]
    while y <= SPINE_ENDS[1] + 1e-9:
        cut = body.intersection(LineString([(-200.0, y), (200.0, y)]))
        lo, _, hi, _ = cut.bounds
        pts.append(((lo + hi) / 2.0, y))
        y += 4.0
    return LineString(pts)


def sole_midline_x(y: float) -> float:
    cut = plantar.sole_body().intersection(LineString([(-200.0, y), (200.0, y)]))
    return (cut.bounds[0] + cut.bounds[2]) / 2.0


def _limb_shapes(foot: str, aspect: str, regions: dict[str, BaseGeometry]) -> dict:
    shapes: dict[str, BaseGeometry] = {}
    trunk = regions["trunk"]
    for limb, spec in LIMBS.items():
        for side in FEET:
            n = limb_toe(limb, side, foot)
            length = toe_length(n)
            toe = regions[f"toe{n}"]
            b1, b2 = (length * s for s in SMALL_TOE_BORDERS)
            h = JOINT_BAND / 2.0
            spans = {
                "distal": (-10.0, b1 - h),
                "joint2": (b1 - h, b1 + h),
                "middle": (b1 + h, b2 - h),
                "joint1": (b2 - h, b2 + h),
                "proximal": (b2 + h, length + 40.0),
            }
            for pid, _en, _ru, _g, kind in spec["parts"]:  # type: ignore[attr-defined]
                if kind == "root":
                    half = plantar.TOES[n]["width"] / 2.0
                    root = Polygon(
                        [toe_point(n, -half, length - 2.0), toe_point(n, half, length - 2.0),
                         toe_point(n, half, length + ROOT_JOINT),
                         toe_point(n, -half, length + ROOT_JOINT)]
                    ).intersection(trunk)  # fmt: skip
                    shapes[f"{side}_{pid}"] = root
                else:
                    shapes[f"{side}_{pid}"] = toe_band(n, *spans[kind]).intersection(toe)
    return shapes


def standard_shapes(foot: str, aspect: str, outline: BaseGeometry) -> dict[str, BaseGeometry]:
    """Raw zone shapes of the standard system on ``foot``'s ``aspect``, in claim order."""
    shapes: dict[str, BaseGeometry] = {}
    if aspect in TOE_ASPECTS:
        regions = toe_regions(aspect, outline)
        regions["trunk"] = outline.intersection(_body(aspect))
        big = regions["toe1"]
        split = toe_length(1) * BIG_TOE_BORDER
        shapes["head"] = toe_band(1, -10.0, split).intersection(big)
        shapes["neck"] = toe_band(1, split, 90.0).intersection(big)
        shapes.update(_limb_shapes(foot, aspect, regions))
        trunk = regions["trunk"]
        if aspect == "plantar":
            d0, d1 = DIAPHRAGM - DIAPHRAGM_BAND / 2.0, DIAPHRAGM + DIAPHRAGM_BAND / 2.0
            shapes["diaphragm"] = trunk.intersection(box(CHEST_INNER_X, d0, 80.0, d1))
            shapes["chest"] = trunk.intersection(box(CHEST_INNER_X, d1, 80.0, 260.0))
            shapes["abdomen_upper"] = trunk.intersection(box(-80.0, THIRDS[1], 80.0, 260.0))
            shapes["abdomen_middle"] = trunk.intersection(box(-80.0, THIRDS[0], 80.0, THIRDS[1]))
            shapes["pelvis"] = trunk.intersection(box(-80.0, -10.0, 80.0, THIRDS[0]))
            centre = (THIRDS[0] + THIRDS[1]) / 2.0
            shapes["navel"] = Point(sole_midline_x(centre), centre).buffer(NAVEL_RADIUS, 24)
        else:
            spine = dorsal_midline().buffer(SPINE_HALF_WIDTH, cap_style="flat")
            shapes["thoracic_spine"] = spine.intersection(box(-80.0, THIRDS[1], 80.0, 260.0))
            shapes["lumbar_spine"] = spine.intersection(box(-80.0, THIRDS[0], 80.0, THIRDS[1]))
            shapes["sacrum_coccyx"] = spine.intersection(box(-80.0, -10.0, 80.0, THIRDS[0]))
            shapes["upper_back"] = trunk.intersection(box(-80.0, THIRDS[1], 80.0, 260.0))
            shapes["lower_back"] = trunk.intersection(box(-80.0, THIRDS[0], 80.0, THIRDS[1]))
            shapes["buttocks"] = trunk.intersection(box(-80.0, -10.0, 80.0, THIRDS[0]))
        return shapes
    mapped = profile_region(aspect, outline)
    if aspect == "medial":
        split = plantar.TOES[1]["tip"] - toe_length(1) * BIG_TOE_BORDER
        shapes["head"] = mapped.intersection(box(-10.0, split, 200.0, 300.0))
        shapes["neck"] = mapped.intersection(box(-10.0, medial.TOE_Y, 200.0, split))
        shapes["chest"] = mapped.intersection(box(-10.0, DIAPHRAGM, 200.0, medial.TOE_Y))
    shapes["flank_upper"] = mapped.intersection(box(-10.0, THIRDS[1], 200.0, 300.0))
    shapes["flank_middle"] = mapped.intersection(box(-10.0, THIRDS[0], 200.0, THIRDS[1]))
    shapes["flank_lower"] = mapped.intersection(box(-10.0, -10.0, 200.0, THIRDS[0]))
    return shapes


def profile_region(aspect: str, outline: BaseGeometry) -> BaseGeometry:
    """The part of a side profile the standard system maps: the foot below the ankle (and, on
    the outer side, behind the toes, which are mapped on the sole and the top)."""
    front = 300.0 if aspect == "medial" else LATERAL_FRONT
    return outline.intersection(box(-10.0, -10.0, PROFILE_TOP, front))


def insect_shapes(foot: str, aspect: str, outline: BaseGeometry) -> dict[str, BaseGeometry]:
    """Raw zone shapes of the insect system (toes on the sole and the top only)."""
    del foot
    shapes: dict[str, BaseGeometry] = {}
    if aspect not in TOE_ASPECTS:
        return shapes
    regions = toe_regions(aspect, outline)
    for n in plantar.TOES:
        length = toe_length(n)
        b1, b2 = (length * s for s in (INSECT_BIG_TOE if n == 1 else SMALL_TOE_BORDERS))
        toe = regions[f"toe{n}"]
        shapes[f"toe{n}_head"] = toe_band(n, -10.0, b1).intersection(toe)
        shapes[f"toe{n}_chest"] = toe_band(n, b1, b2).intersection(toe)
        shapes[f"toe{n}_abdomen"] = toe_band(n, b2, length + 40.0).intersection(toe)
    return shapes


def mapped_regions(system: str, aspect: str, outline: BaseGeometry) -> dict[str, BaseGeometry]:
    """Named regions an atlas maps on ``aspect`` (the validator checks their coverage)."""
    if aspect in TOE_ASPECTS:
        regions = toe_regions(aspect, outline)
        if system == "sujok":
            regions["sole" if aspect == "plantar" else "top"] = outline.intersection(_body(aspect))
        return regions
    if system == "sujok":
        return {"side": profile_region(aspect, outline)}
    return {}


# --- the correspondence member ----------------------------------------------------------------
def correspondence(system: str) -> dict[str, object]:
    """The ``correspondence`` member: which zones make up each toe and the sole, per foot."""
    toes: dict[str, dict[str, list[str]]] = {}
    for n in plantar.TOES:
        toes[str(n)] = {}
        for foot in FEET:
            if system == "insect":
                ids = [f"toe{n}_{p}" for p in ("head", "chest", "abdomen")]
            elif n == 1:
                ids = ["head", "neck"]
            else:
                limb = "arm" if n in (2, 5) else "leg"
                side = next(s for s in FEET if limb_toe(limb, s, foot) == n)
                ids = [
                    f"{side}_{pid}"
                    for pid, *_rest, kind in reversed(LIMBS[limb]["parts"])  # type: ignore[arg-type]
                    if kind != "root"
                ]
            toes[str(n)][foot] = ids
    out: dict[str, object] = {"system": system, "toes": toes}
    if system == "sujok":
        out["sole"] = {
            "chest": ["chest", "diaphragm"],
            "upper": ["abdomen_upper"],
            "middle": ["abdomen_middle"],
            "lower": ["pelvis"],
        }
        # the joints at the roots of the limb toes lie on the sole too
        out["roots"] = [
            f"{side}_{parts[0][0]}"
            for parts in (LIMBS["arm"]["parts"], LIMBS["leg"]["parts"])
            for side in FEET
        ]  # type: ignore[index]
        out["rule"] = {
            "en": "The sole is the front of the body with the head at the big toe; the outer "
            "toes (4th and 5th) carry the leg and arm of the foot's own side, the 2nd and 3rd "
            "those of the other side.",
            "ru": "Подошва — передняя сторона тела, голова — большой палец; наружные пальцы "
            "(4-й и 5-й) — нога и рука своей стороны, 2-й и 3-й — противоположной.",
        }
    return out
