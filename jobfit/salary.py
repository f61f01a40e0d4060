"""Salaries as people write them: a currency by symbol ($, €, £, ₹, ¥, C$, Rs...), ISO 4217 code or name ("euros",
"dollars"), before or after the figure; the local sign of the posting's country ("$" in Sydney is Australian, "kr" in
Stockholm Swedish); thousands in either convention (65,000.50, 65.000,50, 65 000); "k", "thousand", "M" (as pay
only where a month's or a year's pay runs to millions), lakhs, crores, 万, 千, 만, juta and triệu; ranges; per hour, day,
week, month or year, said after the figure ("a year", "/hr", "monthly", "LPA", "por mês", "sebulan") or before it
("Monthly salary:", "年収"); annualized. Postings state them; resumes state what the candidate asks."""

from __future__ import annotations

import functools
import math
import re

from jobfit import exchange
from jobfit.schema import Salary

# Symbols, longest first so that "C$" is Canadian before "$" is American.
CURRENCY_SYMBOLS = {
    "US$": "USD", "CA$": "CAD", "C$": "CAD", "AU$": "AUD", "A$": "AUD", "NZ$": "NZD", "S$": "SGD", "HK$": "HKD",
    "R$": "BRL", "MX$": "MXN", "$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "Rs.": "INR", "Rs": "INR",
    "¥": "JPY", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₱": "PHP", "₪": "ILS", "₦": "NGN", "฿": "THB", "zł": "PLN",
    "RM": "MYR", "NT$": "TWD", "Rp": "IDR", "₫": "VND", "Kč": "CZK", "₴": "UAH", "￥": "JPY", "円": "JPY", "元": "CNY",
    "RMB": "CNY", "VNĐ": "VND", "원": "KRW", "Php": "PHP",  # (the Philippine peso as Filipinos write it: 'Php 25,000')
}
# A currency's name after the figure ("70 thousand dollars", "1.800 euro netti"); "dollars" are the local ones, as "$" is.
# (Not "pounds": "able to lift 50 pounds" is no pay.)
CURRENCY_NAMES = {"euro": "EUR", "euros": "EUR", "dollar": "$", "dollars": "$", "dólares": "$", "rupees": "INR",
                  "yen": "JPY", "yuan": "CNY", "reais": "BRL", "złotych": "PLN", "kronor": "SEK", "ringgit": "MYR",
                  "rupiah": "IDR", "naira": "NGN", "baht": "THB", "rand": "ZAR", "dong": "VND", "đồng": "VND",
                  "forint": "HUF", "zloty": "PLN", "lei": "RON", "koruna": "CZK", "hryvnia": "UAH", "shekels": "ILS"}
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
    # Portuguese, Dutch, Polish, Swedish, Danish and Norwegian, Malay and Indonesian: 'R$ 5.000 por mês', '€ 4.000 per
    # maand', 'zł brutto miesięcznie', '45 000 kr/mån', 'RM 3,500 sebulan', 'Rp 8 juta per bulan'
    "mês": "month", "mensal": "month", "ano": "year",
    "uur": "hour", "dag": "day", "maand": "month", "maandelijks": "month", "jaar": "year", "jaarlijks": "year",
    "godz": "hour", "godzinę": "hour", "dzień": "day", "tydzień": "week", "miesiąc": "month", "miesięcznie": "month",
    "mies": "month", "rok": "year", "rocznie": "year", "miesięczne": "month", "miesięczna": "month", "miesięczny": "month",
    "roczne": "year", "roczna": "year", "roczny": "year", "bulanan": "month", "tahunan": "year",
    "timme": "hour", "timmen": "hour", "vecka": "week", "uge": "week", "uke": "week", "månad": "month", "månaden": "month",
    "mån": "month", "måned": "month", "md": "month", "år": "year", "året": "year", "årlig": "year",
    "jam": "hour", "sejam": "hour", "hari": "day", "sehari": "day", "minggu": "week", "bulan": "month", "sebulan": "month",
    "tahun": "year", "setahun": "year",
    # Vietnamese: '15 - 20 triệu/tháng'
    "giờ": "hour", "ngày": "day", "tuần": "week", "tháng": "month", "năm": "year",
    # Chinese and Japanese after a slash: '1.5万/月'
    "月": "month", "年": "year",
}
_PERIOD_STEMS = {"stunden": "hour", "tages": "day", "monats": "month", "jahres": "year"}  # 'Stundenlohn', 'Monatsgehalt'
_MULTIPLIERS = {"k": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "l": 1e5, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5,
                "lacs": 1e5, "lpa": 1e5, "cr": 1e7, "crore": 1e7, "crores": 1e7, "thousand": 1e3, "tausend": 1e3,
                "tsd": 1e3, "ribu": 1e3, "juta": 1e6, "triệu": 1e6, "万": 1e4, "千": 1e3, "만": 1e4, "millions": 1e6,
                "millones": 1e6, "milhões": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9, "trillion": 1e12}
