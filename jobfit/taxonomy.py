"""The skill taxonomy: canonical skills with aliases, categories and parents, and one matcher over them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

# One scale for how far a skill someone has covers a skill that is asked for, used by matching and
# its explanations: the skill itself 1.0; a narrower skill covers its broader parent mostly
# (PostgreSQL for SQL, 0.8); a broader skill covers a narrower child a little (Python for Django, 0.4).
CLOSENESS_EXACT = 1.0
CLOSENESS_CHILD_FOR_PARENT = 0.8
CLOSENESS_PARENT_FOR_CHILD = 0.4


@dataclass(frozen=True)
class SkillEntry:
    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    case_sensitive_aliases: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Occupation:
    id: str
    title: str
    category: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class SkillMention:
    """A taxonomy skill found in text: the canonical entry and the wording that showed it."""

    skill: SkillEntry
    text: str
    start: int  # character offsets in the input text
    end: int


@dataclass
class Taxonomy:
    version: str
    skills: dict[str, SkillEntry]
    occupations: list[Occupation]
    children: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.skills.values():
            for parent in entry.parents:
                self.children.setdefault(parent, set()).add(entry.id)

    def closeness(self, have: str, wanted: str) -> float:
        """How far having skill `have` covers the skill `wanted`, on the module's documented scale."""
        if have == wanted:
            return CLOSENESS_EXACT
        if have in self.skills and wanted in self.skills[have].parents:
            return CLOSENESS_CHILD_FOR_PARENT
        if wanted in self.skills and have in self.skills[wanted].parents:
            return CLOSENESS_PARENT_FOR_CHILD
        return 0.0

    def rows(self) -> list[dict]:
        """One row per skill, for the warehouse and the API."""
        return [
            {
                "id": s.id,
                "name": s.name,
                "category": s.category,
                "aliases": list(s.aliases + s.case_sensitive_aliases),
                "parents": list(s.parents),
                "children": sorted(self.children.get(s.id, ())),
                "version": self.version,
            }
            for s in self.skills.values()
        ]


def default_taxonomy_path() -> Path:
    return Path(str(resources.files("jobfit") / "data" / "taxonomy.yaml"))


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read a taxonomy file; its version is the declared version plus a short hash of the content."""
    path = path or default_taxonomy_path()
    raw_bytes = Path(path).read_bytes()
    raw = yaml.safe_load(raw_bytes)
    skills: dict[str, SkillEntry] = {}
    for item in raw["skills"]:
        if item["id"] in skills:
            raise ValueError(f"{path}: skill id {item['id']!r} appears twice")
        skills[item["id"]] = SkillEntry(
            id=item["id"],
            name=item["name"],
            category=item["category"],
            aliases=tuple(item.get("aliases", ())),
            case_sensitive_aliases=tuple(item.get("case_sensitive_aliases", ())),
            parents=tuple(item.get("parents", ())),
        )
    for entry in skills.values():
        unknown = [p for p in entry.parents if p not in skills]
        if unknown:
            raise ValueError(f"{path}: skill {entry.id!r} names unknown parents {unknown}")
    occupations = [
        Occupation(o["id"], o["title"], o["category"], tuple(o.get("keywords", ()))) for o in raw.get("occupations", [])
    ]
    version = f"{raw.get('version', 'unversioned')}+{hashlib.sha256(raw_bytes).hexdigest()[:8]}"
    return Taxonomy(version=version, skills=skills, occupations=occupations)


class SkillMatcher:
    """Finds taxonomy skills in text with spaCy's PhraseMatcher over every alias.

    Names that are also ordinary words (Go, R, Swift) are matched only with their exact casing.
    """

    def __init__(self, taxonomy: Taxonomy):
        import spacy
        from spacy.matcher import PhraseMatcher

        self.taxonomy = taxonomy
        self.nlp = spacy.blank("en")
        self._lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for entry in taxonomy.skills.values():
            folded = {entry.name, *entry.aliases} - set(entry.case_sensitive_aliases)
            self._lower.add(entry.id, list(self.nlp.tokenizer.pipe(sorted(folded))))
            if entry.case_sensitive_aliases:
                self._exact.add(entry.id, list(self.nlp.tokenizer.pipe(entry.case_sensitive_aliases)))

    def find(self, text: str) -> list[SkillMention]:
        return self.find_many([text])[0]

    def find_many(self, texts: list[str]) -> list[list[SkillMention]]:
        """Skills per text, longest match first where matches overlap, in order of appearance."""
        results = []
        for doc in self.nlp.tokenizer.pipe(texts, batch_size=256):
            spans = []
            for matcher in (self._lower, self._exact):
                for match_id, start, end in matcher(doc):
                    spans.append((start, end, self.nlp.vocab.strings[match_id]))
            spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
            taken_until = -1
            mentions = []
            for start, end, skill_id in spans:
                if start < taken_until:
                    continue
                span = doc[start:end]
                mentions.append(SkillMention(self.taxonomy.skills[skill_id], span.text, span.start_char, span.end_char))
                taken_until = end
            results.append(mentions)
        return results


@lru_cache(maxsize=4)
def shared_matcher(path: str | None = None) -> SkillMatcher:
    """One matcher per process and taxonomy file: building it costs more than using it."""
    return SkillMatcher(load_taxonomy(Path(path) if path else None))
