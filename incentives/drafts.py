"""The package editor's draft: what its form holds, as typed records, and how it becomes an offer.

A draft mirrors an offer as a person types it (numbers as floats, lists of numbers as text) and
keeps each published figure it was read from, so that a figure keeps its sources only while its
value is the one they support: change it and it becomes the user's own figure. A draft becomes
an offer through the same models as the council data, so a package that passes here is one the
data file would accept; what is wrong comes back as messages keyed by the dotted path of the
field at fault (``components.0.instalments.1.amount``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import Field, ValidationError

from incentives.catalog import DataError, check_citations
from incentives.draft_data import offer_data
from incentives.draft_text import same
from incentives.model import (
    Component,
    Instalment,
    Money,
    NjcGrade,
    Offer,
    OneOff,
    Percent,
    Retention,
    RetentionTier,
    SalaryScale,
    Supplement,
)
from incentives.sourced import Frozen, Source
from incentives.vocabulary import PENSIONABLE_BY_DEFAULT, Purpose

Kind = Literal["supplement", "one_off", "retention"]
Stated = Literal["amount", "percent_of_basic"]
Schedule = Literal["every_months", "at_months", "calendar_months"]
Problems = Mapping[str, tuple[str, ...]]

KIND_NAMES: Mapping[Kind, str] = {
    "supplement": "Supplement",
    "one_off": "One-off payment",
    "retention": "Retention payment",
}
EACH_ANNIVERSARY = 12  # months: a new retention payment's schedule
# What the form shows of each model; every other field (conditions, benefits, the scheme's
# status...) is carried through as published, in the draft's ``kept``.
_SHOWN: Mapping[type, frozenset[str]] = {
    Offer: frozenset(
        {"id", "council", "role", "role_group", "region", "as_at", "salary", "components"}
        | {"employer_pension_rate", "sources", "notes"}
    ),
    SalaryScale: frozenset({"top", "points_below_top", "njc_points"}),
    Supplement: frozenset(
        {"kind", "name", "amount", "percent_of_basic", "from_month", "until_month"}
        | {"taxable", "pensionable"}
    ),
    OneOff: frozenset(
        {"kind", "name", "purpose", "instalments", "taxable", "pensionable"}
        | {"qualifying_relocation_expenses"}
    ),
    Retention: frozenset(
        {"kind", "name", "every_months", "at_months", "calendar_months", "qualifying_months"}
        | {"until_month", "tiers", "taxable", "pensionable"}
    ),
}
Kept = Mapping[str, Any]


def unshown(record: Offer | SalaryScale | Component) -> Kept:
    """The fields of ``record`` the form does not show, to be carried through unchanged."""
    shown = _SHOWN[type(record)]
    return {name: getattr(record, name) for name in type(record).model_fields if name not in shown}


def default_pensionable(purpose: Purpose) -> bool:
    """Whether a one-off payment for ``purpose`` is LGPS pensionable unless the offer says."""
    return PENSIONABLE_BY_DEFAULT[purpose]


class Entry(Frozen):
    """A figure as typed (``None``: left blank, not published), and the figure it was read from."""

    value: float | None = None
    original: Money | Percent | None = None

    def data(self) -> Money | Percent | dict[str, float | None]:
        """The original figure, sources and all, while the value is unchanged; else the value."""
        if self.original is not None and same(self.value, self.original.value):
            return self.original
        return {"value": self.value}


def entry(figure: Money | Percent | None) -> Entry:
    value = None if figure is None or figure.value is None else float(figure.value)
    return Entry(value=value, original=figure)


class Sum(Frozen):
    """A sum in a table row: pounds, or a percentage of basic salary."""

    amount: Entry = Entry()
    percent_of_basic: Entry = Entry()

    def data(self) -> dict[str, Any]:
        """Each sum typed; with both blank, the original unpublished figures (if any) stay."""
        entries = {"amount": self.amount, "percent_of_basic": self.percent_of_basic}
        if all(e.value is None for e in entries.values()):
            return {
                name: e.original
                for name, e in entries.items()
                if e.original is not None and e.original.value is None
            }
        return {name: e.data() for name, e in entries.items() if e.value is not None}


def _sum(payment: Instalment | RetentionTier) -> Sum:
    return Sum(amount=entry(payment.amount), percent_of_basic=entry(payment.percent_of_basic))


class SupplementDraft(Frozen):
    """A supplement (model.Supplement) as the form holds it."""

    kind: Literal["supplement"] = "supplement"
    uid: int
    name: str
    stated: Stated = "amount"
    pay: Entry  # £ a year, or % of basic, as ``stated``
    from_month: int = 1
    until_month: int | None = None
    taxable: bool = True
    pensionable: bool = Supplement.model_fields["pensionable"].default
    kept: Kept = Field(default_factory=dict)  # fields not shown (see unshown())


class InstalmentDraft(Frozen):
    """A row of a one-off payment's table of instalments."""

    after_months: int = 0
    pay: Sum
    clawback_within: int | None = None  # months; None: never repaid
    clawback_tapers: bool = False


