"""The comparison page's words, headings and figures, pinned where a slip would show."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from incentives import load_offers
from incentives.model import Offer
from incentives.pages import compare
from incentives.pages.views import Display
from incentives.scenario import Scenario
from incentives.vocabulary import Measure
from tests.builders import golden_hello, offer

OFFERS = load_offers()
KIRKLEES = OFFERS["kirklees-social-worker"]
ROTHERHAM = OFFERS["rotherham-social-worker"]
MANAGER = OFFERS["kirklees-team-manager"]  # its salary is not published
TODAY = dt.date(2026, 12, 1)


def test_the_sources_are_headed_and_ask_for_assumptions_only_where_figures_are_missing():
    view = compare.sources(KIRKLEES, {}, TODAY)
    assert view.heading == "Where the figures come from"
    assert view.figures.heading == "Kirklees: Experienced social worker (Level 3): figures"
    assert view.figures.notes == ()  # every figure published
    assumed = compare.sources(MANAGER, {"salary.top": Decimal("40000")}, TODAY)
    assert assumed.figures.notes == (
        "Enter assumptions for unpublished figures under 'Starting salaries and unpublished "
        "figures' in the sidebar.",
    )


def test_the_take_home_breakdown_is_described_as_the_gross_pay_it_splits():
    # Rotherham over 3 years from April 2017, no award: £124,872 gross (3 × 41,624), of which
    # £88,602.13 is take-home: the bars of take-home, tax, NI and pension add up to the gross
    scenario = Scenario(pay_award=0)
    view = compare.build([ROTHERHAM], scenario, Display.of(scenario, "net"), TODAY)
    [totals] = view.made_of.charts
    assert totals.description == (
        "Bar chart of each offer's gross pay over the whole period, split by where the pay "
        "goes. Totals: Rotherham: Social worker £124,872."
    )
    [yearly] = view.yearly.charts
    assert yearly.description == (
        "Bar chart of Rotherham: Social worker's gross pay in each year of service, split by "
        "where the pay goes: year 1 £41,624; year 2 £41,624; year 3 £41,624."
    )
    assert view.leader.table is not None
    assert view.leader.table.to_pylist()[0]["Total"] == "£88,602.13"  # take-home, as before


def gross_page(
    *offers: Offer, measure: Measure = "gross", scenario: Scenario | None = None
) -> compare.CompareView:
    scenario = scenario or Scenario(pay_award=0)
    return compare.build(offers, scenario, Display.of(scenario, measure), TODAY)


# Kirklees and Rotherham over 3 years from April 2017, no pay award (test_pages_compare.py):
# Kirklees 3 × (35,696 + 1,500) + 2,000 = 113,588; Rotherham 3 × (38,720 + 1,936 + 968)
# = 124,872. Built in each test that reads it, not once on import, so that mutation testing,
# which runs only the tests seen calling a function, runs these tests on its mutants.
def both_page() -> compare.CompareView:
    return gross_page(KIRKLEES, ROTHERHAM)


def test_the_page_has_its_title_and_intro():
    both = both_page()
    assert both.title == "What each council's offer pays"
    assert both.intro == (
        "Salary, supplements, golden hellos, retention payments and clawbacks, month by "
        "month, for the years you expect to stay: before tax, in your pocket, or as a cost to "
        "the council. Every figure comes from a published source; where a council does not "
        "publish one, you supply the assumption."
    )


def test_the_extra_pay_is_set_against_the_offer_paying_least():
    both = both_page()
    assert both.kept is not None
    assert both.kept.notes == (
        "Differences over the whole period, against the offer paying least gross. Pension "
        "contributions are not lost: they buy pension.",
    )
    assert both.kept.table is not None
    assert both.kept.table.column_names[0] == "Offer"
    assert both.kept.table.to_pylist()[0]["Offer"] == "Rotherham: Social worker"


def test_the_download_is_labelled_and_explained():
    both = both_page()
    assert both.csv.label == "Download the year-by-year figures (CSV)"
    assert both.csv.help == "Every measure, deduction and on-cost for each offer and year."


def test_the_year_table_names_the_measure_in_its_columns():
    both = both_page()
    assert both.years.heading == "Year by year"
    assert both.years.table is not None
    assert both.years.table.column_names == [
        "Offer",
        "Year",
        "Gross pay in the year",
        "Gross pay to date",
    ]
    # Kirklees's first year: 35,696 + 1,500 + the 2,000 golden hello
    assert both.years.table.to_pylist()[0]["Gross pay in the year"] == "£39,196"


def test_the_totals_chart_splits_each_offers_total_by_kind_of_payment():
    both = both_page()
    [totals] = both.made_of.charts
    assert totals.description == (
        "Bar chart of each offer's gross pay over the whole period, split by kind of payment. "
        "Totals: Rotherham: Social worker £124,872; Kirklees: Experienced social worker "
        "(Level 3) £113,588."
    )
    assert totals.figures is not None
    # Rotherham: 3 × 38,720 salary, 3 × 1,936 supplement, 3 × 968 retention
    assert totals.figures.to_pylist()[0] == {
        "Offer": "Rotherham: Social worker",
        "Salary": "£116,160",
        "Supplement": "£5,808",
        "Golden hello": "£0",
        "Retention": "£2,904",
        "Total": "£124,872",
    }


def test_the_yearly_chart_gives_each_year_by_kind_of_payment():
    both = both_page()
    kirklees = both.yearly.charts[0]
    assert kirklees.figures is not None
    assert kirklees.figures.to_pylist()[0] == {
        "Year": 1,
        "Salary": "£35,696",
        "Supplement": "£1,500",
        "Golden hello": "£2,000",
        "Total": "£39,196",
    }


def test_the_running_total_is_given_by_pay_date_leader_first():
    both = both_page()
    [drawn] = both.to_date.charts
    assert drawn.figures is not None
    assert drawn.figures.column_names == [
        "Pay date",
        "Rotherham: Social worker",
        "Kirklees: Experienced social worker (Level 3)",
    ]
    # April 2017: Rotherham 40,656 / 12 = 3,388; Kirklees 37,196 / 12 + 2,000 = 5,099.67
    assert drawn.figures.to_pylist()[0] == {
        "Pay date": "April 2017",
        "Rotherham: Social worker": "£3,388",
        "Kirklees: Experienced social worker (Level 3)": "£5,099.67",
    }


def test_six_offers_still_get_a_chart_each_and_seven_a_note():
    offers = [offer(30_000 + i, id=f"o{i}", council=f"Council {i}") for i in range(7)]
    one_year = Scenario(pay_award=0, years=1)
    assert len(gross_page(*offers[:6], scenario=one_year).yearly.charts) == 6
    seven = gross_page(*offers, scenario=one_year)
    assert seven.yearly.notes == (
        "Choose 6 offers or fewer to see a chart of each one year by year; the table below "
        "has every year's figures.",
    )


def test_the_headline_and_steady_column_follow_the_measure():
    both = both_page()
    net = gross_page(KIRKLEES, ROTHERHAM, measure="net")
    assert net.leader.heading == "Take-home pay: who comes out ahead"
    assert net.leader.sentences[0].startswith(
        "**Rotherham: Social worker** leaves you with the most over 3 years: £"
    )
    assert net.leader.table is not None
    assert "Steady take-home a year" in net.leader.table.column_names
    assert net.yearly.heading == "Each year, by where the pay goes"
    reward = gross_page(KIRKLEES, ROTHERHAM, measure="total_reward")
    assert reward.leader.sentences[0].startswith(
        "**Rotherham: Social worker** is worth the most over 3 years: £"
    )
    assert reward.leader.table is not None
    assert "Steady total reward a year" in reward.leader.table.column_names
    assert reward.made_of.heading == "What makes up each total: what the reward is made of"
    assert reward.reward is not None and reward.benefits is not None
    assert both.reward is None and both.benefits is None
    employer = gross_page(KIRKLEES, measure="employer_cost")
    assert employer.leader.table is not None
    assert "Steady cost a year" in employer.leader.table.column_names


def test_fifty_pence_more_gross_is_more_not_the_same():
    one_year = Scenario(pay_award=0, years=1)
    one = offer(30_000, id="one", council="One Council")
    other = offer(30_000.50, id="other", council="Other Council")
    view = gross_page(one, other, scenario=one_year)
    assert view.kept is not None
    [sentence] = view.kept.sentences
    assert sentence.startswith(
        "**Other: Social worker** pays £0.50 more gross than One: Social worker: of each extra "
        "£1 you keep **"
    )


def test_offers_paying_the_same_gross_keep_the_heading_and_note():
    one_year = Scenario(pay_award=0, years=1)
    one = offer(30_000, id="one", council="One Council")
    other = offer(30_000, id="other", council="Other Council")
    kept = gross_page(one, other, scenario=one_year).kept
    assert kept is not None
    assert kept.heading == "What the extra pay is worth to you"
    assert kept.notes == (
        "Differences over the whole period, against the offer paying least gross. Pension "
        "contributions are not lost: they buy pension.",
    )


def test_the_charts_figure_tables_keep_the_kinds_in_the_legends_order():
    both = both_page()
    [totals] = both.made_of.charts
    kirklees, rotherham = both.yearly.charts
    assert totals.figures is not None and kirklees.figures is not None
    assert rotherham.figures is not None
    assert totals.figures.column_names == [
        "Offer",
        "Salary",
        "Supplement",
        "Golden hello",
        "Retention",
        "Total",
    ]
    # each offer's own kinds only: Kirklees has no retention payment, Rotherham no hello
    assert kirklees.figures.column_names == [
        "Year",
        "Salary",
        "Supplement",
        "Golden hello",
        "Total",
    ]
    assert rotherham.figures.column_names == ["Year", "Salary", "Supplement", "Retention", "Total"]


def test_the_yearly_charts_share_one_scale_up_to_the_largest_year():
    both = both_page()
    # Rotherham's £41,624 a year is more than Kirklees's first, £39,196: both charts run to it
    for drawn in both.yearly.charts:
        assert drawn.spec["encoding"]["y"]["scale"] == {"domainMax": 41_624.0}


def test_the_headline_says_what_the_leader_costs_the_council_over_two_years():
    # Kirklees over 2 years: 2 × 37,196 + 2,000 = 76,392 gross, and the council's on-costs
    two_years = Scenario(pay_award=0, years=2)
    [sentence] = gross_page(KIRKLEES, measure="employer_cost", scenario=two_years).leader.sentences
    assert sentence.startswith(
        "**Kirklees: Experienced social worker (Level 3)** costs the council the most over 2 "
        "years: £"
    )
    gross = gross_page(KIRKLEES, scenario=two_years).leader.sentences
    assert gross == (
        "**Kirklees: Experienced social worker (Level 3)** pays the most over 2 years: £76,392.",
    )


def test_the_pence_kept_of_each_extra_pound_are_the_extra_take_home_over_the_extra_gross():
    both = both_page()
    # Rotherham takes home £7,211.06 more than Kirklees (£88,602.13 against £81,391.07) on
    # £11,284 more gross: 7,211.06 / 11,284 = 0.639, 64p of each extra £1
    assert both.kept is not None
    assert both.kept.sentences[0].endswith("of each extra £1 you keep **64p**.")
    net = gross_page(KIRKLEES, ROTHERHAM, measure="net").leader.sentences[0]
    assert net.endswith(
        ": £88,602.13, £7,211.06 more than Kirklees: Experienced social worker (Level 3)."
    )


def test_offers_paying_the_same_keep_their_order_in_the_running_total():
    # £30,000 each over a year: a tie, listed as the offers were chosen, not alphabetically
    one_year = Scenario(pay_award=0, years=1)
    zeta = offer(30_000, id="zeta", council="Zeta Council")
    alpha = offer(30_000, id="alpha", council="Alpha Council")
    [drawn] = gross_page(zeta, alpha, scenario=one_year).to_date.charts
    assert drawn.description.endswith(
        "By March 2018: Zeta: Social worker £30,000; Alpha: Social worker £30,000."
    )
    assert drawn.figures is not None
    assert drawn.figures.column_names == [
        "Pay date",
        "Zeta: Social worker",
        "Alpha: Social worker",
    ]


def test_the_running_total_chart_names_the_measure_on_its_axis():
    both = both_page()
    [drawn] = both.to_date.charts
    assert drawn.spec["encoding"]["y"]["title"] == "Gross pay to date"
    [net] = gross_page(KIRKLEES, measure="net").to_date.charts
    assert net.spec["encoding"]["y"]["title"] == "Take-home pay to date"


def test_each_yearly_chart_is_titled_with_its_offer():
    both = both_page()
    kirklees, rotherham = both.yearly.charts
    assert kirklees.spec["title"] == "Kirklees: Experienced social worker (Level 3)"
    assert rotherham.spec["title"] == "Rotherham: Social worker"


def test_the_totals_chart_says_its_bars_cover_the_whole_period():
    both = both_page()
    [totals] = both.made_of.charts
    assert totals.spec["encoding"]["x"]["title"] == ["Over the whole period"]


def test_with_a_chart_for_each_offer_there_is_no_note_asking_for_fewer():
    both = both_page()
    assert len(both.yearly.charts) == 2
    assert both.yearly.notes == ()


def test_the_cost_and_reward_charts_are_described_by_their_own_measure_not_gross_pay():
    # Only the take-home breakdown adds up to gross pay; the council's cost and the total
    # reward are split into their own parts, and their totals are the summary table's
    for measure, words, made_of in (
        ("employer_cost", "cost to the council", "what the council pays"),
        ("total_reward", "total reward", "what the reward is made of"),
    ):
        view = gross_page(KIRKLEES, measure=measure)
        assert view.leader.table is not None
        total = view.leader.table.to_pylist()[0]["Total"]
        [totals] = view.made_of.charts
        assert totals.description == (
            f"Bar chart of each offer's {words} over the whole period, split by {made_of}. "
            f"Totals: Kirklees: Experienced social worker (Level 3) {total}."
        )
        [yearly] = view.yearly.charts
        assert yearly.description.startswith(
            f"Bar chart of Kirklees: Experienced social worker (Level 3)'s {words} in each "
            f"year of service, split by {made_of}: year 1 £"
        )


def test_the_shared_scale_reaches_the_largest_year_pence_and_all():
    # £30,000 salary and a 40p golden hello in the one year: the bar stands at £30,000.40
    hello = offer(30_000, golden_hello(0.40), id="hello")
    [drawn] = gross_page(hello, scenario=Scenario(pay_award=0, years=1)).yearly.charts
    assert drawn.spec["encoding"]["y"]["scale"] == {"domainMax": 30_000.4}


def test_an_offer_paying_nothing_leaves_the_yearly_scale_to_the_chart():
    # a salary of £0 and nothing else: no year pays anything, so there is no largest year to
    # fix the scale at (and no NaN in the chart's specification)
    nothing = offer(0, id="nothing")
    [drawn] = gross_page(nothing, scenario=Scenario(pay_award=0, years=1)).yearly.charts
    assert "scale" not in drawn.spec["encoding"]["y"]
