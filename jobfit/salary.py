"""Salaries as people write them: currency ($, €, £, ₹ and ISO codes), EU number formats, "k", ranges,
"up to", per hour, day, week, month or year, annualized. Postings state them; resumes state what they ask."""

from __future__ import annotations

import re

from jobfit.schema import Salary

CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₹": "INR"}
_AMOUNT = r"(?P<{n}cur>[$€£₹]|USD|EUR|GBP|INR)?\s?(?P<{n}>\d{{1,3}}(?:[,.]\d{{3}})*(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?P<{n}k>[kK])?"
SALARY = re.compile(
    _AMOUNT.format(n="lo") + r"(?:\s*(?:-|–|—|to)\s*" + _AMOUNT.format(n="hi") + r")?"
    r"\s*(?:(?:per|an|a|/)\s*(?P<period>hour|hr|day|week|month|year|yr|annum))?",
    re.I,
)
PERIOD_NAMES = {"hr": "hour", "yr": "year", "annum": "year"}
PERIODS_PER_YEAR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}


def _amount(number: str, k: str | None) -> float:
    """A money figure in either convention: 65,000.50 or the EU's 65.000,50."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", number):
        value = float(number.replace(".", "").replace(",", "."))
    else:
        value = float(number.replace(",", ""))
    return value * 1000 if k else value


ESTIMATE = re.compile(r"\b(est\.|estimated?|estimation)", re.I)  # 'Glassdoor est.': the board's guess, not the employer's


def parse_salary(text: str) -> Salary | None:
    """The first salary stated in text, with currency and period (year when a yearly-size figure has none)."""
    for match in SALARY.finditer(text or ""):
        currency = match["locur"] or match["hicur"]
        if not currency and not match["period"] and not match["lok"]:
            continue
        low = _amount(match["lo"], match["lok"] or match["hik"])
        high = _amount(match["hi"], match["hik"]) if match["hi"] else None
        period = PERIOD_NAMES.get((match["period"] or "").lower(), (match["period"] or "").lower()) or None
        if period is None:
            period = "year" if low >= 1000 else ("hour" if low < 200 else None)
            if period is None:
                continue
        if not currency:
            continue
        currency = CURRENCY_SYMBOLS.get(currency, currency.upper())
        factor = PERIODS_PER_YEAR[period]
        return Salary(
            min=low, max=high or low, currency=currency, period=period,
            annualized_min=low * factor, annualized_max=(high or low) * factor,
            stated=not ESTIMATE.search(text[match.end():match.end() + 40]),
        )
    return None
