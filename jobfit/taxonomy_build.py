"""Build jobfit's derived taxonomy file from the ESCO and O*NET sources plus jobfit's own extras.

    jobfit build-taxonomy --esco DIR --onet DIR [--out FILE]

The raw sources are not shipped (ESCO v1.1.1 CSVs, O*NET 27.0 text files); the compact file this
writes is (`jobfit/data/taxonomy/taxonomy.json.gz`, with ATTRIBUTION.md beside it). One merged graph:

- skills: ESCO skills and knowledge (preferred, alternative and hidden labels), jobfit's extras
  (modern technology names and abbreviations, merged into the ESCO skill of the same name), and
  O*NET technology examples (merged by name, else added as technologies); type, category,
  parents (ESCO broader skills, extras), related skills (ESCO skill-skill relations), O*NET hot
  technology flag and commodity class;
- occupations: ESCO occupations with alternative labels, ISCO unit group, essential and optional
  skills, and O*NET-SOC codes where O*NET's title and ESCO's labels agree; the job titles of software
  teams that ESCO lacks come from O*NET's computer occupations and jobfit's extras.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import polars as pl
import yaml

from jobfit.taxonomy import (
    FUNCTION_WORDS,
    TAXONOMY_FORMAT,
    TECH_CATEGORIES,
    _coined,
    _singular,
    alias_key,
    default_extras_path,
    initials,
    strip_qualifier,
    title_head,
)
from jobfit.text import dictionary_words, foreign_common_words

CATEGORY_BY_ISCED = {  # ESCO knowledge groups (ISCED-F fields) that map to a jobfit category
    "0612": "databases",
    "0611": "tools and platforms",
    "0613": "tools and platforms",
    "061": "tools and platforms",
    "0542": "data and ML",
}
COMMODITY_CATEGORY = [  # O*NET commodity titles → jobfit category, first match wins
    ("data base", "databases"),
    ("object or component oriented development", "frameworks and libraries"),
    ("web platform development", "frameworks and libraries"),
    ("analytical or scientific", "data and ML"),
    ("business intelligence", "data and ML"),
    ("data mining", "data and ML"),
    ("cloud-based", "cloud"),
    ("development environment", "programming languages"),
    ("compiler", "programming languages"),
]


UNSPECIFIC_GROUP = re.compile(r"not elsewhere classified|not further defined|inter-disciplinary|field unknown|generic programmes")


FUNCTION_WORD_START = re.compile(r"^(and|or|of|with|for|to|in|on|by|from)\s", re.I)


def _labels(cell: str | None) -> list[str]:
    return [s.strip() for s in (cell or "").replace(" | ", "\n").split("\n") if s.strip()]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "x"


def _uuid(uri: str) -> str:
    return uri.rsplit("/", 1)[-1]


# names of fields and practices are words that are the skill ('informatics'), not another thing's name
_FIELD_WORD = re.compile(r"(?:ics|ology|graphy|ing)$")


def _dictionary_word(name: str, dictionary: frozenset[str]) -> bool:
    """A one-word technology name that is an English word ('Forth', 'Loom', 'Samba', 'embark'), not a coined
    one ('BlackBerry') nor a field ('informatics'): read ESCO's and O*NET's as written and in technical context."""
    word = name.lower()
    return word in dictionary and not _coined(name) and not _FIELD_WORD.search(word)


def _ordinary_phrase(name: str, dictionary: frozenset[str]) -> bool:
    """A product's proper name of several English words, each capitalized ('After the Deadline', 'Applied
    Discovery', 'Web of Science'): read only as written, not 'after the deadline' or 'basic and applied
    discovery research'. Not a described kind ('Medical billing software') nor a name with an acronym ('ADP')."""
    words = name.split()
    return len(words) >= 2 and all(
        w.lower() in FUNCTION_WORDS or (w.isalpha() and w[0].isupper() and w[1:].islower() and w.lower() in dictionary)
        for w in words)


# A role noun ends at least this share of ESCO's occupation labels ('manager', 'analyst', 'agent'; not 'pilot', 'master')
ROLE_HEAD_SHARE = 0.003


class _JobTitles:
    """How ESCO's occupation labels are worded: the words they use and the head noun each ends in ('manager' of
    'restaurant manager', 'director' of 'director of sales')."""

    def __init__(self, labels: list[str]):
        self.words: set[str] = set()
        heads: Counter[str] = Counter()
        for label in labels:
            self.words.update(re.findall(r"[a-z]+", label.lower()))
            head = re.findall(r"[a-z]+", title_head(label))
            if head:
                heads[head[-1]] += 1
        self.roles = {w for w, n in heads.items() if n >= ROLE_HEAD_SHARE * max(len(labels), 1)}

    def reads_as_one(self, name: str, is_technology: Callable[[str], bool]) -> bool:
        """Whether a product's name, two or three words ending in a role noun, each a word of the occupations' labels
        and none a technology's name, is worded as a job title: 'Content Manager' (IBM's), 'Financial Analyst'
        (Moody's), 'Restaurant Manager'. In a posting or a resume it is the person ('the Content Manager and a team of
        writers'), not the product; 'Windows Movie Maker' and 'Rational Application Developer' read as products."""
        words = name.lower().split()
        return (2 <= len(words) <= 3 and words[-1] in self.roles and all(w in self.words for w in words)
                and not any(is_technology(w) for w in name.split()))


def _any_case(short: str, common: set[str], known_words: Counter[str], dictionary: frozenset[str]) -> bool:
    """Whether an O*NET product's short name counts in any case. Several words, one of them no ordinary word
    ('Visual Studio Code', 'Power BI'): yes; all ordinary or capitalized English words ('Enterprise Manager',
    'Applied Discovery'): only as written, not 'enterprise managers trained'. One word: when made up ('JMeter')
    or no English word ('Jdeveloper'; not 'Smoke', nor an acronym) that ESCO's prose never writes."""
    several = " " in short and not all(w in common for w in alias_key(short).split()) and not _ordinary_phrase(short, dictionary)
    made_up = bool(re.search(r"[a-z][A-Z]|\d", short)) or (
        " " not in short and not short.isupper() and not {short.lower(), short.lower().removesuffix("s")} & dictionary)
    return several or (made_up and alias_key(short) not in known_words)


