"""A package draft as an offer's plain data, ready for the same models as the council data.

The draft is the editor's (incentives.drafts). Each payment becomes the dictionary an offer's
``components`` entry would hold: the fields shown, the fields carried through unchanged
(``kept``), and each sum as its published figure while its value is unchanged. What cannot be
read from a text field comes back as a message under the field's dotted path.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from incentives.draft_text import MONTHS_PROBLEM, NUMBERS_PROBLEM, point, read_months, read_numbers

if TYPE_CHECKING:
    from incentives.drafts import (
        InstalmentDraft,
        OneOffDraft,
        PackageDraft,
        Problems,
        RetentionDraft,
        SupplementDraft,
    )


def offer_data(draft: PackageDraft) -> tuple[dict[str, Any], Problems]:
    """The draft as an offer's plain data, and what could not be read from its text fields."""
    problems: dict[str, list[str]] = defaultdict(list)
    salary: dict[str, Any] = {**draft.salary_kept, "top": draft.top.data()}
    points = read_numbers(draft.points_text)
    if points is None:
        problems["salary.points_below_top"].append(NUMBERS_PROBLEM)
    elif points:
        salary["points_below_top"] = [point(value, draft.points) for value in points]
    if draft.njc_lowest is not None or draft.njc_highest is not None:
        salary["njc_points"] = {
            "lowest": draft.njc_lowest,
            "highest": draft.njc_highest,
            "increments": draft.njc_increments,
        }
    components = []
    for index, payment in enumerate(draft.payments):
        if payment.kind == "supplement":
            components.append(supplement_data(payment))
        elif payment.kind == "one_off":
            components.append(one_off_data(payment))
        else:
            months = read_months(payment.months_text)
            if months is None:
                problems[f"components.{index}"].append(MONTHS_PROBLEM)
            components.append(retention_data(payment, months or ()))
    data = {
        **draft.kept,
        "id": draft.id,
        "council": draft.council,
        "role": draft.role,
        "role_group": draft.role_group,
        "region": draft.region,
        "as_at": draft.as_at,
        "salary": salary,
        "components": components,
        "employer_pension_rate": draft.employer_pension_rate,
        "sources": draft.sources,
        "notes": draft.notes,
    }
    return data, {path: tuple(messages) for path, messages in problems.items()}


def supplement_data(draft: SupplementDraft) -> dict[str, Any]:
    """A supplement's plain data: the draft's fields bar its uid, with its sum as ``stated``."""
    shown = draft.model_dump(exclude={"uid", "stated", "pay", "kept"})
    return {**draft.kept, **shown, draft.stated: draft.pay.data()}


def one_off_data(draft: OneOffDraft) -> dict[str, Any]:
    instalments = [_instalment_data(i) for i in draft.instalments]
    shown = draft.model_dump(exclude={"uid", "instalments", "kept"})
    return {**draft.kept, **shown, "instalments": instalments}


def _instalment_data(draft: InstalmentDraft) -> dict[str, Any]:
    data: dict[str, Any] = {"after_months": draft.after_months, **draft.pay.data()}
    if draft.clawback_within is not None:
        taper = "monthly" if draft.clawback_tapers else "none"
        data["clawback"] = {"within_months": draft.clawback_within, "taper": taper}
    return data


def retention_data(draft: RetentionDraft, months: tuple[int, ...]) -> dict[str, Any]:
    """``months`` are those read from the draft's text (see :func:`read_months`)."""
    data = {
        **draft.kept,
        **draft.model_dump(include={"kind", "name", "until_month", "taxable", "pensionable"}),
    }
    data["tiers"] = [{"from_year": t.from_year, **t.pay.data()} for t in draft.tiers]
    if draft.schedule == "every_months":
        data["every_months"] = draft.every_months
    else:
        data[draft.schedule] = list(months)
    if draft.schedule == "calendar_months" and draft.qualifying_months:
        data["qualifying_months"] = draft.qualifying_months
    return data