# Millions and more are a company's money ("raised $20M", "a £350 million investment"), unless they are worth less than
# a year's pay could be (US$1M) and said to be pay or paid by the period ("KRW 50 million per year", "Salary: VND 15
# million"): a juta or a triệu is always a salary's unit.
_COMPANY_SIZED = frozenset({"m", "mn", "million", "millions", "millones", "milhões", "bn", "b", "billion", "trillion"})
_PAY_SIZED_FROM_USD = 1_000_000
# More than any posting pays in a year, at the rough reference rates: a figure worth more, annualized, is no salary.
_MOST_PAY_USD = 10_000_000
# a figure in units only East Asia counts in, with no currency written, is in the country's ('8千-1.2万/月' in China),
# else in the one its script says (hangul won, kana yen); one in 'triệu' is in dong
_EAST_ASIAN_UNITS = frozenset({"万", "千", "만"})
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Lakhs and crores are India's (and its neighbours') units: a figure in them with no currency is in rupees.
_LAKH_GROUPED = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")  # India groups digits in lakhs: a sum so written is in rupees
_INDIAN_UNITS = frozenset(unit for unit, factor in _MULTIPLIERS.items() if factor in (1e5, 1e7))
ESTIMATE = re.compile(r"\b(est\.|estimated?|estimation)", re.I)  # 'Glassdoor est.': the board's guess, not the employer's
# money that is not pay, by the words just before it ("raised $20M", "each sale is between $250", "an education
# benefit of $1,500") or just after it ("$2,000 signing bonus", "€1000 remote working budget", "$5k workspace setup")
_NOT_PAY_BEFORE = re.compile(r"\b(?:funding|funded|raised|revenues?|valuation|valued|budgets?|invest\w*|(?:each|per|a) sale|"
                             r"sales of|turnover|grants?|prizes?|(?:(?:learning|education|training|wellness|well-being|"
                             r"health|gym|fitness|remote|home[- ]office|office|equipment|internet|phone|mobile|relocation|"
                             r"travel|meal|food|lunch|commut\w*|transport\w*|conference|books?|development|co-?working|"
                             r"workspace|setup|tech|technology|refresher|personal|work)\s+)stipends?|allowances?|reimburs\w*|spending|paid out|"
                             r"benefit of|bonus(?:es)?|differentials?|relocation|sav(?:e|es|ed|ings)|tuition|referral|gift cards?|"
                             r"vouchers?|laptops?|extra|additional)((?:\W+[\w~]+){0,3}\W*)$", re.I)
# ... unless pay is named after those words: "Budget Analyst salary: $70k"
# (the words that name pay itself, in English and the languages postings are read in)
_PAY_NOUNS = (r"salary|salaries|pay|compensation|remuneration|wages?|CTC|gehalt|vergütung|lohn|salaire|rémunération|salario|"
              r"sueldo|retribución|stipendio|retribuzione|RAL|salário|remuneração|wynagrodzenie|zarobki|lön|lønn|løn|salaris|"
              r"loon|gaji|upah|lương|thu nhập|급여|연봉|월급|시급")
