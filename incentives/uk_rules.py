"""UK payroll rules from ``data/uk_rules.yaml``, compiled to exact numbers for a date.

The file holds each value keyed by the date it takes effect, with its references. Here the
values in force on a pay date (or in a tax or scheme year) are turned into whole pence and
parts per million, once per date, for :mod:`incentives.payroll` to apply.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from incentives.catalog import DEFAULT_DATA_DIR
from incentives.money import pence, ppm
from incentives.parameters import ParameterSet, load_parameters

RULES_FILE = DEFAULT_DATA_DIR / "uk_rules.yaml"
LAST_RULE_YEAR = 2026  # the latest tax year the file covers; later years carry its values forward
UNDERGRADUATE_PLANS = ("plan1", "plan2", "plan4", "plan5")

REQUIRED = (
    "income_tax.personal_allowance",
    "income_tax.allowance_taper.income_limit",
    "income_tax.allowance_taper.rate",
    "income_tax.rest_of_uk.brackets",
    "income_tax.scotland.brackets",
    "national_insurance.primary_threshold_monthly",
    "national_insurance.upper_earnings_limit_monthly",
    "national_insurance.secondary_threshold_monthly",
    "national_insurance.employee_main_rate",
    "national_insurance.employee_additional_rate",
    "national_insurance.employer_rate",
    "student_loan.plan1.threshold",
    "student_loan.plan2.threshold",
    "student_loan.plan4.threshold",
    "student_loan.plan5.threshold",
    "student_loan.postgraduate.threshold",
    "student_loan.undergraduate_rate",
    "student_loan.postgraduate_rate",
    "lgps.member_bands",
    "lgps.fifty_fifty_share",
    "lgps.employer_rate_national_average",
    "apprenticeship_levy.rate",
    "relocation.qualifying_expenses_limit",
)


def tax_year_of(day: dt.date) -> int:
    """The tax year (by the calendar year it starts) that a pay date falls in."""
    return day.year if (day.month, day.day) >= (4, 6) else day.year - 1


def scheme_year_of(day: dt.date) -> int:
    """The LGPS and NJC pay year (1 April to 31 March) a date falls in."""
    return day.year if day.month >= 4 else day.year - 1


@dataclass(frozen=True)
class PayPeriodRules:
    """Per-pay-period rules for a monthly pay date: pence thresholds, ppm rates."""

    primary_threshold: int
    upper_earnings_limit: int
    secondary_threshold: int
    employee_main_rate: int
    employee_additional_rate: int
    employer_rate: int
    loan_thresholds: dict[str, int]  # annual pence, for the plans in force on the date
    undergraduate_loan_rate: int
    postgraduate_loan_rate: int
    apprenticeship_levy_rate: int


@dataclass(frozen=True)
class TaxYearRules:
    """Income tax for one tax year: the allowance, its taper and the brackets by region."""

    personal_allowance: int
    taper_income_limit: int
    taper_rate: int
    brackets: dict[str, tuple[tuple[int, int], ...]]  # region -> ((threshold pence, rate ppm), ...)


@dataclass(frozen=True)
class PayCalendar:
    """For each pay date: its pay-period rules, LGPS scheme year and tax year."""

    periods: tuple[PayPeriodRules, ...]
    scheme_years: tuple[int, ...]
    tax_years: tuple[int, ...]


class RuleBook:
    """The rules file, with compiled values cached per date, tax year and scheme year."""

    def __init__(self, parameters: ParameterSet):
        self.parameters = parameters

    @cached_property
    def first_date(self) -> dt.date:
        return min(min(p.values) for p in self.parameters.parameters.values())

    def _amount(self, name: str, when: dt.date) -> int:
        return pence(self.parameters[name].at(when).value)

    def _rate(self, name: str, when: dt.date) -> int:
        return ppm(self.parameters[name].at(when).value)

    @cache  # noqa: B019 - one RuleBook per file, kept for the life of the process
    def pay_period(self, pay_date: dt.date) -> PayPeriodRules:
        loans = {}
        for plan in (*UNDERGRADUATE_PLANS, "postgraduate"):
            with contextlib.suppress(LookupError):  # the plan's repayments had not begun
                loans[plan] = self._amount(f"student_loan.{plan}.threshold", pay_date)
        return PayPeriodRules(
            primary_threshold=self._amount(
                "national_insurance.primary_threshold_monthly", pay_date
            ),
            upper_earnings_limit=self._amount(
                "national_insurance.upper_earnings_limit_monthly", pay_date
            ),
            secondary_threshold=self._amount(
                "national_insurance.secondary_threshold_monthly", pay_date
            ),
            employee_main_rate=self._rate("national_insurance.employee_main_rate", pay_date),
            employee_additional_rate=self._rate(
                "national_insurance.employee_additional_rate", pay_date
            ),
            employer_rate=self._rate("national_insurance.employer_rate", pay_date),
            loan_thresholds=loans,
            undergraduate_loan_rate=self._rate("student_loan.undergraduate_rate", pay_date),
            postgraduate_loan_rate=(
                self._rate("student_loan.postgraduate_rate", pay_date)
                if "postgraduate" in loans
                else 0
            ),
            apprenticeship_levy_rate=self._rate("apprenticeship_levy.rate", pay_date),
        )

    @cache  # noqa: B019
    def calendar(self, pay_dates: tuple[dt.date, ...]) -> PayCalendar:
        return PayCalendar(
            periods=tuple(self.pay_period(day) for day in pay_dates),
            scheme_years=tuple(scheme_year_of(day) for day in pay_dates),
            tax_years=tuple(tax_year_of(day) for day in pay_dates),
        )

    @cache  # noqa: B019
    def tax_year(self, year: int) -> TaxYearRules:
        first_day = dt.date(year, 4, 6)
        brackets = {
            region: tuple(
                (pence(b.threshold), ppm(b.rate))
                for b in self.parameters[f"income_tax.{key}.brackets"].at(first_day).brackets or ()
            )
            for region, key in (("england", "rest_of_uk"), ("scotland", "scotland"))
        }
        return TaxYearRules(
            personal_allowance=self._amount("income_tax.personal_allowance", first_day),
            taper_income_limit=self._amount("income_tax.allowance_taper.income_limit", first_day),
            taper_rate=self._rate("income_tax.allowance_taper.rate", first_day),
            brackets=brackets,
        )

    @cache  # noqa: B019
    def lgps_bands(self, scheme_year: int) -> tuple[tuple[int | None, int], ...]:
        """Member contribution bands for the scheme year: ((up to, pence or None), rate ppm)."""
        bands = self.parameters["lgps.member_bands"].at(dt.date(scheme_year, 4, 1)).bands or ()
        return tuple((None if b.up_to is None else pence(b.up_to), ppm(b.rate)) for b in bands)

    @cache  # noqa: B019
    def fifty_fifty_share(self, scheme_year: int) -> int:
        return self._rate("lgps.fifty_fifty_share", dt.date(scheme_year, 4, 1))

    @cache  # noqa: B019
    def employer_pension_average(self, when: dt.date) -> tuple[int, dt.date]:
        """The national average employer rate in force, and the date it took effect.

        Before the first published average, the first one is used.
        """
        parameter = self.parameters["lgps.employer_rate_national_average"]
        when = max(when, min(parameter.values))
        dates = [d for d in parameter.values if d <= when]
        return ppm(parameter.at(when).value), max(dates)

    def relocation_limit(self, when: dt.date) -> int:
        return self._amount("relocation.qualifying_expenses_limit", max(when, self.first_date))


@cache
def rule_book(path: Path = RULES_FILE) -> RuleBook:
    """The UK rules, loaded and validated once per process."""
    return RuleBook(load_parameters(path, REQUIRED))
