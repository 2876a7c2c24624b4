"""The comparison view: what each chosen offer pays, year by year and in total, and why.

Everything the page shows is worked out once per comparison by :func:`_page` (cached), so a
rerun that changes nothing else only redraws.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pandas as pd
import pyarrow as pa
import streamlit as st

from incentives import charts
from incentives.comparison import MEASURES, PARTS
from incentives.model import CATEGORY_LABELS, Offer
from incentives.money import format_pounds
from incentives.scenario import Scenario
from incentives.ui import inputs, prepared
from incentives.ui.data import comparison_tables
from incentives.ui.provenance import dated, dated_short, figure_rows, sources_list

MAX_YEARLY_CHARTS = 6  # more than this, and the year-by-year charts give way to the table
WHAT = {
    "gross": "pays",
    "net": "leaves you with",
    "employer_cost": "costs the council",
    "total_reward": "is worth",
}
STEADY = {
    "gross": "Steady salary paying the same",
    "net": "Steady take-home a year",
    "employer_cost": "Steady cost a year",
    "total_reward": "Steady total reward a year",
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
    page = _page(
        tuple(offers[i].model_dump_json() for i in ready),
        choices.scenario().model_dump_json(),
        choices.measure,
        dt.date.today(),
    )
    name = MEASURES[choices.measure]
    st.subheader(f"{name}: who comes out ahead")
    st.caption(f"Amounts are {choices.money_words()}.")
    st.markdown(page.headline)
    st.table(page.summary, hide_index=True)
    for caption in page.unpublished:
        st.caption(caption)
    if page.kept:
        st.subheader("What the extra pay is worth to you")
        for sentence in page.kept:
            st.markdown(sentence)
        st.table(page.kept_table, hide_index=True)
        st.caption(
            "Differences over the whole period, against the offer paying least gross. Pension "
            "contributions are not lost: they buy pension."
        )
    st.subheader(f"{name} to date")
    prepared.draw_chart(page.cumulative)
    st.subheader(f"What makes up each total: {page.made_of}")
    prepared.draw_chart(page.totals)
    st.subheader(f"Each year, by {page.made_of}")
    if page.yearly:
        columns = st.columns(2)
        for index, spec in enumerate(page.yearly):
            with columns[index % 2]:
                prepared.draw_chart(spec)
    else:
        st.caption(
            f"Choose {MAX_YEARLY_CHARTS} offers or fewer to see a chart of each one year by year; "
            "the table below has every year's figures."
        )
    st.subheader("Year by year")
    st.table(page.years, hide_index=True)
    st.download_button(
        "Download the year-by-year figures (CSV)",
        page.csv,
        file_name="pay-by-year.csv",
        mime="text/csv",
        icon=":material/download:",
        help="Every measure, deduction and on-cost for each offer and year.",
    )
    _sources(offers, choices)


@dataclass(frozen=True)
class _Page:
    """What the comparison page shows, worked out from one comparison."""

    headline: str
    summary: pa.Table
    unpublished: list[str]
    kept: list[str]
    kept_table: pa.Table | None
    cumulative: prepared.Chart
    made_of: str
    totals: prepared.Chart
    yearly: list[prepared.Chart] = field(default_factory=list)
    years: pa.Table | None = None
    csv: bytes = b""


@st.cache_resource(max_entries=256, show_spinner=False)  # not copied: nothing here is changed
def _page(offers_json: tuple[str, ...], scenario_json: str, measure: str, today: dt.date) -> _Page:
    offers = {o.id: o for o in (Offer.model_validate_json(text) for text in offers_json)}
    labels = {offer_id: offer.label for offer_id, offer in offers.items()}
    scenario = Scenario.model_validate_json(scenario_json)
    tables = comparison_tables(offers_json, scenario_json)
    summary = tables.summary[measure].sort_values("total", ascending=False)
    leader = summary.iloc[0]
    headline = _headline(summary, labels, scenario, measure)
    summary_table = pd.DataFrame(
        {
            "Offer": [labels[o] for o in summary["offer"]],
            "Published": [dated_short(offers[o], today) for o in summary["offer"]],
            "Year 1": [format_pounds(v) for v in summary["year_1"]],
            "Total": [format_pounds(v) for v in summary["total"]],
            STEADY[measure]: [format_pounds(v) for v in summary["flat_salary"]],
            "Behind the first": [
                format_pounds(leader.total - v) if v != leader.total else "—"
                for v in summary["total"]
            ],
        }
    )
    unpublished = [
        f"{labels[offer_id]}: {len(paths)} unpublished figure(s) counted as £0; enter "
        "assumptions under 'Starting salaries and unpublished figures' in the sidebar."
        for offer_id, paths in tables.assumed_zero.items()
        if paths
    ]
    kept, kept_table = _kept(tables.against_lowest, labels) if len(offers) > 1 else ([], None)
    made_of, charts_ = _charts(tables, labels, measure)
    yearly = tables.yearly.assign(offer=tables.yearly["offer"].map(labels))
    name = MEASURES[measure]
    years = pd.DataFrame(
        {
            "Offer": yearly["offer"],
            "Year": yearly["year"],
            f"{name} in the year": [format_pounds(v) for v in yearly[measure]],
            f"{name} to date": [format_pounds(v) for v in yearly[f"cumulative_{measure}"]],
        }
    )
    return _Page(
        headline=headline,
        summary=prepared.table(summary_table),
        unpublished=unpublished,
        kept=kept,
        kept_table=None if kept_table is None else prepared.table(kept_table),
        made_of=made_of,
        cumulative=charts_["cumulative"],
        totals=charts_["totals"],
        yearly=charts_["yearly"],
        years=prepared.table(years),
        csv=yearly.to_csv(index=False, float_format="%.2f").encode("utf-8"),
    )


def _headline(
    summary: pd.DataFrame, labels: dict[str, str], scenario: Scenario, measure: str
) -> str:
    period = (
        f"if you leave after {scenario.leave_after_months} months"
        if scenario.leave_after_months
        else f"over {scenario.years} year{'s' if scenario.years > 1 else ''}"
    )
    most = (
        "costs the council the most" if measure == "employer_cost" else f"{WHAT[measure]} the most"
    )
    leader = summary.iloc[0]
    sentence = f"**{labels[leader.offer]}** {most} {period}: {format_pounds(leader.total)}"
    if len(summary) == 1:
        return sentence + "."
    runner_up = summary.iloc[1]
    gap = leader.total - runner_up.total
    if gap:
        return sentence + f", {format_pounds(gap)} more than {labels[runner_up.offer]}."
    return sentence + f", the same as {labels[runner_up.offer]}."


def _kept(rows: pd.DataFrame, labels: dict[str, str]) -> tuple[list[str], pd.DataFrame | None]:
    """'Of each extra £1 you keep Xp', for each offer paying more gross than the lowest."""
    lowest = labels[rows["lowest"].iloc[0]]
    better = rows[rows["extra_gross"] > 0]
    if better.empty:
        return ["The offers pay the same gross total."], None
    sentences = [
        f"**{labels[row.offer]}** pays {format_pounds(row.extra_gross)} more gross than {lowest}: "
        f"of each extra £1 you keep **{round(row.kept_per_pound * 100)}p**."
        for row in better.itertuples()
    ]
    table = pd.DataFrame(
        {
            "Offer": [labels[o] for o in better["offer"]],
            "Extra gross": [format_pounds(v) for v in better["extra_gross"]],
            "Income tax": [format_pounds(v) for v in better["extra_income_tax"]],
            "National Insurance": [format_pounds(v) for v in better["extra_employee_ni"]],
            "Student loan": [format_pounds(v) for v in better["extra_student_loan"]],
            "Pension": [format_pounds(v) for v in better["extra_pension"]],
            "Extra take-home": [format_pounds(v) for v in better["extra_net"]],
        }
    )
    return sentences, table


def _charts(tables, labels: dict[str, str], measure: str) -> tuple[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    """The page's charts, each with its text alternative and its figures as a table."""
    name = MEASURES[measure]
    monthly = tables.monthly.assign(label=tables.monthly["offer"].map(labels))
    value = f"cumulative_{measure}"
    if measure == "gross":
        rows = tables.by_category.assign(kind=tables.by_category["category"].map(CATEGORY_LABELS))
        colours, made_of = charts.CATEGORY_COLOURS, "kind of payment"
    else:
        rows = tables.breakdowns[measure].assign(kind=tables.breakdowns[measure]["part"].map(PARTS))
        colours = charts.PART_COLOURS
        made_of = {"net": "where the pay goes", "total_reward": "what the reward is made of"}.get(
            measure, "what the council pays"
        )
    rows = rows.assign(label=rows["offer"].map(labels))
    totals = rows.groupby(["label", "kind"], as_index=False)["amount"].sum()
    yearly = []
    if len(labels) <= MAX_YEARLY_CHARTS:
        positive = rows[rows["amount"] > 0].groupby(["offer", "year"])["amount"].sum()
        y_max = float(positive.max()) if len(positive) else None
        yearly = [
            _yearly_chart(rows[rows["offer"] == offer_id], label, colours, y_max, name, made_of)
            for offer_id, label in labels.items()
        ]
    return made_of, {
        "cumulative": _cumulative_chart(monthly, value, name),
        "totals": _totals_chart(totals, colours, name, made_of),
        "yearly": yearly,
    }


