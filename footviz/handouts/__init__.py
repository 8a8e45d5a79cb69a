"""Print-ready handouts: a page for a condition of the source's table or for chosen organs.

>>> import footviz
>>> footviz.handout("migraine", path="migraine.pdf")  # doctest: +SKIP

Each page holds the title, both soles with the relevant zones highlighted and numbered, a key
table, the self-massage sequence and general rules, the contraindications and a disclaimer;
English or Russian, A4 or Letter, written as PDF, PNG or SVG.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from .._internal.checks import check_names
from ..atlas import Atlas, load_atlas
from ..atlas.model import check_choice
from ..atlas.vocabulary import LANGUAGES
from ..errors import BadTypeError, BadValueError, ConflictError, UnknownNameError
from .content import PRACTICES, TEXTS, practice, texts
from .page import (
    PAGES,
    HandoutPage,
    PageOverflow,
    check_page,
    compose,
    compose_continuation,
    plan_subject,
)
from .subject import (
    KeyRow,
    PointRow,
    Subject,
    condition_subject,
    organs_subject,
    with_points,
)

__all__ = [
    "PAGES",
    "PRACTICES",
    "TEXTS",
    "HandoutPage",
    "KeyRow",
    "PageOverflow",
    "PointRow",
    "Subject",
    "compose",
    "compose_continuation",
    "condition_subject",
    "document_metadata",
    "handout",
    "organs_subject",
    "plan_subject",
    "practice",
    "subjects",
    "texts",
    "with_points",
]


def subjects(
    what: str | Iterable[str],
    atlas: Atlas | None = None,
    lang: str = "en",
    *,
    organs: bool | None = None,
    title: str | None = None,
) -> list[Subject]:
    """Resolve ``what`` into the pages it asks for.

    A condition name gives one page; a list of condition names gives one page each; a list
    of organ, zone or group names gives one page for all of them.  ``organs=True`` forces
    the organ reading (``False`` the condition reading).
    """
    atlas = atlas or load_atlas()
    lang = check_choice("language", lang, LANGUAGES, "lang")
    names = check_names("what", what)  # a condition, organ, zone or group name, or several
    if organs is None:
        is_condition = [_is_condition(atlas, n) for n in names]
        if all(is_condition):
            organs = False
        elif not any(is_condition):
            organs = True
        else:
            mixed = [n for n, c in zip(names, is_condition, strict=True) if c]
            raise ConflictError(
                "what",
                f"mix of condition and organ names ({', '.join(map(repr, mixed))} are "
                "conditions): make one handout per kind",
            )
    if organs:
        return [organs_subject(atlas, names, lang, title)]
    seen = list(dict.fromkeys(atlas.condition(n).id for n in names))
    return [condition_subject(atlas, cid, lang) for cid in seen]


def _is_condition(atlas: Atlas, name: str) -> bool:
    from ..errors import UnknownNameError

    try:
        atlas.condition(name)
    except UnknownNameError:
        return False
    return True


def handout(
    what: str | Sequence[str] | None = None,
    path: str | os.PathLike[str] | IO[bytes] = "handout.pdf",
    page: str = "A4",
    lang: str = "en",
    *,
    atlas: Atlas | None = None,
    format: str | None = None,
    organs: bool | None = None,
    title: str | None = None,
    dpi: float = 200,
    points: Any = None,
    technique: str | None = None,
) -> Path | IO[bytes]:
    """Write a print-ready handout and return its path.

    Give ``what`` (a condition or organs page) or ``technique`` (a technique's steps), not
    both.

    Parameters
    ----------
    what : str or sequence of str
        A condition of the source's table (``"migraine"``, ``"Обмороки"``), several
        conditions (a multi-page PDF: an index page, then one page each), or organ, zone
        or group names (``["heart", "liver"]``: one page).  A technique's name here is an
        error that points to ``technique=``.
    path : path-like or binary file object
        Output file; written atomically (a temporary file beside it, then a rename), with
        the mode ``open()`` gives.  A file object (``io.BytesIO()``) needs ``format=``.
    page : {"A4", "Letter"}
        Portrait page size.
    lang : {"en", "ru"}
        Language of the whole page.
    atlas : Atlas, optional
        Defaults to the built-in atlas.
    format : {"pdf", "png", "svg"}, optional
        Defaults to the suffix of ``path``.  PNG and SVG hold a single page.
    organs : bool, optional
        Force reading ``what`` as organ names (True) or condition names (False).
    title : str, optional
        Title of an organs page (conditions use their name).
    dpi : float
        Resolution of PNG output.
    points : True, name or sequence of names, optional
        Acupoints drawn on the map, as ``plot(points=...)`` takes them: True for all, a
        meridian (``"kidney"``), point codes or names (``["KI1", "Taichong"]``) or a role
        (``"calming"``).  The map adds the sides of the foot they show on; the page lists
        them under "Acupoints on the map" with a line per role shown (its marker and
        meaning) and each point's code, name and note (names only, then codes only, when
        the page is full).
    technique : str, optional
        A technique of :func:`footviz.techniques` (``"self-massage"``, ``"classical"``,
        ``"heel-spur"``, ``"hallux-valgus"``, or a name or synonym: ``"heel spur"``): its
        title, introduction, numbered steps each with a small diagram
        (:func:`footviz.render.technique.draw_step`), its text and dose, the technique's
        contraindications, the source's contraindications and the disclaimer, on as many
        pages as it needs (PNG and SVG only when it fits one).  ``title=`` replaces the
        technique's name as title; ``organs=`` and ``points=`` do not apply.

    Returns
    -------
    pathlib.Path, or the file object given
    """
    from .index import index_page
    from .textflow import Measure
    from .writer import output_format, save_figure, save_pdf_pages

    atlas = atlas or load_atlas()
    lang = check_choice("language", lang, LANGUAGES, "lang")
    fmt = output_format(path, format)
    if technique is not None:
        return _technique_handout(
            what, technique, path, page, lang, atlas, fmt, organs, title, dpi, points
        )
    if what is None:
        raise BadValueError(
            "what",
            what,
            "a condition ('migraine'), organ names (['heart', 'liver']) or technique=",
        )
    try:
        pages = subjects(what, atlas, lang, organs=organs, title=title)
    except UnknownNameError as exc:
        named = _technique_named(atlas, what)
        if named is None:
            raise
        raise ConflictError(
            "what",
            f"{what!r} is a technique, not a condition or organ: use technique={named!r}",
        ) from exc
    pages = [with_points(atlas, p, points) for p in pages]
    page = check_page(page)
    path = Path(path) if isinstance(path, (str, os.PathLike)) else path  # or a binary file
    m = Measure()
    plans = [plan_subject(m, atlas, subject, page) for subject in pages]
    if len(pages) > 1 and fmt != "pdf":
        raise ConflictError(
            "format",
            f"{len(pages)} conditions make a multi-page handout; write it as .pdf, not .{fmt}",
        )
    if plans[0].continued and fmt != "pdf":
        raise ConflictError(
            "format",
            f"{pages[0].title!r} needs two {page} pages to keep its text readable (at least "
            f"8 pt); write it as .pdf, not .{fmt}",
        )
    meta = document_metadata(pages, atlas, lang)
    if len(pages) == 1 and not plans[0].continued:
        with compose(pages[0], atlas, page, plan=plans[0]) as composed:  # freed once saved
            return save_figure(composed.figure, path, fmt, dpi, metadata=meta)
    first = 1 if len(pages) == 1 else 2  # a multi-condition handout opens with an index
    starts = [first]
    for plan in plans[:-1]:
        starts.append(starts[-1] + (2 if plan.continued else 1))
    total = starts[-1] + (2 if plans[-1].continued else 1) - 1
    makers = []
    if len(pages) > 1:
        makers.append(lambda: index_page(pages, atlas, page, lang, total, starts))
    for subject, plan, n in zip(pages, plans, starts, strict=True):
        makers.append(
            lambda subject=subject, plan=plan, n=n: (
                compose(subject, atlas, page, f"{n}/{total}", plan).figure
            )
        )
        if plan.continued:
            makers.append(
                lambda subject=subject, n=n: (
                    compose_continuation(subject, atlas, page, f"{n + 1}/{total}").figure
                )
            )
    return save_pdf_pages(makers, path, metadata=meta)


def _technique_named(atlas: Atlas, what: object) -> str | None:
    """The id of the technique ``what`` names, if it is one name of a technique."""
    if not isinstance(what, str):
        return None
    try:
        return atlas.technique(what).id
    except (UnknownNameError, LookupError):
        return None


def _technique_handout(
    what, name, path, page, lang, atlas, fmt, organs, title, dpi, points
) -> Path | IO[bytes]:
    """:func:`handout` with ``technique=``: its checks, plan and pages."""
    from .techpage import compose_technique_page, plan_technique, technique_title
    from .textflow import Measure
    from .writer import save_figure, save_pdf_pages

    for param, value, why in (
        ("what", what, "give a condition or organs page (what=) or a technique page"),
        ("points", points, "a technique handout has no map of zones to draw points on"),
        ("organs", organs, "a technique handout has no organs to read"),
    ):
        if value is not None:
            raise ConflictError(
                param, f"{why}; technique={name!r} cannot be combined with {param}="
            )
    if not isinstance(name, str):
        raise BadTypeError("technique", name, "a technique name ('heel-spur')")
    tech = atlas.technique(name)  # UnknownNameError with close spellings
    page = check_page(page)
    path = Path(path) if isinstance(path, (str, os.PathLike)) else path
    plan = plan_technique(Measure(), tech, lang, page, atlas, title)
    total = len(plan)
    if total > 1 and fmt != "pdf":
        raise ConflictError(
            "format",
            f"{tech.name(lang)!r} needs {total} {page} pages; write it as .pdf, not .{fmt}",
        )
    words = texts(lang, practice(atlas))
    shown = title if title is not None else technique_title(tech, lang)
    meta = {"Title": shown, "Subject": words["technique_meta"].format(name=tech.name(lang))}
    if total == 1:
        with compose_technique_page(plan, 0, atlas) as composed:
            return save_figure(composed.figure, path, fmt, dpi, metadata=meta)
    makers = [
        lambda i=i: compose_technique_page(plan, i, atlas, f"{i + 1}/{total}").figure
        for i in range(total)
    ]
    return save_pdf_pages(makers, path, metadata=meta)


def document_metadata(pages: Sequence[Subject], atlas: Atlas, lang: str) -> dict[str, str]:
    """``Title`` and ``Subject`` of a handout file, in its language: a single page's title,
    or the index title and the conditions of a multi-page handout."""
    words = texts(lang, practice(atlas))
    if len(pages) == 1:
        return {"Title": pages[0].title, "Subject": words["meta_subject"]}
    names = ", ".join(atlas.condition(p.ident).name(lang) for p in pages)
    return {"Title": words["index_title"], "Subject": f"{words['meta_subject']}. {names}"}


class _CallableModule(sys.modules[__name__].__class__):
    """``import footviz.handout`` binds this module as ``footviz.handout``; calling it still
    writes a handout, so ``footviz.handout("migraine", ...)`` works either way."""

    def __call__(self, *args, **kwargs):
        return handout(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
