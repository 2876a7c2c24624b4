"""The cost page's own sections: the expected cost of a hire, the cohort and the figures behind
the defaults, pinned where a slip would show.

Two offers on £30,000 in 2017/18 over one year, no pay award, employer's pension 17%, with
nobody leaving: Alpha pays a £1,200 a year supplement, Beta £2,400. Alpha's year: £31,200
gross; employer NI 13.8% above £680 a month, (2,600 − 680) × 0.138 = £264.96 a month, £3,179.52
a year; pension 17% of 31,200 = £5,304; levy 0.5% = £156: £39,839.52, or £3,319.96 a month.
Beta's: £32,400; NI (2,700 − 680) × 0.138 × 12 = £3,345.12; pension £5,508; levy £162:
£41,415.12, or £3,451.26 a month.
"""

from __future__ import annotations

import datetime as dt

from incentives import Scenario
from incentives.model import Offer
from incentives.pages import costs
from incentives.pages.costs_service import Service
from incentives.pages.views import Display
from tests.builders import offer
from tests.page_checks import CountedCompute

ONE_YEAR = Scenario(
    years=1, start=dt.date(2017, 4, 1), pay_award=0, employer_pension_rate={"a": 17, "b": 17}
)


def supplement(amount: float, id: str, council: str) -> Offer:
    return offer(
        30_000,
        {"kind": "supplement", "name": "Supplement", "from_month": 1, "amount": amount},
        id=id,
        council=council,
    )


ALPHA = supplement(1_200, "a", "Alpha Council")
BETA = supplement(2_400, "b", "Beta Council")


def figures(leaving_rate: float) -> costs.CouncilFigures:
    return costs.CouncilFigures(
        leaving_rate=leaving_rate,
        agency_per_month=1_000,
        recruitment_share=10,
        months_to_fill=6,
        hires=10,
        service=Service(100, 15, 20),
    )


def nobody_leaves() -> costs.CostsView:
    """The page built in each test that reads it, so mutation testing sees the test use it."""
    return costs.build([ALPHA, BETA], ONE_YEAR, Display(), figures(0))


def test_the_page_has_its_title_intro_and_how_amounts_are_given():
    view = nobody_leaves()
    assert view.title == "Cost and break-even"
    assert view.intro == (
        "What each hire on an offer is expected to cost the council, given how often people "
        "leave, and whether its incentives pay for themselves by keeping people longer. Each "
        "month a worker has the same chance of leaving, set so that the chance of leaving "
        "within a year is the annual leaving rate; figures cover the years chosen in the "
        "sidebar."
    )
    assert view.lead == "Amounts are in pounds as paid."


def test_the_expected_cost_of_a_hire_with_nobody_leaving_is_the_years_pay_and_on_costs():
    expected = nobody_leaves().expected
    assert expected.heading == "Expected cost of each hire"
    assert expected.sentences == (
        "At 0.0% of staff leaving a year. Spend includes what is paid to people who would have "
        "stayed anyway; clawbacks recovered from leavers are deducted.",
    )
    assert expected.table is not None
    assert expected.table.to_pylist() == [
        {
            "Offer": "Alpha: Social worker",
            "Expected months in post": "12.0",
            "Paid per hire (gross)": "£31,200",
            "On incentives": "£1,200",
            "Clawback recovered": "£0",
            "Cost to the council per hire": "£39,839.52",
            "Per month filled": "£3,319.96",
        },
        {
            "Offer": "Beta: Social worker",
            "Expected months in post": "12.0",
            "Paid per hire (gross)": "£32,400",
            "On incentives": "£2,400",
            "Clawback recovered": "£0",
            "Cost to the council per hire": "£41,415.12",
            "Per month filled": "£3,451.26",
        },
    ]


def test_a_cohort_nobody_leaves_costs_each_of_them_the_supplement_paid_so_far():
    cohort = nobody_leaves().cohort
    assert cohort.heading == "A cohort of 10 hired together"
    assert cohort.sentences == (
        "How many are still in post month by month, and what the incentives have cost for "
        "each one still there.",
    )
    assert cohort.table is not None
    # 10 × £1,200 = £12,000 over the year, £1,200 for each of the 10 still there
    assert cohort.table.to_pylist()[0] == {
        "Offer": "Alpha: Social worker",
        "After month": 12,
        "Still in post": "10.0",
        "Incentive spend to date": "£12,000",
        "Per worker retained": "£1,200",
    }


def test_the_cohort_chart_gives_the_spend_per_worker_to_the_last_month():
    [drawn] = nobody_leaves().cohort.charts
    assert drawn.description == (
        "Line chart of what each offer's incentives have cost to date for each worker still in "
        "post, month by month to month 12. At month 12: Alpha: Social worker £1,200; Beta: "
        "Social worker £2,400."
    )
    assert drawn.figures is not None
    assert drawn.figures.column_names == ["Month", "Alpha: Social worker", "Beta: Social worker"]
    # £100 and £200 paid in the first month
    assert drawn.figures.to_pylist()[0] == {
        "Month": 1,
        "Alpha: Social worker": "£100",
        "Beta: Social worker": "£200",
    }
    encoding = drawn.spec["encoding"]
    assert encoding["x"]["title"] == "Month"
    assert encoding["y"]["title"] == "Incentive spend per worker retained"
    assert "£" in encoding["y"]["axis"]["labelExpr"]  # pounds on the axis


def test_the_break_even_chart_runs_by_months_to_fill_unless_asked_otherwise():
    # At 12% Alpha pays from 1,575.60 / 0.12 = £13,130 a leaver: 14 months at £1,000
    view = costs.build([ALPHA], ONE_YEAR, Display(), figures(12))
    [drawn] = view.break_even.charts
    assert drawn.spec["encoding"]["x"]["title"] == "Months a vacancy takes to fill"


def test_the_figures_behind_the_defaults_are_those_before_the_start():
    context = nobody_leaves().context
    assert context.heading == "Leaving, agency and vacancy figures, with sources"
    # a start in April 2017 takes the turnover of the year to 30 September 2016
    assert context.sentences[0].startswith("Leaving rate: 15.1%, England's turnover")
    assert "year to 30 September 2016" in context.sentences[0]
    assert context.notes == (
        "Each value's source, date and quoted words are in data/workforce.yaml.",
    )
    assert context.table is not None
    rows = context.table.to_pylist()
    assert list(dict.fromkeys(r["Figure"] for r in rows)) == [
        "Turnover, England (%)",
        "Agency workers, England (%)",
        "Vacancies, England (%)",
        "Kirklees social workers who left in 12 months",
        "Kirklees social workers hired in 12 months",
        "Kirklees agency staff (% of children's services)",
    ]
    # data/workforce.yaml: Kirklees, to 15 January 2017
    assert rows[-3:] == [
        {
            "Figure": "Kirklees social workers who left in 12 months",
            "Year to": "15 January 2017",
            "Value": "32",
        },
        {
            "Figure": "Kirklees social workers hired in 12 months",
            "Year to": "15 January 2017",
            "Value": "19",
        },
        {
            "Figure": "Kirklees agency staff (% of children's services)",
            "Year to": "15 January 2017",
            "Value": "25",
        },
    ]


def test_the_cost_page_asks_the_compute_it_is_given():
    compute = CountedCompute()
    costs.build([ALPHA, BETA], ONE_YEAR, Display(), figures(0), compute)
    # each offer, then the same offer with its salary only
    assert compute.asked == ["a", "a", "b", "b"]
