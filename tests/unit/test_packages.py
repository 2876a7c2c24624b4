"""Packages as files and in links: round trips, sizes, and hostile input."""

from __future__ import annotations

import base64
import json
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incentives import load_offers
from incentives.packages import (
    MAX_UPLOAD_BYTES,
    decode_link,
    encode_link,
    own_copies,
    read_upload,
    to_yaml,
)
from tests.builders import golden_hello, offer

OFFERS = load_offers()


@pytest.mark.parametrize("offer_id", sorted(OFFERS))
def test_every_offer_survives_a_link_and_a_file(offer_id):
    package = OFFERS[offer_id]
    assert decode_link(encode_link([package])).offers == [package]
    assert read_upload(to_yaml([package]).encode(), "package.yaml").offers == [package]


def test_a_package_built_from_scratch_survives_download_and_upload():
    package = offer(
        31_000, golden_hello(2_500, after=6, within=12, taper="monthly"), id="yours-test"
    )
    text = to_yaml([package])
    assert "value: 2500" in text and "cite" not in text  # plain numbers, no sources invented
    assert read_upload(text.encode(), "mine.yaml").offers == [package]


def test_a_typical_package_fits_well_inside_a_link():
    # A package started from a published offer carries its sources and quoted words
    assert len(encode_link([OFFERS["kirklees-social-worker"]])) < 1_500
    # One built from scratch is a few hundred characters
    assert len(encode_link([offer(31_000, golden_hello(2_500))])) < 400


def test_damaged_or_oversized_input_gives_a_notice():
    good = encode_link([OFFERS["kirklees-social-worker"]])
    assert decode_link(good[:-40]).notices == [
        "The link's packages are damaged and could not be read."
    ]
    assert decode_link("x" * 20_000).notices == ["The link's packages are too long to read."]
    bomb = base64.urlsafe_b64encode(zlib.compress(b"[" + b"0," * 400_000 + b"0]", 9)).decode()
    assert "too large" in decode_link(bomb.rstrip("=")).notices[0]
    assert "larger than 100 KB" in read_upload(b"#" * (MAX_UPLOAD_BYTES + 1), "big.yaml").notices[0]
    assert "not a UTF-8" in read_upload(b"\xff\xfe", "odd.yaml").notices[0]


def test_an_invalid_package_in_a_link_is_named_and_the_rest_are_read():
    good = OFFERS["kirklees-social-worker"].model_dump(mode="json", exclude_defaults=True)
    bad = {**good, "salary": {"top": {"value": -5}}}
    text = base64.urlsafe_b64encode(zlib.compress(json.dumps([good, bad]).encode()))
    result = decode_link(text.decode())
    assert len(result.offers) == 1
    assert result.notices[0].startswith("Package 2 in the link could not be read: salary.top.value")


def test_an_upload_names_the_offer_and_field_at_fault():
    text = to_yaml([OFFERS["kirklees-social-worker"]]).replace("value: 1500", "value: -1500")
    [notice] = read_upload(text.encode(), "mine.yaml").notices
    assert "offer 'kirklees-social-worker'" in notice and "components.0.amount.value" in notice


def test_own_copies_never_clash_with_council_offers():
    kirklees = OFFERS["kirklees-social-worker"]
    [copy] = own_copies([kirklees], OFFERS, (o.label for o in OFFERS.values()))
    assert copy.id == "yours-kirklees-social-worker"
    assert copy.label == "Kirklees: Experienced social worker (Level 3) (yours)"
    [second] = own_copies(
        [kirklees], [*OFFERS, copy.id], [*(o.label for o in OFFERS.values()), copy.label]
    )
    assert second.id != copy.id and second.label != copy.label


HOSTILE = dict(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(**HOSTILE)
@given(st.binary(max_size=3_000))
def test_random_bytes_uploaded_give_packages_or_a_notice(data):
    result = read_upload(data, "random.yaml")
    assert result.offers or result.notices


@settings(**HOSTILE)
@given(st.text(max_size=3_000))
def test_random_text_uploaded_gives_packages_or_a_notice(text):
    result = read_upload(text.encode("utf-8", "surrogatepass"), "random.yaml")
    assert result.offers or result.notices


@settings(**HOSTILE)
@given(st.text(max_size=3_000))
def test_random_text_in_a_link_gives_packages_or_a_notice(text):
    result = decode_link(text)
    assert result.offers or result.notices


@settings(**HOSTILE)
@given(st.binary(max_size=3_000))
def test_random_compressed_bytes_in_a_link_give_a_notice(data):
    text = base64.urlsafe_b64encode(zlib.compress(data)).decode().rstrip("=")
    result = decode_link(text)
    assert result.offers or result.notices
