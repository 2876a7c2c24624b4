"""Data files written by hand: an impossible date typed without quotes, or a misspelt key, is
a DataError naming the file, the entry and the field, never a traceback or a silent default.

The texts are raw YAML, as a person types them: an unquoted 2017-02-30 would be a bare
ValueError from PyYAML's own date reading, which is what these tests guard against.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from incentives import DataError, read_offers
from incentives.parameters import load_parameters
from incentives.uk_rules import REQUIRED, RULES_FILE

PACKAGE = """\
sources:
  advert:
    publication: "Test Council social worker advert"
    date: {source_date}
offers:
  - id: test-offer
    council: Test Council
    role: Social worker
    role_group: social worker
    region: North West
    as_at: {as_at}
    checked: 2017-01-01
    open_to: new starters
    salary:
      top: {{value: 30000, cite: [{{source: advert, quote: "up to £30,000"}}]}}
    components:
      - kind: one_off
        name: Golden hello
        {purpose}: golden_hello
        instalments:
          - after_months: 0
            amount: {{value: 2000, cite: [{{source: advert, quote: "£2,000 golden hello"}}]}}
            clawback: {{{within}: 12}}
"""
GOOD = {
    "source_date": "2017-01-01",
    "as_at": "2017-01-01",
    "purpose": "purpose",
    "within": "within_months",
}


def package(**changes: str) -> str:
    return PACKAGE.format(**{**GOOD, **changes})


def refused(text: str) -> DataError:
    with pytest.raises(DataError) as caught:
        read_offers(text, origin="package.yaml", require_sources=True)
    return caught.value


def test_the_package_as_written_is_valid():
    offers = read_offers(package(), origin="package.yaml", require_sources=True)
    assert offers["test-offer"].components[0].instalments[0].clawback.within_months == 12


@pytest.mark.parametrize(
    ("as_at", "reason"),
    [("2017-02-30", "day value is outside expected range"), ("2017-13-01", "month value")],
)
def test_an_unquoted_impossible_date_names_the_offer_and_field(as_at, reason):
    error = refused(package(as_at=as_at))
    assert (error.file, error.offer, error.field) == ("package.yaml", "test-offer", "as_at")
    assert reason in error.problem


def test_an_unquoted_impossible_date_in_a_source_names_the_source():
    error = refused(package(source_date="2017-02-29"))  # 2017 is not a leap year
    assert (error.file, error.field) == ("package.yaml", "sources.advert.date")
    assert error.problem == (  # pydantic's own words: the field is known, its value is not
        "Input should be a valid date or datetime, day value is outside expected range"
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"within": "within_month"}, "components.0.instalments.0.clawback.within_month"),
        ({"purpose": "purpse"}, "components.0.purpse"),
    ],
)
def test_a_misspelt_key_is_named_as_not_a_known_field(change, field):
    error = refused(package(**change))
    assert (error.file, error.offer, error.field) == ("package.yaml", "test-offer", field)
    assert error.problem == "is not a known field"
    assert f"package.yaml, offer 'test-offer', field '{field}': is not a known field" == str(error)


def test_a_misspelt_top_level_key_of_an_offer_is_named():
    error = refused(package().replace("    salary:", "    salry:"))
    assert (error.offer, error.field) == ("test-offer", "salry")
    assert error.problem == "is not a known field"


# ---------------------------------------------------------------- the rules file


def rules_refused(tmp_path: Path, old: str, new: str) -> DataError:
    text = RULES_FILE.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "uk_rules.yaml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_parameters(broken, REQUIRED)
    assert caught.value.file == str(broken)
    return caught.value


def test_an_unquoted_impossible_date_a_rule_takes_effect_names_the_parameter(tmp_path):
    error = rules_refused(
        tmp_path, "      2017-04-06:\n        value: 680", "      2017-02-30:\n        value: 680"
    )
    assert error.field.startswith(
        "parameters.national_insurance.primary_threshold_monthly.values.2017-02-30"
    )
    assert "day value is outside expected range" in error.problem


def test_a_misspelt_key_in_a_rule_value_names_it(tmp_path):
    error = rules_refused(tmp_path, "value: 672", "valeu: 672")
    expected = "parameters.national_insurance.primary_threshold_monthly.values.2016-04-06.valeu"
    assert error.field == expected


def test_a_misspelt_parameter_name_is_a_missing_required_parameter(tmp_path):
    error = rules_refused(
        tmp_path, "  national_insurance.employer_rate:", "  national_insurance.employer_rte:"
    )
    assert error.field == "parameters.national_insurance.employer_rate"
    assert error.problem == "this parameter is required"


def test_an_impossible_reference_date_names_the_reference(tmp_path):
    error = rules_refused(tmp_path, "    date: 2016-02-17", "    date: 2016-02-30")
    assert error.field == "references.hmrc-rates-thresholds-2016.date"


def test_a_misspelt_key_of_a_source_is_named_rather_than_the_field_it_leaves_out():
    error = refused(package().replace("    publication:", "    publicaton:"))
    assert error.field == "sources.advert.publicaton"
    assert error.problem == "is not a known field"


def test_a_source_named_like_a_kind_of_payment_keeps_its_name_in_the_field():
    # "retention" is also a kind of component, whose name is dropped only after a list index
    text = (
        package()
        .replace("  advert:", "  retention:")
        .replace("source: advert", "source: retention")
    )
    error = refused(text.replace("    publication:", "    publicaton:"))
    assert error.field == "sources.retention.publicaton"


def test_a_citation_of_a_source_not_listed_is_refused_naming_it():
    cited = '{source: advert, quote: "up to £30,000"}'
    error = refused(package().replace(cited, cited.replace("advert", "elsewhere")))
    assert (error.offer, error.field) == ("test-offer", "salary.top.cite.0")
    assert error.problem == "cites source 'elsewhere', which is not listed under sources"


def test_an_offer_that_is_not_a_mapping_is_refused_naming_the_file_and_entry():
    error = refused("offers:\n  - 5\n")
    assert (error.file, error.field, error.problem) == (
        "package.yaml",
        "offers.0",
        "each offer should be a mapping",
    )


def test_an_offers_own_sources_as_a_list_are_refused_naming_the_file_offer_and_field():
    error = refused("offers:\n  - id: lone-offer\n    sources: [a, b]\n")
    assert (error.file, error.offer, error.field, error.problem) == (
        "package.yaml",
        "lone-offer",
        "sources",
        "'sources' should map ids to sources",
    )
    assert str(error) == (
        "package.yaml, offer 'lone-offer', field 'sources': 'sources' should map ids to sources"
    )


def test_a_rule_of_the_model_broken_is_refused_in_its_own_words():
    # A golden hello marked as qualifying relocation expenses breaks the model's own rule,
    # which pydantic reports as "Value error, ..."; the file's reader gives the rule alone.
    text = package().replace(
        "        instalments:\n",
        "        qualifying_relocation_expenses: true\n        instalments:\n",
    )
    error = refused(text)
    assert (error.offer, error.field) == ("test-offer", "components.0")
    assert error.problem == "qualifying_relocation_expenses applies only to purpose: relocation"


def test_an_id_used_twice_is_refused_naming_the_offer_and_field():
    text = package()
    first_offer = text[text.index("  - id: test-offer") :]
    error = refused(text + first_offer)
    assert str(error) == ("package.yaml, offer 'test-offer', field 'id': the same id is used twice")


def test_a_condition_without_a_source_is_refused_naming_it():
    # Conditions and benefits are cited as figures are: one without a source is named.
    uncited = (
        "        conditions:\n"
        '          - {kind: other, about: "in post on a date", text: "In post on 31 March."}\n'
    )
    error = refused(package().replace("        instalments:\n", uncited + "        instalments:\n"))
    assert (error.offer, error.field, error.problem) == (
        "test-offer",
        "components.0.conditions.0",
        "every figure needs a source (add 'cite')",
    )


def test_top_level_sources_that_are_not_a_mapping_are_refused_naming_the_file_and_field():
    text = package()
    error = refused("sources: [advert]\n" + text[text.index("offers:") :])
    assert str(error) == "package.yaml, field 'sources': 'sources' should map ids to sources"
