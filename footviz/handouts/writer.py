"""Writing pages to PDF, PNG or SVG: atomically and byte-for-byte reproducibly."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .._version import __version__

FORMATS: tuple[str, ...] = ("pdf", "png", "svg")
PDF_METADATA = {
    "Creator": "footviz",
    "Producer": f"footviz {__version__}",
    "CreationDate": None,
    "ModDate": None,
}
# text drawn without hinting is laid out exactly as the page measured it, at any resolution
RC = {
    "svg.hashsalt": "footviz",
    "pdf.fonttype": 42,
    "svg.fonttype": "path",
    "text.hinting": "none",
}


def output_format(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The format to write: ``fmt`` if given, else from the file suffix."""
    from ..model import check_choice

    if fmt is None:
        suffix = Path(path).suffix.lstrip(".").casefold()
        if not suffix:
            raise ValueError(f"cannot tell the format of {str(path)!r}: use .pdf, .png or .svg")
        fmt = suffix
    return check_choice("format", fmt.casefold() if isinstance(fmt, str) else fmt, FORMATS)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` only on success."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise FileNotFoundError(f"directory {str(directory)!r} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # as open() would create it, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def save_figure(
    fig: Any, target: Path, fmt: str, dpi: float, metadata: dict[str, str] | None = None
) -> None:
    """Save one figure deterministically.  ``metadata`` may hold ``Title`` and ``Subject``:
    a PDF keeps both, PNG and SVG store the subject as their ``Description``."""
    import matplotlib

    extra = dict(metadata or {})
    described = {k if k != "Subject" else "Description": v for k, v in extra.items()}
    with matplotlib.rc_context(RC):
        if fmt == "pdf":
            fig.savefig(target, format="pdf", metadata={**PDF_METADATA, **extra})
        elif fmt == "svg":
            meta = {"Date": None, "Creator": "footviz", **described}
            fig.savefig(target, format="svg", metadata=meta)
        else:
            meta = {"Software": None, **described}
            fig.savefig(target, format="png", dpi=dpi, metadata=meta)


def save_pdf_pages(
    pages: list[Callable[[], Any]], target: Path, metadata: dict[str, str] | None = None
) -> None:
    """Write a multi-page PDF; each item of ``pages`` makes one figure when called."""
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    meta = {**PDF_METADATA, **(metadata or {})}
    with matplotlib.rc_context(RC), PdfPages(target, metadata=meta) as pdf:
        for make in pages:
            pdf.savefig(make())
