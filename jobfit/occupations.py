"""Job titles to ESCO occupations (and their ISCO group) with a confidence.

A title is cleaned (locations and codes in brackets, 'URGENT', seniority words, shouting) and split at
spaced dashes, bars and 'at' ('Cards Set 1 - Manual Tester': the piece that names an occupation best
counts; the whole title with its brackets read as words is one more piece, for 'IT Executive
(Programmer)'), then scored against every occupation by these signals, measured on noisy job-board titles:
- the cosine between the title's MiniLM vector and the occupation's centroid (the mean vector of
  its preferred and alternative labels, computed when the taxonomy is built and shipped beside it);
- an IDF-weighted token overlap with the occupation's best label (catches exact wording and
  abbreviations the model does not know);
- when the posting's skills are known, the share of them ESCO lists for the occupation (essential
  count fully, optional half): 'Frontend Engineer' with React and TypeScript is a developer, not a
  construction engineer;
- and, for three skills or more (soft skills and languages left out), how far the meaning of the skills together (the mean of their MiniLM vectors,
  shipped with the taxonomy for skill linking) stands out near the occupation's centroid: ESCO links programming
  languages and cloud platforms to dozens of engineering occupations, so their share alone left a 'Senior Rails +
  React Engineer' a rail project engineer and a 'System and Infrastructure Engineer' a transport engineer. Only occupations more
  than two standard deviations nearer than the average get it (on the shared feeds, 52 of 507 distinct titles
  changed, 22 for the better and 3 for the worse by reading; titles-dev, titles only, is unchanged).
Without the centroid file the lexical and skill signals decide. A piece that is one of an occupation's labels,
word for word, names it: the best scoring of the occupations so named is the answer ('Site Reliability Engineer'
is the ICT system administrator's title the taxonomy build added, though its words sit closer to a dependability
engineer's). Of an occupation and the narrower ones ESCO lists under it, the narrowest that scores nearly as well
is the answer: 'software developer' is right for 'Senior Developer, .NET', 'mobile application developer' more
useful for 'Android Developer'.

Commanders and chief executives (ISCO major group 0 and sub-major group 11) must be named: a title
is read as one of them only when a piece of it, as written, holds one of its labels of several words
or is one of its one-word labels. Job boards call officers 'executives' and labourers 'general
workers'; neither is a CEO or an army general, though the model and the word overlap both say so.
Likewise a manager's or supervisor's occupation needs a title that names someone in charge: a
'Telemarketing Executive' answers calls, a 'Production operator' runs a line, an 'IT Helpdesk
Coordinator' staffs the help desk (on titles-dev: occupation 0.2945 -> 0.3025, ISCO group 0.3795 -> 0.3915).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from jobfit.taxonomy import Taxonomy, alias_key
from jobfit.text import english_words

LEXICAL_WEIGHT = 0.3
# How much less a narrower occupation may score and still be the answer instead of its broader one
# ('Android Developer' is a mobile application developer more usefully than a software developer).
NARROWER_MARGIN = 0.1
MENDED_TWICE_FROM = 10  # letters from which a misspelt title word may be two edits from the label word it means
MENDED_TO_MIN_LABELS = 5  # labels a word must be in to be what a misspelt title word means (no 'runway' for 'Sunway')
GENERIC_ALIAS_OWNERS = 5  # a one-word alternative label shared by more occupations than this names none of them
SKILLS_WEIGHT = 0.6  # how much the posting's own skills, shared with an occupation's ESCO skills, count
SKILLS_MEANING_WEIGHT = 0.05  # per standard deviation past SKILLS_MEANING_FROM that the skills' meaning is near an occupation
SKILLS_MEANING_FROM = 2.0
SKILLS_MEANING_MIN = 3  # skills with a vector a posting needs before their meaning counts
# An occupation named with less confidence is none: a title in a script the model does not read ('数据工程师' was a
# stand-in, 0.13) or of no words at all ('XXXX', a deckhand, 0.14). On titles-dev the one below it was wrong, as were
# the 8 below 0.2 ('Perantis jahitan', a sewing operator in Malay, was a professional athlete), but a shared feed's
# 'Fullstack Laravel and VueJS Developer' is a software developer at 0.199.
MIN_CONFIDENCE = 0.15
_NOISE = re.compile(
    r"\([^)]*\)|\[[^\]]*\]|\b(?:urgent(?:ly)?|hiring|wanted|needed|vacancy|vacancies|immediate(?:ly)?|"
    r"looking for|senior|snr|sr|junior|jnr|jr|lead|principal|trainee|intern|internship|cum|"
    r"[mfwhdx](?:/[mfwhdx]){1,2}|"  # the genders a European posting invites: 'm/w/d', 'H/F', 'f/m/x'
    # a driving licence's class ('CDL Class A Truck Driver', 'HGV Class 1 Driver'; the licence itself names a truck in
    # title_words.yaml), the shift ('2nd Shift', 'Nights', 'PRN', 'Per Diem') and the pay ('$18/hr', 'Up to $22/hr +
    # Tips', '$10K Sign-On Bonus') say how the job is done, not what it is
    r"class\s+[abc1-3]|"
    r"(?:1st|2nd|3rd|first|second|third|night|day|evening|weekend|graveyard|swing|rotating)\s+shifts?|nights|weekends|"
    r"per\s+diem|prn|home\s+daily|temp\s+to\s+(?:hire|perm)|now\s+hiring|immediate\s+start|sign[- ]on\s+bonus|"
    r"up\s+to|plus\s+tips)\b|\+\s*tips\b|\$\s?\d[\d,.]*\s*k?(?:\s*(?:/|per\s+)\s*(?:hr|hour|h|week|wk|year|yr)\b)?",
    re.I,
)
# the words that put someone at the head of a field ('Chief Marketing Officer', 'Head of Sales'): dropped as seniority,
# but kept where an occupation's name holds them (`OccupationMatcher.normalize`)
_AT_THE_HEAD = re.compile(r"\b(?:head of|chief)\b", re.I)
# a level after the title's words: 'Software Engineer III', 'Accountant I'
_LEVEL = re.compile(r"(?<=\w)\s+(?:I{1,3}|IV|V)\b(?=\s*(?:$|[-–(,/|]))")
# the words of _NOISE a misspelling may mean ('Intership')
_NOISE_WORDS = {"urgent", "urgently", "hiring", "wanted", "vacancy", "vacancies", "immediate", "immediately", "senior",
                "junior", "trainee", "intern", "internship"}
# The terms of employment a title may state ('Java Developer (Contract)', 'Remote'): noise, except in an occupation's
# own name ('Contract Manager', 'Smart Contract Engineer')
_TERMS = re.compile(r"\b(?:part[- ]time|full[- ]time|contract|temporary|remote|hybrid)\b", re.I)
# A language the job asks for ('JAPANESE SPEAKING ENGINEER', 'Customer Service - Mandarin Speaker'): noise, unless an
# occupation is named so ('public speaking coach')
_SPEAKING = re.compile(r"\b[a-z]+[- ]speak(?:ing|ers?)\b", re.I)
TITLE_WORDS_FILE = Path(__file__).parent / "data" / "title_words.yaml"


@lru_cache(maxsize=1)
def _title_sections() -> dict[str, dict[str, str]]:
    import yaml

    return yaml.safe_load(TITLE_WORDS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def title_words() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(words, phrases, compound heads) in the English of the occupations' labels (`data/title_words.yaml`): the words job
    boards shorten ('Asst') or write in Malay, German, French, Spanish, Italian, Portuguese or Dutch ('Juruwang',
    'Comptable', 'Enfermera', 'Analist'); phrases of several words ('chef de projet'); the heads of German and Dutch
    compounds ('Softwareentwickler', 'Magazijnmedewerker')."""
    sections = _title_sections()
    words: dict[str, str] = {}
    for name, table in sections.items():
        if name not in ("phrases", "compound_heads"):
            words.update(table)
    heads = dict(sorted(sections["compound_heads"].items(), key=lambda item: -len(item[0])))  # the longest head first
    return {**words, **heads}, sections["phrases"], heads


