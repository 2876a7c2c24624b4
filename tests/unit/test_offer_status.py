"""Whether an offer stands today, and the data file's dating and superseded_by rules."""

from __future__ import annotations

import datetime as dt

import pytest

from incentives import DataError, load_offers, read_offers
from incentives.catalog import check_superseded
from incentives.model import current_first
from tests.builders import offer

TODAY = dt.date(2026, 12, 1)


def test_an_offer_within_three_years_is_current():
    assert offer(as_at="2024-01-31").status(TODAY) == "current"


def test_an_offer_over_three_years_old_is_historical():
    # 2023-11-30 to 2026-12-01 is 1,097 days, 3.003 years: just past three.
    assert offer(as_at="2023-11-30").status(TODAY) == "historical"
    # 2023-12-02 to 2026-12-01 is 1,095 days, 2.998 years: still current.
    assert offer(as_at="2023-12-02").status(TODAY) == "current"


def test_an_offer_is_ended_from_the_day_it_closes():
    closing = offer(as_at="2024-01-31", ends="2026-12-01")
    assert closing.status(TODAY) == "ended"
    assert closing.status(dt.date(2026, 11, 30)) == "current"


def test_superseded_comes_before_ended_and_historical():
    old = offer(as_at="2010-01-01", ends="2012-01-01", superseded_by="newer-offer")
    assert old.status(TODAY) == "superseded"


def test_an_undated_source_read_recently_has_no_age_and_is_not_historical():
    undated = offer(as_at="2010-01-01", as_at_is_date_read=True)
    assert undated.age_in_years(TODAY) is None
    assert undated.status(TODAY) == "current"


def test_labels_mark_all_but_current_offers():
    assert offer(as_at="2026-01-01").label_with_status(TODAY) == "Test: Social worker"
    assert (
        offer(as_at="2024-01-31", ends="2024-06-30").label_with_status(TODAY)
        == "Test: Social worker (ended)"
    )


def test_current_offers_come_first_keeping_the_given_order_within_each_status():
    superseded = offer(id="a", as_at="2024-01-01", superseded_by="b")
    historical = offer(id="b", as_at="2015-01-01")
    current_one = offer(id="c", as_at="2025-01-01")
    ended = offer(id="d", as_at="2024-01-01", ends="2025-01-01")
    current_two = offer(id="e", as_at="2026-01-01")
    ordered = current_first([superseded, historical, current_one, ended, current_two], TODAY)
    assert [o.id for o in ordered] == ["c", "e", "b", "d", "a"]


def test_every_offer_in_the_data_is_dated_checked_and_says_who_can_get_it():
    for each in load_offers().values():
        assert each.as_at is not None, each.id
        assert each.checked is not None, each.id
        assert each.open_to in ("new starters", "staff in post", "anyone"), each.id


def test_superseded_by_names_a_newer_offer_of_the_same_council():
    offers = load_offers()
    for each in offers.values():
        if each.superseded_by is not None:
            newer = offers[each.superseded_by]
            assert newer.id != each.id
            assert newer.council == each.council
            assert newer.as_at is not None and each.as_at is not None
            assert newer.as_at >= each.as_at


def test_leeds_retention_sum_was_for_staff_in_post_and_has_ended():
    leeds = load_offers()["leeds-social-worker"]
    assert leeds.open_to == "staff in post"
    assert leeds.status(TODAY) == "ended"


PACKAGE = """
offers:
  - id: first
    council: {first_council}
    role: Social worker
    role_group: social worker
    region: Wales
    as_at: 2020-01-01
    superseded_by: {points_to}
    salary: {{top: 30000}}
  - id: second
    council: Powys County Council
    role: Social worker
    role_group: social worker
    region: Wales
    as_at: {second_date}
    salary: {{top: 31000}}
"""


def _package(points_to: str, first_council="Powys County Council", second_date="2024-01-01"):
    return PACKAGE.format(first_council=first_council, points_to=points_to, second_date=second_date)


def test_superseded_by_within_one_council_is_accepted():
    offers = read_offers(_package("second"), origin="package.yaml")
    check_superseded(offers, "package.yaml")
    assert offers["first"].status(TODAY) == "superseded"


def test_a_package_may_keep_the_id_of_a_newer_offer_it_does_not_carry():
    offers = read_offers(_package("nowhere"), origin="package.yaml")
    assert offers["first"].superseded_by == "nowhere"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (_package("nowhere"), "'nowhere', which is not another offer"),
        (_package("first"), "'first', which is not another offer"),
        (_package("second", first_council="Caerphilly County Borough Council"), "not of Caerph"),
        (_package("second", second_date="2019-01-01"), "which is older"),
    ],
)
def test_superseded_by_must_name_another_newer_offer_of_the_same_council(text, problem):
    offers = read_offers(text, origin="package.yaml")
    with pytest.raises(DataError, match=problem) as caught:
        check_superseded(offers, "package.yaml")
    assert caught.value.offer == "first"
    assert caught.value.field == "superseded_by"
