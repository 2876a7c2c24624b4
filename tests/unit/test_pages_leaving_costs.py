"""The leaving and cost pages' wording and tables, built without Streamlit.

Worked figures from April 2017, no pay award. Kirklees: 37,196 a year (35,696 + 1,500) and a
2,000 golden hello in month 1. Rotherham: 40,656 a year (38,720 + 5%) and a retention lump sum
of 968 (2.5% of 38,720) in month 12. Leaving after 6 months: Kirklees 18,598 + 2,000 = 20,598,
Rotherham 20,328; after 7: Kirklees 21,697.67 + 2,000 = 23,697.67, Rotherham 23,716.
"""

from __future__ import annotations

import datetime as dt

from incentives import load_offers
from incentives.pages import costs, leaving
from incentives.pages.costs_service import Service
from incentives.pages.views import Display
from incentives.scenario import Scenario
from tests.builders import offer

OFFERS = load_offers()
KIRKLEES = OFFERS["kirklees-social-worker"]
ROTHERHAM = OFFERS["rotherham-social-worker"]
ONE_YEAR = Scenario(pay_award=0, years=1)


def test_the_lead_changes_in_the_month_rotherham_overtakes():
    view = leaving.build([KIRKLEES, ROTHERHAM], ONE_YEAR, Display())
    assert view.overtaking is not None
    assert view.overtaking.sentences == (
        "Kirklees: Experienced social worker (Level 3) pays more if you leave within months 1 "
        "to 6; Rotherham: Social worker from month 7 on.",
    )


def test_the_month_worth_most_names_its_reason():
    view = leaving.build([KIRKLEES, ROTHERHAM], ONE_YEAR, Display())
    kirklees, rotherham = view.gains.sentences
    assert kirklees == (
        "**Kirklees: Experienced social worker (Level 3)**: every month adds only its pay; no "
        "month stands out."
    )
    # Month 12: a month's pay 40,656 / 12 = 3,388 and the 968 lump sum: 4,356
    assert rotherham.startswith(
        "**Rotherham: Social worker**: staying to month 12 rather than leaving after 11 adds "
        "£4,356 (Retention lump sum"
    )


def test_the_leaving_chart_and_csv_give_each_month():
    view = leaving.build([KIRKLEES, ROTHERHAM], ONE_YEAR, Display())
    [chart] = view.to_date.charts
    assert chart.description.startswith(
        "Line chart of gross pay to date on leaving after each month from 1 to 12"
    )
    assert chart.figures is not None
    months = chart.figures.to_pylist()
    assert months[5]["Kirklees: Experienced social worker (Level 3)"] == "£20,598"
    assert months[6]["Rotherham: Social worker"] == "£23,716"
    lines = view.csv.data.decode().splitlines()
    assert lines[0] == "offer,leave_after_months,gross,net,employer_cost,clawback"
    assert lines[7].startswith("Kirklees: Experienced social worker (Level 3),7,23697.67,")


def test_offers_paying_the_same_are_said_to():
    one = offer(30_000, id="one", council="One Council")
    other = offer(30_000, id="other", council="Other Council")
    view = leaving.build([one, other], ONE_YEAR, Display())
    assert view.overtaking is not None
    assert view.overtaking.sentences == (
        "One: Social worker and Other: Social worker pay the same whenever you leave.",
    )


def test_one_offer_has_nothing_to_overtake():
    view = leaving.build([KIRKLEES], ONE_YEAR, Display())
    assert view.overtaking is None
    assert len(view.sections) == 2


SERVICE = Service(posts=286, annual_leaving_rate=11.2, agency_share=25)
FIGURES = costs.CouncilFigures(
    leaving_rate=15.1,
    agency_per_month=600,
    recruitment_share=10,
    months_to_fill=6,
    hires=10,
    service=SERVICE,
)


def test_the_cost_page_states_the_leaving_rate_and_the_cohort():
    view = costs.build([KIRKLEES, ROTHERHAM], Scenario(pay_award=0), Display(), FIGURES)
    assert view.expected.sentences[0].startswith("At 15.1% of staff leaving a year.")
    assert view.cohort.heading == "A cohort of 10 hired together"
    in_post = [(r["After month"], r["Still in post"]) for r in view.cohort.table.to_pylist()]
    # 10 hired; 15.1% leave within a year: 10 × 0.849 = 8.49 after 12 months,
    # 10 × 0.849² = 7.21 after 24
    assert in_post[:2] == [(12, "8.5"), (24, "7.2")]


def test_each_offer_gets_a_break_even_answer_in_order():
    view = costs.build([KIRKLEES, ROTHERHAM], Scenario(pay_award=0), Display(), FIGURES)
    firsts = [s for s in view.break_even.sentences if s.startswith("**")]
    assert [s.split("**")[1] for s in firsts] == [KIRKLEES.label, ROTHERHAM.label]
    assert all("pays for itself" in s or "cannot pay for itself" in s for s in firsts)
    assert view.service.heading == "Your service in a year"
    assert view.service.lead.startswith("Kirklees's own published figures")


def test_an_offer_without_incentives_has_nothing_to_pay_for():
    plain = offer(30_000, id="plain")
    view = costs.build([plain], Scenario(pay_award=0), Display(), FIGURES)
    assert view.break_even.sentences == (
        "**Test: Social worker**: its incentives cost nothing beyond the salary, so need no cut.",
    )
    assert view.service.sentences[1] == (
        "**Test: Social worker**: its incentives cost the service nothing beyond the salary."
    )


def test_the_workforce_figures_are_listed_with_their_dates():
    figures = costs.context(dt.date(2017, 4, 1)).table.to_pylist()
    assert {"Figure": "Turnover, England (%)", "Year to": "30 September 2016", "Value": "15.1"} in (
        figures
    )