def title_in_english(title: str) -> str:
    """The title with the words job boards shorten ('Asst') or write in Malay, German, French, Spanish, Italian or
    Portuguese in the English of the occupations' labels (`title_words`): 'Juruwang' is a cashier, 'Chef de projet' a
    project manager, 'Softwareentwickler' a software developer. Words it does not know stay as they are."""
    title = _phrases().sub(lambda m: title_words()[1][m.group().lower()], _malay_order(title or ""))
    return re.sub(r"[^\W\d_]+", lambda m: _word_in_english(m.group()), title)


def _malay_order(title: str) -> str:
    """A Malay title's words in English order: the job words first in Malay, what the job is of after them
    ('Eksekutif Akaun' -> 'Akaun Eksekutif', an accounts executive; 'Penolong Pengurus Operasi' -> 'Operasi Penolong
    Pengurus', an operations assistant manager)."""
    sections = _title_sections()
    words = title.split(" ")
    lowered = [w.lower() for w in words]
    for i, word in enumerate(lowered):
        if word not in sections["malay_heads"]:
            continue
        j = i
        while j < len(words) and lowered[j] in sections["malay_heads"]:
            j += 1
        k = j
        while k < len(words):  # a word, or two a phrase translates ('Eksekutif Sumber Manusia': human resources)
            if sections["malay"].get(lowered[k]):
                k += 1
            elif " ".join(lowered[k:k + 2]) in sections["phrases"]:
                k += 2
            else:
                break
        if k > j:
            return " ".join(words[:i] + words[j:k] + words[i:j] + words[k:])
        break
    return title


