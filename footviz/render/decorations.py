"""What a map draws round its feet: title, legend, numbered key and colorbar.

On a figure of the map's own these take room from the axes (its position is set here); on a
caller's axes they go outside it (legend below, key to the right) or, for the colorbar, take
matplotlib's usual slice of it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import FootvizError
from .legend import system_handles
from .selection import HighlightSet
from .style import (
    CAPTIONS,
    EDGE_COLOUR,
    GREY_FILLS,
    HATCHES,
    NO_DATA_FACE,
    NO_DATA_HATCH,
    NO_DATA_HATCH_COLOUR,
)
from .theme import Theme
from .values import ZoneValues

__all__ = ["decorate", "fit_key", "legend_handles", "renderer_of", "set_label", "undecorate"]

KEY_SIZE = 6.0  # points: the key of a map drawn into the caller's axes (MIN_FONTSIZE)


def renderer_of(fig):
    """The figure's renderer (for text extents before drawing)."""
    try:
        return fig.canvas.get_renderer()
    except AttributeError:  # pragma: no cover - canvases without a cached renderer
        return fig._get_renderer()


def set_label(atlas, hs: HighlightSet, lang: str) -> str:
    """A readable legend entry: the display name of a condition, organ, group or zone."""
    if hs.named:
        return hs.name
    for finder in (atlas.condition, atlas.zone, atlas.organ, atlas.group):
        try:
            return finder(hs.name).name(lang)
        except FootvizError:  # not that kind of name
            continue
    return hs.name


def legend_handles(atlas, lang: str, greyscale: bool, sets, zv: ZoneValues | None, shapes):
    """Legend patches: highlight sets, else body systems; status colours and "no data"."""
    from matplotlib.patches import Patch

    words = CAPTIONS[lang]
    handles = []
    if sets:
        for hs in sets:
            handles.append(
                Patch(
                    facecolor=GREY_FILLS[hs.index % len(GREY_FILLS)] if greyscale else hs.colour,
                    edgecolor="black" if greyscale else hs.colour,
                    hatch=HATCHES[hs.index % len(HATCHES)] if greyscale else None,
                    linewidth=1.5,
                    label=set_label(atlas, hs, lang),
                )
            )
    elif zv is None and not greyscale:
        handles += system_handles(atlas, (s for ss in shapes.values() for s in ss), lang)
    if zv is not None:
        if zv.categorical:
            for c in zv.categories:
                handles.append(Patch(facecolor=zv.colours[c], edgecolor=EDGE_COLOUR, label=c))
        if any(zv.get(s.key) is None for ss in shapes.values() for s in ss):
            handles.append(
                Patch(
                    facecolor=NO_DATA_FACE,
                    edgecolor=NO_DATA_HATCH_COLOUR,
                    hatch=NO_DATA_HATCH,
                    label=words["no_data"],
                )
            )
    return handles


def _themed(leg, theme: Theme):
    for t in leg.get_texts():
        t.set_color(theme.text)
    leg.get_title().set_color(theme.text)
    return leg


