"""The package editor's page: build a package, or start from any offer and change it.

The draft being edited is kept in Session State (see incentives/drafts.py for what it holds
and how it becomes an offer; ui/editor_fields.py for its form). Here: choosing where to start,
adding or downloading the result, uploading packages, and the session's own packages.
"""

from __future__ import annotations

import streamlit as st

from incentives import drafts, packages
from incentives.drafts import PackageDraft
from incentives.model import Offer
from incentives.ui import corrections, keys, mine
from incentives.ui.editor_fields import Slots, package_form
from incentives.ui.inputs import Chosen

_DRAFT = keys.EDITOR_DRAFT
_UPLOADED = keys.EDITOR_UPLOADED
_UPLOAD = keys.EDITOR_UPLOAD
# Streamlit's box states its own limit (server.maxUploadSize, whole megabytes: "1MB per file"),
# ten times the app's; the label states the app's, so the box's line is hidden.
_ONE_LIMIT = (
    f"<style>.st-key-{_UPLOAD} [data-testid='stFileUploaderDropzoneInstructions']"
    "{display: none;}</style>"
)


def render(offers: dict[str, Offer], chosen: Chosen, ready: list[str]) -> None:
    st.title("Build a package")
    st.write(
        "Design a package, or start from any published offer and change it. Add it to the "
        "comparison to see it beside the others, on every page; the share link carries it. "
        "Download it as a file in the same form as the council data, or upload such a file."
    )
    _start(offers)
    if _DRAFT not in st.session_state:
        st.session_state[_DRAFT] = drafts.blank(generation=1)
    slots = Slots()
    checked = drafts.to_offer(package_form(st.session_state[_DRAFT], slots, _replace))
    slots.show(checked.problems)
    if corrections.active():
        corrections.panel(offers, checked.offer, st.session_state[_DRAFT].generation)
    _actions(checked.offer, offers)
    st.divider()
    _upload(offers)
    _your_packages(offers)


def _start(offers: dict[str, Offer]) -> None:
    with st.container(border=True):
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        with left:
            start = st.selectbox(
                "Start from",
                ["A blank package", *(offer.label for offer in offers.values())],
                key=keys.EDITOR_START,
            )
        with right:
            if st.button("Start", width="stretch"):
                chosen = next((o for o in offers.values() if o.label == start), drafts.BLANK)
                st.session_state[_DRAFT] = drafts.from_offer(chosen, _next_generation())
                st.session_state.pop(keys.CORRECTION_OF, None)  # a package of one's own
        if st.button("Suggest a new offer for the council data", icon=":material/add_notes:"):
            corrections.start(None)


def _next_generation() -> int:
    """A new draft's widgets get new keys, so none keeps a value typed into the last draft."""
    current: PackageDraft | None = st.session_state.get(_DRAFT)
    return 1 if current is None else current.generation + 1


def _replace(draft: PackageDraft) -> None:
    st.session_state[_DRAFT] = draft
    st.rerun()


def _actions(offer: Offer | None, offers: dict[str, Offer]) -> None:
    if offer is None:
        st.warning("Put right what is marked above to add or download this package.")
        return
    left, right = st.columns(2)
    with left:
        if st.button(
            "Add to the comparison", type="primary", icon=":material/playlist_add:", width="stretch"
        ):
            [added] = mine.add([offer], offers)
            st.success(f"Added as '{added.label}'. It is selected on the Compare page.")
    with right:
        st.download_button(
            "Download this package (YAML)",
            packages.to_yaml([offer]),
            file_name=f"{offer.id}.yaml",
            mime="application/x-yaml",
            icon=":material/download:",
            width="stretch",
        )


def _upload(offers: dict[str, Offer]) -> None:
    st.subheader("Upload packages")
    st.html(_ONE_LIMIT)  # styles only: Streamlit adds them without taking space on the page
    uploaded = st.file_uploader(
        f"A YAML file of packages (.yaml or .yml, at most {packages.MAX_UPLOAD_BYTES // 1000} KB)",
        type=["yaml", "yml"],
        key=_UPLOAD,
    )
    if uploaded is None:
        return
    if st.session_state.get(_UPLOADED) == uploaded.file_id:
        return
    st.session_state[_UPLOADED] = uploaded.file_id
    result = packages.read_upload(
        uploaded.getvalue()[: packages.MAX_UPLOAD_BYTES + 1], uploaded.name
    )
    for notice in result.notices:
        st.error(notice, icon=":material/error:")
    if result.offers:
        added = mine.add(result.offers, offers)
        st.success("Added: " + "; ".join(o.label for o in added))


def _your_packages(offers: dict[str, Offer]) -> None:
    yours = [o for o in offers.values() if o.id.startswith(packages.YOURS)]
    if not yours:
        return
    st.subheader("Your packages")
    for offer in yours:
        left, middle, right = st.columns([3, 1, 1], vertical_alignment="center")
        left.markdown(f"**{offer.label}**")
        if middle.button("Edit", key=f"edit.{offer.id}", width="stretch"):
            _replace(drafts.from_offer(offer, _next_generation()))
        if right.button("Remove", key=f"remove.{offer.id}", width="stretch"):
            mine.remove(offer.id)
            st.rerun()
    st.download_button(
        "Download all your packages (YAML)",
        packages.to_yaml(yours),
        file_name="your-packages.yaml",
        mime="application/x-yaml",
        icon=":material/download:",
    )
