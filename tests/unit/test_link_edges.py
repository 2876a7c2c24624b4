"""The share link's limits at their edges: each value just inside is used silently, each just
outside gets a notice; notices are capped, and what they echo back is made safe."""

from __future__ import annotations

import pytest

from incentives import load_offers
from incentives.sharing import MAX_NOTICES, check_link, employer_rate_key, from_before_the_tabs


@pytest.fixture(scope="module")
def offers():
    return load_offers()


def notices(catalog, /, **params: str | list[str]) -> list[str]:
    return check_link(params, catalog)


@pytest.mark.parametrize(
    ("key", "inside", "outside", "reason"),
    [
        ("leave", "1", "0", "from 1 to 120"),  # the smallest leaving month is 1
        ("leave", "120", "121", "from 1 to 120"),  # ten years of months
        ("years", "10", "11", "from 1 to 10"),
        ("years", "1", "0", "from 1 to 10"),
        ("award", "20", "20.01", "from 0 to 20"),  # the largest pay award, as Scenario takes
        ("award", "0", "-0.01", "from 0 to 20"),
        ("step", "20", "20.5", "from 0 to 20"),
        ("hires", "1000", "1001", "from 1 to 1000"),
        ("prices_of", "2045", "2046", "from 2016 to 2045"),
        ("inflation", "-5", "-5.01", "from -5 to 30"),
    ],
)
def test_a_number_is_used_up_to_its_limit_and_refused_past_it(offers, key, inside, outside, reason):
    assert notices(offers, **{key: inside}) == []
    (notice,) = notices(offers, **{key: outside})
    assert f"value `{outside}` was not used" in notice
    assert reason in notice and "the default is shown" in notice


@pytest.mark.parametrize(("key", "value"), [("leave", "6.5"), ("years", "2.5"), ("hires", "9.9")])
def test_counts_must_be_whole_numbers(offers, key, value):
    (notice,) = notices(offers, **{key: value})
    assert "must be a whole number" in notice


def test_a_whole_number_written_with_a_decimal_point_is_used(offers):
    assert notices(offers, years="2.0", leave="6.0") == []


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "two"])
def test_values_that_are_not_finite_numbers_are_refused(offers, value):
    (notice,) = notices(offers, award=value)
    assert "not used" in notice


def test_a_pay_award_may_have_a_fraction(offers):
    assert notices(offers, award="2.5") == []


def test_a_salary_is_checked_against_the_offer_it_names(offers):
    assert notices(offers, **{"salary.rotherham-social-worker": "1000000"}) == []
    (too_high,) = notices(offers, **{"salary.rotherham-social-worker": "1000000.01"})
    assert "from 0 to 1e+06" in too_high
    (unknown,) = notices(offers, **{"salary.nowhere": "30000"})
    assert "no offer has that id" in unknown


def test_an_employer_rate_is_checked_against_the_council_it_names(offers):
    assert notices(offers, **{"employer.rotherham": "60"}) == []
    (too_high,) = notices(offers, **{"employer.rotherham": "60.5"})
    assert "from 0 to 60" in too_high
    (unknown,) = notices(offers, **{"employer.nowhere": "20"})
    assert "no council has that name" in unknown


def test_choices_and_switches_take_only_their_options(offers):
    # The link carries an option as the widget shows it
    assert notices(offers, region="Scotland", leaving="TRUE", view="Take-home pay") == []
    region, leaving = notices(offers, region="Wales", leaving="yes")
    assert "it must be one of: England, Wales or NI, Scotland" in region
    assert "it must be true or false" in leaving


def test_the_open_part_of_the_comparison_is_one_of_its_tabs(offers):
    assert notices(offers, part="Year by year") == []
    [part] = notices(offers, part="Charts")
    assert "it must be one of: Pay over time, Worth to you, Year by year, Sources" in part


def test_parameters_the_app_does_not_know_are_ignored(offers):
    assert notices(offers, utm_source="newsletter", fbclid="IwAR0abc") == []
    assert notices(offers, fbclid="I" * 500) == []  # however long their values


def test_a_notice_names_the_parameter_as_the_link_spells_it(offers):
    (notice,) = notices(offers, prices_of="2046")
    assert notice.startswith("The link's `prices_of` value `2046` was not used")


def test_each_value_of_a_repeated_parameter_is_checked(offers):
    found = notices(offers, offers=["Rotherham: Social worker", "Nowhere: Nobody"])
    assert len(found) == 1
    assert "`Nowhere: Nobody`" in found[0]


def test_a_value_of_200_characters_is_read_and_one_of_201_refused_unread(offers):
    (read,) = notices(offers, offers="a" * 200)
    assert "no offer has that name" in read
    (unread,) = notices(offers, offers="a" * 201)
    assert "it is too long" in unread


