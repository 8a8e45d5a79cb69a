"""The source's table of conditions and the reflex zones worked for each (12 rows).

``terms`` lists what a row names, in the source's order, each as ("organ", id) or
("group", id) from ``vocabulary``.  ``source`` keeps the row's own wording of the organs so
the table can be checked against the source text.
"""

from __future__ import annotations

CONDITIONS: list[dict[str, object]] = [
    {
        "id": "chronic_fatigue",
        "en": "Chronic fatigue",
        "ru": "Хроническая усталость",
        "synonyms": ["fatigue", "tiredness", "усталость"],
        "source": "Parathyroid glands, adrenal glands, head",
        "terms": [("organ", "parathyroid glands"), ("organ", "adrenal glands"), ("group", "head")],
    },
    {
        "id": "panic_attacks",
        "en": "Panic attacks, phobias",
        "ru": "Панические атаки, фобии",
        "synonyms": ["panic attacks", "panic", "phobias", "phobia", "панические атаки", "фобии"],
        "source": "Adrenal glands, head, bronchi and lungs",
        "terms": [
            ("organ", "adrenal glands"),
            ("group", "head"),
            ("organ", "bronchi"),
            ("organ", "lungs"),
        ],
    },
    {
        "id": "obesity",
        "en": "Obesity",
        "ru": "Ожирение",
        "synonyms": ["overweight", "лишний вес"],
        "source": "Thyroid, parathyroid glands, kidneys, adrenal glands",
        "terms": [
            ("organ", "thyroid gland"),
            ("organ", "parathyroid glands"),
            ("organ", "kidneys"),
            ("organ", "adrenal glands"),
        ],
    },
    {
        "id": "frigidity_impotence",
        "en": "Frigidity and impotence",
        "ru": "Фригидность и импотенция",
        "synonyms": ["frigidity", "impotence", "фригидность", "импотенция"],
        "source": "Head, genital areas",
        "terms": [("group", "head"), ("group", "genital areas")],
    },
    {
        "id": "migraine",
        "en": "Migraine attacks",
        "ru": "Приступы мигрени",
        "synonyms": ["migraine", "migraines", "мигрень"],
        "source": "Stomach, intestines, liver, gallbladder, fallopian tubes, uterus, head",
        "terms": [
            ("organ", "stomach"),
            ("group", "intestines"),
            ("organ", "liver"),
            ("organ", "gallbladder"),
            ("organ", "fallopian tubes"),
            ("organ", "uterus"),
            ("group", "head"),
        ],
    },
    {
        "id": "fainting",
        "en": "Fainting",
        "ru": "Обмороки",
        "synonyms": ["faint", "syncope", "обморок"],
        "source": "Head, cervical region spine",
        "terms": [("group", "head"), ("organ", "cervical spine")],
    },
    {
        "id": "baldness",
        "en": "Baldness",
        "ru": "Облысение",
        "synonyms": ["hair loss", "alopecia", "выпадение волос"],
        "source": "Head, intestines, liver, gallbladder",
        "terms": [
            ("group", "head"),
            ("group", "intestines"),
            ("organ", "liver"),
            ("organ", "gallbladder"),
        ],
    },
    {
        "id": "varicose_veins",
        "en": "Varicose veins",
        "ru": "Варикозное расширение вен",
        "synonyms": ["varicose", "varices", "варикоз"],
        "source": "Kidneys, bladder, lymphatic drainage on the back of the foot",
        "terms": [("organ", "kidneys"), ("organ", "bladder"), ("organ", "upper lymphatics")],
    },
    {
        "id": "acne",
        "en": "Acne",
        "ru": "Угревая сыпь",
        "synonyms": ["pimples", "акне", "угри"],
        "source": "Kidneys, adrenal glands, bladder, liver, gallbladder",
        "terms": [
            ("organ", "kidneys"),
            ("organ", "adrenal glands"),
            ("organ", "bladder"),
            ("organ", "liver"),
            ("organ", "gallbladder"),
        ],
    },
    {
        "id": "emotional_lability",
        "en": "Emotional lability, insomnia, VSD",
        "ru": "Эмоциональная лабильность, бессонница, ВСД",
        "synonyms": [
            "emotional lability",
            "insomnia",
            "vsd",
            "vegetative-vascular dystonia",
            "sleeplessness",
            "бессонница",
            "всд",
            "вегетососудистая дистония",
        ],
        "source": "Solar plexus",
        "terms": [("organ", "solar plexus")],
    },
    {
        "id": "hypertension",
        "en": "Arterial hypertension",
        "ru": "Артериальная гипертензия",
        "synonyms": ["hypertension", "high blood pressure", "гипертония", "гипертензия"],
        "source": "Kidneys, ureters, bladder",
        "terms": [("organ", "kidneys"), ("organ", "ureters"), ("organ", "bladder")],
    },
    {
        "id": "hypotension",
        "en": "Arterial hypotension",
        "ru": "Артериальная гипотензия",
        "synonyms": ["hypotension", "low blood pressure", "гипотония", "гипотензия"],
        "source": "Kidneys, adrenal glands, heart, head",
        "terms": [
            ("organ", "kidneys"),
            ("organ", "adrenal glands"),
            ("organ", "heart"),
            ("group", "head"),
        ],
    },
]
