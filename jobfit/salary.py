"""Salaries as people write them: a currency by symbol ($, €, £, ₹, ¥, C$, Rs...) or ISO 4217 code, before or
after the figure; thousands in either convention (65,000.50, 65.000,50, 65 000); "k", "M", lakhs and crores;
ranges; per hour, day, week, month or year, said after the figure ("a year", "/hr", "monthly", "LPA") or before it
("Monthly salary:"); annualized. Postings state them; resumes state what the candidate asks."""

from __future__ import annotations

import functools
import re

from jobfit.schema import Salary

# Symbols, longest first so that "C$" is Canadian before "$" is American.
CURRENCY_SYMBOLS = {
    "US$": "USD", "CA$": "CAD", "C$": "CAD", "AU$": "AUD", "A$": "AUD", "NZ$": "NZD", "S$": "SGD", "HK$": "HKD",
    "R$": "BRL", "MX$": "MXN", "$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "Rs.": "INR", "Rs": "INR",
    "¥": "JPY", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₱": "PHP", "₪": "ILS", "₦": "NGN", "฿": "THB", "zł": "PLN",
    "RM": "MYR",
}
PERIODS_PER_YEAR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}
_PERIOD_WORDS = {
    "hour": "hour", "hourly": "hour", "hr": "hour", "h": "hour", "day": "day", "daily": "day", "week": "week",
    "weekly": "week", "wk": "week", "month": "month", "monthly": "month", "mo": "month", "mth": "month",
    "year": "year", "yearly": "year", "annual": "year", "annually": "year", "annum": "year", "yr": "year",
    "pa": "year", "p.a.": "year", "p.a": "year", "lpa": "year",
    # German, French, Spanish, Italian: 'pro Stunde', 'par mois', 'al mes', 'brutto im Jahr', 'brut annuel'
    "stunde": "hour", "std": "hour", "heure": "hour", "hora": "hour", "ora": "hour",
    "tag": "day", "jour": "day", "día": "day", "dia": "day", "giorno": "day",
    "woche": "week", "semaine": "week", "semana": "week", "settimana": "week",
    "monat": "month", "monatlich": "month", "mois": "month", "mensuel": "month", "mensuelle": "month",
    "mes": "month", "mensual": "month", "mensuales": "month", "mese": "month", "mensile": "month",
    "jahr": "year", "jährlich": "year", "an": "year", "année": "year", "annuel": "year",
    "annuelle": "year", "año": "year", "anual": "year", "anuales": "year", "anno": "year", "annuo": "year",
    "annua": "year", "annui": "year",
}
_PERIOD_STEMS = {"stunden": "hour", "tages": "day", "monats": "month", "jahres": "year"}  # 'Stundenlohn', 'Monatsgehalt'
_MULTIPLIERS = {"k": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "l": 1e5, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5,
                "lacs": 1e5, "lpa": 1e5, "cr": 1e7, "crore": 1e7, "crores": 1e7}
# Lakhs and crores are India's (and its neighbours') units: a figure in them with no currency is in rupees.
_INDIAN_UNITS = frozenset(unit for unit, factor in _MULTIPLIERS.items() if factor in (1e5, 1e7))
ESTIMATE = re.compile(r"\b(est\.|estimated?|estimation)", re.I)  # 'Glassdoor est.': the board's guess, not the employer's
# money that is not pay, by the words just before it ("raised $20M", "each sale is between $250", "an education
# benefit of $1,500") or just after it ("$2,000 signing bonus", "€1000 remote working budget", "$5k workspace setup")
_NOT_PAY_BEFORE = re.compile(r"\b(?:funding|funded|raised|revenues?|valuation|valued|budgets?|invest\w*|(?:each|per|a) sale|"
                             r"sales of|turnover|grants?|prizes?|(?:(?:learning|education|training|wellness|well-being|"
                             r"health|gym|fitness|remote|home[- ]office|office|equipment|internet|phone|mobile|relocation|"
                             r"travel|meal|food|lunch|commut\w*|transport\w*|conference|books?|development|co-?working|"
                             r"workspace|setup|tech|technology|refresher|personal|work)\s+)stipends?|allowances?|reimburs\w*|spending|paid out|"
                             r"benefit of)((?:\W+[\w~]+){0,3}\W*)$", re.I)
