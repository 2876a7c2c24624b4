"""Real Chromium pages taking the load test's steps through the widgets, as a visitor would.

The agent sessions of ``scripts/loadtest.py`` measure the server; these pages measure what a
browser waits for as well: the messages over the websocket and the page redrawn. Each step is
timed from the click or key press until the server's message that the script has finished
its run reaches the page, and the page has settled. The message is read off the page's
websocket: the attribute Streamlit sets on the app while a script runs can miss a quick run,
whose start and end the page draws in one go. The pages share one thread and take their
steps in turn.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from playwright.sync_api import Page, WebSocket, sync_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.browser.harness import launch_chromium

_SETTLED = "[data-testid='stApp'][data-test-script-state='notRunning'] [data-testid='stMain'] h1"
TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class Visitor:
    """A page and the websocket its app session talks over."""

    page: Page
    socket: WebSocket


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
        visitors = []
        for _ in range(count):
            page = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
            started = time.perf_counter()
            try:
                with page.expect_websocket(timeout=TIMEOUT_MS) as socket:
                    page.goto(url)
                page.wait_for_selector(_SETTLED, timeout=TIMEOUT_MS)
                tally.add("open", time.perf_counter() - started, None)
                visitors.append(Visitor(page, socket.value))
            except Exception as error:  # any failure is an error to count
                tally.add("open", 0.0, f"browser open: {error}")
        step = 0
        while visitors and time.monotonic() < until:
            action = steps[step % len(steps)]
            for visitor in visitors:
                _timed(visitor, action, tally)
            step += 1
            time.sleep(0.5)  # a reader's pause between changes
        browser.close()


def _timed(visitor: Visitor, action: dict[str, object], tally: Recorder) -> None:
    name = json.dumps(action, sort_keys=True)
    started = time.perf_counter()
    try:
        if "page" in action:
            _rerun(visitor, lambda: _open_page(visitor.page, str(action["page"])))
        else:
            widgets = action["widget_state"]
            assert isinstance(widgets, dict)
            for key, value in widgets.items():
                _set_widget(visitor, key, value)
        tally.add(name, time.perf_counter() - started, None)
    except Exception as error:  # any failure is an error to count
        tally.add(name, 0.0, f"browser {name}: {str(error).splitlines()[0]}")


def _rerun(visitor: Visitor, act: Any) -> None:
    """Do ``act`` and wait until the app has run its script to the end once more."""
    with visitor.socket.expect_event("framereceived", _run_finished, timeout=TIMEOUT_MS):
        act()
    visitor.page.wait_for_selector(_SETTLED, timeout=TIMEOUT_MS)


def _run_finished(payload: str | bytes) -> bool:
    """Whether a message from the server says a script run has ended (not cut short by the
    next one)."""
    if isinstance(payload, str):
        return False
    message = ForwardMsg.FromString(payload)
    return (
        message.WhichOneof("type") == "script_finished"
        and message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN
    )


def _open_page(page: Page, path: str) -> None:
    link = page.locator(f"[data-testid='stTopNavLink'][href$='/{path}']").first
    link.click()


def _set_widget(visitor: Visitor, key: str, value: object) -> None:
    """Give the widget with ``key`` the value, as a visitor would; no rerun if it has it."""
    page = visitor.page
    box = page.locator(f".st-key-{key}").first
    box.locator("input, [role='radio'], [role='tab']").first.wait_for(timeout=TIMEOUT_MS)
    slider = box.locator("input[type='range']")
    if slider.count():
        _set_slider(visitor, slider.first, float(str(value)))
    elif box.locator("input[type='checkbox']").count():
        checkbox = box.locator("input[type='checkbox']").first
        if checkbox.is_checked() != bool(value):
            _rerun(visitor, lambda: box.locator("label").first.click())
    elif box.locator("input[type='number']").count():
        field = box.locator("input[type='number']").first
        if float(field.input_value() or "nan") != float(str(value)):
            field.fill(f"{value}")
            _rerun(visitor, lambda: field.press("Enter"))
    elif box.get_by_role("combobox").count():  # a select box
        combo = box.get_by_role("combobox").first
        if combo.input_value() != str(value):
            combo.focus()
            combo.press("ArrowDown")  # opens the list, as a keyboard user would
            option = page.get_by_role("option").filter(has_text=str(value)).first
            _rerun(visitor, option.click)
    elif box.get_by_role("tab").count():  # tabs: the part of the page to open
        tab = box.get_by_role("tab", name=str(value), exact=True).first
        if tab.get_attribute("aria-selected") != "true":
            _rerun(visitor, tab.click)
    else:  # radio buttons and segmented controls: a labelled choice
        choice = box.get_by_role("radio", name=str(value), exact=True).first
        if not choice.is_checked():
            _rerun(visitor, lambda: box.get_by_text(str(value), exact=True).first.click())


def _set_slider(visitor: Visitor, slider: Any, value: float) -> None:
    """Click the slider's track where the value lies, as a mouse user would."""
    low, high = float(slider.get_attribute("min")), float(slider.get_attribute("max"))
    if float(slider.input_value()) == value:
        return
    # The range input sits in the thumb, and the thumb on the track.
    track = slider.locator("xpath=../../..").bounding_box()
    assert track is not None
    fraction = (value - low) / (high - low) if high > low else 0.0
    x = track["x"] + fraction * track["width"]
    _rerun(visitor, lambda: visitor.page.mouse.click(x, track["y"] + track["height"] / 2))
