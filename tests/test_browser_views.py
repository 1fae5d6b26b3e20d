"""The web view in a real browser: Playwright driving Debian's headless Chromium.

Skipped only where Chromium is truly absent and we are not in CI; in CI a missing browser fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import IN_CI, ROOT, SEED_TEI
from teiwright.render import write_html
from teiwright.render.browser import chromium, chromium_path, save_screenshot
from teiwright.render.site import write_site

pytestmark = pytest.mark.browser
FIXTURE = ROOT / "tests" / "fixtures" / "views" / "d163-registers.xml"
NOTE_2 = "A memorandum of conversation, December 12, 10:30 a.m.–1:30 p.m."


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if chromium_path() is None:
        if IN_CI:
            pytest.fail("Chromium is missing in CI: scripts/ensure-chromium should install it")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with chromium() as instance:
        yield instance


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """Open a rendered file; afterwards, fail on any console error or uncaught exception."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    errors: list[str] = []

    def opener(html: Path, fragment: str = "") -> Any:
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(html.resolve().as_uri() + fragment)
        return page

    yield opener
    context.close()
    assert errors == []


@pytest.fixture(scope="module")
def seed_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("web") / "d163.html"
    write_html(SEED_TEI, target)
    return target


@pytest.fixture(scope="module")
def fixture_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("web") / "d163-registers.html"
    write_html(FIXTURE, target)
    return target


