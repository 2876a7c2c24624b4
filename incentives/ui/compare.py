"""The comparison view: what each chosen offer pays, year by year and in total, and why."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from incentives import charts
from incentives.comparison import MEASURES, PARTS
from incentives.model import CATEGORY_LABELS, Offer
from incentives.money import format_gbp
from incentives.scenario import Scenario
from incentives.ui import inputs
from incentives.ui.data import Tables, comparison_tables
from incentives.ui.provenance import dated, dated_short, figure_rows, sources_list

WHAT = {
    "gross": "pays",
    "net": "leaves you with",
    "employer_cost": "costs the council",
}


def render(offers: dict[str, Offer], choices: inputs.Choices, ready: list[str]) -> None:
    st.title("What each council's offer pays")
    st.write(
        "Salary, supplements, golden hellos, retention payments and clawbacks, month by month, "
        "for the years you expect to stay: before tax, in your pocket, or as a cost to the "
        "council. Every figure comes from a published source; where a council does not publish "
        "one, you supply the assumption."
    )
    if not ready:
        if choices.offer_ids:
            st.info("Enter the figures asked for above to include these offers.")
        else:
            st.info("Choose at least one offer in the sidebar to compare.")
        return
    measure = choices.measure
    scenario = choices.scenario()
    tables = comparison_tables(
        tuple(offers[i].model_dump_json() for i in ready), scenario.model_dump_json()
    )
    labels = {offer_id: offers[offer_id].label for offer_id in ready}
    _headline(tables, labels, scenario, measure, offers)
    if len(ready) > 1:
        _against_lowest(tables, labels)
    _charts(tables, labels, measure)
    _year_table(tables, labels, measure)
    st.header("The offers and their sources")
    for offer_id in choices.offer_ids:
        _sources_panel(offers[offer_id], choices)


def _sources_panel(offer: Offer, choices: inputs.Choices) -> None:
    """One offer's figures, each with its value (or your assumption), sources and words."""
    with st.expander(offer.label, expanded=False):
        st.caption(f"{offer.region} · published {dated(offer, dt.date.today())}")
        rows = figure_rows(offer, choices.assumed.get(offer.id, {}))
        st.table(pd.DataFrame(rows), hide_index=True)
        if offer.unpublished():
            st.caption(
                "Enter assumptions for unpublished figures under 'Starting salaries and "
                "unpublished figures' in the sidebar."
            )
        st.markdown(sources_list(offer))


