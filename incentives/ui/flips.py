"""What flips the lead: the value of each assumption at which the other offer comes out ahead."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from incentives import charts, sharing
from incentives.comparison import MEASURES
from incentives.model import Offer
from incentives.money import format_gbp
from incentives.ui import inputs
from incentives.ui.data import flip_table

_URL = "query-params"


def render(offers: dict[str, Offer], choices: inputs.Choices, ready: list[str]) -> None:
    st.title("What flips the lead")
    st.write(
        "For two offers: the value of each assumption at which the other offer comes out "
        "ahead, and how far each one moves the difference between them. Each assumption is "
        f"moved across its range with the others as set in the sidebar; amounts are "
        f"{MEASURES[choices.measure].lower()}, {choices.money_words()}."
    )
    if len(ready) < 2:
        st.info("Choose two or more offers in the sidebar to see what would change the lead.")
        return
    labels = [offers[i].label for i in ready]
    left, right = st.columns(2)
    with left:
        first = st.selectbox("First offer", labels, index=0, key=sharing.FLIP_A, bind=_URL)
    with right:
        second = st.selectbox("Second offer", labels, index=1, key=sharing.FLIP_B, bind=_URL)
    if first == second:
        st.warning("Choose two different offers.")
        return
    by_label = {offers[i].label: offers[i] for i in ready}
    a, b = by_label[first], by_label[second]
    rows = flip_table(
        a.model_dump_json(),
        b.model_dump_json(),
        choices.scenario().model_dump_json(),
        choices.measure,
    )
    names = {a.id: a.label, b.id: b.label}

    st.subheader("What would change the answer")
    ranked = rows.sort_values("swing", ascending=False)
    for row in ranked.itertuples():
        st.markdown(f"- {_sentence(row, names)}")
    st.subheader("Which assumptions matter most")
    st.altair_chart(charts.tornado_chart(rows, a.label, b.label), width="stretch")
    st.caption(
        f"Each bar spans the difference ({a.label} less {b.label}) as the assumption moves "
        "across its range; the black mark is where it stands now; right of the dashed line the "
        "first offer is ahead."
    )
    st.table(
        pd.DataFrame(
            {
                "Assumption": ranked["assumption"],
                "Now": [_value(r.current, r.unit) for r in ranked.itertuples()],
                "Range tried": [
                    f"{_value(r.low, r.unit)} to {_value(r.high, r.unit)}"
                    for r in ranked.itertuples()
                ],
                "Lead changes at": [
                    "never" if r.flips_at is None else _value(r.flips_at, r.unit)
                    for r in ranked.itertuples()
                ],
                "Difference, least to greatest": [
                    f"{_gbp(r.difference_min)} to {_gbp(r.difference_max)}"
                    for r in ranked.itertuples()
                ],
            }
        ),
        hide_index=True,
    )


def _sentence(row, names: dict[str, str]) -> str:  # type: ignore[no-untyped-def]
    if row.leader_below is None:
        return f"{row.assumption}: the two offers come out level across the range."
    below, above = names[row.leader_below], names[row.leader_above]
    if row.swing == 0:
        return f"**{row.assumption}** makes no difference here."
    if row.flips_at is None:
        return (
            f"**{row.assumption}**: {below} stays ahead from {_value(row.low, row.unit)} to "
            f"{_value(row.high, row.unit)}; the difference moves by {_gbp(row.swing)}."
        )
    at = row.flips_at
    if row.assumption == "Months before leaving":
        return (
            f"**{below}** pays more if you leave within {int(at) - 1} months; "
            f"**{above}** from month {int(at)}."
        )
    if row.assumption == "Years compared":
        return (
            f"**{below}** pays more over up to {int(at) - 1} years; "
            f"**{above}** over {int(at)} years or more."
        )
    return (
        f"**{row.assumption}**: {below} is ahead below {_value(at, row.unit)}; "
        f"**{above}** from {_value(at, row.unit)}."
    )


def _value(value: float, unit: str) -> str:
    if unit == "%":
        return f"{value:.2f}%".replace(".00%", "%")
    number = int(value)
    return f"{number} {unit if number != 1 else unit.rstrip('s')}"


def _gbp(pounds: float) -> str:
    return format_gbp(round(pounds * 100))
