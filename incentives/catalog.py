"""Reading offers from YAML: the council data file, and packages users upload.

Both use the same schema (see the README), read with PyYAML's safe loader and validated by
the models in :mod:`incentives.model`. Whatever goes wrong comes back as one :class:`DataError`
naming the file, the offer and the field, so the app can show it and carry on.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from incentives.model import Figure, Offer
from incentives.sourced import Source, Sourced, sourced_terms

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
COUNCILS_FILE = DEFAULT_DATA_DIR / "councils.yaml"
_TOP_LEVEL_KEYS = {"sources", "offers"}
_COMPONENT_KINDS = {"supplement", "one_off", "retention"}


class DataError(ValueError):
    """A data file or package that cannot be used, with where the problem is."""

    def __init__(
        self, file: str, problem: str, *, offer: str | None = None, field: str | None = None
    ):
        self.file, self.problem, self.offer, self.field = file, problem, offer, field
        where = [file]
        if offer:
            where.append(f"offer '{offer}'")
        if field:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {problem}")


class _SafeLoader(yaml.SafeLoader):
    """``yaml.safe_load``'s loader, made stricter for text from outside.

    Dates stay text, so pydantic can name the field of an impossible date such as 2016-02-30
    (PyYAML would raise a bare ValueError); anchors and aliases are refused, because a few
    hundred bytes of nested aliases expand into billions of nodes for anything that walks them.
    """

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]  # stubs: untyped
            mark = event.start_mark  # (the pure-Python loader's own kind of mark)
            raise yaml.composer.ComposerError(
                None,
                None,
                "anchors and aliases (*name) are not accepted",
                mark if isinstance(mark, yaml.error.Mark) else None,
            )
        return super().compose_node(parent, index)


# Every implicit resolver of the safe loader but the timestamp one (set on the class, as PyYAML
# keeps them, after it is made)
_SafeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str, origin: str) -> object:
    """The plain data in a YAML text, or a DataError saying where it is broken."""
    try:
        return yaml.load(text, Loader=_SafeLoader)
    except yaml.reader.ReaderError as error:  # a character YAML forbids, such as a control code
        line = text.count("\n", 0, error.position) + 1
        column = error.position - text.rfind("\n", 0, error.position)
        raise DataError(
            origin,
            f"is not valid YAML at line {line}, column {column}: a special character "
            f"(#x{error.character:02X}) is not allowed",
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(error, "problem", None) or "not valid YAML"
        raise DataError(origin, f"is not valid YAML{where}: {reason}") from None
    except RecursionError:
        raise DataError(origin, "is nested too deeply to be a data file") from None


ModelT = TypeVar("ModelT", bound=BaseModel)


def load_model_file(path: Path, model: type[ModelT]) -> ModelT:
    """A data file read and validated as one ``model``; a problem names the file and the
    entry (the NJC pay and LGPS pension files are read this way)."""
    origin = path.name if path.parent == DEFAULT_DATA_DIR else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError(origin, f"cannot be read ({error})") from None
    try:
        return model.model_validate(parse_yaml(text, origin))
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or None
        raise DataError(origin, first["msg"].removeprefix("Value error, "), field=field) from None


def load_offers(path: str | Path | None = None) -> dict[str, Offer]:
    """Offers by id from a YAML file, by default ``data/councils.yaml``.

    Every figure in a data file must cite a source; :func:`read_offers` relaxes that for
    packages users build themselves.
    """
    path = Path(path) if path is not None else COUNCILS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(str(path), f"cannot be read ({error})") from error
    return read_offers(text, origin=_display_name(path), require_sources=True)


def read_offers(text: str, *, origin: str, require_sources: bool = False) -> dict[str, Offer]:
    """Validate the YAML text of a data file or package; ``origin`` names it in errors."""
    document = parse_yaml(text, origin)
    if not isinstance(document, dict):
        raise DataError(origin, "should be a mapping with 'sources' and 'offers'")
    unknown = sorted(str(key) for key in document if key not in _TOP_LEVEL_KEYS)
    if unknown:
        raise DataError(origin, f"unknown top-level key(s): {', '.join(unknown)}")

    sources = _read_sources(document.get("sources") or {}, origin)
    raw_offers = document.get("offers")
    if not isinstance(raw_offers, list) or not raw_offers:
        raise DataError(origin, "'offers' should be a non-empty list", field="offers")

    offers: dict[str, Offer] = {}
    for index, raw in enumerate(raw_offers):
        offer = _read_offer(raw, index, sources, origin)
        if offer.id in offers:
            raise DataError(origin, "the same id is used twice", offer=offer.id, field="id")
        check_citations(offer, origin, required=require_sources)
        if require_sources:
            check_dated(offer, origin)
        offers[offer.id] = offer
    if require_sources:
        check_superseded(offers, origin)
    return offers


DATA_FILE_FIELDS = ("as_at", "checked", "open_to")


def check_dated(offer: Offer, origin: str) -> None:
    """In the data file every offer says when it was published, when it was read, and for whom."""
    for name in DATA_FILE_FIELDS:
        if getattr(offer, name) is None:
            problem = "is required in the data file (see CONTRIBUTING.md)"
            raise DataError(origin, problem, offer=offer.id, field=name)


def check_superseded(offers: Mapping[str, Offer], origin: str) -> None:
    """In the data file, ``superseded_by`` names another offer of the same council, no older.

    Not checked in packages: an offer exported on its own keeps the id of its newer offer.
    """
    for offer in offers.values():
        newer_id = offer.superseded_by
        if newer_id is None:
            continue
        newer = offers.get(newer_id)
        problem = None
        if newer is None or newer_id == offer.id:
            problem = f"names '{newer_id}', which is not another offer in this file"
        elif newer.council != offer.council:
            problem = f"names '{newer_id}', an offer of {newer.council}, not of {offer.council}"
        elif newer.as_at and offer.as_at and newer.as_at < offer.as_at:
            problem = f"names '{newer_id}', which is older ({newer.as_at}) than this offer"
        if problem:
            raise DataError(origin, problem, offer=offer.id, field="superseded_by")


def _read_sources(raw: object, origin: str) -> dict[str, Source]:
    if not isinstance(raw, dict):
        raise DataError(origin, "'sources' should map ids to sources", field="sources")
    sources = {}
    for key, value in raw.items():
        try:
            sources[str(key)] = Source.model_validate(value)
        except ValidationError as error:
            first = _most_telling(error)
            field = _dotted(("sources", key, *first["loc"]))
            problem = "is not a known field" if first["type"] == "extra_forbidden" else first["msg"]
            raise DataError(origin, problem, field=field) from None
    return sources


def _read_offer(raw: object, index: int, sources: Mapping[str, Source], origin: str) -> Offer:
    if not isinstance(raw, dict):
        raise DataError(origin, "each offer should be a mapping", field=f"offers.{index}")
    name = str(raw.get("id") or f"offers.{index}")
    own_sources = raw.get("sources") or {}
    if not isinstance(own_sources, dict):
        raise DataError(origin, "'sources' should map ids to sources", offer=name, field="sources")
    cited = _cited_ids(raw)
    merged: dict[str, Any] = {key: value for key, value in sources.items() if key in cited}
    merged.update(own_sources)
    try:
        return Offer.model_validate({**raw, "sources": merged})
    except ValidationError as error:
        first = _most_telling(error)
        field = _dotted(first["loc"]) or None
        problem = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            problem = "is not a known field"
        raise DataError(origin, problem, offer=name, field=field) from None


def _most_telling(error: ValidationError) -> Any:
    """The error to report: a misspelt key explains the 'field required' that comes with it."""
    errors = error.errors()
    return next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])


def _cited_ids(node: object) -> set[str]:
    """Source ids named anywhere in an offer's citations."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "cite" and isinstance(value, list):
                found.update(str(c.get("source")) for c in value if isinstance(c, dict))
            elif key != "sources":
                found |= _cited_ids(value)
    elif isinstance(node, list):
        for item in node:
            found |= _cited_ids(item)
    return found


def check_citations(offer: Offer, origin: str, *, required: bool) -> None:
    """Each citation must name a listed source; in the data file, each figure, condition and
    benefit needs one."""
    terms: list[tuple[str, Figure | Sourced]] = [*offer.figures(), *sourced_terms(offer)]
    for path, term in terms:
        if required and not term.cite:
            raise DataError(
                origin, "every figure needs a source (add 'cite')", offer=offer.id, field=path
            )
        for number, citation in enumerate(term.cite):
            if citation.source not in offer.sources:
                problem = f"cites source '{citation.source}', which is not listed under sources"
                raise DataError(origin, problem, offer=offer.id, field=f"{path}.cite.{number}")


def _dotted(loc: tuple[Any, ...]) -> str:
    """A pydantic error location as a dotted path, without union tags such as 'supplement'."""
    parts = []
    for position, part in enumerate(loc):
        after_index = position > 0 and isinstance(loc[position - 1], int)
        if isinstance(part, str) and (
            (after_index and part in _COMPONENT_KINDS) or part.startswith(("function-", "decimal"))
        ):
            continue
        parts.append(str(part))
    return ".".join(parts)


def _display_name(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
