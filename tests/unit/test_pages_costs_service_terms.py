"""The service view's words, table and figures, pinned where a slip would show.

The offer is the one worked in test_pages_costs.py: a £1,200 a year supplement on £30,000 in
2017/18, employer's pension 17%, costing £1,575.60 a post a year whatever the leaving rate;
its recruitment fee at 10% is £3,000.
"""

from __future__ import annotations

import datetime as dt

from incentives import Scenario
from incentives.leavers import curves_of
from incentives.pages import costs_break_even, costs_service
from incentives.pages.costs_break_even import priced
from incentives.pages.costs_service import Service, kirklees_example
from tests.builders import offer

ONE_YEAR = Scenario(
    years=1, start=dt.date(2017, 4, 1), pay_award=0, employer_pension_rate={"test-offer": 17}
)
LABEL = "Test: Social worker"
SERVICE = Service(posts=100, annual_leaving_rate=15, agency_share=20)


def supplement(amount: float):
    return offer(
        30_000, {"kind": "supplement", "name": "Supplement", "from_month": 1, "amount": amount}
    )


def offers_of(package=None, share: float = 10) -> dict[str, costs_break_even.Priced]:
    with_incentives, salary_only = curves_of(package or supplement(1_200), ONE_YEAR)
    return {LABEL: priced(LABEL, with_incentives, salary_only, share)}


def test_a_vacancy_of_one_month_is_one_month_of_cover_in_the_note():
    section = costs_service.section(offers_of(), SERVICE, 1_000, 1, kirklees_example())
    assert "your vacancy cost (1 month of agency cover and a recruitment fee" in section.notes[0]
