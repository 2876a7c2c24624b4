"""The comparison page's wording, tables and downloads, built without Streamlit.

Worked figures, 3 years from April 2017 with no pay award, at the top of each scale:
Kirklees pays 35,696 salary + 1,500 supplement = 37,196 a year and a 2,000 golden hello in
month 1, so 3 × 37,196 + 2,000 = 113,588. Rotherham pays 38,720 + 5% (1,936) = 40,656 a year
and a retention lump sum of 2.5% of salary (968) each year: 3 × 41,624 = 124,872.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal

import pyarrow as pa
import pytest

from incentives import load_offers
from incentives.pages import compare
from incentives.pages.views import Display, money_words
from incentives.scenario import Scenario
from tests.builders import golden_hello, offer

OFFERS = load_offers()
KIRKLEES = OFFERS["kirklees-social-worker"]
ROTHERHAM = OFFERS["rotherham-social-worker"]
TODAY = dt.date(2026, 12, 1)


def page(*offers, scenario=None, measure="gross") -> compare.CompareView:  # type: ignore[no-untyped-def]
    scenario = scenario or Scenario(pay_award=0)
    return compare.build(offers, scenario, Display.of(scenario, measure), TODAY)


def rows(table: pa.Table) -> list[dict[str, str]]:
    return table.to_pylist()


def test_the_headline_names_the_leader_and_the_gap():
    view = page(KIRKLEES, ROTHERHAM)
    # 124,872 − 113,588 = 11,284
    assert view.leader.sentences == (
        "**Rotherham: Social worker** pays the most over 3 years: £124,872, £11,284 more than "
        "Kirklees: Experienced social worker (Level 3).",
    )
    assert view.leader.heading == "Gross pay: who comes out ahead"
    assert view.leader.lead == "Amounts are in pounds as paid."


def test_the_summary_table_sorts_by_total_and_gives_the_steady_salary():
    [first, second] = rows(page(KIRKLEES, ROTHERHAM).leader.table)
    assert (first["Offer"], first["Total"], first["Behind the first"]) == (
        "Rotherham: Social worker",
        "£124,872",
        "—",
    )
    # Kirklees year 1: 37,196 + 2,000 = 39,196; steady salary 113,588 / 3 = 37,862.67
    assert second["Year 1"] == "£39,196"
    assert second["Steady salary paying the same"] == "£37,862.67"
    assert second["Behind the first"] == "£11,284"
    assert second["Published"] == "Nov 2016 (historical)"


def test_leaving_early_is_the_period_the_headline_names():
    # 7/12 × 37,196 = 21,697.67 plus the 2,000 golden hello
    view = page(KIRKLEES, scenario=Scenario(pay_award=0, leave_after_months=7))
    assert view.leader.sentences == (
        "**Kirklees: Experienced social worker (Level 3)** pays the most if you leave after "
        "7 months: £23,697.67.",
    )
    assert view.kept is None  # one offer: nothing to set it against


def test_equal_totals_are_called_the_same():
    one = offer(30_000, id="one", council="One Council")
    other = offer(30_000, id="other", council="Other Council")
    view = page(one, other, scenario=Scenario(pay_award=0, years=1))
    assert view.leader.sentences[0] == (
        "**One: Social worker** pays the most over 1 year: £30,000, the same as "
        "Other: Social worker."
    )
    assert view.kept is not None
    assert view.kept.sentences == ("The offers pay the same gross total.",)
    assert view.kept.table is None


def test_what_the_extra_pay_is_worth_in_take_home():
    view = page(KIRKLEES, ROTHERHAM)
    assert view.kept is not None
    [sentence] = view.kept.sentences
    assert sentence.startswith(
        "**Rotherham: Social worker** pays £11,284 more gross than Kirklees: Experienced social "
        "worker (Level 3): of each extra £1 you keep **"
    )
    [row] = rows(view.kept.table)
    assert row["Extra gross"] == "£11,284"
    # Whatever is not deducted is kept: extra take-home = extra gross less the deductions
    deductions = sum(
        Decimal(row[c].replace("£", "").replace(",", ""))
        for c in ("Income tax", "National Insurance", "Student loan", "Pension")
    )
    assert Decimal("11284") - deductions == Decimal(
        row["Extra take-home"].replace("£", "").replace(",", "")
    )


def test_an_unpublished_figure_counted_as_zero_gets_a_note():
    notes = page(KIRKLEES, ROTHERHAM).leader.notes
    assert notes == (
        "Rotherham: Social worker: 1 unpublished figure(s) counted as £0; enter assumptions "
        "under 'Starting salaries and unpublished figures' in the sidebar.",
    )


def test_the_year_table_and_the_csv_hold_each_year():
    view = page(KIRKLEES, ROTHERHAM)
    years = rows(view.years.table)
    assert len(years) == 6  # two offers × three years
    # Kirklees: 39,196 in year 1, then 37,196 a year: 76,392 by year 2, 113,588 by year 3
    assert [r["Gross pay to date"] for r in years[:3]] == ["£39,196", "£76,392", "£113,588"]
    lines = view.csv.data.decode().splitlines()
    assert lines[0].startswith("offer,year,gross,cumulative_gross,net")
    assert lines[3].startswith("Kirklees: Experienced social worker (Level 3),3,37196.00,113588.00")
    assert view.csv.file_name == "pay-by-year.csv"


def test_every_chart_describes_its_totals_and_carries_its_data():
    view = page(KIRKLEES, ROTHERHAM)
    [cumulative] = view.to_date.charts
    assert cumulative.description == (
        "Line chart of gross pay to date, one line per offer, month by month from April 2017 "
        "to March 2020. By March 2020: Rotherham: Social worker £124,872; Kirklees: "
        "Experienced social worker (Level 3) £113,588."
    )
    [kirklees, rotherham] = view.yearly.charts
    assert kirklees.description.endswith("year 1 £39,196; year 2 £37,196; year 3 £37,196.")
    assert rotherham.description.endswith("year 1 £41,624; year 2 £41,624; year 3 £41,624.")
    for chart in (*view.to_date.charts, *view.made_of.charts, *view.yearly.charts):
        spec = chart.arrow_spec
        assert spec["datasets"] and all(isinstance(d, bytes) for d in spec["datasets"].values())
        inline = chart.inline_spec()
        assert all(isinstance(d, list) and d for d in inline["datasets"].values())
        assert chart.figures is not None


def test_the_made_of_heading_follows_the_measure():
    assert page(KIRKLEES).made_of.heading == "What makes up each total: kind of payment"
    assert page(KIRKLEES, measure="net").made_of.heading == (
        "What makes up each total: where the pay goes"
    )
    employer = page(KIRKLEES, measure="employer_cost")
    assert employer.made_of.heading == "What makes up each total: what the council pays"
    assert "costs the council the most" in employer.leader.sentences[0]


def test_more_offers_than_the_yearly_charts_take_get_a_note_instead():
    offers = [offer(30_000 + i, id=f"o{i}", council=f"Council {i}") for i in range(7)]
    view = page(*offers, scenario=Scenario(pay_award=0, years=1))
    assert view.yearly.charts == ()
    assert view.yearly.notes[0].startswith("Choose 6 offers or fewer")


def test_the_sections_come_in_reading_order():
    view = page(KIRKLEES, ROTHERHAM)
    assert [s.heading for s in view.sections] == [
        "Gross pay: who comes out ahead",
        "What the extra pay is worth to you",
        "Pension built up",
        "Gross pay to date",
        "What makes up each total: kind of payment",
        "Each year, by kind of payment",
        "Year by year",
    ]


def test_the_sources_show_each_figure_and_the_assumption_given():
    view = compare.sources(KIRKLEES, {}, TODAY)
    assert view.lead == (
        "Yorkshire and the Humber · published 29 November 2016 (10 years ago): historical, "
        "not necessarily the offer today"
    )
    figures = rows(view.figures.table)
    assert figures[0]["Figure"] == "Salary, top of the scale"
    assert figures[0]["Value"] == "£35,696"
    assert view.sources.startswith("**Sources**\n\n- [Huddersfield Examiner")
    manager = OFFERS["kirklees-team-manager"]
    assumed = compare.sources(manager, {"salary.top": Decimal("40000")}, TODAY)
    values = [r["Value"] for r in rows(assumed.figures.table)]
    assert "not published; your assumption: £40,000" in values
    assert assumed.figures.notes  # how to enter assumptions


@pytest.mark.parametrize(
    ("scenario", "words"),
    [
        (Scenario(pay_award=0), "in pounds as paid"),
        (Scenario(pay_award=0, money="real", price_year=2020), "in real terms, at 2020 prices"),
        (
            Scenario(pay_award=0, money="present_value", discount_rate=Decimal("3.50")),
            "as present values at the start, in 2017 prices, discounted at 3.50% a year",
        ),
    ],
)
def test_the_money_words_say_how_amounts_are_expressed(scenario, words):
    assert money_words(scenario) == words


def test_a_golden_hello_shows_in_the_first_year_chart():
    hello = offer(30_000, golden_hello(1_000), id="hello")
    [chart] = page(hello, scenario=Scenario(pay_award=0, years=1)).yearly.charts
    # 30,000 salary and the 1,000 golden hello
    assert chart.description.endswith("year 1 £31,000.")


def test_the_page_builders_import_no_streamlit():
    code = (
        "import sys, incentives.pages.compare, incentives.pages.leaving, "
        "incentives.pages.costs, incentives.pages.flips, incentives.pages.browse; "
        "assert 'streamlit' not in sys.modules, 'streamlit imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
