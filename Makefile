# The two commands: `make run` and `make test`. Everything else is what they stand on.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ASSETS := var/frontend/css/app.css

export DEMO_PASSWORD ?= community-trigger-demo
# Where `make run` serves the portal; links in the demo's messages point there too.
RUN_ADDRESS ?= 127.0.0.1:8000

.PHONY: run test setup assets migrate demo lint format bench bench-apps e2e clean

run: setup ## Set up, load the Merseyside demo and serve on http://$(RUN_ADDRESS) (RUN_ADDRESS=host:port to change)
	DEBUG=true $(PY) manage.py migrate --no-input
	DEBUG=true SITE_URL=http://$(RUN_ADDRESS) $(PY) manage.py load_demo
	DEBUG=true REQUIRE_2FA=false SITE_URL=http://$(RUN_ADDRESS) $(PY) manage.py runserver $(RUN_ADDRESS)

test: setup ## Set up and run the whole suite (SQLite by default; DATABASE_URL/REDIS_URL switch)
	$(PY) -m pytest

setup: $(STAMP) $(ASSETS)

$(STAMP): requirements.lock requirements-dev.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.lock -r requirements-dev.lock
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

$(ASSETS): node_modules/.package-lock.json frontend/app.scss
	mkdir -p var/frontend/css var/frontend/govuk
	npx sass --no-source-map --style=compressed --quiet-deps --load-path=node_modules \
		frontend/app.scss $(ASSETS)
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js var/frontend/govuk/

assets: $(ASSETS)

lint: setup ## ruff, bandit on the project's code (exceptions in pyproject.toml), import-linter contracts
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -q -c pyproject.toml -r .
	$(VENV)/bin/lint-imports

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

e2e: setup ## Browser journeys and axe-core (needs Debian's chromium)
	$(PY) -m pytest tests/e2e -m e2e

# The measuring tool of issue #18 (README, "Benchmarks"): each size in its own PostgreSQL
# database (asb_bench_<size>, built once, kept), served by gunicorn with the production
# settings. wrk measures throughput when installed, else a threaded Python client does.
SIZES ?= 1000,10000
BENCH_ARGS ?=
bench: setup ## Pages, engine and outbox against the goals (SIZES=1000,10000,100000)
	$(PY) -m bench --sizes $(SIZES) $(BENCH_ARGS)

# Each app's own benchmarks (manage.py bench NAME…); they run with the production defaults
# (DEBUG off), which need a key; a local one will do.
BENCH ?=
bench-apps: setup
	SECRET_KEY=$${SECRET_KEY:-bench-only-$$RANDOM$$RANDOM$$RANDOM} $(PY) manage.py bench $(BENCH)

clean:
	rm -rf $(VENV) node_modules var staticfiles
