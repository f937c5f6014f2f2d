"""Headless Debian chromium driven by Playwright, with the network cut off; for the browser
test and for docs/screenshot.py. Chromium comes from the system (`apt-get install chromium`),
never downloaded by a test tool."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
]


def chromium_path() -> str | None:
    found = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return found if found and Path(found).exists() else None


@contextmanager
def offline_page(width: int = 1400, height: int = 900):
    """A page whose every request other than file:// is refused and recorded in page.kg_blocked."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
            blocked: list[str] = []

            def guard(route):
                if route.request.url.startswith("file:"):
                    route.continue_()
                else:
                    blocked.append(route.request.url)
                    route.abort()

            context.route("**/*", guard)
            page = context.new_page()
            page.kg_blocked = blocked
            page.kg_errors = []
            page.on("console", lambda m: m.type == "error" and page.kg_errors.append(m.text))
            page.on("pageerror", lambda e: page.kg_errors.append(str(e)))
            page.on("dialog", lambda d: (page.kg_errors.append(f"dialog: {d.message}"), d.dismiss()))
            yield page
        finally:
            browser.close()


def open_graph_page(page, html: Path, timeout_ms: int = 120_000) -> None:
    """Load graph.html and wait until the layout has settled and physics stopped."""
    page.goto(Path(html).resolve().as_uri())
    page.wait_for_function("window.kgStable === true", timeout=timeout_ms)
