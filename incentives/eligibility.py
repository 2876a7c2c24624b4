"""Who a payment is for: the conditions a council's source states, and whether a worker meets them.

A condition hangs on one payment (a component of an offer) or on the whole offer, where it
applies to every payment beyond salary. Each is cited with the source's words. Only what the
scenario says about the worker is checked: experience since qualifying (as at joining), and
whether they join as a new starter or are already in post. Everything else (a team, a
performance rating, being in post on a date, having left the council lately) cannot be known
from the scenario, so a payment with such a condition still counts and is listed as depending
on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from incentives.sourced import Sourced, Text

if TYPE_CHECKING:
    from incentives.model import Offer

JoinsAs = Literal["new starter", "staff in post"]
JOINS_AS: tuple[JoinsAs, ...] = ("new starter", "staff in post")
YearsQualified = Annotated[int, Field(ge=0, le=50)]
_NUMBER_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
)
_ASYE = "newly qualified social workers in their ASYE"


class LeastExperience(Sourced):
    """At least ``years`` of post-qualifying experience on joining."""

    kind: Literal["post_qualifying_experience"]
    years: Annotated[int, Field(ge=1, le=40)]


class NewlyQualified(Sourced):
    """Newly qualified social workers (in their ASYE) are ``excluded``, or the payment is
    ``only`` for them. In the first year after qualifying a worker is in their ASYE."""

    kind: Literal["newly_qualified"]
    rule: Literal["excluded", "only"]


class Joining(Sourced):
    """Only for new starters, or only for staff already in post."""

    kind: Literal["joining"]
    only: JoinsAs


class NotReturning(Sourced):
    """Not for staff moving from another post in the council, nor for leavers who rejoin
    within ``rejoining_within_months``."""

    kind: Literal["not_returning"]
    internal_transfers: bool = False
    rejoining_within_months: Annotated[int, Field(ge=1, le=120)] | None = None


class OtherCondition(Sourced):
    """A condition the scenario cannot check, in the source's words."""

    kind: Literal["other"]
    about: Literal["team", "performance", "in post on a date", "other"]
    text: Text


Condition = Annotated[
    LeastExperience | NewlyQualified | Joining | NotReturning | OtherCondition,
    Field(discriminator="kind"),
]


@dataclass(frozen=True)
class Worker:
    """What a scenario says about the worker that conditions can be checked against."""

    years_qualified: int
    joins_as: JoinsAs = "new starter"


def is_met(condition: Condition, worker: Worker) -> bool | None:
    """Whether ``worker`` meets ``condition``; None when the scenario cannot tell."""
    if isinstance(condition, LeastExperience):
        return worker.years_qualified >= condition.years
    if isinstance(condition, NewlyQualified):
        in_asye = worker.years_qualified < 1
        return in_asye if condition.rule == "only" else not in_asye
    if isinstance(condition, Joining):
        return worker.joins_as == condition.only
    if isinstance(condition, NotReturning) and condition.internal_transfers:
        return worker.joins_as != "staff in post"  # moving post inside the council
    return None


def in_words(condition: Condition) -> str:
    """What a condition asks, as the app lists it: "three years' post-qualifying experience"."""
    if isinstance(condition, LeastExperience):
        return f"{_years(condition.years)} post-qualifying experience"
    if isinstance(condition, NewlyQualified):
        return f"only {_ASYE}" if condition.rule == "only" else f"not {_ASYE}"
    if isinstance(condition, Joining):
        return "only new starters" if condition.only == "new starter" else "only staff in post"
    if isinstance(condition, NotReturning):
        return "; ".join(_not_returning_parts(condition)) or "not staff returning to the council"
    return _in_a_list(condition.text)


def why_not(condition: Condition) -> str:
    """Why a worker who fails ``condition`` is not paid, in the sources table's words."""
    if isinstance(condition, LeastExperience):
        return f"not for you: needs {_years(condition.years)} post-qualifying experience"
    if isinstance(condition, NewlyQualified):
        if condition.rule == "only":
            return f"not for you: only for {_ASYE}"
        return f"not for you: not paid to {_ASYE}"
    if isinstance(condition, Joining):
        who = "new starters" if condition.only == "new starter" else "staff already in post"
        return f"not for you: only for {who}"
    if isinstance(condition, NotReturning):
        return "not for you: not paid to staff moving from another post in the council"
    return f"not for you: {_in_a_list(condition.text)}"


def left_out(offer: Offer, worker: Worker | None) -> dict[int, tuple[str, ...]]:
    """The components of ``offer`` that ``worker`` does not qualify for, each with why.

    ``worker`` None (the scenario says nothing about them): nothing is left out.
    """
    if worker is None:
        return {}
    reasons = {}
    for index, conditions in conditions_by_component(offer).items():
        failed = tuple(why_not(c) for c in conditions if is_met(c, worker) is False)
        if failed:
            reasons[index] = failed
    return reasons


def conditions_by_component(offer: Offer) -> Mapping[int, tuple[Condition, ...]]:
    """Each component's own conditions and the whole offer's, for components that have any."""
    found = {}
    for index, component in enumerate(offer.components):
        conditions = (*component.conditions, *offer.conditions)
        if conditions:
            found[index] = conditions
    return found


def never_narrows_with_experience(conditions: Iterable[Condition]) -> bool:
    """True unless a condition reserves the payment for the newly qualified: then more
    experience can take a payment away."""
    return not any(isinstance(c, NewlyQualified) and c.rule == "only" for c in conditions)


def _in_a_list(text: str) -> str:
    """A sentence from the data as a list item: no full stop, lower case unless an acronym."""
    text = text.rstrip(".")
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def _years(years: int) -> str:
    number = _NUMBER_WORDS[years] if years < len(_NUMBER_WORDS) else str(years)
    return f"{number} year's" if years == 1 else f"{number} years'"


def _not_returning_parts(condition: NotReturning) -> list[str]:
    parts = []
    if condition.internal_transfers:
        parts.append("not staff moving from another post in the council")
    months = condition.rejoining_within_months
    if months is not None:
        span = f"{_NUMBER_WORDS[months // 12]} year{'s' if months > 12 else ''}"
        within = (
            span if months % 12 == 0 and months // 12 < len(_NUMBER_WORDS) else f"{months} months"
        )
        parts.append(f"not staff rejoining within {within} of leaving")
    return parts
