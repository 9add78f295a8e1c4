# policyhub: `make run` serves the site on http://127.0.0.1:$(PORT) with SQLite;
# `make test` runs lint, the migration check and every test on a throwaway PostgreSQL.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: backup restore run serve test lint hooks format migrations-check install browser services staff messages check-tree coverage benchmark benchmark-national clean

# DEBUG stays off unless asked for (DEBUG=1 make run), so a visitor's 404 and 500 pages show.
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_content --skip-existing
	$(MANAGE) collectstatic --noinput -v0
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Production-style: gunicorn on PostgreSQL (DATABASE_URL and SECRET_KEY must be set), on
# 127.0.0.1:$(PORT) behind a reverse proxy; deploy/gunicorn.conf.py explains its settings.
serve: install
	DJANGO_SETTINGS_MODULE=policyhub.settings.production $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=policyhub.settings.production $(MANAGE) collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=policyhub.settings.production PORT=$(PORT) $(BIN)/gunicorn \
		--config deploy/gunicorn.conf.py policyhub.wsgi

test: install browser services
	$(MAKE) lint migrations-check
	$(MANAGE) collectstatic --noinput -v0
	scripts/with-postgres $(BIN)/pytest -n auto $(PYTEST_ARGS)

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

# Compile locale/ after editing a .po file (the compiled .mo is committed): django.po for the
# server's texts, djangojs.po for the admin's JavaScript (/admin/jsi18n/).
messages:
	msgfmt --check -o locale/da/LC_MESSAGES/django.mo locale/da/LC_MESSAGES/django.po
	msgfmt --check -o locale/da/LC_MESSAGES/djangojs.mo locale/da/LC_MESSAGES/djangojs.po

check-tree: install
	$(MANAGE) check_tree

# Create or update a staff user for one municipality, without a terminal too:
#   make staff USERNAME=anna MUNICIPALITY=herning [ROLES="editor publisher"] [PASSWORD_VAR=ANNA_PASSWORD]
# With PASSWORD_VAR the password is read from that environment variable; without it a new
# user gets a one-time link to choose one (printed here; SITE_URL sets its address).
ROLES ?= editor
staff: install
	$(MANAGE) create_staff_user $(USERNAME) --municipality $(MUNICIPALITY) \
		$(foreach role,$(ROLES),--role $(role)) \
		$(if $(PASSWORD_VAR),--password-from-env $(PASSWORD_VAR),--password-link)

# The database of DATABASE_URL to a file (default backups/policyhub-<time>.dump), and back:
# make backup [BACKUP=file]; make restore BACKUP=file (replaces the database's content).
backup:
	scripts/backup $(BACKUP)

restore:
	scripts/restore $(BACKUP)

# The pages against the framework floor (a bare Django view), then search: a few minutes.
benchmark: install services
	scripts/with-postgres $(BIN)/python scripts/benchmark.py

# The pages, uncached, on a synthetic dataset of 98 municipalities (content/synthetic.py).
benchmark-national: install
	scripts/with-postgres $(BIN)/python scripts/benchmark_national.py

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

# Redis for the two-process cache test and wrk for the benchmark, where apt can install them.
services:
	@scripts/install-services

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3
