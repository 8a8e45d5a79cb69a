"""Metadata of the plantar reflex zones: one entry per stable zone id.

Fields
------
en, ru      display names
organs      organ ids from ``vocabulary.ORGANS``
system      body system id from ``vocabulary.SYSTEMS``
feet        "both", "left" or "right"
parent      id of the zone this one nests inside (None for top-level zones)
symmetric   True when the zone has the same shape on both feet (in each foot's own frame)
provenance  "source" when the source text places the zone, "charts" when the placement
            follows common reflexology charts because the source is silent or vague
note_en/ru  a short note in the project's own words

Group memberships are derived from the organs by ``build.py`` (see ``vocabulary.GROUPS``).
"""

from __future__ import annotations

ZONES: dict[str, dict[str, object]] = {
    # --- toes -----------------------------------------------------------------------------
    "brain": {
        "en": "Brain",
        "ru": "Головной мозг",
        "organs": ["brain"],
        "system": "nervous",
        "feet": "both",
        "provenance": "source",
        "note_en": "The pad and tip of the big toe. The source asks for a light touch here "
        "because the area is tied to the body's hormonal balance.",
        "note_ru": "Подушечка и кончик большого пальца. По источнику, здесь работают мягко: "
        "зона связана с гормональным равновесием организма.",
    },
    "pituitary": {
        "en": "Pituitary gland",
        "ru": "Гипофиз",
        "organs": ["pituitary gland"],
        "system": "endocrine",
        "feet": "both",
        "parent": "brain",
        "provenance": "source",
        "note_en": "A small point in the middle of the big-toe pad; press gently.",
        "note_ru": "Небольшая точка в центре подушечки большого пальца; надавливать бережно.",
    },
    "hypothalamus": {
        "en": "Hypothalamus",
        "ru": "Гипоталамус",
        "organs": ["hypothalamus"],
        "system": "endocrine",
        "feet": "both",
        "parent": "brain",
        "provenance": "source",
        "note_en": "At the inner edge of the big-toe pad, next to the pituitary point.",
        "note_ru": "У внутреннего края подушечки большого пальца, рядом с точкой гипофиза.",
    },
    "neck": {
        "en": "Neck and throat",
        "ru": "Шея и горло",
        "organs": ["neck", "throat"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The base of the big toe, where it joins the ball of the foot.",
        "note_ru": "Основание большого пальца, где он переходит в подушечку стопы.",
    },
    "sinuses": {
        "en": "Frontal and maxillary sinuses",
        "ru": "Лобные и гайморовы пазухи",
        "organs": ["sinuses"],
        "system": "respiratory",
        "feet": "both",
        "provenance": "source",
        "note_en": "The pads of the four smaller toes. Tradition links chilled, wet feet "
        "with a blocked nose and brow ache.",
        "note_ru": "Подушечки четырёх малых пальцев. По традиции переохлаждение и мокрые ноги "
        "связывают с заложенностью носа и болью в надбровье.",
    },
    "eyes": {
        "en": "Eyes",
        "ru": "Глаза",
        "organs": ["eyes"],
        "system": "sensory",
        "feet": "both",
        "provenance": "source",
        "note_en": "The crease at the base of the second and third toes.",
        "note_ru": "Складка у основания второго и третьего пальцев.",
    },
    "ears": {
        "en": "Ears",
        "ru": "Уши",
        "organs": ["ears"],
        "system": "sensory",
        "feet": "both",
        "provenance": "source",
        "note_en": "The base of the fourth and fifth toes; tight shoes press on this area.",
        "note_ru": "Основание четвёртого и пятого пальцев; тесная обувь давит на эту область.",
    },
    # --- ball of the foot --------------------------------------------------------------------
    "thyroid": {
        "en": "Thyroid gland",
        "ru": "Щитовидная железа",
        "organs": ["thyroid gland"],
        "system": "endocrine",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The ball of the foot under the big toe.",
        "note_ru": "Подушечка стопы под большим пальцем.",
    },
    "parathyroid": {
        "en": "Parathyroid glands",
        "ru": "Паращитовидные железы",
        "organs": ["parathyroid glands"],
        "system": "endocrine",
        "feet": "both",
        "parent": "thyroid",
        "provenance": "charts",
        "note_en": "A small area at the inner edge of the thyroid zone.",
        "note_ru": "Небольшой участок у внутреннего края зоны щитовидной железы.",
    },
    "trachea": {
        "en": "Pharynx and trachea",
        "ru": "Глотка и трахея",
        "organs": ["pharynx", "trachea"],
        "system": "respiratory",
        "feet": "both",
        "provenance": "source",
        "note_en": "A strip in the front of the sole between the first and second "
        "metatarsals; worked when a cough troubles the client.",
        "note_ru": "Полоса в передней части подошвы между первой и второй плюсневыми костями; "
        "её прорабатывают при кашле.",
    },
    "lungs": {
        "en": "Lungs and bronchi",
        "ru": "Лёгкие и бронхи",
        "organs": ["lungs", "bronchi"],
        "system": "respiratory",
        "feet": "both",
        "provenance": "source",
        "note_en": "A band across the ball about a centimetre below the eye zone. Working it "
        "is said to ease the clearing of phlegm.",
        "note_ru": "Полоса поперёк подушечки стопы примерно на сантиметр ниже зоны глаз. "
        "Считается, что её массаж облегчает отхождение мокроты.",
    },
    # --- upper arch --------------------------------------------------------------------------
    "heart": {
        "en": "Heart",
        "ru": "Сердце",
        "organs": ["heart"],
        "system": "cardiovascular",
        "feet": "left",
        "provenance": "source",
        "note_en": "Left foot only, where the arch begins. The source reports tenderness "
        "here, and a slight limp on the left, in people with heart trouble.",
        "note_ru": "Только на левой стопе, в начале свода. Источник отмечает здесь "
        "болезненность и лёгкую хромоту на левую ногу у людей с болезнями сердца.",
    },
    "solar_plexus": {
        "en": "Solar plexus",
        "ru": "Солнечное сплетение",
        "organs": ["solar plexus"],
        "system": "nervous",
        "feet": "both",
        "provenance": "source",
        "note_en": "The centre of the sole just below the ball; used for calming and relaxation.",
        "note_ru": "Центр подошвы сразу под подушечкой стопы; используется для успокоения и "
        "расслабления.",
    },
    "liver": {
        "en": "Liver",
        "ru": "Печень",
        "organs": ["liver"],
        "system": "digestive",
        "feet": "right",
        "provenance": "source",
        "note_en": "Right foot only, at the start of the arch towards the outer edge.",
        "note_ru": "Только на правой стопе, в начале свода ближе к наружному краю.",
    },
    "gallbladder": {
        "en": "Gallbladder",
        "ru": "Желчный пузырь",
        "organs": ["gallbladder"],
        "system": "digestive",
        "feet": "right",
        "parent": "liver",
        "provenance": "charts",
        "note_en": "Right foot only, a small area inside the liver zone.",
        "note_ru": "Только на правой стопе, небольшой участок внутри зоны печени.",
    },
    "spleen": {
        "en": "Spleen",
        "ru": "Селезёнка",
        "organs": ["spleen"],
        "system": "lymphatic",
        "feet": "left",
        "provenance": "charts",
        "note_en": "Left foot only, on the outer side of the upper arch.",
        "note_ru": "Только на левой стопе, с наружной стороны верхней части свода.",
    },
    "stomach": {
        "en": "Stomach",
        "ru": "Желудок",
        "organs": ["stomach"],
        "system": "digestive",
        "feet": "both",
        "symmetric": False,
        "provenance": "source",
        "note_en": "Inner half of the upper arch; larger on the left foot, as the stomach lies "
        "mostly on the left side of the body.",
        "note_ru": "Внутренняя половина верхней части свода; на левой стопе зона больше, "
        "так как желудок расположен в основном слева.",
    },
    "pancreas": {
        "en": "Pancreas",
        "ru": "Поджелудочная железа",
        "organs": ["pancreas"],
        "system": "endocrine",
        "feet": "both",
        "symmetric": False,
        "provenance": "charts",
        "note_en": "Below the stomach zone; the head of the gland maps to the right foot and "
        "its tail to the left.",
        "note_ru": "Ниже зоны желудка; головка железы проецируется на правую стопу, "
        "хвост — на левую.",
    },
    "adrenals": {
        "en": "Adrenal glands",
        "ru": "Надпочечники",
        "organs": ["adrenal glands"],
        "system": "endocrine",
        "feet": "both",
        "provenance": "source",
        "note_en": "A small area on top of the kidney zone in the middle of the arch.",
        "note_ru": "Небольшой участок над зоной почки в середине свода.",
    },
    "kidney": {
        "en": "Kidney",
        "ru": "Почка",
        "organs": ["kidneys"],
        "system": "urinary",
        "feet": "both",
        "provenance": "source",
        "note_en": "The middle of the arch. The source mentions working it to ease allergic "
        "rashes.",
        "note_ru": "Середина свода. Источник упоминает её проработку при аллергической сыпи.",
    },
    "ureter": {
        "en": "Ureter",
        "ru": "Мочеточник",
        "organs": ["ureters"],
        "system": "urinary",
        "feet": "both",
        "provenance": "charts",
        "note_en": "A line running from the kidney zone down to the bladder at the inner edge.",
        "note_ru": "Линия от зоны почки вниз к мочевому пузырю у внутреннего края стопы.",
    },
    "bladder": {
        "en": "Bladder",
        "ru": "Мочевой пузырь",
        "organs": ["bladder"],
        "system": "urinary",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The inner edge of the sole where the arch meets the heel.",
        "note_ru": "Внутренний край подошвы там, где свод переходит в пятку.",
    },
    # --- lower arch --------------------------------------------------------------------------
    "small_intestine": {
        "en": "Small intestine",
        "ru": "Тонкий кишечник",
        "organs": ["small intestine"],
        "system": "digestive",
        "feet": "both",
        "symmetric": False,
        "provenance": "charts",
        "note_en": "The lower arch inside the frame of the large intestine; on the left foot "
        "the sigmoid colon takes its lowest strip.",
        "note_ru": "Нижняя часть свода внутри рамки толстого кишечника; на левой стопе его "
        "нижнюю полосу занимает сигмовидная кишка.",
    },
    "ascending_colon": {
        "en": "Ascending colon",
        "ru": "Восходящая ободочная кишка",
        "organs": ["large intestine"],
        "system": "digestive",
        "feet": "right",
        "provenance": "charts",
        "note_en": "Right foot only, along the outer edge from the heel line up to the waist.",
        "note_ru": "Только на правой стопе, вдоль наружного края от линии пятки до талии стопы.",
    },
    "ileocaecal_valve": {
        "en": "Ileocaecal valve",
        "ru": "Илеоцекальный клапан",
        "organs": ["ileocaecal valve", "large intestine"],
        "system": "digestive",
        "feet": "right",
        "provenance": "charts",
        "note_en": "Right foot only, at the lower end of the ascending colon near the heel.",
        "note_ru": "Только на правой стопе, у нижнего конца восходящей кишки возле пятки.",
    },
    "transverse_colon": {
        "en": "Transverse colon",
        "ru": "Поперечная ободочная кишка",
        "organs": ["large intestine"],
        "system": "digestive",
        "feet": "both",
        "provenance": "charts",
        "note_en": "A band across the waist of the foot on both feet.",
        "note_ru": "Полоса поперёк талии стопы на обеих стопах.",
    },
    "descending_colon": {
        "en": "Descending colon",
        "ru": "Нисходящая ободочная кишка",
        "organs": ["large intestine"],
        "system": "digestive",
        "feet": "left",
        "provenance": "charts",
        "note_en": "Left foot only, down the outer edge from the waist to the heel line.",
        "note_ru": "Только на левой стопе, вниз по наружному краю от талии до линии пятки.",
    },
    "sigmoid_colon": {
        "en": "Sigmoid colon",
        "ru": "Сигмовидная кишка",
        "organs": ["large intestine"],
        "system": "digestive",
        "feet": "left",
        "provenance": "charts",
        "note_en": "Left foot only, along the heel line from the outer edge towards the bladder.",
        "note_ru": "Только на левой стопе, вдоль линии пятки от наружного края к мочевому пузырю.",
    },
    # --- heel --------------------------------------------------------------------------------
    "pelvis": {
        "en": "Pelvic area",
        "ru": "Область таза",
        "organs": ["pelvis"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The whole heel pad; the sciatic and reproductive zones lie inside it.",
        "note_ru": "Вся пяточная подушка; внутри неё лежат зоны седалищного нерва и половых желёз.",
    },
    "sciatic": {
        "en": "Sciatic nerve",
        "ru": "Седалищный нерв",
        "organs": ["sciatic nerve"],
        "system": "nervous",
        "feet": "both",
        "parent": "pelvis",
        "provenance": "source",
        "note_en": "A band across the lower part of the heel.",
        "note_ru": "Полоса поперёк нижней части пятки.",
    },
    "reproductive": {
        "en": "Ovaries / testes",
        "ru": "Яичники / яички",
        "organs": ["ovaries", "testes"],
        "system": "reproductive",
        "feet": "both",
        "parent": "pelvis",
        "provenance": "source",
        "note_en": "The centre of the heel. The source notes that heel pain on one side is "
        "traditionally read as a sign from this area.",
        "note_ru": "Центр пятки. Источник отмечает, что боль в пятке с одной стороны "
        "традиционно связывают с этой областью.",
    },
}
