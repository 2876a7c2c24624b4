"""One line per offer: its headline figures, in words and in pounds, for browsing and sorting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from incentives.engine import build_schedule
from incentives.model import (
    CATEGORY_LABELS,
    Offer,
    OneOff,
    Payment,
    Retention,
    Supplement,
    short_council_name,
)
from incentives.money import format_gbp, nearest_penny, pence
from incentives.scenario import Scenario

KINDS = ("Golden hello", "Supplement", "Retention", "Relocation", "Clawback", "Other one-off")


@dataclass(frozen=True)
class Headline:
    """An offer's headline figures. Pounds are None where they cannot be told from the data
    (a figure not published, or a percentage of an unpublished salary)."""

    top_salary: Decimal | None
    one_offs: Decimal | None  # golden hellos, relocation and other one-off sums
    supplements_a_year: Decimal | None
    retention_first_years: Decimal | None  # retention paid in the first three years, one-offs too
    kinds: tuple[str, ...]
    described: dict[str, str]  # kind of payment -> words


def headline(offer: Offer) -> Headline:
    top = offer.salary.top.value
    kinds: set[str] = set()
    words: dict[str, list[str]] = {}
    one_offs: Decimal | None = Decimal(0)
    supplements: Decimal | None = Decimal(0)
    for component in offer.components:
        if isinstance(component, Supplement):
            kinds.add("Supplement")
            amount, text = _sum(component, top)
            supplements = _add(supplements, amount)
            words.setdefault("Supplement", []).append(f"{text} a year")
        elif isinstance(component, OneOff):
            kind = CATEGORY_LABELS[component.category]
            kinds.add(kind)
            for instalment in component.instalments:
                amount, text = _sum(instalment, top)
                if component.category != "retention":  # counted with retention
                    one_offs = _add(one_offs, amount)
                when = (
                    "on joining"
                    if instalment.after_months == 0
                    else f"after {instalment.after_months} months"
                )
                terms = ""
                if instalment.clawback is not None:
                    kinds.add("Clawback")
                    taper = ", tapering" if instalment.clawback.taper == "monthly" else ""
                    within = instalment.clawback.within_months
                    terms = f" (repaid if leaving within {within} months{taper})"
                words.setdefault(kind, []).append(f"{text} {when}{terms}")
        elif isinstance(component, Retention):
            kinds.add("Retention")
            texts = [_sum(tier, top)[1] for tier in component.tiers]
            rises = "".join(
                f", {text} from year {tier.from_year}"
                for tier, text in zip(component.tiers[1:], texts[1:], strict=True)
            )
            words.setdefault("Retention", []).append(f"{texts[0]} {_schedule(component)}{rises}")
    return Headline(
        top_salary=top,
        one_offs=one_offs,
        supplements_a_year=supplements,
        retention_first_years=_retention_in_three_years(offer)
        if "Retention" in kinds
        else Decimal(0),
        kinds=tuple(kind for kind in KINDS if kind in kinds),
        described={kind: "; ".join(texts) for kind, texts in words.items()},
    )


def table(offers: Iterable[Offer], today: dt.date) -> pd.DataFrame:
    """One row per offer with its headline figures, ready to filter, sort and download."""
    rows = []
    for offer in offers:
        line = headline(offer)
        age = offer.age_in_years(today)
        rows.append(
            {
                "Offer": offer.label,
                "Council": short_council_name(offer.council),
                "Role": offer.role,
                "Role group": offer.role_group,
                "Region": offer.region,
                "As at": offer.as_at,
                "Age (years)": None if age is None else round(age, 1),
                "Status": offer.status(today),
                "Top salary (£)": _number(line.top_salary),
                "One-off payments (£)": _number(line.one_offs),
                "Supplements (£ a year)": _number(line.supplements_a_year),
                "Retention, first 3 years (£)": _number(line.retention_first_years),
                "Incentives": ", ".join(line.kinds),
                "Details": " | ".join(f"{kind}: {text}" for kind, text in line.described.items()),
                "id": offer.id,
            }
        )
    return pd.DataFrame(rows)


def _sum(item: Payment, top: Decimal | None) -> tuple[Decimal | None, str]:
    """A payment's pounds (a percentage taken of the top salary) and its words."""
    if item.amount is not None:
        if item.amount.value is None:
            return None, "an amount not published"
        return item.amount.value, format_gbp(pence(item.amount.value))
    rate = item.percent_of_basic
    assert rate is not None  # the model holds exactly one of the two
    if rate.value is None:
        return None, "a percentage not published"
    text = f"{rate.value.normalize():f}% of basic"
    return (None if top is None else nearest_penny(top * rate.value / 100)), text


def _add(total: Decimal | None, amount: Decimal | None) -> Decimal | None:
    return None if total is None or amount is None else total + amount


def _schedule(item: Retention) -> str:
    if item.every_months is not None:
        return (
            "each anniversary" if item.every_months == 12 else f"every {item.every_months} months"
        )
    if item.at_months:
        return "after " + ", ".join(f"{m}" for m in item.at_months) + " months"
    names = [dt.date(2000, m, 1).strftime("%B") for m in item.calendar_months]
    return "each " + " and ".join(names)


def _retention_in_three_years(offer: Offer) -> Decimal | None:
    """Retention paid over the first three years to someone who joins in April and stays, at
    the top of the scale as published (no pay award); None if it rests on a figure that is
    not published."""
    scenario = Scenario(
        years=3, pay_award=Decimal(0), assumed={offer.id: {"salary.top": Decimal(0)}}
    )
    schedule = build_schedule(offer, scenario)
    retention = {
        f"components.{index}"
        for index, component in enumerate(offer.components)
        if component.category == "retention"
    }
    unknown = [path for path in schedule.assumed_zero if ".".join(path.split(".")[:2]) in retention]
    if unknown or (offer.salary.top.value is None and _uses_percentages(offer)):
        return None
    paid = sum(
        int(row.sum())
        for line, row in zip(schedule.lines, schedule.pence, strict=True)
        if line.category == "retention"
    )
    return Decimal(paid) / 100


def _uses_percentages(offer: Offer) -> bool:
    return any(path.endswith("percent_of_basic") for path, _ in offer.figures())


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)
