"""Real Chromium pages taking the load test's steps through the widgets, as a visitor would.

The agent sessions of ``scripts/loadtest.py`` measure the server; these pages measure what a
browser waits for as well: the messages over the websocket and the page redrawn. Each step is
timed from the click or key press until the app says its script has run again (the
``data-test-script-state`` attribute Streamlit sets on the app, as its own end-to-end tests
read it). The pages share one thread and take their steps in turn.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any, Protocol

from playwright.sync_api import Page, sync_playwright

from tests.browser.harness import launch_chromium

# Set before each action: resolves when the script has started and finished one more run.
_WATCH_RERUN = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  window.__rerunDone = false;
  let started = false;
  const watch = new MutationObserver(() => {
    const state = app.getAttribute("data-test-script-state");
    if (state === "running") started = true;
    if (started && state === "notRunning") { watch.disconnect(); window.__rerunDone = true; }
  });
  watch.observe(app, {attributes: true, attributeFilter: ["data-test-script-state"]});
}"""
_SETTLED = "[data-testid='stApp'][data-test-script-state='notRunning'] [data-testid='stMain'] h1"
TIMEOUT_MS = 60_000


class Recorder(Protocol):
    def add(self, step: str, seconds: float, error: str | None) -> None: ...


def browser_visitors(
    url: str, count: int, until: float, tally: Recorder, steps: Sequence[dict[str, object]]
) -> None:
    """``count`` pages open ``url`` and take ``steps`` in turn until ``until`` (monotonic)."""
    if count < 1:
        return
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        pages = []
        for _ in range(count):
            page = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
            started = time.perf_counter()
            try:
                page.goto(url)
                page.wait_for_selector(_SETTLED, timeout=TIMEOUT_MS)
                tally.add("open", time.perf_counter() - started, None)
                pages.append(page)
            except Exception as error:  # any failure is an error to count
                tally.add("open", 0.0, f"browser open: {error}")
        step = 0
        while pages and time.monotonic() < until:
            action = steps[step % len(steps)]
            for page in pages:
                _timed(page, action, tally)
            step += 1
            time.sleep(0.5)  # a reader's pause between changes
        browser.close()


def _timed(page: Page, action: dict[str, object], tally: Recorder) -> None:
    name = json.dumps(action, sort_keys=True)
    started = time.perf_counter()
    try:
        if "page" in action:
            _rerun(page, lambda: _open_page(page, str(action["page"])))
        else:
            widgets = action["widget_state"]
            assert isinstance(widgets, dict)
            for key, value in widgets.items():
                _set_widget(page, key, value)
        tally.add(name, time.perf_counter() - started, None)
    except Exception as error:  # any failure is an error to count
        tally.add(name, 0.0, f"browser {name}: {str(error).splitlines()[0]}")


def _rerun(page: Page, act: Any) -> None:
    """Do ``act`` and wait until the app has run its script once more."""
    page.evaluate(_WATCH_RERUN)
    act()
    page.wait_for_function("() => window.__rerunDone === true", timeout=TIMEOUT_MS)


def _open_page(page: Page, path: str) -> None:
    link = page.locator(f"[data-testid='stTopNavLink'][href$='/{path}']").first
    link.click()


def _set_widget(page: Page, key: str, value: object) -> None:
    """Give the widget with ``key`` the value, as a visitor would; no rerun if it has it."""
    box = page.locator(f".st-key-{key}").first
    box.locator("input, [role='radio'], [role='tab']").first.wait_for(timeout=TIMEOUT_MS)
    slider = box.locator("input[type='range']")
    if slider.count():
        _set_slider(page, slider.first, float(str(value)))
    elif box.locator("input[type='checkbox']").count():
        checkbox = box.locator("input[type='checkbox']").first
        if checkbox.is_checked() != bool(value):
            _rerun(page, lambda: box.locator("label").first.click())
    elif box.locator("input[type='number']").count():
        field = box.locator("input[type='number']").first
        if float(field.input_value() or "nan") != float(str(value)):
            field.fill(f"{value}")
            _rerun(page, lambda: field.press("Enter"))
    elif box.get_by_role("combobox").count():  # a select box
        combo = box.get_by_role("combobox").first
        if combo.input_value() != str(value):
            combo.focus()
            combo.press("ArrowDown")  # opens the list, as a keyboard user would
            option = page.get_by_role("option").filter(has_text=str(value)).first
            _rerun(page, option.click)
    elif box.get_by_role("tab").count():  # tabs: the part of the page to open
        tab = box.get_by_role("tab", name=str(value), exact=True).first
        if tab.get_attribute("aria-selected") != "true":
            _rerun(page, tab.click)
    else:  # radio buttons and segmented controls: a labelled choice
        choice = box.get_by_role("radio", name=str(value), exact=True).first
        if not choice.is_checked():
            _rerun(page, lambda: box.get_by_text(str(value), exact=True).first.click())


def _set_slider(page: Page, slider: Any, value: float) -> None:
    """Click the slider's track where the value lies, as a mouse user would."""
    low, high = float(slider.get_attribute("min")), float(slider.get_attribute("max"))
    if float(slider.input_value()) == value:
        return
    # The range input sits in the thumb, and the thumb on the track.
    track = slider.locator("xpath=../../..").bounding_box()
    assert track is not None
    fraction = (value - low) / (high - low) if high > low else 0.0
    x = track["x"] + fraction * track["width"]
    _rerun(page, lambda: page.mouse.click(x, track["y"] + track["height"] / 2))
