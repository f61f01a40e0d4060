"""Matches: vector similarity picks candidates, the engine's scorer ranks and explains them; only changes are scored."""

import hashlib
import json
import time
from datetime import date

import dagster as dg
import numpy as np
from dagster_openai import OpenAIResource

from assets.taxonomy import current_matcher
from jobfit.matching import Matcher, load_weights, refresh_matches, visible
from jobfit.matching.rerank import Budget, rerank
from jobfit.schema import JobPosting, Match, Profile
from jobfit.store import insert
from pipelines.automation import on_upstream_update
from pipelines.partitions import SETTINGS
from resources.storage import StorageResource
from resources.vectors import VectorsResource


def _aligned(ids: list[str], table) -> np.ndarray:
    position = {item_id: n for n, item_id in enumerate(table.ids)}
    missing = [i for i in ids if i not in position]
    if missing:
        raise dg.Failure(f"{len(missing)} rows have no vector yet (e.g. {missing[0]}): materialize the vectors first")
    return table.matrix[[position[i] for i in ids]] if ids else table.matrix[:0]


def _fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:20]


@dg.asset(
    deps=["profile_vectors", "job_vectors", "skill_taxonomy"],
    group_name="matching",
    kinds={"numpy", "duckdb"},
    pool="warehouse",
    automation_condition=on_upstream_update,
    description="Each profile's best postings and each posting's best profiles, scored 0-100 and explained. "
    "Only pairs with a new or changed profile or posting are scored; expired postings drop out; every score "
    "computed is kept in match_history.",
)
def matches(context: dg.AssetExecutionContext, storage: StorageResource, vectors: VectorsResource,
            llm: OpenAIResource) -> dg.MaterializeResult:
    with storage.warehouse() as con:
        profile_rows = con.execute("SELECT profile_id, profile_json FROM profiles WHERE status = 'active' ORDER BY profile_id").fetchall()
        # expired postings leave matching, and their matches with them
        job_rows = con.execute("SELECT id, posting_json FROM job_postings WHERE expires IS NULL OR expires >= ? ORDER BY id",
                               [date.today().isoformat()]).fetchall()
        seen = {(side, item): fp for side, item, fp in con.execute("SELECT side, id, fingerprint FROM match_inputs").fetchall()}
        previous = [Match.model_validate_json(js) for (js,) in con.execute("SELECT match_json FROM matches").fetchall()]
    profiles = {pid: Profile.model_validate_json(js) for pid, js in profile_rows}
    jobs = {jid: JobPosting.model_validate_json(js) for jid, js in job_rows}
    weights = load_weights(SETTINGS.match_weights_file)
    skill_matcher = current_matcher(storage)
    config = _fingerprint(json.dumps([sorted((str(k), w.version) for k, w in weights.items()), skill_matcher.taxonomy.version,
                                      SETTINGS.match_top_n, SETTINGS.match_min_score]))
    fingerprints = {("profile", pid): _fingerprint(js) for pid, js in profile_rows}
    fingerprints |= {("job", jid): _fingerprint(js) for jid, js in job_rows}
    fingerprints[("config", "matching")] = config
    everything = seen.get(("config", "matching")) != config
    changed_profiles = {pid for pid in profiles if everything or seen.get(("profile", pid)) != fingerprints[("profile", pid)]}
    changed_jobs = {jid for jid in jobs if everything or seen.get(("job", jid)) != fingerprints[("job", jid)]}
    if everything:
        context.log.info("weights, taxonomy or settings changed: every pair is scored again")
    started = time.perf_counter()
    store = vectors.store()
    taxonomy = skill_matcher.taxonomy.with_cooccurrence(
        [{s.id for s in j.meta.required_skills + j.meta.preferred_skills} for j in jobs.values()])
    matcher = Matcher.build(profiles, _aligned(list(profiles), store.read("profile_vectors")),
                            jobs, _aligned(list(jobs), store.read("job_vectors")), taxonomy, weights,
                            _aligned(list(profiles), store.read("profile_titles")), _aligned(list(jobs), store.read("job_titles")))
    result, fresh = refresh_matches(matcher, previous, changed_profiles, changed_jobs,
                                    top_n=SETTINGS.match_top_n, min_score=SETTINGS.match_min_score)
    seconds = time.perf_counter() - started
    budget = None
    if SETTINGS.llm_enabled and SETTINGS.llm_rerank_top > 0 and fresh:
        result, fresh, budget = _reranked(context, llm, storage, profiles, jobs, result, fresh)
    with storage.warehouse() as con:
        con.execute("BEGIN")
        con.execute("DELETE FROM matches")
        insert(con, "matches", [{"profile_id": m.profile_id, "job_id": m.job_id, "tenant": m.tenant, "score": m.score,
                                 "match_json": m.model_dump_json(), "computed_at": m.computed_at} for m in result])
        insert(con, "match_history", [{"profile_id": m.profile_id, "job_id": m.job_id, "tenant": m.tenant, "score": m.score,
                                       "weights_version": m.weights_version, "computed_at": m.computed_at} for m in fresh])
        con.execute("DELETE FROM match_inputs")
        insert(con, "match_inputs", [{"side": side, "id": item, "fingerprint": fp} for (side, item), fp in fingerprints.items()])
        con.execute("COMMIT")
    scores = [m.score for m in result]
    best = sorted(result, key=lambda m: -m.score)[:10]
    return dg.MaterializeResult(
        metadata={
            "matches": len(result),
            "scored_now": len(fresh),
            "pairs_scored": matcher.pairs_scored,
            "kept_unchanged": len(result) - len(fresh),
            "changed_profiles": len(changed_profiles),
            "changed_postings": len(changed_jobs),
            "profiles": len(profiles),
            "postings": len(jobs),
            "skill_pairs_learned_from_postings": sum(len(v) for v in taxonomy.cooccurring.values()) // 2,
            "median_score": float(np.median(scores)) if scores else None,
            "seconds": round(seconds, 2),
            "weights_version": weights[None].version,
            **({"llm_rerank_calls": budget.calls, "llm_rerank_cost_usd": round(budget.spent_usd, 6),
                "llm_rerank_fallbacks": len(budget.errors)} if budget else {}),
            "best": dg.MetadataValue.md(
                "| profile | job | score | matched | missing |\n|---|---|---|---|---|\n"
                + "\n".join(
                    f"| {profiles[m.profile_id].basics.name or m.profile_id} | {jobs[m.job_id].title} | {m.score:.0f} | "
                    f"{', '.join(m.matched_skills[:4])} | {', '.join(m.missing_skills[:3])} |"
                    for m in best
                )
            ),
        }
    )


