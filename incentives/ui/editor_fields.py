"""The editor's form: widgets for each field of a draft, read back into a draft as typed.

Each widget starts at the draft's value and is keyed by the draft's generation and the
payment's uid, so a new draft gets fresh widgets and a payment keeps its own when another is
removed. Beside each field is a slot for what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, get_args, overload

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from incentives import drafts
from incentives.drafts import (
    Entry,
    InstalmentDraft,
    OneOffDraft,
    PackageDraft,
    RetentionDraft,
    Schedule,
    Sum,
    SupplementDraft,
    TierDraft,
)
from incentives.model import RoleGroup
from incentives.vocabulary import PURPOSES, Region

Replace = Callable[[PackageDraft], None]  # stores a changed draft and runs the page again

_SCHEDULES: dict[Schedule, str] = {
    "every_months": "On each anniversary, or every N months",
    "at_months": "At set months of service",
    "calendar_months": "In set calendar months",
}
_AFTER, _POUNDS, _PERCENT = "After months (0: on joining)", "Amount (£)", "% of basic"
_WITHIN, _TAPERS = "Repaid if leaving within (months)", "Repayment tapers monthly"
_YEAR, _TIER_POUNDS = "From year of service", "Each payment (£)"
_TIER_PERCENT = "Each payment (% of basic)"
_INCREMENTS = {  # NjcGrade.increments
    "april": "Each 1 April, after six months in post (the NJC default)",
    "anniversary": "Each anniversary of joining",
}


class Slots:
    """A place beside each field for what is wrong with it, found by the field's dotted path."""

    def __init__(self) -> None:
        self._slots: dict[str, DeltaGenerator] = {}

    def add(self, path: str) -> None:
        self._slots[path] = st.empty()

    def show(self, problems: drafts.Problems) -> None:
        """Each problem in the slot of the field at fault, or of the nearest enclosing one."""
        unplaced: list[str] = []
        for path, messages in problems.items():
            target = path
            while target and target not in self._slots:
                target = target.rpartition(".")[0]
            if target:
                self._slots[target].error("; ".join(messages), icon=":material/error:")
            else:
                unplaced.extend(f"{path}: {m}" for m in messages)
        if unplaced:
            st.error("; ".join(unplaced), icon=":material/error:")


class _Keys:
    def __init__(self, generation: int) -> None:
        self.prefix = f"editor{generation}"

    def __call__(self, *parts: object) -> str:
        return ".".join([self.prefix, *map(str, parts)])


def package_form(base: PackageDraft, slots: Slots, replace: Replace) -> PackageDraft:
    """The package's widgets, starting from ``base``; the draft as the user has it now."""
    key = _Keys(base.generation)
    st.subheader("The package")
    left, right = st.columns(2)
    with left:
        council = st.text_input("Council", base.council, key=key("council"))
        slots.add("council")
        role = st.text_input("Role", base.role, key=key("role"))
        slots.add("role")
        role_group = _choice("Role group", get_args(RoleGroup), base.role_group, key("role_group"))
    with right:
        region = _choice("Region", get_args(Region), base.region, key("region"))
        as_at = st.date_input(
            "As at (blank: undated)",
            base.as_at,
            key=key("as_at"),
            min_value=dt.date(2000, 1, 1),
            max_value=dt.date(2040, 12, 31),
        )
        top = _figure(
            "Top of the salary scale (£ a year; blank: not published)", base.top, key("salary.top")
        )
        slots.add("salary.top")
    points = st.text_input(
        "Lower scale points (£, lowest first, separated by commas)",
        base.points_text,
        key=key("points"),
    )
    slots.add("salary.points_below_top")
    lowest, highest, increments = _njc_points(base, key)
    slots.add("salary.njc_points")
    st.subheader("Payments beyond salary")
    payments = [
        _payment(index, payment, base, slots, replace)
        for index, payment in enumerate(base.payments)
    ]
    _adders(base, replace)
    return base.model_copy(
        update={
            "council": council,
            "role": role,
            "role_group": role_group,
            "region": region,
            "as_at": as_at if isinstance(as_at, dt.date) else None,
            "top": top,
            "points_text": points,
            "njc_lowest": lowest,
            "njc_highest": highest,
            "njc_increments": increments,
            "payments": tuple(payments),
        }
    )


def _njc_points(base: PackageDraft, key: _Keys) -> tuple[int | None, int | None, str]:
    """The grade on the NJC pay spine, if the package gives it: lowest and highest point, and
    when each increment falls. The model checks them (NjcGrade), and prices them on the spine."""
    st.caption(
        "Or give the grade as NJC spinal column points: leave the top of the scale blank to "
        "take it from the highest point on the 'As at' date."
    )
    left, middle, right = st.columns(3)
    with left:
        lowest = st.number_input(
            "Lowest NJC point (blank: none)", value=base.njc_lowest, step=1, key=key("njc.lowest")
        )
    with middle:
        highest = st.number_input(
            "Highest NJC point", value=base.njc_highest, step=1, key=key("njc.highest")
        )
    with right:
        increments = st.selectbox(
            "A point up the grade",
            list(_INCREMENTS),
            list(_INCREMENTS).index(base.njc_increments),
            format_func=_INCREMENTS.__getitem__,
            key=key("njc.increments"),
        )
    return (
        None if lowest is None else int(lowest),
        None if highest is None else int(highest),
        increments,
    )