@lru_cache(maxsize=65536)
def _word_in_english(word: str) -> str:
    """A word in English when `title_words` knows it or it is a German or Dutch compound ending with a head it
    knows ('Vertriebsmitarbeiter': sales staff, 'Magazijnmedewerker': warehouse staff); else as it is."""
    lower = word.lower()
    words, _, heads = title_words()
    if lower in words:
        return words[lower]
    head = next((h for h in heads if lower.endswith(h) and len(lower) > len(h) + 2), None)
    if head and lower not in english_words():
        before = lower[:-len(head)]
        stem = before.removesuffix("s")  # the linking 's' of 'Vertriebs-'
        return f"{words.get(before, words.get(stem, stem))} {heads[head]}".strip()
    return word


@dataclass(frozen=True)
class OccupationMatch:
    id: str
    title: str
    esco_uri: str
    isco_group: str
    isco_label: str
    category: str
    confidence: float
    onet_socs: tuple[str, ...] = ()

    def as_meta(self) -> dict:
        return {"id": self.id, "title": self.title, "esco_uri": self.esco_uri, "isco_group": self.isco_group,
                "isco_label": self.isco_label, "onet_socs": list(self.onet_socs), "confidence": self.confidence}


# 'Cards Set 1 - Manual Tester', 'Sales Manager | Kuala Lumpur', 'Sergeant at Bukit Damansara', and two jobs in one
# title: 'Photographer cum Photo Editor', 'GRAPHIC DESIGNER / VIDEO EDITOR' (a slash with a space beside it; 'HR/Admin'
# is one job)
_PARTS = re.compile(r"\s[-–|@]\s|\s*\|\s*|\sat\s|\scum\s|\s/\s*|/\s", re.I)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# a piece that is only a grade, as job boards write one ('Executive – Marketing & Digital Communications', 'Business
# Support - Executive', 'Assistant Manager - Financial Risk Management'): no occupation of its own ('executive' had made
# them executive assistants; 'assistant manager', ESCO's other name for the management assistant, a deputy manager's)
_RANK_ONLY = re.compile(r"(?:executives?|exec|officer|staff|assistant manager)")
# An occupation of people in charge, by its preferred label, and the words by which a title puts someone in charge.
_IN_CHARGE = re.compile(r"\b(?:manager|supervisor|director|head|chief|superintendent|foreman|forewoman|leader)\b", re.I)
# Words the cleaning drops that change which job a title names ('Chief Executive Officer' is no 'executive officer')
_RANK = re.compile(r"\b(?:chief|head of|principal|lead|trainee|intern(?:ship)?)\b", re.I)
_NAMES_CHARGE = re.compile(r"\b(?:manager|managers|management|supervisor|supervising|director|head|chief|superintendent|"
                           r"foreman|forewoman|leader|lead|in-?charge|mgr|gm|vp|president|controller|cfo|ceo|cto|coo|cio|"
                           r"owner)\b", re.I)


