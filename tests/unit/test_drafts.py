"""The editor's drafts: offers into drafts and back, sources kept or dropped, problems named."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import get_args

import pytest

from incentives import load_offers
from incentives.draft_text import MONTHS_PROBLEM, NUMBERS_PROBLEM, read_months, read_numbers
from incentives.drafts import (
    Entry,
    InstalmentDraft,
    Kind,
    OneOffDraft,
    PackageDraft,
    RetentionDraft,
    Sum,
    SupplementDraft,
    blank,
    chosen_pensionable,
    default_pensionable,
    from_offer,
    to_offer,
    with_new_payment,
    without_payment,
)
from incentives.model import Money, NjcGrade, OneOff, Retention, Supplement
from incentives.vocabulary import PURPOSES

OFFERS = load_offers()
KIRKLEES = OFFERS["kirklees-social-worker"]  # top £35,696; a supplement, then a golden hello
ROTHERHAM = OFFERS["rotherham-social-worker"]  # its relocation package's amount is unpublished


def _payment(draft: PackageDraft, index: int, **changes: object) -> PackageDraft:
    payments = list(draft.payments)
    payments[index] = payments[index].model_copy(update=changes)
    return draft.model_copy(update={"payments": tuple(payments)})


@pytest.mark.parametrize("offer_id", sorted(OFFERS))
def test_every_offer_read_into_a_draft_comes_back_unchanged(offer_id):
    assert to_offer(from_offer(OFFERS[offer_id], generation=1)).offer == OFFERS[offer_id]


def test_a_changed_figure_drops_its_sources_and_the_others_keep_theirs():
    draft = from_offer(KIRKLEES, generation=1)
    offer = to_offer(draft.model_copy(update={"top": Entry(value=40_000.0)})).offer
    assert offer is not None
    assert offer.salary.top.value == 40_000 and offer.salary.top.cite == ()
    assert offer.components == KIRKLEES.components  # sources and all


def test_a_figure_typed_within_half_a_penny_is_still_the_published_one():
    published = KIRKLEES.salary.top  # £35,696
    within = Entry(value=35_696.004, original=published)
    assert within.data() is published
    assert Entry(value=35_696.01, original=published).data() == {"value": 35_696.01}


def test_an_unpublished_sum_left_blank_stays_unpublished_with_its_words():
    draft = from_offer(ROTHERHAM, generation=1)
    relocation = draft.payments[2]
    assert isinstance(relocation, OneOffDraft)
    assert relocation.instalments[0].pay.amount.value is None
    offer = to_offer(draft).offer
    assert offer is not None
    assert offer.components[2] == ROTHERHAM.components[2]
    assert offer.unpublished() == ["components.2.instalments.0.amount"]


def test_a_new_blank_instalment_is_named_as_the_field_at_fault():
    draft = from_offer(KIRKLEES, generation=1)
    hello = draft.payments[1]
    assert isinstance(hello, OneOffDraft)
    rows = (*hello.instalments, InstalmentDraft(after_months=6, pay=Sum()))
    problems = to_offer(_payment(draft, 1, instalments=rows)).problems
    assert problems == {
        "components.1.instalments.1": ("give exactly one of amount or percent_of_basic",)
    }


def test_a_blank_council_is_named_as_the_field_at_fault():
    checked = to_offer(from_offer(KIRKLEES, generation=1).model_copy(update={"council": " "}))
    assert checked.offer is None
    [message] = checked.problems["council"]
    assert "at least 1 character" in message


def test_scale_points_that_are_not_numbers_are_named_before_anything_is_validated():
    draft = blank(generation=1).model_copy(update={"points_text": "30k, 31000", "council": ""})
    assert to_offer(draft).problems == {"salary.points_below_top": (NUMBERS_PROBLEM,)}


def test_a_scale_point_typed_keeps_the_sources_of_the_published_point_of_that_value():
    cited = Money(value=Decimal(33_000), cite=KIRKLEES.salary.top.cite)
    salary = KIRKLEES.salary.model_copy(update={"points_below_top": (cited,)})
    draft = from_offer(KIRKLEES.model_copy(update={"salary": salary}), generation=1)
    assert draft.points_text == "33000"
    offer = to_offer(draft.model_copy(update={"points_text": "£32000, 33000"})).offer
    assert offer is not None
    new, kept = offer.salary.points_below_top
    assert (new.value, new.cite) == (Decimal(32_000), ())
    assert (kept.value, kept.cite) == (Decimal(33_000), KIRKLEES.salary.top.cite)


def test_retention_months_must_be_whole_and_are_named_by_the_payment():
    draft = with_new_payment(blank(generation=1), "retention")
    draft = _payment(draft, 0, schedule="at_months", months_text="12, 6.5")
    assert to_offer(draft).problems == {"components.0": (MONTHS_PROBLEM,)}
    offer = to_offer(_payment(draft, 0, months_text="12, 24")).offer
    assert offer is not None
    [retention] = offer.components
    assert isinstance(retention, Retention)
    assert retention.at_months == (12, 24) and retention.every_months is None


def test_qualifying_months_count_only_for_calendar_months():
    draft = with_new_payment(blank(generation=1), "retention")
    draft = _payment(draft, 0, schedule="at_months", months_text="12", qualifying_months=6)
    offer = to_offer(draft).offer
    assert offer is not None and offer.components[0].qualifying_months == 0  # type: ignore[union-attr]
    medway = OFFERS["medway-social-worker"]  # paid each April once 12 months have been served
    assert to_offer(from_offer(medway, generation=1)).offer == medway


def test_a_supplement_stated_as_a_percentage_becomes_one():
    draft = with_new_payment(blank(generation=1), "supplement")
    draft = _payment(draft, 0, stated="percent_of_basic", pay=Entry(value=5.0))
    offer = to_offer(draft).offer
    assert offer is not None
    [supplement] = offer.components
    assert isinstance(supplement, Supplement)
    assert supplement.amount is None and supplement.percent_of_basic is not None
    assert supplement.percent_of_basic.value == 5


def test_new_payments_start_with_round_figures_and_the_models_defaults():
    draft = blank(generation=1)
    for kind in get_args(Kind):
        draft = with_new_payment(draft, kind)
    offer = to_offer(draft).offer
    assert offer is not None
    supplement, hello, retention = offer.components
    assert isinstance(supplement, Supplement) and supplement.amount is not None
    assert supplement.amount.value == 1_000 and supplement.pensionable
    assert isinstance(hello, OneOff) and hello.purpose == "golden_hello"
    assert hello.instalments[0].after_months == 0 and hello.pensionable is None
    assert isinstance(retention, Retention) and retention.every_months == 12
    assert not retention.pensionable


def test_payment_ids_are_never_reused_in_a_draft():
    draft = with_new_payment(with_new_payment(blank(generation=1), "supplement"), "one_off")
    draft = with_new_payment(without_payment(draft, 2), "retention")
    assert [p.uid for p in draft.payments] == [1, 3]
    assert isinstance(draft.payments[1], RetentionDraft)


def test_the_kinds_and_purposes_are_the_models_own():
    kinds = {
        get_args(m.model_fields["kind"].annotation)[0] for m in (Supplement, OneOff, Retention)
    }
    assert set(get_args(Kind)) == kinds
    assert get_args(OneOff.model_fields["purpose"].annotation) == PURPOSES


@pytest.mark.parametrize(
    ("purpose", "pensionable"),
    [("golden_hello", True), ("relocation", False), ("retention", False), ("other", True)],
)
def test_a_one_off_payments_default_pensionability_is_the_models(purpose, pensionable):
    # LGPS pensionable pay excludes an inducement not to leave, and expenses
    assert default_pensionable(purpose) is pensionable


def test_the_pensionable_box_is_recorded_only_where_it_departs_from_the_default():
    hello = OneOffDraft(uid=1, name="Hello", purpose="golden_hello", instalments=())
    assert chosen_pensionable(hello, "golden_hello", ticked=True) is None
    assert chosen_pensionable(hello, "golden_hello", ticked=False) is False
    assert chosen_pensionable(hello, "relocation", ticked=True) is True
    said = hello.model_copy(update={"pensionable": True})
    assert chosen_pensionable(said, "golden_hello", ticked=True) is True


def test_numbers_are_read_from_text_with_pound_signs_and_spaces():
    assert read_numbers(" £31000, 32000.5 ,") == [31_000, 32_000.5]
    assert read_numbers("31000; 32000") is None
    assert read_months("6, 12") == (6, 12)
    assert read_months("6.5") is None


def test_drafts_reject_misspelt_fields():
    with pytest.raises(ValueError, match="extra"):
        SupplementDraft(uid=1, name="x", pay=Entry(), pensionble=False)  # type: ignore[call-arg]


def _on_points(**grade: object) -> PackageDraft:
    """A blank package dated June 2025 with its top left blank and the grade as NJC points."""
    return blank(generation=1).model_copy(
        update={"as_at": dt.date(2025, 6, 1), "top": Entry(), **grade}
    )


def test_a_grade_typed_as_njc_points_takes_its_top_from_the_spine():
    offer = to_offer(_on_points(njc_lowest=29, njc_highest=32)).offer
    assert offer is not None
    assert offer.salary.njc_points == NjcGrade(lowest=29, highest=32, increments="april")
    # SCP 32 in 2025/26: £41,511 (Hertfordshire's 2024/25 table) × 1.032 = £42,839.35,
    # rounded half up to whole pounds as the NJC's tables are: £42,839
    assert offer.salary.top.value == Decimal(42_839)


def test_a_draft_on_njc_points_comes_back_unchanged():
    typed = to_offer(_on_points(njc_lowest=29, njc_highest=32, njc_increments="anniversary"))
    assert typed.offer is not None
    draft = from_offer(typed.offer, generation=2)
    assert (draft.njc_lowest, draft.njc_highest, draft.njc_increments) == (29, 32, "anniversary")
    assert to_offer(draft).offer == typed.offer


def test_njc_points_are_checked_by_the_model_and_named_as_the_field_at_fault():
    problems = to_offer(_on_points(njc_lowest=32, njc_highest=29)).problems
    assert problems == {"salary.njc_points": ("highest must not be below lowest",)}
    only_highest = to_offer(_on_points(njc_highest=32)).problems
    assert list(only_highest) == ["salary.njc_points.lowest"]
    late = to_offer(_on_points(njc_lowest=29, njc_highest=44)).problems  # the spine ends at 43
    assert "SCP 44" in " ".join(late[""])


def test_a_top_in_pounds_must_agree_with_the_highest_njc_point():
    draft = _on_points(njc_lowest=29, njc_highest=32, top=Entry(value=40_000.0))
    [message] = to_offer(draft).problems[""]
    assert message.endswith("is not SCP 32 on 01 June 2025 (£42,839)")
