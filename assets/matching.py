"""Matches: vector similarity picks candidates, the engine's scorer ranks and explains them; only changes are scored."""

import hashlib
import json
import time
from datetime import date

import dagster as dg
import numpy as np
from dagster_openai import OpenAIResource

from assets.taxonomy import current_matcher
from jobfit.embedding import MODEL_VERSION
from jobfit.matching import Matcher, Stored, load_weights, refresh_matches, visible
from jobfit.matching.rerank import Budget, rerank
from jobfit.matching.scoring import SCORING_VERSION, JobSide
from jobfit.matching.state import PostingsState, population
from jobfit.schema import JobPosting, Match, Profile, collector_paused
from jobfit.store import delete, insert, upsert
from pipelines.automation import on_upstream_update
from pipelines.partitions import SETTINGS
from resources.storage import WAREHOUSE_POOL, StorageResource
from resources.vectors import VectorsResource


def _aligned(ids: list[str], table) -> np.ndarray:
    position = {item_id: n for n, item_id in enumerate(table.ids)}
    missing = [i for i in ids if i not in position]
    if missing:
        raise dg.Failure(f"{len(missing)} rows have no vector yet (e.g. {missing[0]}): materialize the vectors first")
    return table.matrix[[position[i] for i in ids]] if ids else table.matrix[:0]


def _fingerprints(con, table: str, key: str, column: str, where: str, params: list) -> dict[str, str]:
    """Each row's content fingerprint, computed in DuckDB, so the JSON itself is read only for what changed. DuckDB's
    64-bit hash is six times faster than sha256 (0.1 against 0.65 s at 100,000 postings); should a new DuckDB hash
    otherwise, every pair is scored again once."""
    return dict(con.execute(f"SELECT {key}, hash({column})::VARCHAR FROM {table} WHERE {where}", params).fetchall())


def _parsed(con, sql: str, params: list, model) -> dict:
    rows = con.execute(sql, params).fetchall()
    with collector_paused():
        return {item: model.model_validate_json(js) for item, js in rows}


def _postings(storage: StorageResource, ids: list[str]) -> dict[str, JobPosting]:
    """The postings a match explains, read when the postings' side was kept from the last run."""
    with storage.warehouse() as con:
        return _parsed(con, "SELECT id, posting_json FROM job_postings WHERE id IN (SELECT unnest(?))", [ids], JobPosting)