def title_parts(title: str, named_terms: re.Pattern | None = None, keep_head: bool = False) -> list[str]:
    """The cleaned pieces of a title split at spaced dashes, bars and 'at': any of them may be the job
    ('Protege - Site Engineer'), the others a place, a team or a code. Last comes the whole title with
    the words in its brackets, which sometimes say what the job is ('IT Executive (Programmer)'). `keep_head` as
    for `clean_title`."""
    parts = [clean_title(part, named_terms, keep_head) for part in _PARTS.split(_BRACKETS.sub(" ", title or ""))]
    parts.append(clean_title(re.sub(r"[()\[\]]", " ", title or ""), named_terms, keep_head))
    return list(dict.fromkeys(part for part in parts if part))


def clean_title(title: str, named_terms: re.Pattern | None = None, keep_head: bool = False) -> str:
    """The title's words that may name the job, in English (`title_in_english`: a German, French or Malay title meets an
    English one), lower case, without seniority, brackets and codes. With `named_terms`
    (the occupations' labels that hold a term of employment) a term of employment goes too, unless it is inside such
    a label; without them it stays: matching compares titles with no taxonomy at hand, and 'Contract Manager' is no
    'manager'. With `keep_head` the words that put someone at the head of a field ('chief', 'head of') stay."""
    text = title_in_english(title or "")
    if named_terms is not None:
        kept = [m.span() for m in named_terms.finditer(text)]
        text = _TERMS.sub(lambda m: m.group() if any(a <= m.start() < b for a, b in kept) else " ", text)
    text = _NOISE.sub(" ", _LEVEL.sub(" ", text))
    if not keep_head:
        text = _AT_THE_HEAD.sub(" ", text)
    text = re.sub(r"[^\w&/+#. ]", " ", text)
    text = re.sub(r"\b(\w+)(?:\s+\1\b)+", r"\1", text, flags=re.I)  # 'CDL Truck Driver' is a 'truck truck driver'
    return re.sub(r"\s+", " ", text).strip().lower()


def centroids_path(taxonomy_path: Path) -> Path:
    return Path(taxonomy_path).with_name("occupation_centroids.npy")


def load_centroids(taxonomy: Taxonomy, taxonomy_path: Path) -> np.ndarray | None:
    """The centroids shipped beside a taxonomy file (None when there are none), checked to belong to it."""
    path = centroids_path(taxonomy_path)
    if not path.exists():
        return None
    centroids = np.load(path)
    if centroids.shape[0] != len(taxonomy.occupations):
        raise ValueError(f"{path} does not belong to {taxonomy_path} ({centroids.shape[0]} rows, "
                         f"{len(taxonomy.occupations)} occupations); rebuild it")
    return centroids