def _reranked(context, llm: OpenAIResource, storage: StorageResource, profiles: dict, jobs: dict,
              result: list[Match], fresh: list[Match]) -> tuple[list[Match], list[Match], Budget]:
    """Each profile's best new matches re-ranked and explained by the model, within the run's budget."""
    budget = Budget(SETTINGS.llm_rerank_budget_usd, SETTINGS.llm_input_usd_per_million, SETTINGS.llm_output_usd_per_million)
    by_profile: dict[str, list[Match]] = {}
    for match in fresh:
        by_profile.setdefault(match.profile_id, []).append(match)
    replaced: dict[tuple[str, str], Match] = {}
    with llm.get_client(context) as client:
        for profile_id, new in by_profile.items():
            for match in rerank(client, SETTINGS.llm_model, profiles[profile_id], new, jobs, budget, top=SETTINGS.llm_rerank_top,
                                cache_dir=storage.layout.llm_cache_dir, timeout_seconds=SETTINGS.llm_timeout_seconds):
                replaced[(match.profile_id, match.job_id)] = match
    for error in sorted(set(budget.errors)):
        context.log.warning(f"LLM re-ranking fell back to the rule-based matches: {error}")

    def swap(match: Match) -> Match:
        return replaced.get((match.profile_id, match.job_id), match)

    return [swap(m) for m in result], [swap(m) for m in fresh], budget


@dg.asset_check(asset=matches, description="No match pairs a profile with another tenant's posting; scores lie in 0-100.")
def matches_respect_tenants(storage: StorageResource) -> dg.AssetCheckResult:
    with storage.warehouse() as con:
        rows = con.execute(
            "SELECT m.tenant, j.tenant, m.score FROM matches m JOIN job_postings j ON j.id = m.job_id"
        ).fetchall()
    crossed = sum(1 for profile_tenant, job_tenant, _ in rows if not visible(job_tenant, profile_tenant))
    out_of_range = sum(1 for *_, score in rows if not 0 <= score <= 100)
    return dg.AssetCheckResult(passed=crossed == 0 and out_of_range == 0, metadata={"crossed_tenants": crossed, "out_of_range": out_of_range})
