"""What every offer pays over the years chosen: its incentives alone, and with its salary.

Worked out from the same schedules as the comparison, for someone who joins at the top of the
scale and stays, every payment counted. A total that rests on a figure the council does not
publish is left blank (None), with the reason, rather than counted as £0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from incentives.engine import build_schedule
from incentives.model import Offer
from incentives.njc_grades import awards_problem
from incentives.scenario import Scenario

SALARY_NOT_PUBLISHED = "salary not published"
AMOUNT_NOT_PUBLISHED = "an amount not published"
PERCENT_OF_UNPUBLISHED = "a percentage of a salary not published"
NOT_CARRIED = "pay the recorded NJC awards cannot carry (choose a percentage award)"


@dataclass(frozen=True)
class Horizon:
    """The parts of the sidebar's scenario that change what an offer pays a worker who stays."""

    years: int = 3
    start: dt.date = dt.date(2017, 4, 1)
    pay_award: Decimal | str = "njc"
    future_pay_award: Decimal | None = None
    annual_step: Decimal = Decimal(3)

    @classmethod
    def of(cls, scenario: Scenario) -> Horizon:
        return cls(
            scenario.years,
            scenario.start,
            scenario.pay_award,
            scenario.future_pay_award,
            scenario.annual_step,
        )

    def scenario(self, offer: Offer) -> Scenario:
        """The scenario to project ``offer`` under: without a published salary, its incentives
        are worked out on a salary of £0 with no pay award (so only sums in pounds count)."""
        if offer.salary.top.value is None:
            return Scenario(
                years=self.years,
                start=self.start,
                pay_award=Decimal(0),
                assumed={offer.id: {"salary.top": Decimal(0)}},
            )
        return Scenario(
            years=self.years,
            start=self.start,
            pay_award=self.pay_award,  # type: ignore[arg-type]  # "njc" or a percentage
            future_pay_award=self.future_pay_award,
            annual_step=self.annual_step,
        )

    @property
    def words(self) -> str:
        return f"over {self.years} year{'s' if self.years > 1 else ''} from {self.start:%B %Y}"


@dataclass(frozen=True)
class Totals:
    incentives: Decimal | None  # everything but salary; None: rests on a figure not published
    pay: Decimal | None  # salary and incentives
    missing: tuple[str, ...]  # why a total is blank, in words


def totals(offer: Offer, horizon: Horizon) -> Totals:
    """What ``offer`` pays over ``horizon``, to the penny; unknown for pay the agreed awards
    cannot raise (a visitor's package below the old spine's recorded points, or too old)."""
    scenario = horizon.scenario(offer)
    if awards_problem(offer, scenario) is not None:
        return Totals(None, None, (NOT_CARRIED,))
    schedule = build_schedule(offer, scenario)
    by_line = schedule.paid().sum(axis=1)
    salary = Decimal(int(by_line[0])) / 100
    incentives: Decimal | None = Decimal(int(by_line[1:].sum())) / 100
    missing: list[str] = []
    top_published = offer.salary.top.value is not None
    if not top_published:
        missing.append(SALARY_NOT_PUBLISHED)
        if any(path.endswith("percent_of_basic") for path, _ in offer.figures()):
            missing.append(PERCENT_OF_UNPUBLISHED)
            incentives = None
    if schedule.assumed_zero:
        missing.append(AMOUNT_NOT_PUBLISHED)
        incentives = None
    pay = None if incentives is None or not top_published else salary + incentives
    return Totals(incentives, pay, tuple(missing))


def totals_table(offers: Iterable[Offer], horizon: Horizon) -> pd.DataFrame:
    """One row per offer: ``id``, ``incentives`` and ``pay`` in pounds (None where not known)
    and ``missing``, the reasons in words ('' where both are known)."""
    rows = []
    for offer in offers:
        found = totals(offer, horizon)
        rows.append(
            {
                "id": offer.id,
                "incentives": None if found.incentives is None else float(found.incentives),
                "pay": None if found.pay is None else float(found.pay),
                "missing": "; ".join(found.missing),
            }
        )
    return pd.DataFrame(rows, columns=["id", "incentives", "pay", "missing"])
