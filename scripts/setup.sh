#!/usr/bin/env bash
# Installs what jobfit needs and is missing: Debian packages (when root), the venv, the project.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

# postgresql: the tests start a real server for the Dagster instance (see tests/test_postgres_instance.py).
# tesseract: OCR of scanned pages and images; antiword and catdoc: Word 97-2003 files.
# clamav, clamav-daemon: the optional virus scan (the tests build their own EICAR signature database).
# libarchive-tools: libarchive, which opens 7-Zip, RAR and tar archives of resumes.
APT_PACKAGES=(postgresql tesseract-ocr tesseract-ocr-eng antiword catdoc clamav clamav-daemon libarchive-tools)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "[setup] installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "[setup] please install these Debian packages first (as root): apt-get install ${missing[*]}" >&2
    echo "[setup] continuing: only the tests that need them will be skipped" >&2
  fi
fi

PYTHON=${PYTHON:-}
if [[ -z $PYTHON ]]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      PYTHON=$candidate; break
    fi
  done
fi
[[ -n $PYTHON ]] || { echo "[setup] Python 3.11 or newer is needed" >&2; exit 1; }

if [[ ! -x .venv/bin/python ]]; then
  echo "[setup] creating .venv with $PYTHON"
  "$PYTHON" -m venv .venv
fi

# torch first, from the CPU wheel: left to the resolver it would pull a multi-GB CUDA build.
find_links=()
[[ -d /opt/wheels ]] && find_links=(--find-links /opt/wheels)
stamp=.venv/.jobfit-installed
if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
  echo "[setup] installing jobfit and its dependencies into .venv (first time: about 2 minutes)"
  .venv/bin/python -m pip install -q --disable-pip-version-check "${find_links[@]}" "torch==2.13.0" 2>&1 | grep -v "^WARNING: Location" || true
  .venv/bin/python -m pip install -q --disable-pip-version-check "${find_links[@]}" -e ".[test]" 2>&1 | grep -v "^WARNING: Location" || true
  .venv/bin/python -c "import jobfit, dagster, spacy, sentence_transformers, lancedb, fastapi" \
    || { echo "[setup] the install did not complete: see the pip messages above" >&2; exit 1; }
  touch "$stamp"
fi

mkdir -p "${DAGSTER_HOME:=$PWD/.dagster_home}"
[[ -f $DAGSTER_HOME/dagster.yaml ]] || cp dagster.yaml "$DAGSTER_HOME/dagster.yaml"
