"""The pay awards a comparison gives an offer, year by year, each with where it comes from.

Under the NJC's agreed awards every figure after an offer's as-at date rests on them, so the
sources list beside the offer's own figures says which awards were applied, from when, and
which publication gives each (its quoted words are in ``data/njc_pay.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pandas as pd

from incentives.model import Offer
from incentives.njc import Award, Increase, NjcPay, pay_spine, pay_year_label
from incentives.njc_grades import future_award_percent
from incentives.pages.views import Section, table
from incentives.scenario import Scenario

HEADING = "Pay awards in these figures"
RENUMBERED = 2019  # the pay year the spine was rebuilt as SCP 1 to 43
OLD_SPINE = (
    "Points before 2019/20 are the old spine's (SCP 4 to 49), renumbered 1 to 43 in April 2019."
)
FILE_NOTE = (
    "Each award's quoted words are in data/njc_pay.yaml. A salary published in pounds gets "
    "the award of the highest spinal point at or below it."
)


def applied(offers: Sequence[Offer], scenario: Scenario) -> Section:
    """The awards raising the offers' pay, from the earliest one's as-at date to the
    scenario's last month."""
    if scenario.pay_award != "njc":
        return Section(
            heading=HEADING,
            sentences=(
                f"Basic pay rises by {_percent(scenario.pay_award)}% each 1 April after the "
                "start, as set under Pay awards (not the NJC's agreed awards).",
            ),
        )
    data = pay_spine().data
    published = min(data.awards_year_on(o.as_at or scenario.start) for o in offers)
    first = max(published + 1, data.first_year)
    last = data.awards_year_on(scenario.last_month_start)
    rows = [_row(data, data.award(year)) for year in range(first, min(last, data.last_year) + 1)]
    if last > data.last_year:
        rows.append(_future_row(data, scenario))
    if not rows:
        return Section(
            heading=HEADING,
            sentences=("No pay award falls between publication and the last month.",),
        )
    unrecorded = (
        (
            f"The awards before {pay_year_label(first)} are not recorded, so pay published in "
            f"{pay_year_label(published)} cannot be carried forward by them.",
        )
        if first > published + 1
        else ()
    )
    renumbered = (OLD_SPINE,) if first < RENUMBERED else ()
    return Section(
        heading=HEADING,
        lead=f"From publication ({pay_year_label(published)}) to the last month.",
        table=table(pd.DataFrame(rows)),
        notes=(*unrecorded, *renumbered, FILE_NOTE),
    )


def describe(award: Award) -> str:
    """An award in words, tier by tier, e.g. "£1,925 on SCP 2 to 43; 3.88% above SCP 43"."""
    parts = [f"{_increase(tier)} on {_points(tier.points)}" for tier in award.tiers]
    if award.above_spine is not None:
        parts.append(f"{_increase(award.above_spine)} above SCP 43")
    if all(tier.percent == 0 for tier in award.tiers) and award.above_spine is None:
        parts = ["No award"]
    if award.new_points:
        new = ", ".join(f"SCP {p.point} at £{p.salary:,}" for p in award.new_points)
        parts.append(f"the spine rebuilt as SCP 1 to 43, new {new}")
    parts += [f"SCP {point} deleted" for point in award.deleted]
    return "; ".join(parts)


def _row(data: NjcPay, award: Award) -> dict[str, str]:
    source = data.sources[award.cite[0].source]
    return {
        "Pay year": pay_year_label(award.year),
        "Paid from": f"{award.effective:%-d %B %Y}",
        "Award": describe(award),
        "Source": f"{source.publication}, {source.date:%-d %B %Y}",
    }


def _future_row(data: NjcPay, scenario: Scenario) -> dict[str, str]:
    percent = future_award_percent(scenario)
    chosen = scenario.future_pay_award is not None
    return {
        "Pay year": f"{pay_year_label(data.last_year + 1)} on",
        "Paid from": "1 April each year",
        "Award": f"{_percent(percent)}% a year, assumed: no award is agreed",
        "Source": "Your assumption"
        if chosen
        else f"Assumed: the last agreed award ({pay_year_label(data.last_year)}) carried on",
    }


def _increase(increase: Increase) -> str:
    if increase.flat is not None:
        return f"£{increase.flat:,.0f}"
    assert increase.percent is not None  # an increase is flat pounds or a percentage
    return f"{_percent(increase.percent)}%"


def _percent(value: Decimal) -> str:
    """2.50 as "2.5", 0.00 as "0": no trailing zeros, never an exponent."""
    return f"{value.normalize():f}"


def _points(points: tuple[int, int | None]) -> str:
    low, high = points
    if high is None:
        return f"SCP {low} and above"
    return f"SCP {low}" if low == high else f"SCP {low} to {high}"
