"""Text runs of a PDF page with their boxes, from what the PDF holds (for the handout tests).

The page's content stream (from pypdf) is tokenised and its text state followed operator by
operator (``cm``, ``q``/``Q``, ``BT``, ``Tf``, ``Td``, ``TD``, ``Tm``, ``T*``, ``Tc``, ``Tw``,
``TJ``, ``Tj``).  A run is one text-showing operator: it starts where the text matrix puts
it, advances by the embedded font's widths (``/W`` of the descendant font, or ``/Widths``)
and the ``TJ`` adjustments, and reaches from the font descriptor's descent to its ascent.
Its text comes from the font's ``/ToUnicode`` map.  (pypdf's ``visitor_text`` reports a run
with the text matrix of the run before it when matplotlib moves between runs with ``Td``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEX = re.compile(rb"<([0-9a-fA-F]+)>")
KERN_EM = 0.12  # DejaVu's tightest kerning pairs (quotes, "Te", ligatures) are below this


@dataclass(frozen=True)
class Run:
    """One run of text: its box in points from the page's lower left, and its font size."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    baseline: float

    def overlaps(self, other: Run, tol: float = 0.05) -> bool:
        """Whether the boxes overlap by more than ``tol`` points; neighbours on one line
        (same baseline and size) may overlap by a kerning pair's tightening, at most
        :data:`KERN_EM` of an em."""
        x_tol = tol
        if abs(self.baseline - other.baseline) < 0.01 and abs(self.size - other.size) < 0.01:
            x_tol = max(tol, KERN_EM * self.size)
        return (
            min(self.x1, other.x1) - max(self.x0, other.x0) > x_tol
            and min(self.y1, other.y1) - max(self.y0, other.y0) > tol
        )


def _unicode(hexes: bytes) -> str:
    return bytes.fromhex(hexes.decode()).decode("utf-16-be")


def _to_unicode(data: bytes) -> dict[int, str]:
    """code -> text of a ToUnicode CMap (bfchar and both forms of bfrange)."""
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        codes = _HEX.findall(block)
        for code, text in zip(codes[::2], codes[1::2], strict=True):
            out[int(code, 16)] = _unicode(text)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for line in block.strip().splitlines():
            first, last, *rest = _HEX.findall(line)
            lo, hi = int(first, 16), int(last, 16)
            if b"[" in line:
                for code, text in zip(range(lo, hi + 1), rest, strict=True):
                    out[code] = _unicode(text)
            else:
                base = _unicode(rest[0])
                for code in range(lo, hi + 1):
                    out[code] = base[:-1] + chr(ord(base[-1]) + code - lo)
    return out


def _cid_widths(w_array) -> dict[int, float]:
    out: dict[int, float] = {}
    items = [x.get_object() for x in w_array]
    i = 0
    while i < len(items):
        start = int(items[i])
        nxt = items[i + 1]
        if isinstance(nxt, list):
            for k, width in enumerate(nxt):
                out[start + k] = float(width)
            i += 2
        else:
            for code in range(start, int(nxt) + 1):
                out[code] = float(items[i + 2])
            i += 3
    return out


@dataclass(frozen=True)
class FontMetrics:
    widths: dict[int, float]  # code -> advance, in 1/1000 em
    default: float
    ascent: float
    descent: float
    text: dict[int, str]  # code -> characters
    two_byte: bool

    def codes(self, data: bytes) -> list[int]:
        if self.two_byte:
            return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data) - 1, 2)]
        return list(data)


def font_metrics(font) -> FontMetrics:
    """Advance widths by code, ascent, descent and text of a PDF font resource."""
    font = font.get_object()
    codes = _to_unicode(font["/ToUnicode"].get_data()) if "/ToUnicode" in font else {}
    if font["/Subtype"] == "/Type0":
        desc = font["/DescendantFonts"][0].get_object()
        widths = _cid_widths(desc.get("/W", []))
        default = float(desc.get("/DW", 1000))
        two_byte = True
    else:  # a simple font: one byte per character
        desc = font
        first = int(font["/FirstChar"])
        widths = {first + i: float(w) for i, w in enumerate(font["/Widths"])}
        default = 0.0
        two_byte = False
        codes = codes or {c: chr(c) for c in widths}
    fd = desc["/FontDescriptor"].get_object()
    return FontMetrics(
        widths, default, float(fd["/Ascent"]), float(fd["/Descent"]), codes, two_byte
    )


def _mult(m, n):
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


_TOKEN = re.compile(
    rb"\s*(?:(?P<str>\((?:\\.|[^\\()])*\))|(?P<hex><[0-9A-Fa-f\s]*>)|(?P<open>\[)|(?P<close>\])"
    rb"|(?P<name>/[^\s/\[\]()<>{}%]+)|(?P<num>[-+]?(?:\d+\.?\d*|\.\d+))"
    rb"|(?P<op>[A-Za-z'\"*][A-Za-z0-9'\"*]*)|(?P<dict><<|>>))",
    re.S,
)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _literal(raw: bytes) -> bytes:
    def unescape(m: re.Match) -> bytes:
        tail = m.group(1)
        if tail[:1].isdigit():
            return bytes([int(tail, 8) & 0xFF])
        return _ESCAPES.get(tail, tail)

    return re.sub(rb"\\([0-7]{1,3}|.)", unescape, raw[1:-1], flags=re.S)


