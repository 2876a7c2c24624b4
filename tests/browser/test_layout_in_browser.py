"""What a new visitor first sees: every page in the navigation, and one stated upload limit."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.harness import wait_for_app

PAGES = ["Compare", "Leaving early", "Costs", "What flips it", "All offers", "Build a package"]


def test_all_six_pages_show_in_the_navigation_at_1280_pixels(page, app_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(app_url)
    wait_for_app(page)
    header = page.locator("header")
    for title in PAGES:
        expect(header.get_by_role("link", name=title, exact=True)).to_be_visible()
    expect(header.get_by_text("more", exact=False)).to_have_count(0)


def test_the_upload_box_states_only_the_apps_own_limit(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    page.get_by_role("link", name="Build a package", exact=True).click()
    wait_for_app(page)
    box = page.locator(".st-key-editor_upload")
    expect(box).to_contain_text("at most 100 KB")
    expect(box.get_by_text("per file")).not_to_be_visible()  # Streamlit's "1MB per file"
