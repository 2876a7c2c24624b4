"""The break-even chart: where each line starts, how far the chart runs, and its words.

Offers on £30,000 in 2017/18, no pay award, employer's pension 17%, over one year. A £1,200 a
year supplement costs £100 + £13.80 NI + £0.50 levy + £17 pension = £131.30 a month, £1,575.60
a post a year; £2,400 costs twice that, £262.60 a month, £3,151.20 a year; £12 costs £1
+ 14p NI + 1p levy + 17p pension (each rounded to the penny) = £1.32 a month, £15.84 a year.
At 15.1% leaving, keeping everyone pays from 1,575.60 / 0.151 = £10,434.44, 3,151.20 / 0.151
= £20,868.88 and 15.84 / 0.151 = £104.91 a leaver (each rounded up to the penny).
"""

from __future__ import annotations

from decimal import Decimal

from incentives.leavers import OfferAnswer, curves_of
from incentives.pages import costs_break_even
from incentives.pages.costs_break_even import priced
from incentives.pages.costs_break_even_chart import (
    chart_months,
    chart_premiums,
    months_to_pay,
    premium_to_pay,
)
from incentives.pages.views import Chart
from tests.builders import offer
from tests.page_checks import COST_PAGE_YEAR


def supplement(amount: float):
    return offer(
        30_000, {"kind": "supplement", "name": "Supplement", "from_month": 1, "amount": amount}
    )


def offers_of(packages: dict, share: float = 0) -> dict[str, costs_break_even.Priced]:
    out = {}
    for label, package in packages.items():
        with_incentives, salary_only = curves_of(package, COST_PAGE_YEAR)
        out[label] = priced(label, with_incentives, salary_only, share)
    return out


def drawn_chart(*args, **kwargs) -> Chart:
    [drawn] = costs_break_even.section(*args, **kwargs).charts
    return drawn


def rows_of(drawn: Chart) -> list[dict]:
    assert drawn.figures is not None
    return drawn.figures.to_pylist()


def answer(least: str | None, cost: str = "100.00") -> OfferAnswer:
    return OfferAnswer(
        annual_leaving_rate=10,
        saving_per_leaver=Decimal("0"),
        cost_per_post_year=Decimal(cost),
        cost_with_no_leavers=Decimal(cost),
        most_saved=Decimal("0"),
        least_saving_that_pays=None if least is None else Decimal(least),
        cut_that_pays_soonest=10,
        cut_needed=None,
        saving_needed={},
    )


def test_a_vacancy_must_last_the_whole_months_its_cover_takes_to_pay():
    # £10,000 a leaver at £1,000 a month of cover: exactly 10 months; a penny more, 11
    assert months_to_pay(answer("10000.00"), 1_000, 0) == 10
    assert months_to_pay(answer("10000.01"), 1_000, 0) == 11
    # a £4,000 fee leaves £6,000 for cover: 6 months
    assert months_to_pay(answer("10000.00"), 1_000, 4_000) == 6
    # the fee alone pays (exactly, or more): no months needed
    assert months_to_pay(answer("4000.00"), 1_000, 4_000) == 0
    assert months_to_pay(answer("100.00"), 1_000, 4_000) == 0
    # no cover to save, or nobody leaving: no length of vacancy pays
    assert months_to_pay(answer("10000.00"), 0, 0) is None
    assert months_to_pay(answer(None), 1_000, 0) is None
    # incentives costing nothing pay at once
    assert months_to_pay(answer(None, cost="0.00"), 1_000, 0) == 0


def test_the_agency_premium_that_pays_is_rounded_up_to_the_pound_a_year():
    # £10,000 a leaver over 20 months: 10,000 / 20 × 12 = £6,000 a year exactly
    assert premium_to_pay(answer("10000.00"), 20, 0) == 6_000
    # 10,000.01 / 20 × 12 = 6,000.006: £6,001
    assert premium_to_pay(answer("10000.01"), 20, 0) == 6_001
    # a £4,000 fee: 6,000 / 20 × 12 = £3,600
    assert premium_to_pay(answer("10000.00"), 20, 4_000) == 3_600
    assert premium_to_pay(answer("4000.00"), 20, 4_000) == 0
    # vacancies filled at once, or nobody leaving: no premium pays
    assert premium_to_pay(answer("10000.00"), 0, 0) is None
    assert premium_to_pay(answer(None), 20, 0) is None
    assert premium_to_pay(answer(None, cost="0.00"), 20, 0) == 0


def test_the_chart_by_months_runs_a_year_past_the_last_start_within_3_and_10_years():
    assert chart_months({}) == tuple(range(1, 37))
    assert chart_months({"A": None, "B": 25}) == tuple(range(1, 38))  # 25 + 12 = 37
    assert chart_months({"A": 30, "B": 2}) == tuple(range(1, 43))  # 30 + 12 = 42
    assert chart_months({"A": 109}) == tuple(range(1, 121))  # 109 + 12 = 121: held at 120


