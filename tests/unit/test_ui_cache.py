"""The one cache around the page builders: keyed on the offers and scenario themselves."""

from __future__ import annotations

import datetime as dt

from incentives import load_offers
from incentives.pages import compute
from incentives.pages.views import Display
from incentives.scenario import Scenario
from incentives.ui import cache

OFFERS = load_offers()
PAIR = (OFFERS["kirklees-social-worker"], OFFERS["rotherham-social-worker"])
TODAY = dt.date(2026, 12, 1)


def test_a_models_key_is_its_json_and_written_once_per_object(monkeypatch):
    scenario = Scenario(years=2)
    assert cache.model_key(scenario) == scenario.model_dump_json()
    dumped = []
    monkeypatch.setattr(
        Scenario, "model_dump_json", lambda self, **_: dumped.append(self) or "{}", raising=False
    )
    cache.model_key(scenario)  # remembered: not written again
    assert dumped == []
    assert cache.model_key(Scenario(years=3)) == "{}"  # a new object is written
    assert len(dumped) == 1


def test_switching_the_measure_reuses_the_comparison(monkeypatch):
    cache.compare_view.clear()
    cache._comparison.clear()
    calls = []

    def counted(offers, scenario):  # type: ignore[no-untyped-def]
        calls.append(scenario)
        return compute.comparison_tables(offers, scenario)

    monkeypatch.setattr(cache, "comparison_tables", counted)
    scenario = Scenario()
    gross = cache.compare_view(PAIR, scenario, Display.of(scenario, "gross"), TODAY)
    net = cache.compare_view(PAIR, scenario, Display.of(scenario, "net"), TODAY)
    again = cache.compare_view(PAIR, Scenario(), Display.of(scenario, "gross"), TODAY)
    assert len(calls) == 1  # one comparison for both measures
    assert gross.leader.heading == "Gross pay: who comes out ahead"
    assert net.leader.heading == "Take-home pay: who comes out ahead"
    assert again is gross  # an equal scenario, another object: the same view, uncopied


def test_a_changed_scenario_is_worked_out_afresh():
    scenario = Scenario()
    three = cache.compare_view(PAIR, scenario, Display.of(scenario), TODAY)
    two = cache.compare_view(PAIR, Scenario(years=2), Display.of(scenario), TODAY)
    assert "over 3 years" in three.leader.sentences[0]
    assert "over 2 years" in two.leader.sentences[0]