# a field of pay in the text, its label and a colon before the figure: 'Salary: $85k', 'Pay: $25/hr', 'Compensation Range: $140,000'
_PAY_FIELD = re.compile(rf"(?i)\b(?:{_PAY_NOUNS})(?:\s+(?:range|rate|band|scale))?\s*:[^\d:\n]{{0,12}}$")
_PAY = re.compile(rf"(?i)\b(?:{_PAY_NOUNS}|pays|paid|rate|earn\w*|base|OTE)\b")
# (within its sentence, and not past a 'plus', a spaced '+' or an 'and': "$90,000 plus annual bonus", "$90,000 + bonus" and
# "Pay $25/hr. Annual bonus" are pay; "$50k+ monthly budgets" is not)
_NOT_PAY_AFTER = re.compile(r"\+?[^\w.;!?\n+]{0,4}(?:(?!(?:plus|and|with|or|also)\b)(?:[A-Za-z-]+|401\(?k\)?)\s+){0,3}?(?:funding|budgets?|stipends?|allowances?|reimbursements?|"
                            r"bonus(?:es)?|revenues?|MRR|ARR|sales|setup|grants?|prizes?|equipment|premiums?|payouts|gift\s+cards?|vouchers?|"
                            r"donations?|match(?:ing)?|contributions?|"
                            r"(?:for|towards?)\s+(?:\S+\s+){0,2}?(?:education|training|learning|conferences?|courses?|"
                            r"office|co-?working|wellness|gym|health))\b", re.I)  # used with .match at the figure's end
# pay named just before a figure that names no currency: where the job is known, the figure is in its currency
_PAY_LABEL = re.compile(rf"(?i)\b(?:{_PAY_NOUNS}|stipend|(?:hourly|daily|day) rates?)\b[^\d\n.;]{{0,20}}$")
# money per piece of work, not per time: "$100 per sale", "$0.50 per mile", "$15 per delivery"
_PER_UNIT = re.compile(r"\s*(?:/|per|a|an|each|every)\s*(?:sale|deal|order|referral|lead|transaction|unit|piece|mile|word|"
                       r"visit|appointment|booking|delivery|ride|trip|task|article|call)s?\b", re.I)
# the words for "and", which join a range's figures only after a word that opens it ("between"), and those words
_JOINING_WORDS = frozenset({"and", "y", "e", "et", "und", "en", "och", "og"})  # (not "a": "R$ 8.000 a R$ 10.000")
_RANGE_OPENS = re.compile(r"(?i)\b(?:between|from|entre|zwischen|von|de|tussen|mellan|mellom|od)\b[^\d.;\n]{0,12}$")
_WIDEST_RANGE = 10  # a range whose top is more than ten times its bottom is a slip ('GBP 53,000 - 60,0000')
_GROUPED = re.compile(r"\d{1,3}(?:[,.'’ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")  # a figure written in full: '80,000', '65.000'
_HEADING = re.compile(r"[^\W\d]+(?:[ \t]+[^\W\d]+){0,3}\s*:?")  # a line of one to four words
# the period said before the figure: "Monthly salary: €3,500", "Hourly rate: $25", a contractor's "Day rate: £500"
# and in other languages: 'Salaire mensuel : 3 200 €', 'Bruttomonatsgehalt: 4.500 €', 'Stundenlohn 15 €'
# and in Chinese and Japanese, where the first character says the period: '年収 500万円' (a year), '月薪 1.5万' (a month)
_PERIOD_BEFORE = re.compile(r"(?:\b(hourly|daily|weekly|monthly|yearly|annual|(?:hour|day|week)(?=\s+rates?\b)|monatlich|jährlich|"
                            r"mensuel(?:le)?|annuel(?:le)?|mensual|anual|mensile|annuo|annua|mensal|maandelijks|jaarlijks|"
                            r"miesięczn(?:ie|[aey])|roczn(?:ie|[aey])|bulanan|tahunan)\b"
                            r"|(monats|jahres|stunden|tages)(?:gehalt|lohn|vergütung|satz)"
                            r"|([年月時时日])(?:収|收|薪|俸|給|给|入)|(연봉|월급|시급|일급))[^.\n\d]{0,25}$", re.I)
