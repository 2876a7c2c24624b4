"""The candidate's experience and whether they already work there, read from the link."""

from __future__ import annotations

from incentives import sharing
from incentives.model import Offer
from tests.app.pages import open_page, run


def test_years_qualified_and_in_post_come_from_the_link():
    app = run(qualified="1", in_post="true", view="Total reward")
    assert not app.exception
    assert app.number_input(key="qualified").value == 1
    assert app.toggle(key="in_post").value is True
    assert "Total reward: who comes out ahead" in [h.value for h in app.subheader]


def test_without_years_every_payment_counts_and_the_box_is_empty():
    app = open_page("compare")
    assert not app.exception
    assert app.number_input(key="qualified").value is None


def test_the_link_check_refuses_fractional_years_and_a_bad_toggle():
    offers: dict[str, Offer] = {}
    notices = sharing.check_link({"qualified": "1.5", "in_post": "maybe"}, offers)
    assert any("`qualified`" in n and "whole number" in n for n in notices)
    assert any("`maybe`" in n and "true or false" in n for n in notices)
    assert sharing.check_link({"qualified": "3", "in_post": "false"}, offers) == []
