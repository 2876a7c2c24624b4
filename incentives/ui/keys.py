"""The Session State keys the app keeps for itself, declared once.

The keys of widgets bound to the link are the link's parameter names, in incentives.sharing.
"""

from typing import Literal

# Every widget keeps its value in the link, so a copied link reopens the same comparison.
URL: Literal["query-params"] = "query-params"

THIS_RUN = "_this_run"  # what the entry point worked out, for the page being shown
LINK_NOTICES = "link_notices"  # a link's unusable values, found on the session's first run
YOUR_PACKAGES = "your_packages"  # the visitor's own packages
PACKAGE_NOTICES = "package_notices"  # what could not be read of the packages a link carries
SELECT_NEXT = "select_next"  # labels of packages just added, to select in the offers list
SOURCES_OF = "sources_of"  # whose sources the comparison page shows
EDITOR_DRAFT = "editor_draft"
EDITOR_UPLOADED = "editor_uploaded"  # the id of the upload last read, so it is read once
EDITOR_START = "editor_start"
EDITOR_UPLOAD = "editor_upload"
BROWSE_CHART = "browse_chart"  # what the chart of every offer shows
BROWSE_TABLE = "browse_table"  # the table of every offer, whose rows can be picked
BROWSE_ADDED = "browse_added"  # labels just added to the comparison from that table, to say so
CORRECTION_OF = "correction_of"  # the offer a correction is suggested to ("": a new offer)
