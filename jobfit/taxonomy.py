"""The skill taxonomy everything speaks: ESCO + O*NET + jobfit's extras, one matcher, one closeness scale.

The derived file `jobfit/data/taxonomy/taxonomy.json.gz` is built by `jobfit build-taxonomy`
(jobfit/taxonomy_build.py) from the ESCO and O*NET sources and shipped, so a fresh install works
offline. Skills carry a type, a category, aliases, parents, related skills and the occupations
that need them; occupations carry their ESCO URI, ISCO group and O*NET-SOC codes.
"""

from __future__ import annotations

import bisect
import gzip
import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from jobfit.text import english_words

TAXONOMY_FORMAT = 2

# How far a skill someone has covers a skill that is asked for — the one scale matching and its
# explanations use. Aliases resolve to the same skill, so an alias counts as the skill itself.
CLOSENESS_EXACT = 1.0  # the skill itself, under any of its names
CLOSENESS_CHILD_FOR_PARENT = 0.8  # a narrower skill covers its broader parent mostly (PostgreSQL for SQL)
CLOSENESS_GRANDCHILD = 0.6  # two levels narrower (Django for Python's parent)
CLOSENESS_RELATED = 0.5  # ESCO skill-skill relations and jobfit's related links
CLOSENESS_PARENT_FOR_CHILD = 0.4  # a broader skill covers a narrower child a little (Python for Django)
CLOSENESS_COOCCURRING = 0.3  # asked for together in postings far more often than chance (Terraform, AWS)
COOCCURRENCE_MAX_P = 0.01  # the chance, over all pairs tested together, of learning a pair that is together by chance
CLOSENESS_SIMILAR = 0.3  # technology names close in embedding space (Keras, TensorFlow)
CLOSENESS_SIBLING = 0.25  # two children of the same parent (MySQL for PostgreSQL)

# Tokens: words with the characters technology names keep (C++, C#, .NET, Node.js, Security+).
_TOKEN = re.compile(r"\.?[^\W_][\w+#]*(?:[.'][^\W_][\w+#]*)*")
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")


def _stem(word: str) -> str:
    """Plural 's' off, the same way for patterns and text ('databases' finds 'database'); not the 'S' of
    service in 'SaaS', 'FaaS' (else 'FAA', an aviation authority, is functions as a service)."""
    if len(word) > 3 and word[-1] == "s" and word[-2] not in "su" and not word.endswith(("is", "aas")):
        return word[:-1]
    return word


def _a_system_quality(item: list[str]) -> bool:
    """Whether the words of an item of a list (in their order) name a system's quality: 'security', 'code performance',
    'robustness of the product'."""
    end = item.index("of") if "of" in item else len(item)
    return 0 < end <= 2 and item[end - 1] in _QUALITIES_OF_SYSTEMS


def _singular(key: str) -> str:
    """A key's last word in the singular, 'ies' to 'y' ('software engineers', 'opportunities', 'strategies')."""
    words = key.split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-3] + "y" if words[-1].endswith("ies") else words[-1][:-1]
    return " ".join(words)


# Letters of the scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese) or with
# particles glued to the word before (Korean: 'Python과')
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                       "\uac00-\ud7a3\uf900-\ufaff\uff66-\uff9f]")
# the full-width forms of ASCII that Chinese and Japanese text sets Latin names in ('Ｐｙｔｈｏｎ'), to ASCII
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_EAST_ASIAN = re.compile(_UNSPACED.pattern[:-1] + "\uff01-\uff5e]")


def tokens(text: str) -> list[re.Match]:
    """The words of a text, where they stand in it. A name in Latin letters glued to letters of a script written without
    spaces is a word of its own ('熟悉Python、SQL和Spark', 'PythonとSQLの経験', 'Python과 SQL'): those letters are no
    word of the taxonomy's, and they had made 'Python' part of one. A name in full-width letters is read as in ASCII
    ('Ｐｙｔｈｏｎ、ＳＱＬ')."""
    if _EAST_ASIAN.search(text):  # (one character for one: the words' places stay the text's)
        text = _UNSPACED.sub(" ", text.translate(_FULL_WIDTH))
    return list(_TOKEN.finditer(text))


_COMPLEMENT = re.compile(r"\s(?:of|for|in|at|to|on|with)\s|\s*[(,]")


def title_head(label: str) -> str:
    """An occupation label in lower case up to its complement, where the word of the role stands last: 'director' of
    'director of sales', 'restaurant manager' of 'restaurant manager (fine dining)'."""
    return _COMPLEMENT.split(label.lower())[0]


def alias_key(text: str) -> str:
    """The form every alias and every text is compared in: lower case, tokens, plural 's' off."""
    return " ".join(map(_stem, _TOKEN.findall((text or "").lower())))  # 108,000 aliases at load: the fast form


def alias_words(text: str) -> list[tuple[str, str]]:
    """Each word of `text` as written (lower case) and as `alias_key` compares it: 'news' is no 'new', though its key is."""
    return [(word, _stem(word)) for word in _TOKEN.findall((text or "").lower())]


# nouns that say which side of a skill is meant: 'Agile practices', 'testing frameworks', 'AWS services'
_HEAD_NOUN = re.compile(
    r"\s+(methodolog(?:y|ies)|methods?|practices?|principles?|concepts?|techniques?|frameworks?|technolog(?:y|ies)|"
    r"platforms?|services|development|environments?|skills|fundamentals|architectures?|tools|stack)\b", re.I)


def wording(text: str, mention: SkillMention, max_words: int = 2) -> str:
    """How `text` names the skill of `mention`: its words, with a head noun that follows them ('Agile
    practices', 'communication skills'), so the wording says what of the skill is asked."""
    head = _HEAD_NOUN.match(text, mention.end)
    if head and len(mention.text.split()) <= max_words:
        return text[mention.start:head.end()]
    return mention.text


def strip_qualifier(label: str) -> str:
    """'Java (computer programming)' → 'Java'."""
    return _QUALIFIER.sub("", label or "").strip() or label


@dataclass(frozen=True)
class SkillEntry:
    id: str
    name: str
    category: str
    type: str = "technology"
    aliases: tuple[str, ...] = ()  # matched ignoring case and plural 's'; includes the name unless it is an ordinary word
    exact: tuple[str, ...] = ()  # matched only as written
    traits: tuple[str, ...] = ()  # words for a person having the quality ('curious'): matched only where they describe someone
    context: bool = False  # a bare one-word mention of it needs technical context
    in_context: tuple[str, ...] = ()  # one-word aliases (keys) that need it all the same: 'torch' is PyTorch only there
    parents: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    similar: tuple[str, ...] = ()  # technologies whose names embed close to this one
    esco_uri: str | None = None
    hot: bool = False
    group: bool = False  # an ESCO skill group (a field of knowledge or a family of competences)
    onet_socs: tuple[str, ...] = ()  # O*NET occupations that use the technology

    @property
    def tells_field(self) -> bool:
        """Whether having or asking it says which work it is: soft skills and languages are asked of every job."""
        return self.type not in ("soft skill", "language")


@dataclass(frozen=True)
class Occupation:
    id: str
    title: str
    esco_uri: str
    isco_group: str
    category: str
    aliases: tuple[str, ...] = ()
    essential: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    onet_socs: tuple[str, ...] = ()
    broader: str | None = None  # the id of the broader ESCO occupation, if any


@dataclass(frozen=True)
class SkillMention:
    """A taxonomy skill found in text: the canonical entry, the wording that showed it, how sure."""

    skill: SkillEntry
    text: str
    start: int  # character offsets in the input text
    end: int
    confidence: float = 0.9
    how: str = "alias"  # alias | exact | context | fuzzy
    # the skills an abbreviation written here may stand for, when it stands for more than one ('POS': point of
    # sale software, or a blockchain's proof of stake); `skill` is the one the document's other skills point to
    senses: tuple[str, ...] = ()