def _choice(label: str, options: Sequence[str], current: str, key: str) -> str:
    choices = list(options)
    return st.selectbox(label, choices, choices.index(current), key=key)


def _figure(label: str, base: Entry, key: str, *, percent: bool = False) -> Entry:
    """A number input for a figure, which keeps the figure it was read from."""
    entered = st.number_input(
        label,
        min_value=0.0,
        max_value=100.0 if percent else 10_000_000.0,
        value=base.value,
        step=0.5 if percent else 100.0,
        key=key,
    )
    return Entry(value=entered, original=base.original)


def _payment(
    index: int,
    base: SupplementDraft | OneOffDraft | RetentionDraft,
    package: PackageDraft,
    slots: Slots,
    replace: Replace,
) -> SupplementDraft | OneOffDraft | RetentionDraft:
    key, path = _Keys(package.generation), f"components.{index}"
    kind = drafts.KIND_NAMES[base.kind]
    with st.expander(f"{index + 1}. {base.name or kind} ({kind.lower()})", expanded=True):
        slots.add(path)
        name = st.text_input("Name", base.name, key=key(base.uid, "name"))
        payment: SupplementDraft | OneOffDraft | RetentionDraft
        if isinstance(base, SupplementDraft):
            payment = supplement_fields(base, key, slots, path)
        elif isinstance(base, OneOffDraft):
            payment = one_off_fields(base, key, slots, path)
        else:
            payment = retention_fields(base, key, slots, path)
        if st.button("Remove this payment", key=key(base.uid, "remove"), icon=":material/delete:"):
            replace(drafts.without_payment(package, base.uid))
    return payment.model_copy(update={"name": name})


def supplement_fields(
    base: SupplementDraft, key: _Keys, slots: Slots, path: str
) -> SupplementDraft:
    """A supplement: its sum a year in £ or as a percentage, the months it is paid, its flags."""
    pounds = st.radio(
        "Stated as",
        ["£", "% of basic salary"],
        0 if base.stated == "amount" else 1,
        horizontal=True,
        key=key(base.uid, "stated"),
    )
    stated: drafts.Stated = "amount" if pounds == "£" else "percent_of_basic"
    label = "Amount (£ a year)" if pounds == "£" else "Percentage of basic salary (a year)"
    start = base.pay if stated == base.stated else Entry()
    pay = _figure(label, start, key(base.uid, stated), percent=stated != "amount")
    slots.add(f"{path}.{stated}")
    left, right = st.columns(2)
    with left:
        from_month = st.number_input(
            "First month of service it is paid", 1, 600, base.from_month, key=key(base.uid, "from")
        )
    with right:
        until = st.number_input(
            "Last month (blank: no end)", 1, 600, base.until_month, key=key(base.uid, "until")
        )
    taxable, pensionable = _flags(base.uid, key, base.taxable, base.pensionable)
    return base.model_copy(
        update={
            "stated": stated,
            "pay": pay,
            "from_month": int(from_month),
            "until_month": None if until is None else int(until),
            "taxable": taxable,
            "pensionable": pensionable,
        }
    )


def one_off_fields(base: OneOffDraft, key: _Keys, slots: Slots, path: str) -> OneOffDraft:
    """A one-off payment: its purpose, its instalments, and its flags."""
    purpose = st.selectbox(
        "Purpose",
        PURPOSES,
        PURPOSES.index(base.purpose),
        format_func=lambda p: p.replace("_", " ").capitalize(),
        key=key(base.uid, "purpose"),
    )
    instalments = _instalments(base, key)
    slots.add(f"{path}.instalments")
    ticked = base.pensionable
    if ticked is None:
        ticked = drafts.default_pensionable(purpose)
    taxable, pensionable = _flags(base.uid, key, base.taxable, ticked)
    expenses = purpose == "relocation" and st.checkbox(
        "Reimburses qualifying removal expenses (free of tax and NI up to the limit)",
        base.qualifying_relocation_expenses,
        key=key(base.uid, "expenses"),
    )
    return base.model_copy(
        update={
            "purpose": purpose,
            "instalments": instalments,
            "taxable": taxable,
            "pensionable": drafts.chosen_pensionable(base, purpose, pensionable),
            "qualifying_relocation_expenses": expenses,
        }
    )


