"""The dated data files: valid, referenced, and covering every year the app offers."""

from __future__ import annotations

import datetime as dt

import pytest

from incentives.catalog import DataError
from incentives.parameters import load_parameters
from incentives.uk_rules import REQUIRED, RULES_FILE, rule_book
from incentives.workforce import REQUIRED as WORKFORCE_REQUIRED
from incentives.workforce import WORKFORCE_FILE


@pytest.mark.parametrize(
    ("path", "required"),
    [(RULES_FILE, REQUIRED), (WORKFORCE_FILE, WORKFORCE_REQUIRED)],
    ids=["uk_rules", "workforce"],
)
def test_every_value_is_referenced_and_quoted_or_explained(path, required):
    rules = load_parameters(path, required)
    for name, parameter in rules.parameters.items():
        for when, value in parameter.values.items():
            assert value.ref, f"{name} on {when} has no reference"
            assert value.quote or value.note, f"{name} on {when} neither quotes nor explains"
            for ref in value.ref:
                assert str(rules.references[ref].url).startswith("http")


@pytest.mark.parametrize("year", range(2016, 2027))
def test_each_tax_year_has_its_rules(year):
    book = rule_book()
    assert book.tax_year(year).personal_allowance > 0
    for month in range(12):
        day = dt.date(year + (month + 3) // 12, (month + 3) % 12 + 1, 28)
        assert book.pay_period(day).primary_threshold > 0
    assert book.lgps_bands(year)[-1][0] is None


def test_a_broken_rules_file_names_the_parameter(tmp_path):
    broken = tmp_path / "uk_rules.yaml"
    text = RULES_FILE.read_text(encoding="utf-8")
    broken.write_text(text.replace("value: 672", "value: -672", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"national_insurance\.primary_threshold_monthly"):
        load_parameters(broken, REQUIRED)