def beyond_chance(together, n: int, first, second, level: float):
    """Whether each pair was seen together too often for chance: the hypergeometric probability of `together` or more
    postings of `n` with both, when `first` postings ask for one and `second` for the other, is at most `level`.

    The exact tail (scipy's hypergeom.sf, summed in C term by term) takes 12 s for the pairs of 100,000 postings; it
    is bounded instead, in closed form, between the probability of exactly `together` and that over one minus the
    ratio of the next term to it (the terms shrink at least that fast past the mode), and summed only where the
    bounds fall on both sides of `level`. The decisions are the exact test's."""
    import numpy as np
    from scipy.stats import hypergeom

    together, first, second = (np.asarray(x, dtype=np.float64) for x in (together, first, second))
    at = hypergeom.logpmf(together, n, first, second)  # the tail is at least this term
    ratio = (first - together) * (second - together) / ((together + 1) * (n - first - second + together + 1))
    with np.errstate(divide="ignore"):
        most = np.where(ratio < 1, at - np.log1p(-np.minimum(ratio, 1 - 1e-12)), np.inf)
    limit = np.log(level)
    out = most <= limit
    unsure = ~out & (at <= limit)
    if unsure.any():
        out[unsure] = hypergeom.sf(together[unsure] - 1, n, first[unsure], second[unsure]) <= level
    return out