# (and Korean's words for pay: '연봉 4,000만원' a year's, '월급' a month's; not '월' alone, the month of a date: '3월 입사')
_CJK_PERIODS = {"年": "year", "月": "month", "時": "hour", "时": "hour", "日": "day",
                "연봉": "year", "월급": "month", "시급": "hour", "일급": "day"}
# Chinese words for pay that Japanese does not use (月薪, 工资, 元; Japanese writes 月給, 給与, 円), and Japanese's kana
_CHINESE_PAY, _KANA = re.compile(r"[薪资元]"), re.compile(r"[\u3040-\u30ff]")
_CHINESE_PAY_LABEL = re.compile(r"(?:薪资|月薪|年薪|工资|薪酬|底薪|待遇)\s*[:：]?\s*$")
# Read as a month's pay, a figure worth $8,000 or more is far above what most people anywhere are paid a month; read as a
# year's pay, one worth less is below a full-time minimum wage in the US, the UK, Canada and Australia, which quote pay by
# the year (India's yearly figures say so: "LPA", "per annum", lakh grouping).
_YEARLY_FROM_USD = 8000
# Where people state pay by the year in their own currency below that line: India quotes a salary as the year's cost to the
# company ("CTC"), in lakhs, and a month's pay of a lakh (about $1,150) is a senior's, who says "per month".
_YEARLY_FROM_LOCAL = {"INR": 100_000}


@functools.cache
def local_currency(country: str | None) -> tuple[str, str] | None:
    """The currency of a country (alpha-2) and the sign its people write it with, by the Unicode CLDR (Babel):
    ('AUD', '$') for AU, ('SEK', 'kr') for SE, ('CNY', '¥') for CN; None for an unknown country."""
    if not country:
        return None
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_territory_currencies

    try:
        code = next(iter(get_territory_currencies(country.upper())), None)
        sign = Locale.parse(f"und_{country.upper()}").currency_symbols.get(code or "") if code else None
    except (UnknownLocaleError, ValueError):
        return None
    return (code, (sign or code).rstrip(".")) if code else None


