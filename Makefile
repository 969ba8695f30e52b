# Inklusive Quartiere: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: bench bench-pdf bench-catalogue run test install install-test frontend system-test-deps migrate demo lint \
        test-sqlite test-postgres test-production test-browser check-migrations messages clean

## make run: install, build the front end, migrate, load the demo content and serve the site.
run: install frontend migrate demo
	@echo ""
	@echo "  Website:    http://127.0.0.1:$(PORT)/"
	@echo "  Redaktion:  http://127.0.0.1:$(PORT)/admin/"
	@echo "  Anmelden:   http://127.0.0.1:$(PORT)/anmelden/  (Zugänge in var/demo-zugaenge.txt:)"
	@sed 's/^/              /' var/demo-zugaenge.txt
	@echo "  Einmalcode für die Redaktionsoberfläche: .venv/bin/python manage.py demo_otp_code redaktion"
	@echo ""
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## make test: install everything (also Chromium and Java when missing), then lint and all three passes.
test: install-test frontend system-test-deps lint check-migrations test-sqlite test-postgres test-production test-browser
	@echo "All test passes finished."

# Tools run as `$(BIN)/python -m ...`, never through the venv's scripts: a venv that was copied or moved keeps
# working (its scripts' #! lines name the path it was created at).
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

# --include=dev: the build (sass) and the linters are devDependencies; installed even when NODE_ENV=production.
node_modules/.installed: package.json package-lock.json
	npm ci --include=dev --no-audit --no-fund
	touch $@

install: $(VENV)/.installed node_modules/.installed
install-test: $(VENV)/.installed-test node_modules/.installed

## Built into the package (inklusive_quartiere/built/, never committed) so that it travels in the wheel.
BUILT := inklusive_quartiere/built
## The CSS keeps only the rules the scanned files can use (frontend/purge.mjs: what it scans and how to safelist a
## class), so every file it scans is a prerequisite; the fonts are subset to the characters the site uses
## (inklusive_quartiere/core/fonts.py). docs/front-end.md explains both.
PURGE_CONTENT := $(shell find inklusive_quartiere frontend/js -type f \( -name '*.html' -o -name '*.svg' -o -name '*.txt' \
  -o -name '*.xml' -o -name '*.py' -o -name '*.js' -o -name '*.json' \) -not -path '*/built/*' -not -path '*/__pycache__/*')
