"""The computations several pages share, behind one small interface the app can cache.

A builder asks its ``compute`` for a comparison's tables or an offer's leaving curves; the
default works them out each time, and the app passes one that keeps them (incentives.ui.cache),
so switching the measure or the council's own figures does not work them out again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import pandas as pd

from incentives.comparison import Comparison
from incentives.model import Offer
from incentives.retention import Curves
from incentives.scenario import Scenario
from incentives.steps import Gain, biggest_gains
from incentives.vocabulary import LEAVING_MEASURES, MEASURES, LeavingMeasure


@dataclass(frozen=True)
class ComparisonTables:
    """What the comparison page shows, computed together from one set of schedules."""

    yearly: pd.DataFrame
    monthly: pd.DataFrame
    by_category: pd.DataFrame
    breakdowns: dict[str, pd.DataFrame]  # net, employer cost, total reward: what makes them up
    summary: dict[str, pd.DataFrame]  # by measure
    against_lowest: pd.DataFrame
    pensionable: pd.DataFrame  # offer, pensionable, non_pensionable: gross pay over the period
    assumed_zero: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class LeavingTables:
    """Totals on leaving after each month, and the biggest steps from one month to the next."""

    curves: pd.DataFrame  # offer, leave_after_months, gross, net, employer_cost, clawback
    gains: dict[str, dict[LeavingMeasure, list[Gain]]]  # offer -> measure -> biggest steps


class Compute(Protocol):
    def comparison(self, offers: Sequence[Offer], scenario: Scenario) -> ComparisonTables: ...

    def curves(self, offer: Offer, scenario: Scenario) -> Curves: ...


class Direct:
    """Works everything out when asked: for tests, notebooks and reports."""

    def comparison(self, offers: Sequence[Offer], scenario: Scenario) -> ComparisonTables:
        return comparison_tables(offers, scenario)

    def curves(self, offer: Offer, scenario: Scenario) -> Curves:
        return Curves.of(offer, scenario)


DIRECT = Direct()


def comparison_tables(offers: Sequence[Offer], scenario: Scenario) -> ComparisonTables:
    comparison = Comparison.of(list(offers), scenario)
    return ComparisonTables(
        yearly=comparison.yearly(),
        monthly=comparison.monthly(),
        by_category=comparison.by_category(),
        breakdowns={m: comparison.breakdown(m) for m in ("net", "employer_cost", "total_reward")},
        summary={m: comparison.summary(m) for m in MEASURES},
        against_lowest=comparison.against_lowest(),
        pensionable=pensionable_pay(comparison),
        assumed_zero={s.offer_id: s.assumed_zero for s in comparison.schedules},
    )


def pensionable_pay(comparison: Comparison) -> pd.DataFrame:
    """Per offer, the gross pay over the period (in the scenario's money, clawbacks netted)
    that builds pension and the pay that does not, in pounds."""
    rows = []
    for index, offer in enumerate(comparison.offers):
        lines = comparison.schedules[index].lines
        totals = {True: 0, False: 0}
        for line, paid in zip(lines, comparison.payments(index), strict=True):
            totals[line.pensionable] += int(paid.sum())
        rows.append(
            {
                "offer": offer.id,
                "pensionable": totals[True] / 100,
                "non_pensionable": totals[False] / 100,
            }
        )
    return pd.DataFrame(rows, columns=["offer", "pensionable", "non_pensionable"])


def leaving_tables(
    offers: Sequence[Offer], scenario: Scenario, compute: Compute = DIRECT
) -> LeavingTables:
    frames: list[pd.DataFrame] = []
    gains: dict[str, dict[LeavingMeasure, list[Gain]]] = {}
    for offer in offers:
        curves = compute.curves(offer, scenario)
        columns: dict[str, object] = {
            "offer": offer.id,
            "leave_after_months": range(1, scenario.months + 1),
        }
        columns |= {m: getattr(curves, m) / 100 for m in LEAVING_MEASURES}
        columns["clawback"] = curves.clawback / 100
        frames.append(pd.DataFrame(columns))
        gains[offer.id] = {m: biggest_gains(curves, m) for m in LEAVING_MEASURES}
    return LeavingTables(pd.concat(frames, ignore_index=True), gains)
