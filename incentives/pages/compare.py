"""The comparison page: what each chosen offer pays, year by year and in total, and why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from incentives import charts
from incentives.comparison import PARTS
from incentives.eligibility import Worker
from incentives.model import CATEGORY_LABELS, Offer
from incentives.money import format_pounds
from incentives.pages import conditions, pension, reward
from incentives.pages.compute import DIRECT, ComparisonTables, Compute
from incentives.pages.provenance import dated, dated_short, figure_rows, sources_list
from incentives.pages.views import (
    Chart,
    Csv,
    Display,
    Section,
    chart,
    csv_bytes,
    listing,
    records,
    table,
)
from incentives.scenario import Scenario
from incentives.vocabulary import COMPARE_PARTS, MEASURES, Measure

TITLE = "What each council's offer pays"
INTRO = (
    "Salary, supplements, golden hellos, retention payments and clawbacks, month by month, "
    "for the years you expect to stay: before tax, in your pocket, or as a cost to the "
    "council. Every figure comes from a published source; where a council does not publish "
    "one, you supply the assumption."
)
NONE_CHOSEN = "Choose at least one offer in the sidebar to compare."
FIGURES_NEEDED = "Enter the figures asked for above to include these offers."
# The parts of the page after its headline, one tab each (named in incentives.vocabulary, as the
# link names them): only the open one is built and sent to the browser, so the page opens with
# its headline, the two charts over time and no more.
TABS = COMPARE_PARTS
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


@dataclass(frozen=True)
class CompareView:
    """The comparison page, in reading order (see ``sections``)."""

    title: str
    intro: str
    leader: Section  # the headline sentence, the summary table, unpublished figures as notes
    conditions: Section | None  # payments that depend on who you are; None if none do
    kept: Section | None  # what the extra gross is worth in take-home; None for one offer
    pension: Section  # the pension each offer builds, and how much of a gap builds pension
    reward: Section | None  # total reward part by part; None unless that is the measure
    benefits: Section | None  # benefits beyond pay side by side; None unless total reward
    to_date: Section  # the running-total line chart
    made_of: Section  # the whole period's totals, split by kind of payment or deduction
    yearly: Section  # a bar chart per offer per year, or a note when there are too many
    years: Section  # the year-by-year table
    csv: Csv  # every measure, deduction and on-cost for each offer and year

    @property
    def worth(self) -> tuple[Section, ...]:
        """What the offers are worth to the candidate: take-home, pension, total reward."""
        parts = (self.kept, self.pension, self.reward, self.benefits)
        return tuple(part for part in parts if part is not None)

    @property
    def sections(self) -> tuple[Section, ...]:
        return (
            self.leader,
            *((self.conditions,) if self.conditions is not None else ()),
            *self.worth,
            self.to_date,
            self.made_of,
            self.yearly,
            self.years,
        )


def build(
    offers: Sequence[Offer],
    scenario: Scenario,
    display: Display,
    today: dt.date,
    compute: Compute = DIRECT,
) -> CompareView:
    """The page for the offers that can be projected (at least one) under the scenario."""
    by_id = {offer.id: offer for offer in offers}
    labels = {offer_id: offer.label for offer_id, offer in by_id.items()}
    measure, name = display.measure, display.measure_name
    tables = compute.comparison(offers, scenario)
    summary = tables.summary[measure].sort_values("total", ascending=False)
    leader = summary.iloc[0]
    summary_table = pd.DataFrame(
        {
            "Offer": [labels[o] for o in summary["offer"]],
            "Published": [dated_short(by_id[o], today) for o in summary["offer"]],
            "Year 1": [format_pounds(v) for v in summary["year_1"]],
            "Total": [format_pounds(v) for v in summary["total"]],
            STEADY[measure]: [format_pounds(v) for v in summary["flat_salary"]],
            "Behind the first": [
                format_pounds(leader.total - v) if v != leader.total else "—"
                for v in summary["total"]
            ],
        }
    )
    unpublished = tuple(
        f"{labels[offer_id]}: {len(paths)} unpublished figure(s) counted as £0; enter "
        "assumptions under 'Starting salaries and unpublished figures' in the sidebar."
        for offer_id, paths in tables.assumed_zero.items()
        if paths
    )
    made_of, cumulative, totals, yearly_charts = _charts(tables, labels, measure)
    yearly = tables.yearly.assign(offer=tables.yearly["offer"].map(labels))
    years = pd.DataFrame(
        {
            "Offer": yearly["offer"],
            "Year": yearly["year"],
            f"{name} in the year": [format_pounds(v) for v in yearly[measure]],
            f"{name} to date": [format_pounds(v) for v in yearly[f"cumulative_{measure}"]],
        }
    )
    return CompareView(
        title=TITLE,
        intro=INTRO,
        leader=Section(
            heading=f"{name}: who comes out ahead",
            lead=display.amounts_are,
            sentences=(
                headline(summary, labels, scenario, measure),
                *conditions.left_out(offers, scenario),
            ),
            table=table(summary_table),
            notes=unpublished,
        ),
        conditions=conditions.section(offers, scenario),
        kept=_kept(tables.against_lowest, labels) if len(by_id) > 1 else None,
        pension=pension.section(tables, labels, scenario),
        reward=reward.parts(tables, labels) if measure == "total_reward" else None,
        benefits=reward.benefits(offers) if measure == "total_reward" else None,
        to_date=Section(heading=f"{name} to date", charts=(cumulative,)),
        made_of=Section(heading=f"What makes up each total: {made_of}", charts=(totals,)),
        yearly=Section(
            heading=f"Each year, by {made_of}",
            charts=yearly_charts,
            notes=()
            if yearly_charts
            else (
                f"Choose {MAX_YEARLY_CHARTS} offers or fewer to see a chart of each one year "
                "by year; the table below has every year's figures.",
            ),
        ),
        years=Section(heading="Year by year", table=table(years)),
        csv=Csv(
            label="Download the year-by-year figures (CSV)",
            file_name="pay-by-year.csv",
            data=csv_bytes(yearly),
            help="Every measure, deduction and on-cost for each offer and year.",
        ),
    )


def headline(
    summary: pd.DataFrame, labels: Mapping[str, str], scenario: Scenario, measure: str
) -> str:
    """Who comes out ahead, by how much, over the period: the page's first sentence."""
    period = (
        f"if you leave after {scenario.leave_after_months} months"
        if scenario.leave_after_months
        else f"over {scenario.years} year{'s' if scenario.years > 1 else ''}"
    )
    leader = summary.iloc[0]
    sentence = (
        f"**{labels[leader.offer]}** {WHAT[measure]} the most {period}: "
        f"{format_pounds(leader.total)}"
    )
    if len(summary) == 1:
        return sentence + "."
    runner_up = summary.iloc[1]
    gap = leader.total - runner_up.total
    if gap:
        return sentence + f", {format_pounds(gap)} more than {labels[runner_up.offer]}."
    return sentence + f", the same as {labels[runner_up.offer]}."


