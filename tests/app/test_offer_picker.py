"""The Compare page's offer picker: current offers first, the others marked, links unchanged."""

from __future__ import annotations

import datetime as dt

from incentives import load_offers
from tests.app.pages import run

OFFERS = load_offers()


def test_the_offer_picker_lists_current_offers_first_and_marks_the_others():
    leeds = OFFERS["leeds-social-worker"]
    picker = run(offers=[leeds.label]).multiselect(key="offers")
    today = dt.date.today()
    current = [o.label for o in OFFERS.values() if o.status(today) == "current"]
    assert sorted(picker.options[: len(current)]) == sorted(current)
    assert f"{leeds.label} (ended)" in picker.options[len(current) :]
    assert picker.value == [leeds.label]  # the link keeps the plain label
