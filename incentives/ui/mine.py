"""The visitor's own packages: kept for the session and carried in the share link."""

from __future__ import annotations

import streamlit as st

from incentives import packages, sharing
from incentives.model import Offer
from incentives.ui.keys import PACKAGE_NOTICES as _NOTICES
from incentives.ui.keys import SELECT_NEXT as _SELECT_NEXT
from incentives.ui.keys import YOUR_PACKAGES as _KEY


def your_packages(councils: dict[str, Offer]) -> tuple[list[Offer], list[str]]:
    """The session's packages; on its first run, those the link carries, with notices for any
    part of the link that could not be read."""
    if _KEY in st.session_state:
        _keep_in_link(st.session_state[_KEY])  # a change of page drops parameters no widget holds
        return st.session_state[_KEY], st.session_state[_NOTICES]
    notices: list[str] = []
    found: list[Offer] = []
    text = st.query_params.get(sharing.PACKAGES)
    if text:
        unpacked = packages.decode_link(text)
        found = packages.own_copies(unpacked.offers, councils, (o.label for o in councils.values()))
        notices = unpacked.notices
    st.session_state[_KEY], st.session_state[_NOTICES] = found, notices
    return found, notices


def add(new: list[Offer], councils: dict[str, Offer], *, select: bool = True) -> list[Offer]:
    """Add packages (renamed where they would clash), update the link, and select them."""
    current: list[Offer] = st.session_state.get(_KEY, [])
    taken = [*councils, *(o.id for o in current)]
    labels = [o.label for o in (*councils.values(), *current)]
    added = packages.own_copies(new, taken, labels)
    _save([*current, *added])
    if select:
        select_offers([o.label for o in added])
    return added


def replace(offer_id: str, offer: Offer) -> None:
    _save([offer if o.id == offer_id else o for o in st.session_state.get(_KEY, [])])


def remove(offer_id: str) -> None:
    _save([o for o in st.session_state.get(_KEY, []) if o.id != offer_id])


def select_offers(labels: list[str]) -> None:
    """Select these offers in the offers list when it is next drawn."""
    st.session_state[_SELECT_NEXT] = [*st.session_state.get(_SELECT_NEXT, []), *labels]


def labels_to_select() -> list[str]:
    """Labels of packages just added, to select in the offers list before it is drawn."""
    return st.session_state.pop(_SELECT_NEXT, [])


def _save(kept: list[Offer]) -> None:
    st.session_state[_KEY] = kept
    _keep_in_link(kept)


def _keep_in_link(kept: list[Offer]) -> None:
    text = packages.encode_link(kept) if kept else None
    if st.query_params.get(sharing.PACKAGES) == text:
        return
    if text:
        st.query_params[sharing.PACKAGES] = text
    else:
        st.query_params.pop(sharing.PACKAGES, None)