@dataclass
class Taxonomy:
    version: str
    skills: dict[str, SkillEntry]
    occupations: dict[str, Occupation]
    categories: tuple[str, ...] = ()
    isco_groups: dict[str, str] = field(default_factory=dict)
    context_words: frozenset[str] = frozenset()
    # one-word names of fields of knowledge that technologists use for things of their trade ('ecosystem', 'migration')
    trade_words: frozenset[str] = frozenset()
    # per trade word, the words before it that make it the everyday thing in any document ('credit history')
    everyday_before: dict[str, frozenset[str]] = field(default_factory=dict)
    # per such word, the words listed beside it that make it the everyday thing ('energy, passion and fortitude')
    everyday_beside: dict[str, frozenset[str]] = field(default_factory=dict)
    # fields named in the plural whose adjective names other things ('electronics': 'electronic health records')
    plural_only: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()
    # one-word technology names that read as everyday words of German, French, Spanish, Italian or Portuguese ('vite',
    # 'tableau', 'stata'): written otherwise than the name is, they count only next to other technology
    foreign_words: frozenset[str] = frozenset()
    cooccurring: dict[str, frozenset[str]] = field(default_factory=dict)  # learned from postings, see with_cooccurrence
    _fields: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False, compare=False)  # fields_of, as asked

    def with_cooccurrence(self, skill_sets: list[set[str]], min_postings: int = 3, min_lift: float = 3.0,
                          max_p: float = COOCCURRENCE_MAX_P) -> Taxonomy:
        """This taxonomy plus the pairs of skills postings ask for together: in at least `min_postings`
        postings, `min_lift` times as often as their frequencies predict, and too often for chance (a
        hypergeometric test at level `max_p`, shared out over the pairs tested, so a few hundred postings
        do not make every rare pair look related). A posting with the same skills as another (one job
        syndicated by two feeds, or advertised in six cities) counts once, and personal qualities and
        languages learn nothing: 'Initiative' is asked for beside every technology and covers none of them."""
        from itertools import combinations

        import numpy as np

        learnable = {sid for sid, entry in self.skills.items() if entry.tells_field}
        postings = [skills & learnable for skills in dict.fromkeys(frozenset(skills) for skills in skill_sets)]
        single: Counter[str] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        for skills in postings:
            single.update(skills)
            pairs.update(combinations(sorted(skills), 2))
        n = len(postings)
        tested = [(a, b, together) for (a, b), together in pairs.items()
                  if together >= min_postings and together * n >= min_lift * single[a] * single[b]]
        learned: dict[str, set[str]] = {}
        if tested:
            together, first, second = (np.asarray(column) for column in
                                       zip(*[(t, single[a], single[b]) for a, b, t in tested], strict=True))
            for (a, b, _), beyond in zip(tested, beyond_chance(together, n, first, second, max_p / len(tested)), strict=True):
                if beyond:
                    learned.setdefault(a, set()).add(b)
                    learned.setdefault(b, set()).add(a)
        return self.with_pairs({k: frozenset(v) for k, v in learned.items()})

    def with_pairs(self, cooccurring: dict[str, frozenset[str]]) -> Taxonomy:
        """This taxonomy with these learned pairs (`with_cooccurrence`), keeping what it has already worked out."""
        out = replace(self, cooccurring=cooccurring)
        out.__dict__.update({name: value for name, value in self.__dict__.items()
                             if isinstance(getattr(type(self), name, None), cached_property)})
        return out

    @cached_property
    def children(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for entry in self.skills.values():
            for parent in entry.parents:
                out.setdefault(parent, set()).add(entry.id)
        return {k: frozenset(v) for k, v in out.items()}

    @cached_property
    def occupations_by_skill(self) -> dict[str, tuple[str, ...]]:
        """Occupations that need each skill: those for which ESCO calls it essential first, then optional."""
        out: dict[str, list[str]] = {}
        for relation in ("essential", "optional"):
            for occ in self.occupations.values():
                for sid in getattr(occ, relation):
                    out.setdefault(sid, []).append(occ.id)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def _occupations_by_soc(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for occ in self.occupations.values():
            for soc in occ.onet_socs:
                out.setdefault(soc, []).append(occ.id)
        return {k: tuple(v) for k, v in out.items()}

    def occupations_of(self, skill_id: str) -> frozenset[str]:
        """The occupations that need a skill (ESCO) or use a technology (O*NET, through the title crosswalk)."""
        entry = self.skills.get(skill_id)
        socs = entry.onet_socs if entry else ()
        return frozenset(self.occupations_by_skill.get(skill_id, ())).union(
            *(self._occupations_by_soc.get(soc, ()) for soc in socs))

    def fields_of(self, skill_id: str) -> frozenset[str]:
        """The fields of work a skill belongs to: the ISCO sub-major groups (two digits) of its occupations."""
        if skill_id not in self._fields:
            self._fields[skill_id] = frozenset(self.occupations[o].isco_group[:2] for o in self.occupations_of(skill_id)
                                               if self.occupations[o].isco_group)
        return self._fields[skill_id]

    def closeness(self, have: str, wanted: str) -> float:
        """How far having skill `have` covers the skill `wanted`, on the module's documented scale."""
        if have == wanted:
            return CLOSENESS_EXACT
        own, asked = self.skills.get(have), self.skills.get(wanted)
        if own is None or asked is None:
            return 0.0
        if wanted in own.parents:
            return CLOSENESS_CHILD_FOR_PARENT
        if any(wanted in self.skills[p].parents for p in own.parents if p in self.skills):
            return CLOSENESS_GRANDCHILD
        if wanted in own.related or have in asked.related:
            return CLOSENESS_RELATED
        if have in asked.parents:
            return CLOSENESS_PARENT_FOR_CHILD
        if wanted in self.cooccurring.get(have, ()):
            return CLOSENESS_COOCCURRING
        if wanted in own.similar or have in asked.similar:
            return CLOSENESS_SIMILAR
        if own.category == asked.category and any(not self.skills[p].group for p in set(own.parents) & set(asked.parents)):
            return CLOSENESS_SIBLING  # a shared group (hundreds of members) does not make skills siblings, nor a shared
            # parent two of different kinds (Web Development and Java, both ESCO's computer programming)
        return 0.0

    @cached_property
    def _named_by(self) -> dict[str, dict[str, frozenset[str]]]:
        """Reverse links: for 'related' and 'similar', the skills that name each skill."""
        out: dict[str, dict[str, set[str]]] = {"related": {}, "similar": {}}
        for entry in self.skills.values():
            for kind in out:
                for other in getattr(entry, kind):
                    out[kind].setdefault(other, set()).add(entry.id)
        return {kind: {k: frozenset(v) for k, v in links.items()} for kind, links in out.items()}

    def reach(self, have: str) -> dict[str, float]:
        """Every skill that having `have` covers, with its closeness: `closeness(have, s)` for each `s` it is not 0 for.

        Rules are applied from the weakest to the strongest so that the one `closeness` checks first wins."""
        own = self.skills.get(have)
        if own is None:
            return {have: CLOSENESS_EXACT}
        out: dict[str, float] = {}
        for parent in own.parents:
            if parent in self.skills and not self.skills[parent].group:
                out.update(dict.fromkeys((c for c in self.children.get(parent, ()) if c in self.skills
                                          and self.skills[c].category == own.category), CLOSENESS_SIBLING))
        out.update(dict.fromkeys(own.similar, CLOSENESS_SIMILAR))
        out.update(dict.fromkeys(self._named_by["similar"].get(have, ()), CLOSENESS_SIMILAR))
        out.update(dict.fromkeys(self.cooccurring.get(have, ()), CLOSENESS_COOCCURRING))
        out.update(dict.fromkeys(self.children.get(have, ()), CLOSENESS_PARENT_FOR_CHILD))
        out.update(dict.fromkeys(own.related, CLOSENESS_RELATED))
        out.update(dict.fromkeys(self._named_by["related"].get(have, ()), CLOSENESS_RELATED))
        for parent in own.parents:
            if parent in self.skills:
                out.update(dict.fromkeys(self.skills[parent].parents, CLOSENESS_GRANDCHILD))
        out.update(dict.fromkeys(own.parents, CLOSENESS_CHILD_FOR_PARENT))
        out[have] = CLOSENESS_EXACT
        return {k: v for k, v in out.items() if k in self.skills}

    def skill_row(self, s: SkillEntry) -> dict:
        return {
            "id": s.id, "name": s.name, "type": s.type, "category": s.category,
            "aliases": [a for a in s.aliases + s.exact + s.traits if a != s.name], "parents": list(s.parents),
            "children": sorted(self.children.get(s.id, ())), "related": list(s.related + s.similar),
            "occupations": list(self.occupations_by_skill.get(s.id, ())), "esco_uri": s.esco_uri,
            "hot": s.hot, "version": self.version,
        }

    def rows(self) -> list[dict]:
        """One row per skill, for the warehouse and the API."""
        return [self.skill_row(s) for s in self.skills.values()]

    def occupation_rows(self) -> list[dict]:
        return [
            {"id": o.id, "title": o.title, "esco_uri": o.esco_uri, "isco_group": o.isco_group,
             "isco_label": self.isco_groups.get(o.isco_group, ""), "category": o.category,
             "aliases": list(o.aliases), "essential": list(o.essential), "optional": list(o.optional),
             "onet_socs": list(o.onet_socs), "broader": o.broader, "version": self.version}
            for o in self.occupations.values()
        ]


def _data_dir() -> Path:
    return Path(str(resources.files("jobfit") / "data" / "taxonomy"))


def default_taxonomy_path() -> Path:
    return _data_dir() / "taxonomy.json.gz"


def default_extras_path() -> Path:
    return _data_dir() / "extras.yaml"


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read a derived taxonomy file (see jobfit/taxonomy_build.py)."""
    path = Path(path or default_taxonomy_path())
    with gzip.open(path, "rb") as fh:
        raw = json.loads(fh.read())
    if raw.get("format") != TAXONOMY_FORMAT:
        raise ValueError(f"{path}: taxonomy format {raw.get('format')!r}, this jobfit reads {TAXONOMY_FORMAT}; rebuild it")
    skills = {
        s["id"]: SkillEntry(
            id=s["id"], name=s["name"], category=s["category"], type=s["type"], aliases=tuple(s["aliases"]),
            exact=tuple(s["exact"]), context=s["context"], parents=tuple(s["parents"]), related=tuple(s["related"]),
            similar=tuple(s.get("similar", ())), traits=tuple(s.get("traits", ())), in_context=tuple(s.get("in_context", ())),
            esco_uri=s.get("esco_uri"), hot=s.get("hot", False), group=s.get("group", False),
            onet_socs=tuple(s.get("onet_socs", ())),
        )
        for s in raw["skills"]
    }
    occupations = {
        o["id"]: Occupation(
            id=o["id"], title=o["title"], esco_uri=o["esco_uri"], isco_group=o["isco_group"] or "",
            category=o["category"], aliases=tuple(o["aliases"]), essential=tuple(o["essential"]),
            optional=tuple(o["optional"]), onet_socs=tuple(o["onet_socs"]), broader=o.get("broader"),
        )
        for o in raw["occupations"]
    }
    return Taxonomy(
        version=raw["version"], skills=skills, occupations=occupations, categories=tuple(raw["categories"]),
        isco_groups=raw["isco_groups"], context_words=frozenset(w.lower() for w in raw["context_words"]),
        common_words=frozenset(raw["common_words"]), foreign_words=frozenset(raw.get("foreign_words", ())),
        trade_words=frozenset(raw.get("trade_words", ())),
        everyday_before={w: frozenset(before) for w, before in raw.get("everyday_before", {}).items()},
        everyday_beside={w: frozenset(beside) for w, beside in raw.get("everyday_beside", {}).items()},
        plural_only=frozenset(raw.get("plural_only", ())),
    )


TECH_CATEGORIES = frozenset({"programming languages", "frameworks and libraries", "tools and platforms", "databases", "cloud", "data and ML"})


def _written_otherwise(word: str, names: set[str]) -> bool:
    """Whether a word is written neither as one of `names` is nor in capitals ('tableau' or 'Centos', not 'Tableau',
    'CentOS' or 'TABLEAU')."""
    return word not in names and not (word.isupper() and len(word) > 1)


# the small words a name goes on with in French, Spanish, Italian or Portuguese: after one of them an everyday word of
# those languages is that word ('Tableau de bord', 'Vue d'ensemble', 'Scala di valutazione'), not the product
_ROMANCE_NEXT = re.compile(r"[ \t]+(?:de|di|da|del|della|dei|degli|des|du|dos|das|la|le|les|el)\b|[ \t]*d['’]", re.I)


def _coined(word: str) -> bool:
    """A made-up product word ('PySpark', 'RStudio', 'Unity3D'): a capital or a digit inside it, so it
    cannot be an ordinary word whatever the context."""
    return bool(re.search(r"[a-z][A-Z]|[A-Za-z]\d", word))


FUNCTION_WORDS = frozenset("a an and at by for from in into of on or the to with".split())


def initials(words: list[str], function_words: bool) -> str:
    """The capitals a name's words spell, with or without its small words; a word with a capital inside spells two
    ('JavaServer Pages' JSP)."""
    parts = [p for w in words for p in re.findall(r"[A-Z][a-z]+|[A-Za-z][a-z]*", w)
             if function_words or p.lower() not in FUNCTION_WORDS]
    return "".join(p[0].upper() for p in parts)


# 'Port Operating System (POS)' and 'POS (Port Operating System)': a document defines an abbreviation
_SHORT_IN_BRACKETS = re.compile(r"\((?P<short>[A-Z][A-Za-z0-9&]{1,9})\)")
_SHORT_THEN_LONG = re.compile(r"\b(?P<short>[A-Z][A-Za-z0-9&]{1,9})[ \t]+\((?P<long>[^()\n]{3,80})\)")
_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*")


def _letters(short: str) -> str:
    return re.sub(r"[^A-Za-z]", "", short).upper()


def _spells(words: list[str], short: str) -> bool:
    """Whether the words spell the abbreviation out (an abbreviation among them spells nothing out: 'WAN', 'APIs')."""
    return not any(_ABBREVIATION.fullmatch(w.removesuffix("s")) for w in words) and _letters(short) in (initials(words, False), initials(words, True))


def _meaning(words: list[str]) -> frozenset[str]:
    """The words that say what a spelled-out name means: lower case, singular, small words off."""
    return frozenset(_stem(p.lower()) for w in words for p in re.split(r"[-']", w)
                     if p and p.lower() not in FUNCTION_WORDS)


def defined_abbreviations(text: str) -> dict[str, frozenset[str]]:
    """The abbreviations a text defines (two capitals or more) with the words of what each stands for: the
    shortest run of words before '(POS)' whose initials spell it, or the words in brackets after 'POS'."""
    defined: dict[str, frozenset[str]] = {}
    for match in _SHORT_IN_BRACKETS.finditer(text):
        short = match["short"]
        if sum(c.isupper() for c in short) < 2:
            continue
        line = text[max(0, match.start() - 120):match.start()].rsplit("\n", 1)[-1]
        before = _NAME_WORD.findall(line)
        for n in range(1, min(len(before), len(_letters(short)) + 3) + 1):
            words = before[-n:]
            if words[0].lower() not in FUNCTION_WORDS and _spells(words, short):
                defined[short] = defined.get(short, frozenset()) | _meaning(words)
                break
    for match in _SHORT_THEN_LONG.finditer(text):
        short, words = match["short"], _NAME_WORD.findall(match["long"])
        if sum(c.isupper() for c in short) >= 2 and _spells(words, short):
            defined[short] = defined.get(short, frozenset()) | _meaning(words)
    return defined


MIN_SENSE_SHARE = 0.2  # of a document's other skills that must share a field of work with an abbreviation's meaning
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&]+")  # 'POS', 'CPT', 'AT&T': written in capitals
_CONTEXT_WINDOW = 8  # tokens either side in which a context-dependent name needs technical company
# Technologies a document must name (distinct ones, by their unambiguous names) for an everyday word that names one
# among technologists ('testing', 'security', 'cloud': a skill's `in_context` alias) to count anywhere in it: a
# posting for engineers writes "availability, scalability and security" with no technology in the sentence
DOCUMENT_TECHNOLOGIES = 5
OFFICE_SOFTWARE_SOCS = 5  # (`_office_software`)
OFFICE_SOFTWARE_SHARE = 0.25
# the share of a document's skills that technologies must make, beside DOCUMENT_TECHNOLOGIES of them, for a field's name
# technologists use for a thing of their trade (`Taxonomy.trade_words`) to be read as that thing
TRADE_SHARE = 1 / 3
# An article or a possessive before a trade word, and the words that may follow it when it ends its phrase
# (`SkillMatcher._everyday`)
_OPENERS = frozenset({"a", "an", "its", "their", "your", "his", "her", "our", "my"})
_AFTER_HEAD = frozenset({"of", "in", "with", "and", "or", "that", "which", "to", "for", "at", "on", "as", "from", "is",
                         "was", "has", "have", "we", "i", "you", "they"})
_SETTLED = {"document": "context", "trade": "alias"}  # what a mention the whole document decides on is, once kept
_FUZZY_CUTOFF = 90  # rapidfuzz ratio for a misspelt technology name
# how sure a mention is, by how it was found (`SkillMention.how`)
_CONFIDENCE = {"alias": 0.9, "exact": 0.9, "context": 0.75, "document": 0.75, "trade": 0.9, "fuzzy": 0.6, "trait": 0.75}
_SEASONS = frozenset({"spring", "summer", "fall", "autumn", "winter"})  # a season and a year date a term: 'Spring 2014'
_YEAR_AFTER = re.compile(r"[\s,]*(?:'\d\d|(?:19|20)\d\d)\b")
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
# words after a language name that keep it a language ('English and French', 'Danish is an advantage');
# any other word makes it an adjective ('Danish universities')
_LANGUAGE_FOLLOWERS = frozenset(
    "and or is are was would will be as at to in on with plus language languages skills skill speaking speaker speakers "
    "spoken written native fluent fluency proficiency proficient level levels orally oral verbal mother communication required "
    "preferred mandatory essential desirable advantage necessary also both a an the "
    "we you i our your they their".split())  # a pronoun opens the next sentence of a text run on ('in English We offer')
# words before a language name that make it the language whatever follows ('Fluent in English Good to have ...',
# 'spoken English Strong understanding of ...': a text run on into its next sentence)
_LANGUAGE_USE = frozenset("spoken written verbal fluent fluency fluently proficient proficiency native speak speaks "
                          "speaking write writes read reads".split())

# nouns after which a quality's name names a thing of the company's, not the quality: 'the Engineering Leadership team',
# 'short communication channels', 'communication solutions', 'a leadership programme' (singular, as `_stem` leaves them)
_THINGS_OF_A_QUALITY = frozenset("team channel solution tool platform department group board committee structure meeting "
                                 "program programme plan strategy material campaign agency system network function office "
                                 "unit opportunity topic".split())
# the qualities of a system, which no posting asks of a person: a personal quality named among them is the system's too
# ('scalability, reliability and performance', 'keep our apps fast, secure, and reliable')
_QUALITIES_OF_SYSTEMS = frozenset("scalability scalable performance performant fast secure security robust robustness "
                                  "stability stable maintainability maintainable usability observability testability "
                                  "extensibility durability accessibility latency uptime".split())
_LIST_REACH = 8  # words read along a list each way
# the qualities whose name is also the people who have them: 'work closely with leadership', 'report to leadership'
_QUALITIES_NAMING_PEOPLE = frozenset({"leadership"})
_WITH_OR_TO = frozenset({"with", "to"})
_PEOPLES_OPENERS = _OPENERS | {"the", "company"}  # 'with our leadership', 'with company leadership'
_AFTER_THE_PEOPLE = _AFTER_HEAD - {"of"}  # ('with leadership of teams' is the quality)
# the name of a quality as a noun ('leadership', 'communication', 'creativity', 'teamwork', 'initiative'): a verb or a
# gerund before such a word has it for its object ('brainstorming solutions', 'invent solutions', 'mentoring team members')
_QUALITY_NOUN = re.compile(r"(?:ship|tion|sion|ity|ism|ness|ment|ance|ence|work|ive)$")

# after a word for a personal quality: the phrase ends, or it names the person having it, or what it bears on
_PHRASE_END = re.compile(r"[.!?;:()\[\]\n]")
# (not 'colleagues' or 'people': 'ambitious colleagues', 'people passionate about security' are the team one joins)
_PERSON_WORDS = frozenset(
    "person individual candidate personality profile professional player self starter mindset mind "
    "attitude character nature approach manner way spirit thinker learner worker communicator you yourself".split())
_PERSON_PAIRS = frozenset({("team", "player"), ("mind", "set")})  # 'a dedicated team player', 'an analytical mind-set'
ROLE_LOOKAHEAD = 5  # words after a quality in which a job's noun says it describes the person ('Senior Software Engineer')
# the words that frame a duty ('be responsible for managing …', 'responsible and accountable for'): what follows is
# the duty, not the quality of responsibility (the alias matcher and the ability linker both read it so)
DUTY_LEAD = r"(?:responsible|accountable)(?:\s+(?:and|or)\s+(?:responsible|accountable))?\s+for"
_DUTY = re.compile(DUTY_LEAD + r"\b")
_QUALITY_PREPOSITIONS = frozenset("about in with at when while within under toward towards".split())
# the words a programming language's letter is joined to when it names the language ('C-language', 'R-based', 'R-studio')
_LETTER_NAME_WORDS = frozenset("language languages lang programming code coding based like style script scripts studio".split())
_CLAUSE_OPENERS = frozenset(
    "you we i have has are is am can will able a an the your our who that take enjoy like love want thrive work".split())


_LIST_GAP = re.compile(r"\s*[,/&]?\s*(?:(?:and|or)\s+)?", re.I)


def _listed_beside(keys: list[str], found: list[re.Match], text: str, i: int) -> list[int]:
    """The tokens listed next to token `i`, across a comma, a slash, an ampersand, 'and' or 'or' ('time, energy, and
    money', 'trust and energy'); not a word that goes on the phrase ('energy efficiency')."""
    out = []
    for step in (-1, 1):
        k = i + step
        if 0 <= k < len(keys) and keys[k] in ("and", "or"):
            k += step
        if 0 <= k < len(keys):
            gap = text[found[min(i, k)].end():found[max(i, k)].start()]
            if gap.strip() and _LIST_GAP.fullmatch(gap):
                out.append(k)
    return out


class SkillMatcher:
    """Text in, taxonomy skills out, with spans and confidence.

    Longest match first over every alias (lower case, tokens, plural 's' off); names that are also
    ordinary words (Go, R, C, Swift, Spark, Excel, Access, Rust, Chef, Puppet) count only as written
    and next to other technology or a technical word, while the other names of the same skills
    ('Golang', 'Microsoft Office') count anywhere; words for personal qualities ('structured',
    'curious') count only where they describe someone; unknown words close to a technology name
    ('Kubernets') are matched fuzzily with rapidfuzz at a lower confidence.
    """

    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy
        self._index: dict[tuple[str, ...], str] = {}
        self._exact: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self._traits: dict[tuple[str, ...], str] = {}
        self._longest: dict[str, int] = {}
        # the one-word names of a context skill that are its own name or an ordinary word ('Chef', 'Go');
        # its other names ('Golang', 'Microsoft Office', 'Metabase') say what they are anywhere
        self._needs_context: set[tuple[str, ...]] = set()
        # a name that reads as an everyday word of another language ('vite', 'tableau', 'cento'): the ways its names are
        # written, which (or capitals) alone count without context ('Vite', 'Tableau', 'CentOS')
        self._foreign_names: dict[tuple[str, ...], set[str]] = {}
        vocabulary: set[str] = set(taxonomy.common_words)
        fuzzy_names: dict[str, str] = {}
        for entry in taxonomy.skills.values():
            for alias in entry.aliases:  # the taxonomy lists the name among them when it may be matched
                key = tuple(alias_key(alias).split())
                if not key:
                    continue
                self._index.setdefault(key, entry.id)
                if len(key) == 1 and key[0] in taxonomy.foreign_words and self._index[key] == entry.id:
                    self._foreign_names.setdefault(key, set()).add(alias)
                if len(key) == 1 and self._index[key] == entry.id and (key[0] in entry.in_context or entry.context and (
                        key[0] in taxonomy.common_words or (alias.isalpha() and key == tuple(alias_key(entry.name).split())))):
                    self._needs_context.add(key)
                self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
                vocabulary.update(key)
                if len(key) == 1 and len(key[0]) >= 6 and entry.category in TECH_CATEGORIES and not entry.context \
                        and key == tuple(alias_key(entry.name).split()):  # a misspelt name, not a short form
                    fuzzy_names.setdefault(key[0], entry.id)
            for alias in entry.exact:
                key = tuple(alias_key(alias).split())
                written = " ".join(m.group() for m in tokens(alias))
                self._exact.setdefault(key, []).append((entry.id, written))
                self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
            for trait in entry.traits:
                key = tuple(alias_key(trait).split())
                self._traits.setdefault(key, entry.id)
                self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
                vocabulary.update(key)
        self._vocabulary = frozenset(vocabulary)
        # the technical words as text is compared (plural 's' off): 'tools' and 'technologies' are context too
        self._context_keys = frozenset(_stem(w) for w in taxonomy.context_words)
        self._office = frozenset(sid for sid, skill in taxonomy.skills.items() if _office_software(skill))
        self._fuzzy_keys = list(fuzzy_names)
        self._fuzzy_ids = [fuzzy_names[k] for k in self._fuzzy_keys]
        self._fuzzy_cache: dict[str, str | None] = {}

    @cached_property
    def _named_in_number(self) -> dict[str, str]:
        """Per one-word key, a product's name (lower case) that an English word differs from only by a plural 's': the
        word does not name it, whatever the plural 's' the matching takes off ('window' is no Windows, 'canvas' no Canva,
        'reacts' no React). Only names of products, not concepts ('database' is Databases), and only where no other
        alias with that key is written otherwise; and the fields the extras name only in the plural ('electronic' is
        no electronics)."""
        written: dict[str, set[str]] = {}
        for entry in self.taxonomy.skills.values():
            for alias in entry.aliases:
                if " " not in alias and (key := alias_key(alias)) and " " not in key:
                    written.setdefault(key, set()).add(alias.lower())
        english = english_words()
        out = {}
        for entry in self.taxonomy.skills.values():
            name = entry.name
            if entry.category not in TECH_CATEGORIES or entry.esco_uri or " " in name or not name[:1].isupper():
                continue
            key = alias_key(name)
            if written.get(key) != {name.lower()}:
                continue
            if (name.lower() != key and key in english) or (name.lower() == key and key + "s" in english):
                out[key] = name.lower()
        out.update((alias_key(name), name) for name in self.taxonomy.plural_only)
        return out

    def _other_number(self, key: str, token: str) -> bool:
        """Whether the token is the English word that differs from the product name its key stands for by a plural 's'
        ('window' for Windows, 'canvas' for Canva): see `_named_in_number`."""
        name = self._named_in_number.get(key)
        return name is not None and token.lower() != name and (name.endswith("s") != token.lower().endswith("s"))

    def find(self, text: str) -> list[SkillMention]:
        return self.find_many([text])[0]

    def names(self, phrase: str) -> bool:
        """Whether the phrase, whole, is one of a skill's names ('time management'; not 'leadership management')."""
        return any(m.how in ("alias", "exact") and m.start == 0 and m.end == len(phrase) for m in self.find(phrase))

    def listed(self, item: str) -> SkillMention | None:
        """The one technology an item of a skills list names when the item is its name as written and nothing else
        ('Inventor', 'Acrobat', 'Go'): a name that needs technical company has it in a list of skills. Not an acronym,
        which stands for too much ('TS' of a 'Technical Specialist(TS)' is no TypeScript)."""
        if _ABBREVIATION.fullmatch(item.strip()) and len(item.strip()) > 1:
            return None
        key = tuple(alias_key(item).split())
        written = " ".join(m.group() for m in tokens(item))
        owners = list(dict.fromkeys(sid for sid, form in self._exact.get(key, ()) if form == written))
        if len(owners) != 1:
            return None
        return SkillMention(self.taxonomy.skills[owners[0]], item, 0, len(item), _CONFIDENCE["context"], "context")

    @cached_property
    def abilities(self):
        """Verb phrases linked to competences (jobfit.abilities), built on first use."""
        from jobfit.abilities import AbilityLinker

        return AbilityLinker(self.taxonomy)

    def find_many(self, texts: list[str]) -> list[list[SkillMention]]:
        """The skills in each of one document's texts (its lines, its sections). An abbreviation that stands for
        several skills means, throughout the document, the one whose fields of work its other skills share."""
        found = [self._find(text) for text in texts]
        if any(m.how in ("document", "trade") for mentions in found for m in mentions):
            named = {m.skill.id for mentions in found for m in mentions if m.how in ("alias", "exact")}
            technologies = {sid for sid in named if self.taxonomy.skills[sid].category in TECH_CATEGORIES}
            # (software every trade uses, Excel or Outlook, makes no document a technologist's)
            technical = len(technologies - self._office) >= DOCUMENT_TECHNOLOGIES
            # an everyday word of technologists counts in a technologist's document; a field's name that they use for
            # a thing of their trade ('the JavaScript ecosystem', 'database migrations') counts only elsewhere, and in
            # the document of someone who names a few office tools among much else (a history teacher's resume)
            kept = {"document": technical, "trade": not (technical and len(technologies) >= TRADE_SHARE * len(named))}
            found = [[replace(m, how=_SETTLED[m.how]) if m.how in kept else m for m in mentions if kept.get(m.how, True)]
                     for mentions in found]
        if defined := defined_abbreviations("\n".join(texts)):
            found = [[read for m in mentions if (read := self._as_defined(m, defined)) is not None] for mentions in found]
        if any(m.senses for mentions in found for m in mentions):
            found = self._resolve_senses(found)
        return found

    def _as_defined(self, mention: SkillMention, defined: dict[str, frozenset[str]]) -> SkillMention | None:
        """An abbreviation the document defines, read as it defines it: of the skills it may stand for, those that
        do not spell it out otherwise. 'Port Operating System (POS)' is no point of sale, 'Service Improvement Plan
        (SIP)' no Session Initiation Protocol; a skill that does not say what the abbreviation stands for (STL)
        keeps it."""
        meaning = defined.get(mention.text)
        if meaning is None:
            return mention
        owners = [sid for sid in mention.senses or (mention.skill.id,) if self._may_stand_for(sid, mention.text, meaning)]
        if not owners:
            return None
        senses = tuple(owners) if len(owners) > 1 else ()
        return replace(mention, skill=self.taxonomy.skills[owners[0]], senses=senses)

    def _may_stand_for(self, skill_id: str, short: str, meaning: frozenset[str]) -> bool:
        """Whether the skill's names spell `short` out with a word of `meaning`, or do not spell it out at all."""
        skill = self.taxonomy.skills[skill_id]
        longest = len(_letters(short)) + 2  # words a spelled-out name may have: a letter each, and small words
        spelled = False
        for label in (skill.name, *skill.aliases):
            words = _NAME_WORD.findall(label)
            for i, j in itertools.combinations(range(len(words) + 1), 2):
                if j - i <= longest and words[i].lower() not in FUNCTION_WORDS and _spells(words[i:j], short):
                    if _meaning(words[i:j]) & meaning:
                        return True
                    spelled = True
        return not spelled

    def _resolve_senses(self, found: list[list[SkillMention]]) -> list[list[SkillMention]]:
        """Each abbreviation of several skills as the one most of the document's other skills share a field of work
        with (an ISCO sub-major group of the occupations that need or use them): 'CPT' among medical billing and
        coding skills is the procedural terminology, not cable-propelled transit; ties go to the one more
        occupations need or use. One that less than a fifth of the other skills share a field with ('CPT' among
        network devices: a carrier's packet transport, neither) is left unread."""
        taxonomy = self.taxonomy
        others = [taxonomy.fields_of(sid) for sid in {m.skill.id for mentions in found for m in mentions if not m.senses}]
        chosen: dict[tuple[str, ...], SkillEntry | None] = {}
        for senses in {m.senses for mentions in found for m in mentions if m.senses}:
            score = {sid: (sum(1 for fields in others if fields & taxonomy.fields_of(sid)), len(taxonomy.occupations_of(sid)),
                           -senses.index(sid)) for sid in senses}
            best = max(senses, key=score.__getitem__)
            chosen[senses] = taxonomy.skills[best] if others and score[best][0] >= MIN_SENSE_SHARE * len(others) else None
        return [[m if not m.senses else replace(m, skill=chosen[m.senses]) for m in mentions
                 if not m.senses or chosen[m.senses] is not None] for mentions in found]

    def _fuzzy(self, word: str) -> str | None:
        if word not in self._fuzzy_cache:
            from rapidfuzz import fuzz, process

            hit = process.extractOne(word, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
            self._fuzzy_cache[word] = self._fuzzy_ids[hit[2]] if hit and hit[0][:1] == word[:1] else None
        return self._fuzzy_cache[word]

    def _stands_alone(self, text: str, found: list[re.Match], start: int, end: int, skill: SkillEntry) -> bool:
        """False when the words only modify others: a language used as an adjective ('the Danish company',
        'English Literature'), a one-word field inside a compound ('high-energy', 'socio-economics'), a letter
        that starts a joined name ('R-Car', 'R&D'), or a soft skill in the plural or in a phrase of manner ('in
        close collaboration with'), or naming a thing of the company's ('the leadership team', 'communication
        channels'), the people who have it ('work closely with leadership') or a system's quality ('scalability,
        reliability, and performance')."""
        if skill.type == "language" and end < len(found):
            gap = text[found[end - 1].end():found[end].start()]
            following = found[end].group()
            adjective = following.isalpha() and following.lower() not in _LANGUAGE_FOLLOWERS and not following.endswith("ly")
            before = [m.group().lower() for m in found[max(0, end - 3):end - 1]]  # the two words before its name
            if before[-1:] and (before[-1] in _LANGUAGE_USE or (before[-1] == "in" and before[0] in _LANGUAGE_USE)):
                adjective = False
            next_skill = self._index.get((_stem(following.lower()),))
            if adjective and gap.strip() == "" and "\n" not in gap and not (
                    next_skill and self.taxonomy.skills[next_skill].type == "language"):  # 'German Italian and French'
                return False
        if end - start == 1 and skill.type == "soft skill":
            word = found[start].group().lower()
            if word != _stem(word):  # matched through its singular: a quality is singular, 'initiatives' and
                return False  # 'collaborations' are things a company runs
            # 'in close collaboration with the client': how the work is done, not a skill asked for;
            # 'a new initiative', 'an initiative between', 'each initiative': a thing the company runs, not the quality
            before = [m.group().lower() for m in found[max(0, start - 2):start]]
            if before[-1:] in (["a"], ["an"], ["this"], ["each"], ["every"], ["another"]) or (
                    len(before) == 2 and before[0] in ("a", "an") and before[1].isalpha() and not before[1].endswith("ly")):
                return False
            if end < len(found) and found[end].group().lower() == "with" and (
                    before[-1:] == ["in"] or (len(before) == 2 and before[0] == "in" and before[1].isalpha())):
                return False
            if end < len(found) and _singular(found[end].group().lower()) in _THINGS_OF_A_QUALITY and _QUALITY_NOUN.search(word) \
                    and text[found[start].end():found[end].start()] == " ":
                return False
            # 'collaborate with leadership', 'present to our leadership', 'dashboards for leadership': the people, not
            # the quality (things made for them: a plural noun before 'for'; not 'a passion for leadership')
            if word in _QUALITIES_NAMING_PEOPLE and (before[-1:] and before[-1] in _WITH_OR_TO or (
                    len(before) == 2 and before[0] in _WITH_OR_TO and before[1] in _PEOPLES_OPENERS) or (
                    before[-1:] == ["for"] and len(before) == 2 and before[0].isalpha() and before[0] != _stem(before[0]))) \
                    and (end == len(found) or _PHRASE_END.search(text[found[end - 1].end():found[end].start()])
                         or found[end].group().lower() in _AFTER_THE_PEOPLE):
                return False
            if self._of_a_system(text, found, start, end):
                return False
        if skill.type == "soft skill" and _DUTY.match(" ".join(m.group().lower() for m in found[end - 1:end + 3])):
            return False  # 'be responsible (and accountable) for the build': a duty (the clause says which), not the quality
        if end - start == 1 and self._joined_to_a_word(text, found, start, skill):
            return False
        if end - start == 1 and found[start].group().lower() in _SEASONS and _YEAR_AFTER.match(text, found[start].end()):
            return False  # 'Social Psychology, Spring 2014': a term, no Spring Framework
        if end - start == 1 and skill.category not in TECH_CATEGORIES and skill.type != "language":
            left, right = found[start].start(), found[start].end()
            if (left >= 2 and text[left - 1] == "-" and text[left - 2].isalpha()) or \
                    (right + 1 < len(text) and text[right] == "-" and text[right + 1].isalpha()):
                return False
        return True

    @staticmethod
    def _of_a_system(text: str, found: list[re.Match], start: int, end: int) -> bool:
        """Whether a personal quality's word is said of a system: named in a list with a system's qualities
        ('scalability, reliability, and performance', 'fast, secure, and reliable'), or, as a noun, of a thing ('the
        reliability of our networks')."""
        if found[end - 1].group().lower().endswith(("ity", "ness")) and end < len(found) \
                and found[end].group().lower() == "of" and text[found[end - 1].end():found[end].start()] == " ":
            return True
        for step, edge in ((-1, start), (1, end - 1)):  # along the list each way: its items, split at commas and 'and'
            items, item, k, closed = [], [], edge, True
            for _ in range(_LIST_REACH):
                k += step
                if not 0 <= k < len(found):
                    break
                near, far = (found[k - step], found[k]) if step > 0 else (found[k], found[k - step])
                gap = text[near.end():far.start()]
                if _PHRASE_END.search(gap) or gap.strip() not in ("", ",", "&", "/"):
                    closed = bool(_PHRASE_END.search(gap))  # (not 'fast-paced': a word joined on goes on)
                    break
                word = found[k].group().lower()
                if gap.strip() or word in ("and", "or"):
                    items.append(item)
                    item = []
                if word not in ("and", "or"):
                    item.append(word)
            else:
                closed = False  # (cut off where the reach ends: the last item may go on)
            items += [item] if closed else []
            # the first item holds the words of the quality's own item: before it, they say what it is of ('data
            # handling reliability'); after it, the quality is no item of the list ('leadership in a fast, … company')
            if len(items) > 1 and (step < 0 or not items[0]) and any(
                    _a_system_quality(i[::-1] if step < 0 else i) for i in items[1:]):
                return True
        return False

    def _joined_to_a_word(self, text: str, found: list[re.Match], i: int, skill: SkillEntry) -> bool:
        """Whether the one word of a technology's name at token `i` is part of a word joined by a hyphen: a letter joined
        to another word names a thing of its own ('Renesas R-Car', 'C-level executives', 'R&D', 'A/B/C tests'; not
        'C-language'); a product's name that is an English word, in lower case, hyphened to a lower-case word that names
        no skill is the English word ('a go-to expert', 'from the get-go'; not 'react-redux')."""
        written = found[i].group()
        after = found[i + 1] if i + 1 < len(found) and found[i + 1].start() == found[i].end() + 1 else None
        before = found[i - 1] if i and found[i - 1].end() == found[i].start() - 1 else None
        if len(written) == 1:
            if after is not None and text[found[i].end()] in "-&" and after.group()[:1].isalpha() \
                    and after.group().lower() not in _LETTER_NAME_WORDS:
                return True
            # one of several letters in a row ('A/B/C'): the neighbour a letter that names no skill
            return any(m is not None and len(m.group()) == 1 and m.group().isalpha() and (m.group().lower(),) not in self._index
                       and text[min(m.end(), found[i].end()):max(m.start(), found[i].start())] == "/" for m in (before, after))
        if skill.category not in TECH_CATEGORIES or skill.name.lower() != written or written not in english_words():
            return False  # (a concept, not a product's name, keeps its compounds: 'a cloud-first strategy')
        return any(m is not None and m.group().isalpha() and m.group().islower() and (_stem(m.group()),) not in self._index
                   and text[min(m.end(), found[i].end()):max(m.start(), found[i].start())] == "-" for m in (before, after))

    @cached_property
    def _role_nouns(self) -> frozenset[str]:
        """The nouns job titles end in that ESCO's occupations use more than its skills: a person's job ('engineer',
        'driver'), not a thing ('server' of 'SQL server', 'boiler')."""
        from jobfit.resumes.lexicon import role_nouns

        roles = role_nouns(self.taxonomy)
        in_skills = Counter(word for key in self._index for word in key if word in roles)
        in_occupations = Counter(word for occupation in self.taxonomy.occupations.values()
                                 for label in (occupation.title, *occupation.aliases)
                                 for word in set(re.findall(r"[a-z]+", label.lower())) if word in roles)
        return frozenset(w for w in roles if in_occupations[w] > in_skills[w])

    def _names_a_role(self, text: str, found: list[re.Match], j: int) -> bool:
        """Whether the words from `j` run, with no function word or punctuation between, to the noun of one job
        ('Senior Frontend Developer', 'engineer/physicist'); the plural is a team one joins ('a team of motivated
        engineers', 'skilled colleagues')."""
        for k in range(j, min(j + ROLE_LOOKAHEAD, len(found))):
            if k > j and (_PHRASE_END.search(gap := text[found[k - 1].end():found[k].start()]) or "," in gap):
                return False
            written = found[k].group()
            word = written.lower()
            if word in self._role_nouns:
                return True
            if word.endswith("s") and not word.endswith("ss") and written.islower():
                return False  # a plural: the team ('skilled colleagues each responsible for'), not the person
            if word in FUNCTION_WORDS or word in _CLAUSE_OPENERS or word in _QUALITY_PREPOSITIONS:
                return False
        return False

    def _describes_someone(self, text: str, found: list[re.Match], start: int, end: int) -> int | None:
        """Where the wording of a personal quality ends when the word describes someone ('You are structured,
        curious and driven', 'a structured thinker', 'passionate about food'); None when it describes a thing
        ('structured data', 'a dedicated server', 'data-driven').

        The qualities and the words joining them are read on to the first other word. That word must end the
        phrase, name the person ('individual', 'mindset'), bear on something ('about') or, after 'and', open a
        clause of its own ('and have ...'); right after the quality no other word may stand. A person's noun
        right after the quality belongs to the wording ('structured thinker', 'analytical mind-set')."""
        left = found[start].start()
        if left >= 2 and text[left - 1] == "-" and text[left - 2].isalnum():
            return None
        j, joined, other = end, False, False
        while j < len(found):
            gap = text[found[j - 1].end():found[j].start()]
            if _PHRASE_END.search(gap):
                return end
            if "-" in gap and not gap.strip(" -"):
                return None  # 'hands-on-experience', 'structured-data': one compound
            word = _stem(found[j].group().lower())
            following = found[j + 1].group().lower() if j + 1 < len(found) else ""
            person = 2 if (word, following) in _PERSON_PAIRS else int(word in _PERSON_WORDS)
            if person:
                return j + person if j == end else end
            if word in _QUALITY_PREPOSITIONS:
                return end
            if word in ("and", "or") or "," in gap:
                joined = True
                if word in ("and", "or"):
                    j += 1
                    continue
            if word.endswith("ly") or (word,) in self._traits:
                j += 1
                continue
            if self._names_a_role(text, found, j):
                return end  # 'a motivated and experienced Senior Software Engineer': the person, by the job
            if not joined or other:
                return None  # 'structured data', or a second other word: the qualities describe a thing
            if word in _CLAUSE_OPENERS:
                return end
            other = True
            j += 1
        return end

    def _elided(self, text: str, found: list[re.Match], keys: list[str], candidates: list) -> list[tuple[int, int, str, str]]:
        """Skills whose head noun the text shares with the next: 'analytical, written and verbal communication
        skills' names analytical skills too, 'interpersonal and organizational skills' interpersonal skills."""
        # a quality word before a shared head noun ('analytical, … skills') is that skill, not a trait
        taken = {k for c in candidates if c[3] != "trait" for k in range(c[0], c[1])}
        out = []
        for start, end, _, _ in candidates:
            head = end - 1 if keys[end - 1] == "skill" else end if end < len(keys) and keys[end] == "skill" else None
            k, joined = start - 1, False
            while head is not None and k >= 0 and len(out) < 8:
                gap = text[found[k].end():found[k + 1].start()].strip()
                if keys[k] in ("and", "or") and gap in ("", ","):
                    k, joined = k - 1, True
                    continue
                if not (gap in (",", "&") or (joined and gap == "")):
                    break
                joined = False
                sid = None if k in taken else self._index.get((keys[k], keys[head]))
                if sid is not None:
                    out.append((k, k + 1, sid, "alias"))
                k -= 1
        return out

    def _everyday(self, keys: list[str], found: list[re.Match], text: str, i: int) -> bool:
        """Whether the trade word (or another word with `Taxonomy.everyday_before`) at token `i` is the everyday thing,
        whatever the document: after a word that makes it
        so (`Taxonomy.everyday_before`: 'credit history', 'database migration'), or after an article or a possessive,
        with at most one word between, when it ends its phrase ('a proven history of delivery', 'their history.'; not
        'a history teacher'). A trade word after the name of a technology or of a product is that one's thing: 'the
        PHP ecosystem', 'a PostgreSQL migration', 'the Chainlink ecosystem' (a capitalized word English does not have)."""
        if i and keys[i - 1] in self.taxonomy.everyday_before.get(keys[i], ()):
            return True
        beside = self.taxonomy.everyday_beside.get(keys[i])
        if beside and any(keys[k] in beside for k in _listed_beside(keys, found, text, i)):
            return True  # 'the energy, passion and fortitude', 'time, energy, and money'
        if i and keys[i] in self.taxonomy.trade_words:
            before = found[i - 1].group()
            named = {self._index[(keys[i - 1],)]} if (keys[i - 1],) in self._index else set()
            named |= {sid for sid, form in self._exact.get((keys[i - 1],), ()) if form == before}
            if any(self.taxonomy.skills[sid].category in TECH_CATEGORIES for sid in named):
                return True
            if not named and before[:1].isupper() and before.isalpha() and len(before) > 2 \
                    and before.lower() not in english_words():
                return True  # (not 'U.S. History', a subject)
        if self._takes_an_object(keys, found, text, i):
            return True
        if not (i and keys[i - 1] in _OPENERS or i > 1 and keys[i - 2] in _OPENERS):
            return False
        return i + 1 == len(keys) or keys[i + 1] in _AFTER_HEAD or bool(
            re.search(r"[^\w\s]", text[found[i].end():found[i + 1].start()]))

    def _takes_an_object(self, keys: list[str], found: list[re.Match], text: str, i: int) -> bool:
        """Whether a trade word written as a verb's -ing form goes on to its object, alone or with another such verb:
        'crafting our value proposition', 'crafting and scheduling content' is writing, not ESCO's crafting (by
        hand); 'woodworking and crafting' ends its phrase."""
        if keys[i] not in self.taxonomy.trade_words or not found[i].group().lower().endswith("ing") or i + 1 >= len(keys):
            return False
        if text[found[i].end():found[i + 1].start()].strip():
            return False  # 'crafting, painting': a list of crafts
        after = found[i + 1].group().lower()
        if after in ("and", "or"):
            return i + 2 < len(keys) and found[i + 2].group().lower().endswith("ing") and i + 3 < len(keys) \
                and not text[found[i + 2].end():found[i + 3].start()].strip()
        return after not in _AFTER_HEAD

    def _find(self, text: str) -> list[SkillMention]:
        found = tokens(text)
        keys = [_stem(m.group().lower()) for m in found]
        skills = self.taxonomy.skills
        trade = self.taxonomy.trade_words
        candidates: list[tuple[int, int, str, str]] = []  # token start, end, skill id, how
        senses: dict[int, tuple[str, ...]] = {}  # token start → the skills an abbreviation there may stand for
        i, n = 0, len(keys)
        while i < n:
            longest = self._longest.get(keys[i])
            hit = None
            if longest:
                for size in range(min(longest, n - i), 0, -1):
                    key = tuple(keys[i:i + size])
                    sid = self._index.get(key)
                    # the English word one plural 's' from a product's name: in lower case no name ('a time window', 'a
                    # blank canvas'; a name kept as written, 'Canvas', may still be read), capitalized only next to other
                    # technology ('Publisher, Window, Word' is Windows misspelt, 'A Window of Opportunity' is none)
                    other_number = size == 1 and self._other_number(key[0], found[i].group())
                    if other_number and (found[i].group().islower() or any(
                            form == found[i].group() for _, form in self._exact.get(key, ()))):
                        sid = None
                    if sid is not None:
                        if key in self._foreign_names and _ROMANCE_NEXT.match(text, found[i + size - 1].end()):
                            break  # 'Tableau de bord': the everyday word, whatever technology is near
                        ambiguous = (key in self._needs_context and not _coined(found[i].group())) or (
                            key in self._foreign_names and _written_otherwise(found[i].group(), self._foreign_names[key])) \
                            or other_number
                        trade_word = size == 1 and key[0] in trade
                        if size == 1 and (trade_word or key[0] in self.taxonomy.everyday_before
                                          or key[0] in self.taxonomy.everyday_beside) \
                                and self._everyday(keys, found, text, i):
                            break  # 'credit history', 'a proven history of delivery', 'high energy': no field of knowledge
                        hit = (i, i + size, sid, "context" if ambiguous else "trade" if trade_word else "alias")
                        break
                    if key in self._exact:
                        written = " ".join(m.group() for m in found[i:i + size])
                        owners = tuple(dict.fromkeys(sid for sid, form in self._exact[key] if form == written))
                        if owners:  # context is needed for a bare word when every skill it may stand for needs it
                            # ('Calendar' among tools; 'Google Calendar', its full name, anywhere)
                            hit = (i, i + size, owners[0],
                                   "context" if size == 1 and all(skills[o].context for o in owners) else "exact")
                            if len(owners) > 1 and _ABBREVIATION.fullmatch(written):
                                senses[i] = owners
                            break
                    if key in self._traits:
                        hit = (i, i + size, self._traits[key], "trait")
                        break
            # (a word with accents is another language's, not a misspelt technology: 'Informática' is no Informetica;
            # an English word is no misspelling: 'social finesse' is no FitNesse)
            elif len(keys[i]) >= 6 and keys[i].isalpha() and keys[i].isascii() and keys[i] not in self._vocabulary \
                    and found[i].group().lower() not in english_words():
                sid = self._fuzzy(keys[i])
                if sid is not None:
                    hit = (i, i + 1, sid, "fuzzy")
            if hit:
                candidates.append(hit)
                i = hit[1]
            else:
                i += 1
        elided = self._elided(text, found, keys, candidates)
        if elided:
            words = {c[0] for c in elided}
            candidates = sorted([c for c in candidates if c[0] not in words] + elided)
        mentions = []

        def everyday(start: int, end: int, sid: str) -> bool:  # one of the skill's `in_context` words
            return end - start == 1 and keys[start] in skills[sid].in_context

        if any(c[3] == "context" for c in candidates):
            # context counts within the sentence or line only
            starts = [m.start() for m in found]
            ends_before = [0] * n  # sentence ends in the gap before each token
            for boundary in _SENTENCE_END.finditer(text):
                j = bisect.bisect_right(starts, boundary.start())
                if 0 < j < n and boundary.start() >= found[j - 1].end():
                    ends_before[j] = 1
            sentence = list(itertools.accumulate(ends_before))
            # (an everyday word of technologists is context for another: 'logging and monitoring', 'Consul … deployment')
            anchors = [(c[0], sentence[c[0]]) for c in candidates if c[3] != "context" and skills[c[2]].category in TECH_CATEGORIES
                       or everyday(*c[:3])]
            anchors += [(j, sentence[j]) for j, k in enumerate(keys) if k in self._context_keys]
        for start, end, sid, how in candidates:
            if how == "context" and not any(abs(a - start) <= _CONTEXT_WINDOW and s == sentence[start] and not start <= a < end
                                            for a, s in anchors):  # another word: 'database' is no context for itself
                if not everyday(start, end, sid):
                    continue
                how = "document"  # an everyday word: it counts if the document is a technologist's (`find_many`)
            if how == "trait":
                if self._of_a_system(text, found, start, end):
                    continue
                end = self._describes_someone(text, found, start, end)
                if end is None:
                    continue
            elif not self._stands_alone(text, found, start, end, skills[sid]):
                continue
            span_start, span_end = found[start].start(), found[end - 1].end()
            mentions.append(SkillMention(skills[sid], text[span_start:span_end], span_start, span_end, _CONFIDENCE[how], how,
                                         senses.get(start, ())))
        return mentions


def _office_software(skill: SkillEntry) -> bool:
    """Software every trade uses: O*NET lists it for OFFICE_SOFTWARE_SOCS occupations or more, under a quarter of them
    in computing or engineering (Excel 10%, Outlook 10%, QuickBooks 1%, PeopleSoft 19%; Python 52%, Git 59%, Jira 49%)."""
    socs = skill.onet_socs
    return len(socs) >= OFFICE_SOFTWARE_SOCS and sum(soc.startswith(("15-", "17-")) for soc in socs) < OFFICE_SOFTWARE_SHARE * len(socs)


@lru_cache(maxsize=4)
def shared_matcher(path: str | None = None, stamp: float = 0.0) -> SkillMatcher:
    """One matcher per process and taxonomy file (and `stamp`, its modification time, so a rebuilt
    file is read again): building it costs more than using it."""
    return SkillMatcher(load_taxonomy(Path(path) if path else None))
