"""Social work pay packages compared: the Streamlit entry point.

Run with ``make run`` (or ``streamlit run app.py``). The page set-up, the sidebar and the
notices above every page live here; each view is a module of ``incentives.ui``.
"""

from pathlib import Path

import streamlit as st

from incentives.catalog import DataError
from incentives.ui import accessibility, inputs, mine, shared
from incentives.ui.data import council_offers, settle_after_start

st.set_page_config(
    page_title="Social work pay packages compared",
    page_icon=str(Path(__file__).parent / "incentives" / "ui" / "icon.svg"),  # served locally
    layout="wide",
    menu_items={
        "About": "Compare what UK councils' recruitment and retention packages for children's "
        "social workers pay over the years someone stays, and what they cost."
    },
)

try:
    councils = council_offers()
except DataError as error:
    st.title("Social work pay packages compared")
    st.error(f"The council data could not be read. {error}")
    st.stop()

settle_after_start()
yours, package_notices = mine.your_packages(councils)
offers = {**councils, **{package.id: package for package in yours}}
# Before any widget takes its value from the link: widgets drop what they cannot use.
inputs.open_old_links()
notices = [*package_notices, *inputs.link_notices(offers)]
chosen = inputs.scenario_sidebar(offers)
accessibility.fix_page()
for notice in notices:
    st.warning(notice, icon=":material/link_off:")
chosen, ready = inputs.missing_figures(offers, chosen)
shared.remember(offers, chosen, ready)

page = st.navigation(
    [
        st.Page(
            "views/compare.py",
            title="Compare",
            icon=":material/compare_arrows:",
            default=True,
        ),
        st.Page("views/leaving.py", title="Leaving early", icon=":material/logout:"),
        st.Page("views/costs.py", title="Costs", icon=":material/account_balance:"),
        st.Page("views/flips.py", title="What flips it", icon=":material/swap_horiz:"),
        st.Page("views/browse.py", title="All offers", icon=":material/table_view:"),
        st.Page("views/editor.py", title="Build a package", icon=":material/construction:"),
    ],
    position="top",
)
page.run()