def _prose_words(*frames_and_columns) -> Counter[str]:
    """How often ESCO's own prose uses each lower-case word (as an alias key). Used at least 5 times, it is a
    common word: a technology named by one ('Access', 'Spark', 'Chef') needs its case and context."""
    counts: Counter[str] = Counter()
    for frame, column in frames_and_columns:
        for text in frame[column].drop_nulls().to_list():
            counts.update(re.findall(r"\b[a-z][a-z]+\b", text))
    stemmed: Counter[str] = Counter()
    for word, n in counts.items():
        stemmed[alias_key(word)] += n  # compared with alias keys, so in the same form ('processes' → 'processe')
    return stemmed


# Words of a company's name that follow the vendor's ('Adobe Systems', 'Landmark Graphics', 'Fluke Networks').
_CORPORATE_WORDS = frozenset("systems software technology technologies corporation corp inc graphics networks engineering "
                             "healthcare design solutions global robotics instruments".split())


def _without_vendor(products: list[str], common: set[str]) -> dict[str, str]:
    """O*NET product names without their vendor, as people write them: 'Apache JMeter' -> 'JMeter',
    'Hewlett Packard LoadRunner' -> 'LoadRunner', 'Adobe Systems Adobe Dreamweaver' -> 'Dreamweaver'.

    A vendor is a capitalized first word that is no ordinary word and starts at least five product
    names, or one named after its only product ('StataCorp Stata'); a second such word that follows it as
    often ('Hewlett Packard') and the words of a company's name ('Systems') go with it, unless an ordinary
    word would be left ('IBM Lotus Notes'). A short name must be a proper name (capitalized), not an ordinary
    word ('Autodesk Smoke', 'Blackboard Learn') nor a one-word acronym ('Landmark VIP'); two products share
    one only when it is one word ('CATIA', kept by the first)."""
    words = [name.split() for name in products]
    first = Counter(w[0] for w in words if len(w) >= 2)
    vendors = {v for v, n in first.items() if n >= 5 and v[:1].isupper() and alias_key(v) not in common}
    second = Counter((w[0], w[1]) for w in words if len(w) >= 3 and w[0] in vendors)
    out: dict[str, str] = {}
    for name, w in zip(products, words, strict=True):
        if _named_after_product(w):
            rest = w[1:]
        elif len(w) < 2 or w[0] not in vendors:
            continue
        else:
            rest = w[1:]
            while len(rest) > 1 and (rest[0] in vendors or rest[0].lower() in _CORPORATE_WORDS or (
                    second[(w[0], rest[0])] >= 5 and rest[0][:1].isupper() and alias_key(rest[0]) not in common)):
                if len(rest) == 2 and alias_key(rest[1]) in common and rest[0].lower() not in _CORPORATE_WORDS:
                    break  # 'IBM Lotus Notes' is written 'Lotus Notes', never 'Notes'
                rest = rest[1:]
        short = " ".join(rest)
        if not re.search(r"[^\W\d_]", short):
            continue  # 'EZ 2000' is never written '2000', a year; nor 'Lotus 1-2-3' '1-2-3'
        if rest[0][:1].isupper() or rest[0][:1].isdigit():
            if len(rest) > 1 or (alias_key(short) not in common and len(short) >= 4):  # not 'VIP', 'EHR'
                out[name] = short
    # A short name two products share is one product sold under two vendors' names ('IBM CATIA', 'Dassault
    # Systemes CATIA') when it is one word (never an ordinary one, above); the first by name keeps it. A shared
    # phrase stays with none.
    keeper: dict[str, str] = {}
    for name, short in sorted(out.items()):
        keeper.setdefault(alias_key(short), name)
    shared = Counter(alias_key(s) for s in out.values())
    return {name: short for name, short in out.items()
            if shared[alias_key(short)] == 1 or (keeper[alias_key(short)] == name and " " not in short)}


def _named_after_product(words: list[str]) -> bool:
    """A vendor named after its one product: 'StataCorp Stata'."""
    return len(words) == 2 and words[0].lower().startswith(words[1].lower()) and words[0] != words[1]


_GENERIC_TAIL = frozenset("software program programs system systems tool tools client server".split())


def _trailing_acronyms(products: list[str], common: set[str]) -> dict[str, str]:
    """The abbreviation an O*NET product name ends with, as people write the product: 'Unified modeling
    language UML' -> 'UML', 'File transfer protocol FTP software' -> 'FTP', 'Microsoft Internet Information
    Services (IIS)' -> 'IIS', 'Point of sale POS software' -> 'POS'. Three to six capitals (digits allowed)
    that the words before spell, no ordinary word.

    Where some products are named by nothing but what the abbreviation stands for ('Laboratory information
    management system LIMS', not 'Illumina Laboratory Information Management System LIMS'), only those count.
    Products that spell it out alike share it: the shortest name takes it; spelled out differently ('Practice
    management software PMS', 'Property management system PMS'), no product does."""
    spelled: dict[str, tuple[str, str, bool]] = {}  # name -> (abbreviation, what it stands for, nothing but that)
    for name in products:
        words = name.replace("(", " ").replace(")", " ").split()
        while len(words) > 2 and words[-1].lower() in _GENERIC_TAIL:
            words = words[:-1]
        last = words[-1] if len(words) >= 3 else ""
        if re.fullmatch(r"[A-Z][A-Z0-9]{2,5}", last) and sum(c.isalpha() for c in last) >= 3 and alias_key(last) not in common:
            # the words before it must spell it ('Border Gateway Protocol BGP', 'JavaServer Pages JSP', 'Point of
            # sale POS'), or it is some other thing's abbreviation ('Nuance Power PDF')
            letters = re.sub(r"\d", "", last)
            spelt = {initials(words[:-1], False), initials(words[:-1], True)}
            if any(i.endswith(letters) for i in spelt):
                spelled[name] = (last, _singular(" ".join(words[:-1]).lower()), letters in spelt)
    by_acronym: dict[str, list[str]] = defaultdict(list)
    for name, (acronym, _, _) in spelled.items():
        by_acronym[acronym].append(name)
    kept = {}
    for acronym, names in by_acronym.items():
        generic = [name for name in names if spelled[name][2]]
        by_meaning: dict[str, list[str]] = defaultdict(list)
        for name in generic or names:
            by_meaning[spelled[name][1]].append(name)
        if len(by_meaning) == 1:
            kept[min(next(iter(by_meaning.values())), key=len)] = acronym
    return kept


