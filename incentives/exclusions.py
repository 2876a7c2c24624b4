"""Which payments of an offer depend on conditions, and what leaving them out removed.

Plain data and sentences for the pages: the sources table marks a payment "not for you:
needs three years' post-qualifying experience", and the headline says how much was taken
out. The amounts are gross pay the worker would otherwise have received over the scenario
(clawbacks on leaving included), in the scenario's money; tax and NI on them are not netted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pandas as pd

from incentives.eligibility import conditions_by_component, in_words, left_out
from incentives.engine import build_schedule
from incentives.model import Offer
from incentives.money import format_gbp, pence, pounds
from incentives.prices import convert
from incentives.scenario import Scenario


@dataclass(frozen=True)
class ConditionalPayment:
    """A payment with conditions, and whether the scenario's worker is paid it."""

    offer: str
    component: int  # index in the offer's components
    name: str
    conditions: tuple[str, ...]  # what each condition asks, in words
    reasons: tuple[str, ...]  # "not for you: ..." for each condition not met; empty if paid
    removed: Decimal  # pounds gross left out (0 when it counts)

    @property
    def left_out(self) -> bool:
        return bool(self.reasons)

    @property
    def status(self) -> str:
        """For the sources table: why it is left out, or what it depends on."""
        if self.reasons:
            return "; ".join(self.reasons)
        return "depends on: " + "; ".join(self.conditions)


def conditional_payments(offer: Offer, scenario: Scenario) -> list[ConditionalPayment]:
    """Every payment of ``offer`` with conditions; for a scenario that gives the worker's
    experience, which are left out, why, and how much each removed."""
    conditions = conditions_by_component(offer)
    not_paid = left_out(offer, scenario.worker)
    removed = _removed_pence(offer, scenario, set(not_paid)) if not_paid else {}
    return [
        ConditionalPayment(
            offer=offer.id,
            component=index,
            name=offer.components[index].name,
            conditions=tuple(in_words(c) for c in found),
            reasons=not_paid.get(index, ()),
            removed=pounds(removed.get(index, 0)),
        )
        for index, found in conditions.items()
    ]


def removed_total(offer: Offer, scenario: Scenario) -> Decimal:
    """Pounds gross left out of ``offer`` because the worker does not qualify."""
    return sum((p.removed for p in conditional_payments(offer, scenario)), Decimal(0))


def headline(offer: Offer, scenario: Scenario) -> str | None:
    """One sentence for the page's headline, or None when nothing is left out.

    "Oxfordshire: Social worker: £3,500 left out, as you do not qualify for Golden hello
    (not for you: needs three years' post-qualifying experience)."
    """
    gone = [p for p in conditional_payments(offer, scenario) if p.left_out]
    if not gone:
        return None
    total = sum((p.removed for p in gone), Decimal(0))
    which = "; ".join(f"{p.name} ({'; '.join(p.reasons)})" for p in gone)
    return f"{offer.label}: {format_gbp(pence(total))} left out, as you do not qualify for {which}."


def conditions_table(offers: Iterable[Offer], scenario: Scenario) -> pd.DataFrame:
    """``offer``, ``payment``, ``status`` and ``removed`` (£): every payment with conditions."""
    rows = [
        {"offer": p.offer, "payment": p.name, "status": p.status, "removed": float(p.removed)}
        for offer in offers
        for p in conditional_payments(offer, scenario)
    ]
    return pd.DataFrame(rows, columns=["offer", "payment", "status", "removed"])


def _removed_pence(offer: Offer, scenario: Scenario, components: set[int]) -> dict[int, int]:
    """Pence each of ``components`` would have paid over the scenario, in its money."""
    everything = scenario.model_copy(update={"years_qualified": None})
    schedule = build_schedule(offer, everything)
    paid = schedule.paid(scenario.leave_after_months)
    paid = np.pad(paid, ((0, 0), (0, schedule.months - paid.shape[1])))
    paid = convert(paid, scenario.money_factors(schedule.pay_dates()))
    removed: dict[int, int] = {}
    for line, row in zip(schedule.lines, paid, strict=True):
        if line.component in components:
            removed[line.component] = removed.get(line.component, 0) + int(row.sum())
    return removed
