"""One new profile among many, through the assets: what the pipeline spends between a parsed profile and its matches
in the API. Run by hand, never by the tests:

    python benchmarks/new_profile.py [--profiles 10000] [--postings 100000] [--repeat 5]

A fresh data directory gets the synthetic profiles and postings of `benchmarks/synthetic.py` in its warehouse and their
vectors in LanceDB (as if embedded), then `profile_vectors` (which embeds nothing), `matches` and `serving_snapshot`
run once over everything. Then one new
profile arrives, `--repeat` times: `profile_vectors` (it embeds only the newcomer, with the real model, loaded before
timing), `matches` (only the newcomer's pairs are scored) and `serving_snapshot` are timed, each in this process.
Then one posting changes, `--repeat` times: `job_vectors`, `matches` (the other postings' features and typical
candidates are kept, the changed posting is measured and the skill pairs are learned again) and `serving_snapshot` are
timed. Then one candidate
withdraws, `--repeat` times: `profile_withdrawals` (which erases them, deletes their vectors and rebuilds the snapshot)
and the `profile_vectors` and `matches` runs automation starts after it are timed. The medians are printed with the
first full run's times.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import dagster as dg  # noqa: E402
from synthetic import synthetic  # noqa: E402

from jobfit.embedding import text_sha  # noqa: E402
from jobfit.jobs import job_text  # noqa: E402
from jobfit.occupations import clean_title  # noqa: E402
from jobfit.resumes import profile_text  # noqa: E402
from jobfit.store import insert, now_utc  # noqa: E402
from pipelines.definitions import ALL_ASSETS, build_resources  # noqa: E402
from resources.settings import Settings  # noqa: E402

QUIET = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}


def profile_row(pid: str, profile) -> dict:
    return {"profile_id": pid, "sha256": "0" * 64, "tenant": profile.meta.tenant, "name": profile.basics.name,
            "label": profile.basics.label, "profile_json": profile.model_dump_json(), "parsed_at": now_utc(), "status": "active"}


def seed_vectors(store, table: str, items: dict, texts, vectors) -> None:
    ids = list(items)
    store.upsert(table, ids, [items[i].meta.tenant for i in ids], [text_sha(texts(items[i])) for i in ids], vectors)


def timed(instance, resources, *selection: str, config: dict | None = None) -> float:
    started = time.perf_counter()
    outcome = dg.materialize(ALL_ASSETS, selection=list(selection), instance=instance, resources=resources,
                             run_config={**QUIET, **(config or {})})
    assert outcome.success
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=10_000)
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = synthetic(args.profiles, args.postings)
    root = Path(tempfile.mkdtemp(prefix="new-profile-")) / "data"
    root.mkdir(parents=True)
    settings = Settings(data_dir=root, inbox_dir=root / "inbox", feeds_file=root / "feeds.yaml", api_keys_file=root / "api_keys.yaml")
    resources, instance = build_resources(settings), dg.DagsterInstance.ephemeral()
    timed(instance, resources, "skill_taxonomy")
    with resources["storage"].warehouse() as con:
        insert(con, "profiles", [profile_row(pid, p) for pid, p in data.profiles.items()])
        insert(con, "job_postings", [{"id": jid, "tenant": j.meta.tenant, "title": j.title, "posting_json": j.model_dump_json(exclude_none=True),
                                      "analyzed_at": now_utc()} for jid, j in data.jobs.items()])
    store = resources["vectors"].store()
    seed_vectors(store, "profile_vectors", data.profiles, profile_text, data.profile_vectors)
    seed_vectors(store, "profile_titles", data.profiles, lambda p: clean_title(p.basics.label or ""), data.profile_titles)
    seed_vectors(store, "job_vectors", data.jobs, job_text, data.job_vectors)
    seed_vectors(store, "job_titles", data.jobs, lambda j: clean_title(j.title or ""), data.job_titles)
    full = {name: timed(instance, resources, name) for name in ("profile_vectors", "job_vectors", "matches", "serving_snapshot")}
    resources["embedder"].embed(["warm the model up"])
    template = next(iter(data.profiles.values()))

    def new_profile(n: int) -> None:
        newcomer = template.model_copy(update={"basics": template.basics.model_copy(update={"name": f"Newcomer {n}"})})
        with resources["storage"].warehouse() as con:
            insert(con, "profiles", [profile_row(f"new{n}", newcomer)])

    def changed_posting(n: int) -> None:
        job_id = list(data.jobs)[n * 997 % len(data.jobs)]
        edited = data.jobs[job_id].model_copy(update={"title": f"Lead {data.jobs[job_id].title}"})
        with resources["storage"].warehouse() as con:
            con.execute("UPDATE job_postings SET title = ?, posting_json = ? WHERE id = ?",
                        [edited.title, edited.model_dump_json(exclude_none=True), job_id])

    cases = {"one new profile": (new_profile, "profile_vectors"), "one posting changed": (changed_posting, "job_vectors")}
    results = {}
    for case, (change, vectors) in cases.items():
        steps = {vectors: [], "matches": [], "serving_snapshot": []}
        for n in range(args.repeat):
            change(n)
            for name in steps:
                steps[name].append(timed(instance, resources, name))
            metadata = instance.get_latest_materialization_event(dg.AssetKey("matches")).asset_materialization.metadata
            assert metadata["scored_now"].value > 0
        results[case] = {name: statistics.median(values) for name, values in steps.items()}
    steps = {"profile_withdrawals": [], "profile_vectors": [], "matches": []}
    for profile_id in list(data.profiles)[:args.repeat]:
        withdrawal = {"ops": {"profile_withdrawals": {"config": {"profile_ids": [profile_id]}}}}
        steps["profile_withdrawals"].append(timed(instance, resources, "profile_withdrawals", config=withdrawal))
        for name in ("profile_vectors", "matches"):
            steps[name].append(timed(instance, resources, name))
    results["one candidate withdraws"] = {name: statistics.median(values) for name, values in steps.items()}
    shutil.rmtree(root.parent)
    print(f"{args.profiles:,} profiles × {args.postings:,} postings")
    print("first full run: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in full.items()))
    for case, medians in results.items():
        print(f"{case} (median of {args.repeat}): " + ", ".join(f"{name} {s:.1f} s" for name, s in medians.items())
              + f"; in all {sum(medians.values()):.1f} s")


if __name__ == "__main__":
    main()
