"""The comparison view: what each chosen offer pays, year by year and in total, and why."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from incentives import charts
from incentives.model import Money, Offer
from incentives.money import format_gbp
from incentives.scenario import Scenario
from incentives.ui import inputs
from incentives.ui.data import Tables, comparison_tables
from incentives.ui.provenance import figure_name, figure_rows, sources_list


def render(offers: dict[str, Offer], choices: inputs.Choices, notices: list[str]) -> None:
    st.title("What each council's offer pays")
    st.write(
        "Salary, supplements, golden hellos, retention payments and clawbacks, month by month, "
        "for the years you expect to stay. Every figure comes from a published source; where a "
        "council does not publish one, you supply the assumption."
    )
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
    chosen = [offers[i] for i in choices.offer_ids]
    if not chosen:
        st.info("Choose at least one offer in the sidebar to compare.")
        return

    needs = st.container()
    results = st.container()
    st.header("The offers, their sources and your assumptions")
    ready = [offer for offer in chosen if _offer_panel(offer, choices, needs)]

    with results:
        if not ready:
            return
        scenario = Scenario(**choices.scenario_fields())
        tables = comparison_tables(
            tuple(offer.model_dump_json() for offer in ready), scenario.model_dump_json()
        )
        labels = {offer.id: offer.label for offer in ready}
        _headline(tables, labels, scenario)
        _charts(tables, labels)
        _year_table(tables, labels)


def _offer_panel(
    offer: Offer, choices: inputs.Choices, needs: st.delta_generator.DeltaGenerator
) -> bool:
    """One offer's figures with sources, starting salary and assumptions; False if it cannot
    be projected yet because a figure it needs is neither published nor assumed."""
    top = offer.salary.top.value
    if top is None:
        with needs:
            box = st.container(border=True)
        with box:
            st.markdown(f"**{offer.label}**: the salary is not published.")
            top = inputs.assumption(offer, "salary.top", "Salary to assume (£ a year)", choices)
            if top is None:
                st.caption("Enter a salary to include this offer in the comparison.")
    with st.expander(offer.label, expanded=False):
        st.caption(f"{offer.region} · as published {offer.as_at:%-d %B %Y}")
        inputs.starting_salary(offer, top, choices)
        st.table(
            pd.DataFrame(figure_rows(offer, choices.assumed.get(offer.id, {}))), hide_index=True
        )
        for path in offer.unpublished():
            if path == "salary.top":
                continue
            figure = offer.figure(path)
            unit = "£" if isinstance(figure, Money) else "%"
            inputs.assumption(offer, path, f"Assume: {figure_name(offer, path)} ({unit})", choices)
        st.markdown(sources_list(offer))
    return top is not None


def _headline(tables: Tables, labels: dict[str, str], scenario: Scenario) -> None:
    summary = tables.summary.sort_values("total", ascending=False)
    period = (
        f"leaving after {scenario.leave_after_months} months"
        if scenario.leave_after_months
        else f"over {scenario.years} year{'s' if scenario.years > 1 else ''}"
    )
    leader = summary.iloc[0]
    sentence = f"**{labels[leader.offer]}** pays the most {period}: {_gbp(leader.total)}"
    if len(summary) > 1:
        runner_up = summary.iloc[1]
        gap = leader.total - runner_up.total
        sentence += (
            f", {_gbp(gap)} more than {labels[runner_up.offer]}."
            if gap
            else ", level with the next."
        )
    st.subheader("Who pays most")
    st.markdown(sentence)
    table = pd.DataFrame(
        {
            "Offer": [labels[o] for o in summary["offer"]],
            "Year 1": [_gbp(v) for v in summary["year_1"]],
            "Total": [_gbp(v) for v in summary["total"]],
            "Flat salary paying the same": [_gbp(v) for v in summary["flat_salary"]],
            "Behind the leader": [
                _gbp(leader.total - v) if v != leader.total else "—" for v in summary["total"]
            ],
        }
    )
    st.table(table, hide_index=True)
    for offer_id, paths in tables.assumed_zero.items():
        if paths:
            st.caption(
                f"{labels[offer_id]}: {len(paths)} unpublished figure(s) counted as £0; "
                "enter assumptions under the offer below to include them."
            )


def _charts(tables: Tables, labels: dict[str, str]) -> None:
    st.subheader("Paid to date")
    monthly = tables.monthly.assign(label=tables.monthly["offer"].map(labels))
    st.altair_chart(charts.cumulative_chart(monthly), width="stretch")
    st.subheader("Pay in each year, by kind of payment")
    by_category = tables.by_category
    totals = by_category[by_category["amount"] > 0].groupby(["offer", "year"])["amount"].sum()
    y_max = float(totals.max()) if len(totals) else None
    columns = st.columns(2)
    for index, (offer_id, label) in enumerate(labels.items()):
        rows = by_category[by_category["offer"] == offer_id]
        with columns[index % 2]:
            st.altair_chart(charts.components_chart(rows, label, y_max), width="stretch")


def _year_table(tables: Tables, labels: dict[str, str]) -> None:
    st.subheader("Year by year")
    yearly = tables.yearly.assign(offer=tables.yearly["offer"].map(labels))
    shown = pd.DataFrame(
        {
            "Offer": yearly["offer"],
            "Year": yearly["year"],
            "Paid in the year": [_gbp(v) for v in yearly["gross"]],
            "Paid to date": [_gbp(v) for v in yearly["cumulative_gross"]],
        }
    )
    st.table(shown, hide_index=True)
    st.download_button(
        "Download this table (CSV)",
        yearly.to_csv(index=False, float_format="%.2f").encode("utf-8"),
        file_name="pay-by-year.csv",
        mime="text/csv",
        icon=":material/download:",
    )


def _gbp(pounds: float) -> str:
    return format_gbp(round(pounds * 100))