def _profile_vectors(vectors: VectorsResource, ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
    store = vectors.store()
    return _aligned(ids, store.read("profile_vectors")), _aligned(ids, store.read("profile_titles"))


def _measured(storage: StorageResource, vectors: VectorsResource, taxonomy, weights, profiles: dict[str, Profile],
              jobs: dict[str, JobPosting], state: PostingsState | None, same: list[str], fits: bool) -> Matcher:
    """Every profile over every posting, the postings measured again: the rows of the postings in `same` come from the
    saved state, those of `jobs` (the new and changed ones) are built; skill pairs are learned from all of them. While
    the profiles still `fits` the state's, the kept postings' typical candidates are the state's too (their skill
    coverage only while the learned pairs are the same): only the new and changed postings are measured."""
    side = JobSide(jobs, {sid: n for n, sid in enumerate(taxonomy.skills)})
    rows = []
    if same:  # the unchanged postings' rows first, then those just read
        row = {j: n for n, j in enumerate(state.jobs.ids)}
        rows = [row[j] for j in same]
        side = state.jobs.take(rows).extended(side)
        side.fetch = lambda ids: _postings(storage, ids)
    taxonomy = taxonomy.with_cooccurrence(side.skill_sets(list(taxonomy.skills)))
    kept = state.typicals(rows, side, taxonomy.cooccurring, list(taxonomy.skills)) if fits else None
    store = vectors.store()
    profile_vectors, profile_titles = _profile_vectors(vectors, list(profiles))
    return Matcher.build(profiles, profile_vectors, side, _aligned(side.ids, store.read("job_vectors")), taxonomy, weights,
                         profile_titles, _aligned(side.ids, store.read("job_titles")), kept=kept)


@dg.asset(
    deps=["profile_vectors", "job_vectors", "skill_taxonomy"],
    group_name="matching",
    kinds={"numpy", "duckdb"},
    pool=WAREHOUSE_POOL,
    automation_condition=on_upstream_update,
    description="Each profile's best postings and each posting's best profiles, scored 0-100 and explained. "
    "Only pairs with a new or changed profile or posting are scored; expired postings drop out; every score "
    "computed is kept in match_history. What was measured of the postings is kept between runs, so new profiles "
    "alone cost only themselves.",
)
def matches(context: dg.AssetExecutionContext, storage: StorageResource, vectors: VectorsResource,
            llm: OpenAIResource) -> dg.MaterializeResult:
    open_posting = "expires IS NULL OR expires >= ?"  # expired postings leave matching, and their matches with them
    today = [date.today().isoformat()]
    weights = load_weights(SETTINGS.match_weights_file)
    taxonomy = current_matcher(storage).taxonomy
    config = _digest(json.dumps([sorted((str(k), w.version) for k, w in weights.items()), taxonomy.version,
                                 SETTINGS.match_top_n, SETTINGS.match_min_score, MODEL_VERSION, SCORING_VERSION]))
    with storage.warehouse() as con:
        profile_fps = _fingerprints(con, "profiles", "profile_id", "profile_json", "status = 'active'", [])
        tenants = [t for (t,) in con.execute("SELECT tenant FROM profiles WHERE status = 'active'").fetchall()]
        job_fps = _fingerprints(con, "job_postings", "id", "posting_json", open_posting, today)
        seen = {(side, item): fp for side, item, fp in con.execute("SELECT side, id, fingerprint FROM match_inputs").fetchall()}
        previous = Stored(**con.execute(
            "SELECT profile_id, job_id, score FROM matches WHERE profile_id IN (SELECT profile_id FROM profiles "
            "WHERE status = 'active')").fetchnumpy())
        everything = seen.get(("config", "matching")) != config
        changed_profiles = {pid for pid, fp in profile_fps.items() if everything or seen.get(("profile", pid)) != fp}
        changed_jobs = {jid for jid, fp in job_fps.items() if everything or seen.get(("job", jid)) != fp}
        counts = population(tenants)
        state = PostingsState.load(storage.layout.matching_state_path)
        reuse = not changed_jobs and state is not None and state.describes(job_fps, config) and state.fits(counts)
        if reuse:  # only profiles changed: the postings' side is read back, and only the changed profiles are read at all
            profiles = _parsed(con, "SELECT profile_id, profile_json FROM profiles WHERE profile_id IN (SELECT unnest(?)) "
                                    "ORDER BY profile_id", [sorted(changed_profiles)], Profile)
        else:
            profiles = _parsed(con, "SELECT profile_id, profile_json FROM profiles WHERE status = 'active' ORDER BY profile_id",
                               [], Profile)
            # the rows of postings unchanged since the state was saved serve again; only the others are read
            same = sorted(j for j, fp in job_fps.items() if state.fingerprints.get(j) == fp) if state and state.config == config else []
            jobs = _parsed(con, "SELECT id, posting_json FROM job_postings WHERE id IN (SELECT unnest(?)) ORDER BY id",
                           [sorted(set(job_fps) - set(same))], JobPosting)
    if everything:
        context.log.info("weights, taxonomy, embedding model, scoring or settings changed: every pair is scored again")
    started = time.perf_counter()
    fits = False
    if reuse:
        profile_vectors, profile_titles = _profile_vectors(vectors, list(profiles))
        matcher = Matcher.resume(state, taxonomy, profiles, profile_vectors, weights, profile_titles,
                                 fetch=lambda ids: _postings(storage, ids))
    else:
        # while the profiles are much the same, the kept postings' typical candidates stand as measured on the
        # state's population, which stays the one later runs are compared with
        fits = bool(same) and state.fits(counts)
        matcher = _measured(storage, vectors, taxonomy, weights, profiles, jobs, state, same, fits)
        matcher.postings_state(config, job_fps, state.population if fits else counts).save(storage.layout.matching_state_path)
    kept, fresh = refresh_matches(matcher, previous, changed_profiles, changed_jobs,
                                  top_n=SETTINGS.match_top_n, min_score=SETTINGS.match_min_score)
    seconds = time.perf_counter() - started
    budget = None
    if SETTINGS.llm_enabled and SETTINGS.llm_rerank_top > 0 and fresh:
        fresh, budget = _reranked(context, llm, storage, matcher, fresh)
    inputs = {("config", "matching"): config, **{("profile", i): fp for i, fp in profile_fps.items()},
              **{("job", i): fp for i, fp in job_fps.items()}}
    with storage.warehouse() as con:
        con.execute("BEGIN")
        # the matches of a profile gone or a posting expired, and those no longer among the best, leave
        con.execute("DELETE FROM matches WHERE profile_id NOT IN (SELECT profile_id FROM profiles WHERE status = 'active') "
                    f"OR job_id NOT IN (SELECT id FROM job_postings WHERE {open_posting})", today)
        delete(con, "matches", {"profile_id": previous.profile_id[~kept], "job_id": previous.job_id[~kept]})
        upsert(con, "matches", [{"profile_id": m.profile_id, "job_id": m.job_id, "tenant": m.tenant, "score": m.score,
                                 "match_json": m.model_dump_json(), "computed_at": m.computed_at} for m in fresh])
        insert(con, "match_history", [{"profile_id": m.profile_id, "job_id": m.job_id, "tenant": m.tenant, "score": m.score,
                                       "weights_version": m.weights_version, "computed_at": m.computed_at} for m in fresh])
        # only what changed is written: rewriting every fingerprint made DuckDB checkpoint the table (3.7 s at 100,000)
        gone = [key for key in seen if key not in inputs]
        delete(con, "match_inputs", {"side": [side for side, _ in gone], "id": [item for _, item in gone]})
        upsert(con, "match_inputs", [{"side": side, "id": item, "fingerprint": fp} for (side, item), fp in inputs.items()
                                     if seen.get((side, item)) != fp])
        con.execute("COMMIT")
        scores = [s for (s,) in con.execute("SELECT score FROM matches").fetchall()]
    best = sorted(fresh, key=lambda m: -m.score)[:10]
    postings = matcher.jobs.postings(m.job_id for m in best)
    return dg.MaterializeResult(
        metadata={
            "matches": len(scores),
            "scored_now": len(fresh),
            "pairs_scored": matcher.pairs_scored,
            "kept_unchanged": int(kept.sum()),
            "changed_profiles": len(changed_profiles),
            "changed_postings": len(changed_jobs),
            "profiles": len(profile_fps),
            "postings": len(job_fps),
            "postings_side": "kept from the last run" if reuse else "new and changed postings measured" if fits else "measured again",
            "postings_read": len(matcher.jobs.jobs),
            "skill_pairs_learned_from_postings": sum(len(v) for v in matcher.taxonomy.cooccurring.values()) // 2,
            "median_score": float(np.median(scores)) if scores else None,
            "scores": dg.MetadataValue.md(score_histogram(scores, SETTINGS.match_min_score)),
            "seconds": round(seconds, 2),
            "weights_version": weights[None].version,
            **({"llm_rerank_calls": budget.calls, "llm_rerank_cost_usd": round(budget.spent_usd, 6),
                "llm_rerank_fallbacks": len(budget.errors)} if budget else {}),
            "best_new": dg.MetadataValue.md(
                "| profile | job | score | matched | missing |\n|---|---|---|---|---|\n"
                + "\n".join(
                    f"| {matcher.profiles.profiles[m.profile_id].basics.name or m.profile_id} | {postings[m.job_id].title} | "
                    f"{m.score:.0f} | {', '.join(m.matched_skills[:4])} | {', '.join(m.missing_skills[:3])} |"
                    for m in best
                )
            ),
        }
    )


def score_histogram(scores: list[float], min_score: float = 0, width: int = 30) -> str:
    """How the stored matches' scores spread, as a Markdown bar chart in tens from the band of the minimum score
    (`JOBFIT_MATCH_MIN_SCORE`: no match below it is kept) up: whether that minimum cuts where an operator wants it."""
    counts = np.bincount(np.minimum(np.asarray(scores, dtype=float) // 10, 9).astype(int), minlength=10) if scores else np.zeros(10, int)
    top = max(int(counts.max()), 1)
    rows = [f"| {10 * band}–{10 * band + 10} | {int(counts[band])} | {'█' * round(width * counts[band] / top)} |"
            for band in range(9, min(int(min_score // 10), 9) - 1, -1)]
    return "| score | matches | |\n|---|---:|---|\n" + "\n".join(rows)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _reranked(context, llm: OpenAIResource, storage: StorageResource, matcher: Matcher,
              fresh: list[Match]) -> tuple[list[Match], Budget]:
    """Each profile's best new matches re-ranked and explained by the model, within the run's budget."""
    profiles, jobs = matcher.profiles.profiles, matcher.jobs.postings(m.job_id for m in fresh)
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

    return [swap(m) for m in fresh], budget


@dg.asset_check(asset=matches, description="No match pairs a profile with another tenant's posting; scores lie in 0-100.")
def matches_respect_tenants(storage: StorageResource) -> dg.AssetCheckResult:
    with storage.warehouse() as con:
        rows = con.execute(
            "SELECT m.tenant, j.tenant, m.score FROM matches m JOIN job_postings j ON j.id = m.job_id"
        ).fetchall()
    crossed = sum(1 for profile_tenant, job_tenant, _ in rows if not visible(job_tenant, profile_tenant))
    out_of_range = sum(1 for *_, score in rows if not 0 <= score <= 100)
    return dg.AssetCheckResult(passed=crossed == 0 and out_of_range == 0, metadata={"crossed_tenants": crossed, "out_of_range": out_of_range})
