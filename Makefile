# The two commands: `make run` sets everything up and starts the platform; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test install migrate demo test-unit test-services test-browser bench bench-scale check-deploy clean lint lint-imports test-fast

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	scripts/ensure-xmlsec  # SAML: xmlsec builds on libxmlsec1-dev where PyPI has no wheel for this machine
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

JS_STAMP := tests/js/node_modules/.installed-stamp

# The npm packages of the JavaScript badge verifier that the tests run (tests/js/package.json).
$(JS_STAMP): tests/js/package.json tests/js/package-lock.json
	scripts/install-js-verifiers
	test ! -d tests/js/node_modules || touch $(JS_STAMP)

install: $(STAMP) $(JS_STAMP)

migrate: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py demo_accounts
	$(BIN)/honcho start -f Procfile.dev

test: install
	scripts/test-all

# The checks CI runs first (scripts/test-all, leg 1): lint and import contracts, formatting, template lint.
# Fix with `.venv/bin/ruff check --fix .` and `.venv/bin/ruff format .`; templates are fixed by hand.
lint: install lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint

# The import contract in pyproject.toml ([tool.importlinter]): apps import one way, bottom to top.
lint-imports: install
	$(BIN)/lint-imports

test-unit: install
	$(BIN)/pytest -m "not integration and not browser"

# The fast leg on your machine, keeping each worker's migrated test database in var/ between runs (--reuse-db),
# which saves the migrations at start-up. Only here: CI starts from a fresh clone, so there is nothing to reuse,
# and its in-memory databases prove the migrations still build one from nothing. New migrations are applied to
# the kept database; after switching to a branch with different migrations, add ARGS=--create-db once.
test-fast: install
	mkdir -p var
	TEST_DATABASE_FILE=var/test-db.sqlite3 $(BIN)/pytest -m "not integration and not browser" -n 2 --reuse-db $(ARGS)

test-services: install
	scripts/test-services

test-browser: install
	scripts/ensure-chromium
	scripts/install-sso-peers
	scripts/ensure-ralph
	$(BIN)/pytest -m browser --ignore=tests/xapi
	$(BIN)/pytest -m browser tests/xapi/test_cmi5_au_browser.py  # its own Chromium: a process of its own

bench: install
	$(BIN)/python bench/run.py

# The scale benchmark of issue #17 on PostgreSQL and Redis (scripts/bench-scale): writes bench/RESULTS.md.
# BENCH_SCALE=quick for a 10,000-learner trial; the default is the full 100,000.
bench-scale: install
	scripts/bench-scale

check-deploy: install
	scripts/check-deploy

clean:
	rm -rf $(VENV) var staticfiles