def retention_fields(base: RetentionDraft, key: _Keys, slots: Slots, path: str) -> RetentionDraft:
    """A retention payment: when it is paid, its sums by year of service, and its flags."""
    schedules = list(_SCHEDULES)
    schedule = st.radio(
        "Paid",
        schedules,
        schedules.index(base.schedule),
        format_func=_SCHEDULES.__getitem__,
        key=key(base.uid, "schedule"),
    )
    update: dict[str, Any] = {"schedule": schedule}
    if schedule == "every_months":
        every = st.number_input(
            "Every how many months", 1, 600, base.every_months, key=key(base.uid, "every")
        )
        update["every_months"] = int(every)
    else:
        update["months_text"] = st.text_input(
            "Months of service (e.g. 12, 24, 36)"
            if schedule == "at_months"
            else "Calendar months (1-12, e.g. 6, 12)",
            base.months_text,
            key=key(base.uid, "months"),
        )
    if schedule == "calendar_months":
        qualifying = st.number_input(
            "Months of service before the first payment",
            0,
            600,
            base.qualifying_months,
            key=key(base.uid, "qualifying"),
        )
        update["qualifying_months"] = int(qualifying)
    update["tiers"] = _tiers(base, key)
    slots.add(f"{path}.tiers")
    update["taxable"], update["pensionable"] = _flags(base.uid, key, base.taxable, base.pensionable)
    return base.model_copy(update=update)


def _flags(uid: int, key: _Keys, taxable: bool, pensionable: bool) -> tuple[bool, bool]:
    left, right = st.columns(2)
    with left:
        taxed = st.checkbox("Taxable", taxable, key=key(uid, "taxable"))
    with right:
        pensioned = st.checkbox(
            "Pensionable",
            pensionable,
            key=key(uid, "pensionable"),
            help="Counts as LGPS pensionable pay.",
        )
    return taxed, pensioned


def _instalments(base: OneOffDraft, key: _Keys) -> tuple[InstalmentDraft, ...]:
    rows = base.instalments
    frame = pd.DataFrame(
        {
            _AFTER: [r.after_months for r in rows],
            _POUNDS: [r.pay.amount.value for r in rows],
            _PERCENT: [r.pay.percent_of_basic.value for r in rows],
            _WITHIN: [r.clawback_within for r in rows],
            _TAPERS: [r.clawback_tapers for r in rows],
        }
    )
    st.caption("Instalments: give each an amount in £ or a percentage, not both.")
    edited = _table(frame, key(base.uid, "instalments"))
    return tuple(
        InstalmentDraft(
            after_months=_whole(row[_AFTER], 0),
            pay=_sum(row[_POUNDS], row[_PERCENT], rows[n].pay if n < len(rows) else Sum()),
            clawback_within=_whole(row[_WITHIN], None),
            clawback_tapers=_number(row[_TAPERS]) == 1,
        )
        for n, row in enumerate(edited)
    )


def _tiers(base: RetentionDraft, key: _Keys) -> tuple[TierDraft, ...]:
    rows = base.tiers
    frame = pd.DataFrame(
        {
            _YEAR: [r.from_year for r in rows],
            _TIER_POUNDS: [r.pay.amount.value for r in rows],
            _TIER_PERCENT: [r.pay.percent_of_basic.value for r in rows],
        }
    )
    st.caption("Amounts by year of service: the first row is year 1; add rows where they rise.")
    edited = _table(frame, key(base.uid, "tiers"))
    return tuple(
        TierDraft(
            from_year=_whole(row[_YEAR], 1),
            pay=_sum(
                row[_TIER_POUNDS], row[_TIER_PERCENT], rows[n].pay if n < len(rows) else Sum()
            ),
        )
        for n, row in enumerate(edited)
    )


def _table(frame: pd.DataFrame, key: str) -> list[dict[str, Any]]:
    edited = st.data_editor(frame, num_rows="dynamic", hide_index=True, width="stretch", key=key)
    return [{str(name): value for name, value in row.items()} for row in edited.to_dict("records")]


def _adders(base: PackageDraft, replace: Replace) -> None:
    key = _Keys(base.generation)
    for column, (kind, name) in zip(st.columns(3), drafts.KIND_NAMES.items(), strict=True):
        with column:
            if st.button(
                f"Add a {name.lower()}",
                key=key("add", kind),
                icon=":material/add:",
                width="stretch",
            ):
                replace(drafts.with_new_payment(base, kind))


def _sum(pounds: Any, percent: Any, base: Sum) -> Sum:
    """A table row's sums, each keeping the figure of its column it was read from."""
    return Sum(
        amount=Entry(value=_number(pounds), original=base.amount.original),
        percent_of_basic=Entry(value=_number(percent), original=base.percent_of_basic.original),
    )


def _number(cell: Any) -> float | None:
    return None if cell is None or bool(pd.isna(cell)) else float(cell)


@overload
def _whole(cell: Any, blank: int) -> int: ...
@overload
def _whole(cell: Any, blank: None) -> int | None: ...
def _whole(cell: Any, blank: int | None) -> int | None:
    """A table cell as a whole number; ``blank`` where it is empty or not a number."""
    try:
        return blank if cell is None or bool(pd.isna(cell)) else int(cell)
    except (TypeError, ValueError):
        return blank
