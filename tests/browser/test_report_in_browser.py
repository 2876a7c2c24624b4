"""The Compare page's report downloads in Chromium: the HTML and the PDF hold the comparison
on screen, and the HTML, opened on its own, asks for nothing.

Worked figures: 3 years from April 2017 with no pay award, Rotherham pays 3 × 41,624 =
124,872 and Kirklees 3 × 37,196 + 2,000 = 113,588.
"""

from __future__ import annotations

import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.harness import wait_for_app

WORKED = "/?years=3&start=April+2017&awards=A+percentage+each+April&award=0"
HEADLINE = "pays the most over 3 years: £124,872, £11,284 more than"
DOWNLOAD_TIMEOUT = 90_000  # ms: the PDF is built when the button is clicked


def test_the_compare_page_downloads_the_report_as_html_and_pdf(page, app_url, chromium, tmp_path):
    page.goto(app_url + WORKED)
    wait_for_app(page)

    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as html_download:
        page.get_by_role("button", name="Download report (HTML)").click()
    assert html_download.value.suggested_filename == "pay-comparison.html"
    saved = tmp_path / "pay-comparison.html"  # with its name, so Chromium opens it as HTML
    html_download.value.save_as(saved)
    document = saved.read_text(encoding="utf-8")
    assert "£113,588" in document and "£124,872" in document
    assert "<svg" in document and "<script" not in document

    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as pdf_download:
        page.get_by_role("button", name="Download report (PDF)").click()
    assert pdf_download.value.suggested_filename == "pay-comparison.pdf"
    pdf = PdfReader(io.BytesIO(pdf_download.value.path().read_bytes()))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    assert HEADLINE in text and "£113,588" in text

    opened = chromium.new_page()
    asked: list[str] = []
    opened.on("request", lambda request: asked.append(request.url))
    opened.goto(saved.as_uri())
    expect(opened.get_by_role("heading", name="Social work pay packages compared")).to_be_visible()
    # the 4 charts of the Compare page and the leaving one, drawn from the file alone
    expect(opened.locator("svg[role='img']")).to_have_count(5)
    assert asked == [saved.as_uri()]
    opened.close()