def build_centroids(taxonomy: Taxonomy) -> np.ndarray:
    """Mean MiniLM vector of each occupation's labels, unit length, float16, in `taxonomy.occupations` order."""
    from jobfit.embedding import embed_texts

    labels, owner = [], []
    for k, occ in enumerate(taxonomy.occupations.values()):
        for label in (occ.title, *occ.aliases):
            labels.append(label)
            owner.append(k)
    vectors = embed_texts(labels, batch_size=256)
    sums = np.zeros((len(taxonomy.occupations), vectors.shape[1]), dtype=np.float32)
    np.add.at(sums, np.asarray(owner), vectors)
    sums /= np.linalg.norm(sums, axis=1, keepdims=True)
    return sums.astype(np.float16)


class OccupationMatcher:
    def __init__(self, taxonomy: Taxonomy, centroids: np.ndarray | None = None,
                 skill_vectors: tuple[list[str], np.ndarray, np.ndarray] | None = None):
        """`skill_vectors`: the skill linker's (ids, int8 rows, scales), for the meaning of a posting's skills."""
        self.taxonomy = taxonomy
        self._occupations = list(taxonomy.occupations.values())
        self._centroids = None if centroids is None else centroids.astype(np.float32)
        self._skill_row: dict[str, int] = {}
        if skill_vectors is not None and self._centroids is not None:
            ids, self._skill_vectors, self._skill_scale = skill_vectors
            self._skill_row = {sid: row for row, sid in enumerate(ids)}
        labels = [(k, frozenset(_word_stems(label)), i > 0)  # (occupation, words, an alternative label?)
                  for k, occ in enumerate(self._occupations) for i, label in enumerate((occ.title, *occ.aliases))]
        # An alternative label of one word that many occupations' labels share ('driver' for the hearse driver,
        # 'supervisor' for the oil refinery control room operator) names none of them: it is left out.
        owners: dict[str, set[int]] = {}
        for k, toks, _ in labels:
            for w in toks:
                owners.setdefault(w, set()).add(k)
        label_tokens = [(k, toks) for k, toks, alias in labels
                        if not (alias and len(toks) == 1 and len(owners[next(iter(toks))]) > GENERIC_ALIAS_OWNERS)]
        df: dict[str, int] = {}
        for _, toks in label_tokens:
            for w in toks:
                df[w] = df.get(w, 0) + 1
        n = len(label_tokens)
        self._idf = {w: math.log(n / (1 + c)) for w, c in df.items()}
        self._unknown_idf = math.log(n)
        by_token: dict[str, list[int]] = {}
        for j, (_, toks) in enumerate(label_tokens):
            for w in toks:
                by_token.setdefault(w, []).append(j)
        self._by_token = {w: np.asarray(js) for w, js in by_token.items()}  # the labels each word is in
        self._label_owner = np.asarray([k for k, _ in label_tokens])
        self._preferred: dict[frozenset[str], list[int]] = {}  # an occupation's own name: its preferred label's words
        for k, occ in enumerate(self._occupations):
            self._preferred.setdefault(frozenset(alias_key(occ.title).split()), []).append(k)
        self._label_weight = np.asarray([sum(self._idf[w] for w in toks) for _, toks in label_tokens])
        self._ranks = {k: [alias_key(label) for label in (occ.title, *occ.aliases)]
                       for k, occ in enumerate(self._occupations) if _is_rank(occ.isco_group)}
        index = {occ.id: k for k, occ in enumerate(self._occupations)}
        self._narrower: dict[int, list[int]] = {}
        for k, occ in enumerate(self._occupations):
            if occ.broader in index:
                self._narrower.setdefault(index[occ.broader], []).append(k)
        named_labels = {label.lower() for occ in self._occupations for label in (occ.title, *occ.aliases)}
        named_terms = sorted((label for label in named_labels if _TERMS.search(label)), key=len, reverse=True)
        # (a pattern that finds nothing when no label holds one: the terms still go)
        self._named_terms = re.compile(r"\b(?:" + "|".join(map(re.escape, named_terms)) + r")\b" if named_terms else r"(?!)", re.I)
        self._label_count = Counter(w for occ in self._occupations for label in (occ.title, *occ.aliases)
                                    for w in re.findall(r"[a-z]+", label.lower()))
        self._label_count.update(dict.fromkeys(_NOISE_WORDS, MENDED_TO_MIN_LABELS))
        self._vocabulary = sorted(w for w, n in self._label_count.items() if n >= MENDED_TO_MIN_LABELS)
        self._named_speaking = [label for label in named_labels if "speak" in label]
        self._in_charge = np.asarray([k for k, occ in enumerate(self._occupations) if _IN_CHARGE.search(occ.title)],
                                     dtype=np.int64)

    @classmethod
    def from_files(cls, taxonomy: Taxonomy, taxonomy_path: Path) -> OccupationMatcher:
        from jobfit.skill_linking import read_skill_vectors, vectors_path

        vectors = vectors_path(taxonomy_path)
        return cls(taxonomy, load_centroids(taxonomy, taxonomy_path), read_skill_vectors(vectors) if vectors.exists() else None)

    def respell(self, title: str) -> str:
        """The title in the words the occupations' labels use: in English (`title_in_english`), misspellings of a label's
        word mended ('Assitant', 'OFFCIE'), and a language the job asks for left out."""
        title = _SPEAKING.sub(lambda m: m.group() if any(m.group().lower() in label for label in self._named_speaking)
                              else " ", title or "")
        return re.sub(r"[^\W\d_]+", lambda m: self._mend(m.group()), title_in_english(title))

    @lru_cache(maxsize=65536)  # noqa: B019 -- one matcher per taxonomy file lives as long as the process
    def _mend(self, word: str) -> str:
        """A misspelt word mended to the most used label word (of those in MENDED_TO_MIN_LABELS labels or more) one edit
        away (two for long words) when neither the taxonomy nor English knows it; else the word as it is."""
        lower = word.lower()
        if len(lower) < 5 or lower in self._known or lower.removesuffix("s") in self._known or lower in english_words():
            return word
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        found = process.extract(lower, self._vocabulary, scorer=OSA.distance, limit=None,
                                score_cutoff=1 if len(lower) < MENDED_TWICE_FROM else 2)
        if not found:
            return word
        nearest = min(distance for _, distance, _ in found)
        return max((w for w, distance, _ in found if distance == nearest), key=lambda w: self._label_count[w])

    def _lexical(self, title: str) -> np.ndarray:
        """Best IDF-weighted Jaccard overlap with any label, per occupation (one vector over them)."""
        best = np.zeros(len(self._occupations))
        words = frozenset(_word_stems(title))
        if not words:
            return best
        weight = sum(self._idf.get(w, self._unknown_idf) for w in words)
        shared = np.zeros(len(self._label_weight))
        for w in words:
            labels = self._by_token.get(w)
            if labels is not None:
                shared[labels] += self._idf[w]
        js = np.flatnonzero(shared)
        # |title ∩ label| / |title ∪ label|, each word weighted by its IDF
        np.maximum.at(best, self._label_owner[js], shared[js] / (weight + self._label_weight[js] - shared[js]))
        return best

    def _unnamed_ranks(self, title: str) -> list[int]:
        """The commanders and chief executives a title does not name (as written: 'Chief Executive
        Officer' keeps its 'chief' here), and the occupations in charge of others when it names no one in charge."""
        keys = [alias_key(piece) for piece in _PARTS.split(_BRACKETS.sub(" ", title or ""))] + [alias_key(title or "")]
        unnamed = [k for k, labels in self._ranks.items() if not any(_names(key, label) for key in keys for label in labels)]
        if not _NAMES_CHARGE.search(title or ""):
            unnamed += self._in_charge.tolist()
        return unnamed

    def _most_specific(self, scores: np.ndarray, k: int) -> int:
        """The best occupation, or the narrowest under it that scores within NARROWER_MARGIN of it."""
        while narrower := self._narrower.get(k):
            best = max(narrower, key=lambda c: scores[c])
            if scores[best] < scores[k] - NARROWER_MARGIN:
                break
            k = best
        return k

    def _skill_evidence(self, skills: set[str]) -> dict[int, float]:
        """Per occupation, the share of `skills` ESCO lists for it (essential 1, optional 0.5)."""
        if not skills:
            return {}
        index = self._skill_index
        found: dict[int, float] = {}
        for sid in skills:
            for k, weight in index.get(sid, ()):
                found[k] = found.get(k, 0.0) + weight
        return {k: v / len(skills) for k, v in found.items()}

    def _skills_meaning(self, skills: list[set[str]]) -> dict[int, np.ndarray]:
        """Per posting with SKILLS_MEANING_MIN skills or more that tell a field (no soft skills or languages: teamwork and
        attention to detail made a 'QA Architect' an interior architect), by position in `skills`, per occupation: how
        many standard deviations past SKILLS_MEANING_FROM the mean vector of its skills is nearer the occupation's centroid than the
        average occupation's (0 for the rest). One matrix product for the batch."""
        rows = {k: sorted(self._skill_row[sid] for sid in posting if sid in self._skill_row and self.taxonomy.skills[sid].tells_field)
                for k, posting in enumerate(skills)}
        rows = {k: r for k, r in rows.items() if len(r) >= SKILLS_MEANING_MIN}
        if not rows:
            return {}
        means = np.stack([(self._skill_vectors[r].astype(np.float32) * self._skill_scale[r, None]).mean(axis=0)
                          for r in rows.values()])
        similarity = (means / np.linalg.norm(means, axis=1, keepdims=True)) @ self._centroids.T
        spread = similarity.std(axis=1, keepdims=True)
        z = (similarity - similarity.mean(axis=1, keepdims=True)) / np.where(spread > 0, spread, np.inf)
        return dict(zip(rows, np.maximum(z - SKILLS_MEANING_FROM, 0), strict=True))

    @cached_property
    def _known(self) -> set[str]:
        """The words of the occupations' and the skills' labels (built when a title first holds a word no label has)."""
        return set(self._label_count) | {w for skill in self.taxonomy.skills.values()
                                         for label in (skill.name, *skill.aliases) for w in re.findall(r"[a-z]+", label.lower())}

    @cached_property
    def _skill_index(self) -> dict[str, list[tuple[int, float]]]:
        index: dict[str, list[tuple[int, float]]] = {}
        for k, occ in enumerate(self._occupations):
            for sid in occ.essential:
                index.setdefault(sid, []).append((k, 1.0))
            for sid in occ.optional:
                index.setdefault(sid, []).append((k, 0.5))
        return index

    def normalize(self, titles: list[str], skills: list[set[str]] | None = None) -> list[OccupationMatch | None]:
        """The occupation of each title; `skills`, when given, holds each posting's skill ids."""
        titles = [self.respell(t) for t in titles]
        # a title that puts someone at the head of a field is also read with those words: 'Chief Marketing Officer' is
        # ESCO's chief marketing officer before it is a 'marketing officer' (a marketing assistant's other name)
        parts = [list(dict.fromkeys(title_parts(t, self._named_terms) + (
            title_parts(t, self._named_terms, keep_head=True) if _AT_THE_HEAD.search(t) else []))) for t in titles]
        parts = [[part for part in row if not _RANK_ONLY.fullmatch(part)] or row for row in parts]
        flat = [part for row in parts for part in row]
        semantic = None
        if self._centroids is not None and flat:
            from jobfit.embedding import embed_texts

            row_of = {part: k for k, part in enumerate(dict.fromkeys(flat))}  # a feed repeats its titles: each embedded once
            semantic = (embed_texts(list(row_of)) @ self._centroids.T)[[row_of[part] for part in flat]]
        meanings = self._skills_meaning(skills) if skills else {}
        out: list[OccupationMatch | None] = []
        first = 0
        for row, pieces in enumerate(parts):
            if not pieces:
                out.append(None)
                continue
            scores = np.full(len(self._occupations), -np.inf, dtype=np.float32)
            named = np.zeros(len(self._occupations), dtype=bool)
            called = np.zeros(len(self._occupations), dtype=bool)  # named by its preferred label
            unnamed = self._unnamed_ranks(titles[row])
            for j, piece in enumerate(pieces):  # the piece that names an occupation best speaks for the title
                piece_scores = np.zeros(len(self._occupations), dtype=np.float32) if semantic is None \
                    else semantic[first + j].copy()
                lexical = self._lexical(piece)
                named |= lexical >= 1 - 1e-9
                called[self._preferred.get(frozenset(alias_key(piece).split()), [])] = True
                piece_scores += LEXICAL_WEIGHT * lexical.astype(np.float32)
                piece_scores[unnamed] = -np.inf
                np.maximum(scores, piece_scores, out=scores)
            first += len(pieces)
            for k, value in self._skill_evidence(skills[row] if skills else set()).items():
                scores[k] += SKILLS_WEIGHT * value
            if row in meanings:
                scores += SKILLS_MEANING_WEIGHT * meanings[row].astype(np.float32)
            named &= np.isfinite(scores) & (_RANK.search(titles[row]) is None)
            if (named & called).any():
                named &= called
            # a piece that is one of an occupation's labels, word for word, names it: of the occupations so named,
            # the best scoring is the answer, above any the title only resembles ('Site Reliability Engineer' is
            # an ICT system administrator's title, though the words sit closer to a dependability engineer's);
            # not so when the cleaning dropped a word of rank from the title
            best = int(np.where(named, scores, -np.inf).argmax()) if named.any() else int(scores.argmax())
            # (an occupation called by its own name is the answer, not a narrower one: 'Electrical Engineer' is no mine's)
            k = best if called[best] and named[best] else self._most_specific(scores, best)
            if scores[k] <= 0:
                out.append(None)
                continue
            occ = self._occupations[k]
            confidence = float(np.clip(scores[k] / (1 + LEXICAL_WEIGHT + SKILLS_WEIGHT), 0, 1))
            if confidence < MIN_CONFIDENCE:
                out.append(None)
                continue
            out.append(OccupationMatch(occ.id, occ.title, occ.esco_uri, occ.isco_group,
                                       self.taxonomy.isco_groups.get(occ.isco_group, ""), occ.category,
                                       round(confidence, 3), occ.onet_socs))
        return out


