"""The exported HTML map in a real browser: headless Chromium driven by Selenium.

Skipped when Chromium, its driver or Selenium is missing, except in CI (``CI=true``), where
that is a failure: CI installs Debian's ``chromium`` and ``chromium-driver`` (see .ci/run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest

import footviz
from footviz.render.svg import zone_id

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
WIDTH, HEIGHT = 1200, 1000


def _need(what: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} is missing: CI must run the browser tests (see .ci/run)")
    pytest.skip(f"needs {what}")


def _binary(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _need("selenium")
    chromium = _binary("chromium", "chromium-browser")
    driver_path = _binary("chromedriver")
    if chromium is None or driver_path is None:
        _need("Chromium and chromedriver (apt-get install chromium chromium-driver)")
    profile = tempfile.mkdtemp(prefix="footviz-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={WIDTH},{HEIGHT}")
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A map of both feet with values (tooltips show them), exported with the CLI."""
    out = tmp_path_factory.mktemp("web")
    values = out / "values.csv"
    values.write_text("zone,value\nkidney,3\nheart,1\nliver,2\n", encoding="utf-8")
    page = out / "map.html"
    done = subprocess.run(
        [sys.executable, "-m", "footviz", "export", "--values", str(values), "-o", str(page)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    fm = footviz.plot(values={"kidney": 3.0, "heart": 1.0, "liver": 2.0})
    assert fm.to_html() == page.read_text(encoding="utf-8")  # the CLI writes to_html's page
    return fm, page


def _open(driver, page: Path, width: int = WIDTH) -> None:
    driver.set_window_size(width, HEIGHT)
    driver.get(page.as_uri())
    driver.execute_script(
        "window.fvEvents = [];"
        "document.querySelector('.fv-map').addEventListener('footviz:select',"
        " function (e) { window.fvEvents.push(e.detail); });"
    )


def _svg_points(fm, xy_chart: np.ndarray) -> np.ndarray:
    """Chart mm to the SVG's user units (points of the figure, y down), as the SVG is made."""
    fig, ax = fm.figure, fm.ax
    px = ax.transData.transform(xy_chart) * 72.0 / fig.dpi
    px[:, 1] = fig.get_size_inches()[1] * 72.0 - px[:, 1]
    return px


def _chart_points(fm, svg_xy: np.ndarray) -> np.ndarray:
    fig, ax = fm.figure, fm.ax
    px = np.array(svg_xy, dtype=float)
    px[:, 1] = fig.get_size_inches()[1] * 72.0 - px[:, 1]
    return ax.transData.inverted().transform(px * fig.dpi / 72.0)


def _client(driver, svg_xy) -> list[list[float]]:
    """SVG user units to the page's client (viewport) pixels, by the svg's own matrix."""
    return driver.execute_script(
        "var svg = document.querySelector('.fv-map svg'), m = svg.getScreenCTM();"
        "return arguments[0].map(function (p) {"
        " var q = new DOMPoint(p[0], p[1]).matrixTransform(m); return [q.x, q.y]; });",
        [list(map(float, p)) for p in svg_xy],
    )


def _interior(fm, zone: str, foot: str) -> tuple[float, float]:
    """Client pixel of a point well inside the visible part of a zone."""
    from footviz.render.paths import visible_geometry

    shapes = fm.artists.shapes[foot]
    geom = visible_geometry(shapes)[zone]
    inner = geom.buffer(-1.5)
    p = (inner if not inner.is_empty else geom).representative_point()
    panel = fm.layout.panel(foot)
    cx, cy = panel.to_chart(p.x, p.y)
    return _svg_points(fm, np.array([[float(cx), float(cy)]]))[0]


def _move(driver, x: float, y: float, click: bool = False) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    actions = ActionChains(driver)
    ActionBuilder(driver, mouse=actions.w3c_actions.pointer_action.source)
    actions.w3c_actions.pointer_action.move_to_location(round(x), round(y))
    if click:
        actions.w3c_actions.pointer_action.click()
    actions.perform()


def _tooltip(driver) -> str | None:
    return driver.execute_script(
        "var t = document.querySelector('.fv-map [role=tooltip]');"
        "return t.hidden ? null : t.textContent;"
    )


def test_missing_browser_skips_on_a_users_machine_and_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser tests"):
        _need("Chromium")
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception, match="needs Chromium"):
        _need("Chromium")


def test_every_zone_is_an_element(browser, exported):
    fm, page = exported
    _open(browser, page)
    ids = browser.execute_script(
        "return Array.from(document.querySelectorAll('.fv-map .fv-zone'), e => e.id);"
    )
    want = [zone_id(s.zone.id, f, s.aspect) for f in fm.feet for s in fm.artists.shapes[f]]
    assert ids == want
    assert len(ids) == sum(len(fm.atlas.shapes(f, "plantar")) for f in ("left", "right"))


@pytest.mark.parametrize(
    ("zone", "foot"),
    [("kidney", "left"), ("heart", "left"), ("liver", "right"), ("brain", "right")],
)
def test_hover_shows_zone_organs_and_value(browser, exported, zone, foot):
    fm, page = exported
    _open(browser, page)
    ((x, y),) = _client(browser, [_interior(fm, zone, foot)])
    _move(browser, x, y)
    text = _tooltip(browser)
    z = fm.atlas.zone(zone)
    assert text is not None
    assert text.startswith(f"{z.label('en')} ({foot.capitalize()} foot)")
    for organ in z.organs:
        assert fm.atlas.organ(organ).name("en") in text
    value = {"kidney": "3", "heart": "1", "liver": "2"}.get(zone, "no data")
    assert text.endswith(f"Value: {value}")
    _move(browser, 2, 2)  # off the map: the tooltip goes
    assert _tooltip(browser) is None


def test_click_selects_and_dispatches_the_event(browser, exported):
    fm, page = exported
    _open(browser, page)
    ((x, y),) = _client(browser, [_interior(fm, "kidney", "right")])
    _move(browser, x, y, click=True)
    events = browser.execute_script("return window.fvEvents;")
    organs = list(fm.atlas.zone("kidney").organs)
    names = [fm.atlas.organ(o).name("en") for o in organs]
    assert events == [{"zone": "kidney", "foot": "right", "aspect": "plantar", "organs": names}]
    selected = browser.execute_script(
        "return Array.from(document.querySelectorAll('.fv-selected'), e => e.id);"
    )
    assert selected == ["fv-kidney-right-plantar"]
    # its outline is drawn over the whole map (over highlight outlines too), never hit
    ring = browser.execute_script(
        "var svg = document.querySelector('.fv-map svg');"
        "var r = svg.querySelector('.fv-selected-ring');"
        "return [r.getAttribute('d'), Array.from(svg.children).indexOf(r) - svg.children.length,"
        " getComputedStyle(r).pointerEvents];"
    )
    d = browser.execute_script(
        "return document.getElementById('fv-kidney-right-plantar').getAttribute('d');"
    )
    assert ring == [d, -2, "none"]  # the hover ring is the last
    # the selection keeps the zone's colour: only the outline changes
    fill = browser.execute_script(
        "return getComputedStyle(document.getElementById('fv-kidney-right-plantar')).fill;"
    )
    drawn = fm.artists.facecolor("kidney", "right")[:3] * 255
    got = [float(v) for v in fill[fill.index("(") + 1 : -1].split(",")[:3]]
    assert np.allclose(got, drawn, atol=1.0)


def test_tab_and_enter_select_a_zone(browser, exported):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    fm, page = exported
    _open(browser, page)
    shapes = fm.artists.shapes["left"]
    ActionChains(browser).send_keys(Keys.TAB).perform()
    first = browser.execute_script("return document.activeElement.id;")
    assert first == zone_id(shapes[0].zone.id, "left", "plantar")
    ActionChains(browser).send_keys(Keys.TAB).perform()
    second = browser.execute_script("return document.activeElement.id;")
    assert second == zone_id(shapes[1].zone.id, "left", "plantar")
    assert _tooltip(browser).startswith(shapes[1].zone.label("en"))  # focus shows it too
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    events = browser.execute_script("return window.fvEvents;")
    assert [(e["zone"], e["foot"]) for e in events] == [(shapes[1].zone.id, "left")]
    label = browser.execute_script("return document.activeElement.getAttribute('aria-label');")
    assert label == f"{shapes[1].zone.label('en')} (Left foot)"


def _footviz_zone(fm, cx: float, cy: float) -> str | None:
    where = fm.to_foot(cx, cy)
    if where is None:
        return None
    panel, fx, fy = where
    hit = fm.atlas.hit(fx, fy, foot=panel.foot, aspect=panel.aspect)
    return None if hit is None else f"{hit.primary.zone.id}/{panel.foot}"


def _near_a_border(fm, cx: float, cy: float, mm: float) -> bool:
    from shapely.geometry import Point

    where = fm.to_foot(cx, cy)
    if where is None:
        return False
    panel, fx, fy = where
    p = Point(fx, fy)
    return any(
        s.geometry.boundary.distance(p) < mm for s in fm.atlas.shapes(panel.foot, panel.aspect)
    )


@pytest.mark.parametrize("width", [WIDTH, 640])
def test_the_browser_hits_the_zone_footviz_hits(browser, exported, width):
    """elementFromPoint over a grid of client pixels agrees with FootMap.to_foot + atlas.hit,
    at any page width (the viewBox scales the paths, and the hit areas with them)."""
    fm, page = exported
    _open(browser, page, width)
    rows = browser.execute_script(
        "var svg = document.querySelector('.fv-map svg'), r = svg.getBoundingClientRect();"
        "var inv = svg.getScreenCTM().inverse(), out = [];"
        "for (var i = 0; i < 60; i++) { for (var j = 0; j < 45; j++) {"
        " var x = r.left + (i + 0.5) * r.width / 60, y = r.top + (j + 0.5) * r.height / 45;"
        " if (y > window.innerHeight - 1) { continue; }"
        " var e = document.elementFromPoint(x, y);"
        " var z = e && e.classList.contains('fv-zone') ?"
        "   e.getAttribute('data-zone') + '/' + e.getAttribute('data-foot') : null;"
        " var q = new DOMPoint(x, y).matrixTransform(inv); out.push([q.x, q.y, z]); } }"
        "return [out, r.width];"
    )
    points, shown_width = rows
    assert len(points) > 1500
    svg_xy = np.array([p[:2] for p in points])
    chart = _chart_points(fm, svg_xy)
    mm_per_px = (fm.figure.get_size_inches()[0] * 72.0 / shown_width) / (
        abs(_svg_points(fm, np.array([[1.0, 0.0]]))[0, 0] - _svg_points(fm, np.zeros((1, 2)))[0, 0])
    )
    on_zones = wrong = 0
    for (cx, cy), (_, _, got) in zip(chart, points, strict=True):
        want = _footviz_zone(fm, cx, cy)
        on_zones += want is not None
        if got != want:
            wrong += 1
            assert _near_a_border(fm, cx, cy, 1.5 * mm_per_px), (cx, cy, got, want)
    assert on_zones > 300
    assert wrong <= 0.01 * len(points)


def test_the_page_makes_no_request(browser, exported):
    _, page = exported
    _open(browser, page)
    entries = browser.execute_script("return performance.getEntriesByType('resource').length;")
    assert entries == 0
    # the page's policy blocks any request a script might try
    blocked = browser.execute_async_script(
        "var done = arguments[0];"
        "document.addEventListener('securitypolicyviolation',"
        " function (e) { done(e.blockedURI); });"
        "var img = new Image(); img.src = 'http://127.0.0.1:9/probe.png';"
        "setTimeout(function () { done(null); }, 3000);"
    )
    assert blocked == "http://127.0.0.1:9/probe.png"


def test_the_example_page_logs_what_the_embedded_map_posts(browser, tmp_path):
    """examples/web: index.html embeds the exported map and logs its postMessage selections."""
    from selenium.webdriver.support.ui import WebDriverWait

    for name in ("index.html", "map.html"):
        shutil.copy(ROOT / "examples" / "web" / name, tmp_path / name)
    browser.set_window_size(WIDTH, HEIGHT)
    browser.get((tmp_path / "index.html").as_uri())
    frame = browser.find_element("id", "map")
    browser.switch_to.frame(frame)
    try:
        WebDriverWait(browser, 10).until(
            lambda d: d.execute_script("return document.querySelectorAll('.fv-zone').length")
        )
        browser.execute_script(
            "document.getElementById('fv-heart-left-plantar')"
            ".dispatchEvent(new MouseEvent('click', {bubbles: true}));"
        )
    finally:
        browser.switch_to.default_content()
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return document.querySelectorAll('#log li').length")
    )
    logged = browser.execute_script(
        "var li = document.querySelector('#log li'); return [li.dataset.zone, li.dataset.foot];"
    )
    assert logged == ["heart", "left"]