# ... unless pay is named after those words: "Budget Analyst salary: $70k"
_PAY = re.compile(r"(?i)\b(?:salary|pay|paid|compensation|wages?|rate|earn\w*|base|OTE|gehalt|vergütung|lohn|salaire|"
                  r"rémunération|salario|sueldo|retribución|stipendio|retribuzione)\b")
# (within its sentence, and not past a 'plus', a spaced '+' or an 'and': "$90,000 plus annual bonus", "$90,000 + bonus" and
# "Pay $25/hr. Annual bonus" are pay; "$50k+ monthly budgets" is not)
_NOT_PAY_AFTER = re.compile(r"\+?[^\w.;!?\n+]{0,4}(?:(?!(?:plus|and|with|or|also)\b)[A-Za-z-]+\s+){0,3}?(?:funding|budgets?|stipends?|allowances?|reimbursements?|"
                            r"bonus(?:es)?|revenues?|sales|setup|grants?|prizes?|equipment|premiums?|payouts|"
                            r"(?:for|towards?)\s+(?:\S+\s+){0,2}?(?:education|training|learning|conferences?|courses?|"
                            r"office|co-?working|wellness|gym|health))\b", re.I)  # used with .match at the figure's end
# the period said before the figure: "Monthly salary: €3,500", "Hourly rate: $25", a contractor's "Day rate: £500"
# and in other languages: 'Salaire mensuel : 3 200 €', 'Bruttomonatsgehalt: 4.500 €', 'Stundenlohn 15 €'
_PERIOD_BEFORE = re.compile(r"(?:\b(hourly|daily|weekly|monthly|yearly|annual|(?:hour|day|week)(?=\s+rates?\b)|monatlich|jährlich|"
                            r"mensuel(?:le)?|annuel(?:le)?|mensual|anual|mensile|annuo|annua)\b"
                            r"|(monats|jahres|stunden|tages)(?:gehalt|lohn|vergütung|satz))[^.\n\d]{0,25}$", re.I)


