"""Organs, groups and body systems named by the reflexology atlas.

Every organ a zone or a condition row refers to is listed here once, with its English and
Russian names and the synonyms users type.  An organ may be listed before any zone of the
atlas covers it; the atlas then reports it as "not yet in this atlas" instead of dropping it.
The built-in atlas covers every organ listed here, on one or more aspects of the foot.
"""

from __future__ import annotations

SYSTEMS: dict[str, dict[str, str]] = {
    "nervous": {"en": "Nervous system", "ru": "Нервная система"},
    "endocrine": {"en": "Endocrine system", "ru": "Эндокринная система"},
    "sensory": {"en": "Sense organs", "ru": "Органы чувств"},
    "respiratory": {"en": "Respiratory system", "ru": "Дыхательная система"},
    "cardiovascular": {"en": "Cardiovascular system", "ru": "Сердечно-сосудистая система"},
    "digestive": {"en": "Digestive system", "ru": "Пищеварительная система"},
    "urinary": {"en": "Urinary system", "ru": "Мочевыделительная система"},
    "reproductive": {"en": "Reproductive system", "ru": "Репродуктивная система"},
    "musculoskeletal": {"en": "Musculoskeletal system", "ru": "Опорно-двигательная система"},
    "lymphatic": {"en": "Lymphatic system", "ru": "Лимфатическая система"},
}

