"""A real browser for the web view: Playwright driving Debian's headless Chromium.

The browser tests use it, and the build can call :func:`save_screenshot` to leave a picture of
a rendered page beside it. Playwright is a test dependency, so it is imported only when used.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from teiwright.errors import TeiwrightError
from teiwright.fileio import write_bytes

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def chromium_path() -> str | None:
    """Debian's Chromium, where it is installed; None when it is not."""
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return shutil.which("chromium")


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser (Playwright ``Browser``), closed on exit."""
    executable = chromium_path()
    if executable is None:
        raise TeiwrightError("Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise TeiwrightError("Playwright is not installed (pip install playwright)") from None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot(page_file: Path, *, browser: Any = None, width: int = 1100,
               height: int = 900) -> bytes:
    """A PNG of a rendered HTML file as Chromium shows it, first screen only.

    ``browser`` reuses a running Playwright browser (Playwright allows one per thread).
    """
    if browser is None:
        with chromium() as own:
            return screenshot(page_file, browser=own, width=width, height=height)
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(page_file.resolve().as_uri())
        png: bytes = page.screenshot(full_page=False)
    finally:
        page.close()
    return png


def save_screenshot(page_file: Path, target: Path, *, force: bool = False,
                    browser: Any = None) -> None:
    """Write ``target`` (PNG) showing ``page_file``; for ``make demo`` to leave in ``out/``."""
    write_bytes(target, screenshot(page_file, browser=browser), force=force)
