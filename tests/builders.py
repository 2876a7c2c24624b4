"""Small offers built in code, so each test shows the whole package it is about."""

from __future__ import annotations

from typing import Any

import pandas as pd

from incentives.model import Offer


def offer(top: float | None = 30_000, *components: dict[str, Any], **fields: Any) -> Offer:
    """An offer with salary ``top`` and the given components (plain dicts, as in YAML)."""
    return Offer.model_validate(
        {
            "id": fields.pop("id", "test-offer"),
            "council": fields.pop("council", "Test Council"),
            "role": "Social worker",
            "role_group": "social worker",
            "region": "North West",
            "as_at": "2017-01-01",
            "salary": {"top": {"value": top}, **fields.pop("salary", {})},
            "components": list(components),
            **fields,
        }
    )


def golden_hello(amount: float, *, after: int = 0, within: int | None = None, taper: str = "none"):
    instalment: dict[str, Any] = {"after_months": after, "amount": amount}
    if within:
        instalment["clawback"] = {"within_months": within, "taper": taper}
    return {
        "kind": "one_off",
        "name": "Golden hello",
        "purpose": "golden_hello",
        "instalments": [instalment],
    }


def paid(rows: pd.DataFrame, category: str) -> list[tuple[int, float]]:
    """(month, pounds) of a projection's payments in one category."""
    chosen = rows[rows["category"] == category]
    return list(zip(chosen["month"].tolist(), chosen["amount"].tolist(), strict=True))