# organ id -> names and synonyms (synonyms are matched case-insensitively, both languages)
ORGANS: dict[str, dict[str, object]] = {
    "brain": {"en": "brain", "ru": "головной мозг", "synonyms": ["cerebrum", "мозг"]},
    "pituitary gland": {
        "en": "pituitary gland",
        "ru": "гипофиз",
        "synonyms": ["pituitary", "hypophysis"],
    },
    "hypothalamus": {"en": "hypothalamus", "ru": "гипоталамус", "synonyms": []},
    "neck": {"en": "neck", "ru": "шея", "synonyms": []},
    "throat": {"en": "throat", "ru": "горло", "synonyms": []},
    "sinuses": {
        "en": "frontal and maxillary sinuses",
        "ru": "лобные и гайморовы пазухи",
        "synonyms": [
            "sinus",
            "frontal sinuses",
            "maxillary sinuses",
            "paranasal sinuses",
            "пазухи",
            "лобные пазухи",
            "гайморовы пазухи",
            "придаточные пазухи носа",
        ],
    },
    "eyes": {
        "en": "eyes",
        "ru": "глаза",
        "synonyms": ["eye", "vision", "organ of vision", "глаз", "зрение", "орган зрения"],
    },
    "ears": {
        "en": "ears",
        "ru": "уши",
        "synonyms": ["ear", "inner ear", "hearing", "ухо", "внутреннее ухо", "слух"],
    },
    "thyroid gland": {
        "en": "thyroid gland",
        "ru": "щитовидная железа",
        "synonyms": ["thyroid", "щитовидка"],
    },
    "parathyroid glands": {
        "en": "parathyroid glands",
        "ru": "паращитовидные железы",
        "synonyms": ["parathyroid", "parathyroids", "parathyroid gland", "паращитовидная железа"],
    },
    "pharynx": {"en": "pharynx", "ru": "глотка", "synonyms": []},
    "trachea": {"en": "trachea", "ru": "трахея", "synonyms": ["windpipe"]},
    "lungs": {"en": "lungs", "ru": "лёгкие", "synonyms": ["lung", "легкие", "лёгкое", "легкое"]},
    "bronchi": {"en": "bronchi", "ru": "бронхи", "synonyms": ["bronchus", "бронх"]},
    "heart": {"side": "left", "en": "heart", "ru": "сердце", "synonyms": []},
    "solar plexus": {"en": "solar plexus", "ru": "солнечное сплетение", "synonyms": []},
    "liver": {"side": "right", "en": "liver", "ru": "печень", "synonyms": []},
    "gallbladder": {
        "side": "right",
        "en": "gallbladder",
        "ru": "желчный пузырь",
        "synonyms": ["gall bladder"],
    },
    "spleen": {"side": "left", "en": "spleen", "ru": "селезёнка", "synonyms": ["селезенка"]},
    "stomach": {"en": "stomach", "ru": "желудок", "synonyms": []},
    "pancreas": {"en": "pancreas", "ru": "поджелудочная железа", "synonyms": ["поджелудочная"]},
    "adrenal glands": {
        "en": "adrenal glands",
        "ru": "надпочечники",
        "synonyms": ["adrenal", "adrenals", "adrenal gland", "suprarenal glands", "надпочечник"],
    },
    "kidneys": {"en": "kidneys", "ru": "почки", "synonyms": ["kidney", "почка"]},
    "ureters": {"en": "ureters", "ru": "мочеточники", "synonyms": ["ureter", "мочеточник"]},
    "bladder": {
        "en": "bladder",
        "ru": "мочевой пузырь",
        "synonyms": ["urinary bladder"],
    },
    "small intestine": {
        "en": "small intestine",
        "ru": "тонкий кишечник",
        "synonyms": ["small bowel", "тонкая кишка"],
    },
    "large intestine": {
        "en": "large intestine",
        "ru": "толстый кишечник",
        "synonyms": ["colon", "large bowel", "толстая кишка", "ободочная кишка"],
    },
    "ileocaecal valve": {
        "side": "right",
        "en": "ileocaecal valve",
        "ru": "илеоцекальный клапан",
        "synonyms": ["ileocecal valve", "ileocaecal", "ileocecal"],
    },
    "sciatic nerve": {"en": "sciatic nerve", "ru": "седалищный нерв", "synonyms": ["sciatica"]},
    "ovaries": {"en": "ovaries", "ru": "яичники", "synonyms": ["ovary", "яичник"]},
    "testes": {
        "en": "testes",
        "ru": "яички",
        "synonyms": ["testis", "testicles", "testicle", "яичко"],
    },
    "pelvis": {"en": "pelvic area", "ru": "область таза", "synonyms": ["pelvic area", "таз"]},
    # Organs of the medial, lateral and dorsal aspects
    "cervical spine": {
        "en": "cervical spine",
        "ru": "шейный отдел позвоночника",
        "synonyms": ["cervical region of the spine", "neck vertebrae"],
    },
    "uterus": {"en": "uterus", "ru": "матка", "synonyms": ["womb"]},
    "fallopian tubes": {
        "en": "fallopian tubes",
        "ru": "маточные трубы",
        "synonyms": ["fallopian tube", "oviducts", "маточная труба"],
    },
    "upper lymphatics": {
        "en": "lymphatic drainage of the upper body",
        "ru": "лимфатический дренаж верхней части тела",
        "synonyms": ["lymphatic drainage", "lymph drainage", "lymphatics", "лимфодренаж"],
    },
    "thoracic spine": {
        "en": "thoracic spine",
        "ru": "грудной отдел позвоночника",
        "synonyms": ["thoracic region of the spine", "thoracic vertebrae", "грудной отдел"],
    },
    "lumbar spine": {
        "en": "lumbar spine",
        "ru": "поясничный отдел позвоночника",
        "synonyms": ["lumbar region of the spine", "lower back", "lumbar", "поясница"],
    },
    "sacral spine": {
        "en": "sacrum",
        "ru": "крестец",
        "synonyms": ["sacral spine", "sacral region of the spine", "крестцовый отдел"],
    },
    "coccyx": {"en": "coccyx", "ru": "копчик", "synonyms": ["tailbone"]},
    "rectum": {
        "en": "rectum and anus",
        "ru": "прямая кишка и задний проход",
        "synonyms": ["anus", "rectum", "прямая кишка", "задний проход", "анус"],
    },
    "prostate": {
        "en": "prostate",
        "ru": "предстательная железа",
        "synonyms": ["prostate gland", "простата"],
    },
    "vas deferens": {
        "en": "vas deferens",
        "ru": "семявыносящий проток",
        "synonyms": ["spermatic duct", "семявыносящие протоки"],
    },
    "hip": {"en": "hip", "ru": "тазобедренный сустав", "synonyms": ["hip joint"]},
    "shoulder": {"en": "shoulder", "ru": "плечевой сустав", "synonyms": ["shoulder joint"]},
    "arm": {"en": "arm", "ru": "рука", "synonyms": ["upper arm"]},
    "elbow": {"en": "elbow", "ru": "локоть", "synonyms": ["elbow joint", "локтевой сустав"]},
    "knee": {
        "en": "knee and leg",
        "ru": "колено и нога",
        "synonyms": ["knee", "leg", "knee joint", "колено", "коленный сустав"],
    },
    "breast": {
        "en": "breast and chest wall",
        "ru": "молочная железа и грудная стенка",
        "synonyms": ["breasts", "mammary glands", "chest wall", "молочные железы"],
    },
    "groin lymph nodes": {
        "en": "groin lymph nodes",
        "ru": "паховые лимфоузлы",
        "synonyms": [
            "inguinal lymph nodes",
            "lymph nodes of the groin",
            "паховые лимфатические узлы",
        ],
    },
    "teeth": {"en": "teeth", "ru": "зубы", "synonyms": ["tooth", "зуб"]},
    "jaw": {"en": "jaw", "ru": "челюсть", "synonyms": ["jaws", "челюсти"]},
    "face": {"en": "face", "ru": "лицо", "synonyms": []},
    "diaphragm": {"en": "diaphragm", "ru": "диафрагма", "synonyms": []},
    "upper back": {
        "en": "upper back and ribs",
        "ru": "верхняя часть спины и рёбра",
        "synonyms": ["ribs", "shoulder blades", "рёбра", "ребра", "лопатки"],
    },
    "headache point": {
        "en": "headache and concentration point",
        "ru": "точка от головной боли и для концентрации",
        "synonyms": ["headache", "concentration", "головная боль", "концентрация"],
    },
}