class OneOffDraft(Frozen):
    """A one-off payment (model.OneOff) as the form holds it."""

    kind: Literal["one_off"] = "one_off"
    uid: int
    name: str
    purpose: Purpose
    instalments: tuple[InstalmentDraft, ...]
    taxable: bool = True
    pensionable: bool | None = None  # None: the default for its purpose
    qualifying_relocation_expenses: bool = False
    kept: Kept = Field(default_factory=dict)  # fields not shown (see unshown())


class TierDraft(Frozen):
    """A row of a retention payment's table of sums by year of service."""

    from_year: int = 1
    pay: Sum


class RetentionDraft(Frozen):
    """A retention payment (model.Retention) as the form holds it."""

    kind: Literal["retention"] = "retention"
    uid: int
    name: str
    schedule: Schedule = "every_months"
    every_months: int = EACH_ANNIVERSARY
    months_text: str = ""  # months of service, or calendar months, as the schedule says
    qualifying_months: int = 0
    until_month: int | None = None
    tiers: tuple[TierDraft, ...]
    taxable: bool = True
    pensionable: bool = Retention.model_fields["pensionable"].default
    kept: Kept = Field(default_factory=dict)  # fields not shown (see unshown())


PaymentDraft = Annotated[
    SupplementDraft | OneOffDraft | RetentionDraft, Field(discriminator="kind")
]


class PackageDraft(Frozen):
    """A package being edited. ``generation`` and the payments' ``uid`` name its widgets: a new
    draft gets a new generation, and a payment added gets the next ``issued`` number."""

    generation: int
    issued: int = 0  # the largest payment uid given so far
    id: str
    council: str
    role: str
    role_group: str
    region: str
    as_at: dt.date | None = None
    top: Entry
    points_text: str = ""  # the lower scale points, lowest first, separated by commas
    points: tuple[Money, ...] = ()  # the published points they were read from
    njc_lowest: int | None = None  # the grade on the NJC spine (blank: not given as points)
    njc_highest: int | None = None
    njc_increments: str = NjcGrade.model_fields["increments"].default  # checked by NjcGrade
    payments: tuple[PaymentDraft, ...] = ()
    employer_pension_rate: Percent | None = None  # not edited here, kept as published
    sources: Mapping[str, Source] = Field(default_factory=dict)
    notes: str | None = None
    kept: Kept = Field(default_factory=dict)  # the offer's fields not shown (see unshown())
    salary_kept: Kept = Field(default_factory=dict)  # the scale's fields not shown


BLANK = Offer(
    id="yours-package",
    council="Your council",
    role="Social worker",
    role_group="social worker",
    region="North West",
    as_at=None,
    salary=SalaryScale(top=Money(value=Decimal(35_000))),
)


def blank(generation: int) -> PackageDraft:
    """A draft of a package with only a salary, to be filled in."""
    return from_offer(BLANK, generation)


def from_offer(offer: Offer, generation: int) -> PackageDraft:
    """A draft holding ``offer``'s figures, to be edited."""
    payments = tuple(payment_draft(uid, c) for uid, c in enumerate(offer.components, start=1))
    points, grade = offer.salary.points_below_top, offer.salary.njc_points
    return PackageDraft(
        generation=generation,
        issued=len(payments),
        id=offer.id,
        council=offer.council,
        role=offer.role,
        role_group=offer.role_group,
        region=offer.region,
        as_at=offer.as_at,
        top=entry(offer.salary.top),
        points_text=", ".join(str(p.value) for p in points if p.value is not None),
        points=points,
        njc_lowest=None if grade is None else grade.lowest,
        njc_highest=None if grade is None else grade.highest,
        njc_increments=NjcGrade.model_fields["increments"].default
        if grade is None
        else grade.increments,
        payments=payments,
        employer_pension_rate=offer.employer_pension_rate,
        sources=offer.sources,
        notes=offer.notes,
        kept=unshown(offer),
        salary_kept=unshown(offer.salary),
    )


def payment_draft(uid: int, component: Component) -> SupplementDraft | OneOffDraft | RetentionDraft:
    if isinstance(component, Supplement):
        return supplement_draft(uid, component)
    if isinstance(component, OneOff):
        return one_off_draft(uid, component)
    return retention_draft(uid, component)


