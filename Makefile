# The two commands: `make run` and `make test`. Everything else is what they stand on.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ASSETS := var/frontend/css/app.css
# The Welsh catalogue, compiled by babel (no GNU gettext needed); generated, never committed.
CATALOGUES := locale/cy/LC_MESSAGES/django.mo

export DEMO_PASSWORD ?= community-trigger-demo
# Where `make run` serves the portal; links in the demo's messages point there too.
RUN_ADDRESS ?= 127.0.0.1:8000

.PHONY: run test setup assets migrate demo lint format bench bench-apps e2e clean spark test-spark link-bench

run: setup ## Set up, load the Merseyside demo and serve on http://$(RUN_ADDRESS) (RUN_ADDRESS=host:port to change)
	DEBUG=true $(PY) manage.py migrate --no-input
	DEBUG=true $(PY) manage.py rebuild_figures
	DEBUG=true SITE_URL=http://$(RUN_ADDRESS) $(PY) manage.py load_demo
	DEBUG=true REQUIRE_2FA=false SITE_URL=http://$(RUN_ADDRESS) $(PY) manage.py runserver $(RUN_ADDRESS)

test: setup ## Set up and run the whole suite (SQLite by default; DATABASE_URL/REDIS_URL switch)
	$(PY) -m pytest

setup: $(STAMP) $(ASSETS) $(CATALOGUES)

$(CATALOGUES): locale/cy/LC_MESSAGES/django.po $(STAMP)
	$(PY) -m agencies.catalogues compile

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

lint: setup ## ruff, bandit on the project's code (exceptions in pyproject.toml), import-linter contracts, the Welsh catalogue
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -q -c pyproject.toml -r .
	$(VENV)/bin/lint-imports
	$(PY) -m agencies.catalogues check

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

# The optional Spark backend of incident linking (issue #20): pyspark is large and needs Java 17,
# so it is not part of `setup`. INCIDENT_LINKING_BACKEND=spark then switches linking to it.
spark: setup ## Install pyspark (requirements-spark.lock) for the Spark linking backend
	$(VENV)/bin/pip install --quiet -r requirements-spark.lock

test-spark: spark ## The Spark linking tests (local mode): same clusters as DuckDB
	INCIDENT_LINKING_SPARK_TESTS=1 $(PY) -m pytest -m spark tests/incidents

# Linking quality and speed on synthetic records; RECORDS=1000000 for the issue's measure.
link-bench: setup
	SECRET_KEY=$${SECRET_KEY:-bench-only-$$RANDOM$$RANDOM$$RANDOM} $(PY) manage.py link_bench \
		--records $${RECORDS:-100000} --areas 5 --backend $${BACKEND:-duckdb}

clean:
	rm -rf $(VENV) node_modules var staticfiles
