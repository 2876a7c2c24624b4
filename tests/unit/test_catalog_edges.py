"""Reading data files at the edges: how a file is named in an error, an offer superseded by
one published the same day, and the words for YAML text that is no data file."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import BaseModel, ConfigDict, field_validator

from incentives import DataError, load_offers, read_offers
from incentives.catalog import (
    DEFAULT_DATA_DIR,
    check_citations,
    check_dated,
    check_superseded,
    load_model_file,
)
from tests.builders import offer


class _Count(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    count: int

    @field_validator("count")
    @classmethod
    def _even(cls, value: int) -> int:
        if value % 2:
            raise ValueError("should be even")
        return value


def test_a_file_in_the_data_folder_is_named_by_its_name_alone():
    with pytest.raises(DataError) as caught:
        load_model_file(DEFAULT_DATA_DIR / "no-such-file.yaml", _Count)
    assert caught.value.file == "no-such-file.yaml"
    assert caught.value.problem.startswith("cannot be read")


def test_a_file_elsewhere_is_named_by_its_whole_path(tmp_path):
    path = tmp_path / "count.yaml"
    path.write_text("count: many\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_model_file(path, _Count)
    assert (caught.value.file, caught.value.field) == (str(path), "count")


def test_an_offer_may_be_superseded_by_one_published_the_same_day():
    day = dt.date(2024, 4, 1)
    newer = offer(30_000).model_copy(update={"id": "test-offer-new", "as_at": day})
    older = offer(29_000).model_copy(update={"as_at": day, "superseded_by": "test-offer-new"})
    check_superseded({older.id: older, newer.id: newer}, "councils.yaml")  # no error
    a_day_older = newer.model_copy(update={"as_at": day - dt.timedelta(days=1)})
    with pytest.raises(DataError, match="which is older"):
        check_superseded({older.id: older, newer.id: a_day_older}, "councils.yaml")


def test_a_file_that_is_not_yaml_is_named_by_its_whole_path(tmp_path):
    path = tmp_path / "count.yaml"
    path.write_text("count: [1\n", encoding="utf-8")  # a list never closed
    with pytest.raises(DataError) as caught:
        load_model_file(path, _Count)
    assert caught.value.file == str(path)
    assert caught.value.problem.startswith("is not valid YAML")


def test_a_rule_of_the_model_is_given_in_its_own_words(tmp_path):
    # pydantic writes "Value error, should be even"; the file's reader drops its prefix
    path = tmp_path / "count.yaml"
    path.write_text("count: 3\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_model_file(path, _Count)
    assert (caught.value.field, caught.value.problem) == ("count", "should be even")


def test_a_councils_file_that_cannot_be_read_is_named_by_its_path(tmp_path):
    path = tmp_path / "councils.yaml"
    with pytest.raises(DataError) as caught:
        load_offers(path)
    assert caught.value.file == str(path)
    assert caught.value.problem.startswith("cannot be read")


def test_an_offer_in_the_data_file_must_say_when_it_was_checked():
    # The test offer is dated (as_at) but its sources were never read (checked is None)
    with pytest.raises(DataError) as caught:
        check_dated(offer(30_000), "councils.yaml")
    assert (caught.value.offer, caught.value.field) == ("test-offer", "checked")
    assert caught.value.problem == "is required in the data file (see CONTRIBUTING.md)"


def test_a_figure_of_the_data_file_without_a_source_is_refused_in_words():
    # The test offer's salary is given with no citation
    with pytest.raises(DataError) as caught:
        check_citations(offer(30_000), "councils.yaml", required=True)
    assert (caught.value.field, caught.value.problem) == (
        "salary.top",
        "every figure needs a source (add 'cite')",
    )


def upload_refused(text: str) -> DataError:
    """The error reading ``text`` as an uploaded package gives."""
    with pytest.raises(DataError) as caught:
        read_offers(text, origin="upload.yaml")
    return caught.value


def test_an_alias_is_refused_naming_where_it_is():
    # "b: *x" is line 2; its alias starts after "b: ", in column 4.
    error = upload_refused("a: &x [1]\nb: *x")
    assert error.problem == (
        "is not valid YAML at line 2, column 4: anchors and aliases (*name) are not accepted"
    )


def test_yaml_nested_too_deeply_is_refused_naming_the_file():
    # 3,000 lists inside each other: the composer recurses once a level, past Python's limit.
    error = upload_refused("a: " + "[" * 3_000 + "]" * 3_000)
    assert (error.file, error.problem) == (
        "upload.yaml",
        "is nested too deeply to be a data file",
    )
    assert str(error) == "upload.yaml: is nested too deeply to be a data file"


def test_a_document_that_is_not_a_mapping_is_told_what_it_should_hold():
    error = upload_refused("- just a list")
    assert str(error) == "upload.yaml: should be a mapping with 'sources' and 'offers'"


def test_unknown_top_level_keys_are_each_named_in_order():
    error = upload_refused("sources: {}\noffers: []\nmore: 2\nextra: 1")
    assert str(error) == "upload.yaml: unknown top-level key(s): extra, more"


def test_an_empty_list_of_offers_is_refused_naming_the_field():
    error = upload_refused("offers: []")
    assert (error.field, error.problem) == (
        "offers",
        "'offers' should be a non-empty list",
    )


@pytest.mark.parametrize(
    ("text", "line", "column", "character"),
    [
        # "offers:\n" is characters 0-7 and "  - id: a" 8-16, so the bell (#x07) is
        # character 17: line 2, column 17 - 8 + 1 = 10 (two line breaks follow it, so
        # counting those instead would say line 3).
        ("offers:\n  - id: a\x07b\n    council: C\n", 2, 10, "07"),
        # No line break before it: column = position + 1 = 2 + 1 = 3.
        ("ab\x1bc", 1, 3, "1B"),
        # Breaks at characters 0 and 1 end lines 1 and 2; #x1B is character 4, on line 3, its
        # column counted from the last break before it: 4 - 1 = 3.
        ("\n\nab\x1bc", 3, 3, "1B"),
    ],
)
def test_a_character_yaml_forbids_is_named_with_its_line_and_column(text, line, column, character):
    error = upload_refused(text)
    assert error.problem == (
        f"is not valid YAML at line {line}, column {column}: a special character "
        f"(#x{character}) is not allowed"
    )
