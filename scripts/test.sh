#!/usr/bin/env bash
# make test: every test layer, plus `dg check defs`. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export DAGSTER_HOME=${DAGSTER_HOME:-$PWD/.dagster_home}
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
echo "[test] ruff"
.venv/bin/ruff check .
echo "[test] dg check defs"
.venv/bin/dg check defs
echo "[test] pytest"
.venv/bin/python -m pytest "$@"