def _kept(rows: pd.DataFrame, labels: Mapping[str, str]) -> Section:
    """'Of each extra £1 you keep Xp', for each offer paying more gross than the lowest."""
    heading = "What the extra pay is worth to you"
    notes = (
        "Differences over the whole period, against the offer paying least gross. Pension "
        "contributions are not lost: they buy pension.",
    )
    lowest = labels[rows["lowest"].iloc[0]]
    better = rows[rows["extra_gross"] > 0]
    if better.empty:
        return Section(
            heading=heading, sentences=("The offers pay the same gross total.",), notes=notes
        )
    sentences = tuple(
        f"**{labels[row.offer]}** pays {format_pounds(row.extra_gross)} more gross than {lowest}: "
        f"of each extra £1 you keep **{round(row.kept_per_pound * 100)}p**."
        for row in records(better)
    )
    extra = pd.DataFrame(
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
    return Section(
        heading=heading,
        sentences=sentences,
        table=table(extra),
        notes=notes,
    )


def _charts(
    tables: ComparisonTables, labels: Mapping[str, str], measure: Measure
) -> tuple[str, Chart, Chart, tuple[Chart, ...]]:
    """What the totals are made of, and the running-total, totals and yearly charts."""
    name = MEASURES[measure]
    # The take-home breakdown splits gross pay into take-home, tax, NI and pension: its bars
    # add up to gross pay, and their text alternatives say so.
    split = MEASURES["gross"] if measure == "net" else name
    monthly = tables.monthly.assign(label=tables.monthly["offer"].map(labels))
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
    totals = rows.groupby(["label", "kind"])["amount"].sum().reset_index()
    yearly: tuple[Chart, ...] = ()
    if len(labels) <= MAX_YEARLY_CHARTS:
        positive = rows[rows["amount"] > 0].groupby(["offer", "year"])["amount"].sum()
        y_max = float(positive.max()) if len(positive) else None
        yearly = tuple(
            _yearly_chart(rows[rows["offer"] == offer_id], label, colours, y_max, split, made_of)
            for offer_id, label in labels.items()
        )
    return (
        made_of,
        _cumulative_chart(monthly, f"cumulative_{measure}", name),
        _totals_chart(totals, colours, split, made_of),
        yearly,
    )


def _cumulative_chart(monthly: pd.DataFrame, value: str, name: str) -> Chart:
    ends = monthly.groupby("label", sort=False)[value].last().sort_values(ascending=False)
    first, last = monthly["date"].min(), monthly["date"].max()
    figures = monthly.pivot(index="date", columns="label", values=value)[list(ends.index)]
    figures = figures.map(format_pounds).reset_index()
    figures["date"] = figures["date"].dt.strftime("%B %Y")
    return chart(
        charts.cumulative_chart(monthly, value, f"{name} to date"),
        f"Line chart of {name.lower()} to date, one line per offer, month by month from "
        f"{first:%B %Y} to {last:%B %Y}. By {last:%B %Y}: "
        + listing(f"{label} {format_pounds(total)}" for label, total in ends.items()),
        figures.rename(columns={"date": "Pay date"}),
    )


def _totals_chart(totals: pd.DataFrame, colours: dict[str, str], name: str, made_of: str) -> Chart:
    kinds = [kind for kind in colours if kind in set(totals["kind"])]
    wide = totals.pivot(index="label", columns="kind", values="amount").fillna(0)[kinds]
    wide = wide.assign(Total=wide.sum(axis=1)).sort_values("Total", ascending=False)
    figures = wide.map(format_pounds).reset_index().rename(columns={"label": "Offer"})
    return chart(
        charts.totals_chart(totals, colours, "Over the whole period"),
        f"Bar chart of each offer's {name.lower()} over the whole period, split by {made_of}. "
        "Totals: " + listing(f"{label} {format_pounds(t)}" for label, t in wide["Total"].items()),
        figures,
    )


def _yearly_chart(
    rows: pd.DataFrame,
    label: str,
    colours: dict[str, str],
    y_max: float | None,
    name: str,
    made_of: str,
) -> Chart:
    kinds = [kind for kind in colours if kind in set(rows["kind"])]
    wide = rows.groupby(["year", "kind"])["amount"].sum().unstack(fill_value=0)[kinds]
    wide = wide.assign(Total=wide.sum(axis=1))
    figures = wide.map(format_pounds).reset_index().rename(columns={"year": "Year"})
    return chart(
        charts.stacked_years_chart(rows, label, colours, y_max),
        f"Bar chart of {label}'s {name.lower()} in each year of service, split by {made_of}: "
        + listing(f"year {year} {format_pounds(total)}" for year, total in wide["Total"].items()),
        figures,
    )


SOURCES_HEADING = "Where the figures come from"


@dataclass(frozen=True)
class SourcesView:
    """One offer's figures: each value (or the visitor's assumption), its sources and words."""

    heading: str
    lead: str  # the offer's region and when it was published
    figures: Section  # the figures table, with a note when some are not published
    sources: str  # Markdown list of the offer's sources, linked where the address is known


def sources(
    offer: Offer, assumed: Mapping[str, Decimal], today: dt.date, worker: Worker | None = None
) -> SourcesView:
    """Where one offer's figures come from, with the visitor's assumptions for those unpublished;
    a payment that depends on conditions says so, and "not for you: ..." when the ``worker``
    (from the visitor's years qualified) does not qualify."""
    notes = (
        (
            "Enter assumptions for unpublished figures under 'Starting salaries and "
            "unpublished figures' in the sidebar.",
        )
        if offer.unpublished()
        else ()
    )
    return SourcesView(
        heading=SOURCES_HEADING,
        lead=f"{offer.region} · published {dated(offer, today)}",
        figures=Section(
            heading=f"{offer.label}: figures",
            table=table(
                pd.DataFrame(conditions.for_you(offer, figure_rows(offer, assumed), worker))
            ),
            notes=notes,
        ),
        sources=sources_list(offer),
    )