frontend: $(BUILT)/static/css/main.css $(BUILT)/pdf-fonts/.done
$(BUILT)/static/css/main.css: node_modules/.installed frontend/build.mjs frontend/purge.mjs $(wildcard frontend/scss/*.scss) \
  $(PURGE_CONTENT) | $(VENV)/.installed
	npm run --silent build
	$(BIN)/python -m inklusive_quartiere.core.fonts

# TrueType copies of the fonts for the PDF renderer (WeasyPrint loads them far faster than WOFF2).
$(BUILT)/pdf-fonts/.done: $(BUILT)/static/css/main.css | $(VENV)/.installed
	$(BIN)/python -c "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'inklusive_quartiere.settings.dev'); django.setup(); from inklusive_quartiere.steckbriefe.pdf import ensure_pdf_fonts; ensure_pdf_fonts()"
	touch $@

## Debian's Chromium and a Java runtime for the browser pass; installed with apt-get when run as root.
system-test-deps:
	@if [ ! -x "$(CHROMIUM)" ] || ! command -v java >/dev/null; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless >/dev/null; \
	  else \
	    echo "The browser tests need Debian's Chromium and Java. Install them with:"; \
	    echo "  sudo apt-get install chromium default-jre-headless"; \
	    exit 1; \
	  fi; \
	fi

migrate: install
	@mkdir -p var/static
	$(BIN)/python manage.py migrate --noinput -v0

demo: migrate
	$(BIN)/python manage.py load_demo

## make lint (part of make test): Python (ruff's rules and its formatter, checking only), the Django templates
## (djlint, checking only), the front end's SCSS and CSS (stylelint) and JavaScript (eslint). Tools and rule sets:
## pyproject.toml, stylelint.config.mjs, eslint.config.mjs; what each checks: README, "What make test runs".
lint: install-test
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .
	$(BIN)/python -m djlint inklusive_quartiere --lint
	npm run --silent lint:css
	npm run --silent lint:js

check-migrations: install-test
	DJANGO_SETTINGS_MODULE=inklusive_quartiere.settings.test $(BIN)/python manage.py makemigrations --check --dry-run -v1

test-sqlite: install-test
	@echo "== Pass 1: SQLite =="
	env -u DATABASE_URL $(BIN)/python -m pytest --ds=inklusive_quartiere.settings.test -m "not browser and not production" -p no:cacheprovider

test-postgres: install-test
	@echo "== Pass 2: PostgreSQL =="
	@url=$$($(BIN)/python scripts/postgres_url.py); status=$$?; \
	if [ $$status -ne 0 ]; then \
	  if [ "$$CI" = "true" ]; then echo "CI=true: an unreachable PostgreSQL fails the run."; exit 1; fi; \
	  echo "Skipping the PostgreSQL pass (set DATABASE_URL or start PostgreSQL on 127.0.0.1:5432)."; exit 0; \
	fi; \
	DATABASE_URL=$$url $(BIN)/python -m pytest --ds=inklusive_quartiere.settings.test -m "not browser and not production" -p no:cacheprovider

## The production path (docs/deployment.md): the wheel installed without the source tree, collectstatic, migrate,
## check --deploy, gunicorn with the production settings on a fresh PostgreSQL database and Redis (db 13), a crawl of
## every page type. Unreachable PostgreSQL or Redis: skipped with a message, a failure under CI=true.
test-production: install-test frontend
	@echo "== Production path: wheel, collectstatic, migrate, check --deploy, gunicorn on PostgreSQL + Redis =="
	$(BIN)/python -m pytest --ds=inklusive_quartiere.settings.test -m production -p no:cacheprovider -rsP \
	  inklusive_quartiere/testing/test_production.py

test-browser: install-test frontend system-test-deps
	@echo "== Pass 3: browser (Playwright + Chromium, axe-core, Nu Html Checker) =="
	env -u DATABASE_URL $(BIN)/python -m pytest --ds=inklusive_quartiere.settings.test -m browser -p no:cacheprovider

## make messages: compile the project's German catalogue (inklusive_quartiere/locale/de/LC_MESSAGES/*.po) after
## editing it. Needs GNU gettext's msgfmt; the compiled .mo is committed, so running the site does not.
messages:
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: install gettext (Debian: sudo apt-get install gettext)"; exit 1; }
	@for po in inklusive_quartiere/locale/*/LC_MESSAGES/*.po; do \
	  echo "msgfmt $$po"; msgfmt --check --output-file="$${po%.po}.mo" "$$po" || exit 1; \
	done

## Benchmarks (not part of make test): results go to docs/benchmarks.md by hand.
bench-pdf: install frontend
	$(BIN)/python bench/steckbrief_pdf.py --runs 15

bench-catalogue: install frontend
	$(BIN)/python bench/catalogue.py --sizes 10000 100000 --databases sqlite postgres

## make bench: the site under gunicorn (production settings, 2 sync workers) against nginx serving the same bytes,
## page cache warm and off, p99 at 64 connections, queries per page at 10 and 10 000 Steckbriefe (bench/web.py).
## Needs wrk, nginx and redis-server (installed with apt-get when run as root); PostgreSQL is skipped when unreachable.
bench: install frontend
	@for tool in wrk nginx redis-server; do \
	  if ! command -v $$tool >/dev/null; then \
	    if [ "$$(id -u)" = "0" ]; then \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx redis-server >/dev/null; break; \
	    else echo "make bench needs wrk, nginx and redis-server: sudo apt-get install wrk nginx redis-server"; exit 1; fi; \
	  fi; \
	done
	$(BIN)/python bench/web.py --databases sqlite postgres

## make clean: the built front end, setuptools' build directory, the npm packages and the virtualenv (not var/).
clean:
	rm -rf $(BUILT) build node_modules $(VENV)
