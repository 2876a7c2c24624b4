"""The settings a hosted app relies on stay in .streamlit/config.toml (see docs/deploy.md)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from incentives.packages import MAX_UPLOAD_BYTES

CONFIG = tomllib.loads(
    (Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text()
)


def test_visitors_never_see_error_details_or_the_developer_menu():
    assert CONFIG["client"]["showErrorDetails"] == "none"
    assert CONFIG["client"]["toolbarMode"] == "viewer"


def test_uploads_are_bounded_and_must_come_from_the_apps_own_page():
    server = CONFIG["server"]
    assert server["enableXsrfProtection"] is True
    # Streamlit's limit is in megabytes; the app itself reads at most MAX_UPLOAD_BYTES
    assert MAX_UPLOAD_BYTES <= server["maxUploadSize"] * 1_000_000 <= 2_000_000


def test_no_usage_statistics_leave_the_server():
    assert CONFIG["browser"]["gatherUsageStats"] is False
