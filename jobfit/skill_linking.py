"""Phrases to taxonomy skills by meaning, for skills written in words no alias has.

The alias matcher finds a skill only when the text holds one of its names ('Python', 'project
management'). A phrase such as 'talking to customers on the phone' or 'fixing cars' names a skill
in other words. Here each ESCO skill (and each of jobfit's extras) is represented by the mean MiniLM
vector of its name and first aliases, computed when the taxonomy is built and shipped beside it as
int8 rows with one scale each (about 5 MB); a phrase goes to the skill whose vector is nearest, with
the cosine as its similarity. O*NET product names are left out (names the alias matcher knows), and
so are ESCO skill groups: with them, fewer ESCO-linked spans found their labeled skill (0.434 against
0.485 on the house set).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from jobfit.taxonomy import SkillEntry, Taxonomy

LABELS_PER_SKILL = 5  # the name and the first four aliases: the one setting measured (benchmarks/esco_linking.py)
DEFAULT_MIN_SIMILARITY = 0.8  # on ESCO-linked spans, right links have a median cosine of 0.77-0.87, wrong ones 0.66-0.73


def vectors_path(taxonomy_path: Path) -> Path:
    return Path(taxonomy_path).with_name("skill_vectors.npz")


def linkable(skill: SkillEntry) -> bool:
    return not skill.group and not skill.id.startswith("onet-")


def build_skill_vectors(taxonomy: Taxonomy) -> dict[str, np.ndarray]:
    """Per linkable skill, the unit mean vector of its labels as int8 with a float32 scale per row."""
    from jobfit.embedding import embed_texts

    skills = [s for s in taxonomy.skills.values() if linkable(s)]
    labels, owner = [], []
    for k, skill in enumerate(skills):
        seen: set[str] = set()
        for label in (skill.name, *skill.aliases):
            if label.lower() not in seen and len(seen) < LABELS_PER_SKILL:
                seen.add(label.lower())
                labels.append(label)
                owner.append(k)
    vectors = embed_texts(labels, batch_size=256)
    sums = np.zeros((len(skills), vectors.shape[1]), dtype=np.float32)
    np.add.at(sums, np.asarray(owner), vectors)
    sums /= np.linalg.norm(sums, axis=1, keepdims=True)
    scale = np.abs(sums).max(axis=1) / 127
    ids = np.frombuffer("\n".join(s.id for s in skills).encode(), dtype=np.uint8)  # compact: ids vary in length
    return {"ids": ids, "vectors": np.round(sums / scale[:, None]).astype(np.int8), "scale": scale.astype(np.float32)}


def read_skill_vectors(path: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The skill ids, int8 rows and per-row scales of a skill vectors file."""
    with np.load(path) as data:
        return data["ids"].tobytes().decode().split("\n"), data["vectors"], data["scale"]


def save_skill_vectors(data: dict[str, np.ndarray], taxonomy_path: Path) -> Path:
    path = vectors_path(taxonomy_path)
    np.savez_compressed(path, **data)
    return path


@dataclass(frozen=True)
class Link:
    skill: SkillEntry
    similarity: float


class SkillLinker:
    def __init__(self, taxonomy: Taxonomy, ids: list[str], vectors: np.ndarray, scale: np.ndarray):
        unknown = [i for i in ids if i not in taxonomy.skills]
        if unknown or len(ids) != vectors.shape[0]:
            raise ValueError(f"skill vectors do not belong to taxonomy {taxonomy.version} (unknown ids {unknown[:5]}); "
                             "rebuild them with `jobfit build-taxonomy`")
        self.taxonomy = taxonomy
        self._skills = [taxonomy.skills[i] for i in ids]
        self._vectors = vectors.astype(np.float32) * scale[:, None]

    @classmethod
    def from_files(cls, taxonomy: Taxonomy, taxonomy_path: Path) -> SkillLinker:
        path = vectors_path(taxonomy_path)
        if not path.exists():
            raise FileNotFoundError(f"{path}: no skill vectors beside the taxonomy; run `jobfit build-taxonomy`")
        return cls(taxonomy, *read_skill_vectors(path))

    def _similarity(self, phrases: list[str]) -> np.ndarray:
        from jobfit.embedding import embed_texts

        return embed_texts(phrases, batch_size=64) @ self._vectors.T

    def nearest(self, phrase: str, k: int = 10, min_similarity: float = 0.5) -> list[Link]:
        """The `k` skills nearest in meaning to `phrase`, most similar first."""
        similarity = self._similarity([phrase])[0]
        top = np.argsort(-similarity)[:k]
        return [Link(self._skills[j], round(float(similarity[j]), 3)) for j in top.tolist() if similarity[j] >= min_similarity]

    def link(self, phrases: list[str], min_similarity: float = DEFAULT_MIN_SIMILARITY) -> list[Link | None]:
        """The nearest skill of each phrase, or None when it is less similar than `min_similarity`."""
        if not phrases:
            return []
        similarity = self._similarity(phrases)
        best = similarity.argmax(axis=1)
        out: list[Link | None] = []
        for row, k in enumerate(best.tolist()):
            value = float(similarity[row, k])
            out.append(Link(self._skills[k], round(value, 3)) if value >= min_similarity else None)
        return out


@lru_cache(maxsize=4)
def shared_linker(path: str | None = None, stamp: float = 0.0) -> SkillLinker:
    """One linker per process and taxonomy file (see `shared_matcher`)."""
    from jobfit.taxonomy import default_taxonomy_path, shared_matcher

    taxonomy = shared_matcher(path, stamp).taxonomy
    return SkillLinker.from_files(taxonomy, Path(path) if path else default_taxonomy_path())
