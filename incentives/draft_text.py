"""Reading what is typed into the package editor's text fields, and the messages when it cannot be.

Lists of numbers are typed as text, separated by commas; a figure typed to within half a
penny of a published one is that figure, sources and all.
"""

from __future__ import annotations

from decimal import Decimal

from incentives.model import Money

NUMBERS_PROBLEM = "write numbers separated by commas"
MONTHS_PROBLEM = "write whole months separated by commas"
_SAME_WITHIN = 0.005  # a figure typed to the penny is the published one


def read_numbers(text: str) -> list[float] | None:
    """Numbers separated by commas (a '£' allowed), or None if any part is not a number."""
    try:
        return [float(part) for part in text.replace("£", "").split(",") if part.strip()]
    except ValueError:
        return None


def read_months(text: str) -> tuple[int, ...] | None:
    """Whole months separated by commas, or None if any part is not a whole number."""
    numbers = read_numbers(text)
    if numbers is None or any(n != int(n) for n in numbers):
        return None
    return tuple(int(n) for n in numbers)


def point(value: float, published: tuple[Money, ...]) -> Money | dict[str, float]:
    """A scale point typed: the published one of that value, sources and all, if there is one."""
    matching = (p for p in published if same(value, p.value))
    return next(matching, {"value": value})


def same(entered: float | None, original: Decimal | None) -> bool:
    if entered is None or original is None:
        return entered is None and original is None
    return abs(float(original) - entered) < _SAME_WITHIN