@functools.cache
def _pattern(local_sign: str | None = None) -> re.Pattern:
    import pycountry

    codes = sorted({c.alpha_3 for c in pycountry.currencies} - {"XXX", "XTS"})
    # a symbol that starts with a letter ("Rs", "C$", a local "kr" or "R") is no symbol inside a word ("Users 10")
    signs = {*CURRENCY_SYMBOLS, *([local_sign] if local_sign else [])}
    symbols = "|".join(("(?<![A-Za-z])" if s[0].isalpha() else "") + re.escape(s) + (r"\.?" if s.isalpha() else "")
                       for s in sorted(signs, key=len, reverse=True))
    # codes in capitals only (not "all", "top", "per"), set apart from the figure or not ("USD 50,000", "PHP25,000")
    currency = rf"(?:{symbols}|\b(?-i:{'|'.join(codes)})(?:\b|(?=\d)))"
    named = rf"(?:{currency}|\b(?:{'|'.join(CURRENCY_NAMES)})\b)"  # after the figure, a currency may be named
    # thousands grouped by commas or dots, spaces, or Swiss apostrophes (120'000); India's lakhs (8,00,000; 1,20,00,000)
    number = (_LAKH_GROUPED.pattern + r"\b|"
              r"\d{1,3}(?:(?:[,.'’](?=\d{3}\b)\d{3})+|(?:[ \u00a0\u202f](?=\d{3}\b)\d{3})+)(?:[.,]\d+)?|\d+(?:[.,]\d+)?")
    multiplier = (r"(?:(?:k|mn|m|millions?|millones|milhões|bn|b|billion|trillion|thousand|tausend|tsd|lakhs?|lacs?|l|crores?|"
                  r"cr|ribu|juta|triệu)\b\.?(?!\w)|[万千만])")

    def amount(n: str) -> str:
        # (India's '/-' after a sum: 'Rs 15,000/- per month')
        # (a code after the figure may stand in brackets: '90,000 - 110,000 (USD)')
        return (rf"(?P<{n}cur>{currency})?\s?(?P<{n}>{number})(?:/-)?\s?(?P<{n}k>{multiplier})?"
                rf"(?:\s?(?P<{n}bracket>\()?(?P<{n}cur2>{named})(?({n}bracket)\)))?")

    # (gross or net said between: '65.000 € brutto im Jahr', '45 000 € brut annuel', '1.800 euro netti al mese')
    words = "|".join(map(re.escape, sorted(set(_PERIOD_WORDS) - {"an"}, key=len, reverse=True)))
    period = r"(?:(?:brutto|netto|brut|net|brutos?|netos?|bruto|lordi|lordo|netti|gross)(?:\s+|(?=/)))?" \
             r"(?:(?:per|an|a|/|each|pro|par|por|al|im|le|la|il|na|pr\.?|om|i|setiap|tiap|每)\s*)?" \
             rf"(?P<period>{words}|(?<=par )an)\b\.?"
    # A figure starts at a digit, a symbol or the start of a word: testing that first spares the long alternation of
    # currency codes at every other letter (2.2 -> 0.93 ms for a posting's text)
    # (and not inside a word or a number: the 3 of 'L3 $110k' is a level, not three dollars)
    start = r"(?:(?<![A-Za-z\d])(?=\d)|(?=[$€£₹¥￥₩₽₺₱₪₦฿₫₴])|(?<![A-Za-z])(?=[A-Za-z]))"
    # between the two figures of a range: a dash, 'to' or 'and' in English and other languages ('de 40.000 a 50.000',
    # 'od 12 000 do 16 000 zł', 'mellan 40 000 och 50 000 kr', '500万円〜700万円')
    between = r"(?:-|–|—|~|〜|～|to|and|à|bis|hasta|till|tot|do|até|sampai|hingga|(?:a|y|e|et|und|en|och|og)(?=\s+(?:\S{1,3}\s?)?\d))"
    return re.compile(
        start + amount("lo")
        + rf"(?:(?:\s*/\s*(?P<loperiod>{words})\b\.?)?\s*(?P<join>{between})\s*" + amount("hi") + r")?"  # "$40/hour - $50/hour"
        + r"(?:\s*\b(?:euros?|dollars?|pounds?|rupees?|francs?)\b)?"  # "€2200 Euros per month"
        + rf"(?:\s*{period})?",
        re.I,
    )


def _amount(number: str, multiplier: str | None) -> float:
    """A money figure in any convention: 65,000.50, the EU's 65.000,50, 65 000; times k, M, lakh, crore or 万."""
    number = re.sub(r"[ \u00a0\u202f'’]", "", number)  # India's 12,00,000 loses its commas below, as 65,000 does
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", number) or re.fullmatch(r"\d+,\d{1,2}", number):
        value = float(number.replace(".", "").replace(",", "."))
    else:
        value = float(number.replace(",", ""))
    return value * _MULTIPLIERS.get((multiplier or "").lower().rstrip("."), 1)


_SYMBOLS_FOLDED = {symbol.lower(): code for symbol, code in {**CURRENCY_SYMBOLS, **CURRENCY_NAMES}.items()}


def _currency(written: str | None, local: tuple[str, str] | None) -> str | None:
    """The ISO code of a currency as written: a code, a symbol, a name, or the local sign of the country (`local`);
    a dollar sign or 'dollars' is the local dollar where people write theirs so ("$" in Sydney, Toronto, Singapore)."""
    if not written:
        return None
    folded = written.lower().rstrip(".")
    code = _SYMBOLS_FOLDED.get(folded) or written.upper()
    dollar = folded == "$" or CURRENCY_NAMES.get(folded) == "$"  # a bare sign or name ('US$' and 'USD' say whose)
    if local and (folded == local[1].lower() or (dollar and local[1].endswith("$"))):
        return local[0]
    return "USD" if code == "$" else code


