"""The All offers page in the real browser: its chart, and an offer ticked in its table joining
the comparison."""

from __future__ import annotations

from playwright.sync_api import expect

from incentives import load_offers
from tests.browser.harness import wait_for_app

WALES = [o for o in load_offers().values() if o.region == "Wales"]


def test_an_offer_ticked_in_the_table_joins_the_comparison(page, app_url):
    first = WALES[0]
    page.goto(f"{app_url}/browse?in_region=Wales")
    wait_for_app(page)
    expect(page.locator("[data-testid='stVegaLiteChart']").first).to_be_visible()
    table = page.locator("[data-testid='stDataFrame']")
    expect(table).to_be_visible()
    adding = page.get_by_role("button", name="Add to comparison")
    expect(adding).to_be_disabled()  # nothing ticked yet
    box = table.bounding_box()
    assert box is not None
    # the grid is drawn on a canvas: its first row's tick box is left of the first cell,
    # one row (35 px) below the top of the header
    page.mouse.click(box["x"] + 15, box["y"] + 35 + 17)
    expect(adding).to_be_enabled()
    adding.click()
    wait_for_app(page)
    expect(page.get_by_text(f"Added to the comparison: {first.label}")).to_be_visible()
    wait_for_app(page)
    page.get_by_role("link", name="Compare", exact=True).click()
    wait_for_app(page)
    expect(page.locator("[data-testid='stSidebar']")).to_contain_text(first.label)
    expect(page.locator("[data-testid='stMain']")).to_contain_text(first.label)
