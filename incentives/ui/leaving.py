"""The candidate's view: what each offer will have paid if you leave after a given month."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from incentives import charts
from incentives.model import Offer
from incentives.money import format_pounds
from incentives.retention import crossings
from incentives.ui import inputs, prepared
from incentives.ui.data import leaving_tables
from incentives.vocabulary import LEAVING_MEASURES, MEASURES


def render(offers: dict[str, Offer], choices: inputs.Choices, ready: list[str]) -> None:
    st.title("If you leave early")
    st.write(
        "How much each offer will have paid you in all if you leave after each month, with any "
        "golden hello or relocation clawback deducted in the month you leave. It uses the start "
        "month, pay award and salaries in the sidebar, and assumes no other income in the tax "
        "year you leave."
    )
    if not ready:
        st.info("Choose at least one offer in the sidebar.")
        return
    measure = choices.measure if choices.measure in LEAVING_MEASURES else "gross"
    name = MEASURES[measure]
    page = _page(
        tuple(offers[i].model_dump_json() for i in ready),
        choices.scenario().model_dump_json(),
        measure,
    )
    st.subheader(f"{name} to date, by the month you leave")
    st.caption(f"Amounts are {choices.money_words()}.")
    prepared.draw_chart(page.chart)
    st.subheader("When one more month is worth most")
    for sentence in page.gains:
        st.markdown(sentence)
    if page.overtaking:
        st.subheader("Which offer pays more, by when you leave")
        for sentence in page.overtaking:
            st.markdown(sentence)
    st.download_button(
        "Download the leaving-month figures (CSV)",
        page.csv,
        file_name="leaving-early.csv",
        mime="text/csv",
        icon=":material/download:",
    )


@dataclass(frozen=True)
class _Page:
    chart: prepared.Chart
    gains: list[str]
    overtaking: list[str]
    csv: bytes


@st.cache_resource(max_entries=256, show_spinner=False)  # not copied: nothing here is changed
def _page(offers_json: tuple[str, ...], scenario_json: str, measure: str) -> _Page:
    tables = leaving_tables(offers_json, scenario_json)
    labels = {o.id: o.label for o in (Offer.model_validate_json(text) for text in offers_json)}
    curves = tables.curves.assign(label=tables.curves["offer"].map(labels))
    name = MEASURES[measure]
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
    overtaking = [
        _overtaking(curves, first, second, labels, measure)
        for first, second in itertools.combinations(labels, 2)
    ]
    wide = curves.pivot(index="leave_after_months", columns="label", values=measure)
    wide = wide[[labels[i] for i in labels]]
    first, last = wide.index.min(), wide.index.max()
    shown = wide.map(format_pounds).reset_index()
    shown = shown.rename(columns={"leave_after_months": "Leave after (months)"})
    description = (
        f"Line chart of {name.lower()} to date on leaving after each month from {first} to "
        f"{last}, one line per offer. Staying all {last} months: "
        + prepared.listing(f"{label} {format_pounds(wide.loc[last, label])}" for label in wide)
    )
    return _Page(
        chart=prepared.chart(
            charts.leaving_chart(curves, measure, f"{name} to date"), description, shown
        ),
        gains=gains,
        overtaking=overtaking,
        csv=tables.curves.assign(offer=tables.curves["offer"].map(labels))
        .to_csv(index=False, float_format="%.2f")
        .encode("utf-8"),
    )


def _overtaking(
    curves: pd.DataFrame, first: str, second: str, labels: dict[str, str], measure: str
) -> str:
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
