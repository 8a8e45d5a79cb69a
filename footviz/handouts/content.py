"""Every sentence a handout prints, in English and Russian (plain data: no matplotlib).

The facts come from the shared source text (its general massage advice and its two lists of
contraindications); the wording is the project's own.  The eight-step self-massage sequence is
atlas data (the technique ``"self-massage"``, geometry/techniques.py): :func:`texts` reads its
step texts from there, so its wording lives in one place.
The practice the page names follows the atlas (:func:`practice`): a reflexology atlas's pages
speak of reflexology, a Su Jok atlas's of Su Jok (:data:`PRACTICES`); either is described as a
traditional practice that complements medical care.
"""

from __future__ import annotations

from typing import TypedDict


class Texts(TypedDict):
    """The texts of one language."""

    title_condition: str
    title_organs: str
    subtitle_condition: str
    subtitle_organs: str
    unresolved: str
    view: str
    key: str
    columns: tuple[str, str, str, str, str, str]
    feet: dict[str, str]
    steps_heading: str
    steps: tuple[str, ...]
    steps_after: str
    rules_heading: str
    rules: tuple[str, ...]
    contra_heading: str
    contra_intro: str
    contraindications: tuple[str, ...]
    contra_after: tuple[str, ...]
    disclaimer_heading: str
    disclaimer: str
    index_title: str
    index_intro: str
    index_page: str
    footer: str
    meta_subject: str
    continued: str
    continued_subtitle: str
    points_heading: str
    point_roles: dict[str, str]
    points_codes: str
    technique_subtitle: str
    technique_steps: str
    technique_cautions: str
    technique_cautions_intro: str
    technique_continued: str
    technique_meta: str