class _Graph:
    """Skills keyed by id while merging; aliases point to the first skill that claimed them. A name the
    extras keep to its written form ('Spark': Apache Spark, in context) stays so: another skill of the
    same wording gets it only as written too (ESCO's SPARK language, in capitals), never in any case
    and context, and not at all in lower case (ESCO's 'unity', a design principle)."""

    def __init__(self, drop_aliases: set[str]):
        self.skills: dict[str, dict] = {}
        self.by_alias: dict[str, str] = {}
        self.drop = {alias_key(a) for a in drop_aliases}
        self.reserved: dict[str, str] = {}  # alias key → the curated skill that keeps it to its written form

    def add(self, skill: dict) -> dict:
        skill["name"] = " ".join(skill["name"].split())  # ESCO's labels carry stray and non-breaking spaces
        self.skills[skill["id"]] = skill
        return skill

    def reserve(self, skill: dict, alias: str, curated: bool = False) -> None:
        if not curated and alias_key(alias) in self.drop:
            return
        self.add_alias(skill, alias, exact=True, curated=curated)
        self.reserved.setdefault(alias_key(alias), skill["id"])

    def add_alias(self, skill: dict, alias: str, exact: bool = False, curated: bool = False) -> None:
        """A name of the skill; a dropped wording is no name, in any case, unless the extras keep it as written
        (SAFe, the framework)."""
        alias = " ".join(alias.split())
        key = alias_key(alias)
        if not key or (key in self.drop and not (exact and curated)):
            return
        if not exact and self.reserved.get(key, skill["id"]) != skill["id"]:
            if alias.islower():
                return  # ESCO's 'unity' (a design principle): the ordinary word, no name of anything
            exact = True
        if exact:
            if alias not in skill["exact"]:
                skill["exact"].append(alias)
            return
        if self.by_alias.setdefault(key, skill["id"]) != skill["id"]:
            return  # another skill already answers to this wording
        if alias not in skill["aliases"]:  # the name too, unless it is an ordinary word: names are matched only as aliases
            skill["aliases"].append(alias)

    def lookup(self, text: str, written: bool = True) -> dict | None:
        """The skill a name belongs to; with `written`, also the one keeping it to its written form."""
        key = alias_key(text)
        sid = self.by_alias.get(key) or (self.reserved.get(key) if written else None)
        return self.skills.get(sid) if sid else None


def _alias_owners(esco_rows: list[tuple]) -> dict[str, str]:
    """The one ESCO skill each shared wording belongs to: the skill it is the preferred label of, else the one
    whose preferred label reads closest to it ('maths', listed by geometry and mathematics, is mathematics)."""
    claims: dict[str, set[str]] = defaultdict(set)
    preferred: dict[str, str] = {}
    label_of: dict[str, str] = {}
    for uri, _kind, _reuse, pref, alts, hidden in esco_rows:
        label_of[uri] = alias_key(pref)
        preferred.setdefault(alias_key(pref), uri)
        for label in [*_labels(alts), *_labels(hidden)]:
            claims[alias_key(label)].add(uri)
    owners = {}
    for key, uris in claims.items():
        if key in preferred:
            owners[key] = preferred[key]
        elif len(uris) > 1:
            owners[key] = max(sorted(uris), key=lambda u: SequenceMatcher(None, key, label_of[u]).ratio())
    return owners


# a skill whose hidden labels name this many products is a class of them ('computer programming': ActionScript, Fortran,
# OCaml …; 'use presentation software': Prezi, Haiku Deck …), not one skill by many names
CATALOGUE_MIN = 10


def _listed_products(pref: str, hidden: str | None) -> list[str]:
    """The products a skill's hidden labels list as examples of it, when they are a catalogue (CATALOGUE_MIN or more
    names that are no spelling of the skill's own name: 'Objective C', 'ObjC' and 'Obj-c' are Objective-C's)."""
    own = set(re.findall(r"[a-z0-9+#]+", pref.lower()))

    def spelling_of_own(label: str) -> bool:
        words = set(re.findall(r"[a-z0-9+#]+", label.lower()))
        return bool(words & own) or label.lower()[:3] == pref.lower()[:3]

    names = [label for label in _labels(hidden) if re.search(r"[A-Z]", label) and not spelling_of_own(label)]
    return names if len(names) >= CATALOGUE_MIN else []


def _add_product_name(graph: _Graph, skill: dict, name: str, common: set[str], dictionary: frozenset[str]) -> None:
    """A product's name as an alias: an ordinary word or phrase ('Access', 'Turing', 'Hack') only as written, the
    one-word ones only in the context of other technology."""
    single = " " not in alias_key(name)
    if single and (alias_key(name) in common or _dictionary_word(name, dictionary) or len(alias_key(name)) <= 3):
        graph.reserve(skill, name)  # reserved: O*NET's 'Ada' is this one too, no second skill of the name
        if len(alias_key(name)) >= 5 and not name.isupper():
            graph.add_alias(skill, name.upper(), exact=True)  # 'FORTRAN' as often as 'Fortran'; not 'ADA', a law
        skill["context"] = skill["context"] or alias_key(name) in common or _dictionary_word(name, dictionary)
    elif _ordinary_phrase(name, dictionary):
        graph.reserve(skill, name)
    else:
        graph.add_alias(skill, name)


