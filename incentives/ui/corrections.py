"""Suggesting a correction: the package editor opened on an offer, a source asked for each
changed figure, and the YAML to send with the steps. What is pure is in incentives.corrections."""

from __future__ import annotations

import streamlit as st

from incentives import corrections, drafts, sharing
from incentives.corrections import CorrectionSource
from incentives.drafts import PackageDraft
from incentives.model import Offer
from incentives.ui import keys


def start(offer: Offer | None) -> None:
    """Open the editor on ``offer`` (None: a new offer) to suggest a correction to it."""
    current: PackageDraft | None = st.session_state.get(keys.EDITOR_DRAFT)
    generation = 1 if current is None else current.generation + 1
    st.session_state[keys.EDITOR_DRAFT] = drafts.from_offer(offer or drafts.BLANK, generation)
    st.session_state[keys.CORRECTION_OF] = "" if offer is None else offer.id
    # Streamlit refuses to clear, or to set, a link's value of a widget bound to it (the
    # widgets write those back themselves on the editor's run), so only the parameters the
    # app keeps by hand go along
    kept = (sharing.OFFERS, sharing.PACKAGES)
    link = {name: st.query_params.get_all(name) for name in kept if name in st.query_params}
    st.switch_page("views/editor.py", query_params=link)


def original(offers: dict[str, Offer]) -> Offer | None:
    return offers.get(st.session_state.get(keys.CORRECTION_OF, ""))


def active() -> bool:
    return keys.CORRECTION_OF in st.session_state


def panel(offers: dict[str, Offer], edited: Offer | None, generation: int) -> None:
    """Each changed figure's source, then the YAML and the steps to send it."""
    was = original(offers)
    kind: corrections.Kind = "new offer" if was is None else "correction"
    st.subheader("Your suggested " + kind)
    if st.button("Stop suggesting a correction", icon=":material/close:"):
        del st.session_state[keys.CORRECTION_OF]
        st.rerun()
    if edited is None:
        return
    changes = corrections.changed_figures(was, edited)
    if not changes:
        st.info("Change a figure above: each figure you change then asks for its source.")
        return
    sources: dict[str, CorrectionSource] = {}
    for change in changes:
        with st.container(border=True):
            before = "blank" if change.before is None else f"{change.before:,}"
            after = "removed" if change.after is None else f"{change.after:,}"
            st.markdown(f"**{change.name}**: {before} → {after}")
            fields: dict[str, object] = {}
            for field, label in corrections.SOURCE_FIELDS.items():
                key = f"fix.{generation}.{change.path}.{field}"
                if field == "date":
                    fields[field] = st.date_input(label, value=None, key=key, format="DD/MM/YYYY")
                elif field == "quote":
                    fields[field] = st.text_area(label, key=key, height=68)
                else:
                    fields[field] = st.text_input(label, key=key)
            found = corrections.read_source(fields)
            if isinstance(found, CorrectionSource):
                sources[change.path] = found
            else:
                st.caption("Still needed: " + "; ".join(f"{f} ({m})" for f, m in found.items()))
    if len(sources) < len(changes):
        st.warning("Give a full source for every changed figure to get the file to send.")
        return
    record = corrections.correction(kind, edited, changes, sources)
    text = corrections.correction_yaml(edited, record)
    st.markdown(corrections.steps(record))
    st.download_button(
        "Download the suggestion (YAML)",
        text,
        file_name=corrections.file_name(record),
        mime="application/x-yaml",
        icon=":material/download:",
    )
    st.code(text, language="yaml")
