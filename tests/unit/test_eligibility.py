"""Who a payment is for: conditions from the data, and payments left out for a worker."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incentives import compare, load_offers, project
from incentives.catalog import DataError, read_offers
from incentives.eligibility import Worker, left_out, never_narrows_with_experience
from incentives.exclusions import conditional_payments, conditions_table, headline
from incentives.scenario import Scenario
from incentives.sourced import sourced_terms
from tests.builders import offer
from tests.strategies import offers, scenarios

OFFERS = load_offers()
OXFORDSHIRE = "oxfordshire-social-worker"
MILTON_KEYNES = "milton-keynes-social-worker"
LEEDS = "leeds-social-worker"


def _two_years_from_april_2025(offer_id: str, **worker: object) -> Scenario:
    """Salary assumed £40,000 (the top is not published), no pay award."""
    return Scenario(
        years=2,
        start="2025-04-01",
        pay_award=0,
        start_salary=40_000,
        assumed={offer_id: {"salary.top": 40_000}},
        **worker,
    )


def _gross(offer_id: str, **worker: object) -> Decimal:
    table = compare([OFFERS[offer_id]], _two_years_from_april_2025(offer_id, **worker))
    return Decimal(str(table["gross"].sum()))


def test_oxfordshire_golden_hello_needs_three_years_qualified():
    # Two years at £40,000 = £80,000; the £3,500 golden hello is paid after six months.
    assert _gross(OXFORDSHIRE, years_qualified=1) == Decimal(80_000)
    assert _gross(OXFORDSHIRE, years_qualified=5) == Decimal(83_500)
    assert _gross(OXFORDSHIRE, years_qualified=5) - _gross(OXFORDSHIRE, years_qualified=1) == 3_500


def test_with_no_years_given_every_payment_counts():
    assert _gross(OXFORDSHIRE) == Decimal(83_500)
    assert _gross(LEEDS) == Decimal(83_000)  # £80,000 + the £3,000 retention sum


@pytest.mark.parametrize(("years", "paid"), [(2, False), (3, True)])
def test_the_experience_rule_bites_at_exactly_three_years(years, paid):
    payments = project(
        OFFERS[OXFORDSHIRE], _two_years_from_april_2025(OXFORDSHIRE, years_qualified=years)
    )
    assert ("Golden hello" in set(payments["component"])) is paid


def test_milton_keynes_golden_hello_is_left_out_in_the_asye():
    scenario = _two_years_from_april_2025(MILTON_KEYNES, years_qualified=0)
    assert "Golden hello" not in set(project(OFFERS[MILTON_KEYNES], scenario)["component"])
    (payment,) = conditional_payments(OFFERS[MILTON_KEYNES], scenario)
    assert payment.reasons == (
        "not for you: not paid to newly qualified social workers in their ASYE",
    )
    assert payment.removed == Decimal(6_000)
    assert _gross(MILTON_KEYNES, years_qualified=1) == Decimal(86_000)  # £80,000 + £6,000


def test_staff_in_post_get_the_retention_sum_but_not_a_golden_hello():
    in_post = {"years_qualified": 5, "joins_as": "staff in post"}
    assert _gross(LEEDS, **in_post) == Decimal(83_000)
    assert _gross(LEEDS, years_qualified=5) == Decimal(80_000)  # a new starter
    assert _gross(OXFORDSHIRE, **in_post) == Decimal(80_000)  # internal transfers excluded


def test_the_sources_table_says_why_a_payment_is_not_for_you():
    scenario = _two_years_from_april_2025(OXFORDSHIRE, years_qualified=1)
    table = conditions_table([OFFERS[OXFORDSHIRE]], scenario)
    assert table.to_dict("records") == [
        {
            "offer": OXFORDSHIRE,
            "payment": "Golden hello",
            "status": "not for you: needs three years' post-qualifying experience",
            "removed": 3_500.0,
        }
    ]
    assert "£3,500 left out" in (headline(OFFERS[OXFORDSHIRE], scenario) or "")


def test_without_years_a_payment_is_listed_with_what_it_depends_on():
    (payment,) = conditional_payments(OFFERS[OXFORDSHIRE], _two_years_from_april_2025(OXFORDSHIRE))
    assert not payment.left_out and payment.removed == 0
    assert payment.status.startswith("depends on: three years' post-qualifying experience; ")
    assert headline(OFFERS[OXFORDSHIRE], _two_years_from_april_2025(OXFORDSHIRE)) is None


def test_conditions_the_scenario_cannot_check_leave_the_payment_in():
    medway = OFFERS["medway-social-worker"]
    assert left_out(medway, Worker(0)) == {}
    (payment,) = conditional_payments(medway, Scenario(years=2, years_qualified=0))
    assert "achieving" in payment.status and not payment.left_out


def test_every_condition_and_benefit_in_the_data_cites_its_source():
    terms = [(o, path, term) for o in OFFERS.values() for path, term in sourced_terms(o)]
    assert len(terms) >= 40  # conditions and benefits were added to a dozen offers
    for found, path, term in terms:
        assert term.cite, f"{found.id} {path}"
        for citation in term.cite:
            assert citation.source in found.sources and citation.quote.strip()


def test_an_uncited_condition_in_a_data_file_names_the_field():
    text = """
