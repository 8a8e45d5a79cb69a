"""A page's lines of text written into a PDF as matplotlib writes them, with less font work.

matplotlib's PDF renderer lays a string out with its font (HarfBuzz shaping: glyphs,
advances, kerning) and then loads every glyph's outline, which a PDF never reads: the
embedded fonts are built from the glyphs recorded, later and once per glyph.  Loading the
outlines takes about a third of a handout page's time.  :func:`draw_line` writes exactly the
operators ``RendererPdf.draw_text`` writes for a line (same layout, same recorded glyphs, same
bytes) without loading them.

It mirrors matplotlib's own ``draw_text`` of the versions in :data:`MIRRORED` and uses the
renderer's private helpers, so it runs only there, only on matplotlib's own PDF renderer, and
only for plain TrueType text (no core fonts, no links); everywhere else matplotlib draws the
text.  tests/handouts/test_pdftext.py checks that whole pages come out byte for byte as
matplotlib's ``draw_text`` writes them.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

#: matplotlib versions (major, minor) whose ``RendererPdf.draw_text`` this module mirrors
MIRRORED: tuple[tuple[int, int], ...] = ((3, 11),)
_STATE: dict[str, Any] = {}


def _pdf_renderer() -> type | None:
    """matplotlib's ``RendererPdf`` when its ``draw_text`` is the one mirrored, else None."""
    if "class" not in _STATE:
        import matplotlib as mpl

        version = tuple(int(p) for p in mpl.__version__.split(".")[:2] if p.isdigit())
        cls = None
        if version in MIRRORED:
            from matplotlib.backends import backend_pdf

            needed = ("check_gc", "_get_font_ttf", "_setup_textpos", "_encode_glyphs")
            if all(hasattr(backend_pdf.RendererPdf, n) for n in needed):
                cls = backend_pdf.RendererPdf
        _STATE["class"] = cls
    return _STATE["class"]


def enabled() -> bool:
    """Whether :func:`draw_line` writes text itself with this matplotlib."""
    return _STATE.get("on", True) and _pdf_renderer() is not None


def set_enabled(on: bool) -> None:
    """Let :func:`draw_line` write text itself (``True``, the default) or always leave it to
    matplotlib (``False``: the reference the tests compare against)."""
    _STATE["on"] = bool(on)


def draw_line(renderer: Any, gc: Any, x: float, y: float, s: str, prop: Any, mtext: Any) -> bool:
    """Write ``s`` at ``(x, y)`` (points, unrotated) as ``renderer.draw_text(gc, x, y, s,
    prop, 0.0, ismath=False, mtext=mtext)`` writes it; return False, having written nothing,
    when this renderer or text is not one :func:`draw_line` handles (the caller then calls
    ``draw_text``)."""
    import matplotlib as mpl

    cls = _pdf_renderer()
    if cls is None or not _STATE.get("on", True):
        return False
    pdf = getattr(renderer.draw_text, "__self__", None)  # through a MixedModeRenderer too
    if type(pdf) is not cls:
        return False
    fonttype = mpl.rcParams["pdf.fonttype"]
    if mpl.rcParams["pdf.use14corefonts"] or fonttype not in (3, 42) or gc.get_url() is not None:
        return False
    _write(pdf, gc, x, y, s, prop, mtext, fonttype)
    return True


def _write(pdf: Any, gc: Any, x: float, y: float, s: str, prop: Any, mtext: Any, fonttype: int):
    """The TrueType branch of matplotlib 3.11's ``RendererPdf.draw_text`` at angle 0, with the
    font's layout taken as it is (no glyph outlines loaded)."""
    from matplotlib.backends.backend_pdf import Op
    from matplotlib.font_manager import FontPath
    from matplotlib.ft2font import LoadFlags

    pdf.check_gc(gc, gc._rgb)
    fontsize = prop.get_size_in_points()
    features = mtext.get_fontfeatures()
    language = mtext.get_language()
    font = pdf._get_font_ttf(prop)
    file = pdf.file
    output = file.output

    def output_singlebyte_chunk(kerns_or_chars: list) -> None:
        if not kerns_or_chars:
            return
        encode = pdf._encode_glyphs
        output(
            [
                (-1000 * next(group) / fontsize) if tp is float else encode(group, fonttype)
                for tp, group in itertools.groupby(kerns_or_chars, type)
            ],
            Op.showkern,
        )
        kerns_or_chars.clear()

    output(Op.gsave)
    a = math.radians(0.0)
    output(math.cos(a), math.sin(a), -math.sin(a), math.cos(a), x, y, Op.concat_matrix)
    chunk: list = []
    prev_font = None
    prev_start_x = 0
    output(Op.begin_text)
    tracker = file._character_tracker
    for item in font._layout(s, LoadFlags.NO_HINTING, features=features, language=language):
        subset, charcode = tracker.track_glyph(item.ft_object, item.char, item.glyph_index)
        if (item.ft_object, subset) != prev_font:
            output_singlebyte_chunk(chunk)
            font_path = FontPath(item.ft_object.fname, item.ft_object.face_index)
            output(file.fontName(font_path, subset), fontsize, Op.selectfont)
            pdf._setup_textpos(item.x, 0, 0, prev_start_x, 0, 0)
            prev_font = (item.ft_object, subset)
            prev_start_x = item.x
        if item.y:
            output_singlebyte_chunk(chunk)
            output(item.y, Op.textrise)
        if item.prev_kern:
            chunk.append(item.prev_kern)
        chunk.append(charcode)
        if item.y:
            output_singlebyte_chunk(chunk)
            output(0, Op.textrise)
    output_singlebyte_chunk(chunk)
    output(Op.end_text)
    output(Op.grestore)