def _headline(
    tables: Tables,
    labels: dict[str, str],
    scenario: Scenario,
    measure: str,
    offers: dict[str, Offer],
) -> None:
    summary = tables.summary[measure].sort_values("total", ascending=False)
    period = (
        f"if you leave after {scenario.leave_after_months} months"
        if scenario.leave_after_months
        else f"over {scenario.years} year{'s' if scenario.years > 1 else ''}"
    )
    most = (
        "costs the council the most" if measure == "employer_cost" else f"{WHAT[measure]} the most"
    )
    leader = summary.iloc[0]
    sentence = f"**{labels[leader.offer]}** {most} {period}: {_gbp(leader.total)}"
    if len(summary) > 1:
        runner_up = summary.iloc[1]
        gap = leader.total - runner_up.total
        sentence += (
            f", {_gbp(gap)} more than {labels[runner_up.offer]}."
            if gap
            else ", level with the next."
        )
    st.subheader(f"{MEASURES[measure]}: who comes out ahead")
    st.markdown(sentence)
    flat = {
        "gross": "Steady salary paying the same",
        "net": "Steady take-home a year",
        "employer_cost": "Steady cost a year",
    }[measure]
    today = dt.date.today()
    table = pd.DataFrame(
        {
            "Offer": [labels[o] for o in summary["offer"]],
            "Published": [dated_short(offers[o], today) for o in summary["offer"]],
            "Year 1": [_gbp(v) for v in summary["year_1"]],
            "Total": [_gbp(v) for v in summary["total"]],
            flat: [_gbp(v) for v in summary["flat_salary"]],
            "Behind the first": [
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


def _against_lowest(tables: Tables, labels: dict[str, str]) -> None:
    st.subheader("What the extra pay is worth to you")
    rows = tables.against_lowest
    lowest = labels[rows["lowest"].iloc[0]]
    better = rows[rows["extra_gross"] > 0]
    if better.empty:
        st.write("The offers pay the same gross total.")
        return
    for row in better.itertuples():
        kept = round(row.kept_per_pound * 100)
        st.markdown(
            f"**{labels[row.offer]}** pays {_gbp(row.extra_gross)} more gross than {lowest}: "
            f"of each extra £1 you keep **{kept}p**."
        )
    st.table(
        pd.DataFrame(
            {
                "Offer": [labels[o] for o in better["offer"]],
                "Extra gross": [_gbp(v) for v in better["extra_gross"]],
                "Income tax": [_gbp(v) for v in better["extra_income_tax"]],
                "National Insurance": [_gbp(v) for v in better["extra_employee_ni"]],
                "Student loan": [_gbp(v) for v in better["extra_student_loan"]],
                "Pension": [_gbp(v) for v in better["extra_pension"]],
                "Extra take-home": [_gbp(v) for v in better["extra_net"]],
            }
        ),
        hide_index=True,
    )
    st.caption(
        "Differences over the whole period, against the offer paying least gross. Pension "
        "contributions are not lost: they buy pension."
    )


def _charts(tables: Tables, labels: dict[str, str], measure: str) -> None:
    name = MEASURES[measure]
    st.subheader(f"{name} to date")
    monthly = tables.monthly.assign(label=tables.monthly["offer"].map(labels))
    st.altair_chart(
        charts.cumulative_chart(monthly, f"cumulative_{measure}", f"{name} to date"),
        width="stretch",
    )
    if measure == "gross":
        st.subheader("Pay in each year, by kind of payment")
        rows = tables.by_category.assign(kind=tables.by_category["category"].map(CATEGORY_LABELS))
        colours = charts.CATEGORY_COLOURS
    else:
        st.subheader(
            "Where each year's pay goes" if measure == "net" else "What each year costs the council"
        )
        rows = tables.breakdowns[measure].assign(kind=tables.breakdowns[measure]["part"].map(PARTS))
        colours = charts.PART_COLOURS
    positive = rows[rows["amount"] > 0].groupby(["offer", "year"])["amount"].sum()
    y_max = float(positive.max()) if len(positive) else None
    columns = st.columns(2)
    for index, (offer_id, label) in enumerate(labels.items()):
        with columns[index % 2]:
            chart = charts.stacked_years_chart(
                rows[rows["offer"] == offer_id], label, colours, y_max
            )
            st.altair_chart(chart, width="stretch")


def _year_table(tables: Tables, labels: dict[str, str], measure: str) -> None:
    name = MEASURES[measure]
    st.subheader("Year by year")
    yearly = tables.yearly.assign(offer=tables.yearly["offer"].map(labels))
    shown = pd.DataFrame(
        {
            "Offer": yearly["offer"],
            "Year": yearly["year"],
            f"{name} in the year": [_gbp(v) for v in yearly[measure]],
            f"{name} to date": [_gbp(v) for v in yearly[f"cumulative_{measure}"]],
        }
    )
    st.table(shown, hide_index=True)
    st.download_button(
        "Download the year-by-year figures (CSV)",
        yearly.to_csv(index=False, float_format="%.2f").encode("utf-8"),
        file_name="pay-by-year.csv",
        mime="text/csv",
        icon=":material/download:",
        help="Every measure, deduction and on-cost for each offer and year.",
    )


def _gbp(pounds: float) -> str:
    return format_gbp(round(pounds * 100))
