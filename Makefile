# Dispatch: `make run` serves the app with the seed articles; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
WORKERS ?= 2
# SEED=0 leaves the seed articles out of an empty archive
SEED ?= 1

.PHONY: run test test-postgres lint typecheck format install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres]'
	touch $@ $(VENV)/.installed

# axe-core, which the accessibility tests inject into the browser (npm's package; the app
# itself needs no Node). Without npm those tests skip, or fail under .ci/run.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility tests will be skipped"; fi

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev node_modules/axe-core/axe.min.js

# Every start: migrations, the seeds only into an empty archive, the index rebuilt only when
# missing or built by older code (otherwise updated in place). Ctrl-C stops the server.
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py prepare_site $(if $(filter 0,$(SEED)),,--seeds seeds/)
	@echo ""
	@echo "  Dispatch is running at http://$(HOST):$(PORT)/  (Ctrl-C stops it)"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/"
	@echo ""
	@# One background worker (imports, re-extraction, re-indexing) beside gunicorn; Ctrl-C
	@# stops gunicorn, and the trap stops the worker with it: a second signal ends a job in
	@# the middle, which resumes from its last checkpoint.
	@$(BIN)/python manage.py db_worker --interval 0.5 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; sleep 0.3; kill $$worker 2>/dev/null; wait $$worker' \
		EXIT INT TERM; \
	$(BIN)/gunicorn config.wsgi -c config/gunicorn.py --workers $(WORKERS) \
		--bind $(HOST):$(PORT) --access-logfile -

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev
	$(BIN)/mypy

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint typecheck
	$(BIN)/python -m pytest

# The whole suite again with PostgreSQL as the database: DISPATCH_TEST_DATABASE_URL names a
# server the tests may create their database on (.ci/run starts a throwaway one).
test-postgres: install-dev
	@if [ -z "$(DISPATCH_TEST_DATABASE_URL)" ]; then \
		echo "PostgreSQL run skipped: set DISPATCH_TEST_DATABASE_URL=postgres://user@host:port/db"; \
	else \
		DATABASE_URL="$(DISPATCH_TEST_DATABASE_URL)" $(BIN)/python -m pytest; \
	fi

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache *.egg-info node_modules
