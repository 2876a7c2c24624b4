"""The council data file: it validates, every figure is sourced, and broken copies say where."""

from __future__ import annotations

import pytest
import yaml

from incentives import DataError, load_offers, read_offers
from incentives.catalog import COUNCILS_FILE

GOOD = COUNCILS_FILE.read_text(encoding="utf-8")


def test_the_source_articles_offers_are_present():
    offers = load_offers()
    assert {"kirklees-social-worker", "kirklees-team-manager", "rotherham-social-worker"} <= set(
        offers
    )
    assert offers["kirklees-social-worker"].salary.top.value == 35_696
    assert offers["rotherham-social-worker"].salary.top.value == 38_720


def test_every_figure_cites_a_source_with_quoted_words():
    for offer in load_offers().values():
        for path, figure in offer.figures():
            assert figure.cite, f"{offer.id} {path} has no source"
            for citation in figure.cite:
                source = offer.sources[citation.source]
                assert citation.quote.strip() and source.publication and source.date


def test_unpublished_figures_are_kept_as_not_published():
    offers = load_offers()
    assert offers["kirklees-team-manager"].unpublished() == ["salary.top"]
    assert offers["rotherham-social-worker"].unpublished() == ["components.2.instalments.0.amount"]


def _with(offer_index: int, path: str, value: object) -> str:
    """The data file with one field of one offer set to ``value`` (``DELETE`` removes it)."""
    document = yaml.safe_load(GOOD)
    node = document["offers"][offer_index]
    *parents, last = path.split(".")
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if value is DELETE:
        del node[last]
    else:
        node[last] = value
    return yaml.safe_dump(document, allow_unicode=True)


DELETE = object()
KIRKLEES, MANAGER, ROTHERHAM = 0, 1, 2
BROKEN = [
    # (offer, field set, to what, the offer and field the error must name)
    (
        KIRKLEES,
        "components.0.amount.value",
        -1500,
        "kirklees-social-worker",
        "components.0.amount.value",
    ),
    (
        ROTHERHAM,
        "components.0.percent_of_basic.value",
        105,
        "rotherham-social-worker",
        "components.0.percent_of_basic.value",
    ),
    (KIRKLEES, "as_at", "2016-02-30", "kirklees-social-worker", "as_at"),
    (KIRKLEES, "components.1.nme", "Golden hello", "kirklees-social-worker", "components.1.nme"),
    (MANAGER, "id", "kirklees-social-worker", "kirklees-social-worker", "id"),
    (ROTHERHAM, "salary.top.value", "lots", "rotherham-social-worker", "salary.top.value"),
    (
        ROTHERHAM,
        "components.0.percent_of_basic.cite.1.source",
        "nowhere",
        "rotherham-social-worker",
        "components.0.percent_of_basic.cite.1",
    ),
    (ROTHERHAM, "components.1.at_months", [6], "rotherham-social-worker", "components.1"),
    (ROTHERHAM, "region", "Yorkshire", "rotherham-social-worker", "region"),
    (
        KIRKLEES,
        "components.1.instalments.0.after_months",
        -1,
        "kirklees-social-worker",
        "components.1.instalments.0.after_months",
    ),
    (KIRKLEES, "salary.top.cite", DELETE, "kirklees-social-worker", "salary.top"),
]


@pytest.mark.parametrize(("index", "path", "value", "offer", "field"), BROKEN)
def test_a_broken_file_names_the_offer_and_field(index, path, value, offer, field):
    with pytest.raises(DataError) as caught:
        read_offers(_with(index, path, value), origin="councils.yaml", require_sources=True)
    error = caught.value
    assert error.file == "councils.yaml"
    assert error.offer == offer
    assert error.field == field
    assert f"offer '{offer}'" in str(error) and f"field '{field}'" in str(error)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("offers: [", "not valid YAML at line"),
        ("- just a list", "should be a mapping"),
        ("offers: []", "non-empty list"),
        ("sources: {}\noffers:\n  - id: x\nextra: 1", "unknown top-level key"),
        ("a: &x [1]\nb: *x", "aliases"),
        ("!!python/object/apply:os.system ['true']", "not valid YAML"),
    ],
)
def test_text_that_is_not_a_data_file_is_a_data_error(text, problem):
    with pytest.raises(DataError, match=problem):
        read_offers(text, origin="upload.yaml")


def test_a_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="cannot be read"):
        load_offers(tmp_path / "nowhere.yaml")
