# policyhub: `make run` serves the site on http://127.0.0.1:$(PORT) with SQLite;
# `make test` runs lint, the migration check and every test on a throwaway PostgreSQL.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run serve test lint hooks format migrations-check install browser staff messages check-tree coverage benchmark clean

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_content --skip-existing
	$(MANAGE) collectstatic --noinput -v0
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Production-style: gunicorn on PostgreSQL (DATABASE_URL and SECRET_KEY must be set).
serve: install
	DJANGO_SETTINGS_MODULE=policyhub.settings.production $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=policyhub.settings.production $(MANAGE) collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=policyhub.settings.production $(BIN)/gunicorn policyhub.wsgi \
		--bind 0.0.0.0:$(PORT) --workers $${WEB_CONCURRENCY:-3} --access-logfile -

test: install browser
	$(MAKE) lint migrations-check
	$(MANAGE) collectstatic --noinput -v0
	scripts/with-postgres $(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint

# Install the git pre-commit hook (.pre-commit-config.yaml: the same checks as `make lint`).
hooks: install
	$(BIN)/pre-commit install

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

coverage: install browser
	$(MANAGE) collectstatic --noinput -v0
	scripts/with-postgres $(BIN)/pytest --cov --cov-report=term $(PYTEST_ARGS)

# Compile locale/ after editing a .po file (the compiled .mo is committed).
messages:
	msgfmt --check -o locale/da/LC_MESSAGES/django.mo locale/da/LC_MESSAGES/django.po

check-tree: install
	$(MANAGE) check_tree

# Create a staff user for one municipality: make staff USERNAME=anna MUNICIPALITY=herning
staff: install
	$(MANAGE) create_staff_user $(USERNAME) --municipality $(MUNICIPALITY)

benchmark: install
	scripts/with-postgres $(BIN)/python scripts/benchmark.py

# The environment: Python packages from pyproject.toml, front-end packages from
# package-lock.json. Stamp files make a second run skip what is up to date.
install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The browser tests drive Debian's Chromium; install it where it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || scripts/install-chromium

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3