def _word_stems(text: str) -> list[str]:
    """The words the lexical signal compares: alias keys with the '-ing' of a field of work off, so that job boards'
    'ACCOUNT ASSISTANT' and 'Engineer Assistant' meet ESCO's 'accounting assistant' and 'engineering assistant'
    (on titles-dev: occupation 0.3105 -> 0.3205, ISCO group 0.3915 -> 0.4005)."""
    return [w[:-3] if len(w) >= 7 and w.endswith("ing") else w for w in alias_key(text).split()]


@lru_cache(maxsize=1)
def _phrases() -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(title_words()[1], key=len, reverse=True))) + r")(?!\w)", re.I)


def _is_rank(isco_group: str) -> bool:
    """Armed forces officers (ISCO major group 0) and chief executives, senior officials and legislators (11)."""
    return isco_group.startswith(("0", "11"))


def _names(key: str, label: str) -> bool:
    """Whether a piece of a title names an occupation by this label: holds it when it has several words,
    is it when it has one ('general' is in 'general worker', which is no army general)."""
    return f" {label} " in f" {key} " if " " in label else key == label


@lru_cache(maxsize=4)
def shared_occupation_matcher(path: str | None = None, stamp: float = 0.0) -> OccupationMatcher:
    """One occupation matcher per process and taxonomy file (see `shared_matcher`)."""
    from jobfit.taxonomy import default_taxonomy_path, shared_matcher

    taxonomy = shared_matcher(path, stamp).taxonomy
    return OccupationMatcher.from_files(taxonomy, Path(path) if path else default_taxonomy_path())
