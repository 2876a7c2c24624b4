"""What a reader sees on the leaving and flip pages, and the display choices behind them:
each heading, each table's columns in order, and the exact sentences for worked examples.

Worked figures from April 2017, no pay award. Kirklees: 37,196 a year (35,696 + 1,500) and a
2,000 golden hello in month 1. Rotherham: 40,656 a year (38,720 + 5%) and a retention lump sum
of 968 (2.5% of 38,720) in month 12.
"""

from __future__ import annotations

from incentives import load_offers
from incentives.pages import flips, leaving
from incentives.pages.views import Display
from incentives.scenario import Scenario
from tests.builders import offer

OFFERS = load_offers()
KIRKLEES = OFFERS["kirklees-social-worker"]
ROTHERHAM = OFFERS["rotherham-social-worker"]
ONE_YEAR = Scenario(pay_award=0, years=1)
KIRKLEES_LABEL = "Kirklees: Experienced social worker (Level 3)"
ROTHERHAM_LABEL = "Rotherham: Social worker"


def test_total_reward_is_followed_per_leaver_as_gross_pay_in_the_chosen_money():
    real = Scenario(pay_award=0, years=1, money="real", price_year=2024)
    display = Display.of(real, "total_reward")
    assert display == Display("total_reward", "in real terms, at 2024 prices")
    view = leaving.build([KIRKLEES, ROTHERHAM], real, display)
    assert view.to_date.heading == "Gross pay to date, by the month you leave"
    assert view.to_date.lead == "Amounts are in real terms, at 2024 prices."


def test_the_leaving_chart_says_what_staying_every_month_pays_each_offer():
    view = leaving.build([KIRKLEES, ROTHERHAM], ONE_YEAR, Display())
    [drawn] = view.to_date.charts
    # Twelve months: Kirklees 37,196 + 2,000 = 39,196; Rotherham 40,656 + 968 = 41,624
    assert drawn.description == (
        "Line chart of gross pay to date on leaving after each month from 1 to 12, one line "
        f"per offer. Staying all 12 months: {KIRKLEES_LABEL} £39,196; {ROTHERHAM_LABEL} £41,624."
    )


def test_present_values_without_a_rate_say_the_default_rate_they_use():
    # No discount rate set: the Green Book's 3.5% a year (data/prices)
    present = Scenario(pay_award=0, years=1, money="present_value")
    view = leaving.build([KIRKLEES], present, Display.of(present))
    assert view.to_date.lead == (
        "Amounts are as present values at the start, in 2017 prices, discounted at 3.5% a year."
    )


COUNCILS = ["One", "Two", "Three", "Four", "Five", "Six", "Seven"]
# Offers of a year at 30,000, 31,200, ... (1,200 more each), nothing else
NUMBERED = [
    offer(30_000 + 1_200 * n, id=name.lower(), council=f"{name} Council")
    for n, name in enumerate(COUNCILS)
]
SIX_FIGURES = (
    "Staying all 12 months: One: Social worker £30,000; Two: Social worker £31,200; "
    "Three: Social worker £32,400; Four: Social worker £33,600; Five: Social worker "
    "£34,800; Six: Social worker £36,000"
)


def test_a_chart_of_six_offers_lists_all_six():
    [drawn] = leaving.build(NUMBERED[:6], ONE_YEAR, Display()).to_date.charts
    assert drawn.description.endswith(SIX_FIGURES + ".")


def test_a_chart_of_seven_offers_lists_six_and_leaves_the_seventh_to_the_table():
    [drawn] = leaving.build(NUMBERED, ONE_YEAR, Display()).to_date.charts
    assert drawn.description.endswith(SIX_FIGURES + "; and 1 more in the table.")


def test_each_layer_of_the_tornado_names_a_dataset_the_chart_carries():
    view = flips.build(KIRKLEES, ROTHERHAM, Scenario(pay_award=0), Display())
    [drawn] = view.matters.charts
    layers = [part["data"]["name"] for part in drawn.spec["layer"] if "data" in part]
    # The bars and marks take the chart's data; the line at zero has a table of its own
    assert [drawn.spec["data"]["name"], *layers] == ["data-0", "data-1"]
    assert set(drawn.data) == {"data-0", "data-1"}
