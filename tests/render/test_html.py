"""The interactive HTML page of a map, read as text (the browser tests are in test_web.py)."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt

import footviz
from footviz.render.html import CSP


def test_the_page_holds_svg_style_script_and_a_tooltip_and_loads_nothing(tmp_path):
    fm = footviz.plot(highlight="migraine", lang="ru")
    out = tmp_path / "map.html"
    page = fm.to_html(out)
    assert out.read_text(encoding="utf-8") == page
    assert page.startswith("<!DOCTYPE html>") and '<html lang="ru">' in page
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert "default-src 'none'" in CSP
    assert page.count("<svg") == 1 and page.count('role="tooltip"') == 1
    assert page.count('class="fv-zone ') == sum(len(v) for v in fm.artists.shapes.values())
    # nothing that could fetch: no src/href/url() pointing outside the page
    assert not re.search(r"""(src|href)\s*=\s*["'](?!#|data:)""", page)
    assert not re.search(r"url\((?!#|data:)", page)
    assert "@import" not in page
    # responsive: the root svg has a viewBox and no fixed size
    svg = re.search(r"<svg\b[^>]*>", page).group(0)
    assert "viewBox=" in svg and " width=" not in svg and " height=" not in svg
    assert 'data-organs-word="Органы"' in page


def test_same_map_same_page():
    assert footviz.plot(feet="left").to_html() == footviz.plot(feet="left").to_html()


def test_notebook_html_is_the_fragment_and_only_for_a_map_footviz_shows():
    fm = footviz.plot(feet="left", values={"kidney": 1})
    html = fm._repr_html_()
    assert html.startswith("<style>") and "<!DOCTYPE" not in html
    assert 'data-values="true"' in html and html.count('class="fv-map"') == 1
    fm.close()
    assert fm._repr_html_() is None  # closed
    _, ax = plt.subplots()
    mine = footviz.plot(feet="left", ax=ax)
    assert mine._repr_html_() is None  # the caller's figure: the caller shows it
    assert footviz.FootMap()._repr_html_() is None  # nothing drawn
