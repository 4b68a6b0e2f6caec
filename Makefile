# Matchup: `make run` serves the app with demo data; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PY_STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements-dev.lock | sha1sum | cut -c1-12)
WEB_STAMP := web/node_modules/.installed-$(shell cat web/package-lock.json 2>/dev/null | sha1sum | cut -c1-12)
WEB_SOURCES := $(shell find web/src web/index.html web/vite*.ts web/codegen.ts schema.graphql -type f 2>/dev/null)

# Use the local PostgreSQL and Redis for tests when they answer (CI requires them; see .ci/run).
PG_TEST_URL ?= postgresql+asyncpg://postgres@127.0.0.1:5432/test
REDIS_TEST_URL ?= redis://127.0.0.1:6379/0

.PHONY: run serve dev test test-py test-web e2e install web schema migrate demo lint lock clean

run: install web  ## install, build the web app, migrate, load demo data, serve
	$(PY) -m server run

serve: install
	$(PY) -m server serve

dev: install  ## API on :8000 and the Vite dev server on :5173 with hot reload
	$(PY) -m server run --port 8000 & cd web && npm run dev

install: $(PY_STAMP) $(WEB_STAMP)

$(PY_STAMP): pyproject.toml requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes -r requirements-dev.lock
	$(PY) -m pip install -q --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $@

$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	rm -f web/node_modules/.installed-* && touch $@

web: web/dist/index.html

web/dist/index.html: $(WEB_STAMP) $(WEB_SOURCES)
	cd web && npm run build

schema: $(PY_STAMP)  ## regenerate schema.graphql and the web app's typed operations
	$(PY) -m server export-schema
	cd web && npm run codegen

migrate: $(PY_STAMP)
	$(PY) -m server migrate

demo: $(PY_STAMP)
	$(PY) -m server demo

lint: install  ## ruff (lint and format), pyright (types), the web app's lint, and the typed operations match schema.graphql
	$(PY) -m ruff check server tests bench
	$(PY) -m ruff format --check server tests bench
	$(VENV)/bin/pyright
	cd web && npm run lint
	cd web && npm run codegen:check

lock:  ## pin the dependencies of pyproject.toml (runtime: requirements.lock; with the dev extra: requirements-dev.lock)
	$(PY) -m uv pip compile pyproject.toml --python-version 3.11 --no-header --generate-hashes -q -o requirements.lock
	$(PY) -m uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header --generate-hashes -q \
	  -o requirements-dev.lock

test: install web  ## every test: Python (SQLite + PostgreSQL + Redis when reachable), Vitest, Playwright
	@if [ -z "$$MATCHUP_TEST_DATABASE_URL" ] && pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
	  export MATCHUP_TEST_DATABASE_URL=$(PG_TEST_URL); fi; \
	if [ -z "$$MATCHUP_TEST_REDIS_URL" ] && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then \
	  export MATCHUP_TEST_REDIS_URL=$(REDIS_TEST_URL); fi; \
	echo "PostgreSQL: $${MATCHUP_TEST_DATABASE_URL:-not configured (SQLite only)}   Redis: $${MATCHUP_TEST_REDIS_URL:-not configured}"; \
	$(PY) -m pytest -q -n $${MATCHUP_TEST_WORKERS:-2} --dist loadfile
	cd web && npm run test
	@if [ -x /usr/bin/chromium ]; then cd web && npm run e2e; \
	elif [ "$$MATCHUP_REQUIRE_SERVICES" = "1" ]; then echo "Chromium is required (apt-get install -y chromium)"; exit 1; \
	else echo "SKIPPED browser tests: /usr/bin/chromium not installed (apt-get install -y chromium)"; fi

clean:
	rm -rf var web/dist
