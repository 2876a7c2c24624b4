"""The leaving and flip pages' remaining terms: the leaving page's headings and download, the
flip page working in the measure chosen, the tornado's axis naming both offers, and the
sentences of an assumption that makes no difference or flips the lead between years.

Worked figures from April 2017, no pay award, as in test_pages_leaving_flips_wording.py.
"""

from __future__ import annotations

from types import SimpleNamespace

from incentives import compare, load_offers
from incentives.pages import flips, leaving
from incentives.pages.views import Display
from incentives.scenario import Scenario

OFFERS = load_offers()
KIRKLEES = OFFERS["kirklees-social-worker"]
ROTHERHAM = OFFERS["rotherham-social-worker"]
KIRKLEES_LABEL = "Kirklees: Experienced social worker (Level 3)"
ROTHERHAM_LABEL = "Rotherham: Social worker"
NAMES = {"first": "First offer", "second": "Second offer"}


def test_the_leaving_page_names_its_sections_and_its_download():
    view = leaving.build([KIRKLEES, ROTHERHAM], Scenario(pay_award=0, years=1), Display())
    assert view.gains.heading == "When one more month is worth most"
    assert view.overtaking is not None
    assert view.overtaking.heading == "Which offer pays more, by when you leave"
    assert (view.csv.label, view.csv.file_name) == (
        "Download the leaving-month figures (CSV)",
        "leaving-early.csv",
    )


def test_in_take_home_pay_the_flip_page_weighs_take_home_pay():
    three_years = Scenario(pay_award=0, years=3)
    view = flips.build(KIRKLEES, ROTHERHAM, three_years, Display("net"))
    table = view.matters.table
    assert table is not None
    months = next(row for row in table.to_pylist() if row["Assumption"] == "Months before leaving")
    # Staying all 36 months gives the least difference: in gross pay -£11,284 (113,588 -
    # 124,872); in take-home pay the gap between the two offers' take-home over three years,
    # as compare() gives it (81,391.07 - 88,602.13 = -7,211.06)
    totals = compare([KIRKLEES, ROTHERHAM], three_years).groupby("offer")["net"].sum()
    gap = totals[KIRKLEES.id] - totals[ROTHERHAM.id]
    assert months["Least difference"] == f"-£{-gap:,.2f}" == "-£7,211.06"


def test_the_tornado_axis_names_both_offers_first_less_second():
    view = flips.build(KIRKLEES, ROTHERHAM, Scenario(pay_award=0), Display())
    [drawn] = view.matters.charts
    assert drawn.spec["layer"][0]["encoding"]["x"]["title"] == (
        f"{KIRKLEES_LABEL} less {ROTHERHAM_LABEL}"
    )


def flip_row(**fields: object) -> SimpleNamespace:
    row = {
        "assumption": "Pay award each April",
        "leader_below": "first",
        "leader_above": "second",
        "swing": 100.0,
        "flips_at": None,
        "low": 0.0,
        "high": 10.0,
        "unit": "%",
    }
    return SimpleNamespace(**{**row, **fields})


def test_an_assumption_that_moves_nothing_makes_no_difference():
    assert flips.sentence(flip_row(swing=0.0), NAMES) == (
        "**Pay award each April** makes no difference here."
    )


def test_an_assumption_that_moves_the_difference_by_a_pound_is_not_called_no_difference():
    # £1 of swing is a difference, however small
    assert flips.sentence(flip_row(swing=1.0), NAMES) == (
        "**Pay award each April**: First offer stays ahead from 0% to 10%; the difference "
        "moves by £1."
    )


def test_a_lead_that_changes_with_the_years_compared_names_the_last_year_before():
    # The second offer comes out ahead from 4 years: the first is ahead over up to 3
    row = flip_row(assumption="Years compared", flips_at=4.0, low=1.0, high=10.0, unit="years")
    assert flips.sentence(row, NAMES) == (
        "**First offer** pays more over up to 3 years; **Second offer** over 4 years or more."
    )
