"""The real page in Chromium: it shows the comparison, keeps its state in the URL, and its
downloads hold the figures on screen."""

from __future__ import annotations

import csv
import io

from playwright.sync_api import expect

from tests.browser.harness import wait_for_app


def pounds(text: str) -> float:
    return float(text.replace("£", "").replace(",", ""))


def year_rows(page):  # type: ignore[no-untyped-def]
    table = page.locator("[data-testid='stTable'] table", has_text="Gross pay to date").first
    return table.locator("tbody tr")


def year_table(page) -> list[list[str]]:
    rows = year_rows(page)
    rows.first.wait_for(timeout=15_000)
    return [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())]


def open_tab(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("tab", name=name).click()
    wait_for_app(page)


def test_the_page_shows_both_councils_and_a_chart(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    main = page.locator("[data-testid='stMain']")
    assert "Kirklees: Experienced social worker" in main.inner_text()
    assert "Rotherham: Social worker" in main.inner_text()
    chart = page.locator("[data-testid='stVegaLiteChart'] svg.marks").first
    chart.wait_for(timeout=15_000)
    assert chart.bounding_box()["height"] > 100


def test_changing_an_input_changes_the_url_and_the_url_reopens_it(page, app_url, chromium):
    page.goto(app_url)
    wait_for_app(page)
    open_tab(page, "Year by year")
    page.wait_for_url("**part=Year+by+year**")
    slider = page.get_by_role("slider", name="Years to compare")
    slider.focus()
    slider.press("ArrowRight")  # 3 -> 4 years
    page.wait_for_url("**years=4**")
    expect(year_rows(page)).to_have_count(8)  # two offers × four years
    wait_for_app(page)
    shared = page.url

    other = chromium.new_page(viewport={"width": 1280, "height": 2400})
    other.goto(shared)
    wait_for_app(other)
    expect(other.get_by_role("tab", name="Year by year")).to_have_attribute("aria-selected", "true")
    assert other.get_by_role("slider", name="Years to compare").input_value() == "4"
    assert year_table(other) == year_table(page)
    other.close()


def test_the_downloaded_csv_matches_the_table(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    open_tab(page, "Year by year")
    shown = year_table(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the year-by-year figures (CSV)").click()
    text = download_info.value.path().read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(shown)
    for row, (offer, year, in_year, to_date) in zip(rows, shown, strict=True):
        assert row["offer"] == offer
        assert int(row["year"]) == int(year)
        assert float(row["gross"]) == pounds(in_year)
        assert float(row["cumulative_gross"]) == pounds(to_date)


def test_the_page_reads_at_phone_width(chromium, app_url):
    phone = chromium.new_page(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    phone.goto(app_url)
    wait_for_app(phone)
    assert phone.get_by_text("pays the most").first.is_visible()
    overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    phone.close()


def test_a_link_from_before_the_tabs_opens_each_years_charts(page, app_url):
    # Links made before the comparison had tabs ask for the yearly charts with each_year=true
    # alone; the toggle is now under Year by year
    page.goto(f"{app_url}/?each_year=true")
    wait_for_app(page)
    expect(page.get_by_role("tab", name="Year by year")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("switch", name="Show a chart of each offer's years")).to_be_checked()
    expect(page.locator("[data-testid='stVegaLiteChart']")).to_have_count(2)  # one per offer
    assert "each_year=true" in page.url  # kept, so the link still opens the same way
