"""The skill taxonomy every other stage names skills with."""

import hashlib
import shutil
import time
from collections import Counter
from pathlib import Path

import dagster as dg
import numpy as np

from jobfit.embedding import embed_texts
from jobfit.occupations import OccupationMatcher, build_centroids, centroids_path, load_centroids, shared_occupation_matcher
from jobfit.skill_linking import SkillLinker, build_skill_vectors, save_skill_vectors, vectors_path
from jobfit.store import insert
from jobfit.taxonomy import SkillMatcher, default_taxonomy_path, load_taxonomy, shared_matcher
from jobfit.taxonomy_build import build_taxonomy, write_taxonomy
from pipelines.partitions import SETTINGS
from resources.storage import WAREHOUSE_POOL, StorageResource

SHIPPED = default_taxonomy_path()
# The shipped file's hash is the code version: a new taxonomy file re-materializes the asset and,
# through automation, everything that names skills; an unchanged one costs nothing.
SHIPPED_VERSION = hashlib.sha256(SHIPPED.read_bytes()).hexdigest()[:12]


def _markdown(header: str, counts: Counter) -> dg.MetadataValue:
    return dg.MetadataValue.md(f"| {header} | skills |\n|---|---|\n" + "\n".join(f"| {c} | {n} |" for c, n in counts.most_common()))


@dg.asset(
    group_name="taxonomy",
    kinds={"duckdb"},
    pool=WAREHOUSE_POOL,
    automation_condition=dg.AutomationCondition.on_missing() | dg.AutomationCondition.code_version_changed(),
    code_version=SHIPPED_VERSION,
    description="One skill graph from ESCO v1.1.1, O*NET 27.0 and jobfit's extras (skills with type, category, "
    "aliases, parents, related skills; occupations with ISCO groups and O*NET codes). Uses the derived file jobfit "
    "ships, or rebuilds it from the sources when JOBFIT_ESCO_DIR and JOBFIT_ONET_DIR are set.",
)
def skill_taxonomy(context: dg.AssetExecutionContext, storage: StorageResource) -> dg.MaterializeResult:
    target = storage.layout.taxonomy_path
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if SETTINGS.taxonomy_esco_dir and SETTINGS.taxonomy_onet_dir:
        context.log.info(f"rebuilding the taxonomy from {SETTINGS.taxonomy_esco_dir} and {SETTINGS.taxonomy_onet_dir}")
        staged = write_taxonomy(build_taxonomy(Path(SETTINGS.taxonomy_esco_dir), Path(SETTINGS.taxonomy_onet_dir),
                                               embed=embed_texts), target.with_name("staged.json.gz"))
        taxonomy = load_taxonomy(staged)
        np.save(centroids_path(staged), build_centroids(taxonomy))
        save_skill_vectors(build_skill_vectors(taxonomy), staged)
        source = "rebuilt from ESCO and O*NET sources"
    else:
        staged = target.with_name("staged.json.gz")
        shutil.copyfile(SHIPPED, staged)
        shutil.copyfile(centroids_path(SHIPPED), centroids_path(staged))
        shutil.copyfile(vectors_path(SHIPPED), vectors_path(staged))
        taxonomy = load_taxonomy(staged)  # validates the file before anything is replaced
        source = "shipped with jobfit"
    load_centroids(taxonomy, staged)  # and that its occupation centroids and skill vectors belong to it
    SkillLinker.from_files(taxonomy, staged)
    build_seconds = time.perf_counter() - started
    skills, occupations = taxonomy.rows(), taxonomy.occupation_rows()
    with storage.warehouse() as con:
        con.execute("DELETE FROM skills")
        insert(con, "skills", skills)
        con.execute("DELETE FROM occupations")
        insert(con, "occupations", occupations)
    centroids_path(staged).replace(centroids_path(target))
    vectors_path(staged).replace(vectors_path(target))
    staged.replace(target)
    loaded = time.perf_counter()
    shared_matcher(*_current(storage))
    matcher_seconds = time.perf_counter() - loaded
    return dg.MaterializeResult(
        data_version=dg.DataVersion(taxonomy.version),  # what profiles were named with: another version parses them again
        metadata={
            "version": taxonomy.version,
            "source": source,
            "skills": len(skills),
            "aliases": sum(len(r["aliases"]) for r in skills),
            "occupations": len(occupations),
            "occupations_with_onet_code": sum(1 for r in occupations if r["onet_socs"]),
            "hot_technologies": sum(1 for r in skills if r["hot"]),
            "by_category": _markdown("category", Counter(r["category"] for r in skills)),
            "by_type": _markdown("type", Counter(r["type"] for r in skills)),
            "build_or_copy_seconds": round(build_seconds, 2),
            "matcher_load_seconds": round(matcher_seconds, 2),
        }
    )


def _current(storage: StorageResource) -> tuple[str | None, float]:
    path = storage.layout.taxonomy_path
    return (str(path), path.stat().st_mtime) if path.exists() else (None, 0.0)


def current_matcher(storage: StorageResource) -> SkillMatcher:
    """The matcher over the taxonomy `skill_taxonomy` last materialized (the shipped file before that)."""
    return shared_matcher(*_current(storage))


def current_occupation_matcher(storage: StorageResource) -> OccupationMatcher:
    """Titles to occupations over the same taxonomy as `current_matcher`."""
    return shared_occupation_matcher(*_current(storage))
