# Two commands on a fresh machine: `make run` (pipeline on the samples, Dagster UI and API) and `make test`.
SHELL := /bin/bash
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
export JOBFIT_DATA_DIR ?= $(CURDIR)/data

.PHONY: setup run test clean

setup:
	@bash scripts/setup.sh

run: setup
	@bash scripts/run.sh

test: setup
	@bash scripts/test.sh

clean:
	rm -rf data .dagster_home logs
