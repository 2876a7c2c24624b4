"""A small, honest timer: repeat, report the median and spread."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def measure(work: Callable[[], object], *, repeat: int = 20, warmup: int = 2) -> list[float]:
    """Seconds taken by each of ``repeat`` calls, after ``warmup`` calls."""
    for _ in range(warmup):
        work()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return times


def report(name: str, times: list[float], target: float, unit: str = "ms") -> None:
    scale = {"ms": 1e3, "µs": 1e6}[unit]
    median = statistics.median(times) * scale
    low, high = min(times) * scale, max(times) * scale
    verdict = "meets" if median <= target else "MISSES"
    print(
        f"{name:<62} median {median:9.2f} {unit}  (min {low:.2f}, max {high:.2f}, n={len(times)})"
        f"  target ≤ {target:g} {unit}: {verdict}"
    )
