"""Helpers shared by the tests of the page builders (incentives.pages)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from incentives.model import Offer
from incentives.pages.compute import DIRECT, ComparisonTables
from incentives.pages.views import Section
from incentives.retention import Curves
from incentives.scenario import Scenario

# The cost pages' worked year: from April 2017, no pay award, and a 17% employer pension on
# tests.builders' offer ("test-offer", shown as LABEL)
COST_PAGE_YEAR = Scenario(
    years=1, start=dt.date(2017, 4, 1), pay_award=0, employer_pension_rate={"test-offer": 17}
)
LABEL = "Test: Social worker"


class CountedCompute:
    """The library's own compute, noting the id of each offer whose curves a page asks for."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def comparison(self, offers: Sequence[Offer], scenario: Scenario) -> ComparisonTables:
        return DIRECT.comparison(offers, scenario)

    def curves(self, offer: Offer, scenario: Scenario) -> Curves:
        self.asked.append(offer.id)
        return DIRECT.curves(offer, scenario)


def only_row(section: Section) -> dict[str, str]:
    """The one row of a section's table."""
    assert section.table is not None
    [row] = section.table.to_pylist()
    return row
