"""Suggesting a correction from an offer's sources, and a new offer from the editor (AppTest)."""

from __future__ import annotations

import datetime as dt

from streamlit.testing.v1 import AppTest

from incentives import load_offers
from tests.app.pages import open_page, run

OFFERS = load_offers()
KIRKLEES = OFFERS["kirklees-social-worker"]


def button(app: AppTest, label: str):
    return next(b for b in app.button if b.label == label)


def fill_source(app: AppTest, path: str) -> AppTest:
    ending = f".{path}."
    for box in app.text_input:
        if ending in box.key:
            value = "https://example.org/kirklees" if box.key.endswith("url") else "Kirklees jobs"
            box.set_value(value)
    [quote] = [a for a in app.text_area if ending in a.key]
    quote.set_value("up to £36,000")
    [date] = [d for d in app.date_input if ending in d.key]
    date.set_value(dt.date(2026, 11, 2))
    return app.run()


def test_a_correction_from_the_sources_asks_a_source_for_each_changed_figure_then_gives_yaml():
    app = run(offers=[KIRKLEES.label], part="Sources")
    button(app, "Suggest a correction").click().run()
    assert not app.exception
    assert any("Your suggested correction" in h.value for h in app.subheader)
    assert "Change a figure above" in app.info[0].value
    [salary] = [n for n in app.number_input if n.key.endswith("salary.top")]
    salary.set_value(36_000.0).run()
    assert "Give a full source for every changed figure" in app.warning[0].value
    assert not app.code  # no file until the source is given
    fill_source(app, "salary.top")
    assert not app.exception
    [text] = [c.value for c in app.code]
    assert "now: 36000" in text and "quote: up to £36,000" in text
    assert any("'Data correction'" in m.value for m in app.markdown)


def test_a_new_offer_is_suggested_from_the_editors_start_with_every_figure_sourced():
    app = open_page("editor")
    button(app, "Suggest a new offer for the council data").click().run()
    assert not app.exception
    assert any("Your suggested new offer" in h.value for h in app.subheader)
    # the blank package's one figure, its salary, needs a source
    assert "Give a full source" in app.warning[0].value
    fill_source(app, "salary.top")
    [text] = [c.value for c in app.code]
    assert "suggested: new offer" in text
