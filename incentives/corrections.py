"""Corrections to the council data suggested from the app: which figures changed, the source
given for each, and the YAML and steps to send them in (see CONTRIBUTING.md).

Every changed figure needs a source a reader can look up again: its publication, address, date
and the words quoted from it, as every figure in data/ has.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

import yaml
from pydantic import HttpUrl, ValidationError

from incentives import packages
from incentives.model import Offer
from incentives.pages.provenance import figure_name
from incentives.sourced import Frozen, Slug, Source, Text

Kind = Literal["correction", "new offer"]
ISSUE_TEMPLATE = "Data correction"  # the name of .github/ISSUE_TEMPLATE/data-correction.yml
SOURCE_FIELDS = {
    "publication": "Publication (title and publisher)",
    "url": "Address (https://...)",
    "date": "Date published (or read, for an undated page)",
    "quote": "The words it says, quoted",
}


class CorrectionSource(Frozen):
    """Where a changed figure comes from."""

    publication: Text
    url: HttpUrl
    date: dt.date
    quote: Text


class FigureChange(Frozen):
    """A figure as published and as suggested; None where there is none, or it is blank."""

    path: str
    name: str
    before: Decimal | None
    after: Decimal | None


class SourcedChange(FigureChange):
    source: CorrectionSource


class Correction(Frozen):
    kind: Kind
    offer_id: Slug
    council: Text
    changes: tuple[SourcedChange, ...]


def changed_figures(original: Offer | None, edited: Offer) -> tuple[FigureChange, ...]:
    """The figures ``edited`` gives differently from ``original`` (every figure it gives, for
    a new offer), in the edited offer's order, then those it no longer has."""
    before = {} if original is None else {p: f for p, f in original.figures()}
    after = dict(edited.figures())
    changes = []
    for path, figure in after.items():
        old = before.get(path)
        old_value = None if old is None else getattr(old, "value", None)
        new_value = getattr(figure, "value", None)
        if old_value != new_value or (old is None and new_value is not None):
            name = figure_name(edited, path)
            changes.append(FigureChange(path=path, name=name, before=old_value, after=new_value))
    for path, figure in before.items():
        if path not in after and original is not None:
            name = figure_name(original, path)
            old_value = getattr(figure, "value", None)
            changes.append(FigureChange(path=path, name=name, before=old_value, after=None))
    return tuple(c for c in changes if c.before is not None or c.after is not None)


def read_source(fields: Mapping[str, object]) -> CorrectionSource | dict[str, str]:
    """A source from the form's fields, or what is wrong, by field."""
    try:
        return CorrectionSource.model_validate(
            {k: v for k, v in fields.items() if v not in ("", None)}
        )
    except ValidationError as error:
        return {
            str(problem["loc"][0]): _plain_message(problem["type"], problem["msg"])
            for problem in error.errors()
        }


def _plain_message(kind: str, message: str) -> str:
    if kind == "missing":
        return "required"
    if kind.startswith("url"):
        return "give the full address, starting https://"
    return message


def correction(
    kind: Kind,
    edited: Offer,
    changes: tuple[FigureChange, ...],
    sources: Mapping[str, CorrectionSource],
) -> Correction:
    """The record of a correction; ``sources`` holds one for each change, by its path."""
    return Correction(
        kind=kind,
        offer_id=edited.id,
        council=edited.council,
        changes=tuple(
            SourcedChange(**dict(change), source=sources[change.path]) for change in changes
        ),
    )


def sourced_offer(edited: Offer, record: Correction) -> Offer:
    """``edited`` with each changed figure citing the source given for it, as the data file
    wants; one source entry per distinct publication, address and date."""
    data = edited.model_dump()
    keys: dict[tuple[str, str, dt.date], str] = {}
    added: dict[str, Source] = {}
    for change in record.changes:
        if change.after is None:
            continue  # a figure taken away: the record says why
        given = change.source
        found = (given.publication, str(given.url), given.date)
        if found not in keys:
            keys[found] = f"{record.offer_id}-suggested-{len(keys) + 1}"[:80]
            added[keys[found]] = Source(
                publication=given.publication, date=given.date, url=given.url
            )
        _at(data, change.path)["cite"] = [{"source": keys[found], "quote": given.quote}]
    data["sources"] = {**edited.sources, **added}
    return Offer.model_validate(data)


def _at(data: Any, path: str) -> dict[str, Any]:
    node = data
    for part in path.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def correction_yaml(edited: Offer, record: Correction) -> str:
    """What to send: the changes with their sources, then the offer as the data file has it."""
    changes = [
        {
            "figure": c.name,
            "path": c.path,
            "was": _number(c.before),
            "now": _number(c.after),
            "source": {**c.source.model_dump(mode="json")},
        }
        for c in record.changes
    ]
    summary = {
        "suggested": record.kind,
        "offer": record.offer_id,
        "council": record.council,
        "changes": changes,
    }
    header = (
        f"# A suggested {record.kind} to data/councils.yaml: check each source before merging.\n"
    )
    body = yaml.safe_dump({"suggestion": summary}, sort_keys=False, allow_unicode=True, width=100)
    return header + body + "---\n" + packages.to_yaml([sourced_offer(edited, record)])


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def file_name(record: Correction) -> str:
    return f"{record.offer_id}-{record.kind.replace(' ', '-')}.yaml"


def steps(record: Correction) -> str:
    """How to send the suggestion in, in steps a non-programmer can follow (CONTRIBUTING.md)."""
    what = "correction to" if record.kind == "correction" else "new offer for"
    return "\n".join(
        [
            f"1. Download the file below: your {what} {record.council}, with the source of "
            f"each of its {len(record.changes)} changed figures.",
            f"2. On the project's GitHub page, open a new issue and choose '{ISSUE_TEMPLATE}'. "
            "Say which council and offer, and what is wrong or new.",
            f"3. Attach the file (rename it to `{file_name(record)}.txt` if GitHub will not take "
            "`.yaml`), or paste its text into the issue.",
            "4. Or, if you know git: put the offer into `data/councils.yaml`, add a line to "
            "`data/CHANGELOG.md`, run `make check-data`, and open a pull request.",
            "5. Someone will read each source again before the change goes in.",
        ]
    )
