"""Every offer at a glance: a chart of what each pays, and its headline figures, to filter,
sort, download and pick for the comparison."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from incentives import charts, summary
from incentives.model import HISTORICAL_AFTER_YEARS, Offer
from incentives.money import format_pounds
from incentives.pages.offer_totals import Horizon, totals_table
from incentives.pages.views import Chart, Csv, chart, listing

ChartMeasure = Literal["incentives", "pay"]
CHART_MEASURES: dict[str, ChartMeasure] = {
    "Incentives alone": "incentives",
    "Pay with salary": "pay",
}
DEFAULT_CHART_LABEL = "Incentives alone"  # most offers' salaries are not published
MISSING = "Not published"

TITLE = "All published offers"
NOTE = (
    "Blank amounts are not published, or rest on a figure that is not. Each figure's source "
    "and quoted words are under the offer on the Compare page, and in data/councils.yaml."
)


@dataclass(frozen=True)
class Filters:
    """What to keep: empty means any."""

    regions: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # an offer must have every kind of incentive named
    current_only: bool = False


@dataclass(frozen=True)
class BrowseView:
    title: str
    intro: str
    table: pd.DataFrame  # every offer, one row each; its "id" column is not for showing
    note: str
    chart_lead: str = ""
    horizon: Horizon = field(default_factory=Horizon)
    columns: dict[ChartMeasure, str] = field(default_factory=dict)  # measure -> table column
    labels: dict[str, str] = field(default_factory=dict)  # id -> label naming its status

    def select(self, filters: Filters, measure: ChartMeasure = "incentives") -> Selection:
        """The offers the filters keep, charted by ``measure``, with a caption and their CSV."""
        shown = self.table
        if filters.regions:
            shown = shown[shown["Region"].isin(filters.regions)]
        if filters.roles:
            shown = shown[shown["Role group"].isin(filters.roles)]
        if filters.kinds:
            kinds = filters.kinds
            shown = shown[
                shown["Incentives"].apply(lambda text: all(k in text.split(", ") for k in kinds))
            ]
        if filters.current_only:
            shown = shown[shown["Status"] == "current"]
        drawn, chart_note, left_out = self._chart(shown, measure)
        shown = shown.drop(columns=["id"])
        return Selection(
            caption=f"{len(shown)} of {len(self.table)} offers. Select a column heading to sort.",
            chart=drawn,
            chart_note=chart_note,
            left_out=left_out,
            table=shown,
            csv=Csv(
                label="Download these offers (CSV)",
                file_name="offers.csv",
                data=shown.to_csv(index=False).encode("utf-8"),
            ),
        )

    def _chart(
        self, shown: pd.DataFrame, measure: ChartMeasure
    ) -> tuple[Chart | None, str, tuple[str, ...]]:
        """A bar per offer kept whose total is known; the note says how many are left out and
        why, and the table's 'Not published' column names each reason."""
        column = self.columns[measure]
        known = shown[shown[column].notna()]
        left_out = shown[shown[column].isna()]
        note = ""
        if len(left_out):
            reasons = Counter(r for text in left_out[MISSING] for r in text.split("; "))
            counted = "; ".join(f"{reason}: {n}" for reason, n in reasons.most_common())
            note = (
                f"Not in the chart: {len(left_out)} of these offers, whose total rests on a "
                f"figure not published ({counted}). The table says which, under '{MISSING}'."
            )
        names = tuple(left_out["Offer"])
        if known.empty:
            return None, note or "No offers to chart.", names
        x_title = _measure_words(measure, self.horizon)
        rows = pd.DataFrame(
            {
                "label": [self.labels[i] for i in known["id"]],
                "region": known["Region"].tolist(),
                "status": known["Status"].tolist(),
                "as_at": [_date_text(d) for d in known["As at"]],
                "amount": known[column].astype(float).tolist(),
            }
        )
        ranked = rows.sort_values("amount", ascending=False, kind="stable")
        top = [
            f"{label} {format_pounds(amount)}"
            for label, amount in zip(ranked["label"], ranked["amount"], strict=True)
        ]
        description = (
            f"Bar chart of {len(rows)} offers, ranked by {x_title[0].lower()}{x_title[1:]}, "
            "coloured by region; "
            "offers no longer current are pale with a dashed outline and their status in "
            f"their name. Largest first: {listing(top)}"
        )
        return chart(charts.offers_chart(rows, x_title), description), note, names


@dataclass(frozen=True)
class Selection:
    caption: str
    chart: Chart | None  # None: no offer kept has a known total
    chart_note: str  # how many offers kept are not in the chart, and why
    left_out: tuple[str, ...]  # the labels of those offers, as the table names them
    table: pd.DataFrame  # numbers as numbers (pounds), for a table the reader can sort
    csv: Csv


def current_only_label() -> str:
    return f"Only offers dated within the last {HISTORICAL_AFTER_YEARS} years"


def _measure_words(measure: ChartMeasure, horizon: Horizon) -> str:
    what = "Incentives" if measure == "incentives" else "Pay with salary"
    return f"{what} {horizon.words}"


def _date_text(value: object) -> str:
    return value.strftime("%-d %B %Y") if isinstance(value, dt.date) else "undated"


def build(
    offers: Sequence[Offer] | Iterable[Offer], today: dt.date, horizon: Horizon | None = None
) -> BrowseView:
    """Every offer's headline figures, and what each pays over ``horizon``."""
    offers = list(offers)
    horizon = horizon or Horizon()
    years = f"{horizon.years} year{'s' if horizon.years > 1 else ''}"
    columns: dict[ChartMeasure, str] = {
        "incentives": f"Incentives, {years} (£)",
        "pay": f"Pay with salary, {years} (£)",
    }
    headline = summary.table(offers, today)
    found = totals_table(offers, horizon).rename(
        columns={"incentives": columns["incentives"], "pay": columns["pay"], "missing": MISSING}
    )
    table = headline.merge(found, on="id", how="left")
    table = table[[c for c in table.columns if c != "id"] + ["id"]]
    return BrowseView(
        title=TITLE,
        intro=(
            f"{len(offers)} packages from {len({o.council for o in offers})} councils, "
            "as their sources published them. Amounts stated as a percentage are taken of the "
            f"top salary where it is published. An offer dated more than "
            f"{HISTORICAL_AFTER_YEARS} years ago is marked historical: it is what the council "
            "offered then, not necessarily now."
        ),
        table=table,
        note=NOTE,
        chart_lead=(
            f"What each offer pays {horizon.words}, as chosen in the sidebar (years, start "
            "and pay awards), to someone who joins at the top of the scale and stays, every "
            "payment counted, in pounds as paid. An offer whose total rests on a figure its "
            "council does not publish is left out of the chart and counted beneath it; the "
            f"table gives the same figures, and its '{MISSING}' column says which are not."
        ),
        horizon=horizon,
        columns=columns,
        labels={offer.id: offer.label_with_status(today) for offer in offers},
    )
