"""Fixes for the WCAG 2.2 AA failures the axe audit finds in Streamlit's own page furniture.

The app's own content is made accessible where it is built (text alternatives for charts,
tables of their figures, colours); these two fixes reach parts Streamlit draws itself: the
multiselect's text box (target size) and tables that scroll sideways on a phone (keyboard
access). The browser tests' axe audit checks both.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_HERE = Path(__file__).parent
_STYLE = f"<style>{(_HERE / 'accessibility.css').read_text(encoding='utf-8')}</style>"
_SCRIPT = f"<script>{(_HERE / 'accessibility.js').read_text(encoding='utf-8')}</script>"


def fix_page() -> None:
    st.html(_STYLE)  # styles only: Streamlit adds them without taking space on the page
    with st.sidebar:  # the script's empty box sits at the sidebar's foot, out of the way
        st.html(_SCRIPT, unsafe_allow_javascript=True)
