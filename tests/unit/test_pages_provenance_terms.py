"""Where each figure comes from, as the Compare page's sources section words it: each figure's
name, value, sources and quoted words, the list of sources and the offer's date, on small
offers built in code so each test shows what it is about."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from incentives.model import Offer
from incentives.pages.provenance import (
    dated,
    dated_short,
    escape_markdown,
    figure_name,
    figure_rows,
    figure_value,
    sources_list,
)
from tests.builders import golden_hello, offer

TODAY = dt.date(2026, 12, 1)
EXAMINER = {"publication": "Huddersfield Examiner", "date": "2016-11-29"}
ADVERT = {"publication": "Kirklees advert", "date": "2017-03-04", "url": "https://example.org/a"}


def cited(value: float | None, *quotes: tuple[str, str], note: str | None = None) -> Any:
    """A figure in YAML form, citing (source, quoted words) for each quote."""
    cite = [{"source": source, "quote": words} for source, words in quotes]
    figure: dict[str, Any] = {"value": value, "cite": cite}
    if note:
        figure["note"] = note
    return figure


def supplement(**payment: Any) -> dict[str, Any]:
    return {"kind": "supplement", "name": "Market supplement", **payment}


def retention(*tiers: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "retention", "name": "Retention payment", "every_months": 12, "tiers": tiers}


def two_instalments() -> dict[str, Any]:
    return {
        "kind": "one_off",
        "name": "Golden hello",
        "purpose": "golden_hello",
        "instalments": [{"amount": 1000}, {"after_months": 12, "amount": 1000}],
    }


def names(offer_: Offer) -> list[str]:
    return [figure_name(offer_, path) for path, _ in offer_.figures()]


# --- figure names ---


def test_each_figure_is_named_as_a_reader_would_look_for_it():
    package = offer(
        35_696,
        supplement(amount=1500),
        supplement(percent_of_basic=5),
        golden_hello(2000),
        two_instalments(),
        retention({"amount": 500}, {"from_year": 3, "amount": 1000}),
        salary={"points_below_top": [{"value": 30_000}]},
        employer_pension_rate={"value": 20},
    )
    assert names(package) == [
        "Salary, top of the scale",
        "Salary, a lower point",
        "Market supplement (£ a year)",
        "Market supplement (% of basic)",
        "Golden hello",  # one instalment: no number
        "Golden hello, instalment 1",
        "Golden hello, instalment 2",
        "Retention payment, from year 1",
        "Retention payment, from year 3",
        "Employer pension contribution (%)",
    ]


# --- figure values ---


def test_a_published_figure_is_shown_in_pounds_or_as_a_percentage_without_trailing_zeros():
    package = offer(35_696.5, supplement(percent_of_basic=2.50))
    [(_, salary), (_, percent)] = package.figures()
    assert figure_value(salary, None) == "£35,696.50"
    # 2.50 normalised is 2.5; an assumption given is not used for a published figure
    assert figure_value(percent, Decimal("7")) == "2.5%"
    whole = offer(30_000, supplement(percent_of_basic=10)).figure("components.0.percent_of_basic")
    assert figure_value(whole, None) == "10%"  # 1E+1 normalised, written out in full


def test_an_unpublished_figure_shows_the_assumption_entered_or_says_it_counts_as_nothing():
    package = offer(None, supplement(percent_of_basic={"value": None}))
    [(_, salary), (_, percent)] = package.figures()
    assert figure_value(salary, Decimal("40000")) == "not published; your assumption: £40,000"
    assert figure_value(percent, Decimal("3.50")) == "not published; your assumption: 3.5%"
    assert figure_value(salary, None) == (
        "not published (counted as £0 until you enter an assumption)"
    )


# --- the table of figures ---


def test_each_figure_row_names_its_sources_with_their_dates_and_quotes_their_words():
    package = offer(
        35_696,
        supplement(
            amount=cited(
                1500,
                ("examiner", "a £1,500 supplement"),
                ("advert", "market supplement of £1,500"),
                ("examiner", "paid monthly"),
                note="Paid to level 3 only",
            )
        ),
        sources={"examiner": EXAMINER, "advert": ADVERT},
    )
    [salary, paid] = figure_rows(package, {})
    assert paid == {
        "Figure": "Market supplement (£ a year)",
        "Value": "£1,500",
        # two quotes from the Examiner name it once, in the order first quoted; no zero-padded day
        "Source": "Huddersfield Examiner, 29 November 2016; Kirklees advert, 4 March 2017",
        "Quoted words": ("“a £1,500 supplement” / “market supplement of £1,500” / “paid monthly”"),
        "Note": "Paid to level 3 only",
    }
    # the salary cites nothing: a dash in place of a source and of quoted words, no note
    assert salary == {
        "Figure": "Salary, top of the scale",
        "Value": "£35,696",
        "Source": "—",
        "Quoted words": "—",
        "Note": "",
    }


def test_a_figure_row_shows_the_assumption_entered_for_its_path():
    package = offer(30_000, supplement(amount={"value": None}))
    rows = figure_rows(package, {"components.0.amount": Decimal("1200"), "salary.top": Decimal(1)})
    assert [r["Value"] for r in rows] == ["£30,000", "not published; your assumption: £1,200"]


# --- the list of sources ---


def test_the_sources_list_links_each_address_and_escapes_the_words():
    package = offer(
        30_000,
        sources={
            "advert": {
                **ADVERT,
                "publication": "Kirklees [advert] (2017)",
                "url": "https://example.org/jobs/social worker(3)",
                "note": "Read 1.5 times",
            },
            "examiner": EXAMINER,
        },
    )
    assert sources_list(package) == (
        "**Sources**\n\n"
        # brackets, parentheses and the dot are escaped in the words; in the address the
        # parentheses are percent-encoded so the link does not end early (the space is
        # encoded when the address is validated)
        r"- [Kirklees \[advert\] \(2017\)](https://example.org/jobs/social%20worker%283%29), "
        r"4 March 2017. Read 1\.5 times"
        "\n- Huddersfield Examiner, 29 November 2016."  # no address: not a link, no note
    )


def test_an_offer_without_sources_has_no_sources_list():
    assert sources_list(offer(30_000)) == ""


def test_every_markdown_character_is_shown_literally():
    text = "\\`*_{}[]()#+-.!|<>~$ a"
    assert escape_markdown(text) == "".join("\\" + c for c in text[:-2]) + " a"


# --- the offer's date ---


@pytest.mark.parametrize(
    ("as_at", "words"),
    [
        # published today: 0 years old
        ("2026-12-01", "1 December 2026 (this year)"),
        # 1 December 2025 to 1 December 2026 is 365 days, 365 / 365.25 = 0.999 of a year
        ("2025-12-01", "1 December 2025 (this year)"),
        # 366 days back, from 30 November 2025: 1.002 years, one year
        ("2025-11-30", "30 November 2025 (1 year ago)"),
        # 3 December 2023: 1,094 days, 2.995 years, two
        ("2023-12-03", "3 December 2023 (2 years ago)"),
        # 1 December 2023: 1,096 days, 3.0007 years: three, and over three is historical
        (
            "2023-12-01",
            "1 December 2023 (3 years ago): historical, not necessarily the offer today",
        ),
    ],
)
def test_an_offers_date_says_how_long_ago_and_whether_it_is_historical(as_at, words):
    assert dated(offer(30_000, as_at=as_at), TODAY) == words


def test_an_undated_offer_says_when_its_source_was_read_if_known():
    read = offer(30_000, as_at="2025-06-01", as_at_is_date_read=True)
    assert dated(read, TODAY) == (
        "undated: the source gives no date (read 1 June 2025), so it may not be current"
    )
    never = offer(30_000, as_at=None)
    assert dated(never, TODAY) == "undated: the source gives no date, so it may not be current"


def test_a_table_cell_gives_the_month_and_year_and_marks_an_old_offer():
    assert dated_short(offer(30_000, as_at="2016-11-29"), TODAY) == "Nov 2016 (historical)"
    assert dated_short(offer(30_000, as_at="2025-04-01"), TODAY) == "Apr 2025"
    read = offer(30_000, as_at="2016-11-29", as_at_is_date_read=True)
    assert dated_short(read, TODAY) == "undated"
