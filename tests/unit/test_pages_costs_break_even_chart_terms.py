"""The break-even chart: where each line starts, how far the chart runs, and its words.

Offers on £30,000 in 2017/18, no pay award, employer's pension 17%, over one year. A £1,200 a
year supplement costs £100 + £13.80 NI + £0.50 levy + £17 pension = £131.30 a month, £1,575.60
a post a year; £2,400 costs twice that, £262.60 a month, £3,151.20 a year; £12 costs £1
+ 14p NI + 1p levy + 17p pension (each rounded to the penny) = £1.32 a month, £15.84 a year.
At 15.1% leaving, keeping everyone pays from 1,575.60 / 0.151 = £10,434.44, 3,151.20 / 0.151
= £20,868.88 and 15.84 / 0.151 = £104.91 a leaver (each rounded up to the penny).
"""

from __future__ import annotations

import datetime as dt

from incentives import Scenario
from incentives.leavers import curves_of
from incentives.pages import costs_break_even
from incentives.pages.costs_break_even import priced
from incentives.pages.views import Chart
from tests.builders import offer

ONE_YEAR = Scenario(
    years=1, start=dt.date(2017, 4, 1), pay_award=0, employer_pension_rate={"test-offer": 17}
)


def supplement(amount: float):
    return offer(
        30_000, {"kind": "supplement", "name": "Supplement", "from_month": 1, "amount": amount}
    )


def offers_of(packages: dict, share: float = 0) -> dict[str, costs_break_even.Priced]:
    out = {}
    for label, package in packages.items():
        with_incentives, salary_only = curves_of(package, ONE_YEAR)
        out[label] = priced(label, with_incentives, salary_only, share)
    return out


def drawn_chart(*args, **kwargs) -> Chart:
    [drawn] = costs_break_even.section(*args, **kwargs).charts
    return drawn


def rows_of(drawn: Chart) -> list[dict]:
    assert drawn.figures is not None
    return drawn.figures.to_pylist()


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


def test_vacancies_filled_in_a_month_or_less_are_still_months_of_cover():
    # 1 month or half a month is not "filled at once": the premium buys that much cover. The
    # £12 supplement pays from 104.91 × 12 = £1,258.92 a year over 1 month, twice over half
    small = offers_of({"A": supplement(12)})
    month = drawn_chart(small, 15.1, 1_000, 1, against="premium")
    assert "with vacancies taking 1 month to fill, from £2,000 a year" in month.description
    half = drawn_chart(small, 15.1, 1_000, 0.5, against="premium")
    assert "with vacancies taking 0.5 months to fill, from £3,000 a year" in half.description