def test_as_many_notices_as_the_cap_are_all_shown(offers):
    bad = {f"salary.nowhere-{n}": "1" for n in range(MAX_NOTICES)}
    found = check_link(bad, offers)
    assert len(found) == MAX_NOTICES
    assert all("no offer has that id" in notice for notice in found)


def test_notices_past_the_cap_are_summed_up_in_the_last_one(offers):
    # Ten bad values with a cap of eight: seven shown, and the eighth says 10 − 7 = 3 more
    bad = {f"salary.nowhere-{n}": "1" for n in range(MAX_NOTICES + 2)}
    found = check_link(bad, offers)
    assert len(found) == MAX_NOTICES
    assert "salary.nowhere-6" in found[MAX_NOTICES - 2]
    assert found[-1] == "…and 3 more values of the link were not used."


def test_markup_in_an_echoed_value_is_made_harmless(offers):
    (notice,) = notices(offers, offers="<img src=x onerror=alert(1)>")
    assert "<" not in notice and ">" not in notice
    assert "`?img src?x onerror?alert?1??`" in notice


def test_markup_in_an_echoed_name_is_made_harmless(offers):
    (notice,) = notices(offers, **{"salary.<b>": "1"})
    assert "`salary.?b?`" in notice


def test_backticks_brackets_and_links_cannot_escape_the_code_span(offers):
    (notice,) = notices(offers, offers="`](javascript:x)")
    assert "`???javascript:x?`" in notice


def test_a_long_echoed_value_is_cut_to_40_characters(offers):
    (notice,) = notices(offers, offers="b" * 60)
    assert f"`{'b' * 40}…`" in notice


def test_a_start_month_must_be_one_the_app_offers(offers):
    assert notices(offers, start="April 2016") == []
    assert notices(offers, start="December 2030") == []
    (notice,) = notices(offers, start="March 2016")
    assert notice == (
        "The link's `start` value `March 2016` was not used: "
        "the start must be a month from April 2016 to December 2030."
    )


def test_an_assumption_must_name_a_figure_the_offer_leaves_unpublished(offers):
    # Rotherham publishes its salary but not the amount of its third component
    unpublished = "assume.rotherham-social-worker.components.2.instalments.0.amount"
    assert notices(offers, **{unpublished: "500"}) == []
    (too_high,) = notices(offers, **{unpublished: "1000001"})
    assert "it must be from 0 to 1e+06" in too_high
    for key in ("assume.rotherham-social-worker.salary.top", "assume.nowhere.salary.top"):
        (notice,) = notices(offers, **{key: "500"})
        assert notice.endswith(
            "was not used: it does not name a figure the offer leaves unpublished."
        )


DEFAULT_SHOWN = "; the default is shown"


@pytest.mark.parametrize(
    ("key", "value", "shown", "reason"),
    [
        ("award", "two", "two", "it is not a number" + DEFAULT_SHOWN),
        ("years", "2.5", "2.5", "it must be a whole number" + DEFAULT_SHOWN),
        ("offers", "a" * 201, "a" * 40 + "…", "it is too long"),
        ("offers", "Nowhere", "Nowhere", "no offer has that name, so it was left out"),
        ("leaving", "maybe", "maybe", "it must be true or false"),
        ("salary.nowhere", "1", "1", "no offer has that id"),
        ("employer.nowhere", "1", "1", "no council has that name"),
    ],
)
def test_each_notice_reads_as_written(offers, key, value, shown, reason):
    expected = f"The link's `{key}` value `{shown}` was not used: {reason}."
    assert notices(offers, **{key: value}) == [expected]


@pytest.mark.parametrize("value", ["true", "false", "True", "FALSE"])
def test_a_switch_takes_true_or_false_in_any_case(offers, value):
    assert notices(offers, current_only=value) == []


def test_an_echoed_value_of_exactly_40_characters_is_not_cut(offers):
    (notice,) = notices(offers, offers="c" * 40)
    assert f"`{'c' * 40}`" in notice


@pytest.mark.parametrize(
    ("council", "key"),
    [
        ("Rotherham Metropolitan Borough Council", "employer.rotherham"),
        ("Telford & Wrekin Council", "employer.telford-wrekin"),
        (
            "Brighter Futures for Children (Reading)",
            "employer.brighter-futures-for-children-reading",
        ),
    ],
)
def test_a_councils_employer_rate_key_is_its_short_name_as_a_slug(offers, council, key):
    assert employer_rate_key(council) == key
    assert notices(offers, **{key: "20"}) == []


@pytest.mark.parametrize(
    ("link", "added"),
    [
        ({"each_year": "true"}, {"part": "Year by year"}),  # made before the tabs
        ({"each_year": "True"}, {"part": "Year by year"}),  # switches read either case
        ({"each_year": "true", "part": "Sources"}, {}),  # the link names its part
        ({"each_year": "false"}, {}),
        ({}, {}),
    ],
)
def test_a_link_from_before_the_tabs_opens_the_part_its_switch_is_in(link, added):
    assert from_before_the_tabs(link) == added
