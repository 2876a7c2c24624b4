"""Drawing the parts of a page view (incentives.pages.views) with Streamlit."""

from __future__ import annotations

import streamlit as st

from incentives.pages.views import Chart, Csv, Section

FIGURES_KEY = "figures:"  # session keys of the charts' figure tables: FIGURES_KEY + where


def chart(prepared: Chart, key: str) -> None:
    """A chart, and its figures in a table that opens beneath it.

    The table is sent only once its expander is opened (``key`` keeps that choice between
    runs): a browser draws every table it is sent, open or not, and these held 610 of the
    2,087 HTML nodes of the Compare page on opening it. Streamlit takes the data out of the
    specification it is given, so it gets a copy.
    """
    st.vega_lite_chart(spec=dict(prepared.arrow_spec), width="stretch", alt=prepared.description)
    if prepared.figures is not None:
        figures = st.expander("The figures in this chart", key=key, on_change="rerun")
        if figures.open:
            with figures:
                st.table(prepared.figures, hide_index=True)


def section(part: Section, *, columns: int = 1) -> None:
    """A section in reading order: heading, lead, sentences, charts and their note, table,
    notes."""
    st.subheader(part.heading)
    if part.lead:
        st.caption(part.lead)
    sentences(part)
    charts(part, columns=columns)
    if part.table is not None:
        st.table(part.table, hide_index=True)
    notes(part)


def sentences(part: Section, *, bullets: bool = False) -> None:
    for sentence in part.sentences:
        st.markdown(f"- {sentence}" if bullets else sentence)


def charts(part: Section, *, columns: int = 1) -> None:
    """The section's charts, in ``columns`` side by side, and the note on reading them."""
    keys = [f"{FIGURES_KEY}{part.heading}:{index}" for index in range(len(part.charts))]
    if columns == 1 or not part.charts:
        for drawn, key in zip(part.charts, keys, strict=True):
            chart(drawn, key)
    else:
        slots = st.columns(columns)
        for index, (drawn, key) in enumerate(zip(part.charts, keys, strict=True)):
            with slots[index % columns]:
                chart(drawn, key)
    if part.chart_note:
        st.caption(part.chart_note)


def notes(part: Section) -> None:
    for note in part.notes:
        st.caption(note)


def download(csv: Csv) -> None:
    st.download_button(
        csv.label,
        csv.data,
        file_name=csv.file_name,
        mime="text/csv",
        icon=":material/download:",
        help=csv.help,
    )
