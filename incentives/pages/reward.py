"""Total reward, part by part, and the benefits beyond pay that have no money value.

Total reward is gross pay, the employer's pension contributions and the benefits with a money
value (a paid registration fee; annual leave above the least generous offer): see
:mod:`incentives.benefits`. A lease car or a sabbatical has no published cash value, so those
are listed side by side and not counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from incentives.benefits import unvalued_benefits
from incentives.comparison import PARTS, REWARD_PARTS
from incentives.model import Offer
from incentives.money import format_pounds
from incentives.pages.compute import ComparisonTables
from incentives.pages.views import Section, table


def parts(tables: ComparisonTables, labels: Mapping[str, str]) -> Section:
    """Each offer's total reward over the period, split into the parts it counts."""
    summary = tables.summary["total_reward"].sort_values("total", ascending=False)
    order = list(summary["offer"])
    sums = tables.breakdowns["total_reward"].groupby(["offer", "part"])["amount"].sum()
    columns = {
        PARTS[part]: [format_pounds(sums.get((o, part), 0.0)) for o in order]
        for part in REWARD_PARTS
    }
    figures = pd.DataFrame(
        {
            "Offer": [labels[o] for o in order],
            **columns,
            "Total reward": [format_pounds(v) for v in summary["total"]],
        }
    )
    return Section(
        heading="What the total reward counts",
        table=table(figures),
        notes=(
            "Extra annual leave is the days above the least generous offer here, each at the "
            "offer's daily rate (salary / 260); a registration fee the council pays counts at "
            "face value each year.",
        ),
    )


def benefits(offers: Sequence[Offer]) -> Section:
    """The benefits each offer publishes beyond pay, side by side; only those marked counted
    (and the leave days) have a money value in total reward."""
    heading = "Benefits beyond pay, side by side"
    side_by_side = unvalued_benefits(offers)
    if side_by_side.empty:
        return Section(
            heading=heading,
            sentences=("None of these offers publishes benefits beyond pay.",),
        )
    named = side_by_side.rename(columns={"benefit": "Benefit", **{o.id: o.label for o in offers}})
    return Section(
        heading=heading,
        table=table(named),
        notes=(
            "Not counted in total reward: a car, a sabbatical and other benefits have no "
            "published cash value. Leave is counted only as the days above the least generous "
            "offer; a registration fee marked counted is in the total.",
        ),
    )