def _foreign_words(graph: _Graph, foreign: frozenset[str]) -> list[str]:
    """The one-word technology names that read as words the other languages jobfit reads use every day (their alias
    keys): French 'vite', 'tableau' and 'quel', Italian 'stata', 'scala', 'cento' (CentOS) and 'ai' (AI). Written
    otherwise than the name is, they count only next to other technology (`SkillMatcher`): 'Vous apprendrez vite' and 'è
    stata rinviata' name no Vite and no Stata; 'Tableau' and 'Angular', as English writes them, count alone."""
    return sorted({key for skill in graph.skills.values() if skill["category"] in TECH_CATEGORIES
                   for alias in skill["aliases"] if " " not in (key := alias_key(alias)) and {alias.lower(), key} & foreign})


def _new_skill(sid: str, name: str, type_: str, category: str, **extra) -> dict:
    return {"id": sid, "name": name, "type": type_, "category": category, "aliases": [], "exact": [],
            "context": False, "parents": [], "related": [], **extra}


def _esco_category(uri: str, skill_type: str, reuse: str, ancestors: set[str], collections: dict[str, set[str]],
                   parents_labels: set[str]) -> tuple[str, str]:
    if uri in collections["language"] or "L" in ancestors:
        return "language", "languages"
    if uri in collections["transversal"] or reuse == "transversal" or any(a.startswith("T") for a in ancestors):
        return ("soft skill" if skill_type != "knowledge" else "knowledge"), "soft skills"
    if skill_type == "knowledge":
        if "computer programming" in parents_labels:
            return "technology", "programming languages"
        if any("database" in p for p in parents_labels):
            return "technology", "databases"
        for code, category in CATEGORY_BY_ISCED.items():
            if code in ancestors:
                return ("technology" if uri in collections["digital"] or category != "data and ML" else "knowledge"), category
        return "knowledge", "domain knowledge"
    return "competence", "domain knowledge"


SIMILAR_MIN_COSINE = 0.8  # technology names this close in MiniLM space are 'similar' (Keras, TensorFlow)
SIMILAR_PER_SKILL = 3


def similar_technologies(skills: list[dict], embed: Callable[[list[str]], np.ndarray]) -> None:
    """Each technology skill's nearest technology names by embedding (cosine ≥ SIMILAR_MIN_COSINE, at most
    SIMILAR_PER_SKILL), as `similar`; skills already linked by hierarchy or relations are not repeated."""
    tech = [s for s in skills if s["category"] in TECH_CATEGORIES and not s.get("group")]
    if len(tech) < 2:
        return
    def text(skill: dict) -> str:  # a bare product name embeds poorly ('Docker' near 'Docket'): add its context
        aliases = [a for a in skill["aliases"] if a.lower() != skill["name"].lower()][:4]
        return f"{skill['name']} ({skill['category']})" + (": " + ", ".join(aliases) if aliases else "")

    vectors = np.asarray(embed([text(s) for s in tech]), dtype=np.float32)
    for start in range(0, len(tech), 1024):
        scores = vectors[start:start + 1024] @ vectors.T
        for row, skill in enumerate(tech[start:start + 1024]):
            scores[row, start + row] = -1.0
            linked = {*skill["parents"], *skill["related"]}
            best = np.argsort(-scores[row])[:SIMILAR_PER_SKILL + len(linked)]
            skill["similar"] = [tech[j]["id"] for j in best if scores[row, j] >= SIMILAR_MIN_COSINE and tech[j]["id"] not in linked][:SIMILAR_PER_SKILL]


