"""Make docs/screenshot.png from the running app, as the README shows it.

Usage: .venv/bin/python -m scripts.screenshot   (or: make screenshot)
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.harness import ALL_CHARTS_DRAWN, ROOT, launch_chromium, serve_app, wait_for_app

OUTPUT = ROOT / "docs" / "screenshot.png"


def main(output: Path = OUTPUT) -> None:
    with serve_app() as served, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 1500})
        page.goto(served.url)
        wait_for_app(page)
        page.wait_for_function(ALL_CHARTS_DRAWN, timeout=60_000, polling="raf")
        output.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(output))
        browser.close()
    print(f"wrote {output.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
