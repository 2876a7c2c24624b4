"""Load test: many sessions at once against the app on loopback (``make loadtest``).

Starts the app with Streamlit's agent API (``--server.enableAgentApi=true``), which drives a
session over plain HTTP without a browser: ``POST /_stcore/agent/interact`` opens a session,
then sets widget values and answers when the rerun has finished. Each simulated visitor
changes an input about once a second, as someone trying what-ifs would, for a bounded time.

With ``--replicas N`` (N > 1) the app runs as N processes behind nginx with sticky sessions
(scripts/serve.py), each visitor keeping its cookie, as on a council's own servers. Alongside
the agent sessions, ``--browsers K`` real Chromium pages (scripts/browser_visitors.py) take
the same steps through the widgets, and their latencies are reported apart.

Prints the median and 95th-percentile rerun latency, the number of errors, and the servers'
memory growth per session. Loopback only; sessions and time are capped.

Usage: python -m scripts.loadtest [--sessions 20] [--seconds 60] [--replicas 1] [--browsers 2]
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import json
import random
import statistics
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from scripts.browser_visitors import browser_visitors
from scripts.serve import Cluster, serve_replicas
from tests.browser.harness import Served, serve_app

MAX_SESSIONS = 50
MAX_SECONDS = 300
MAX_BROWSERS = 5
# The agent API answers each interaction with a snapshot of the page, by default with up to
# 100 rows of every table and chart decoded to JSON: work a browser's session never asks of
# the server. One row keeps the snapshot (and this harness's own load) close to a browser's.
AGENT_API = ("--server.enableAgentApi", "true", "--server.agentPreviewRows", "1")
# What visitors do, in turn: open a page (its url path; "" is the first) or set widgets, with
# values as the widgets take them. The agent API takes one or the other in a request.
STEPS: list[dict[str, object]] = [
    {"widget_state": {"years": 5}},
    {"widget_state": {"future_award": 2.5}},  # the award assumed after the agreed ones
    {"widget_state": {"view": "Take-home pay"}},
    {"widget_state": {"part": "Worth to you"}},  # a tab of the Compare page, built when opened
    {"widget_state": {"leaving": True}},
    {"widget_state": {"leave": 14}},  # shown once "leaving" is on
    {"page": "leaving"},
    {"widget_state": {"money": "Real terms"}},
    {"page": "costs"},
    {"widget_state": {"pension": "LGPS 50/50"}},
    {"widget_state": {"view": "Cost to the council"}},
    {"page": "flips"},
    {"widget_state": {"years": 3, "leaving": False}},
    {"page": "browse"},
    {"page": ""},
    {"widget_state": {"part": "Pay over time"}},
    {"widget_state": {"view": "Gross pay", "money": "Pounds as paid", "future_award": 3.2}},
]


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    by_step: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, step: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.by_step.setdefault(step, []).append(seconds)
            if error:
                self.errors.append(error)


def interact(
    url: str, body: dict[str, object], opener: urllib.request.OpenerDirector
) -> tuple[dict[str, Any], float]:
    request = urllib.request.Request(
        f"{url}/_stcore/agent/interact",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    started = time.perf_counter()
    with opener.open(request, timeout=60) as reply:
        snapshot = json.load(reply)
    return snapshot, time.perf_counter() - started


def problem(snapshot: dict[str, Any]) -> str | None:
    """Why a snapshot is a failure: an exception shown, or the run not finished."""
    if snapshot.get("status") != "ready":
        return f"status {snapshot.get('status')}"
    if '"type": "exception"' in json.dumps(snapshot.get("tree", {})):
        return "the app showed an exception"
    return None


def visitor(url: str, until: float, tally: Tally, seed: int) -> str | None:
    """One session: open the app, then change something about once a second."""
    rng = random.Random(seed)
    # Its own cookies, as a browser keeps them: behind the proxy they hold it to one replica.
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    try:
        snapshot, seconds = interact(url, {}, opener)
    except (urllib.error.URLError, OSError, ValueError) as error:
        tally.add("open", 0.0, f"open: {error}")
        return None
    tally.add("open", seconds, problem(snapshot))
    session = snapshot["session_id"]
    step = 0
    time.sleep(rng.uniform(0, 1))  # visitors are out of step with each other
    while time.monotonic() < until:
        time.sleep(rng.uniform(0.7, 1.3))
        action = STEPS[step % len(STEPS)]
        name = json.dumps(action, sort_keys=True)
        body = {"session_id": session, **action}
        step += 1
        try:
            snapshot, seconds = interact(url, body, opener)
            tally.add(name, seconds, problem(snapshot))
        except (urllib.error.URLError, OSError, ValueError) as error:
            detail = error.read().decode(errors="replace")[:200] if hasattr(error, "read") else ""
            tally.add(name, 0.0, f"interact {body}: {error} {detail}")
    return session


def percentile(values: list[float], percent: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, round(percent / 100 * len(ordered)) - 1)] if ordered else float("nan")


def serving(replicas: int) -> contextlib.AbstractContextManager[Served | Cluster]:
    """One app process on its own, or several behind nginx."""
    return serve_replicas(replicas, *AGENT_API) if replicas > 1 else serve_app(*AGENT_API)


def summary(title: str, tally: Tally) -> None:
    latencies = tally.latencies
    print(f"{title}: {len(latencies)} reruns")
    if latencies:
        print(
            f"  rerun latency: median {statistics.median(latencies) * 1000:.0f} ms, "
            f"95th percentile {percentile(latencies, 95) * 1000:.0f} ms (target ≤ 1000 ms)"
        )
    print("  by step, slowest first (95th percentile, median, count):")
    steps = sorted(tally.by_step.items(), key=lambda item: -percentile(item[1], 95))
    for name, times in steps:
        print(
            f"  {percentile(times, 95) * 1000:6.0f} ms {statistics.median(times) * 1000:6.0f} ms"
            f" {len(times):5d}  {name}"
        )
    print(f"  errors: {len(tally.errors)}")
    for error in sorted(set(tally.errors))[:5]:
        print(f"    {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--replicas", type=int, default=1)
    parser.add_argument("--browsers", type=int, default=2)
    arguments = parser.parse_args()
    sessions = max(1, min(arguments.sessions, MAX_SESSIONS))
    seconds = max(5.0, min(arguments.seconds, MAX_SECONDS))
    browsers = max(0, min(arguments.browsers, MAX_BROWSERS))

    with serving(arguments.replicas) as served:
        warm = Tally()
        visitor(served.url, time.monotonic() + 3, warm, seed=0)  # caches and first imports
        baseline = served.memory_bytes()
        tally, in_browsers = Tally(), Tally()
        until = time.monotonic() + seconds
        threads = [
            threading.Thread(
                target=browser_visitors,
                args=(served.url, browsers, until, in_browsers, STEPS),
                daemon=True,
            ),
            *(
                threading.Thread(target=visitor, args=(served.url, until, tally, seed), daemon=True)
                for seed in range(1, sessions + 1)
            ),
        ]
        for thread in threads:
            thread.start()
            time.sleep(0.05)  # arrivals spread over the first second
        for thread in threads:
            thread.join(timeout=seconds + 120)
        grown = served.memory_bytes() - baseline

    where = f"{arguments.replicas} replicas behind nginx" if arguments.replicas > 1 else "1 process"
    print(f"{sessions} agent sessions and {browsers} browser pages, {seconds:g} s, {where}")
    summary("agent sessions", tally)
    if browsers:
        summary("browser pages (Chromium)", in_browsers)
    visitors = sessions + browsers
    print(
        f"server memory growth: {grown / 2**20:.1f} MB, "
        f"{grown / visitors / 2**20:.2f} MB a session (target ≤ 5 MB)"
    )


if __name__ == "__main__":
    main()
