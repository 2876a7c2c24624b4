"""The document the PDF is made from: charts as SVG images with their text alternative, and
tables laid out at column widths worked out from their text."""

from __future__ import annotations

import base64
import datetime as dt
import re
from decimal import Decimal

import pytest

from incentives import load_offers
from incentives.report import content
from incentives.report.html import column_widths, render
from incentives.scenario import Scenario

OFFERS = load_offers()
CHOSEN = [OFFERS["kirklees-social-worker"], OFFERS["rotherham-social-worker"]]
WORKED = Scenario(years=3, start=dt.date(2017, 4, 1), pay_award=Decimal(0))


@pytest.fixture(scope="module")
def built() -> content.Report:
    return content.build(CHOSEN, WORKED, made=dt.date(2026, 12, 1))


def test_the_printed_charts_are_the_same_svg_as_images_with_the_same_text_alternative(built):
    screen, printed = render(built), render(built, printed=True)
    inline = re.findall(r"<svg .*?</svg>", screen, re.S)
    images = re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]*)">', printed)
    assert len(images) == len(inline) == 5
    for svg, (data, alt) in zip(inline, images, strict=True):
        assert base64.b64decode(data).decode("utf-8") == svg
        assert f'aria-label="{alt}"' in svg
    assert "<svg" not in printed


def test_every_printed_table_has_a_width_for_each_column_and_the_screen_ones_none(built):
    screen, printed = render(built), render(built, printed=True)
    assert "<colgroup>" not in screen
    tables = re.findall(r"<table[^>]*>(.*?)</table>", printed, re.S)
    for table in tables:
        head = re.search(r"<thead><tr>(.*?)</tr></thead>", table).group(1)
        assert table.startswith("<colgroup>") and table.count("<col ") == head.count("<th ")


def test_a_number_column_is_at_least_as_wide_as_its_longest_number():
    # "£671,901.51" is 11 characters, 8 of them digits counted 1.2: 12.6, plus 2 for the
    # padding = 14.6 of the 108 across the page; the long label wraps into all the rest
    names = ["Offer", "Total"]
    rows = [["Medway: Group manager (grade SW5) " * 4, "£671,901.51"]]
    widths = column_widths(names, rows, [[False, True]])
    assert widths == pytest.approx([100 * (108 - 14.6) / 108, 100 * 14.6 / 108])


def test_short_columns_share_the_width_in_proportion_to_their_text():
    # "ab" 2 + 2 padding = 4; "abcdef" 6 + 2 = 8 (the headings, 1.3 × 1 + 2, are narrower)
    widths = column_widths(["a", "b"], [["ab", "abcdef"]], [[False, False]])
    assert widths == pytest.approx([100 * 4 / 12, 100 * 8 / 12])


def test_a_table_whose_longest_words_cannot_fit_is_left_to_the_automatic_layout():
    numbers = [f"£{n},000,000.00" for n in range(10)]  # 10 columns of 14-character numbers
    widths = column_widths([str(n) for n in range(10)], [numbers], [[True] * 10])
    assert widths is None