def tab_to(page: Any, selector: str, limit: int = 60) -> None:
    """Press Tab until keyboard focus reaches the element (as a keyboard user would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_note_reference_opens_a_popup_on_focus_and_focus_comes_back(
        open_page: Any, seed_html: Path) -> None:
    page = open_page(seed_html)
    popup = page.locator("#tw-popup")
    assert popup.is_hidden()
    tab_to(page, "#ref-d163fn2")
    assert popup.is_visible()
    assert popup.inner_text().startswith(NOTE_2)
    assert page.get_attribute("#ref-d163fn2", "aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert popup.is_hidden()
    page.keyboard.press("Enter")  # follow the reference: focus moves to the note
    page.wait_for_function("document.activeElement.id === 'd163fn2'")
    assert page.evaluate("location.hash") == "#d163fn2"
    tab_to(page, "a.backref", limit=12)  # past the names inside the note, to its back-link
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#ref-d163fn2"
    page.keyboard.press("Enter")  # and back to the reference
    page.wait_for_function("document.activeElement.id === 'ref-d163fn2'")
    assert popup.is_visible() and popup.inner_text().startswith(NOTE_2)


def test_hover_shows_the_note_and_the_popup_can_be_entered(open_page: Any,
                                                           seed_html: Path) -> None:
    page = open_page(seed_html)
    page.hover("#ref-d163fn2")
    popup = page.locator("#tw-popup")
    assert popup.is_visible() and NOTE_2 in popup.inner_text()
    page.hover("#tw-popup")  # WCAG 1.4.13: the pointer may move onto the pop-up
    page.wait_for_timeout(400)
    assert popup.is_visible()
    page.mouse.move(5, 5)
    page.wait_for_timeout(400)
    assert popup.is_hidden()


def test_hovering_thieu_shows_the_register_entry(open_page: Any, fixture_html: Path) -> None:
    page = open_page(fixture_html)
    page.locator("a.person", has_text="Thieu").first.hover()
    popup = page.locator("#tw-popup")
    assert popup.is_visible()
    assert popup.inner_text().split("\n")[0] == "Nguyen Van Thieu"
    assert "President of the Republic of Vietnam" in popup.inner_text()
    page.locator("a.term", has_text="DMZ").first.hover()
    assert "Demilitarized Zone" in popup.inner_text()


def test_hovering_thieu_in_the_seed_shows_its_register(open_page: Any, seed_html: Path) -> None:
    page = open_page(seed_html)
    page.locator("a.person", has_text="Thieu").first.hover()
    popup = page.locator("#tw-popup")
    assert popup.is_visible() and "President of the Republic of Vietnam" in popup.inner_text()
    page.keyboard.press("Escape")
    assert popup.is_hidden()


def test_real_frus_document_shows_its_volume_register(open_page: Any, corpus: Path,
                                                      tmp_path: Path) -> None:
    volume = corpus / "frus1964-68v02"
    target = tmp_path / "d1.html"
    write_html(volume / "d1.xml", target, registers=[volume / "persons.xml",
                                                     volume / "terms.xml"])
    page = open_page(target)
    page.locator("a.person", has_text="Thieu").first.hover()
    text = page.locator("#tw-popup").inner_text()
    assert text.startswith("Nguyen Van Thieu") and "Armed Forces Council" in text


def test_page_594_marker_stands_in_the_margin_where_the_page_begins(
        open_page: Any, seed_html: Path) -> None:
    page = open_page(seed_html, "#pg_594")
    marker = page.locator("#pg_594")
    assert marker.inner_text() == "[Page 594]"
    box = marker.bounding_box()
    text_left = page.locator("article p").first.bounding_box()["x"]
    assert box["x"] + box["width"] <= text_left  # in the margin, not in the text
    line = page.evaluate("""() => {
        const node = document.getElementById('pg_594').nextSibling;
        const range = document.createRange();
        range.setStart(node, 0); range.setEnd(node, 'from concessions'.length);
        return range.getBoundingClientRect().toJSON();
    }""")
    assert abs((box["y"] + box["height"] / 2) - (line["y"] + line["height"] / 2)) < line["height"]
    assert page.evaluate("window.scrollY") > 0  # the anchor took the reader there


def test_labelled_lists_lay_out_as_label_and_text(open_page: Any, corpus: Path,
                                                   tmp_path: Path) -> None:
    target = tmp_path / "d133.html"
    write_html(corpus / "frus1961-63v01" / "d133.xml", target)  # a page break between items
    page = open_page(target)
    boxes = page.evaluate("""() => [...document.querySelectorAll(
        'dl.labelled > dt, dl.labelled > dd:not(.pb-item)')]
        .map(e => [e.tagName, e.getBoundingClientRect().width])""")
    assert len(boxes) > 20
    assert all(width < 80 for tag, width in boxes if tag == "DT")
    assert all(300 < width < 800 for tag, width in boxes if tag == "DD")


def contrast(page: Any, selector: str) -> float:
    return float(page.evaluate("""(selector) => {
        const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const fg = lum(rgb(getComputedStyle(document.querySelector(selector)).color));
        const bg = lum(rgb(getComputedStyle(document.body).backgroundColor));
        return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    }""", selector))


def test_text_links_and_markers_have_enough_contrast(open_page: Any, seed_html: Path) -> None:
    page = open_page(seed_html)
    assert page.get_attribute("html", "lang") == "en"
    for selector in ("p", "a.noteref", ".pb", ".source-line", ".masthead .volume"):
        assert contrast(page, selector) >= 4.5, selector


def test_site_pages_work_in_the_browser(open_page: Any, tmp_path: Path, corpus: Path) -> None:
    write_site(corpus / "frus1961-63v01", tmp_path / "site")
    page = open_page(tmp_path / "site" / "index.html")
    page.click("text=Telegram From the Embassy in Vietnam to the Department of State >> nth=0")
    assert page.url.endswith("frus1961-63v01-d133.html")
    page.click("a[rel=next]")
    assert page.url.endswith("frus1961-63v01-d134.html")
    page.locator("a.person").first.hover()
    assert page.locator("#tw-popup").is_visible()
    page.click("nav.site >> text=Persons")
    harriman = page.locator("#frus1961-63v01-p_HWA1")
    assert "Harriman" in harriman.inner_text()
    harriman.locator(".mentions a").first.click()
    assert "#d133-m" in page.url or "#d13" in page.url
    assert page.evaluate("document.getElementById(location.hash.slice(1)) !== null")


def test_screenshot_is_saved(seed_html: Path, tmp_path: Path, browser: Any) -> None:
    target = tmp_path / "d163.png"
    save_screenshot(seed_html, target, browser=browser)
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