def build_taxonomy(esco_dir: Path, onet_dir: Path, extras_path: Path | None = None,
                   embed: Callable[[list[str]], np.ndarray] | None = None) -> dict:
    """The merged graph; with `embed` (texts → unit vectors), technology skills also get `similar` ones."""
    esco_dir, onet_dir = Path(esco_dir), Path(onet_dir)
    extras = yaml.safe_load(Path(extras_path or default_extras_path()).read_text(encoding="utf-8"))
    skills_csv = pl.read_csv(esco_dir / "skills_en.csv", infer_schema=False)
    groups_csv = pl.read_csv(esco_dir / "skillGroups_en.csv", infer_schema=False)
    broader_csv = pl.read_csv(esco_dir / "broaderRelationsSkillPillar.csv", infer_schema=False)
    relations_csv = pl.read_csv(esco_dir / "skillSkillRelations.csv", infer_schema=False)
    occupations_csv = pl.read_csv(esco_dir / "occupations_en.csv", infer_schema=False)
    isco_csv = pl.read_csv(esco_dir / "ISCOGroups_en.csv", infer_schema=False)
    occ_skills_csv = pl.read_csv(esco_dir / "occupationSkillRelations.csv", infer_schema=False)
    collections = {
        name: set(pl.read_csv(esco_dir / f"{name}SkillsCollection_en.csv", infer_schema=False)["conceptUri"].to_list())
        for name in ("language", "transversal", "digital")
    }
    job_titles = _JobTitles([label for pref, alts in occupations_csv.select("preferredLabel", "altLabels").iter_rows()
                             for label in (pref, *_labels(alts))])
    known_words = _prose_words((skills_csv, "description"), (occupations_csv, "description"))
    common = {w for w, n in known_words.items() if n >= 5}
    dictionary = dictionary_words()

    # --- ESCO hierarchy: every node's broader nodes, group codes for categories ---
    broader: dict[str, list[str]] = defaultdict(list)
    for child, parent in broader_csv.select("conceptUri", "broaderUri").iter_rows():
        broader[child].append(parent)
    # ISCED-F field groups carry their code only in the URI (.../isced-f/0613)
    group_code = {uri: (code or uri.rsplit("/", 1)[-1]) for uri, code in groups_csv.select("conceptUri", "code").iter_rows()}
    label_of = dict(skills_csv.select("conceptUri", "preferredLabel").iter_rows())

    def ancestors(uri: str) -> set[str]:
        seen, todo, codes = set(), [uri], set()
        while todo:
            for parent in broader.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
                    if parent in group_code:
                        codes.add(group_code[parent])
        return codes

    graph = _Graph(set(extras.get("drop_aliases", ())))
    esco_id: dict[str, str] = {}

    # --- jobfit extras first: they own their names and abbreviations ---
    # ESCO's preferred labels carry stray and non-breaking spaces ('plan '): cleaned before any is compared
    esco_rows = [(uri, kind, reuse, " ".join((pref or "").split()), alts, hidden) for uri, kind, reuse, pref, alts, hidden
                 in skills_csv.select("conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "hiddenLabels").rows()]
    esco_by_label: dict[str, list[tuple]] = defaultdict(list)
    for row in esco_rows:
        for label in {row[3], strip_qualifier(row[3])}:  # preferred labels only: ESCO lumps many
            esco_by_label[alias_key(label)].append(row)  # languages under 'computer programming' as aliases
    for item in extras["skills"]:
        skill = graph.add(_new_skill(item["id"], item["name"], item.get("type", "technology"), item["category"],
                                     context=bool(item.get("context"))))
        skill["parents"] = list(item.get("parents", ()))
        skill["related"] = list(item.get("related", ()))
        if item.get("traits"):
            skill["traits"] = list(item["traits"])
        graph.add_alias(skill, item["name"])
        for alias in item.get("aliases", ()):
            graph.add_alias(skill, alias)
        for alias in item.get("in_context", ()):  # 'torch', 'containers': everyday words, this skill next to technology
            graph.add_alias(skill, alias)
        if item.get("in_context"):
            skill["in_context"] = sorted(alias_key(alias) for alias in item["in_context"])
        for alias in item.get("exact", ()):
            graph.reserve(skill, alias, curated=True)
        # its name and aliases in any case; a name it keeps to its written form only as written: 'Eclipse' is ESCO's
        # 'Eclipse (integrated development environment software)', 'LESS' its LESS, but 'Spark' not its SPARK
        # (and not a product's name one plural 's' apart: Canva, the design tool, is no 'Canvas (learning management
        # systems)')
        names = [(alias_key(a), None, a) for a in [item["name"], *item.get("aliases", ())]]
        names += [(alias_key(a), a, a) for a in item.get("exact", ())]
        for key, written, name in names:
            candidates = [r for r in esco_by_label.get(key, ()) if r[0] not in esco_id
                          and (written is None or written in (r[3], strip_qualifier(r[3])))
                          and not _plural_apart(name, strip_qualifier(r[3]))]
            candidates.sort(key=lambda r: (r[1] != "knowledge", alias_key(strip_qualifier(r[3])) != key))
            if candidates:  # the ESCO skill this entry names: merged into it
                esco_id[candidates[0][0]] = skill["id"]
                skill["esco_uri"] = candidates[0][0]
                break

    # --- ESCO skills ---
    curated_ids = set(graph.skills)
    catalogues: list[tuple[str, str]] = []  # (class skill, a product its hidden labels list)
    owners = _alias_owners(esco_rows)
    for uri, skill_type, reuse, pref, alts, hidden in esco_rows:
        parent_labels = {label_of.get(p, "") for p in broader.get(uri, ())}
        type_, category = _esco_category(uri, skill_type or "", reuse or "", ancestors(uri), collections, parent_labels)
        if uri in esco_id:
            skill = graph.skills[esco_id[uri]]
        else:
            name = strip_qualifier(pref) if type_ == "technology" else pref
            sid = _slug(name)
            if sid in graph.skills:
                sid = f"{sid}-{_uuid(uri)[:4]}"
            skill = graph.add(_new_skill(sid, name, type_, category, esco_uri=uri))
            esco_id[uri] = sid
        tech = skill["category"] in TECH_CATEGORIES
        curated = skill["id"] in curated_ids
        bare = strip_qualifier(pref)
        # ESCO qualifies a name only when the bare word means something else too: 'Source (digital game
        # creation systems)', 'Scratch (computer programming)'. Bare, it counts only as written, in context.
        qualified = not curated and bare != pref and " " not in alias_key(bare)
        if qualified:
            graph.add_alias(skill, bare, exact=True)
            skill["context"] = True
        listed = _listed_products(pref, hidden)
        catalogues.extend((skill["id"], name) for name in listed)
        for label in [pref, bare, *_labels(alts), *_labels(hidden)]:
            key = alias_key(label)
            if qualified and label == bare or label in listed:
                continue
            if curated and label in (pref, bare) and graph.reserved.get(key) == skill["id"]:
                continue  # the name the extras keep to its written form ('Eclipse', 'LESS') stays so in any case
            if FUNCTION_WORD_START.match(label):
                continue  # a fragment of a split label ('and procedures'), not a name
            if label not in (pref, bare) and (owners.get(key, uri) != uri or graph.lookup(label, written=False) not in (None, skill)):
                continue  # another skill's name, a wording closer to another's ('maths': mathematics, not geometry) or
                # one the extras gave a skill of its own ('Windows', not operating systems); a name the extras keep to its
                # written form still goes to another skill as written (see _Graph)
            if " " not in key and key not in {alias_key(a) for a in skill["exact"]}:
                everyday = key in common or (not curated and _dictionary_word(label, dictionary))
                if tech and (everyday or len(key) <= 3):
                    # a technology named by an ordinary word counts only as written, next to other technology
                    # ('Forth', 'Loom'; ESCO's lower-case 'embark' and 'truffle' under dapp frameworks not at all)
                    if label[:1].isupper() and not (label.isupper() and key in graph.drop):  # a dropped abbreviation ('ST')
                        graph.add_alias(skill, label, exact=True)
                        skill["context"] = skill["context"] or everyday
                    continue
                if not curated and len(key) <= 3:
                    if label.isupper() and key not in graph.drop:  # 'IT', 'ETC': only as written
                        graph.add_alias(skill, label, exact=True)
                    continue
                if key in common and not (type_ == "knowledge" and label in (pref, strip_qualifier(pref))):
                    continue  # 'plan', 'design', 'care', 'term': ordinary words, not evidence of a skill, even for a
                    # skill the extras name ('coordination' is no wording of Logistics); the extras' own aliases are in
                    # already (a field of knowledge named by one word, 'biotechnology', 'finance', stays)
            graph.add_alias(skill, label)

    # --- the products a class skill lists: technologies of their own under it, with its ESCO concept ('ActionScript'
    # is not 'Fortran', though both are computer programming; a posting that asks for one is half met by the other) ---
    written_only = {alias_key(a) for skill in graph.skills.values() for a in skill["exact"]}
    for parent_id, name in catalogues:
        if graph.lookup(name) is not None or alias_key(name) in written_only:
            continue  # a skill of its own already ('Lua', 'Bash', Oracle's 'Rdb'), or another catalogue's
        parent = graph.skills[parent_id]
        sid = _slug(name)
        if sid in graph.skills:
            sid = f"{sid}-{parent_id[:4]}"
        category = parent["category"] if parent["category"] in TECH_CATEGORIES else "tools and platforms"
        child = graph.add(_new_skill(sid, name, "technology", category, esco_uri=parent.get("esco_uri")))
        child["parents"] = [parent_id]
        _add_product_name(graph, child, name, common, dictionary)

    # --- ESCO skill groups: fields of knowledge (ISCED-F) and groups of competences, as broader nodes ---
    for uri, pref, alts in groups_csv.select("conceptUri", "preferredLabel", "altLabels").iter_rows():
        if UNSPECIFIC_GROUP.search(pref):
            continue
        field = "isced-f" in uri
        sid = "group-" + _slug(pref)
        if sid in graph.skills:
            sid = f"{sid}-{_uuid(uri)[:4]}"
        skill = graph.add(_new_skill(sid, pref, "knowledge" if field else "competence",
                                     CATEGORY_BY_ISCED.get(group_code[uri], "domain knowledge") if field else "domain knowledge",
                                     esco_uri=uri, group=True))
        esco_id[uri] = sid
        labels = [pref, *_labels(alts)]
        if field and len(re.split(r",\s*|\s+and\s+", pref)) <= 3:  # 'finance, banking and insurance'
            labels += [part for part in re.split(r",\s*|\s+and\s+", pref) if part]
        for label in labels:
            key = alias_key(label)
            if " " in key or key not in common:  # 'bioinformatics', 'chemical engineering'; not 'business'
                graph.add_alias(skill, label)

    for child, parent in broader_csv.select("conceptUri", "broaderUri").iter_rows():
        if child in esco_id and parent in esco_id and esco_id[parent] != esco_id[child]:
            parents = graph.skills[esco_id[child]]["parents"]
            if esco_id[parent] not in parents:
                parents.append(esco_id[parent])
    for a, b in relations_csv.select("originalSkillUri", "relatedSkillUri").iter_rows():
        if a in esco_id and b in esco_id and esco_id[a] != esco_id[b]:
            for x, y in ((a, b), (b, a)):
                related = graph.skills[esco_id[x]]["related"]
                if esco_id[y] not in related:
                    related.append(esco_id[y])

    # --- O*NET technology skills ---
    tech = pl.read_csv(onet_dir / "Technology Skills.txt", separator="\t", infer_schema=False, quote_char=None)
    per_example = tech.group_by("Example").agg(
        pl.col("O*NET-SOC Code").unique().alias("socs"),
        pl.col("Commodity Title").mode().sort().first().alias("commodity"),  # ties: the first by name, so a rebuild gives the same file
        (pl.col("Hot Technology") == "Y").any().alias("hot"),
    ).sort("Example")
    short_names = _without_vendor(per_example["Example"].to_list(), common)
    acronyms = _trailing_acronyms(per_example["Example"].to_list(), common)
    exact_keys = {alias_key(a) for skill in graph.skills.values() for a in skill["exact"]}  # 'Spark' keeps its context rule
    meanings: dict[str, set[str]] = defaultdict(set)  # an abbreviation written as it is → what its skills are called
    for skill in graph.skills.values():
        for short in skill["exact"]:
            meanings[short].update(_singular(alias_key(label)) for label in [skill["name"], *skill["aliases"]])

    def is_technology(word: str) -> bool:
        found = graph.lookup(word)
        return found is not None and found["type"] == "technology"

    for example, socs, commodity, hot in per_example.iter_rows():
        skill = graph.lookup(example)
        words = example.split()
        if skill is None and len(words) >= 2:  # vendor first: "Oracle Java" is Java, "Microsoft SQL Server" SQL Server
            skill = graph.lookup(" ".join(words[1:]), written=False)  # not 'Schlumberger Eclipse' for the IDE
        if skill is None:
            key = alias_key(example)
            if key in graph.drop:
                continue  # a name the extras drop is no skill by O*NET's listing either ('Google', a query tool there)
            single = " " not in key
            if single and len(socs) < 2 and not hot:
                continue  # a one-word product name only one occupation lists is more noise than signal
            if job_titles.reads_as_one(example, is_technology):
                continue  # 'Restaurant Manager', 'Site Manager': in text, the person
            category = next((c for needle, c in COMMODITY_CATEGORY if needle in commodity.lower()), "tools and platforms")
            sid = "onet-" + _slug(example)
            if sid in graph.skills:
                continue
            skill = graph.add(_new_skill(sid, example, "technology", category))
            if single and (key in common or _dictionary_word(example, dictionary)):
                graph.add_alias(skill, example, exact=True)
                skill["context"] = True
            elif _ordinary_phrase(example, dictionary):
                graph.add_alias(skill, example, exact=True)
            else:
                graph.add_alias(skill, example)
        # 'Apache JMeter' is written 'JMeter' (a coined word, in any case: 'Jdeveloper'); 'Google Calendar' only
        # 'Calendar' as written; 'Unified modeling language UML' 'UML', in capitals ('CART' is a program, 'cart' is not)
        vendorless, acronym = short_names.get(example), acronyms.get(example)
        coined = bool(vendorless) and _any_case(vendorless, common, known_words, dictionary)
        if acronym and (alias_key(acronym) in known_words or alias_key(acronym) in graph.drop):
            acronym = None  # ESCO's prose writes it as a word (an ordinary abbreviation), or the extras drop it
        if acronym and _singular(alias_key(example[:example.rfind(acronym)])) in meanings.get(acronym, ()):
            acronym = None  # the skill ESCO writes it for is this ('Customer relationship management CRM software')
        for short, exact in ((vendorless, not coined or alias_key(vendorless or "") in graph.drop), (acronym, True)):
            # an abbreviation ESCO writes for another skill ('CPT', cable-propelled transit) is shared, the document
            # tells which is meant (SkillMatcher.find_many); a name the extras keep to its written form is theirs alone
            if short and short == vendorless and job_titles.reads_as_one(short, is_technology):
                continue  # IBM's 'Content Manager', Moody's 'Financial Analyst': in text, the person
            if short and graph.lookup(short) is None and (short == acronym or alias_key(short) not in exact_keys):
                graph.add_alias(skill, short, exact=exact)
                if short == vendorless and _dictionary_word(short, dictionary):
                    # 'Maplesoft Maple' is 'Maple' among other tools, not at '1640 Maple Street'; 'Adobe Persuasion' is
                    # 'Persuasion' there, not in 'Persuasion Experiment Study', 'Allscripts Sunrise' no 'Sunrise Senior Living'
                    skill["context"] = True
        skill["hot"] = bool(skill.get("hot") or hot)
        skill.setdefault("onet_commodity", commodity)
        skill["onet_socs"] = sorted(set(skill.get("onet_socs", [])) | set(socs))

    foreign_words = _foreign_words(graph, foreign_common_words())
    if embed is not None:
        similar_technologies(list(graph.skills.values()), embed)
    unknown = [(s["id"], p) for s in graph.skills.values() for p in s["parents"] if p not in graph.skills]
    if unknown:
        raise ValueError(f"extras name unknown parents: {unknown[:5]}")

    # --- occupations ---
    isco_label = {code: label for code, label in isco_csv.select("code", "preferredLabel").iter_rows()}
    occupations: dict[str, dict] = {}
    occ_id: dict[str, str] = {}
    for uri, isco, pref, alts, hidden in occupations_csv.select("conceptUri", "iscoGroup", "preferredLabel", "altLabels", "hiddenLabels").iter_rows():
        oid = _slug(pref)
        if oid in occupations:
            oid = f"{oid}-{_uuid(uri)[:4]}"
        occ_id[uri] = oid
        occupations[oid] = {
            "id": oid, "title": pref, "esco_uri": uri, "isco_group": isco, "category": isco_label.get((isco or "")[:2], ""),
            "aliases": sorted({a for a in _labels(alts) + _labels(hidden) if alias_key(a) != alias_key(pref)}),
            "essential": [], "optional": [], "onet_socs": [], "broader": None,
        }
    for occ_uri, relation, skill_uri in occ_skills_csv.select("occupationUri", "relationType", "skillUri").iter_rows():
        if occ_uri in occ_id and skill_uri in esco_id:
            occupations[occ_id[occ_uri]]["essential" if relation == "essential" else "optional"].append(esco_id[skill_uri])
    # ESCO's occupation hierarchy: 'mobile application developer' is narrower than 'software developer'
    hierarchy = esco_dir / "broaderRelationsOccPillar.csv"
    if hierarchy.exists():
        relations = pl.read_csv(hierarchy, infer_schema=False).filter(
            (pl.col("conceptType") == "Occupation") & (pl.col("broaderType") == "Occupation"))
        for child, parent in relations.select("conceptUri", "broaderUri").iter_rows():
            if child in occ_id and parent in occ_id:
                occupations[occ_id[child]]["broader"] = occ_id[parent]
    alternates = pl.read_csv(onet_dir / "Alternate Titles.txt", separator="\t", infer_schema=False, quote_char=None)
    named_by_title = _crosswalk_onet(occupations, onet_dir, alternates)
    _add_occupation_aliases(occupations, extras.get("occupation_aliases") or {})
    credentials = {alias_key(name) for skill in graph.skills.values() if skill["type"] == "certification"
                   for name in (skill["name"], *skill["aliases"], *skill["exact"])}
    _add_computer_titles(occupations, alternates, named_by_title, credentials)
    _drop_occupation_aliases(occupations, extras.get("occupation_aliases_dropped") or {})

    doc = {
        "format": TAXONOMY_FORMAT,
        "version": extras["version"],
        "sources": {"esco": "ESCO v1.1.1 (© European Union, CC BY 4.0)", "onet": "O*NET 27.0 Database (USDOL/ETA, CC BY 4.0)"},
        "categories": extras["categories"],
        "context_words": extras.get("context_words", []),
        "trade_words": sorted(alias_key(w) for w in extras.get("trade_words", ())),
        "everyday_before": {alias_key(w): sorted({alias_key(b) for b in before})
                            for w, before in sorted((extras.get("everyday_before") or {}).items())},
        "everyday_beside": {alias_key(w): sorted({alias_key(b) for b in beside})
                            for w, beside in sorted((extras.get("everyday_beside") or {}).items())},
        "plural_only": sorted(str(w).lower() for w in extras.get("plural_only", ())),
        "common_words": sorted(common),
        "foreign_words": foreign_words,
        "isco_groups": {code: label for code, label in isco_label.items() if code and code[0].isdigit()},
        "skills": sorted(graph.skills.values(), key=lambda s: s["id"]),
        "occupations": sorted(occupations.values(), key=lambda o: o["id"]),
    }
    digest = hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()[:8]
    doc["version"] = f"{extras['version']}+{digest}"
    return doc


def _occupations_by_label(occupations: dict[str, dict]) -> dict[str, set[str]]:
    """Per label key, the occupations it names (preferred or alternative label)."""
    by_label: dict[str, set[str]] = defaultdict(set)
    for occ in occupations.values():
        for label in (occ["title"], *occ["aliases"]):
            by_label[alias_key(label)].add(occ["id"])
    return by_label


def _crosswalk_onet(occupations: dict[str, dict], onet_dir: Path, alternates: pl.DataFrame) -> dict[str, set[str]]:
    """O*NET-SOC codes on ESCO occupations where the titles agree: O*NET's own title (made
    singular) equals an ESCO label, or at least two O*NET alternate titles name the same ESCO
    occupation and no other ESCO occupation gets as many. Returns the first kind: per SOC code, the
    ESCO occupations its own title names."""
    by_label = _occupations_by_label(occupations)
    titles = pl.read_csv(onet_dir / "Occupation Data.txt", separator="\t", infer_schema=False, quote_char=None)
    votes: dict[str, Counter] = defaultdict(Counter)
    for soc, alt in alternates.select("O*NET-SOC Code", "Alternate Title").iter_rows():
        for oid in by_label.get(alias_key(alt), ()):
            votes[soc][oid] += 1
    named_by_title: dict[str, set[str]] = {}
    for soc, title in titles.select("O*NET-SOC Code", "Title").iter_rows():
        direct = named_by_title[soc] = by_label.get(_singular(alias_key(title)), set())
        chosen = set(direct)
        ranked = votes[soc].most_common(2)
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            chosen.add(ranked[0][0])
        for oid in chosen:
            occupations[oid]["onet_socs"].append(soc)
    return named_by_title


def _add_occupation_aliases(occupations: dict[str, dict], extra: dict[str, list[str]]) -> None:
    """The extras' job titles as other names of the ESCO occupation named by its preferred label (one the
    sources lack, as a test's few rows do, gets none)."""
    by_title = {alias_key(occ["title"]): occ for occ in occupations.values()}
    for title, names in extra.items():
        if occ := by_title.get(alias_key(title)):
            occ["aliases"] = sorted(set(occ["aliases"]) | set(names))


def _drop_occupation_aliases(occupations: dict[str, dict], dropped: dict[str, list[str]]) -> None:
    """The extras' list of other names that name another job than the occupation they are given to, taken off it
    ('maintenance technician' off ESCO's welder, 'system administrator' off O*NET's database administrator)."""
    by_title = {alias_key(occ["title"]): occ for occ in occupations.values()}
    for title, names in dropped.items():
        if occ := by_title.get(alias_key(title)):
            off = {alias_key(name) for name in names}
            occ["aliases"] = [name for name in occ["aliases"] if alias_key(name) not in off]


def _add_computer_titles(occupations: dict[str, dict], alternates: pl.DataFrame, named_by_title: dict[str, set[str]],
                         credentials: set[str]) -> None:
    """The alternate titles of O*NET's computer occupations (SOC 15-12) whose own title is the label of one ESCO
    ICT occupation (ISCO 25, 35) — Software Developers, Web Developers, Database Administrators, Penetration
    Testers —, as that occupation's other names: ESCO lacks the titles software teams use ('Ruby on Rails
    Developer', 'DevOps Developer', 'Node.js Developer'). A title already naming an ESCO occupation keeps to it; one
    that names a certification ('CCIE') is a credential, not a job.
    Where the crosswalk rests on votes ('Web and Digital Interface Designers' to web developer), or in other
    fields, whose jobs ESCO names well, the alternate titles made titles-dev worse and are not taken."""
    by_label = _occupations_by_label(occupations)
    owner = {soc: next(iter(named)) for soc, named in named_by_title.items() if soc.startswith("15-12") and len(named) == 1
             and (occupations[next(iter(named))]["isco_group"] or "").startswith(("25", "35"))}
    added: dict[str, set[str]] = defaultdict(set)
    for soc, alt, short in alternates.select("O*NET-SOC Code", "Alternate Title", "Short Title").iter_rows():
        # 'Quality Assurance Engineer (QA Engineer)': the title and its short form
        forms = {alt.split(" (")[0].strip(), (short or "").strip()} - {"", "n/a"}
        if soc in owner and not any(alias_key(form) in credentials for form in forms):
            added[owner[soc]] |= {form for form in forms if alias_key(form) not in by_label}
    for oid, names in added.items():
        occupations[oid]["aliases"] = sorted(set(occupations[oid]["aliases"]) | names)


def write_taxonomy(doc: dict, out: Path) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh:
        # no name, no time in the header: the same sources give the same bytes
        fh.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    tmp.replace(out)
    return out


def _plural_apart(a: str, b: str) -> bool:
    """Two product names one plural 's' apart ('Canva', 'Canvas'): the same key, two things. (ESCO capitalizes a
    product's name; its 'database' is the extras' Databases.)"""
    if not (a[:1].isupper() and b[:1].isupper()):
        return False
    a, b = a.lower(), b.lower()
    return a + "s" == b or b + "s" == a