def _period_by_size(amount: float, currency: str, by_code: bool) -> str | None:
    """The period of a figure that says none, by what it is worth in US dollars at the reference rates: a year's pay
    from $8,000 ("$85,000", "€45.000", "¥5,000,000"), a month's below that ("RM 4,500", "R$ 5.000", "480.000 Ft",
    "¥300,000", "$5,000"), an hour's when small ("$25", "€15", "¥1,200"; not after a code: "PHP 7", "Rs 40"). A currency
    with no reference rate is judged at its rough worth (`exchange.ROUGH_UNITS_PER_USD`: "NGN 350,000" a month's, "VND 15
    million" a month's); in one with neither, a year's from 1,000 of it, an hour's below 200. In rupees a year's from a
    lakh ("INR 500,000", "₹5,00,000", "4.5 lakhs": `_YEARLY_FROM_LOCAL`)."""
    if amount >= _YEARLY_FROM_LOCAL.get(currency, math.inf):
        return "year"
    usd = exchange.rough_usd(amount, currency)
    if usd is None:
        return "year" if amount >= 1000 else ("hour" if amount < 200 and not by_code else None)
    if usd >= _YEARLY_FROM_USD:
        return "year"
    if amount >= 1000 and usd >= 100:
        return "month"
    return "hour" if (amount < 200 or usd < 100) and not by_code else None


def parse_salary(text: str, country: str | None = None, field: bool = False) -> Salary | None:
    """The salary stated in text, with currency and period (by the figure's size when none is said): the first figure
    that has pay named before it, else the first that reads as pay. `country` (alpha-2), where the job is, reads its
    own currency's sign: "$" in Australia, "kr" in Sweden, "R" in South Africa. A `field` is a posting's salary field,
    where pay need not be named: all of it is about pay."""
    text = text or ""
    first = named = None
    for salary, start in _salaries(text, country, field):
        if field or _PAY_FIELD.search(text, max(0, start - 30), start):
            return salary  # a labeled salary ('Pay: $60,000 - $140,000+ per year') before one a sentence names
        if named is None and _pay_named_before(text, start):
            named = salary  # ('The top sales reps are on track to earn over $140k this year')
        if first is None:
            first = salary
    return named or first


def _pay_named_before(text: str, start: int) -> bool:
    """Pay is named in the sentence before the figure at `start` ("Salary: $70k", "We pay $18 an hour", "OTE $120,000"),
    or in a short heading or bullet on the line above it ("Compensation" / "$120,000 - $150,000")."""
    line_start = text.rfind("\n", 0, start) + 1
    window = text[max(line_start, start - 80):start]
    above = text[:line_start].rstrip().rpartition("\n")[2] if line_start else ""
    if _HEADING.fullmatch(above.strip(" \t-*•·▪–")):
        window = f"{above} {window}"
    return _PAY.search(re.split(r"[.!?;](?:\s|$)", window)[-1]) is not None


