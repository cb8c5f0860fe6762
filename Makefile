# One command per job. Every target creates .venv from the lock file when it is missing,
# so a fresh machine needs only Python 3.11+, make and git.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
export PYTHONPATH := hooks

# The command a contributor typed, so that messages say what to run again.
validate check build offline: export HUB_COMMAND = make $@

.PHONY: help serve build validate check security test bench lighthouse offline zim new translations vocab-docs schemas generate adopt lock clean vendor messages

# --- Reproducible builds and the offline zip ------------------------------------------------
# Dates in the output come from the last commit (override by setting SOURCE_DATE_EPOCH): the
# same commit gives byte-identical site/ trees and zips. Only for building: `validate` and
# `serve` keep today's date for briefs due for review.
EPOCH    ?= $(or $(SOURCE_DATE_EPOCH),$(shell git log -1 --format=%ct 2>/dev/null))
ifneq ($(EPOCH),)
build offline zim: export SOURCE_DATE_EPOCH := $(EPOCH)
endif
HUB_NAME ?=
OFFLINE_SITE := dist/offline-site
# --------------------------------------------------------------------------------------------

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

$(STAMP): requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@touch $(STAMP)

serve: $(STAMP) ## Live preview on http://127.0.0.1:8000 (drafts shown; errors shown in the browser); IN=fr: in French
	HUB_LANG=$(IN) $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

validate: $(STAMP) ## Check every record and every link between records
	$(BIN)/python -m hub validate

check: $(STAMP) ## Same verdict as CI's validate step: run it before a pull request
	$(BIN)/python -m hub validate
	$(BIN)/python -m hub generate
	$(BIN)/python -m hub messages

security: $(STAMP) ## Audit .github/ with zizmor (offline, strictest), then validate every record
	$(BIN)/zizmor --offline --no-config --persona auditor .github
	$(BIN)/python -m hub validate

build: $(STAMP) ## Validate, build the site into site/, check every link (all or nothing)
	$(BIN)/python -m hub build

test: $(STAMP) ## Run the whole test suite
	$(BIN)/python -m pytest

# --- contributors: new records, local check (same verdict as CI), vocabulary docs ---------
new: $(STAMP) ## Start a record from a template: make new KIND=partner|member|brief|module|exchange ID=<id>; TO=fr: its translation (also KIND=track|page)
	@test -n "$(KIND)" -a -n "$(ID)" || { echo "usage: make new KIND=partner|member|brief|module|exchange ID=<id>  (TO=<language>: start its translation; KIND=track|page too)" >&2; exit 2; }
	$(BIN)/python -m hub new "$(KIND)" "$(ID)" $(if $(TO),--to "$(TO)")

translations: $(STAMP) ## What is missing or outdated per language (translators)
	$(BIN)/python -m hub translations

vocab-docs: generate ## Same as `make generate` (kept for old habits)
# --- end contributors ---------------------------------------------------------------------
# --- bench (performance at scale; see benchmarks/RESULTS.md) ---------------------------------
SIZES ?= 300,3000,10000
bench: $(STAMP) ## Build synthetic hubs against plain Material; SIZES=300,3000 for a quicker run
	$(BIN)/python benchmarks/run.py --sizes $(SIZES)
RUNS ?= 3
LANGUAGES ?= first
lighthouse: ## Lighthouse (mobile) scores of site/, median of RUNS=3, LANGUAGES=first|all|none|fr,es (make build first; needs npm; not in make test)
	cd benchmarks/lighthouse && npm ci --no-audit --no-fund --silent
	$(BIN)/python benchmarks/lighthouse/run.py site --runs $(RUNS) --languages $(LANGUAGES)
# --- end bench ----------------------------------------------------------------------------------

schemas: generate ## Same as `make generate` (kept for old habits)

# --- maintainers: what a network decides lives in hub.yml ------------------------------------
generate: $(STAMP) ## Rewrite what derives from hub.yml: schemas/, issue-form options, CONTRIBUTING.md lists
	$(BIN)/python -m hub generate --write

messages: $(STAMP) ## Interface translations: extract the strings, update hooks/hub/locales/*/LC_MESSAGES/hub.po (LANG_NEW=xx starts one)
	$(BIN)/python -m hub messages --write $(if $(LANG_NEW),--add $(LANG_NEW))

adopt: $(STAMP) ## Start a new hub from this one: make adopt DEST=../our-hub (records emptied, hub.yml kept)
	@test -n "$(DEST)" || { echo "usage: make adopt DEST=<new folder>" >&2; exit 2; }
	$(BIN)/python -m hub adopt $(DEST)

offline: $(STAMP) ## Build the offline zip dist/<name>-offline-<version>.zip (open index.html from file://)
	$(BIN)/python -m hub build --offline --site-dir $(OFFLINE_SITE)  # validates first, once
	$(BIN)/python -m hub offline --site $(OFFLINE_SITE) --out dist $(if $(HUB_NAME),--name $(HUB_NAME))

zim: offline ## Build the ZIM file for Kiwix dist/<name>_<lang>_<YYYY-MM>.zim from the offline build
	$(BIN)/python -m hub zim --site $(OFFLINE_SITE) --out dist

vendor: ## Refresh the vendored iframe-worker search shim from npm (maintainers; needs npm)
	tools/vendor-iframe-worker.sh $(IFRAME_WORKER_VERSION)

lock: ## Re-pin requirements.lock from requirements.in (maintainers)
	$(PYTHON) -m venv .venv-lock && .venv-lock/bin/pip install --quiet pip-tools
	.venv-lock/bin/pip-compile --generate-hashes --strip-extras --allow-unsafe -o requirements.lock requirements.in

clean: ## Remove build output
	rm -rf site dist .pytest_cache
