"""The Compare page's first render in Chromium against a one-chart Streamlit page beside it.

Both apps are served at once on loopback and opened in turn, each time in a new browser
context (nothing cached), until the script has run and every chart on the page is drawn.
The time is the page's own clock from navigation start, so it includes loading Streamlit's
scripts, the websocket, the script run and drawing: what a visitor waits for.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from tests.browser.harness import ALL_CHARTS_DRAWN, launch_chromium, serve_app

HERE = Path(__file__).resolve().parent
ROUNDS = 7


def first_render_ms(browser: Browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(ALL_CHARTS_DRAWN, timeout=60_000, polling="raf")
        return float(page.evaluate("() => performance.now()"))
    finally:
        context.close()


def compare_page_against_one_chart() -> tuple[list[float], list[float]]:
    """Milliseconds to the first full render of each, in alternating rounds after a warm-up."""
    app_times: list[float] = []
    yardstick_times: list[float] = []
    with (
        serve_app() as app,
        serve_app(script=HERE / "one_chart_app.py") as yardstick,
        sync_playwright() as playwright,
    ):
        browser = launch_chromium(playwright)
        first_render_ms(browser, app.url)  # each server's first run imports and reads data
        first_render_ms(browser, yardstick.url)
        for _ in range(ROUNDS):
            app_times.append(first_render_ms(browser, app.url))
            yardstick_times.append(first_render_ms(browser, yardstick.url))
        browser.close()
    return app_times, yardstick_times


def report() -> None:
    app_times, yardstick_times = compare_page_against_one_chart()
    app_ms, yardstick_ms = statistics.median(app_times), statistics.median(yardstick_times)
    ratio = app_ms / yardstick_ms
    verdict = "meets" if ratio <= 1.2 else "MISSES"
    print(
        f"{'first render in Chromium: Compare page / one-chart page':<62} "
        f"{app_ms:.0f} ms / {yardstick_ms:.0f} ms = {ratio:.2f}× (n={ROUNDS} each)"
        f"  target ≤ 1.2×: {verdict}"
    )
