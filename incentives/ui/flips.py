"""What flips the lead: the value of each assumption at which the other offer comes out ahead."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import streamlit as st

from incentives import charts, sharing
from incentives.model import Offer
from incentives.money import format_pounds
from incentives.scenario import Scenario
from incentives.sensitivity import flip_points
from incentives.ui import inputs, prepared
from incentives.vocabulary import LEAVING_MEASURES, MEASURES

_URL = "query-params"


def render(offers: dict[str, Offer], choices: inputs.Choices, ready: list[str]) -> None:
    st.title("What flips the lead")
    st.write(
        "For two offers: the value of each assumption at which the other offer comes out "
        "ahead, and how far each one moves the difference between them. Each assumption is "
        f"moved across its range with the others as set in the sidebar; amounts are "
        f"{MEASURES[_measure(choices)].lower()}, {choices.money_words()}."
    )
    if len(ready) < 2:
        st.info("Choose two or more offers in the sidebar to see what would change the lead.")
        return
    _pair(offers, choices, ready)


def _measure(choices: inputs.Choices) -> str:
    """Total reward is counted for a comparison, not per assumption: its flips are gross pay's."""
    return choices.measure if choices.measure in LEAVING_MEASURES else "gross"


@st.fragment  # choosing the pair changes only this part of the page: rerun just this part
def _pair(offers: dict[str, Offer], choices: inputs.Choices, ready: list[str]) -> None:
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
    page = _page(
        a.model_dump_json(),
        b.model_dump_json(),
        choices.scenario().model_dump_json(),
        _measure(choices),
    )
    st.subheader("What would change the answer")
    for sentence in page.sentences:
        st.markdown(f"- {sentence}")
    st.subheader("Which assumptions matter most")
    prepared.draw_chart(page.chart)
    st.caption(
        f"Each bar spans the difference ({a.label} less {b.label}) as the assumption moves "
        "across its range; the black mark is where it stands now; right of the dashed line the "
        "first offer is ahead. The table below gives the same figures."
    )
    st.table(page.table, hide_index=True)


@dataclass(frozen=True)
class _Page:
    sentences: list[str]
    chart: prepared.Chart
    table: pa.Table


@st.cache_resource(max_entries=256, show_spinner=False)  # not copied: nothing here is changed
def _page(offer_a_json: str, offer_b_json: str, scenario_json: str, measure: str) -> _Page:
    """The page for two offers and a scenario, worked out once (see incentives.sensitivity)."""
    a = Offer.model_validate_json(offer_a_json)
    b = Offer.model_validate_json(offer_b_json)
    rows = flip_points(a, b, Scenario.model_validate_json(scenario_json), measure)
    names = {a.id: a.label, b.id: b.label}
    ranked = rows.sort_values("swing", ascending=False)
    table = pd.DataFrame(
        {
            "Assumption": ranked["assumption"],
            "Now": [_value(r.current, r.unit) for r in ranked.itertuples()],
            "Range tried": [
                f"{_value(r.low, r.unit)} to {_value(r.high, r.unit)}" for r in ranked.itertuples()
            ],
            "Lead changes at": [
                "never" if r.flips_at is None else _value(r.flips_at, r.unit)
                for r in ranked.itertuples()
            ],
            "Least difference": [format_pounds(v) for v in ranked["difference_min"]],
            "Greatest difference": [format_pounds(v) for v in ranked["difference_max"]],
        }
    )
    widest = ranked.iloc[0]
    return _Page(
        sentences=[_sentence(row, names) for row in ranked.itertuples()],
        chart=prepared.chart(
            charts.tornado_chart(rows, a.label, b.label),
            f"Bar chart of how far each assumption moves the difference between {a.label} and "
            f"{b.label}, widest first. {widest['assumption']} moves it most, from "
            f"{format_pounds(widest['difference_min'])} to "
            f"{format_pounds(widest['difference_max'])}. The table below gives every bar.",
        ),
        table=prepared.table(table),
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
            f"{_value(row.high, row.unit)}; the difference moves by {format_pounds(row.swing)}."
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
