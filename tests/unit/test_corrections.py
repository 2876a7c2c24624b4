"""Suggested corrections: which figures changed, a full source for each, and what to send."""

from __future__ import annotations

import datetime as dt

import yaml

from incentives import corrections, drafts, load_offers
from incentives.catalog import check_citations

KIRKLEES = load_offers()["kirklees-social-worker"]
SOURCE = {
    "publication": "Kirklees Council jobs: Social worker",
    "url": "https://example.org/kirklees-social-worker",
    "date": dt.date(2026, 11, 2),
    "quote": "up to £36,000",
}


def edited_top(value: float):
    draft = drafts.from_offer(KIRKLEES, 1)
    draft = draft.model_copy(update={"top": drafts.Entry(value=value, original=draft.top.original)})
    offer = drafts.to_offer(draft).offer
    assert offer is not None
    return offer


def test_only_the_figure_changed_counts_as_changed():
    [change] = corrections.changed_figures(KIRKLEES, edited_top(36_000))
    assert (change.path, change.name) == ("salary.top", "Salary, top of the scale")
    assert (change.before, change.after) == (35_696, 36_000)
    assert corrections.changed_figures(KIRKLEES, edited_top(35_696)) == ()


def test_every_figure_of_a_new_offer_is_a_change():
    changes = corrections.changed_figures(None, KIRKLEES)
    published = [path for path, figure in KIRKLEES.figures() if figure.published]
    assert [c.path for c in changes] == published
    assert all(c.before is None for c in changes)


def test_a_source_needs_its_publication_address_date_and_quoted_words():
    assert isinstance(corrections.read_source(SOURCE), corrections.CorrectionSource)
    problems = corrections.read_source({**SOURCE, "publication": "", "url": "example.org"})
    assert problems == {
        "publication": "required",
        "url": "give the full address, starting https://",
    }
    assert set(corrections.read_source({})) == {"publication", "url", "date", "quote"}


def test_the_yaml_cites_the_new_source_on_the_changed_figure_and_passes_the_data_rules():
    edited = edited_top(36_000)
    changes = corrections.changed_figures(KIRKLEES, edited)
    source = corrections.read_source(SOURCE)
    assert isinstance(source, corrections.CorrectionSource)
    record = corrections.correction("correction", edited, changes, {"salary.top": source})
    sourced = corrections.sourced_offer(edited, record)
    [cite] = sourced.salary.top.cite
    assert cite.quote == "up to £36,000"
    assert sourced.sources[cite.source].url is not None
    check_citations(sourced, "the suggestion", required=True)  # every figure cited
    summary, offers = yaml.safe_load_all(corrections.correction_yaml(edited, record))
    [change] = summary["suggestion"]["changes"]
    assert (change["was"], change["now"]) == (35_696, 36_000)
    assert offers["offers"][0]["salary"]["top"]["value"] == 36_000


def test_the_steps_name_the_issue_template_and_the_data_check():
    record = corrections.Correction(
        kind="new offer", offer_id="kirklees-social-worker", council="Kirklees", changes=()
    )
    text = corrections.steps(record)
    assert "'Data correction'" in text and "make check-data" in text
    assert "kirklees-social-worker-new-offer.yaml.txt" in text
