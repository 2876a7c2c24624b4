"""The HR page: what a hire costs, whether the incentives pay for themselves, and a cohort."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from incentives import charts, workforce
from incentives.model import Offer
from incentives.money import format_pounds
from incentives.pages.compute import DIRECT, Compute
from incentives.pages.views import Chart, Display, Section, chart, last_row, listing, records, table
from incentives.retention import (
    BreakEven,
    ExpectedCost,
    VacancyCost,
    break_even_from,
    cohort_from,
    expectations,
)
from incentives.scenario import Scenario

TITLE = "Cost and break-even"
INTRO = (
    "What each hire on an offer is expected to cost the council, given how often people "
    "leave, and whether its incentives pay for themselves by keeping people longer. Each "
    "month a worker has the same chance of leaving, set so that the chance of leaving within "
    "a year is the annual leaving rate; figures cover the years chosen in the sidebar."
)
NONE_CHOSEN = "Choose at least one offer in the sidebar."
MONTHS_TO_FILL = range(1, 13)  # the break-even table's rows


@dataclass(frozen=True)
class CouncilFigures:
    """The council's own figures, as the page's inputs take them."""

    leaving_rate: float  # percent a year: 15.1 means 15.1%
    agency_per_month: float  # pounds: agency cover's extra cost while a post is empty
    recruitment_share: float  # percent of the starting salary a hire costs to recruit
    months_to_fill: float | None  # None: not known, so only the table by months is shown
    hires: int  # in the cohort


@dataclass(frozen=True)
class CostTables:
    """Expectations per hire, break-even by months to fill, and a cohort, per offer."""

    expected: dict[str, ExpectedCost]
    break_even: dict[str, BreakEven]  # at the council's months to fill, if given
    by_months_to_fill: pd.DataFrame  # offer, months_to_fill, required_cut (None: never), cost
    cohorts: pd.DataFrame  # offer, month, in_post, incentive_spend, spend_per_retained


@dataclass(frozen=True)
class CostsView:
    title: str
    intro: str
    lead: str  # how amounts are expressed
    expected: Section  # a sentence and the table of expected cost per hire
    break_even: Section  # sentences, the chart (if any cut is possible), the table by months
    cohort: Section  # the cohort's chart and a yearly table
    context: Section  # the workforce figures behind the defaults

    @property
    def sections(self) -> tuple[Section, ...]:
        return (self.expected, self.break_even, self.cohort, self.context)


def cost_tables(
    offers: Sequence[Offer], scenario: Scenario, figures: CouncilFigures, compute: Compute = DIRECT
) -> CostTables:
    rate = figures.leaving_rate
    expected, chosen, rows, cohorts = {}, {}, [], []
    for offer in offers:
        curves = compute.curves(offer, scenario)
        salary_only = compute.curves(offer.model_copy(update={"components": ()}), scenario)
        expected[offer.id] = expectations(curves, rate)
        recruitment = figures.recruitment_share / 100 * float(curves.schedule.basic[0]) / 100
        for months in MONTHS_TO_FILL:
            vacancy = VacancyCost(figures.agency_per_month, months, recruitment)
            result = break_even_from(curves, salary_only, rate, vacancy)
            rows.append(
                (offer.id, months, result.required_cut, result.incentive_cost_per_post_year)
            )
        if figures.months_to_fill is not None:
            vacancy = VacancyCost(figures.agency_per_month, figures.months_to_fill, recruitment)
            chosen[offer.id] = break_even_from(curves, salary_only, rate, vacancy)
        cohorts.append(cohort_from(curves, rate, figures.hires).assign(offer=offer.id))
    return CostTables(
        expected=expected,
        break_even=chosen,
        by_months_to_fill=pd.DataFrame(
            rows, columns=["offer", "months_to_fill", "required_cut", "cost_per_post_year"]
        ),
        cohorts=pd.concat(cohorts, ignore_index=True),
    )


def build(
    offers: Sequence[Offer],
    scenario: Scenario,
    display: Display,
    figures: CouncilFigures,
    compute: Compute = DIRECT,
) -> CostsView:
    tables = cost_tables(offers, scenario, figures, compute)
    labels = {offer.id: offer.label for offer in offers}
    months_table = tables.by_months_to_fill.assign(
        label=tables.by_months_to_fill["offer"].map(labels)
    )
    months_table = months_table.assign(points=months_table["required_cut"].astype(float))
    wide = months_table.pivot(index="months_to_fill", columns="label", values="required_cut")
    wide = wide[[labels[i] for i in labels]]
    by_months = wide.apply(
        lambda column: ["never" if pd.isna(v) else f"{v:.1f} points" for v in column]
    ).reset_index()
    cohorts = tables.cohorts.assign(label=tables.cohorts["offer"].map(labels))
    yearly = cohorts[cohorts["month"] % 12 == 0]
    break_even_chart = _break_even_chart(months_table, labels)
    rate = figures.leaving_rate
    return CostsView(
        title=TITLE,
        intro=INTRO,
        lead=display.amounts_are,
        expected=Section(
            heading="Expected cost of each hire",
            sentences=(
                f"At {rate:.1f}% of staff leaving a year. Spend includes what is paid to "
                "people who would have stayed anyway; clawbacks recovered from leavers are "
                "deducted.",
            ),
            table=table(_expected(tables, labels)),
        ),
        break_even=Section(
            heading="Do the incentives pay for themselves?",
            sentences=(
                "Everything in an offer but its salary counts as the incentive; its cost is the "
                "pay, employer NI, pension and levy it adds. Each leaver avoided saves agency "
                "cover while the post is empty and the cost of recruiting again.",
                *_break_even(tables, labels, rate),
            ),
            charts=() if break_even_chart is None else (break_even_chart,),
            chart_note="The cut in the annual leaving rate needed for each offer's incentives to "
            "pay for themselves, by how long a vacancy takes to fill.",
            table=table(by_months.rename(columns={"months_to_fill": "Months to fill"})),
        ),
        cohort=Section(
            heading=f"A cohort of {figures.hires} hired together",
            sentences=(
                "How many are still in post month by month, and what the incentives have cost "
                "for each one still there.",
            ),
            charts=(_cohort_chart(cohorts, labels),),
            table=table(
                pd.DataFrame(
                    {
                        "Offer": yearly["label"],
                        "After month": yearly["month"],
                        "Still in post": [f"{v:.1f}" for v in yearly["in_post"]],
                        "Incentive spend to date": [
                            format_pounds(v) for v in yearly["incentive_spend"]
                        ],
                        "Per worker retained": [
                            format_pounds(v) for v in yearly["spend_per_retained"]
                        ],
                    }
                )
            ),
        ),
        context=context(),
    )


def _break_even_chart(months_table: pd.DataFrame, labels: Mapping[str, str]) -> Chart | None:
    """The cut needed by months to fill; its figures are in the table the page shows under it."""
    if not months_table["points"].notna().any():
        return None
    shortest = months_table[months_table["months_to_fill"] == months_table["months_to_fill"].min()]
    return chart(
        charts.line_chart(
            months_table,
            "months_to_fill",
            "Months a vacancy takes to fill",
            "points",
            "Cut needed (points)",
            money=False,
        ),
        "Line chart of the cut in the annual leaving rate, in percentage points, each offer "
        "needs to pay for itself, by how many months a vacancy takes to fill; the longer a post "
        f"stays empty, the smaller the cut. At {shortest['months_to_fill'].iloc[0]:g} months: "
        + listing(
            f"{labels[row.offer]} "
            + ("never" if pd.isna(row.points) else f"{row.points:.1f} points")
            for row in records(shortest)
        )
        + " The table below gives every figure.",
    )


def _cohort_chart(cohorts: pd.DataFrame, labels: Mapping[str, str]) -> Chart:
    wide = cohorts.pivot(index="month", columns="label", values="spend_per_retained")
    wide = wide[[labels[i] for i in labels]]
    last = wide.index.max()
    return chart(
        charts.line_chart(
            cohorts,
            "month",
            "Month",
            "spend_per_retained",
            "Incentive spend per worker retained",
            money=True,
        ),
        "Line chart of what each offer's incentives have cost to date for each worker still "
        f"in post, month by month to month {last}. At month {last}: "
        + listing(f"{label} {format_pounds(total)}" for label, total in last_row(wide).items()),
        wide.map(format_pounds).reset_index().rename(columns={"month": "Month"}),
    )


def _expected(tables: CostTables, labels: Mapping[str, str]) -> pd.DataFrame:
    rows = []
    for offer_id, label in labels.items():
        cost = tables.expected[offer_id]
        rows.append(
            {
                "Offer": label,
                "Expected months in post": f"{cost.expected_months:.1f}",
                "Paid per hire (gross)": format_pounds(cost.expected_gross),
                "On incentives": format_pounds(cost.expected_incentives),
                "Clawback recovered": format_pounds(cost.expected_clawback),
                "Cost to the council per hire": format_pounds(cost.expected_employer_cost),
                "Per month filled": format_pounds(cost.employer_cost_per_month_filled),
            }
        )
    return pd.DataFrame(rows)


def _break_even(tables: CostTables, labels: Mapping[str, str], rate: float) -> list[str]:
    sentences = []
    for offer_id, label in labels.items():
        result = tables.break_even.get(offer_id)
        if result is None:
            continue
        if result.required_cut is None:
            sentences.append(
                f"**{label}**: cannot pay for itself. Its incentives cost "
                f"{format_pounds(result.incentive_cost_per_post_year)} a year per post; even if "
                f"nobody left, the {rate:.1f}% of leavers avoided would save "
                f"{format_pounds(rate / 100 * result.vacancy_cost_per_leaver)} a year."
            )
        elif result.required_cut == 0:
            sentences.append(f"**{label}**: has no incentives that cost anything.")
        else:
            sentences.append(
                f"**{label}**: pays for itself if it cuts the annual leaving rate by "
                f"**{result.required_cut:.1f} points**, from {rate:.1f}% to "
                f"{result.rate_needed:.1f}%. It costs "
                f"{format_pounds(result.incentive_cost_per_post_year)} a year per post; each "
                f"leaver avoided saves {format_pounds(result.vacancy_cost_per_leaver)}."
            )
    return sentences


def context() -> Section:
    """The workforce figures behind the defaults, for reading beside them."""
    rows = []
    for name, label in [
        ("england.turnover_rate", "Turnover, England (%)"),
        ("england.agency_rate", "Agency workers, England (%)"),
        ("england.vacancy_rate", "Vacancies, England (%)"),
    ]:
        for when, value in workforce.series(name):
            rows.append({"Figure": label, "Year to": f"{when:%-d %B %Y}", "Value": f"{value}"})
    kirklees = [
        (
            "kirklees.social_workers_left_last_12_months",
            "Kirklees social workers who left in 12 months",
        ),
        (
            "kirklees.social_workers_hired_last_12_months",
            "Kirklees social workers hired in 12 months",
        ),
        ("kirklees.agency_share", "Kirklees agency staff (% of children's services)"),
    ]
    for name, label in kirklees:
        figure = workforce.figure(name)
        rows.append(
            {"Figure": label, "Year to": f"{figure.as_of:%-d %B %Y}", "Value": f"{figure.value}"}
        )
    return Section(
        heading="Leaving, agency and vacancy figures, with sources",
        table=table(pd.DataFrame(rows)),
        notes=("Each value's source, date and quoted words are in data/workforce.yaml.",),
    )