def _cumulative_chart(monthly: pd.DataFrame, value: str, name: str) -> prepared.Chart:
    ends = monthly.groupby("label", sort=False)[value].last().sort_values(ascending=False)
    first, last = monthly["date"].min(), monthly["date"].max()
    figures = monthly.pivot(index="date", columns="label", values=value)[list(ends.index)]
    figures = figures.map(format_pounds).reset_index()
    figures["date"] = figures["date"].dt.strftime("%B %Y")
    return prepared.chart(
        charts.cumulative_chart(monthly, value, f"{name} to date"),
        f"Line chart of {name.lower()} to date, one line per offer, month by month from "
        f"{first:%B %Y} to {last:%B %Y}. By {last:%B %Y}: "
        + prepared.listing(f"{label} {format_pounds(total)}" for label, total in ends.items()),
        figures.rename(columns={"date": "Pay date"}),
    )


def _totals_chart(
    totals: pd.DataFrame, colours: dict[str, str], name: str, made_of: str
) -> prepared.Chart:
    kinds = [kind for kind in colours if kind in set(totals["kind"])]
    wide = totals.pivot(index="label", columns="kind", values="amount").fillna(0)[kinds]
    wide = wide.assign(Total=wide.sum(axis=1)).sort_values("Total", ascending=False)
    figures = wide.map(format_pounds).reset_index().rename(columns={"label": "Offer"})
    return prepared.chart(
        charts.totals_chart(totals, colours, "Over the whole period"),
        f"Bar chart of each offer's {name.lower()} over the whole period, split by {made_of}. "
        "Totals: "
        + prepared.listing(f"{label} {format_pounds(t)}" for label, t in wide["Total"].items()),
        figures,
    )