offers:
  - id: x
    council: X Council
    role: Social worker
    role_group: social worker
    region: North West
    as_at: 2020-01-01
    salary: {top: {value: 30000, cite: [{source: s, quote: "£30,000"}]}}
    sources: {s: {publication: P, date: 2020-01-01}}
    components:
      - {kind: one_off, name: Hello, purpose: golden_hello,
         instalments: [{amount: {value: 1000, cite: [{source: s, quote: "£1,000"}]}}],
         conditions: [{kind: post_qualifying_experience, years: 2}]}
"""
    with pytest.raises(DataError, match=r"offer 'x', field 'components\.0\.conditions\.0'"):
        read_offers(text, origin="test.yaml", require_sources=True)


# ---- properties over any package

_CHECKABLE = st.one_of(
    st.builds(lambda y: {"kind": "post_qualifying_experience", "years": y}, st.integers(1, 6)),
    st.just({"kind": "newly_qualified", "rule": "excluded"}),
    st.sampled_from(["new starter", "staff in post"]).map(lambda w: {"kind": "joining", "only": w}),
    st.just({"kind": "not_returning", "internal_transfers": True}),
    st.just({"kind": "other", "about": "team", "text": "In the MASH team."}),
)


@st.composite
def conditional_offers(draw, reserved_for_newly_qualified: bool = False):
    """An offer whose payments carry random conditions (never 'only newly qualified',
    unless asked: those are the payments more experience takes away)."""
    package = draw(offers())
    pool = st.one_of(_CHECKABLE, st.just({"kind": "newly_qualified", "rule": "only"}))
    choose = pool if reserved_for_newly_qualified else _CHECKABLE
    components = [
        {**c.model_dump(exclude_defaults=True), "conditions": draw(st.lists(choose, max_size=2))}
        for c in package.components
    ]
    return offer(float(package.salary.top.value), *components)


@settings(max_examples=100, deadline=None)
@given(
    conditional_offers(),
    st.integers(0, 10),
    st.integers(0, 10),
    st.sampled_from(["new starter", "staff in post"]),
)
def test_more_years_qualified_never_removes_a_payment(package, fewer, more, joins_as):
    fewer, more = sorted((fewer, more))
    assert set(left_out(package, Worker(more, joins_as))) <= set(
        left_out(package, Worker(fewer, joins_as))
    )


def test_only_a_payment_reserved_for_the_newly_qualified_is_lost_with_experience():
    telford = OFFERS["telford-wrekin-newly-qualified-social-worker"]
    assert not never_narrows_with_experience(telford.components[0].conditions)
    assert left_out(telford, Worker(0)) == {}
    assert left_out(telford, Worker(1)) == {
        0: ("not for you: only for newly qualified social workers in their ASYE",)
    }
    for found in OFFERS.values():
        for index, component in enumerate(found.components):
            if never_narrows_with_experience((*component.conditions, *found.conditions)):
                assert index not in left_out(found, Worker(10)) or index in left_out(
                    found, Worker(0)
                )


@settings(max_examples=100, deadline=None)
@given(
    conditional_offers(reserved_for_newly_qualified=True),
    scenarios(),
    st.integers(0, 10),
    st.sampled_from(["new starter", "staff in post"]),
)
def test_leaving_out_a_payment_never_raises_a_total(package, scenario, years, joins_as):
    worker = scenario.model_copy(update={"years_qualified": years, "joins_as": joins_as})
    everything, filtered = compare([package], scenario), compare([package], worker)
    for measure in ("gross", "total_reward"):
        assert filtered[measure].sum() <= everything[measure].sum() + 1e-9
