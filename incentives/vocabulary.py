"""The project's words, each declared once: the model, the scenario, the payroll, the link and
the pages all import them from here, so adding a loan plan or renaming a measure is one edit.

Each closed set is a ``Literal`` type (what pydantic and the type checker hold values to) with
its values as a tuple and, where people see them, the words they are shown as.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

# Where a council is: the nine English regions and the three other nations.
Region = Literal[
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
    "Wales",
    "Scotland",
    "Northern Ireland",
]
COUNCIL_REGIONS: tuple[Region, ...] = get_args(Region)

# Where the worker pays income tax: Scotland has its own bands; England's apply elsewhere.
TaxRegion = Literal["england", "scotland"]
TAX_REGIONS: tuple[TaxRegion, ...] = get_args(TaxRegion)
TAX_REGION_LABELS: Mapping[TaxRegion, str] = {
    "england": "England, Wales or NI",
    "scotland": "Scotland",
}

# Student loan plans. Undergraduate plans share one deduction above the lowest threshold held;
# a postgraduate loan is deducted as well.
LoanPlan = Literal["plan1", "plan2", "plan4", "plan5", "postgraduate"]
LOAN_PLANS: tuple[LoanPlan, ...] = get_args(LoanPlan)
POSTGRADUATE_PLAN: LoanPlan = "postgraduate"
UNDERGRADUATE_PLANS: tuple[LoanPlan, ...] = tuple(p for p in LOAN_PLANS if p != POSTGRADUATE_PLAN)
LOAN_PLAN_LABELS: Mapping[LoanPlan, str] = {
    "plan1": "Plan 1",
    "plan2": "Plan 2",
    "plan4": "Plan 4",
    "plan5": "Plan 5",
    "postgraduate": "Postgraduate",
}

# The LGPS sections a member can be in; any other pension is a percentage of pensionable pay
# (0: opted out).
LgpsSection = Literal["lgps", "lgps-50-50"]
LGPS_SECTIONS: tuple[LgpsSection, ...] = get_args(LgpsSection)
# The pension options offered in the sidebar and the link: an LGPS section, none, or another
# scheme at a percentage the worker gives.
PensionOption = Literal["lgps", "lgps-50-50", "none", "other"]
PENSION_OPTIONS: tuple[PensionOption, ...] = get_args(PensionOption)
PENSION_OPTION_LABELS: Mapping[PensionOption, str] = {
    "lgps": "LGPS",
    "lgps-50-50": "LGPS 50/50",
    "none": "Opted out",
    "other": "Another scheme",
}

# What a comparison measures, and the words for it.
Measure = Literal["gross", "net", "employer_cost", "total_reward"]
MEASURE_NAMES: tuple[Measure, ...] = get_args(Measure)
MEASURES: Mapping[Measure, str] = {
    "gross": "Gross pay",
    "net": "Take-home pay",
    "employer_cost": "Cost to the council",
    "total_reward": "Total reward",
}
# Measures the leaving curves carry (total reward is counted for a comparison, not per leaver)
LeavingMeasure = Literal["gross", "net", "employer_cost"]
LEAVING_MEASURES: tuple[LeavingMeasure, ...] = get_args(LeavingMeasure)

# Which pounds a comparison is in (see incentives.prices).
MoneyBasis = Literal["nominal", "real", "present_value"]
MONEY_BASES: tuple[MoneyBasis, ...] = get_args(MoneyBasis)
MONEY_LABELS: Mapping[MoneyBasis, str] = {
    "nominal": "Pounds as paid",
    "real": "Real terms",
    "present_value": "Present value",
}

# The parts of the Compare page after its headline, one tab each, and the link's name for
# the one open (part=Sources).
YEAR_BY_YEAR = "Year by year"  # the part holding the year table and each offer's yearly chart
COMPARE_PARTS = ("Pay over time", "Worth to you", YEAR_BY_YEAR, "Sources")

# What a one-off payment is for, and whether it is LGPS pensionable pay unless the offer says:
# pensionable pay excludes an inducement not to leave, and expenses.
Purpose = Literal["golden_hello", "relocation", "retention", "other"]
PURPOSES: tuple[Purpose, ...] = get_args(Purpose)
PENSIONABLE_BY_DEFAULT: Mapping[Purpose, bool] = {
    "golden_hello": True,
    "relocation": False,
    "retention": False,
    "other": True,
}