def operations(data: bytes):
    """``(operands, operator)`` of a content stream: numbers, names, strings and arrays
    (no inline images or dictionaries, which matplotlib's page content does not use)."""
    operands: list = []
    stack: list[list] = []
    pos, end = 0, len(data.rstrip())
    while pos < end:
        m = _TOKEN.match(data, pos)
        if m is None:
            raise ValueError(
                f"cannot read the content stream at byte {pos}: {data[pos : pos + 20]!r}"
            )
        pos = m.end()
        kind = m.lastgroup
        target = stack[-1] if stack else operands
        if kind == "str":
            target.append(_literal(m.group(kind)))
        elif kind == "hex":
            target.append(bytes.fromhex(re.sub(rb"\s", b"", m.group(kind)[1:-1]).decode()))
        elif kind == "open":
            stack.append([])
        elif kind == "close":
            done = stack.pop()
            (stack[-1] if stack else operands).append(done)
        elif kind == "name":
            target.append(m.group(kind).decode())
        elif kind == "num":
            target.append(float(m.group(kind)))
        elif kind == "op":
            yield operands, m.group(kind).decode()
            operands = []
        else:
            raise ValueError("dictionaries in page content are not expected")


def _text_state_ops(data: bytes) -> bytes:
    """The text objects of a content stream, and the graphics state operators (``q``,
    ``Q``, ``cm``) between them: paths, colours and images are dropped before tokenising
    (matplotlib's strings in text objects hold no bare ``ET``)."""
    out: list[bytes] = []
    pos = 0
    while True:
        start = data.find(b"BT", pos)
        gap = data[pos:] if start < 0 else data[pos:start]
        tokens = gap.split()  # no strings outside text objects
        for i, tok in enumerate(tokens):
            if tok in (b"q", b"Q"):
                out.append(tok)
            elif tok == b"cm":
                out.append(b" ".join(tokens[i - 6 : i + 1]))
        if start < 0:
            return b"\n".join(out)
        stop = data.find(b"ET", start)
        out.append(data[start : stop + 2])
        pos = stop + 2


def page_runs(page) -> list[Run]:
    """Every run of visible text on a pypdf page, with its box in points."""
    fonts = page["/Resources"].get_object()["/Font"].get_object()
    metrics: dict[str, FontMetrics] = {}
    runs: list[Run] = []
    ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack: list = []
    tm = lm = ctm
    font: FontMetrics | None = None
    size = 0.0
    char_space = word_space = leading = 0.0

    def show(items) -> None:
        nonlocal tm
        text, advance = [], 0.0  # advance in text space (points before the matrices)
        lead_skip: float | None = None
        visible_end = 0.0
        for item in items:
            if isinstance(item, (int, float)):
                advance -= float(item) / 1000.0 * size
                continue
            for code in font.codes(item):
                ch = font.text.get(code, "\ufffd")
                w = font.widths.get(code, font.default) / 1000.0 * size + char_space
                if ch == " ":
                    w += word_space
                if ch.strip():
                    if lead_skip is None:
                        lead_skip = advance
                    visible_end = advance + font.widths.get(code, font.default) / 1000.0 * size
                text.append(ch)
                advance += w
        m = _mult(tm, ctm)
        assert abs(m[1]) < 1e-9 and abs(m[2]) < 1e-9, "rotated or skewed text"
        if lead_skip is not None:
            x = m[4] + lead_skip * m[0]
            y = m[5]
            height = size * m[3]
            runs.append(
                Run(
                    "".join(text).strip(),
                    x,
                    y + font.descent / 1000.0 * height,
                    m[4] + visible_end * m[0],
                    y + font.ascent / 1000.0 * height,
                    size * m[0],
                    y,
                )
            )
        tm = _mult((1.0, 0.0, 0.0, 1.0, advance, 0.0), tm)

    for operands, op in operations(_text_state_ops(page.get_contents().get_data())):
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop()
        elif op == "cm":
            ctm = _mult(tuple(float(v) for v in operands), ctm)
        elif op == "BT":
            tm = lm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        elif op == "Tf":
            name = operands[0]
            if name not in metrics:
                metrics[name] = font_metrics(fonts[name])
            font, size = metrics[name], float(operands[1])
        elif op in ("Td", "TD"):
            tx, ty = float(operands[0]), float(operands[1])
            if op == "TD":
                leading = -ty
            tm = lm = _mult((1.0, 0.0, 0.0, 1.0, tx, ty), lm)
        elif op == "Tm":
            tm = lm = tuple(float(v) for v in operands)
        elif op == "T*":
            tm = lm = _mult((1.0, 0.0, 0.0, 1.0, 0.0, -leading), lm)
        elif op == "TL":
            leading = float(operands[0])
        elif op == "Tc":
            char_space = float(operands[0])
        elif op == "Tw":
            word_space = float(operands[0])
        elif op == "Tz":
            assert float(operands[0]) == 100.0, "horizontally scaled text"
        elif op == "TJ":
            show(operands[0])
        elif op == "Tj":
            show([operands[0]])
        elif op in ("'", '"'):
            raise AssertionError(f"text operator {op!r} not expected in matplotlib output")
    return runs


def overlapping(runs: list[Run]) -> list[tuple[Run, Run]]:
    """Pairs of runs whose boxes overlap (a sweep over x)."""
    order = sorted(runs, key=lambda r: r.x0)
    pairs = []
    active: list[Run] = []
    for run in order:
        active = [r for r in active if r.x1 > run.x0]
        pairs.extend((r, run) for r in active if r.overlaps(run))
        active.append(run)
    return pairs
