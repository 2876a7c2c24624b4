"""make check-data: it passes on the data and fails, saying where, on each kind of broken file."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from incentives import load_offers
from incentives.catalog import DEFAULT_DATA_DIR
from incentives.check_data import check_data, main, render

TODAY = dt.date(2026, 12, 1)
Document = dict[str, Any]


def _data_copy(tmp_path: Path, edit: Callable[[Document], None] | None = None) -> Path:
    """A copy of data/ with the councils file edited by ``edit`` (its YAML re-dumped)."""
    for path in DEFAULT_DATA_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    if edit is not None:
        councils = tmp_path / "councils.yaml"
        document = yaml.safe_load(councils.read_text(encoding="utf-8"))
        edit(document)
        councils.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return tmp_path


def _offer(document: Document, offer_id: str) -> Document:
    return next(offer for offer in document["offers"] if offer["id"] == offer_id)


def test_the_data_passes():
    report = check_data(DEFAULT_DATA_DIR, TODAY)
    assert report.passed, report.errors
    assert [line.split(":")[0] for line in report.checked] == [
        "councils.yaml",
        "lgps_pension.yaml",
        "njc_pay.yaml",
        "prices.yaml",
        "uk_rules.yaml",
        "workforce.yaml",
    ]


def test_the_data_has_at_least_36_councils_and_10_offers_dated_since_december_2023():
    offers = load_offers().values()
    assert len({offer.council for offer in offers}) >= 36
    assert (
        sum(offer.as_at is not None and offer.as_at >= dt.date(2023, 12, 1) for offer in offers)
        >= 10
    )


def _delete_field(offer_id: str, name: str) -> Callable[[Document], None]:
    return lambda document: _offer(document, offer_id).pop(name)


def _set_field(offer_id: str, name: str, value: object) -> Callable[[Document], None]:
    return lambda document: _offer(document, offer_id).__setitem__(name, value)


def _uncite_salary(document: Document) -> None:
    del _offer(document, "kirklees-social-worker")["salary"]["top"]["cite"]


BROKEN = [
    # (what is broken, the edit, the offer and field the error must name)
    (
        "unknown field",
        _set_field("leeds-social-worker", "open_too", "anyone"),
        "leeds-social-worker",
        "open_too",
    ),
    ("uncited figure", _uncite_salary, "kirklees-social-worker", "salary.top"),
    (
        "missing as_at",
        _delete_field("kirklees-social-worker", "as_at"),
        "kirklees-social-worker",
        "as_at",
    ),
    (
        "as_at null",
        _set_field("kirklees-social-worker", "as_at", None),
        "kirklees-social-worker",
        "as_at",
    ),
    (
        "missing checked",
        _delete_field("leeds-social-worker", "checked"),
        "leeds-social-worker",
        "checked",
    ),
    (
        "missing open_to",
        _delete_field("leeds-social-worker", "open_to"),
        "leeds-social-worker",
        "open_to",
    ),
    (
        "superseded_by pointing nowhere",
        _set_field("medway-social-worker", "superseded_by", "medway-nowhere"),
        "medway-social-worker",
        "superseded_by",
    ),
    (
        "superseded_by naming another council's offer",
        _set_field("medway-social-worker", "superseded_by", "kent-social-worker"),
        "medway-social-worker",
        "superseded_by",
    ),
    (
        "superseded_by naming an older offer",
        _set_field("cumbria-social-worker-2019", "superseded_by", "cumbria-social-worker"),
        "cumbria-social-worker-2019",
        "superseded_by",
    ),
    (
        "open_to not one of the three",
        _set_field("leeds-social-worker", "open_to", "everyone"),
        "leeds-social-worker",
        "open_to",
    ),
]


@pytest.mark.parametrize(("broken", "edit", "offer", "field"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_councils_file_fails_naming_file_offer_and_field(
    tmp_path, broken, edit, offer, field
):
    report = check_data(_data_copy(tmp_path, edit), TODAY)
    assert not report.passed
    [error] = report.errors
    assert "councils.yaml" in error
    assert f"offer '{offer}'" in error
    assert f"field '{field}'" in error


def test_a_councils_file_that_is_not_yaml_fails_with_its_line(tmp_path):
    data = _data_copy(tmp_path)
    (data / "councils.yaml").write_text("offers: [\n  - id: x\n", encoding="utf-8")
    [error] = check_data(data, TODAY).errors
    assert "councils.yaml" in error and "not valid YAML at line" in error


def test_a_broken_parameter_file_fails_naming_file_and_parameter(tmp_path):
    data = _data_copy(tmp_path)
    rules = yaml.safe_load((data / "prices.yaml").read_text(encoding="utf-8"))
    del rules["parameters"]["cpi.annual_rate"]
    (data / "prices.yaml").write_text(yaml.safe_dump(rules), encoding="utf-8")
    [error] = check_data(data, TODAY).errors
    assert "prices.yaml" in error and "parameters.cpi.annual_rate" in error


def test_a_yaml_file_no_loader_reads_fails(tmp_path):
    data = _data_copy(tmp_path)
    (data / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    [error] = check_data(data, TODAY).errors
    assert "notes.yaml" in error and "no loader" in error


def test_a_missing_offers_file_fails(tmp_path):
    data = _data_copy(tmp_path)
    (data / "councils.yaml").unlink()
    [error] = check_data(data, TODAY).errors
    assert "offers file is missing" in error


def test_offers_over_three_years_old_are_listed_with_their_status():
    report = check_data(DEFAULT_DATA_DIR, TODAY)
    assert "kirklees-social-worker (2016-11-29, historical)" in report.old
    assert "medway-social-worker (2018-04-01, superseded)" in report.old
    assert not any(line.startswith("milton-keynes-social-worker ") for line in report.old)


def test_offers_are_listed_for_reading_again_once_a_year_has_passed():
    # Kirklees was last read on 2026-11-22: 365 days later is 2027-11-22, still within the year.
    on_the_day = check_data(DEFAULT_DATA_DIR, dt.date(2027, 11, 22))
    assert not on_the_day.unchecked
    day_after = check_data(DEFAULT_DATA_DIR, dt.date(2027, 11, 23))
    assert "kirklees-social-worker (last read 2026-11-22)" in day_after.unchecked
    assert day_after.passed  # listed, not failed


def test_the_command_exits_non_zero_on_an_error_and_prints_where(tmp_path, capsys):
    data = _data_copy(tmp_path, _uncite_salary)
    assert main(["--data", str(data), "--today", "2026-12-01"]) == 1
    printed = capsys.readouterr().out
    assert "offer 'kirklees-social-worker'" in printed and "check-data: FAILED" in printed


def test_the_command_exits_zero_on_the_data(capsys):
    assert main(["--today", "2026-12-01"]) == 0
    assert capsys.readouterr().out.endswith("check-data: passed\n")


def test_the_report_says_what_passed():
    text = render(check_data(DEFAULT_DATA_DIR, TODAY))
    assert "councils.yaml: " in text and "councils (" in text and "valid" in text