def supplement_draft(uid: int, supplement: Supplement) -> SupplementDraft:
    stated: Stated = "amount" if supplement.amount is not None else "percent_of_basic"
    return SupplementDraft(
        uid=uid,
        name=supplement.name,
        stated=stated,
        pay=entry(getattr(supplement, stated)),
        from_month=supplement.from_month,
        until_month=supplement.until_month,
        taxable=supplement.taxable,
        pensionable=supplement.pensionable,
        kept=unshown(supplement),
    )


def one_off_draft(uid: int, one_off: OneOff) -> OneOffDraft:
    return OneOffDraft(
        uid=uid,
        name=one_off.name,
        purpose=one_off.purpose,
        instalments=tuple(
            InstalmentDraft(
                after_months=i.after_months,
                pay=_sum(i),
                clawback_within=None if i.clawback is None else i.clawback.within_months,
                clawback_tapers=i.clawback is not None and i.clawback.taper == "monthly",
            )
            for i in one_off.instalments
        ),
        taxable=one_off.taxable,
        pensionable=one_off.pensionable,
        qualifying_relocation_expenses=one_off.qualifying_relocation_expenses,
        kept=unshown(one_off),
    )


def retention_draft(uid: int, retention: Retention) -> RetentionDraft:
    schedule: Schedule = (
        "every_months"
        if retention.every_months is not None
        else "at_months"
        if retention.at_months
        else "calendar_months"
    )
    months = retention.at_months or retention.calendar_months
    return RetentionDraft(
        uid=uid,
        name=retention.name,
        schedule=schedule,
        every_months=retention.every_months or EACH_ANNIVERSARY,
        months_text=", ".join(str(m) for m in months),
        qualifying_months=retention.qualifying_months,
        until_month=retention.until_month,
        tiers=tuple(TierDraft(from_year=t.from_year, pay=_sum(t)) for t in retention.tiers),
        taxable=retention.taxable,
        pensionable=retention.pensionable,
        kept=unshown(retention),
    )


def starter(kind: Kind, uid: int) -> SupplementDraft | OneOffDraft | RetentionDraft:
    """A new payment of ``kind`` with round figures to change: £1,000 a year, a £2,000 golden
    hello on joining, or £1,000 on each anniversary."""
    name = KIND_NAMES[kind]
    if kind == "supplement":
        return SupplementDraft(uid=uid, name=name, pay=Entry(value=1000))
    if kind == "one_off":
        joining = InstalmentDraft(pay=Sum(amount=Entry(value=2000)))
        return OneOffDraft(uid=uid, name=name, purpose="golden_hello", instalments=(joining,))
    return RetentionDraft(uid=uid, name=name, tiers=(TierDraft(pay=Sum(amount=Entry(value=1000))),))


def chosen_pensionable(draft: OneOffDraft, purpose: Purpose, ticked: bool) -> bool | None:
    """What the offer says of pensionability: nothing (the purpose's default) unless the box
    differs from that default or the offer said so already."""
    if draft.pensionable is None and ticked == default_pensionable(purpose):
        return None
    return ticked


def with_new_payment(draft: PackageDraft, kind: Kind) -> PackageDraft:
    uid = draft.issued + 1
    return draft.model_copy(
        update={"issued": uid, "payments": (*draft.payments, starter(kind, uid))}
    )


def without_payment(draft: PackageDraft, uid: int) -> PackageDraft:
    return draft.model_copy(update={"payments": tuple(p for p in draft.payments if p.uid != uid)})


@dataclass(frozen=True)
class Checked:
    """A draft made into an offer, or what is wrong with it, by the path of the field at fault."""

    offer: Offer | None
    problems: Problems


def to_offer(draft: PackageDraft) -> Checked:
    """The offer a draft describes, validated as the data file's offers are."""
    data, problems = offer_data(draft)
    if problems:
        return Checked(None, problems)
    found: dict[str, list[str]] = defaultdict(list)
    try:
        offer = Offer.model_validate(data)
        check_citations(offer, "your package", required=False)
    except ValidationError as error:
        for problem in error.errors():
            found[_path(problem["loc"])].append(problem["msg"].removeprefix("Value error, "))
        return Checked(None, {path: tuple(messages) for path, messages in found.items()})
    except DataError as error:
        return Checked(None, {error.field or "": (error.problem,)})
    return Checked(offer, {})


def _path(loc: tuple[int | str, ...]) -> str:
    """A validation error's location as the form's dotted path: no kind tags, no '.value'."""
    parts = [str(part) for part in loc if part not in get_args(Kind)]
    while parts and parts[-1] == "value":
        parts.pop()
    return ".".join(parts)
