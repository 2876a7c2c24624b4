"""The PDF report: A4 pages holding the same headline and totals as the HTML, fonts embedded.

Worked figures as in test_report_html: over 3 years from April 2017 with no pay award,
Kirklees pays 3 × 37,196 + 2,000 = 113,588 and Rotherham 3 × 41,624 = 124,872, 11,284 more.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

import incentives
from incentives import load_offers
from incentives.report.html import YEAR_END_NOTE
from incentives.scenario import Scenario

OFFERS = load_offers()
CHOSEN = [OFFERS["kirklees-social-worker"], OFFERS["rotherham-social-worker"]]
WORKED = Scenario(years=3, start=dt.date(2017, 4, 1), pay_award=Decimal(0))
A4_POINTS = (595.28, 841.89)  # 210 mm × 297 mm at 72 points to the inch


@pytest.fixture(scope="module")
def pdf() -> PdfReader:
    data = incentives.report_pdf(CHOSEN, WORKED, made=dt.date(2026, 12, 1))
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def text_of(pdf: PdfReader) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pdf.pages))


def test_the_pdf_has_the_headline_and_the_totals(pdf):
    text = text_of(pdf)
    assert (
        "Rotherham: Social worker pays the most over 3 years: £124,872, £11,284 more than "
        "Kirklees: Experienced social worker (Level 3)." in text
    )
    assert "£113,588" in text and "£124,872" in text
    assert "Made on 1 December 2026." in text


def test_every_page_is_a4(pdf):
    for page in pdf.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=0.5)


def test_each_chapter_starts_a_new_page(pdf):
    starts = [page.extract_text().lstrip() for page in pdf.pages]
    for heading in ("The comparison", "What each council's offer pays", "About this report"):
        assert any(text.startswith(heading) for text in starts), heading


def test_every_font_the_pdf_uses_is_embedded(pdf):
    fonts = {}
    for page in pdf.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            described = [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]
            embedded = any(
                key in part["/FontDescriptor"].get_object()
                for part in described
                if "/FontDescriptor" in part
                for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            fonts[font["/BaseFont"]] = embedded
    assert fonts, "the PDF uses fonts"
    assert all(fonts.values()), fonts


def test_the_charts_are_drawn_in_the_pdf_with_their_text(pdf):
    text = text_of(pdf)
    # an axis label of the running-total chart (the tables say "July 2017") and the axis
    # title of the year-by-year charts (the tables say "Year"), drawn from their SVG
    assert "Jul 2017" in text and "Year of service" in text


def appendix_text(pdf: PdfReader) -> str:
    """The text of "The figures in each chart", from its heading to "About this report"."""
    text = text_of(pdf)
    # the last heading of that name: the contents page names it first
    return text.rsplit("The figures in each chart", 1)[1].split("About this report", 1)[0]


def test_a_three_year_chart_prints_every_month_of_its_figures(pdf):
    # 36 months is the most a printed figure table holds whole
    appendix = appendix_text(pdf)
    assert "May 2017" in appendix and "February 2020" in appendix
    assert YEAR_END_NOTE not in appendix


def test_a_ten_year_chart_prints_its_year_ends_and_says_every_month_is_in_the_html_report():
    ten_years = Scenario(years=10, start=dt.date(2017, 4, 1), pay_award=Decimal(0))
    made = dt.date(2026, 12, 1)
    data = incentives.report_pdf(CHOSEN, ten_years, made=made)
    appendix = appendix_text(PdfReader(io.BytesIO(data)))
    # 120 months from April 2017: each year ends in March, the 12th, 24th, ... 120th month
    for year_end in range(2018, 2028):
        assert f"March {year_end}" in appendix, year_end
    for month_between in ("April 2017", "May 2017", "February 2018", "April 2018", "June 2026"):
        assert month_between not in appendix.split("Pay date", 1)[1], month_between
    assert YEAR_END_NOTE in appendix
    assert "The HTML report and the app hold every month." in YEAR_END_NOTE
    # the HTML report holds all 120 months
    document = incentives.report(CHOSEN, ten_years, made=made)
    figures = document.split('id="figures"', 1)[1]
    assert "<td>May 2017</td>" in figures and "<td>June 2026</td>" in figures
    assert YEAR_END_NOTE not in document
