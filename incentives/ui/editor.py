"""The package editor: build a package, or start from any offer and change it.

The form reads into the same plain data a YAML file holds, and the same models validate it,
so a package that passes here is one the data file would accept. A figure keeps its sources
only while its value is the one they support: change it and it becomes your own figure.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from typing import Any, get_args

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from incentives import packages
from incentives.catalog import DataError, check_citations
from incentives.model import Offer, Region, RoleGroup
from incentives.ui import keys, mine
from incentives.ui.inputs import Chosen

_DRAFT = keys.EDITOR_DRAFT
_UPLOADED = keys.EDITOR_UPLOADED
_counter = itertools.count(1)
BLANK: dict[str, Any] = {
    "id": "yours-package",
    "council": "Your council",
    "role": "Social worker",
    "role_group": "social worker",
    "region": "North West",
    "as_at": None,
    "salary": {"top": {"value": 35_000}},
    "components": [],
}
KIND_NAMES = {
    "supplement": "Supplement",
    "one_off": "One-off payment",
    "retention": "Retention payment",
}


def render(offers: dict[str, Offer], chosen: Chosen, ready: list[str]) -> None:
    st.title("Build a package")
    st.write(
        "Design a package, or start from any published offer and change it. Add it to the "
        "comparison to see it beside the others, on every page; the share link carries it. "
        "Download it as a file in the same form as the council data, or upload such a file."
    )
    _start(offers)
    draft = st.session_state.setdefault(_DRAFT, _new_draft(BLANK))
    errors: dict[str, list[str]] = defaultdict(list)
    form = _Form(draft, errors)
    data = form.read()
    offer = _validate(data, errors)
    form.show_errors()
    _actions(offer, offers)
    st.divider()
    _upload(offers)
    _your_packages(offers)


def _start(offers: dict[str, Offer]) -> None:
    with st.container(border=True):
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        with left:
            start = st.selectbox(
                "Start from",
                ["A blank package", *(offer.label for offer in offers.values())],
                key=keys.EDITOR_START,
            )
        with right:
            if st.button("Start", width="stretch"):
                chosen = next((o for o in offers.values() if o.label == start), None)
                base = BLANK if chosen is None else _as_data(chosen)
                st.session_state[_DRAFT] = _new_draft(base)


def _as_data(offer: Offer) -> dict[str, Any]:
    return offer.model_dump(mode="python", exclude_defaults=True)


def _new_draft(base: dict[str, Any]) -> dict[str, Any]:
    """A draft: the original data, and a generation number that keys a fresh set of widgets."""
    components = [{"uid": next(_counter), "data": c} for c in base.get("components", [])]
    return {"generation": next(_counter), "base": base, "components": components}


class _Form:
    """Widgets for one draft, read into plain package data, with a slot beside each field for
    what is wrong with it."""

    def __init__(self, draft: dict[str, Any], errors: dict[str, list[str]]):
        self.draft, self.errors = draft, errors
        self.base = draft["base"]
        self.slots: dict[str, Any] = {}

    def key(self, path: str) -> str:
        return f"editor{self.draft['generation']}.{path}"

    def slot(self, path: str) -> None:
        self.slots[path] = st.empty()

    def read(self) -> dict[str, Any]:
        base = self.base
        st.subheader("The package")
        left, right = st.columns(2)
        with left:
            council = st.text_input("Council", base.get("council", ""), key=self.key("council"))
            self.slot("council")
            role = st.text_input("Role", base.get("role", ""), key=self.key("role"))
            self.slot("role")
            groups = list(get_args(RoleGroup))
            group = st.selectbox(
                "Role group",
                groups,
                groups.index(base.get("role_group", groups[1])),
                key=self.key("role_group"),
            )
        with right:
            regions = list(get_args(Region))
            region = st.selectbox(
                "Region",
                regions,
                regions.index(base.get("region", regions[1])),
                key=self.key("region"),
            )
            as_at = st.date_input(
                "As at (blank: undated)",
                base.get("as_at"),
                key=self.key("as_at"),
                min_value=dt.date(2000, 1, 1),
                max_value=dt.date(2040, 12, 31),
            )
            top = self.figure(
                "salary.top",
                "Top of the salary scale (£ a year; blank: not published)",
                base.get("salary", {}).get("top"),
            )
        points = st.text_input(
            "Lower scale points (£, lowest first, separated by commas)",
            ", ".join(
                f"{p['value']}"
                for p in base.get("salary", {}).get("points_below_top", [])
                if p.get("value") is not None
            ),
            key=self.key("points"),
        )
        self.slot("salary.points_below_top")
        salary: dict[str, Any] = {"top": top}
        parsed = _numbers(points)
        if parsed is None:
            self.errors["salary.points_below_top"].append("write numbers separated by commas")
        elif parsed:
            salary["points_below_top"] = [{"value": value} for value in parsed]
        data = {
            "id": base.get("id", BLANK["id"]),
            "council": council,
            "role": role,
            "role_group": group,
            "region": region,
            "as_at": as_at or None,
            "salary": salary,
            "components": [],
            "sources": base.get("sources", {}),
        }
        st.subheader("Payments beyond salary")
        for index, item in enumerate(self.draft["components"]):
            data["components"].append(self.component(index, item))
        self.adders()
        return data

    def figure(
        self, path: str, label: str, original: dict[str, Any] | None, *, percent: bool = False
    ) -> dict[str, Any]:
        """A number input for a figure; the original sources stay only if the value does."""
        value = None if original is None else original.get("value")
        entered = st.number_input(
            label,
            min_value=0.0,
            max_value=100.0 if percent else 10_000_000.0,
            value=None if value is None else float(value),
            step=0.5 if percent else 100.0,
            key=self.key(path),
        )
        self.slot(path)
        if original is not None and _same(entered, value):
            return original
        return {"value": entered}

    def component(self, index: int, item: dict[str, Any]) -> dict[str, Any]:
        data = item["data"]
        kind = data["kind"]
        path = f"components.{index}"
        title = f"{index + 1}. {data.get('name') or KIND_NAMES[kind]} ({KIND_NAMES[kind].lower()})"
        with st.expander(title, expanded=True):
            self.slot(path)
            name = st.text_input(
                "Name", data.get("name", KIND_NAMES[kind]), key=self.key(f"{item['uid']}.name")
            )
            result: dict[str, Any] = {"kind": kind, "name": name}
            if kind == "supplement":
                result |= self.payment(item, path, data, "a year")
                left, right = st.columns(2)
                with left:
                    result["from_month"] = int(
                        st.number_input(
                            "First month of service it is paid",
                            1,
                            600,
                            int(data.get("from_month", 1)),
                            key=self.key(f"{item['uid']}.from"),
                        )
                    )
                with right:
                    until = st.number_input(
                        "Last month (blank: no end)",
                        1,
                        600,
                        data.get("until_month"),
                        key=self.key(f"{item['uid']}.until"),
                    )
                    if until is not None:
                        result["until_month"] = int(until)
                result |= self.flags(item, data, pensionable_default=True)
            elif kind == "one_off":
                purposes = ["golden_hello", "relocation", "retention", "other"]
                result["purpose"] = st.selectbox(
                    "Purpose",
                    purposes,
                    purposes.index(data.get("purpose", "golden_hello")),
                    format_func=lambda p: p.replace("_", " ").capitalize(),
                    key=self.key(f"{item['uid']}.purpose"),
                )
                result["instalments"] = self.instalments(item, path, data)
                default = result["purpose"] in ("golden_hello", "other")  # as OneOff.is_pensionable
                result |= self.flags(item, data, pensionable_default=default)
                if result["purpose"] == "relocation" and st.checkbox(
                    "Reimburses qualifying removal expenses (free of tax and NI up to the limit)",
                    bool(data.get("qualifying_relocation_expenses")),
                    key=self.key(f"{item['uid']}.expenses"),
                ):
                    result["qualifying_relocation_expenses"] = True
            else:
                result |= self.retention_schedule(item, path, data)
                result["tiers"] = self.tiers(item, path, data)
                result |= self.flags(item, data, pensionable_default=False)
            if st.button(
                "Remove this payment",
                key=self.key(f"{item['uid']}.remove"),
                icon=":material/delete:",
            ):
                self.draft["components"] = [
                    c for c in self.draft["components"] if c["uid"] != item["uid"]
                ]
                st.rerun()
        return result

    def payment(
        self, item: dict[str, Any], path: str, data: dict[str, Any], per: str
    ) -> dict[str, Any]:
        stated = st.radio(
            "Stated as",
            ["£", "% of basic salary"],
            0 if "amount" in data or "percent_of_basic" not in data else 1,
            horizontal=True,
            key=self.key(f"{item['uid']}.stated"),
        )
        if stated == "£":
            return {
                "amount": self.figure(f"{path}.amount", f"Amount (£ {per})", data.get("amount"))
            }
        return {
            "percent_of_basic": self.figure(
                f"{path}.percent_of_basic",
                f"Percentage of basic salary ({per})",
                data.get("percent_of_basic"),
                percent=True,
            )
        }

    def flags(
        self, item: dict[str, Any], data: dict[str, Any], *, pensionable_default: bool | None
    ) -> dict[str, Any]:
        left, right = st.columns(2)
        with left:
            taxable = st.checkbox(
                "Taxable", data.get("taxable", True), key=self.key(f"{item['uid']}.taxable")
            )
        with right:
            default = data.get("pensionable", pensionable_default)
            pensionable = st.checkbox(
                "Pensionable",
                bool(default),
                key=self.key(f"{item['uid']}.pensionable"),
                help="Counts as LGPS pensionable pay.",
            )
        result: dict[str, Any] = {}
        if not taxable:
            result["taxable"] = False
        if pensionable != pensionable_default or "pensionable" in data:
            result["pensionable"] = pensionable
        return result

    def instalments(
        self, item: dict[str, Any], path: str, data: dict[str, Any]
    ) -> list[dict[str, Any]]:
        rows = data.get("instalments") or [{"after_months": 0, "amount": {"value": 2000}}]
        frame = pd.DataFrame(
            {
                "After months (0: on joining)": [r.get("after_months", 0) for r in rows],
                "Amount (£)": [_value(r.get("amount")) for r in rows],
                "% of basic": [_value(r.get("percent_of_basic")) for r in rows],
                "Repaid if leaving within (months)": [
                    (r.get("clawback") or {}).get("within_months") for r in rows
                ],
                "Repayment tapers monthly": [
                    (r.get("clawback") or {}).get("taper") == "monthly" for r in rows
                ],
            }
        )
        st.caption("Instalments: give each an amount in £ or a percentage, not both.")
        edited = st.data_editor(
            frame,
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            key=self.key(f"{item['uid']}.instalments"),
        )
        self.slot(f"{path}.instalments")
        result = []
        for number, row in enumerate(edited.to_dict("records")):
            original = rows[number] if number < len(rows) else {}
            instalment: dict[str, Any] = {
                "after_months": _int(row["After months (0: on joining)"], 0)
            }
            instalment |= _stated(row["Amount (£)"], row["% of basic"], original)
            within = _int(row["Repaid if leaving within (months)"], None)
            if within is not None:
                instalment["clawback"] = {
                    "within_months": within,
                    "taper": "monthly" if row["Repayment tapers monthly"] else "none",
                }
            result.append(instalment)
        return result

    def retention_schedule(
        self, item: dict[str, Any], path: str, data: dict[str, Any]
    ) -> dict[str, Any]:
        kinds = [
            "On each anniversary, or every N months",
            "At set months of service",
            "In set calendar months",
        ]
        current = (
            0
            if "every_months" in data
            else 1
            if data.get("at_months")
            else 2
            if data.get("calendar_months")
            else 0
        )
        schedule = st.radio("Paid", kinds, current, key=self.key(f"{item['uid']}.schedule"))
        if schedule == kinds[0]:
            every = st.number_input(
                "Every how many months",
                1,
                600,
                int(data.get("every_months", 12)),
                key=self.key(f"{item['uid']}.every"),
            )
            return {"every_months": int(every)}
        text = st.text_input(
            "Months of service (e.g. 12, 24, 36)"
            if schedule == kinds[1]
            else "Calendar months (1-12, e.g. 6, 12)",
            ", ".join(str(m) for m in data.get("at_months") or data.get("calendar_months") or []),
            key=self.key(f"{item['uid']}.months"),
        )
        months = _numbers(text)
        if months is None or any(m != int(m) for m in months):
            self.errors[path].append("write whole months separated by commas")
            months = []
        field = "at_months" if schedule == kinds[1] else "calendar_months"
        result: dict[str, Any] = {field: [int(m) for m in months]}
        if field == "calendar_months":
            qualifying = st.number_input(
                "Months of service before the first payment",
                0,
                600,
                int(data.get("qualifying_months", 0)),
                key=self.key(f"{item['uid']}.qualifying"),
            )
            if qualifying:
                result["qualifying_months"] = int(qualifying)
        return result

    def tiers(self, item: dict[str, Any], path: str, data: dict[str, Any]) -> list[dict[str, Any]]:
        rows = data.get("tiers") or [{"from_year": 1, "amount": {"value": 1000}}]
        frame = pd.DataFrame(
            {
                "From year of service": [r.get("from_year", 1) for r in rows],
                "Each payment (£)": [_value(r.get("amount")) for r in rows],
                "Each payment (% of basic)": [_value(r.get("percent_of_basic")) for r in rows],
            }
        )
        st.caption("Amounts by year of service: the first row is year 1; add rows where they rise.")
        edited = st.data_editor(
            frame,
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            key=self.key(f"{item['uid']}.tiers"),
        )
        self.slot(f"{path}.tiers")
        result = []
        for number, row in enumerate(edited.to_dict("records")):
            original = rows[number] if number < len(rows) else {}
            tier: dict[str, Any] = {"from_year": _int(row["From year of service"], 1)}
            tier |= _stated(row["Each payment (£)"], row["Each payment (% of basic)"], original)
            result.append(tier)
        return result

    def adders(self) -> None:
        columns = st.columns(3)
        for column, (kind, name) in zip(columns, KIND_NAMES.items(), strict=True):
            with column:
                if st.button(
                    f"Add a {name.lower()}",
                    key=self.key(f"add.{kind}"),
                    icon=":material/add:",
                    width="stretch",
                ):
                    starter: dict[str, Any] = {"kind": kind, "name": name}
                    if kind == "supplement":
                        starter["amount"] = {"value": 1000}
                    elif kind == "one_off":
                        starter |= {
                            "purpose": "golden_hello",
                            "instalments": [{"after_months": 0, "amount": {"value": 2000}}],
                        }
                    else:
                        starter |= {
                            "every_months": 12,
                            "tiers": [{"from_year": 1, "amount": {"value": 1000}}],
                        }
                    self.draft["components"].append({"uid": next(_counter), "data": starter})
                    st.rerun()

    def show_errors(self) -> None:
        """Put each error in the slot of the field at fault, or of the nearest enclosing one."""
        unplaced = []
        for path, messages in self.errors.items():
            target = path
            while target and target not in self.slots:
                target = target.rpartition(".")[0]
            if target:
                self.slots[target].error("; ".join(messages), icon=":material/error:")
            else:
                unplaced.extend(f"{path}: {m}" for m in messages)
        if unplaced:
            st.error("; ".join(unplaced), icon=":material/error:")


def _validate(data: dict[str, Any], errors: dict[str, list[str]]) -> Offer | None:
    if errors:
        return None
    try:
        offer = Offer.model_validate(data)
        check_citations(offer, "your package", required=False)
    except ValidationError as error:
        for problem in error.errors():
            path = _path(problem["loc"])
            errors[path].append(problem["msg"].removeprefix("Value error, "))
        return None
    except DataError as error:
        errors[error.field or ""].append(error.problem)
        return None
    return offer


def _path(loc: tuple[Any, ...]) -> str:
    parts = [str(part) for part in loc if part not in ("supplement", "one_off", "retention")]
    while parts and parts[-1] == "value":
        parts.pop()
    return ".".join(parts)


def _actions(offer: Offer | None, offers: dict[str, Offer]) -> None:
    if offer is None:
        st.warning("Put right what is marked above to add or download this package.")
        return
    left, right = st.columns(2)
    with left:
        if st.button(
            "Add to the comparison", type="primary", icon=":material/playlist_add:", width="stretch"
        ):
            [added] = mine.add([offer], offers)
            st.success(f"Added as '{added.label}'. It is selected on the Compare page.")
    with right:
        st.download_button(
            "Download this package (YAML)",
            packages.to_yaml([offer]),
            file_name=f"{offer.id}.yaml",
            mime="application/x-yaml",
            icon=":material/download:",
            width="stretch",
        )


def _upload(offers: dict[str, Offer]) -> None:
    st.subheader("Upload packages")
    uploaded = st.file_uploader(
        f"A YAML file of packages (at most {packages.MAX_UPLOAD_BYTES // 1000} KB)",
        type=["yaml", "yml"],
        key=keys.EDITOR_UPLOAD,
    )
    if uploaded is None:
        return
    if st.session_state.get(_UPLOADED) == uploaded.file_id:
        return
    st.session_state[_UPLOADED] = uploaded.file_id
    result = packages.read_upload(
        uploaded.getvalue()[: packages.MAX_UPLOAD_BYTES + 1], uploaded.name
    )
    for notice in result.notices:
        st.error(notice, icon=":material/error:")
    if result.offers:
        added = mine.add(result.offers, offers)
        st.success("Added: " + "; ".join(o.label for o in added))


def _your_packages(offers: dict[str, Offer]) -> None:
    yours = [o for o in offers.values() if o.id.startswith(packages.YOURS)]
    if not yours:
        return
    st.subheader("Your packages")
    for offer in yours:
        left, middle, right = st.columns([3, 1, 1], vertical_alignment="center")
        left.markdown(f"**{offer.label}**")
        if middle.button("Edit", key=f"edit.{offer.id}", width="stretch"):
            st.session_state[_DRAFT] = _new_draft(_as_data(offer))
            st.rerun()
        if right.button("Remove", key=f"remove.{offer.id}", width="stretch"):
            mine.remove(offer.id)
            st.rerun()
    st.download_button(
        "Download all your packages (YAML)",
        packages.to_yaml(yours),
        file_name="your-packages.yaml",
        mime="application/x-yaml",
        icon=":material/download:",
    )


def _numbers(text: str) -> list[float] | None:
    try:
        return [float(part) for part in text.replace("£", "").split(",") if part.strip()]
    except ValueError:
        return None


def _value(figure: dict[str, Any] | None) -> float | None:
    value = None if figure is None else figure.get("value")
    return None if value is None else float(value)


def _same(entered: float | None, original: Any) -> bool:
    if entered is None or original is None:
        return entered is None and original is None
    return abs(float(original) - entered) < 0.005


def _int(value: Any, default: int | None) -> int | None:
    try:
        return default if value is None or pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return default


def _stated(pounds: Any, percent: Any, original: dict[str, Any]) -> dict[str, Any]:
    """An instalment's or tier's sum as an amount or a percentage, keeping the original
    figure (with its sources) while its value is unchanged, and an unpublished one while it is
    left blank."""
    if _blank(pounds) and _blank(percent):
        return {
            name: figure
            for name in ("amount", "percent_of_basic")
            if (figure := original.get(name)) is not None and figure.get("value") is None
        }
    result: dict[str, Any] = {}
    for name, entered in (("amount", pounds), ("percent_of_basic", percent)):
        if _blank(entered):
            continue
        before = original.get(name)
        result[name] = (
            before
            if before is not None and _same(float(entered), before.get("value"))
            else {"value": float(entered)}
        )
    return result


def _blank(cell: Any) -> bool:
    return cell is None or bool(pd.isna(cell))
