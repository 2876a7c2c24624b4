"""Build a package in the real page, share its link, and find the same figures elsewhere."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.harness import wait_for_app


def test_a_built_package_travels_in_the_link(page, app_url, chromium):
    # No pay award, so the totals are the published figures (the default is the NJC's awards)
    page.goto(f"{app_url}/editor?awards=A+percentage+each+April")
    wait_for_app(page)
    start = page.get_by_role("combobox", name="Start from")
    start.click()
    start.fill("Kirklees: Experienced")
    page.get_by_role("option", name="Kirklees: Experienced social worker (Level 3)").click()
    page.get_by_role("button", name="Start", exact=True).click()
    wait_for_app(page)
    label = "Top of the salary scale (£ a year; blank: not published)"
    salary = page.get_by_label(label)
    # The offer's form has come, and then the blank draft's form has gone
    expect(page.locator(f"input[aria-label='{label}'][value='35696.00']")).to_have_count(1)
    expect(salary).to_have_count(1)
    expect(salary).to_have_value("35696.00")
    salary.fill("40000")
    salary.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Add to the comparison").click()
    expect(
        page.get_by_text("Added as 'Kirklees: Experienced social worker (Level 3) (yours)'")
    ).to_be_visible()
    wait_for_app(page)

    page.get_by_role("link", name="Compare", exact=True).click()
    page.wait_for_url("**packages=**")
    wait_for_app(page)
    # Yours: 3 × 40,000 + 3 × 1,500 + 2,000 = 126,500
    page.get_by_text("£126,500").first.wait_for()
    shared = page.url

    other = chromium.new_page(viewport={"width": 1280, "height": 2400})
    other.goto(shared)
    wait_for_app(other)
    other.get_by_text("£126,500").first.wait_for()
    expect(other.locator("[data-testid='stMain']")).to_contain_text(
        "Kirklees: Experienced social worker (Level 3) (yours)"
    )
    other.close()


def test_the_upload_box_states_the_apps_own_limit_only(page, app_url):
    page.goto(f"{app_url}/editor")
    wait_for_app(page)
    upload = page.locator(".st-key-editor_upload")
    expect(upload).to_contain_text("at most 100 KB")  # MAX_UPLOAD_BYTES, as read_upload says
    # Streamlit's own line gives its server limit ("1MB per file"), not the one that applies
    expect(upload.get_by_test_id("stFileUploaderDropzoneInstructions")).to_be_hidden()
    assert "per file" not in upload.inner_text()  # the text shown, and read out
