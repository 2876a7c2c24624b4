"""Every offer at a glance: headline figures, to filter, sort and download."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from incentives import summary
from incentives.model import HISTORICAL_AFTER_YEARS, Offer
from incentives.pages.views import Csv

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

    def select(self, filters: Filters) -> Selection:
        """The offers the filters keep, with a caption and their CSV."""
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
        shown = shown.drop(columns=["id"])
        return Selection(
            caption=f"{len(shown)} of {len(self.table)} offers. Select a column heading to sort.",
            table=shown,
            csv=Csv(
                label="Download these offers (CSV)",
                file_name="offers.csv",
                data=shown.to_csv(index=False).encode("utf-8"),
            ),
        )


@dataclass(frozen=True)
class Selection:
    caption: str
    table: pd.DataFrame  # numbers as numbers (pounds), for a table the reader can sort
    csv: Csv


def current_only_label() -> str:
    return f"Only offers dated within the last {HISTORICAL_AFTER_YEARS} years"


def build(offers: Sequence[Offer] | Iterable[Offer], today: dt.date) -> BrowseView:
    offers = list(offers)
    return BrowseView(
        title=TITLE,
        intro=(
            f"{len(offers)} packages from {len({o.council for o in offers})} councils, "
            "as their sources published them. Amounts stated as a percentage are taken of the "
            f"top salary where it is published. An offer dated more than "
            f"{HISTORICAL_AFTER_YEARS} years ago is marked historical: it is what the council "
            "offered then, not necessarily now."
        ),
        table=summary.table(offers, today),
        note=NOTE,
    )
