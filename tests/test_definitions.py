"""The code location loads, and every stage of the mission is an asset wired to its upstream."""

import dagster as dg

from pipelines.definitions import defs

STAGES = {
    "documents": "documents", "document_text": "documents", "profiles": "documents", "profile_withdrawals": "documents",
    "skill_taxonomy": "taxonomy", "job_postings_raw": "jobs", "job_postings": "jobs",
    "profile_vectors": "vectors", "job_vectors": "vectors", "matches": "matching",
    "digests": "digests", "digest_mail": "digests", "serving_snapshot": "serving",
}


def test_definitions_load():
    dg.Definitions.validate_loadable(defs)


def test_every_stage_is_an_asset_in_its_group():
    graph = defs.resolve_asset_graph()
    groups = {key.to_user_string(): graph.get(key).group_name for key in graph.get_all_asset_keys()}
    assert groups == STAGES


def test_downstream_assets_update_by_themselves():
    graph = defs.resolve_asset_graph()
    for name in ("job_postings", "profile_vectors", "job_vectors", "matches", "serving_snapshot"):
        assert graph.get(dg.AssetKey(name)).automation_condition is not None, name
    sensor_names = {s.name for s in defs.sensors}
    assert {"inbox_sensor", "drive_sensor", "run_failure_report", "jobfit_automation", "catch_up_sensor"} <= sensor_names


def test_new_profile_reaches_the_api_through_the_graph():
    graph = defs.resolve_asset_graph()
    downstream = graph.get(dg.AssetKey("profiles")).child_keys
    assert dg.AssetKey("profile_vectors") in downstream
    assert dg.AssetKey("matches") in graph.get(dg.AssetKey("profile_vectors")).child_keys
    assert dg.AssetKey("serving_snapshot") in graph.get(dg.AssetKey("matches")).child_keys
    # and a withdrawal leaves them by the same road
    assert {dg.AssetKey("profile_vectors"), dg.AssetKey("serving_snapshot")} <= graph.get(dg.AssetKey("profile_withdrawals")).child_keys


def test_schedules_run_feeds_hourly_and_digests_at_seven():
    schedules = {s.name: s for s in defs.schedules}
    assert schedules["hourly_feed_fetch"].cron_schedule == "0 * * * *"
    assert schedules["daily_digests"].cron_schedule == "0 7 * * *"
