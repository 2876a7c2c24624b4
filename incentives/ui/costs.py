"""The HR view: what a hire costs, whether the incentives pay for themselves, and a cohort."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import streamlit as st

from incentives import charts, sharing, workforce
from incentives.model import Offer
from incentives.money import format_gbp, format_pounds
from incentives.ui import inputs, prepared
from incentives.ui.data import CostTables, cost_tables

_URL = "query-params"


def render(offers: dict[str, Offer], choices: inputs.Choices, ready: list[str]) -> None:
    st.title("Cost and break-even")
    st.write(
        "What each hire on an offer is expected to cost the council, given how often people "
        "leave, and whether its incentives pay for themselves by keeping people longer. Each "
        "month a worker has the same chance of leaving, set so that the chance of leaving within "
        "a year is the annual leaving rate; figures cover the years chosen in the sidebar."
    )
    if not ready:
        st.info("Choose at least one offer in the sidebar.")
        return
    _figures_and_results(offers, choices, ready)


@st.fragment  # the council's figures change only what follows them: rerun just this part
def _figures_and_results(
    offers: dict[str, Offer], choices: inputs.Choices, ready: list[str]
) -> None:
    scenario = choices.scenario()
    settings = _settings(scenario.start)
    page = _page(
        tuple(offers[i].model_dump_json() for i in ready),
        scenario.model_dump_json(),
        settings["rate"],
        settings["agency"],
        settings["recruit"],
        settings["fill"],
        settings["hires"],
    )
    st.caption(f"Amounts are {choices.money_words()}.")
    st.subheader("Expected cost of each hire")
    st.write(
        f"At {settings['rate']:.1f}% of staff leaving a year. Spend includes what is paid to "
        "people who would have stayed anyway; clawbacks recovered from leavers are deducted."
    )
    st.table(page.expected, hide_index=True)
    st.subheader("Do the incentives pay for themselves?")
    st.write(
        "Everything in an offer but its salary counts as the incentive; its cost is the pay, "
        "employer NI, pension and levy it adds. Each leaver avoided saves agency cover while "
        "the post is empty and the cost of recruiting again."
    )
    for sentence in page.break_even:
        st.markdown(sentence)
    if page.break_even_chart is not None:
        prepared.draw_chart(page.break_even_chart)
    st.caption(
        "The cut in the annual leaving rate needed for each offer's incentives to pay for "
        "themselves, by how long a vacancy takes to fill."
    )
    st.table(page.by_months_to_fill, hide_index=True)
    st.subheader(f"A cohort of {settings['hires']} hired together")
    st.write(
        "How many are still in post month by month, and what the incentives have cost for "
        "each one still there."
    )
    prepared.draw_chart(page.cohort_chart)
    st.table(page.cohort, hide_index=True)
    with st.expander("Leaving, agency and vacancy figures, with sources"):
        st.table(_context(), hide_index=True)
        st.caption("Each value's source, date and quoted words are in data/workforce.yaml.")


def _settings(start) -> dict:  # type: ignore[no-untyped-def]
    rate = workforce.default_leaving_rate(start)
    agency = workforce.agency_premium_per_month()
    recruit = workforce.recruitment_fee_share()
    with st.container(border=True):
        st.markdown("**Your council's figures** (sourced defaults; change them to your own)")
        left, right = st.columns(2)
        with left:
            leaving_rate = st.number_input(
                "Annual leaving rate (%)",
                min_value=sharing.LEAVING_RATE.minimum,
                max_value=sharing.LEAVING_RATE.maximum,
                value=float(rate.value),
                step=0.5,
                key=sharing.LEAVING_RATE.key,
                bind=_URL,
                help=f"Default: England's turnover of children's social workers, year to "
                f"{rate.as_of:%-d %B %Y} ({rate.source}).",
            )
            premium = st.number_input(
                "Extra cost of agency cover (£ a month)",
                min_value=sharing.AGENCY_PREMIUM.minimum,
                max_value=sharing.AGENCY_PREMIUM.maximum,
                value=float(agency.value),
                step=50.0,
                key=sharing.AGENCY_PREMIUM.key,
                bind=_URL,
                help=f"Default: {format_gbp(round(agency.value * 1200))} a year, what an agency "
                f"social worker could invoice above a permanent one's top-of-scale salary "
                f"({agency.source}, {agency.as_of:%B %Y}).",
            )
            hires = st.number_input(
                "Hires in the cohort",
                min_value=int(sharing.COHORT_HIRES.minimum),
                max_value=int(sharing.COHORT_HIRES.maximum),
                value=10,
                step=1,
                key=sharing.COHORT_HIRES.key,
                bind=_URL,
            )
        with right:
            share = st.number_input(
                "Recruitment cost per hire (% of salary)",
                min_value=sharing.RECRUITMENT_SHARE.minimum,
                max_value=sharing.RECRUITMENT_SHARE.maximum,
                value=float(recruit.value),
                step=1.0,
                key=sharing.RECRUITMENT_SHARE.key,
                bind=_URL,
                help=f"Default: a recruitment agency's fee for placing a social worker "
                f"({recruit.source}). {recruit.note or ''}",
            )
            fill = st.number_input(
                "Months a vacancy takes to fill",
                min_value=sharing.MONTHS_TO_FILL.minimum,
                max_value=sharing.MONTHS_TO_FILL.maximum,
                value=None,
                step=0.5,
                key=sharing.MONTHS_TO_FILL.key,
                bind=_URL,
                placeholder="not published: enter yours",
                help="No published figure was found for this; the table below shows the "
                "break-even for 1 to 12 months.",
            )
    return {
        "rate": leaving_rate,
        "agency": premium,
        "recruit": share,
        "fill": fill,
        "hires": int(hires),
    }


@dataclass(frozen=True)
class _Page:
    expected: pa.Table
    break_even: list[str]
    break_even_chart: prepared.Chart | None
    by_months_to_fill: pa.Table
    cohort_chart: prepared.Chart
    cohort: pa.Table


@st.cache_resource(max_entries=256, show_spinner=False)  # not copied: nothing here is changed
def _page(
    offers_json: tuple[str, ...],
    scenario_json: str,
    rate: float,
    agency: float,
    recruit: float,
    fill: float | None,
    hires: int,
) -> _Page:
    tables = cost_tables(offers_json, scenario_json, rate, agency, recruit, fill, hires)
    labels = {o.id: o.label for o in (Offer.model_validate_json(text) for text in offers_json)}
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
    return _Page(
        expected=prepared.table(_expected(tables, labels)),
        break_even=_break_even(tables, labels, rate),
        break_even_chart=_break_even_chart(months_table, labels),
        by_months_to_fill=prepared.table(
            by_months.rename(columns={"months_to_fill": "Months to fill"})
        ),
        cohort_chart=_cohort_chart(cohorts, labels),
        cohort=prepared.table(
            pd.DataFrame(
                {
                    "Offer": yearly["label"],
                    "After month": yearly["month"],
                    "Still in post": [f"{v:.1f}" for v in yearly["in_post"]],
                    "Incentive spend to date": [
                        format_pounds(v) for v in yearly["incentive_spend"]
                    ],
                    "Per worker retained": [format_pounds(v) for v in yearly["spend_per_retained"]],
                }
            )
        ),
    )


def _break_even_chart(months_table: pd.DataFrame, labels: dict[str, str]) -> prepared.Chart | None:
    """The cut needed by months to fill; its figures are in the table the page shows under it."""
    if not months_table["points"].notna().any():
        return None
    shortest = months_table[months_table["months_to_fill"] == months_table["months_to_fill"].min()]
    return prepared.chart(
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
        + prepared.listing(
            f"{labels[row.offer]} "
            + ("never" if pd.isna(row.points) else f"{row.points:.1f} points")
            for row in shortest.itertuples()
        )
        + " The table below gives every figure.",
    )


def _cohort_chart(cohorts: pd.DataFrame, labels: dict[str, str]) -> prepared.Chart:
    wide = cohorts.pivot(index="month", columns="label", values="spend_per_retained")
    wide = wide[[labels[i] for i in labels]]
    last = wide.index.max()
    return prepared.chart(
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
        + prepared.listing(f"{label} {format_pounds(wide.loc[last, label])}" for label in wide),
        wide.map(format_pounds).reset_index().rename(columns={"month": "Month"}),
    )


def _expected(tables: CostTables, labels: dict[str, str]) -> pd.DataFrame:
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


def _break_even(tables: CostTables, labels: dict[str, str], rate: float) -> list[str]:
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


@st.cache_resource(show_spinner=False)
def _context() -> pa.Table:
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
    return prepared.table(pd.DataFrame(rows))
