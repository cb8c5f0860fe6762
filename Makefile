# One command per job. Every target creates .venv from the lock file when it is missing,
# so a fresh machine needs only Python 3.11+, make and git.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
export PYTHONPATH := hooks

.PHONY: help serve build validate check test bench offline new schemas lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

$(STAMP): requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@touch $(STAMP)

serve: $(STAMP) ## Live preview on http://127.0.0.1:8000
	$(BIN)/python -m hub validate
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

validate: $(STAMP) ## Check every record and every link between records
	$(BIN)/python -m hub validate

check: validate ## Same verdict as CI's validate step

build: $(STAMP) ## Validate, then build the site into site/
	$(BIN)/python -m hub validate
	$(BIN)/mkdocs build --strict --site-dir site

test: $(STAMP) ## Run the whole test suite
	$(BIN)/python -m pytest

# --- bench (performance at scale; see benchmarks/RESULTS.md) ---------------------------------
SIZES ?= 300,3000,10000
bench: $(STAMP) ## Build synthetic hubs against plain Material; SIZES=300,3000 for a quicker run
	$(BIN)/python benchmarks/run.py --sizes $(SIZES)
# --- end bench ----------------------------------------------------------------------------------

schemas: $(STAMP) ## Re-export the JSON Schemas in schemas/ from the models
	$(BIN)/python -m hub schemas --write

lock: ## Re-pin requirements.lock from requirements.in (maintainers)
	$(PYTHON) -m venv .venv-lock && .venv-lock/bin/pip install --quiet pip-tools
	.venv-lock/bin/pip-compile --generate-hashes --strip-extras --allow-unsafe -o requirements.lock requirements.in

clean: ## Remove build output
	rm -rf site dist .pytest_cache
