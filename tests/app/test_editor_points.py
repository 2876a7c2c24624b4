"""The package editor offers a grade as NJC spinal column points (AppTest)."""

from __future__ import annotations

import datetime as dt

from streamlit.testing.v1 import AppTest

from tests.app.pages import open_page


def _widget(widgets, ending: str):  # type: ignore[no-untyped-def]
    [found] = [w for w in widgets if w.key.endswith(ending)]
    return found


def _on_points(lowest: int, highest: int) -> AppTest:
    """A blank package dated 1 June 2025 at £42,839, SCP 32 in 2025/26, given as points."""
    app = open_page("editor", awards="A percentage each April")
    app.selectbox(key="editor_start").set_value("A blank package")
    next(b for b in app.button if b.label == "Start").click().run()
    _widget(app.date_input, ".as_at").set_value(dt.date(2025, 6, 1))
    _widget(app.number_input, "salary.top").set_value(42_839.0)
    _widget(app.number_input, "njc.lowest").set_value(lowest)
    _widget(app.number_input, "njc.highest").set_value(highest)
    _widget(app.selectbox, "njc.increments").set_value("anniversary")
    return app.run()


def test_a_grade_on_njc_points_is_accepted_when_its_top_is_the_spines():
    # SCP 32 in 2025/26: £41,511 (2024/25) × 1.032 = £42,839.35, in whole pounds £42,839
    app = _on_points(29, 32)
    assert not app.exception and not app.error
    assert [b for b in app.button if b.label == "Add to the comparison"]


def test_njc_points_the_model_rejects_are_shown_beside_them():
    app = _on_points(32, 29)
    assert not app.exception
    assert any("highest must not be below lowest" in e.value for e in app.error)
    assert not [b for b in app.button if b.label == "Add to the comparison"]
