"""Writing handout pages to PDF, PNG or SVG, through the one figure writer.

Pages are saved by :func:`footviz.render.output.savefig` and
:func:`~footviz.render.output.save_pages`, so a handout gets the same atomic write, file
mode, metadata and compression as a map, whether the API or the command line writes it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._internal.atomic import Target, check_target, is_path, target_name

FORMATS: tuple[str, ...] = ("pdf", "png", "svg")
# text drawn without hinting is laid out exactly as the page measured it, at any resolution
RC = {"text.hinting": "none", "pdf.fonttype": 3, "svg.fonttype": "path"}


def output_format(path: Target, fmt: str | None = None) -> str:
    """The format to write: ``fmt`` if given, else from the file suffix."""
    from ..atlas.model import check_choice

    check_target(path)
    if fmt is None:
        name = target_name(path) if is_path(path) else ""
        suffix = Path(name).suffix.lstrip(".").casefold()
        if not suffix:
            where = repr(name) if is_path(path) else "a file object"
            raise ValueError(f"cannot tell the format of {where}: use .pdf, .png or .svg")
        fmt = suffix
    return check_choice("format", fmt.casefold() if isinstance(fmt, str) else fmt, FORMATS)


def _described(metadata: dict[str, str] | None, fmt: str) -> dict[str, str]:
    """``Title`` and ``Subject`` as the format stores them: a PDF keeps both, PNG and SVG call
    the subject their ``Description``."""
    extra = dict(metadata or {})
    if fmt == "pdf":
        return extra
    return {k if k != "Subject" else "Description": v for k, v in extra.items()}


def save_figure(
    fig: Any, target: Target, fmt: str, dpi: float, metadata: dict[str, str] | None = None
) -> Target:
    """Save one page figure (``dpi`` applies to PNG); ``metadata`` may hold ``Title`` and
    ``Subject``."""
    from ..render.output import savefig

    kwargs: dict[str, Any] = {"dpi": dpi} if fmt == "png" else {}
    meta = _described(metadata, fmt)
    return savefig(fig, target, format=fmt, rc=RC, metadata=meta, **kwargs)


def save_pdf_pages(
    pages: list[Callable[[], Any]], target: Target, metadata: dict[str, str] | None = None
) -> Target:
    """Write a multi-page PDF; each item of ``pages`` makes one figure when called."""
    from ..render.output import save_pages

    return save_pages(pages, target, rc=RC, metadata=metadata)
