"""The link's number limits are the scenario's own: a value the link accepts is one the
Scenario accepts, and the first value past either end is refused by both."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from incentives import sharing
from incentives.scenario import Scenario

# How a link parameter's value reaches its Scenario field, for the fields that need more
# than the value itself: a mapping by offer, or a horizon long enough to leave in.
_AS_FIELD = {
    "start_salary": lambda value: {"start_salary": {"an-offer": value}},
    "employer_pension_rate": lambda value: {"employer_pension_rate": {"an-offer": value}},
    "leave_after_months": lambda value: {"years": 10, "leave_after_months": value},
}
PARAMETERS = {
    param.key: param
    for param in (*sharing._NUMBERS.values(), sharing.AMOUNT, sharing.EMPLOYER_RATE)
}


def _scenario(field: str, value: Decimal | int) -> Scenario:
    fields = _AS_FIELD.get(field, lambda v: {field: v})(value)
    return Scenario(**fields)


def test_every_scenario_field_in_the_link_is_mapped():
    carried = {"years", "pay_award", "annual_step", "leave_after_months", "start_salary"}
    carried |= {"price_year", "inflation", "discount_rate", "pension", "employer_pension_rate"}
    carried |= {"future_pay_award", "years_qualified"}
    assert set(sharing.SCENARIO_FIELDS.values()) == carried


@pytest.mark.parametrize(("key", "field"), sorted(sharing.SCENARIO_FIELDS.items()))
def test_the_link_and_the_scenario_agree_on_each_limit(key, field):
    param = PARAMETERS[key]
    step = Decimal(1) if param.whole else Decimal("0.01")  # the finest value either takes
    low, high = Decimal(str(param.minimum)), Decimal(str(param.maximum))
    for inside in (low, high):
        value = int(inside) if param.whole else inside
        assert param.problem(str(value)) is None
        _scenario(field, value)  # accepted
    for outside in (low - step, high + step):
        value = int(outside) if param.whole else outside
        assert param.problem(str(value)) is not None
        with pytest.raises(ValidationError):
            _scenario(field, value)


def test_whole_number_fields_refuse_fractions_in_the_link():
    assert sharing.YEARS.problem("2.5") == "it must be a whole number"
    assert sharing.PAY_AWARD.problem("2.5") is None
