"""Social work pay packages compared: the Streamlit entry point.

Run with ``make run`` (or ``streamlit run app.py``). The page set-up, the sidebar and the
notices above every page live here; each view is a module of ``incentives.ui``.
"""

import streamlit as st

from incentives.catalog import DataError
from incentives.ui import inputs, shared
from incentives.ui.data import council_offers

st.set_page_config(
    page_title="Social work pay packages compared",
    page_icon=":material/balance:",
    layout="wide",
    menu_items={
        "About": "Compare what UK councils' recruitment and retention packages for children's "
        "social workers pay over the years someone stays, and what they cost."
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
for notice in notices:
    st.warning(notice, icon=":material/link_off:")
ready = inputs.missing_figures(offers, choices)


shared.remember(offers, choices, ready)

page = st.navigation(
    [
        st.Page(
            "views/compare.py",
            title="Compare offers",
            icon=":material/compare_arrows:",
            default=True,
        ),
        st.Page("views/leaving.py", title="If you leave early", icon=":material/logout:"),
        st.Page("views/costs.py", title="Cost and break-even", icon=":material/account_balance:"),
    ],
    position="top",
)
page.run()
