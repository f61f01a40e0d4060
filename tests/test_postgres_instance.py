"""The Dagster instance on a real PostgreSQL server, configured exactly as README.md tells operators to."""

import re

import dagster as dg
import psycopg2

from pipelines.definitions import ALL_ASSETS, build_resources
from tests.conftest import ROOT, seeded_settings
from tests.services import postgres_server


def readme_postgres_block() -> str:
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"<!-- postgres-instance -->\s*```yaml\n(.*?)```", readme, re.S)
    assert block, "README.md lost its PostgreSQL instance snippet"
    return block.group(1)


def test_runs_and_materializations_land_in_postgres(tmp_path, monkeypatch):
    with postgres_server() as pg:
        admin = psycopg2.connect(host=pg.host, port=pg.port, user=pg.user, password=pg.password, dbname="postgres")
        admin.autocommit = True
        admin.cursor().execute("CREATE DATABASE dagster")
        admin.close()
        for name, value in {"DAGSTER_PG_HOST": pg.host, "DAGSTER_PG_PORT": str(pg.port), "DAGSTER_PG_USER": pg.user,
                            "DAGSTER_PG_PASSWORD": pg.password, "DAGSTER_PG_DB": "dagster"}.items():
            monkeypatch.setenv(name, value)
        home = tmp_path / "dagster_home"
        home.mkdir()
        (home / "dagster.yaml").write_text((ROOT / "dagster.yaml").read_text() + "\n" + readme_postgres_block())
        settings = seeded_settings(tmp_path / "data")
        with dg.DagsterInstance.from_config(str(home)) as instance:
            result = dg.materialize(ALL_ASSETS, selection=["skill_taxonomy"], instance=instance, resources=build_resources(settings))
            assert result.success
            assert instance.get_latest_materialization_event(dg.AssetKey("skill_taxonomy")) is not None
        with psycopg2.connect(host=pg.host, port=pg.port, user=pg.user, password=pg.password, dbname="dagster") as con:
            cursor = con.cursor()
            cursor.execute("SELECT count(*) FROM runs WHERE run_id = %s", [result.run_id])
            assert cursor.fetchone()[0] == 1
            cursor.execute("SELECT count(*) FROM event_logs WHERE run_id = %s AND dagster_event_type = 'ASSET_MATERIALIZATION'", [result.run_id])
            assert cursor.fetchone()[0] == 1
