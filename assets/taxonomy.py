"""The skill taxonomy every other stage names skills with."""

import shutil
from collections import Counter

import dagster as dg

from jobfit.store import execute_many
from jobfit.taxonomy import SkillMatcher, default_taxonomy_path, load_taxonomy, shared_matcher
from resources.storage import StorageResource


@dg.asset(
    group_name="taxonomy",
    kinds={"yaml", "duckdb"},
    pool="warehouse",
    automation_condition=dg.AutomationCondition.on_missing() | dg.AutomationCondition.code_version_changed(),
    code_version="starter-1",
    description="Canonical skills with aliases, categories and parents, from the taxonomy file jobfit ships.",
)
def skill_taxonomy(storage: StorageResource) -> dg.MaterializeResult:
    source = default_taxonomy_path()
    taxonomy = load_taxonomy(source)  # validates ids and parents before anything is replaced
    storage.layout.taxonomy_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, storage.layout.taxonomy_path)
    rows = taxonomy.rows()
    with storage.warehouse() as con:
        con.execute("DELETE FROM taxonomy_skills")
        execute_many(con,
            "INSERT INTO taxonomy_skills VALUES (?, ?, ?, ?, ?, ?, ?)",
            [[r["id"], r["name"], r["category"], r["aliases"], r["parents"], r["children"], r["version"]] for r in rows],
        )
    by_category = Counter(r["category"] for r in rows)
    return dg.MaterializeResult(
        metadata={
            "version": taxonomy.version,
            "skills": len(rows),
            "aliases": sum(len(r["aliases"]) for r in rows),
            "occupations": len(taxonomy.occupations),
            "by_category": dg.MetadataValue.md(
                "| category | skills |\n|---|---|\n" + "\n".join(f"| {c} | {n} |" for c, n in by_category.most_common())
            ),
        }
    )


def current_matcher(storage: StorageResource) -> SkillMatcher:
    """The matcher over the taxonomy `skill_taxonomy` last materialized (the shipped file before that)."""
    return shared_matcher(str(storage.layout.taxonomy_path) if storage.layout.taxonomy_path.exists() else None)
