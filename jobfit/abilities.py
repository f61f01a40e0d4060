"""Ability phrases — what a posting asks people to do — linked to the taxonomy's competences.

Postings state abilities as verb phrases ('Lead small to large projects', 'supervise and support
junior developers') that rarely equal an ESCO label word for word, so the alias matcher misses
them. Here a clause that starts with a verb ESCO's competences start with is a candidate; it is
linked to the competence whose label its content words cover best (IDF-weighted), and kept only
when the verb agrees and so do two content words (one, for a label that has only one), and the label names no
narrower kind than the clause (a word it sets before a shared one, or after it and a preposition, is missing:
'identify and resolve issues' is no 'identify and resolve lighting issues', 'maintain high quality code' no 'maintain
high quality of calls'). Only labels that
open with a verb competences are named with take part: ESCO's alternative labels that open with a noun
('technical skills', 'team building') would link headings and noun phrases. The clause itself is the
wording kept.

A clause that opens with a verb of action ('Developing new frontend features', 'Provides thought
leadership') is also the posting's wording of the skills named inside it (`asks_action`, spaCy's tagger);
one that opens with a noun or a verb of having, being or knowing ('Good knowledge of …', 'Have 3+ years
of …') is not: there the skill's own words are the wording.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property

from jobfit.taxonomy import DUTY_LEAD, SkillEntry, Taxonomy, alias_key, alias_words
from jobfit.text import TAGS_ONLY, english

STOPWORDS = frozenset(
    "a an the and or of to in on for with at by from as is are be our your their its it this that these those "
    "we you they all any other such etc using use new own who will can must should".split()
)
# what opens a clause before its verb; 'you will be responsible for' frames a duty, and the duty is the ability asked
_LEADS = re.compile(rf"^(?:(?:(?:you\s+will|you['’]ll|will|you\s+are|you['’]re)\s+)?(?:be\s+)?{DUTY_LEAD}|"
                    r"you will|you'll|you|will|to|able to|ability to|be able to|help(?: us)?|we want you to)(?:\s+|\s*[—–]\s*)", re.I)
_CLAUSE_END = re.compile(r"[.;:!?•·●▪*()\u2022]|\s[-–]\s|,\s")
_NEXT_ABILITY = re.compile(r"(\w*)\s(?:to|by|including)\s+([a-z]+)\b")
# 'to' after these leads into the ability ('able to') or states the company's purpose ('our mission is to')
_NOT_BEFORE_ABILITY = frozenset(
    "able ability need needs have has you want wants is are be was aim aims aimed purpose mission vision goal goals "
    "love loves strive strives seek seeks".split())
MIN_COVER = 0.6  # share of the label's content (IDF-weighted) the clause must contain
MAX_WORDS = 8


_ACTION_CACHE: dict[str, bool] = {}
_NOT_ACTIONS = frozenset("have has be is are am do does possess know understand".split())  # having, being, knowing


def _content(words: list[tuple[str, str]]) -> frozenset[str]:
    """The words after the verb that say what the ability is about, as compared; a stopword as written ('new', not
    'news': 'collaborate with cross-functional teams' is no 'collaborate with news teams')."""
    return frozenset(key for written, key in words[1:] if written not in STOPWORDS)


_NARROWING = frozenset("of in for on to".split())  # 'trends in psychotherapy', 'support to veterinary clients'


def _modifiers(words: list[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """The label's content words that narrow another, each with the word it narrows: set right before it (('lighting',
    'issue') in 'identify and resolve lighting issues', ('healthcare', 'best') in 'follow healthcare best practices') or
    after it and a preposition (('psychotherapy', 'trend') in 'keep up with trends in psychotherapy')."""
    rest = words[1:]
    pairs = {(a, b) for (wa, a), (wb, b) in zip(rest, rest[1:], strict=False) if wa not in STOPWORDS and wb not in STOPWORDS}
    pairs |= {(a, b) for (wb, b), (preposition, _), (wa, a) in zip(rest, rest[1:], rest[2:], strict=False)
              if preposition in _NARROWING and wa not in STOPWORDS and wb not in STOPWORDS}
    return frozenset(pairs)


@dataclass(frozen=True)
class Ability:
    skill: SkillEntry
    text: str  # the clause as written
    start: int
    end: int
    confidence: float


class AbilityLinker:
    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy

    @cached_property
    def _competences(self) -> list[SkillEntry]:
        return [s for s in self.taxonomy.skills.values() if s.type in ("competence", "soft skill")]

    @cached_property
    def _index(self):
        labels: list[tuple[str, str, frozenset[str], frozenset[tuple[str, str]]]] = []  # skill id, verb, content words, modifiers
        for skill in self._competences:
            for alias in dict.fromkeys((skill.name, *skill.aliases)):  # in a fixed order: ties go to the first label
                words = alias_words(alias)
                content = _content(words)
                if len(words) >= 2 and content:
                    labels.append((skill.id, words[0][1], content, _modifiers(words)))
        df: dict[str, int] = {}
        for _, _, content, _ in labels:
            for w in content:
                df[w] = df.get(w, 0) + 1
        idf = {w: math.log(len(labels) / n) for w, n in df.items()}
        by_verb: dict[str, list[int]] = {}
        for j, (_, verb, _, _) in enumerate(labels):
            by_verb.setdefault(verb, []).append(j)
        return labels, idf, by_verb

    @staticmethod
    def _verbs(competences: list[SkillEntry]) -> set[str]:
        """The verbs competences are named with: the first words of their names ('manage', 'develop', 'work'),
        when several names start with them, and their -ing forms ('leading teams'). An alternative label that
        opens with a noun or an adjective ('team building', 'technical skills') names no action a clause can state."""
        first: dict[str, int] = {}
        for skill in competences:
            words = alias_key(skill.name).split()
            if len(words) >= 2:
                first[words[0]] = first.get(words[0], 0) + 1
        verbs = {w for w, n in first.items() if n >= 3}
        return verbs | {v + "ing" for v in verbs} | {v[:-1] + "ing" for v in verbs if v.endswith("e")} | {
            v + v[-1] + "ing" for v in verbs if re.fullmatch(r"[a-z]*[^aeiou][aeiou][bdgmnprt]", v)}

    @cached_property
    def _by_verb_and_word(self) -> tuple[dict[tuple[str, str], list[int]], list[float]]:
        """Labels by their verb and each content word (a clause is compared only with labels it shares a word
        with), and each label's content weight."""
        labels, idf, _ = self._index
        index: dict[tuple[str, str], list[int]] = {}
        verbs = self._verbs(self._competences)
        for j, (_, verb, content, _) in enumerate(labels):
            if verb not in verbs:
                continue  # an alternative label opening with a noun or an adjective names no action ('team building')
            for w in content:
                index.setdefault((verb, w), []).append(j)
        return index, [sum(idf[w] for w in sorted(content)) for _, _, content, _ in labels]  # sorted: one sum whatever the hash seed

    def clauses(self, text: str) -> list[tuple[int, int]]:
        """Character spans of clauses that start with a verb competences start with.

        Punctuation ends a clause; so does a verb that opens a new one: capitalized after a lower-case word in
        run-on text ('... side Work with ...'), or after 'to', 'by' or 'including' ('speak with data to make
        decisions', 'a desire to maintain clean code', 'by improving our infrastructure'). After words of
        purpose ('our mission is to', 'aims to', 'we love to') or of ability ('able to') it opens none."""
        _, _, by_verb = self._index
        cuts = [(m.start(), m.end()) for m in _CLAUSE_END.finditer(text)] + [(len(text), len(text))]
        cuts += [(m.start(1), m.start(1)) for m in re.finditer(r"[a-z0-9,]\s+([A-Z][a-z]+)\b", text)
                 if m.group(1).lower() in by_verb]
        cuts += [(m.end(1), m.start(2)) for m in _NEXT_ABILITY.finditer(text)
                 if alias_key(m.group(2)) in by_verb and m.group(1).lower() not in _NOT_BEFORE_ABILITY]
        spans, start = [], 0
        for end, after in sorted(set(cuts)):
            if end < start:
                continue
            piece = text[start:end]
            stripped = piece.lstrip(" -–•*\t")
            offset = start + len(piece) - len(stripped)
            lead = _LEADS.match(stripped)
            if lead:
                offset, stripped = offset + lead.end(), stripped[lead.end():]
            words = stripped.split()
            if words and alias_key(words[0]) in by_verb and len(words) >= 2:
                kept = " ".join(words[:MAX_WORDS])
                spans.append((offset, offset + len(kept)))
            start = after
        return spans

    def asks_action(self, clauses: list[str]) -> list[bool]:
        """Whether each clause opens with a verb of action ('Developing …', 'Provides …', 'Drive …'), not with
        a noun, an adjective or a verb of having or being ('Good knowledge of …', 'Have 3+ years of …')."""
        # the opening three words decide the tag: tagged once per process (postings repeat their openings)
        openings = [" ".join(clause.split()[:3]) for clause in clauses]
        todo = list(dict.fromkeys(o for o in openings if o.lower() not in _ACTION_CACHE))
        if len(_ACTION_CACHE) + len(todo) > 200_000:
            _ACTION_CACHE.clear()  # a bound for long-running processes
            todo = list(dict.fromkeys(openings))
        for opening, doc in zip(todo, english().pipe((o[:1].upper() + o[1:] for o in todo), disable=TAGS_ONLY), strict=True):
            first = doc[0]
            _ACTION_CACHE[opening.lower()] = first.tag_ in ("VBG", "VBZ") or (
                first.tag_ in ("VB", "VBP") and first.lower_ not in _NOT_ACTIONS)
        return [_ACTION_CACHE[o.lower()] for o in openings]

    def find(self, text: str, clauses: list[tuple[int, int]] | None = None) -> list[Ability]:
        """The abilities stated in `text` (its `clauses`, when the caller has them already)."""
        labels, idf, _ = self._index
        by_verb_and_word, weight = self._by_verb_and_word
        found = []
        for start, end in self.clauses(text) if clauses is None else clauses:
            clause = text[start:end]
            words = alias_words(clause)
            verb, content = words[0][1], _content(words)
            best, best_score = None, (0.0, 0.0)
            for j in sorted({j for w in content for j in by_verb_and_word.get((verb, w), ())}):
                sid, _, label, modifiers = labels[j]
                shared = label & content
                if len(shared) < min(2, len(label)):
                    continue
                if any(head in shared and word not in content for word, head in modifiers):
                    continue  # the label names a narrower kind than the clause: 'identify and resolve issues' is no
                    # 'identify and resolve lighting issues', 'provide customer support' no 'provide support to veterinary clients'
                said = sum(idf[w] for w in sorted(shared))  # sorted: one sum whatever the hash seed
                # the label the clause covers best; of two covered alike, the one that says more of the clause
                # ('maintain privacy of service users' over 'maintain privacy')
                score = (said / weight[j], said)
                if score[0] >= MIN_COVER and score > best_score:
                    best, best_score = sid, score
            if best is not None:
                found.append(Ability(self.taxonomy.skills[best], clause, start, end, round(0.5 + 0.3 * best_score[0], 2)))
        return found
