"""Every page audited with axe-core in Chromium (no serious or critical WCAG 2.2 AA
violations, on a desktop and a phone), and the app worked by keyboard alone."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.harness import ROOT, wait_for_app

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The WCAG 2.0, 2.1 and 2.2 A and AA rules the accessibility regulations ask for.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Total reward, with a payment the visitor does not qualify for: every section of Compare
WHAT_COUNTS = (
    "?view=Total+reward&qualified=1&offers=Oxfordshire%3A+Experienced+social+worker+%283%2B"
    "+years+post-qualifying%29+in+MASH%2C+FSP%2C+CWCF%2C+CWD+or+YJES&offers=Medway%3A+Social"
    "+worker+%28Level+1%2C+grade+SW2%29&assume.oxfordshire-social-worker.salary.top=40000"
)
PAGES = {
    "compare": "",
    "compare-total-reward": WHAT_COUNTS,
    "leaving": "leaving",
    "costs": "costs",
    "flips": "flips",
    "browse": "browse",
    "editor": "editor",
}
WITH_CHARTS = {"compare", "compare-total-reward", "leaving", "costs", "flips"}
MAX_TABS = 80


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make test` installs it with npm ci")
    return AXE.read_text(encoding="utf-8")


def open_settled(chromium, url: str, width: int):  # type: ignore[no-untyped-def]
    page = chromium.new_page(viewport={"width": width, "height": 900})
    page.goto(url)
    wait_for_app(page)
    page.locator("[data-testid='stMultiSelect']").first.wait_for(state="attached")
    # The app's own style (accessibility.css) arrives after the sidebar: wait until it holds
    page.wait_for_function(
        "() => [...document.querySelectorAll(\"[data-testid='stMultiSelect'] input\")]"
        ".every(e => e.getBoundingClientRect().width >= 24)"
    )
    return page


def wait_for_scroll_regions(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app's script (accessibility.js) has given each table that scrolls
    sideways its tab stop: it does so once the browser has laid the table out, which can be
    after the charts are drawn."""
    page.wait_for_function(
        "() => [...document.querySelectorAll(\"[data-testid='stTableStyledTable']\")]"
        ".map(table => table.parentElement)"
        ".filter(region => region.scrollWidth > region.clientWidth)"
        ".every(region => region.getAttribute('tabindex') === '0')"
    )


def serious_violations(page, axe_source: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.add_script_tag(content=axe_source)
    results = page.evaluate(
        "options => axe.run(document, options)",
        {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]},
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + json.dumps([node["target"] for node in v["nodes"][:5]])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_the_page_has_no_serious_accessibility_violations(
    chromium, app_url, axe_source, name, width
):
    page = open_settled(chromium, f"{app_url}/{PAGES[name]}", width)
    if name in WITH_CHARTS:
        page.locator("[data-testid='stVegaLiteChart'] svg.marks").first.wait_for(
            state="attached", timeout=15_000
        )
    wait_for_scroll_regions(page)
    problems = serious_violations(page, axe_source)
    page.close()
    assert not problems, "\n".join(problems)


def tab_to(page, accessible_name: str) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until the focused element's label, or its text after any icon's name, is
    ``accessible_name``."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " return (e.getAttribute('aria-label') || e.innerText || '').trim(); }"
        )
        if focused.split("\n")[-1] == accessible_name:
            return
    raise AssertionError(f"{accessible_name!r} not reached in {MAX_TABS} presses of Tab")


def test_the_measure_and_the_page_change_by_keyboard_alone(chromium, app_url):
    page = open_settled(chromium, app_url, 1280)
    tab_to(page, "Gross pay")  # the chosen option of the measure switch, a radio group
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    page.wait_for_url("**view=Take-home**")
    expect(page.locator("[data-testid='stMain']")).to_contain_text(
        "Take-home pay: who comes out ahead"
    )
    wait_for_app(page)
    page.locator("body").focus()
    tab_to(page, "Leaving early")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="If you leave early", level=1).wait_for()
    page.close()


def test_a_table_too_wide_for_a_phone_scrolls_by_keyboard(chromium, app_url):
    page = open_settled(chromium, app_url, 390)
    region = page.get_by_role("region", name="Table: scroll sideways to see every column").first
    region.wait_for()
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("e => e.scrollLeft > 0", arg=region.element_handle())
    page.close()
