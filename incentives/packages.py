"""Packages users build: as YAML files in the data file's schema, and inside share links.

Everything read here comes from outside (an upload, a link), so it is bounded in size before
it is parsed, parsed without executing anything (the YAML safe loader; JSON), and validated
by the same models as the council data. Whatever is wrong comes back as a notice naming what
could not be read; nothing here raises on bad input.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml
from pydantic import ValidationError

from incentives.catalog import DataError, check_citations, read_offers
from incentives.model import Offer
from incentives.sharing import safe_excerpt

MAX_UPLOAD_BYTES = 100_000
MAX_LINK_CHARACTERS = 12_000  # of encoded packages in one link
MAX_UNPACKED_BYTES = 200_000  # a link's packages once decompressed
MAX_PACKAGES = 8
YOURS = "yours-"


@dataclass(frozen=True)
class Unpacked:
    """Packages read from outside, and a notice for each thing that could not be read."""

    offers: list[Offer] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def to_yaml(offers: Iterable[Offer]) -> str:
    """A file of packages in the schema of ``data/councils.yaml``: sources first, then offers."""
    sources: dict[str, Any] = {}
    documents = []
    for offer in offers:
        documents.append(_plain(offer.model_dump(exclude_defaults=True, exclude={"sources"})))
        for key, source in offer.sources.items():
            sources[key] = _plain(source.model_dump(exclude_none=True))
    document = {"sources": sources, "offers": documents} if sources else {"offers": documents}
    header = "# Recruitment and retention packages, in the schema of data/councils.yaml.\n"
    return header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def _plain(node: Any) -> Any:
    """Model data as plain YAML/JSON values: numbers for amounts, text for addresses, and each
    figure's value before its citations, as a person would write it."""
    if isinstance(node, dict):
        keys = sorted(node, key=lambda key: key != "value")
        return {key: _plain(node[key]) for key in keys}
    if isinstance(node, list | tuple):
        return [_plain(item) for item in node]
    if isinstance(node, Decimal):
        return int(node) if node == node.to_integral_value() else float(node)
    if isinstance(node, dt.date | bool | int | float | str) or node is None:
        return node
    return str(node)  # URLs


def read_upload(data: bytes, name: str) -> Unpacked:
    """Packages from an uploaded YAML file, or a notice saying what is wrong and where."""
    origin = safe_excerpt(name or "the upload", 60)
    if len(data) > MAX_UPLOAD_BYTES:
        return Unpacked(notices=[f"{origin} is larger than {MAX_UPLOAD_BYTES // 1000} KB."])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Unpacked(notices=[f"{origin} is not a UTF-8 text file."])
    try:
        offers = read_offers(text, origin=origin)
    except DataError as error:
        return Unpacked(notices=[str(error)])
    if len(offers) > MAX_PACKAGES:
        return Unpacked(notices=[f"{origin} holds more than {MAX_PACKAGES} packages."])
    return Unpacked(offers=list(offers.values()))


def encode_link(offers: Sequence[Offer]) -> str:
    """Packages as compact text for a URL: JSON, compressed, in URL-safe base64."""
    data = [_plain(offer.model_dump(exclude_defaults=True)) for offer in offers]
    packed = json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=str).encode()
    return base64.urlsafe_b64encode(zlib.compress(packed, 9)).decode("ascii").rstrip("=")


def decode_link(text: str) -> Unpacked:
    """Packages from a link's text; any part that cannot be read becomes a notice."""
    if len(text) > MAX_LINK_CHARACTERS:
        return Unpacked(notices=["The link's packages are too long to read."])
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        unpacker = zlib.decompressobj()
        raw = unpacker.decompress(packed, MAX_UNPACKED_BYTES + 1)
        if len(raw) > MAX_UNPACKED_BYTES or unpacker.unconsumed_tail:
            return Unpacked(notices=["The link's packages are too large to read."])
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, zlib.error, UnicodeDecodeError, RecursionError):
        return Unpacked(notices=["The link's packages are damaged and could not be read."])
    if not isinstance(data, list):
        return Unpacked(notices=["The link's packages are damaged and could not be read."])
    offers, notices = [], []
    for number, item in enumerate(data[:MAX_PACKAGES], start=1):
        try:
            offers.append(_validated(item))
        except (ValidationError, DataError, ValueError, RecursionError) as error:
            notices.append(f"Package {number} in the link could not be read: {_reason(error)}")
    if len(data) > MAX_PACKAGES:
        notices.append(f"Only the first {MAX_PACKAGES} packages in the link were read.")
    return Unpacked(offers, notices)


def _validated(item: object) -> Offer:
    offer = Offer.model_validate(item)
    check_citations(offer, "the link", required=False)
    return offer


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return safe_excerpt(f"{where}: {first['msg']}", 120)
    return safe_excerpt(str(error), 120)


def own_copies(
    packages: Iterable[Offer], taken_ids: Iterable[str], taken_labels: Iterable[str]
) -> list[Offer]:
    """The packages renamed where needed, so that they sit beside the council offers: ids
    start 'yours-', and no label repeats another offer's."""
    ids, labels, result = set(taken_ids), set(taken_labels), []
    for offer in packages:
        base = (offer.id if offer.id.startswith(YOURS) else f"{YOURS}{offer.id}")[:76]
        offer_id, number = base, 2
        while offer_id in ids:
            offer_id, number = f"{base}-{number}", number + 1
        copy, number = offer.model_copy(update={"id": offer_id}), 1
        while copy.label in labels:
            suffix = " (yours)" if number == 1 else f" (yours {number})"
            copy, number = (
                offer.model_copy(update={"id": offer_id, "role": offer.role + suffix}),
                number + 1,
            )
        ids.add(copy.id)
        labels.add(copy.label)
        result.append(copy)
    return result