# group id -> names, synonyms and the organs a group stands for
GROUPS: dict[str, dict[str, object]] = {
    "head": {
        "en": "head",
        "ru": "голова",
        "synonyms": [],
        "organs": [
            "brain",
            "pituitary gland",
            "hypothalamus",
            "sinuses",
            "eyes",
            "ears",
        ],
    },
    "endocrine glands": {
        "en": "endocrine glands",
        "ru": "железы внутренней секреции",
        "synonyms": ["glands", "эндокринные железы"],
        "organs": [
            "pituitary gland",
            "hypothalamus",
            "thyroid gland",
            "parathyroid glands",
            "adrenal glands",
            "pancreas",
            "ovaries",
            "testes",
        ],
    },
    "genital areas": {
        "en": "genital areas",
        "ru": "половые органы",
        "synonyms": ["genitals", "reproductive organs", "gonads", "генитальные зоны"],
        "organs": [
            "ovaries",
            "testes",
            "uterus",
            "fallopian tubes",
            "prostate",
            "vas deferens",
        ],
    },
    "intestines": {
        "en": "intestines",
        "ru": "кишечник",
        "synonyms": ["bowel", "bowels", "gut", "кишки"],
        "organs": ["small intestine", "large intestine", "ileocaecal valve"],
    },
    "urinary tract": {
        "en": "urinary tract",
        "ru": "мочевыводящие пути",
        "synonyms": ["urinary organs"],
        "organs": ["kidneys", "ureters", "bladder"],
    },
    "chest": {
        "en": "chest",
        "ru": "грудная клетка",
        "synonyms": ["thorax", "грудь"],
        "organs": ["lungs", "bronchi", "heart", "trachea"],
    },
    "spine": {
        "en": "spine",
        "ru": "позвоночник",
        "synonyms": ["spinal column", "back", "позвоночный столб"],
        "organs": [
            "cervical spine",
            "thoracic spine",
            "lumbar spine",
            "sacral spine",
            "coccyx",
        ],
    },
}
