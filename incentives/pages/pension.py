"""The pension each offer builds, and how much of a gap in pay builds pension at all.

For a candidate the largest long-run difference between two packages is often the pension: a
pensionable supplement builds LGPS pension for life, a retention lump sum does not. The
figures come from :mod:`incentives.pension_built_up` through ``compare()``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import pandas as pd

from incentives.money import format_gbp, format_pounds
from incentives.pages.compute import ComparisonTables
from incentives.pages.views import Section, records, table
from incentives.scenario import Scenario

HEADING = "Pension built up"


def section(tables: ComparisonTables, labels: Mapping[str, str], scenario: Scenario) -> Section:
    """A line per offer, "Pension built up: £X a year for life from pension age", a table of
    pensionable and other pay, and where each gap in gross pay against the first comes from."""
    if scenario.pension == Decimal(0):
        return Section(
            heading=HEADING,
            sentences=("You have chosen no pension scheme, so no pension is built up.",),
        )
    pay = tables.pensionable.set_index("offer")
    ends = tables.yearly.groupby("offer", sort=False)["cumulative_pension"].last()
    order = list(pay.assign(gross=pay.sum(axis=1)).sort_values("gross", ascending=False).index)
    sentences = tuple(
        f"**{labels[o]}**: Pension built up: {format_pounds(ends[o])} a year for life "
        "from pension age."
        for o in order
    )
    figures = pd.DataFrame(
        {
            "Offer": [labels[o] for o in order],
            "Pension built up (a year, for life)": [format_pounds(ends[o]) for o in order],
            "Pensionable pay": [format_pounds(pay.loc[o, "pensionable"]) for o in order],
            "Pay that builds no pension": [
                format_pounds(pay.loc[o, "non_pensionable"]) for o in order
            ],
        }
    )
    years = f"{scenario.years} year{'s' if scenario.years > 1 else ''}"
    return Section(
        heading=HEADING,
        sentences=sentences + gaps(pay, order, labels),
        table=table(figures),
        notes=(
            f"LGPS pension built up over {years}: 1/49 of each year's pensionable pay (1/98 in "
            "the 50/50 section), revalued each April by the previous September's CPI, in "
            "pounds a year as built. The pay columns are over the same period, in the page's "
            "money.",
        ),
    )


def gaps(pay: pd.DataFrame, order: Sequence[str], labels: Mapping[str, str]) -> tuple[str, ...]:
    """For each offer after the first (paying most gross), how much of the first's extra gross
    pay is pensionable and how much is not."""
    first = pay.loc[order[0]]
    sentences = []
    for row in records(pay.loc[list(order[1:])].reset_index()):
        pensionable = round((first["pensionable"] - row.pensionable) * 100)  # pence
        other = round((first["non_pensionable"] - row.non_pensionable) * 100)
        if pensionable + other == 0:
            continue  # the same gross pay: no gap to split
        sentences.append(
            f"Of the {format_gbp(pensionable + other)} more gross pay "
            f"{labels[order[0]]} pays than {labels[row.offer]}, {_signed(pensionable)} is "
            f"pensionable pay, which builds pension, and {_signed(other)} is pay that does not."
        )
    return tuple(sentences)


def _signed(amount_pence: int) -> str:
    return format_gbp(amount_pence) if amount_pence >= 0 else f"minus {format_gbp(-amount_pence)}"
