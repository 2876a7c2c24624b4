"""Fixtures for browser tests: one app server and one Chromium for the session.

Without Chromium the tests skip on a developer's machine, but fail under CI=true: CI must
run them.
"""

from __future__ import annotations

import os

import pytest

from tests.browser.harness import CHROMIUM, launch_chromium, serve_app


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        message = f"no browser at {CHROMIUM}: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def app_url():
    with serve_app() as served:
        yield served.url


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 2400}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()