TEXTS: dict[str, dict[str, object]] = {  # texts() adds the self-massage steps
    "en": {
        "title_condition": "{name} \u2014 {system}",
        "title_organs": "{system}{sep}{names}",
        "subtitle_condition": (
            "The zones traditionally worked for this condition, after the condition table of "
            "the source text. Numbers on the map match the key below."
        ),
        "subtitle_organs": (
            "The reflex zones of the organs you asked about. Numbers on the map match the key "
            "below."
        ),
        "unresolved": "Also named for this, but not yet drawn in this atlas: {names}.",
        "view": "Soles as you see your own feet",
        "key": "Key to the map",
        "columns": ("No.", "Zone", "Organs", "Foot", "Aspect", "Where and how"),
        "feet": {"left": "left", "right": "right", "both": "both"},
        "steps_heading": "Self-massage, step by step",
        "rules_heading": "General rules",
        "rules": (
            "First walk barefoot for a few minutes, then soak the feet in warm water for 10 "
            "to 15 minutes.",
            "Sit comfortably with relaxed legs. Use warm hands; warm any cream or oil in your "
            "palms first.",
            "Work the whole of both feet, the sole most of all, from the toes towards the "
            "heel, warming each foot for at least three minutes.",
            "Press each toe gently rather than squeezing it; circle around the ankle bones.",
            "Alternate light touch, rubbing, gentle pinching and stroking.",
            "It should not hurt: hold a tender spot softly for about a minute until it eases, "
            "and stop if pain appears.",
        ),
        "contra_heading": "When not to massage",
        "contra_intro": "The source advises against foot massage with:",
        "contraindications": (
            "tumours or cancer of any kind",
            "acute inflammation, including inflamed joints",
            "infectious diseases, including tuberculosis",
            "varicose veins",
            "bleeding disorders (a tendency to form clots or to bleed)",
            "decompensated heart disease",
            "diabetic foot",
            "damaged skin, a fungal infection, warts or large moles where you would work",
            "an acute phase of a mental disorder",
        ),
        "contra_after": (
            "Pregnancy and breastfeeding: do not start without your doctor's approval.",
            "Children: massage only after a doctor has been consulted.",
        ),
        "disclaimer_heading": "Please note",
        "disclaimer": (
            "Reflexology is a traditional practice. It may complement medical care but does "
            "not replace it, and it is not a way to diagnose or treat disease. See a doctor "
            "about any health concern, and before you start if anything listed under "
            "\u201cWhen not to massage\u201d applies to you."
        ),
        "index_title": "Foot reflexology handouts",
        "index_intro": "For each condition: its map, the key to the map, the self-massage "
        "sequence and the contraindications.",
        "index_page": "page {n}",
        "footer": "footviz {version} \u00b7 atlas \u201c{atlas}\u201d, version {atlas_version}",
        "continued": "The self-massage steps and general rules are on the next page.",
        "continued_subtitle": (
            "Self-massage and general rules for the zones on the map of the previous page."
        ),
        "meta_subject": (
            "Foot reflexology handout: map and key of the reflex zones, self-massage steps, "
            "contraindications"
        ),
        "points_heading": "Acupoints on the map",
        "point_roles": {  # the source's three roles; keyed by role, "other" for none
            "exciting": "exciting point: the meridian's tonification point",
            "calming": "calming point: the meridian's sedation point",
            "harmonising": "harmonising point: where the meridian starts or ends",
            "other": "other point",
        },
        "points_codes": "On the map: {codes}.",
        "technique_subtitle": (
            "A massage routine of the source text, step by step. In the diagrams (the left "
            "foot) arrows show the direction of a stroke, dots the places to press, in order, "
            "and loops the circling movements; work the right foot the same way, mirrored."
        ),
        "technique_steps": "Step by step",
        "technique_cautions": "Not for this routine",
        "technique_cautions_intro": "The source names these contraindications for this routine:",
        "technique_continued": "{name} (continued)",
        "technique_meta": (
            "Massage technique handout: {name}: steps with diagrams and doses, cautions, "
            "contraindications"
        ),
    },
    "ru": {
        "title_condition": "{name} \u2014 {system}",
        "title_organs": "{system}{sep}{names}",
        "subtitle_condition": (
            "Зоны, которые по традиции прорабатывают при этом состоянии, по таблице "
            "источника. Номера на карте соответствуют таблице ниже."
        ),
        "subtitle_organs": (
            "Рефлекторные зоны выбранных органов. Номера на карте соответствуют таблице ниже."
        ),
        "unresolved": "Также названы для этого случая, но пока не нанесены в атлас: {names}.",
        "view": "Подошвы так, как вы видите свои стопы",
        "key": "Пояснения к карте",
        "columns": ("№", "Зона", "Органы", "Стопа", "Поверхность", "Где и как"),
        "feet": {"left": "левая", "right": "правая", "both": "обе"},
        "steps_heading": "Самомассаж по шагам",
        "rules_heading": "Общие правила",
        "rules": (
            "Сначала несколько минут походите босиком, затем подержите ноги 10–15 минут в "
            "тёплой воде.",
            "Сядьте удобно, расслабив ноги. Руки должны быть тёплыми; крем или масло сначала "
            "согрейте в ладонях.",
            "Прорабатывайте всю поверхность обеих стоп, больше всего подошву, от пальцев к "
            "пятке; каждую стопу разогревайте не меньше трёх минут.",
            "Пальцы не сжимайте, а мягко надавливайте по одному; вокруг лодыжек работайте "
            "круговыми движениями.",
            "Чередуйте лёгкие касания, растирание, мягкие пощипывания и поглаживания.",
            "Боли быть не должно: чувствительную точку мягко удерживайте около минуты, пока "
            "ощущение не уйдёт; при боли остановитесь.",
        ),
        "contra_heading": "Когда массаж не проводят",
        "contra_intro": "По источнику, массаж стоп нежелателен при:",
        "contraindications": (
            "опухолях и онкологических заболеваниях любого вида",
            "остром воспалении, в том числе воспалении суставов",
            "инфекционных заболеваниях, в том числе туберкулёзе",
            "варикозном расширении вен",
            "нарушениях свёртываемости крови (склонности к тромбам или кровотечениям)",
            "декомпенсированных болезнях сердца",
            "диабетической стопе",
            "повреждениях кожи, грибковой инфекции, бородавках или крупных родинках в "
            "месте воздействия",
            "острой фазе психического расстройства",
        ),
        "contra_after": (
            "Беременность и кормление грудью: не начинайте без одобрения врача.",
            "Детям массаж делают только после консультации с врачом.",
        ),
        "disclaimer_heading": "Обратите внимание",
        "disclaimer": (
            "Рефлексотерапия — традиционная практика. Она может дополнять медицинскую "
            "помощь, но не заменяет её и не служит способом диагностики или лечения "
            "болезней. С любыми жалобами на здоровье обращайтесь к врачу, а также перед "
            "началом, если к вам относится что-либо из раздела «Когда массаж не проводят»."
        ),
        "index_title": "Памятки по рефлексотерапии стоп",
        "index_intro": "Для каждого состояния: карта, пояснения к ней, порядок самомассажа "
        "и противопоказания.",
        "index_page": "стр. {n}",
        "footer": "footviz {version} \u00b7 атлас \u00ab{atlas}\u00bb, версия {atlas_version}",
        "continued": "Порядок самомассажа и общие правила — на следующей странице.",
        "continued_subtitle": (
            "Самомассаж и общие правила для зон, показанных на карте предыдущей страницы."
        ),
        "meta_subject": (
            "Памятка по рефлексотерапии стоп: карта и пояснения к зонам, порядок самомассажа, "
            "противопоказания"
        ),
        "points_heading": "Точки на карте",
        "point_roles": {
            "exciting": "возбуждающая точка: точка тонизации меридиана",
            "calming": "успокаивающая точка: точка седации меридиана",
            "harmonising": "гармонизирующая точка: начало или конец меридиана",
            "other": "другая точка",
        },
        "points_codes": "На карте: {codes}.",
        "technique_subtitle": (
            "Методика массажа из источника, по шагам. На схемах (левая стопа) стрелки "
            "показывают направление движения, точки — места надавливания по порядку, петли — "
            "круговые движения; правую стопу прорабатывайте так же, зеркально."
        ),
        "technique_steps": "По шагам",
        "technique_cautions": "Когда эту методику не применяют",
        "technique_cautions_intro": "Источник называет для этой методики такие противопоказания:",
        "technique_continued": "{name} (продолжение)",
        "technique_meta": (
            "Памятка по методике массажа: {name}: шаги со схемами и дозировкой, ограничения, "
            "противопоказания"
        ),
    },
}