def test_the_chart_by_premium_runs_past_the_last_start_and_the_visitors_premium():
    thousands = lambda top: tuple(range(0, top + 1, 1_000))  # noqa: E731
    assert chart_premiums({"A": None}, 0) == thousands(40_000)  # at least £40,000
    # 45,500 + 10,000 = 55,500, up to the next £1,000
    assert chart_premiums({"A": 45_500, "B": 1_000}, 0) == thousands(56_000)
    assert chart_premiums({"A": 30_000}, 0) == thousands(40_000)  # 30,000 + 10,000
    assert chart_premiums({}, 41_001) == thousands(42_000)
    assert chart_premiums({}, 41_000) == thousands(41_000)
    assert chart_premiums({"A": 200_000}, 0) == thousands(120_000)  # at most £120,000


def test_a_line_that_starts_past_ten_years_is_said_to_and_waits_in_the_table():
    # At £100 a month: 10,434.44 / 100 = 104.3, so 105 months; 20,868.88 / 100 = 208.7, 209
    drawn = drawn_chart(offers_of({"A": supplement(1_200), "B": supplement(2_400)}), 15.1, 100, 20)
    # 1,575.60 / (105 × 100) = 15.006 points; 1,575.60 / (120 × 100) = 13.13
    assert drawn.description == (
        "Line chart of the cut in the annual leaving rate, in percentage points, each offer "
        "needs to pay for itself, by how many months a vacancy takes to fill, from 105 months "
        "to 120 months; the longer a post stays vacant, the more a leaver costs and the "
        "smaller the cut. A pays from 105 months (a leaver saving £10,434.44), needing a cut "
        "of 15.0 points then and 13.1 points at 120 months; B needs a leaver to save "
        "£20,868.88, reached at 209 months."
    )
    rows = rows_of(drawn)
    assert [r["Months a vacancy takes to fill"] for r in rows] == list(range(105, 121))
    assert rows[0] == {
        "Months a vacancy takes to fill": 105,
        "A": "15.0 points",
        "B": "pays from 209 months",
    }
    assert drawn.figures is not None
    assert drawn.figures.column_names == ["Months a vacancy takes to fill", "A", "B"]


def test_without_agency_cover_only_an_offer_the_fee_pays_for_is_drawn():
    # A 10% fee, £3,000 a leaver, pays for the £12 supplement's £104.91 at once: a cut of
    # 15.84 / 3,000 = 0.53 points whatever the months; the £1,200's £10,434.44 never comes
    drawn = drawn_chart(
        offers_of({"A": supplement(12), "B": supplement(1_200)}, share=10), 15.1, 0, 20
    )
    assert drawn.description == (
        "Line chart of the cut in the annual leaving rate, in percentage points, each offer "
        "needs to pay for itself, by how many months a vacancy takes to fill, from 1 month to "
        "36 months; the longer a post stays vacant, the more a leaver costs and the smaller "
        "the cut. A pays from 1 month (a leaver saving £104.91), needing a cut of 0.5 points "
        "then and 0.5 points at 36 months; B needs a leaver to save £10,434.44, which no "
        "vacancy gives at £0 a month of agency cover."
    )
    rows = rows_of(drawn)
    assert len(rows) == 36
    assert rows[-1] == {
        "Months a vacancy takes to fill": 36,
        "A": "0.5 points",
        "B": "no length pays",
    }


def test_with_no_one_leaving_an_offer_with_incentives_has_no_one_to_keep():
    drawn = drawn_chart(offers_of({"A": offer(30_000), "B": supplement(1_200)}), 0, 1_000, 20)
    assert drawn.description.endswith(
        "A pays from 1 month, needing a cut of 0.0 points then and 0.0 points at 36 months; "
        "B has no leavers to keep."
    )


def test_the_chart_by_months_plots_points_of_a_cut_against_whole_months():
    drawn = drawn_chart(offers_of({"A": supplement(1_200)}), 15.1, 1_000, 20)
    encoding = drawn.spec["encoding"]
    assert encoding["x"]["field"] == "months_to_fill"
    assert encoding["x"]["title"] == "Months a vacancy takes to fill"
    assert encoding["x"]["axis"]["format"] == "d"
    assert encoding["y"]["title"] == "Cut needed (points)"
    assert "labelExpr" not in encoding["y"]["axis"]  # points, not pounds
    [values] = drawn.data.values()
    first = values.to_pylist()[0]
    # 1,575.60 / (11 × 1,000) = 14.32 points, tooltip to one place
    assert (first["months_to_fill"], first["value_text"]) == (11, "14.3")