@functools.cache
def _pattern() -> re.Pattern:
    import pycountry

    codes = sorted({c.alpha_3 for c in pycountry.currencies} - {"XXX", "XTS"})
    # a symbol that starts with a letter ("Rs", "C$") is no symbol inside a word ("Users 10")
    symbols = "|".join(("(?<![A-Za-z])" if s[0].isalpha() else "") + re.escape(s)
                       for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
    currency = rf"(?:{symbols}|\b(?-i:{'|'.join(codes)})\b)"  # codes in capitals only: not "all", "top", "per"
    # thousands grouped by commas or dots, spaces, or Swiss apostrophes (120'000); India's lakhs (8,00,000; 1,20,00,000)
    number = (r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?\b|"
              r"\d{1,3}(?:[,.'’](?=\d{3}\b)\d{3}|[ \u00a0\u202f](?=\d{3}\b)\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")
    multiplier = r"(?:k|mn|m|million|bn|b|billion|trillion|lakhs?|lacs?|l|crores?|cr)\b\.?"

    def amount(n: str) -> str:
        return rf"(?P<{n}cur>{currency})?\s?(?P<{n}>{number})\s?(?P<{n}k>{multiplier}(?!\w))?\s?(?P<{n}cur2>{currency})?"

    # (gross or net said between: '65.000 € brutto im Jahr', '45 000 € brut annuel', '40.000 € brutos anuales')
    period = r"(?:(?:brutto|netto|brut|net|brutos?|netos?|lordi|gross)\s+)?(?:(?:per|an|a|/|each|pro|par|por|al|im|le|la|il)\s*)?" \
             rf"(?P<period>{'|'.join(map(re.escape, sorted(set(_PERIOD_WORDS) - {'an'}, key=len, reverse=True)))}|(?<=par )an)\b\.?"
    # A figure starts at a digit, a symbol or the start of a word: testing that first spares the long alternation of
    # currency codes at every other letter (2.2 -> 0.93 ms for a posting's text).
    start = r"(?:(?=[\d$€£₹¥₩₽₺₱₪₦฿])|(?<![A-Za-z])(?=[A-Za-z]))"
    return re.compile(
        start + amount("lo") + r"(?:\s*(?:-|–|—|to|and|à|bis|hasta|a(?=\s+\d))\s*" + amount("hi") + r")?"
        + r"(?:\s*\b(?:euros?|dollars?|pounds?|rupees?|francs?)\b)?"  # "€2200 Euros per month"
        + rf"(?:\s*{period})?",
        re.I,
    )


def _amount(number: str, multiplier: str | None) -> float:
    """A money figure in any convention: 65,000.50, the EU's 65.000,50, 65 000; times k, M, lakh or crore."""
    number = re.sub(r"[ \u00a0\u202f'’]", "", number)  # India's 12,00,000 loses its commas below, as 65,000 does
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", number) or re.fullmatch(r"\d+,\d{1,2}", number):
        value = float(number.replace(".", "").replace(",", "."))
    else:
        value = float(number.replace(",", ""))
    return value * _MULTIPLIERS.get((multiplier or "").lower().rstrip("."), 1)


_SYMBOLS_FOLDED = {symbol.lower(): code for symbol, code in CURRENCY_SYMBOLS.items()}  # "us$", "rs" as the text has them


def _currency(written: str | None) -> str | None:
    if not written:
        return None
    return _SYMBOLS_FOLDED.get(written.lower()) or written.upper()


def parse_salary(text: str) -> Salary | None:
    """The first salary stated in text, with currency and period (year when a yearly-size figure has none)."""
    text = text or ""
    for match in _pattern().finditer(text):
        symbol = match["locur"] or match["locur2"] or match["hicur"] or match["hicur2"]
        currency = _currency(symbol)
        written = (match["period"] or "").lower()
        if not currency and {(match["lok"] or "").lower().rstrip("."), (match["hik"] or "").lower().rstrip("."), written} & _INDIAN_UNITS:
            currency, symbol = "INR", "lakh"  # "CTC: 12-18 LPA", "3.5 - 5 Lakhs per annum"
        period = _PERIOD_WORDS.get(written) or _PERIOD_WORDS.get(written.rstrip("."))
        unit = "lpa" if written == "lpa" else None  # "12 LPA": lakhs per annum
        low = _amount(match["lo"], match["lok"] or match["hik"] or unit)
        high = _amount(match["hi"], match["hik"] or unit) if match["hi"] else None
        if not currency or low < 1 or (match["lok"] or "")[:1].lower() in ("m", "b", "t"):
            continue  # "$11M paid out to our engineers", "a $3.5 trillion industry": a company's money, not a salary
        before = _NOT_PAY_BEFORE.search(text[max(0, match.start() - 40):match.start()])
        # 'Pay $25/hr. Annual bonus': the sentence ended with the period's dot (not so '€5,000 p.a. travel allowance')
        ended = match.group(0).endswith(".") and re.match(r"\s+[A-Z]", text[match.end():]) is not None
        end = len(match.group(0).rstrip()) + match.start()  # the figure's end, not the space after it
        if (before and not _PAY.search(before.group(1))) or not ended and _NOT_PAY_AFTER.match(text, end):
            continue
        if period is None and (said := _PERIOD_BEFORE.search(text[max(0, match.start() - 40):match.start()])):
            period = _PERIOD_WORDS[said.group(1).lower()] if said.group(1) else _PERIOD_STEMS[said.group(2).lower()]
        if period is None:
            by_code = symbol.rstrip(".").isalpha()  # "USD", "Rs"
            period = "year" if low >= 1000 else ("hour" if low < 200 and not by_code else None)
            if period is None:
                continue  # "PHP 7", "Rs 40": a small figure after a code names no pay
        factor = PERIODS_PER_YEAR[period]
        return Salary(
            min=low, max=high or low, currency=currency, period=period,
            annualized_min=low * factor, annualized_max=(high or low) * factor,
            stated=not ESTIMATE.search(text[match.end():match.end() + 40]),
        )
    return None
