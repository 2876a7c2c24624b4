"""Offers side by side under one scenario: the tables every view draws from.

A :class:`Comparison` builds each offer's monthly schedule once; the yearly table, the monthly
series for charts and the breakdown by component are all sums of those same pence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from incentives.engine import Schedule, build_schedule
from incentives.model import Offer
from incentives.money import divide
from incentives.scenario import Scenario


@dataclass(frozen=True)
class Comparison:
    """Schedules of several offers under one scenario."""

    scenario: Scenario
    offers: tuple[Offer, ...]
    schedules: tuple[Schedule, ...]

    @classmethod
    def of(cls, offers: Mapping[str, Offer] | Iterable[Offer], scenario: Scenario) -> Comparison:
        chosen = tuple(offers.values() if isinstance(offers, Mapping) else offers)
        schedules = tuple(build_schedule(offer, scenario) for offer in chosen)
        return cls(scenario, chosen, schedules)

    def payments(self, index: int) -> np.ndarray:
        """Pence by line and month over the whole horizon: clawbacks at leaving, then nothing."""
        paid = self.schedules[index].paid(self.scenario.leave_after_months)
        missing = self.scenario.months - paid.shape[1]
        return np.pad(paid, ((0, 0), (0, missing))) if missing else paid

    def monthly(self) -> pd.DataFrame:
        """``offer``, ``month``, ``date`` (pay day), ``gross`` and ``cumulative_gross``, in £."""
        frames = []
        for index, offer in enumerate(self.offers):
            gross = self.payments(index).sum(axis=0)
            frames.append(
                pd.DataFrame(
                    {
                        "offer": offer.id,
                        "month": np.arange(1, self.scenario.months + 1),
                        "date": pd.to_datetime(self.schedules[index].pay_dates()),
                        "gross": gross / 100,
                        "cumulative_gross": np.cumsum(gross) / 100,
                    }
                )
            )
        return pd.concat(frames, ignore_index=True)

    def yearly(self) -> pd.DataFrame:
        """``offer``, ``year`` (of service, 1..years), ``gross`` and ``cumulative_gross``, in £."""
        frames = []
        for index, offer in enumerate(self.offers):
            yearly = self._by_year(self.payments(index).sum(axis=0))
            frames.append(
                pd.DataFrame(
                    {
                        "offer": offer.id,
                        "year": np.arange(1, self.scenario.years + 1),
                        "gross": yearly / 100,
                        "cumulative_gross": np.cumsum(yearly) / 100,
                    }
                )
            )
        return pd.concat(frames, ignore_index=True)

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

    def summary(self) -> pd.DataFrame:
        """Per offer: ``year_1`` pay, ``total`` over the months paid, and ``flat_salary``.

        The flat salary is the steady annual pay that would give the same total over the same
        months: the total divided by the years worked.
        """
        months = self.scenario.months_paid
        rows = []
        for index, offer in enumerate(self.offers):
            monthly = self.payments(index).sum(axis=0)
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

    def _by_year(self, monthly: np.ndarray) -> np.ndarray:
        return monthly.reshape(self.scenario.years, 12).sum(axis=1)


def compare(offers: Mapping[str, Offer] | Iterable[Offer], scenario: Scenario) -> pd.DataFrame:
    """Pay by service year for each offer: ``offer``, ``year``, ``gross``, ``cumulative_gross``.

    Years run from the start date; a year after leaving pays nothing. Pounds are exact pence
    divided by 100.
    """
    return Comparison.of(offers, scenario).yearly()