def _yearly_chart(
    rows: pd.DataFrame,
    label: str,
    colours: dict[str, str],
    y_max: float | None,
    name: str,
    made_of: str,
) -> prepared.Chart:
    kinds = [kind for kind in colours if kind in set(rows["kind"])]
    wide = rows.groupby(["year", "kind"])["amount"].sum().unstack(fill_value=0)[kinds]
    wide = wide.assign(Total=wide.sum(axis=1))
    figures = wide.map(format_pounds).reset_index().rename(columns={"year": "Year"})
    return prepared.chart(
        charts.stacked_years_chart(rows, label, colours, y_max),
        f"Bar chart of {label}'s {name.lower()} in each year of service, split by {made_of}: "
        + prepared.listing(
            f"year {year} {format_pounds(total)}" for year, total in wide["Total"].items()
        ),
        figures,
    )


@st.fragment  # choosing whose sources to read changes only this part: rerun just this part
def _sources(offers: dict[str, Offer], choices: inputs.Choices) -> None:
    """One chosen offer's figures, each with its value (or your assumption), sources and words."""
    st.header("Where the figures come from")
    by_label = {offers[i].label: offers[i] for i in choices.offer_ids}
    label = st.selectbox("Offer", list(by_label), key="sources_of")
    offer = by_label[label]
    assumed = choices.assumed.get(offer.id, {})
    st.caption(f"{offer.region} · published {dated(offer, dt.date.today())}")
    st.table(_figures(offer.model_dump_json(), tuple(sorted(assumed.items()))), hide_index=True)
    if offer.unpublished():
        st.caption(
            "Enter assumptions for unpublished figures under 'Starting salaries and "
            "unpublished figures' in the sidebar."
        )
    st.markdown(sources_list(offer))


@st.cache_resource(max_entries=256, show_spinner=False)
def _figures(offer_json: str, assumed: tuple[tuple[str, Decimal], ...]) -> pa.Table:
    offer = Offer.model_validate_json(offer_json)
    return prepared.table(pd.DataFrame(figure_rows(offer, dict(assumed))))
