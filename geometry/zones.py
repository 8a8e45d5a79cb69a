"""Metadata of the reflex zones on every aspect of the foot: one entry per stable zone id.

Fields
------
aspect      "plantar" (the default when absent), "medial", "lateral" or "dorsal": the aspect
            whose frame the zone's shape is built in (``plantar.py``, ``medial.py`` ...)
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
    # --- medial aspect (inner side) ------------------------------------------------------
    "cervical_spine": {
        "aspect": "medial",
        "en": "Cervical spine",
        "ru": "Шейный отдел позвоночника",
        "organs": ["cervical spine"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "source",
        "note_en": "The inner edge of the big toe at its base. The source names it with the head "
        "for fainting.",
        "note_ru": "Внутренний край большого пальца у его основания. Источник называет эту зону "
        "вместе с головой при обмороках.",
    },
    "thoracic_spine": {
        "aspect": "medial",
        "en": "Thoracic spine",
        "ru": "Грудной отдел позвоночника",
        "organs": ["thoracic spine"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "source",
        "note_en": "The inner edge of the foot along the first metatarsal, from the big-toe joint "
        "back to the arch.",
        "note_ru": "Внутренний край стопы вдоль первой плюсневой кости, от сустава большого пальца "
        "до свода.",
    },
    "lumbar_spine": {
        "aspect": "medial",
        "en": "Lumbar spine",
        "ru": "Поясничный отдел позвоночника",
        "organs": ["lumbar spine"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "source",
        "note_en": "The inner edge under the highest part of the arch. Firm rubbing along the "
        "spine line is said to ease back tiredness.",
        "note_ru": "Внутренний край под самой высокой частью свода. Считается, что энергичное "
        "растирание линии позвоночника снимает усталость спины.",
    },
    "sacral_spine": {
        "aspect": "medial",
        "en": "Sacrum",
        "ru": "Крестец",
        "organs": ["sacral spine"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "source",
        "note_en": "The inner edge where the arch meets the heel; the spine line of the source "
        "ends here.",
        "note_ru": "Внутренний край там, где свод переходит в пятку; здесь заканчивается линия "
        "позвоночника источника.",
    },
    "coccyx": {
        "aspect": "medial",
        "en": "Coccyx",
        "ru": "Копчик",
        "organs": ["coccyx"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The lower inner edge of the heel, continuing the spine line towards the back "
        "of the heel.",
        "note_ru": "Нижний внутренний край пятки, продолжение линии позвоночника к задней части "
        "пятки.",
    },
    "bladder_medial": {
        "aspect": "medial",
        "en": "Bladder (inner side)",
        "ru": "Мочевой пузырь (внутренняя сторона)",
        "organs": ["bladder"],
        "system": "urinary",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The soft bulge on the inner side where the arch meets the heel, above the "
        "sacrum; continues the bladder zone of the sole.",
        "note_ru": "Мягкая выпуклость на внутренней стороне между сводом и пяткой, над крестцом; "
        "продолжает зону мочевого пузыря на подошве.",
    },
    "uterus_prostate": {
        "aspect": "medial",
        "en": "Uterus / prostate",
        "ru": "Матка / предстательная железа",
        "organs": ["uterus", "prostate"],
        "system": "reproductive",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The inner side of the heel, halfway between the ankle bone and the back corner "
        "of the heel.",
        "note_ru": "Внутренняя сторона пятки, посередине между лодыжкой и задним углом пятки.",
    },
    "rectum_anus": {
        "aspect": "medial",
        "en": "Rectum and anus",
        "ru": "Прямая кишка и задний проход",
        "organs": ["rectum"],
        "system": "digestive",
        "feet": "both",
        "provenance": "source",
        "note_en": "The back of the heel. The source places the anus on the back surface of the "
        "heel.",
        "note_ru": "Задняя поверхность пятки. Источник помещает сюда задний проход.",
    },
    "fallopian_tubes": {
        "aspect": "medial",
        "en": "Fallopian tubes / vas deferens",
        "ru": "Маточные трубы / семявыносящие протоки",
        "organs": ["fallopian tubes", "vas deferens"],
        "system": "reproductive",
        "feet": "both",
        "provenance": "source",
        "note_en": "A strip up the Achilles tendon, where the source puts the fallopian tubes, and "
        "a band across the front of the ankle as charts draw it. The source asks for gentle work "
        "on the tendon.",
        "note_ru": "Полоса вдоль ахиллова сухожилия, где источник помещает маточные трубы, и "
        "полоса поперёк передней части голеностопа, как на картах. Источник советует работать с "
        "сухожилием бережно.",
    },
    "hip_medial": {
        "aspect": "medial",
        "en": "Hip and pelvic area (inner ankle)",
        "ru": "Тазобедренная и тазовая область (внутренняя лодыжка)",
        "organs": ["hip", "pelvis"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The area round the inner ankle bone and above the heel; charts link it with "
        "the hip joint and the pelvis.",
        "note_ru": "Область вокруг внутренней лодыжки и над пяткой; на картах её связывают с "
        "тазобедренным суставом и тазом.",
    },
    "chest_medial": {
        "aspect": "medial",
        "en": "Chest and breast (inner edge)",
        "ru": "Грудная клетка и молочная железа (внутренний край)",
        "organs": ["breast"],
        "system": "respiratory",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The upper inner side of the forefoot, where the chest zone of the top of the "
        "foot turns round the inner edge.",
        "note_ru": "Верхняя внутренняя сторона передней части стопы, где зона груди с тыльной "
        "стороны переходит на внутренний край.",
    },
    "big_toe_medial": {
        "aspect": "medial",
        "en": "Head (inner side of the big toe)",
        "ru": "Голова (внутренняя сторона большого пальца)",
        "organs": ["brain"],
        "system": "nervous",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The inner side of the big toe beyond its joint; the whole big toe reflects the "
        "head.",
        "note_ru": "Внутренняя сторона большого пальца за его суставом; весь большой палец "
        "отражает голову.",
    },
    # --- lateral aspect (outer side) -----------------------------------------------------
    "headache_point": {
        "aspect": "lateral",
        "en": "Headache and concentration point",
        "ru": "Точка от головной боли и для концентрации",
        "organs": ["headache point"],
        "system": "nervous",
        "feet": "both",
        "provenance": "source",
        "note_en": "On the outside of the foot between the fourth and fifth metatarsals. The "
        "source suggests pressing tender points here for headaches, concentration and emotional "
        "balance.",
        "note_ru": "С наружной стороны стопы между четвёртой и пятой плюсневыми костями. Источник "
        "советует надавливать здесь на болезненные точки при головной боли, для концентрации и "
        "эмоциональной устойчивости.",
    },
    "reproductive_lateral": {
        "aspect": "lateral",
        "en": "Ovary / testis (outer heel)",
        "ru": "Яичник / яичко (наружная сторона пятки)",
        "organs": ["ovaries", "testes"],
        "system": "reproductive",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The outer side of the heel, halfway between the ankle bone and the back corner "
        "of the heel.",
        "note_ru": "Наружная сторона пятки, посередине между лодыжкой и задним углом пятки.",
    },
    "sciatic_lateral": {
        "aspect": "lateral",
        "en": "Sciatic nerve (outer heel)",
        "ru": "Седалищный нерв (наружная сторона пятки)",
        "organs": ["sciatic nerve"],
        "system": "nervous",
        "feet": "both",
        "provenance": "source",
        "note_en": "The lower outer side of the heel, where the source puts the sciatic points, "
        "running up behind the ankle bone as charts show it.",
        "note_ru": "Нижняя наружная сторона пятки, где источник помещает точки седалищного нерва; "
        "по картам полоса поднимается за лодыжкой.",
    },
    "shoulder": {
        "aspect": "lateral",
        "en": "Shoulder",
        "ru": "Плечевой сустав",
        "organs": ["shoulder"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The outer edge at the joint of the little toe.",
        "note_ru": "Наружный край у сустава мизинца.",
    },
    "arm": {
        "aspect": "lateral",
        "en": "Arm",
        "ru": "Рука",
        "organs": ["arm"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The outer edge along the front half of the fifth metatarsal.",
        "note_ru": "Наружный край вдоль передней половины пятой плюсневой кости.",
    },
    "elbow": {
        "aspect": "lateral",
        "en": "Elbow",
        "ru": "Локоть",
        "organs": ["elbow"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The bump at the base of the fifth metatarsal on the outer edge.",
        "note_ru": "Выступ у основания пятой плюсневой кости на наружном крае.",
    },
    "knee": {
        "aspect": "lateral",
        "en": "Knee and leg",
        "ru": "Колено и нога",
        "organs": ["knee"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "charts",
        "note_en": "A triangle on the outer edge between the base of the fifth metatarsal and the "
        "heel.",
        "note_ru": "Треугольник на наружном крае между основанием пятой плюсневой кости и пяткой.",
    },
    "hip_lateral": {
        "aspect": "lateral",
        "en": "Hip and pelvic area (outer ankle)",
        "ru": "Тазобедренная и тазовая область (наружная лодыжка)",
        "organs": ["hip", "pelvis"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The area round the outer ankle bone and above the heel; charts link it with "
        "the hip joint and the pelvis.",
        "note_ru": "Область вокруг наружной лодыжки и над пяткой; на картах её связывают с "
        "тазобедренным суставом и тазом.",
    },
    "instep_lateral": {
        "aspect": "lateral",
        "en": "Upper back and ribs (outer edge)",
        "ru": "Верхняя часть спины и рёбра (наружный край)",
        "organs": ["upper back"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The upper outer side of the midfoot and forefoot, where the zones of the top "
        "of the foot turn round the outer edge.",
        "note_ru": "Верхняя наружная сторона средней и передней части стопы, где зоны тыльной "
        "стороны переходят на наружный край.",
    },
    # --- dorsal aspect (top of the foot) -------------------------------------------------
    "face": {
        "aspect": "dorsal",
        "en": "Face and sinuses",
        "ru": "Лицо и пазухи",
        "organs": ["face", "sinuses"],
        "system": "sensory",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The top of the big toe beyond its joint, including the nail.",
        "note_ru": "Тыльная сторона большого пальца за его суставом, включая ноготь.",
    },
    "teeth_jaw": {
        "aspect": "dorsal",
        "en": "Teeth and jaw",
        "ru": "Зубы и челюсть",
        "organs": ["teeth", "jaw"],
        "system": "sensory",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The tops of the four smaller toes and the base of the big toe.",
        "note_ru": "Тыльная сторона четырёх малых пальцев и основание большого пальца.",
    },
    "upper_lymphatics": {
        "aspect": "dorsal",
        "en": "Lymphatic drainage of the upper body",
        "ru": "Лимфодренаж верхней части тела",
        "organs": ["upper lymphatics"],
        "system": "lymphatic",
        "feet": "both",
        "provenance": "source",
        "note_en": "The webs between the toes and the grooves between the metatarsals on the top "
        "of the foot. The source names the lymphatic drainage of the back of the foot for "
        "varicose veins.",
        "note_ru": "Перепонки между пальцами и борозды между плюсневыми костями на тыльной стороне "
        "стопы. Источник называет лимфодренаж тыльной стороны стопы при варикозе.",
    },
    "breast": {
        "aspect": "dorsal",
        "en": "Chest and breast",
        "ru": "Грудная клетка и молочная железа",
        "organs": ["breast"],
        "system": "respiratory",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The top of the forefoot behind the toe webs.",
        "note_ru": "Тыльная сторона передней части стопы за межпальцевыми перепонками.",
    },
    "diaphragm": {
        "aspect": "dorsal",
        "en": "Diaphragm line (top of the foot)",
        "ru": "Линия диафрагмы (тыльная сторона)",
        "organs": ["diaphragm"],
        "system": "respiratory",
        "feet": "both",
        "provenance": "charts",
        "note_en": "A narrow band across the top of the foot behind the chest zone, matching the "
        "diaphragm line of the sole.",
        "note_ru": "Узкая полоса поперёк тыльной стороны за зоной груди; соответствует линии "
        "диафрагмы на подошве.",
    },
    "upper_back": {
        "aspect": "dorsal",
        "en": "Upper back and ribs",
        "ru": "Верхняя часть спины и рёбра",
        "organs": ["upper back"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The top of the midfoot between the diaphragm line and the ankle.",
        "note_ru": "Тыльная сторона средней части стопы между линией диафрагмы и голеностопом.",
    },
    "groin_lymph": {
        "aspect": "dorsal",
        "en": "Groin lymph nodes and fallopian tubes / vas deferens",
        "ru": "Паховые лимфоузлы и маточные трубы / семявыносящие протоки",
        "organs": ["groin lymph nodes", "fallopian tubes", "vas deferens"],
        "system": "lymphatic",
        "feet": "both",
        "provenance": "charts",
        "note_en": "A band across the front of the ankle from one ankle bone to the other.",
        "note_ru": "Полоса поперёк передней части голеностопа от одной лодыжки до другой.",
    },
    "ankle_dorsal": {
        "aspect": "dorsal",
        "en": "Ankle: hip and pelvic area",
        "ru": "Голеностоп: тазобедренная и тазовая область",
        "organs": ["hip", "pelvis"],
        "system": "musculoskeletal",
        "feet": "both",
        "provenance": "charts",
        "note_en": "The ankle and the heel behind the groin band, as seen from above.",
        "note_ru": "Голеностоп и пятка за паховой полосой, если смотреть сверху.",
    },
}
