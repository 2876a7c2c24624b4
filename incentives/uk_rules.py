"""UK payroll rules from ``data/uk_rules.yaml``, compiled to exact numbers for a date.

The file holds each value keyed by the date it takes effect, with its references. Here the
values in force on a pay date (or in a tax or scheme year) are turned into whole pence and
parts per million, once per date, for :mod:`incentives.payroll` to apply.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

import numpy as np

from incentives.catalog import DEFAULT_DATA_DIR
from incentives.money import pence, ppm
from incentives.parameters import ParameterSet, load_parameters
from incentives.vocabulary import LOAN_PLANS, TAX_REGIONS, LoanPlan, TaxRegion

RULES_FILE = DEFAULT_DATA_DIR / "uk_rules.yaml"
LAST_RULE_YEAR = 2026  # the latest tax year the file covers; later years carry its values forward
# The data file's name for each tax region's income tax bands
_BRACKETS_OF: dict[TaxRegion, str] = {"england": "rest_of_uk", "scotland": "scotland"}
NOT_IN_FORCE = 2**50  # pence: a threshold no pay reaches, for a loan plan not yet repaid

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
    loan_thresholds: dict[LoanPlan, int]  # annual pence, for the plans in force on the date
    undergraduate_loan_rate: int
    postgraduate_loan_rate: int
    apprenticeship_levy_rate: int


@dataclass(frozen=True)
class TaxYearRules:
    """Income tax for one tax year: the allowance, its taper and the brackets by region."""

    personal_allowance: int
    taper_income_limit: int
    taper_rate: int
    brackets: dict[TaxRegion, tuple[tuple[int, int], ...]]  # ((threshold pence, rate ppm), ...)


class YearRuns:
    """Runs of consecutive pay dates in the same year (tax or LGPS scheme year)."""

    def __init__(self, years: np.ndarray):
        new = np.ones(len(years), dtype=bool)
        new[1:] = years[1:] != years[:-1]
        self.starts = np.flatnonzero(new)
        self.lengths = np.diff(self.starts, append=len(years))
        self.group = np.cumsum(new) - 1  # each date's run
        self.years = tuple(int(year) for year in years[self.starts])

    def before(self, amounts: np.ndarray) -> np.ndarray:
        """The total of ``amounts`` in each date's year before that date."""
        before = amounts.cumsum() - amounts
        if len(self.starts) == 1:  # one year: nothing to start again
            return before
        return before - before[self.starts][self.group]

    def previous(self, values: np.ndarray) -> np.ndarray:
        """The value at the date before in the same year (0 for a year's first date)."""
        shifted = np.zeros_like(values)
        shifted[1:] = values[:-1]
        shifted[self.starts] = 0
        return shifted


@dataclass(frozen=True, eq=False)
class PayCalendar:
    """The rules in force on each of a run of pay dates, one array entry per date, so the
    payroll can work every month at once."""

    scheme_years: np.ndarray
    scheme_runs: YearRuns
    tax_runs: YearRuns
    primary_threshold: np.ndarray  # pence a month
    upper_earnings_limit: np.ndarray
    secondary_threshold: np.ndarray
    employee_main_rate: np.ndarray  # ppm
    employee_additional_rate: np.ndarray
    employer_rate: np.ndarray
    apprenticeship_levy_rate: np.ndarray
    loan_thresholds: dict[LoanPlan, np.ndarray]  # annual pence; NOT_IN_FORCE before a plan began
    undergraduate_loan_rate: np.ndarray
    postgraduate_loan_rate: np.ndarray


@dataclass(frozen=True, eq=False)
class TaxTables:
    """Income tax for a run of tax years in one region, one row per year; brackets padded
    with empty ones so every row has as many."""

    years: tuple[int, ...]
    personal_allowance: np.ndarray  # pence
    taper_income_limit: np.ndarray
    taper_rate: np.ndarray  # ppm
    lower: np.ndarray  # years × brackets: each bracket's threshold, pence
    upper: np.ndarray  # years × brackets: the next bracket's threshold (or none), pence
    rates: np.ndarray  # years × brackets, ppm