#: The texts that name the practice, for atlases of another practice than reflexology (the
#: defaults in :data:`TEXTS` are reflexology's).  Su Jok is a traditional practice too: its
#: pages keep the disclaimer, in its own name.
PRACTICES: dict[str, dict[str, dict[str, str]]] = {
    "sujok": {
        "en": {
            "subtitle_organs": (
                "The Su Jok correspondence zones of the organs and body parts you asked about. "
                "Numbers on the map match the key below."
            ),
            "disclaimer": (
                "Su Jok is a traditional practice. It may complement medical care but does not "
                "replace it, and it is not a way to diagnose or treat disease. See a doctor "
                "about any health concern, and before you start if anything listed under "
                "\u201cWhen not to massage\u201d applies to you."
            ),
            "index_title": "Su Jok handouts for the foot",
            "meta_subject": (
                "Su Jok handout for the foot: map and key of the correspondence zones, "
                "self-massage steps, contraindications"
            ),
        },
        "ru": {
            "subtitle_organs": (
                "Зоны соответствия Су Джок для выбранных органов и частей тела. Номера на "
                "карте соответствуют таблице ниже."
            ),
            "disclaimer": (
                "Су Джок — традиционная практика. Она может дополнять медицинскую помощь, но "
                "не заменяет её и не служит способом диагностики или лечения болезней. С "
                "любыми жалобами на здоровье обращайтесь к врачу, а также перед началом, "
                "если к вам относится что-либо из раздела «Когда массаж не проводят»."
            ),
            "index_title": "Памятки по Су Джок на стопе",
            "meta_subject": (
                "Памятка по Су Джок на стопе: карта и пояснения к зонам соответствия, "
                "порядок самомассажа, противопоказания"
            ),
        },
    },
}


def practice(atlas: object) -> str:
    """The practice an atlas's pages name: ``"sujok"`` for the Su Jok atlases (by name, or a
    tradition that says Su Jok), else ``"reflexology"``."""
    name = str(getattr(atlas, "name", "") or "").casefold()
    info = getattr(atlas, "info", None)
    tradition = str(info.get("tradition", "")) if isinstance(info, dict) else ""
    if name.startswith("sujok") or tradition.casefold().startswith("su jok"):
        return "sujok"
    return "reflexology"


def texts(lang: str, practice: str = "reflexology") -> Texts:
    """The handout texts in ``lang`` ("en" or "ru"), the self-massage steps included, with
    the wording of ``practice`` (see :func:`practice`)."""
    from ..atlas.model import check_choice
    from ..atlas.techniques import technique
    from ..atlas.vocabulary import LANGUAGES

    lang = check_choice("language", lang, LANGUAGES)
    sequence = technique("self-massage")
    words = dict(TEXTS[lang])
    words.update(PRACTICES.get(practice, {}).get(lang, {}))
    words["steps"] = tuple(step.text(lang) for step in sequence.steps)
    words["steps_after"] = sequence.after(lang)
    return words  # type: ignore[return-value]
