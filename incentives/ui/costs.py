"""The cost page drawn, with the council's own figures: content by incentives.pages.costs."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from incentives import sharing
from incentives.model import Offer
from incentives.pages import costs
from incentives.pages.costs_break_even import agency_sentence, page_defaults
from incentives.pages.costs_service import Service, kirklees_example
from incentives.ui import cache, draw, showing
from incentives.ui.inputs import Chosen


def render(offers: dict[str, Offer], chosen: Chosen, ready: list[str]) -> None:
    st.title(costs.TITLE)
    st.write(costs.INTRO)
    if not ready:
        st.info(costs.NONE_CHOSEN)
        return
    _figures_and_results(offers, chosen, ready)


@st.fragment  # the council's figures change only what follows them: rerun just this part
def _figures_and_results(offers: dict[str, Offer], chosen: Chosen, ready: list[str]) -> None:
    figures = _settings(chosen.scenario.start)
    view = cache.costs_view(
        tuple(offers[i] for i in ready), chosen.scenario, chosen.display, figures
    )
    st.caption(view.lead)
    for part in (view.expected, view.break_even, view.service, view.cohort):
        draw.section(part)
    with st.expander(view.context.heading):
        draw.sentences(view.context, bullets=True)
        st.table(view.context.table, hide_index=True)
        draw.notes(view.context)


def _settings(start: dt.date) -> costs.CouncilFigures:
    """The council's own figures, with sourced defaults, bound to the link."""
    defaults = page_defaults(start)
    rate = defaults.annual_leaving_rate
    agency = defaults.agency_premium_per_month
    recruit = defaults.recruitment_share
    months = defaults.months_to_fill
    with st.container(border=True):
        st.markdown("**Your council's figures** (sourced defaults; change them to your own)")
        left, right = st.columns(2)
        with left:
            leaving_rate = showing.bound_number(
                sharing.LEAVING_RATE,
                "Annual leaving rate (%)",
                value=float(rate.value),
                step=0.5,
                help=f"Default: England's turnover of children's social workers, year to "
                f"{rate.as_of:%-d %B %Y} ({rate.source}).",
            )
            premium = showing.bound_number(
                sharing.AGENCY_PREMIUM,
                "Extra cost of agency cover (£ a month)",
                value=float(agency.value),
                step=50.0,
                help=f"Default: an ESTIMATE, {agency_sentence()}",
            )
            hires = showing.bound_number(
                sharing.COHORT_HIRES, "Hires in the cohort", value=10, step=1
            )
        with right:
            share = showing.bound_number(
                sharing.RECRUITMENT_SHARE,
                "Recruitment cost per hire (% of salary)",
                value=float(recruit.value),
                step=1.0,
                help=f"Default: a recruitment agency's fee for placing a social worker "
                f"({recruit.source}). {recruit.note or ''}",
            )
            fill = showing.bound_number(
                sharing.MONTHS_TO_FILL,
                "Months a vacancy takes to fill",
                value=float(months.value),
                step=0.5,
                help=f"Default: an ESTIMATE, not a published figure: 12 × England's vacancies "
                f"÷ its leavers in the year to {months.as_of:%-d %B %Y} (DfE workforce "
                "statistics). No published figure was found.",
            )
        against = showing.choice(
            "Break-even chart against",
            sharing.AGAINST,
            sharing.CHART_AGAINST,
            help="The cut each offer needs, by how long a vacancy takes to fill (at your agency "
            "cover), or by how much more agency cover costs a year (at your months to fill).",
        )
    return costs.CouncilFigures(
        leaving_rate=leaving_rate,
        agency_per_month=premium,
        recruitment_share=share,
        months_to_fill=fill,
        hires=int(hires),
        service=_service(),
        chart_against=against,
    )


def _service() -> Service:
    """The council's service, its defaults the worked example's sourced figures."""
    example = kirklees_example()
    with st.container(border=True):
        st.markdown(
            f"**Your service** (defaults: {example.council}'s published figures, a worked example)"
        )
        posts_column, turnover_column, agency_column = st.columns(3)
        with posts_column:
            posts = showing.bound_number(
                sharing.SERVICE_POSTS,
                "Social work posts",
                value=int(example.service.posts),
                step=1,
                help=f"Default: {example.sentences[1]}",
            )
        with turnover_column:
            turnover = showing.bound_number(
                sharing.SERVICE_TURNOVER,
                "Service's leaving rate (%)",
                value=example.service.annual_leaving_rate,
                step=0.5,
                help=f"Default: {example.sentences[2]}",
            )
        with agency_column:
            agency_share = showing.bound_number(
                sharing.SERVICE_AGENCY,
                "Posts covered by agency workers (%)",
                value=example.service.agency_share,
                step=1.0,
                help=f"Default: {example.sentences[3]}",
            )
    return Service(float(posts), turnover, agency_share)