def decorate(
    out: Any,
    own: bool,
    handles: Sequence[Any],
    key_entries: Sequence[str],
    colouring: Any,
    colorbar: bool,
    value_label: str | None,
    *,
    lang: str,
    key_below: bool,
    theme: Theme,
) -> None:
    """Add the legend, the key and the colorbar to ``out`` (a MapArtists); on the map's own
    figure, fit the axes into the room they leave."""
    from matplotlib.cm import ScalarMappable
    from matplotlib.patches import Patch

    fig, ax, words = out.figure, out.ax, CAPTIONS[lang]
    if out.highlight_sets:
        title = words["highlighted"]
    elif out.values is not None:
        title = None
    else:
        title = words["systems"]
    renderer = renderer_of(fig)
    W, H = fig.bbox.width, fig.bbox.height  # pixels
    bottom_px, right_px = 6.0, 6.0
    if handles:
        ncol = min(5, len(handles))
        if own:
            while True:
                leg = fig.legend(
                    handles=handles,
                    loc="lower center",
                    ncol=ncol,
                    frameon=False,
                    fontsize=9,
                    title=title,
                    title_fontsize=9,
                )
                if ncol == 1 or leg.get_window_extent(renderer).width <= W - 12.0:
                    break
                leg.remove()  # wider than the figure: fewer columns
                ncol -= 1
            bottom_px += leg.get_window_extent(renderer).height + 4
        else:
            leg = ax.legend(
                handles=handles,
                loc="upper center",
                bbox_to_anchor=(0.5, 0.0),
                ncol=ncol,
                frameon=False,
                fontsize=8,
                title=title,
                title_fontsize=8,
            )
            ax.add_artist(leg)
        out.legend = _themed(leg, theme)
    if key_entries:
        blank = [Patch(visible=False) for _ in key_entries]
        kw = {
            "handles": blank,
            "labels": key_entries,
            "handlelength": 0,
            "handletextpad": 0,
            "frameon": False,
            "fontsize": 8,
            "title": words["key"],
            "title_fontsize": 9,
            "alignment": "left",
        }
        if own and key_below:
            key = fig.legend(loc="lower center", bbox_to_anchor=(0.5, bottom_px / H), ncol=2, **kw)
            bottom_px += key.get_window_extent(renderer).height + 4
        elif own:
            key = fig.legend(loc="center right", **kw)
            right_px += key.get_window_extent(renderer).width + 6
        else:  # inside the caller's axes, under the map: placed by fit_key once laid out
            kw |= {"fontsize": KEY_SIZE, "title_fontsize": KEY_SIZE + 1}
            key = ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), **kw)
            ax.add_artist(key)
        out.key = _themed(key, theme)
    numeric = out.values is not None and not out.values.categorical
    if own:
        top_px = 0.6 * fig.dpi
        cb_px = 0.95 * fig.dpi if (colorbar and numeric) else 0.0
        ax.set_position(
            (
                6.0 / W,
                bottom_px / H,
                1 - (12.0 + right_px + cb_px) / W,
                1 - (bottom_px + top_px) / H,
            )
        )
    if colorbar and colouring.mapped and numeric:
        sm = ScalarMappable(norm=colouring.norm, cmap=colouring.cmap)
        if own:
            pos = ax.get_position(original=True)
            cax = fig.add_axes(
                (
                    pos.x1 + 0.15 * fig.dpi / W,
                    pos.y0 + 0.2 * pos.height,
                    0.16 * fig.dpi / W,
                    0.6 * pos.height,
                )
            )
            cb = fig.colorbar(sm, cax=cax)
        else:
            cb = fig.colorbar(sm, ax=ax, fraction=0.04, pad=0.02, shrink=0.7)
        if value_label:
            cb.set_label(value_label)
        out.colorbar = cb


def undecorate(out: Any) -> None:
    """Remove what :func:`decorate` added (before decorating again)."""
    for name in ("legend", "key", "colorbar"):
        artist = getattr(out, name)
        if artist is not None:
            artist.remove()
            setattr(out, name, None)


def key_entries(numbering: Mapping[int, tuple], lang: str) -> list[str]:
    """``"12  Kidney"`` lines of a numbered map's key, by number."""
    return [f"{n}  {numbering[n][0].zone.name(lang)}" for n in sorted(numbering) if numbering[n]]


def fit_key(out: Any, top: float, theme: Theme) -> None:
    """Put the key of a map drawn into the caller's axes under the map, its top at axes
    fraction ``top``, in as many columns as the axes width holds."""
    from matplotlib.patches import Patch

    ax, old = out.ax, out.key
    labels = [t.get_text() for t in old.get_texts()]
    title = old.get_title().get_text()
    old.remove()
    renderer = renderer_of(ax.figure)
    width = ax.get_window_extent(renderer).width
    kw = {
        "handles": [Patch(visible=False) for _ in labels],
        "labels": labels,
        "handlelength": 0,
        "handletextpad": 0,
        "frameon": False,
        "fontsize": KEY_SIZE,
        "title": title,
        "title_fontsize": KEY_SIZE + 1,
        "alignment": "left",
        "loc": "upper center",
        "bbox_to_anchor": (0.5, top),
        "bbox_transform": ax.transAxes,
        "columnspacing": 0.8,
        "labelspacing": 0.25,
        "borderpad": 0.2,
    }
    key = None
    for ncol in range(min(6, len(labels)), 0, -1):
        key = ax.legend(ncol=ncol, **kw)
        if ncol == 1 or key.get_window_extent(renderer).width <= width:
            break
        key.remove()
    ax.add_artist(key)
    out.key = _themed(key, theme)
