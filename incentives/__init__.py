"""Recruitment and retention packages for children's social workers, projected month by month.

The public API, for notebooks and scripts as well as the app::

    import incentives
    offers = incentives.load_offers()
    scenario = incentives.Scenario(years=3, pay_award=2)
    incentives.compare(offers.values(), scenario)
"""

from incentives.catalog import DataError, load_offers, read_offers
from incentives.comparison import Comparison, compare
from incentives.engine import MissingFigure, build_schedule, project
from incentives.model import Offer
from incentives.payroll import TakeHome, take_home
from incentives.scenario import Scenario

__all__ = [
    "Comparison",
    "DataError",
    "MissingFigure",
    "Offer",
    "Scenario",
    "TakeHome",
    "build_schedule",
    "compare",
    "load_offers",
    "project",
    "read_offers",
    "take_home",
]
