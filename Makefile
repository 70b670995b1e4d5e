# The two commands: `make run` sets everything up and starts the platform; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test install migrate demo test-unit test-services test-browser bench check-deploy clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

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

test-unit: install
	$(BIN)/pytest -m "not integration and not browser"

test-services: install
	scripts/test-services

test-browser: install
	scripts/ensure-chromium
	$(BIN)/pytest -m browser

bench: install
	$(BIN)/python bench/run.py

check-deploy: install
	scripts/check-deploy

clean:
	rm -rf $(VENV) var staticfiles