def test_the_chart_by_premium_gives_each_offer_its_own_start():
    # Over 20 months: 10,434.44 / 20 × 12 = 6,260.66, so £6,261 a year (drawn from £7,000);
    # 20,868.88 / 20 × 12 = 12,521.33, so £12,522 (drawn from £13,000). The £2,400 at
    # £13,000: 3,151.20 / (13,000 / 12 × 20 = 21,666.67) = 14.54 points; at £40,000,
    # 3,151.20 / 66,666.67 = 4.73
    drawn = drawn_chart(
        offers_of({"A": supplement(1_200), "B": supplement(2_400)}),
        15.1,
        1_000,
        20,
        against="premium",
    )
    assert drawn.description.endswith(
        "B pays from £13,000 a year (a leaver saving £20,868.88), needing a cut of 14.5 points "
        "then and 4.7 points at £40,000 a year."
    )
    assert drawn.spec["encoding"]["x"]["field"] == "premium_a_year"
    rows = rows_of(drawn)
    assert len(rows) == 34  # £7,000 to £40,000
    assert rows[0]["B"] == "pays from £12,522 a year"
    assert rows[-1] == {"Agency premium (£ a year)": 40_000, "A": "2.4 points", "B": "4.7 points"}


def test_with_vacancies_filled_at_once_the_premium_chart_says_so():
    drawn = drawn_chart(
        offers_of({"A": supplement(12), "B": supplement(1_200)}, share=10),
        15.1,
        1_000,
        0,
        against="premium",
    )
    assert drawn.description.startswith(
        "Line chart of the cut in the annual leaving rate, in percentage points, each offer "
        "needs to pay for itself, by how much more agency cover costs a year than a permanent "
        "worker, with vacancies filled at once, from £0 a year to £40,000 a year; the dearer "
        "agency cover, the more a leaver costs and the smaller the cut. A pays from £0 a year"
    )
    assert drawn.description.endswith(
        "B needs a leaver to save £10,434.44, which no agency premium gives with vacancies "
        "filled at once."
    )
    assert rows_of(drawn)[0] == {
        "Agency premium (£ a year)": 0,
        "A": "0.5 points",
        "B": "no premium pays",
    }


def test_vacancies_filled_in_a_month_or_less_are_still_months_of_cover():
    # 1 month or half a month is not "filled at once": the premium buys that much cover. The
    # £12 supplement pays from 104.91 × 12 = £1,258.92 a year over 1 month, twice over half
    small = offers_of({"A": supplement(12)})
    month = drawn_chart(small, 15.1, 1_000, 1, against="premium")
    assert "with vacancies taking 1 month to fill, from £2,000 a year" in month.description
    half = drawn_chart(small, 15.1, 1_000, 0.5, against="premium")
    assert "with vacancies taking 0.5 months to fill, from £3,000 a year" in half.description


def test_the_fee_alone_paying_exactly_needs_no_months_and_no_premium():
    # £4,000 needed, a £4,000 fee: pays at once, even with no cover or vacancies filled at once
    assert months_to_pay(answer("4000.00"), 0, 4_000) == 0
    assert premium_to_pay(answer("4000.00"), 0, 4_000) == 0
    assert months_to_pay(answer(None, cost="0.00"), 0, 0) == 0
    assert premium_to_pay(answer(None, cost="0.00"), 0, 0) == 0


def test_fifty_pence_short_of_the_fee_needs_a_first_month_or_pound():
    # 4,000.50 − 4,000 = 50p: 0.5 / 1,000 a month, up to 1 month; 0.5 / 20 × 12 = 30p, up to £1
    assert months_to_pay(answer("4000.50"), 1_000, 4_000) == 1
    assert premium_to_pay(answer("4000.50"), 20, 4_000) == 1


def test_cover_of_under_a_pound_a_month_still_counts():
    # £10 at 50p a month: 20 months; £10 over half a month: 10 / 0.5 × 12 = £240 a year
    assert months_to_pay(answer("10.00"), 0.5, 0) == 20
    assert premium_to_pay(answer("10.00"), 0.5, 0) == 240


def test_incentives_costing_under_a_pound_are_paid_for_by_cover_too():
    # 50p a post-year, £5 a leaver to keep everyone: 5 months at £1 a month
    assert months_to_pay(answer("5.00", cost="0.50"), 1, 0) == 5


def test_an_offer_that_pays_nowhere_does_not_stop_the_next_being_drawn():
    # Without cover, the £1,200 supplement (first) pays nowhere; the £12 one (second) is drawn
    drawn = drawn_chart(
        offers_of({"B": supplement(1_200), "A": supplement(12)}, share=10), 15.1, 0, 20
    )
    assert drawn.description.endswith(
        "B needs a leaver to save £10,434.44, which no vacancy gives at £0 a month of agency "
        "cover; A pays from 1 month (a leaver saving £104.91), needing a cut of 0.5 points then "
        "and 0.5 points at 36 months."
    )


def test_an_offer_past_the_chart_does_not_stop_the_next_being_described():
    # At £100 a month the £2,400 supplement (first) starts at 209 months, past the chart
    drawn = drawn_chart(offers_of({"B": supplement(2_400), "A": supplement(1_200)}), 15.1, 100, 20)
    assert drawn.description.endswith(
        "B needs a leaver to save £20,868.88, reached at 209 months; A pays from 105 months (a "
        "leaver saving £10,434.44), needing a cut of 15.0 points then and 13.1 points at 120 "
        "months."
    )
