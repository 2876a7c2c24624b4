"""What flips the lead: the value of each assumption at which the other offer comes out ahead."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from incentives import charts
from incentives.model import Offer
from incentives.money import format_pounds
from incentives.pages.views import Display, Section, chart, records, table
from incentives.scenario import Scenario
from incentives.sensitivity import flip_points

TITLE = "What flips the lead"
TOO_FEW = "Choose two or more offers in the sidebar to see what would change the lead."
SAME_TWICE = "Choose two different offers."


def intro(display: Display) -> str:
    display = display.per_leaver()
    return (
        "For two offers: the value of each assumption at which the other offer comes out "
        "ahead, and how far each one moves the difference between them. Each assumption is "
        f"moved across its range with the others as set in the sidebar; amounts are "
        f"{display.measure_name.lower()}, {display.money_words}."
    )


@dataclass(frozen=True)
class FlipsView:
    title: str
    intro: str
    changes: Section  # one sentence per assumption, widest swing first (a bulleted list)
    matters: Section  # the tornado chart, a note on reading it, and its figures as a table

    @property
    def sections(self) -> tuple[Section, ...]:
        return (self.changes, self.matters)


def build(first: Offer, second: Offer, scenario: Scenario, display: Display) -> FlipsView:
    """The page for two offers and a scenario (see incentives.sensitivity)."""
    display = display.per_leaver()
    rows = flip_points(first, second, scenario, display.measure)
    names = {first.id: first.label, second.id: second.label}
    ranked = rows.sort_values("swing", ascending=False)
    ranked_rows = records(ranked)
    shown = pd.DataFrame(
        {
            "Assumption": ranked["assumption"],
            "Now": [_value(r.current, r.unit) for r in ranked_rows],
            "Range tried": [
                f"{_value(r.low, r.unit)} to {_value(r.high, r.unit)}" for r in ranked_rows
            ],
            "Lead changes at": [
                "never" if r.flips_at is None else _value(r.flips_at, r.unit) for r in ranked_rows
            ],
            "Least difference": [format_pounds(v) for v in ranked["difference_min"]],
            "Greatest difference": [format_pounds(v) for v in ranked["difference_max"]],
        }
    )
    widest = ranked.iloc[0]
    tornado = chart(
        charts.tornado_chart(rows, first.label, second.label),
        f"Bar chart of how far each assumption moves the difference between {first.label} and "
        f"{second.label}, widest first. {widest['assumption']} moves it most, from "
        f"{format_pounds(widest['difference_min'])} to "
        f"{format_pounds(widest['difference_max'])}. The table below gives every bar.",
    )
    return FlipsView(
        title=TITLE,
        intro=intro(display),
        changes=Section(
            heading="What would change the answer",
            sentences=tuple(sentence(row, names) for row in ranked_rows),
        ),
        matters=Section(
            heading="Which assumptions matter most",
            charts=(tornado,),
            chart_note=f"Each bar spans the difference ({first.label} less {second.label}) as "
            "the assumption moves across its range; the black mark is where it stands now; "
            "right of the dashed line the first offer is ahead. The table below gives the "
            "same figures.",
            table=table(shown),
        ),
    )


def sentence(row: Any, names: Mapping[str, str]) -> str:
    """What one assumption does to the lead; ``row`` is a row of flip_points' table."""
    if row.leader_below is None:
        return f"{row.assumption}: the two offers come out level across the range."
    below, above = names[row.leader_below], names[row.leader_above]
    if row.swing == 0:
        return f"**{row.assumption}** makes no difference here."
    if row.flips_at is None:
        return (
            f"**{row.assumption}**: {below} stays ahead from {_value(row.low, row.unit)} to "
            f"{_value(row.high, row.unit)}; the difference moves by {format_pounds(row.swing)}."
        )
    at = row.flips_at
    if row.assumption == "Months before leaving":
        return (
            f"**{below}** pays more if you leave within {int(at) - 1} months; "
            f"**{above}** from month {int(at)}."
        )
    if row.assumption == "Years compared":
        return (
            f"**{below}** pays more over up to {int(at) - 1} years; "
            f"**{above}** over {int(at)} years or more."
        )
    return (
        f"**{row.assumption}**: {below} is ahead below {_value(at, row.unit)}; "
        f"**{above}** from {_value(at, row.unit)}."
    )


def _value(value: float, unit: str) -> str:
    if unit == "%":
        return f"{value:.2f}%".replace(".00%", "%")
    number = int(value)
    return f"{number} {unit if number != 1 else unit.rstrip('s')}"
