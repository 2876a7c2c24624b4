"""Offers side by side under one scenario: the tables every view draws from.

A :class:`Comparison` builds each offer's monthly schedule and payroll once; the yearly table,
the monthly series for charts, the breakdowns and the summary are all sums of those same pence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import numpy as np
import pandas as pd

from incentives import pension_built_up
from incentives.benefits import VALUED_PARTS, valued_benefits
from incentives.engine import Schedule, build_schedule
from incentives.model import Offer
from incentives.money import divide, ppm
from incentives.payroll import DEDUCTIONS, ON_COSTS, Payroll, Person, run_payroll
from incentives.prices import convert
from incentives.scenario import Scenario
from incentives.uk_rules import RuleBook, rule_book
from incentives.vocabulary import MEASURES, Measure

# Total reward: gross pay, the employer's pension contributions and benefits with a money value.
REWARD_PARTS = ("gross", "employer_pension", *VALUED_PARTS)
# Where each pound goes, for the take-home and employer-cost breakdowns.
PARTS: dict[str, str] = {
    "net": "Take-home pay",
    "income_tax": "Income tax",
    "employee_ni": "National Insurance",
    "student_loan": "Student loan",
    "pension": "Pension contribution",
    "gross": "Gross pay",
    "employer_ni": "Employer NI",
    "employer_pension": "Employer pension",
    "apprenticeship_levy": "Apprenticeship levy",
    **VALUED_PARTS,
}


@dataclass(frozen=True)
class EmployerPensionRate:
    """The employer LGPS rate used for an offer, and where it comes from."""

    percent: Decimal
    basis: Literal["yours", "published", "national average"]
    since: dt.date | None = None  # for the national average: the valuation it comes from


def employer_pension_rate(
    offer: Offer, scenario: Scenario, rules: RuleBook | None = None
) -> EmployerPensionRate:
    """The scenario's rate for the offer, else the council's published one, else (an
    assumption) the national average employer rate in force at the start."""
    chosen = scenario.employer_pension_rate.get(offer.id)
    if chosen is not None:
        return EmployerPensionRate(Decimal(chosen), "yours")
    published = offer.employer_pension_rate
    if published is not None and published.value is not None:
        return EmployerPensionRate(published.value, "published")
    rate, since = (rules or rule_book()).employer_pension_average(scenario.start)
    return EmployerPensionRate(Decimal(rate) / 10_000, "national average", since)


@dataclass(frozen=True)
class Comparison:
    """Schedules and payrolls of several offers under one scenario."""

    scenario: Scenario
    offers: tuple[Offer, ...]
    schedules: tuple[Schedule, ...]
    payrolls: tuple[Payroll, ...]
    conversion: np.ndarray | None  # each month's factor into the scenario's money (None: as paid)
    benefits: tuple[dict[str, np.ndarray], ...] = ()  # per offer, monthly pence of valued benefits

    @classmethod
    def of(
        cls,
        offers: Mapping[str, Offer] | Iterable[Offer],
        scenario: Scenario,
        rules: RuleBook | None = None,
    ) -> Comparison:
        rules = rules or rule_book()
        chosen = tuple(offers.values() if isinstance(offers, Mapping) else offers)
        schedules = tuple(build_schedule(offer, scenario) for offer in chosen)
        person = Person.of(scenario)
        payrolls = [
            run_payroll(
                schedule,
                person,
                ppm(employer_pension_rate(offer, scenario, rules).percent),
                rules,
                leave_after=scenario.leave_after_months,
            )
            for offer, schedule in zip(chosen, schedules, strict=True)
        ]
        pay_dates = schedules[0].pay_dates() if schedules else []
        benefits = valued_benefits(
            chosen, [s.basic for s in schedules], scenario.months, scenario.months_paid
        )
        return cls(
            scenario,
            chosen,
            schedules,
            tuple(payrolls),
            scenario.money_factors(pay_dates),
            tuple(benefits),
        )

    def payments(self, index: int) -> np.ndarray:
        """Pence by line and month over the whole horizon: clawbacks at leaving, then nothing;
        in the scenario's money."""
        paid = self.schedules[index].paid_over_horizon(self.scenario.leave_after_months)
        return convert(paid, self.conversion)

    def _measures(self, index: int) -> dict[str, np.ndarray]:
        payroll = self.payrolls[index]
        benefits = self.benefits[index]
        measures = {
            "gross": payroll.gross,
            "net": payroll.net,
            "employer_cost": payroll.employer_cost,
            "total_reward": payroll.gross + payroll.employer_pension + sum(benefits.values()),
            **{name: getattr(payroll, name) for name in (*DEDUCTIONS, *ON_COSTS)},
            **benefits,
        }
        return {name: convert(pence, self.conversion) for name, pence in measures.items()}

    def monthly(self) -> pd.DataFrame:
        """Per offer and month: ``date`` (pay day), each measure and its running total, in £."""
        frames = []
        for index, offer in enumerate(self.offers):
            columns: dict[str, object] = {
                "offer": offer.id,
                "month": np.arange(1, self.scenario.months + 1),
                "date": pd.to_datetime(self.schedules[index].pay_dates()),
            }
            for name, pence in self._measures(index).items():
                if name in MEASURES:
                    columns[name] = pence / 100
                    columns[f"cumulative_{name}"] = np.cumsum(pence) / 100
            frames.append(pd.DataFrame(columns))
        return pd.concat(frames, ignore_index=True)

    def yearly(self) -> pd.DataFrame:
        """Per offer and service year: ``gross``, ``net``, ``employer_cost``, ``total_reward``
        with running totals, and each deduction, on-cost and valued benefit, in £."""
        frames = []
        for index, offer in enumerate(self.offers):
            columns: dict[str, object] = {
                "offer": offer.id,
                "year": np.arange(1, self.scenario.years + 1),
            }
            for name, pence in self._measures(index).items():
                yearly = self._by_year(pence)
                columns[name] = yearly / 100
                if name in MEASURES:
                    columns[f"cumulative_{name}"] = np.cumsum(yearly) / 100
            columns.update(self.pension_built_up(index))
            frames.append(pd.DataFrame(columns))
        return pd.concat(frames, ignore_index=True)

    def pension_built_up(self, index: int) -> dict[str, np.ndarray]:
        """LGPS pension built up by one offer, per service year, in pounds a year as built
        (not converted to the scenario's money): see :mod:`incentives.pension_built_up`."""
        schedule = self.schedules[index]
        paid = schedule.paid_over_horizon(self.scenario.leave_after_months)
        return pension_built_up.yearly_columns(
            paid,
            [line.pensionable for line in schedule.lines],
            schedule.pay_dates(),
            {"region": self.scenario.region, "pension": self.scenario.pension,
             "inflation": self.scenario.inflation},
        )  # fmt: skip

    def by_category(self) -> pd.DataFrame:
        """``offer``, ``year``, ``category`` and ``amount`` (£): what each kind of payment adds."""
        rows = []
        for index, offer in enumerate(self.offers):
            lines = self.schedules[index].lines
            for line, paid in zip(lines, self.payments(index), strict=True):
                for year, pence in enumerate(self._by_year(paid), start=1):
                    rows.append((offer.id, year, line.category, pence))
        frame = pd.DataFrame(rows, columns=["offer", "year", "category", "pence"])
        frame = frame.groupby(["offer", "year", "category"], sort=False, as_index=False).sum()
        frame = frame[frame["pence"] != 0]
        return frame.assign(amount=frame.pop("pence") / 100).reset_index(drop=True)

    def breakdown(self, measure: Measure) -> pd.DataFrame:
        """``offer``, ``year``, ``part``, ``amount`` (£): where each year's money goes.

        Take-home splits gross pay into take-home and each deduction; cost to the council
        splits it into gross pay and each on-cost; total reward into gross pay, the employer's
        pension contributions and each benefit with a money value (the parts named in PARTS).
        """
        parts = {"net": ("net", *DEDUCTIONS), "total_reward": REWARD_PARTS}.get(
            measure, ("gross", *ON_COSTS)
        )
        rows = []
        for index, offer in enumerate(self.offers):
            measures = self._measures(index)
            for part in parts:
                for year, pence in enumerate(self._by_year(measures[part]), start=1):
                    if pence:
                        rows.append((offer.id, year, part, pence / 100))
        return pd.DataFrame(rows, columns=["offer", "year", "part", "amount"])

    def summary(self, measure: Measure = "gross") -> pd.DataFrame:
        """Per offer: ``year_1`` and ``total`` of the measure over the months paid, and
        ``flat_salary``: the steady annual amount giving the same total over the same months."""
        months = self.scenario.months_paid
        rows = []
        for index, offer in enumerate(self.offers):
            monthly = self._measures(index)[measure]
            total = int(monthly.sum())
            rows.append(
                {
                    "offer": offer.id,
                    "year_1": int(monthly[:12].sum()) / 100,
                    "total": total / 100,
                    "flat_salary": divide(total * 12, months) / 100,
                }
            )
        return pd.DataFrame(rows)

    def against_lowest(self) -> pd.DataFrame:
        """Each offer against the one paying least gross over the horizon: the extra gross,
        where it goes (tax, NI, loan, pension), and the pence of each extra pound kept."""
        totals = [
            {name: int(pence.sum()) for name, pence in self._measures(index).items()}
            for index in range(len(self.offers))
        ]
        lowest = min(range(len(self.offers)), key=lambda i: totals[i]["gross"])
        rows = []
        for index, offer in enumerate(self.offers):
            extra = {name: totals[index][name] - totals[lowest][name] for name in totals[index]}
            row: dict[str, object] = {
                "offer": offer.id,
                "lowest": self.offers[lowest].id,
                **{f"extra_{name}": extra[name] / 100 for name in ("gross", "net", *DEDUCTIONS)},
                "kept_per_pound": (
                    divide(extra["net"] * 100, extra["gross"]) / 100 if extra["gross"] > 0 else None
                ),
            }
            rows.append(row)
        return pd.DataFrame(rows)

    def cumulative_by_year(self, index: int, measure: Measure = "gross") -> np.ndarray:
        """Pence of a measure to the end of each service year, for one offer."""
        return np.cumsum(self._by_year(self._measures(index)[measure]))

    def _by_year(self, monthly: np.ndarray) -> np.ndarray:
        return monthly.reshape(self.scenario.years, 12).sum(axis=1)


def compare(offers: Mapping[str, Offer] | Iterable[Offer], scenario: Scenario) -> pd.DataFrame:
    """Pay by service year for each offer.

    Columns: ``offer``, ``year``, ``gross``, ``cumulative_gross``, ``net``,
    ``cumulative_net``, ``employer_cost``, ``cumulative_employer_cost``, ``total_reward``,
    ``cumulative_total_reward``, each deduction, on-cost and valued benefit (``extra_leave``,
    ``registration_fee``), ``pension_built_up`` (LGPS pension a year earned in the service
    year) and ``cumulative_pension`` (all built up to the year's end, revalued). Years run
    from the start date; a year after leaving pays nothing. Pounds are exact pence divided
    by 100.
    """
    return Comparison.of(offers, scenario).yearly()