class RuleBook:
    """The rules file, with compiled values cached per date, tax year and scheme year."""

    def __init__(self, parameters: ParameterSet):
        self.parameters = parameters

    @cached_property
    def first_date(self) -> dt.date:
        return min(min(p.values) for p in self.parameters.parameters.values())

    def _amount(self, name: str, when: dt.date) -> int:
        return pence(self.parameters[name].at(when).number)

    def _rate(self, name: str, when: dt.date) -> int:
        return ppm(self.parameters[name].at(when).number)

    @cache  # noqa: B019 - one RuleBook per file, kept for the life of the process
    def pay_period(self, pay_date: dt.date) -> PayPeriodRules:
        loans: dict[LoanPlan, int] = {}
        for plan in LOAN_PLANS:
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

    @lru_cache(maxsize=1024)  # noqa: B019 - runs of pay dates recur across reruns
    def calendar(self, pay_dates: tuple[dt.date, ...]) -> PayCalendar:
        periods = [self.pay_period(day) for day in pay_dates]

        def column(name: str) -> np.ndarray:
            return np.array([getattr(period, name) for period in periods], dtype=np.int64)

        scheme_years = np.array([scheme_year_of(d) for d in pay_dates], dtype=np.int64)
        return PayCalendar(
            scheme_years=scheme_years,
            scheme_runs=YearRuns(scheme_years),
            tax_runs=YearRuns(np.array([tax_year_of(d) for d in pay_dates], dtype=np.int64)),
            primary_threshold=column("primary_threshold"),
            upper_earnings_limit=column("upper_earnings_limit"),
            secondary_threshold=column("secondary_threshold"),
            employee_main_rate=column("employee_main_rate"),
            employee_additional_rate=column("employee_additional_rate"),
            employer_rate=column("employer_rate"),
            apprenticeship_levy_rate=column("apprenticeship_levy_rate"),
            loan_thresholds={
                plan: np.array(
                    [period.loan_thresholds.get(plan, NOT_IN_FORCE) for period in periods],
                    dtype=np.int64,
                )
                for plan in LOAN_PLANS
            },
            undergraduate_loan_rate=column("undergraduate_loan_rate"),
            postgraduate_loan_rate=column("postgraduate_loan_rate"),
        )

    @lru_cache(maxsize=256)  # noqa: B019
    def tax_tables(self, years: tuple[int, ...], region: TaxRegion) -> TaxTables:
        rules = [self.tax_year(year) for year in years]
        width = max(len(r.brackets[region]) for r in rules)
        lower = np.full((len(years), width), NOT_IN_FORCE, dtype=np.int64)
        upper = np.full((len(years), width), NOT_IN_FORCE, dtype=np.int64)
        rates = np.zeros((len(years), width), dtype=np.int64)
        for row, rule in enumerate(rules):
            brackets = rule.brackets[region]
            for column, (threshold, rate) in enumerate(brackets):
                lower[row, column], rates[row, column] = threshold, rate
                if column + 1 < len(brackets):
                    upper[row, column] = brackets[column + 1][0]
        return TaxTables(
            years=years,
            personal_allowance=np.array([r.personal_allowance for r in rules], dtype=np.int64),
            taper_income_limit=np.array([r.taper_income_limit for r in rules], dtype=np.int64),
            taper_rate=np.array([r.taper_rate for r in rules], dtype=np.int64),
            lower=lower,
            upper=upper,
            rates=rates,
        )

    @cache  # noqa: B019
    def tax_year(self, year: int) -> TaxYearRules:
        first_day = dt.date(year, 4, 6)
        brackets = {
            region: tuple(
                (pence(b.threshold), ppm(b.rate))
                for b in self.parameters[f"income_tax.{_BRACKETS_OF[region]}.brackets"]
                .at(first_day)
                .brackets
                or ()
            )
            for region in TAX_REGIONS
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
        return ppm(parameter.at(when).number), max(dates)

    @lru_cache(maxsize=1024)  # noqa: B019
    def relocation_limit(self, when: dt.date) -> int:
        return self._amount("relocation.qualifying_expenses_limit", max(when, self.first_date))


@cache
def rule_book(path: Path = RULES_FILE) -> RuleBook:
    """The UK rules, loaded and validated once per process."""
    return RuleBook(load_parameters(path, REQUIRED))
