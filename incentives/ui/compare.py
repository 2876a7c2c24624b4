"""The comparison page drawn: its content is built by incentives.pages.compare."""

from __future__ import annotations

import datetime as dt
import urllib.parse

import streamlit as st

from incentives import sharing
from incentives.model import Offer
from incentives.pages import awards, compare
from incentives.pages.views import Section
from incentives.report import report, report_pdf
from incentives.report.link import DEFAULT_BASE_URL
from incentives.scenario import Scenario
from incentives.ui import cache, corrections, draw, keys
from incentives.ui.inputs import Chosen
from incentives.ui.keys import URL


def render(offers: dict[str, Offer], chosen: Chosen, ready: list[str]) -> None:
    st.title(compare.TITLE)
    st.write(compare.INTRO)
    if not ready:
        st.info(compare.FIGURES_NEEDED if chosen.offer_ids else compare.NONE_CHOSEN)
        return
    view = cache.compare_view(
        tuple(offers[i] for i in ready), chosen.scenario, chosen.display, dt.date.today()
    )
    draw.section(view.leader)
    if view.conditions is not None:
        draw.section(view.conditions)
    # Tabs built only when open (and kept in the link): a browser draws every element it is
    # sent, and these parts held most of the page's tables (see make bench, first render).
    over_time, worth, by_year, sources = st.tabs(
        compare.TABS, key=sharing.COMPARE_TAB, bind=URL, on_change="rerun"
    )
    if over_time.open:
        with over_time:
            draw.section(view.to_date)
            draw.section(view.made_of)
    if worth.open:
        with worth:
            for part in view.worth:
                draw.section(part)
    if by_year.open:
        with by_year:
            _yearly(view.yearly)
            draw.section(view.years)
            draw.download(view.csv)
    if sources.open:
        with sources:
            _sources(offers, chosen)
    _report_downloads(tuple(offers[i] for i in ready), chosen.scenario)


def _yearly(part: Section) -> None:
    """Each offer's years as a chart, drawn only when asked for: the table beneath has the
    same figures, and charts are what take a browser longest to draw on opening the page
    (two fewer charts open the default comparison about 0.2 s sooner, see make bench)."""
    if not part.charts:
        draw.section(part)
        return
    st.subheader(part.heading)
    if part.lead:
        st.caption(part.lead)
    draw.sentences(part)
    if st.toggle("Show a chart of each offer's years", key=sharing.EACH_YEAR, bind=URL):
        draw.charts(part, columns=2)
    else:
        st.caption("The year-by-year table below has the same figures.")
    draw.notes(part)


def _report_downloads(chosen: tuple[Offer, ...], scenario: Scenario) -> None:
    """The comparison as a document to keep or take to a meeting. Each is built only when its
    button is clicked (Streamlit calls ``data`` then, on its own thread), not on every run."""
    base_url = _app_address()
    st.download_button(
        "Download report (HTML)",
        lambda: report(chosen, scenario, base_url=base_url),
        file_name="pay-comparison.html",
        mime="text/html",
        on_click="ignore",
        icon=":material/description:",
        help="One page that opens in any browser without a connection: the comparison, its "
        "charts, every source, and a link back here.",
    )
    st.download_button(
        "Download report (PDF)",
        lambda: report_pdf(chosen, scenario, base_url=base_url),
        file_name="pay-comparison.pdf",
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        help="The same report as an A4 PDF, to print or attach to a paper.",
    )


def _app_address() -> str:
    """Where the visitor reached the app, for the report's link back: its address without the
    query (the report writes its own)."""
    url = st.context.url
    if not url:
        return DEFAULT_BASE_URL
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _sources(offers: dict[str, Offer], chosen: Chosen) -> None:
    """One chosen offer's figures, each with its value (or your assumption), sources and words."""
    st.subheader(compare.SOURCES_HEADING)
    by_label = {offers[i].label: offers[i] for i in chosen.offer_ids}
    label = st.selectbox("Offer", list(by_label), key=keys.SOURCES_OF)
    offer = by_label[label]
    view = cache.sources_view(
        offer,
        cache.assumed_of(chosen.scenario, offer.id),
        dt.date.today(),
        chosen.scenario.worker,
    )
    st.caption(view.lead)
    st.table(view.figures.table, hide_index=True)
    draw.notes(view.figures)
    st.markdown(view.sources)
    draw.section(awards.applied([offer], chosen.scenario))
    if st.button("Suggest a correction", icon=":material/edit_note:", key="suggest_correction"):
        corrections.start(offer)
