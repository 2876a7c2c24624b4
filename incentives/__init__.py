"""Recruitment and retention packages for children's social workers, projected month by month.

The public API, for notebooks and scripts as well as the app::

    import incentives
    offers = incentives.load_offers()
    scenario = incentives.Scenario(years=3, pay_award=2)
    incentives.compare(offers.values(), scenario)
    incentives.leave_curve(offers["rotherham-social-worker"], scenario)
"""

__version__ = "0.1.0"  # the package version (pyproject reads it from here)

from incentives.benefits import unvalued_benefits
from incentives.break_even_search import VacancyCost, break_even
from incentives.catalog import DataError, load_offers, read_offers
from incentives.comparison import Comparison, compare
from incentives.engine import MissingFigure, build_schedule, project
from incentives.exclusions import conditional_payments, conditions_table
from incentives.leavers import leaver_cost_needed
from incentives.model import Offer
from incentives.njc import NjcError, njc_salary
from incentives.payroll import TakeHome, take_home
from incentives.report import report, report_pdf
from incentives.retention import expected_cost, leave_curve
from incentives.scenario import Scenario
from incentives.sensitivity import flip_points

__all__ = [
    "Comparison",
    "DataError",
    "MissingFigure",
    "NjcError",
    "Offer",
    "Scenario",
    "TakeHome",
    "VacancyCost",
    "break_even",
    "build_schedule",
    "compare",
    "conditional_payments",
    "conditions_table",
    "expected_cost",
    "flip_points",
    "leave_curve",
    "leaver_cost_needed",
    "load_offers",
    "njc_salary",
    "project",
    "read_offers",
    "report",
    "report_pdf",
    "take_home",
    "unvalued_benefits",
]
