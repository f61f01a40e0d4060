#!/usr/bin/env bash
# make run: materialize every asset on the embedded default, then serve the Dagster UI and the API.
# set -m gives each background server its own process group, so Ctrl-C reaches and stops them all.
set -euo pipefail
set -m
cd "$(dirname "$0")/.."
export DAGSTER_HOME=${DAGSTER_HOME:-$PWD/.dagster_home}
export JOBFIT_DATA_DIR=${JOBFIT_DATA_DIR:-$PWD/data}
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
UI_PORT=${JOBFIT_UI_PORT:-3000}
API_PORT=${JOBFIT_API_PORT:-8000}
mkdir -p logs

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$UI_PORT" "$API_PORT"; do
  if port_busy "$port"; then
    echo "[jobfit] port $port on 127.0.0.1 is taken (another make run?): stop it, or set JOBFIT_UI_PORT / JOBFIT_API_PORT" >&2
    exit 1
  fi
done

.venv/bin/python -m resources.settings  # a setting that cannot be used stops here, in one line

echo "[jobfit] materializing every asset once on the bundled samples (data in $JOBFIT_DATA_DIR)"
.venv/bin/python -m pipelines.bootstrap

pids=()
stop() {
  echo; echo "[jobfit] stopping"
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  exit 0
}
trap stop INT TERM

.venv/bin/dagster dev -w workspace.yaml -h 127.0.0.1 -p "$UI_PORT" >logs/dagster.log 2>&1 &
pids+=($!)
.venv/bin/uvicorn api.app:app --host 127.0.0.1 --port "$API_PORT" >logs/api.log 2>&1 &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$UI_PORT/server_info" >/dev/null && curl -sf "http://127.0.0.1:$API_PORT/health" >/dev/null; then
    break
  fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "[jobfit] a server exited early: see logs/dagster.log and logs/api.log" >&2; stop; }
  done
  sleep 1
done

cat <<MSG

  Dagster UI   http://127.0.0.1:$UI_PORT
  API          http://127.0.0.1:$API_PORT   (OpenAPI docs: http://127.0.0.1:$API_PORT/docs)

  Demo API keys (from $JOBFIT_DATA_DIR/api_keys.yaml), send as the X-API-Key header:
MSG
.venv/bin/python - "$JOBFIT_DATA_DIR/api_keys.yaml" <<'PY'
import sys, yaml
for key in yaml.safe_load(open(sys.argv[1]))["keys"]:
    print(f"    {key['name']:<45} {key['key']}")
PY
cat <<MSG

  Try:  curl -H "X-API-Key: <admin key>" http://127.0.0.1:$API_PORT/profiles
  Drop a resume into $JOBFIT_DATA_DIR/inbox/<tenant>/ and its matches appear in the API within two minutes.
  Logs: logs/dagster.log, logs/api.log.  Ctrl-C stops everything.
MSG
wait