def _salaries(text: str, country: str | None, field: bool = False):
    """Each figure in text that reads as pay, with where it starts (`field`: the text is about pay)."""
    local = local_currency(country)
    global_sign = local is None or local[1].lower() in _SYMBOLS_FOLDED or re.fullmatch(r"[A-Z]{3}", local[1])
    for match in _pattern(None if global_sign else local[1]).finditer(text):
        written_as = [w for w in (match["locur"], match["locur2"], match["hicur"], match["hicur2"]) if w]
        # a code says which currency when a sign is written too ('$120,000 USD' in Toronto)
        symbol = next((w for w in written_as if re.fullmatch(r"[A-Z]{3}", w)), written_as[0] if written_as else None)
        currency = _currency(symbol, local)
        if currency == "JPY" and symbol in ("¥", "￥") and local is None and _CHINESE_PAY.search(text) and not _KANA.search(text):
            currency = "CNY"  # the yen sign in Chinese is the yuan's: '月薪 ¥15,000', '工资 ¥6000'; not '月給 ¥300,000'
        written = (match["period"] or match["loperiod"] or "").lower()
        units = {(match["lok"] or "").lower().rstrip("."), (match["hik"] or "").lower().rstrip(".")}
        if not currency and (units | {written}) & _INDIAN_UNITS or not currency and _LAKH_GROUPED.fullmatch(match["lo"]):
            currency, symbol = "INR", "lakh"  # "CTC: 12-18 LPA", "3.5 - 5 Lakhs per annum", "3,00,000 - 5,00,000 P.A."
        elif not currency and "triệu" in units:
            currency, symbol = "VND", "triệu"  # 'Lương: 15 - 20 triệu/tháng'
        elif not currency and (units & _EAST_ASIAN_UNITS or _CHINESE_PAY_LABEL.search(text[max(0, match.start() - 8):match.start()])):
            # (or labelled so in Chinese: '薪资：20k-30k/月', '月薪 15000'; not '薪资面议，2023年入职')
            currency = local[0] if local else "KRW" if _HANGUL.search(text) else "JPY" if _KANA.search(text) \
                else "CNY" if _CHINESE_PAY.search(text) else None
            symbol = currency
        if not currency and local and (field or _PAY_LABEL.search(text, max(0, match.start() - 40), match.start())):
            currency, symbol = local[0], local[0]  # 'Salary: 40,000 to 50,000 per month' in Pune is in rupees
        unit = "lpa" if written == "lpa" else None  # "12 LPA": lakhs per annum
        # (the unit said once, after the range: '$80-100k'; not after a figure written in full: '$80,000 and 401k')
        low = _amount(match["lo"], match["lok"] or (None if _GROUPED.fullmatch(match["lo"]) else match["hik"]) or unit)
        high = _amount(match["hi"], match["hik"] or unit) if match["hi"] else None
        if high and low < 1000 <= high / 10 and not match["lok"] and high / 2 <= low * 1000 <= high:
            low *= 1000  # the thousands said once: "$15 - $20,000 a month", "$175 - $250,000 a year"
        if high is not None and (high < low or high > _WIDEST_RANGE * low or match["join"].lower() in _JOINING_WORDS
                                 and not _RANGE_OPENS.search(text, max(0, match.start() - 30), match.start())):
            # no range: '$85,000 and 401(k)', 'Salary: $50,000 and 2 weeks PTO' (a range of words opens with one:
            # 'between $40,000 and $50,000', 'entre 30.000 y 35.000')
            high, written = None, (match["loperiod"] or "").lower()
        period = _PERIOD_WORDS.get(written) or _PERIOD_WORDS.get(written.rstrip("."))
        if not currency or low < 1:
            continue
        if units & _COMPANY_SIZED and not ((exchange.rough_usd(max(low, high or low), currency) or math.inf) < _PAY_SIZED_FROM_USD
                                           and (period or field or _pay_named_before(text, match.start()))):
            continue  # "$11M paid out to our engineers", "a $3.5 trillion industry": a company's money, not a salary
        before = _NOT_PAY_BEFORE.search(text[max(0, match.start() - 40):match.start()])
        # 'Pay $25/hr. Annual bonus': the sentence ended with the period's dot (not so '€5,000 p.a. travel allowance')
        ended = match.group(0).endswith(".") and re.match(r"\s+[A-Z]", text[match.end():]) is not None
        end = len(match.group(0).rstrip()) + match.start()  # the figure's end, not the space after it
        if (before and not _PAY.search(before.group(1))) or not ended and _NOT_PAY_AFTER.match(text, end) \
                or _PER_UNIT.match(text, end):
            continue
        if period is None and (said := _PERIOD_BEFORE.search(text[max(0, match.start() - 40):match.start()])):
            period = _PERIOD_WORDS[said.group(1).lower()] if said.group(1) else _PERIOD_STEMS[said.group(2).lower()] \
                if said.group(2) else _CJK_PERIODS[said.group(3) or said.group(4)]
        if period is None and (period := _period_by_size(low, currency, by_code=symbol.rstrip(".").isalpha())) is None:
            continue  # "PHP 7", "Rs 40": a small figure after a code names no pay
        factor = PERIODS_PER_YEAR[period]
        if (exchange.rough_usd((high or low) * factor, currency) or 0) > _MOST_PAY_USD:
            continue  # "$99999999999999999999" (a typo, an id), "$50,000 an hour": no posting pays that
        yield Salary(
            min=low, max=high or low, currency=currency, period=period,
            annualized_min=low * factor, annualized_max=(high or low) * factor,
            stated=not ESTIMATE.search(text[match.end():match.end() + 40]),
        ), match.start()
