"""The candidate's leaving page: what each offer will have paid if you leave after a month."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from incentives import charts
from incentives.model import Offer
from incentives.money import format_pounds
from incentives.pages.compute import DIRECT, Compute, leaving_tables
from incentives.pages.views import Csv, Display, Section, chart, csv_bytes, last_row, listing
from incentives.scenario import Scenario
from incentives.steps import crossings

TITLE = "If you leave early"
INTRO = (
    "How much each offer will have paid you in all if you leave after each month, with any "
    "golden hello or relocation clawback deducted in the month you leave. It uses the start "
    "month, pay award and salaries in the sidebar, and assumes no other income in the tax "
    "year you leave."
)
NONE_CHOSEN = "Choose at least one offer in the sidebar."


@dataclass(frozen=True)
class LeavingView:
    title: str
    intro: str
    to_date: Section  # the chart of totals by the month you leave
    gains: Section  # sentences: when one more month is worth most, per offer
    overtaking: Section | None  # sentences: which offer pays more, per pair; None for one offer
    csv: Csv  # each offer's totals on leaving after each month

    @property
    def sections(self) -> tuple[Section, ...]:
        rest = () if self.overtaking is None else (self.overtaking,)
        return (self.to_date, self.gains, *rest)


def build(
    offers: Sequence[Offer], scenario: Scenario, display: Display, compute: Compute = DIRECT
) -> LeavingView:
    display = display.per_leaver()
    tables = leaving_tables(offers, scenario, compute)
    labels = {offer.id: offer.label for offer in offers}
    curves = tables.curves.assign(label=tables.curves["offer"].map(labels))
    measure, name = display.leaving_measure, display.measure_name
    gains = []
    for offer_id, label in labels.items():
        steps = tables.gains[offer_id][measure]
        if not steps:
            gains.append(f"**{label}**: every month adds only its pay; no month stands out.")
            continue
        described = "; ".join(
            f"staying to month {gain.month} rather than leaving after {gain.month - 1} adds "
            f"{format_pounds(gain.amount)} ({gain.reason})"
            for gain in steps
        )
        gains.append(f"**{label}**: {described}.")
    overtaking = tuple(
        overtaking_sentence(curves, first, second, labels, measure)
        for first, second in itertools.combinations(labels, 2)
    )
    wide = curves.pivot(index="leave_after_months", columns="label", values=measure)
    wide = wide[[labels[i] for i in labels]]
    first, last = wide.index.min(), wide.index.max()
    shown = wide.map(format_pounds).reset_index()
    shown = shown.rename(columns={"leave_after_months": "Leave after (months)"})
    description = (
        f"Line chart of {name.lower()} to date on leaving after each month from {first} to "
        f"{last}, one line per offer. Staying all {last} months: "
        + listing(f"{label} {format_pounds(total)}" for label, total in last_row(wide).items())
    )
    return LeavingView(
        title=TITLE,
        intro=INTRO,
        to_date=Section(
            heading=f"{name} to date, by the month you leave",
            lead=display.amounts_are,
            charts=(
                chart(charts.leaving_chart(curves, measure, f"{name} to date"), description, shown),
            ),
        ),
        gains=Section(heading="When one more month is worth most", sentences=tuple(gains)),
        overtaking=Section(heading="Which offer pays more, by when you leave", sentences=overtaking)
        if overtaking
        else None,
        csv=Csv(
            label="Download the leaving-month figures (CSV)",
            file_name="leaving-early.csv",
            data=csv_bytes(tables.curves.assign(offer=tables.curves["offer"].map(labels))),
        ),
    )


def overtaking_sentence(
    curves: pd.DataFrame, first: str, second: str, labels: Mapping[str, str], measure: str
) -> str:
    """Which of two offers pays more, by the month you leave."""
    a = curves[curves["offer"] == first][measure].to_numpy()
    b = curves[curves["offer"] == second][measure].to_numpy()
    changes = crossings(a, b)
    start_leader = first if a[(a != b).argmax()] > b[(a != b).argmax()] else second
    if (a == b).all():
        return f"{labels[first]} and {labels[second]} pay the same whenever you leave."
    if not changes:
        other = second if start_leader == first else first
        return f"**{labels[start_leader]}** pays more than {labels[other]} whenever you leave."
    parts, leader, since = [], start_leader, 1
    for month in changes:
        parts.append(
            f"{labels[leader]} pays more if you leave within months {since} to {month - 1}"
        )
        leader, since = (second if leader == first else first), month
    parts.append(f"{labels[leader]} from month {since} on")
    return "; ".join(parts) + "."
