"""Payments that depend on who you are: what the conditions are, and what leaving them out removed.

With the visitor's years since qualifying not given, every payment counts and the page says
which depend on conditions; given, those the visitor does not qualify for are left out of every
total (see :mod:`incentives.exclusions`), the headline says how much, and the sources table
marks each "not for you: ...".
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from incentives import eligibility, exclusions
from incentives.eligibility import Worker
from incentives.model import Offer
from incentives.money import format_pounds
from incentives.pages.views import Section, table
from incentives.scenario import Scenario


def left_out(offers: Sequence[Offer], scenario: Scenario) -> tuple[str, ...]:
    """For the headline: how much each offer lost to payments the visitor does not qualify for."""
    return tuple(
        sentence
        for offer in offers
        if (sentence := exclusions.headline(offer, scenario)) is not None
    )


def section(offers: Sequence[Offer], scenario: Scenario) -> Section | None:
    """Every payment that depends on conditions: what they are, and (once the visitor's
    experience is given) whether it is paid and how much leaving it out removed."""
    labels = {offer.id: offer.label for offer in offers}
    found = exclusions.conditions_table(offers, scenario)
    if found.empty:
        return None
    heading = "Payments that depend on who you are"
    if scenario.worker is None:
        return Section(
            heading=heading,
            lead="Every payment counts until you enter 'Years since you qualified' in the "
            "sidebar; then those you would not get are left out of every total.",
            table=table(
                pd.DataFrame(
                    {
                        "Offer": found["offer"].map(labels),
                        "Payment": found["payment"],
                        "Paid only if": [s.removeprefix("depends on: ") for s in found["status"]],
                    }
                )
            ),
        )
    return Section(
        heading=heading,
        lead="Payments you do not qualify for are left out of every total and chart.",
        table=table(
            pd.DataFrame(
                {
                    "Offer": found["offer"].map(labels),
                    "Payment": found["payment"],
                    "For you": [
                        f"counted; {s}" if s.startswith("depends on") else s
                        for s in found["status"]
                    ],
                    "Left out": [format_pounds(v) if v else "—" for v in found["removed"]],
                }
            )
        ),
    )


def for_you(
    offer: Offer, rows: list[dict[str, str]], worker: Worker | None
) -> list[dict[str, str]]:
    """The figure rows, with a "For you" column when any payment of the offer has conditions."""
    conditions = eligibility.conditions_by_component(offer)
    if not conditions:
        return rows
    not_paid = eligibility.left_out(offer, worker)
    status = {
        str(index): "; ".join(not_paid[index])
        if index in not_paid
        else "depends on: " + "; ".join(eligibility.in_words(c) for c in found)
        for index, found in conditions.items()
    }
    paths = [path for path, _ in offer.figures()]
    return [
        {
            **row,
            "For you": status.get(path.split(".")[1], "") if path.startswith("components.") else "",
        }
        for row, path in zip(rows, paths, strict=True)
    ]
