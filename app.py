"""Social work pay packages compared: the Streamlit entry point.

Run with ``make run`` (or ``streamlit run app.py``). Page set-up and the shared sidebar live
here; each view is a module of ``incentives.ui``.
"""

import streamlit as st

from incentives.catalog import DataError
from incentives.ui import compare, inputs
from incentives.ui.data import council_offers

st.set_page_config(
    page_title="Social work pay packages compared",
    page_icon=":material/balance:",
    layout="wide",
    menu_items={
        "About": "Compare what UK councils' recruitment and retention packages for "
        "children's social workers pay over the years someone stays."
    },
)

try:
    offers = council_offers()
except DataError as error:
    st.title("Social work pay packages compared")
    st.error(f"The council data could not be read. {error}")
    st.stop()

notices = inputs.link_notices(offers)  # before any widget takes its value from the link
choices = inputs.scenario_sidebar(offers)
compare.render(offers, choices, notices)
