"""The cost page drawn, with the council's own figures: content by incentives.pages.costs."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from incentives import sharing
from incentives.model import Offer
from incentives.pages import costs
from incentives.pages.costs_break_even import agency_sentence, page_defaults
from incentives.pages.costs_service import Service, kirklees_example
from incentives.ui import cache, draw
from incentives.ui.inputs import Chosen
from incentives.ui.keys import URL


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
            leaving_rate = st.number_input(
                "Annual leaving rate (%)",
                min_value=sharing.LEAVING_RATE.minimum,
                max_value=sharing.LEAVING_RATE.maximum,
                value=float(rate.value),
                step=0.5,
                key=sharing.LEAVING_RATE.key,
                bind=URL,
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
                bind=URL,
                help=f"Default: an ESTIMATE, {agency_sentence()}",
            )
            hires = st.number_input(
                "Hires in the cohort",
                min_value=int(sharing.COHORT_HIRES.minimum),
                max_value=int(sharing.COHORT_HIRES.maximum),
                value=10,
                step=1,
                key=sharing.COHORT_HIRES.key,
                bind=URL,
            )
        with right:
            share = st.number_input(
                "Recruitment cost per hire (% of salary)",
                min_value=sharing.RECRUITMENT_SHARE.minimum,
                max_value=sharing.RECRUITMENT_SHARE.maximum,
                value=float(recruit.value),
                step=1.0,
                key=sharing.RECRUITMENT_SHARE.key,
                bind=URL,
                help=f"Default: a recruitment agency's fee for placing a social worker "
                f"({recruit.source}). {recruit.note or ''}",
            )
            fill = st.number_input(
                "Months a vacancy takes to fill",
                min_value=sharing.MONTHS_TO_FILL.minimum,
                max_value=sharing.MONTHS_TO_FILL.maximum,
                value=float(months.value),
                step=0.5,
                key=sharing.MONTHS_TO_FILL.key,
                bind=URL,
                help=f"Default: an ESTIMATE, not a published figure: 12 × England's vacancies "
                f"÷ its leavers in the year to {months.as_of:%-d %B %Y} (DfE workforce "
                "statistics). No published figure was found.",
            )
        against = st.radio(
            "Break-even chart against",
            list(sharing.AGAINST),
            key=sharing.CHART_AGAINST,
            bind=URL,
            horizontal=True,
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
        chart_against=sharing.AGAINST[against or "Months to fill"],
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
            posts = st.number_input(
                "Social work posts",
                min_value=int(sharing.SERVICE_POSTS.minimum),
                max_value=int(sharing.SERVICE_POSTS.maximum),
                value=int(example.service.posts),
                step=1,
                key=sharing.SERVICE_POSTS.key,
                bind=URL,
                help=f"Default: {example.sentences[1]}",
            )
        with turnover_column:
            turnover = st.number_input(
                "Service's leaving rate (%)",
                min_value=sharing.SERVICE_TURNOVER.minimum,
                max_value=sharing.SERVICE_TURNOVER.maximum,
                value=example.service.annual_leaving_rate,
                step=0.5,
                key=sharing.SERVICE_TURNOVER.key,
                bind=URL,
                help=f"Default: {example.sentences[2]}",
            )
        with agency_column:
            agency_share = st.number_input(
                "Posts covered by agency workers (%)",
                min_value=sharing.SERVICE_AGENCY.minimum,
                max_value=sharing.SERVICE_AGENCY.maximum,
                value=example.service.agency_share,
                step=1.0,
                key=sharing.SERVICE_AGENCY.key,
                bind=URL,
                help=f"Default: {example.sentences[3]}",
            )
    return Service(float(posts), turnover, agency_share)
