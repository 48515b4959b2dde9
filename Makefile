# Two commands for a fresh machine (see README):
#   make serve   install everything into .venv, build and serve the example site on http://127.0.0.1:8000
#   make test    install everything (Python packages, Debian chromium) and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check browser deploy-tools axe clean lint lock

# Exact versions from requirements.lock (same data, same bytes on every machine), then the
# project itself without resolving again; pip check fails when the lock no longer fits pyproject.toml.
$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $@

# requirements.lock from pyproject.toml (runtime, test and dev extras, the build backend), in its
# own venv. Pins that still fit are kept; `make lock LOCK_ARGS=--upgrade` moves all to the newest allowed.
LOCK_VENV ?= .venv-lock
lock:
	@[ -x $(LOCK_VENV)/bin/pip-compile ] || { $(PYTHON) -m venv $(LOCK_VENV) && \
	  $(LOCK_VENV)/bin/python -m pip install --quiet 'pip-tools>=7.4,<8'; }
	$(LOCK_VENV)/bin/pip-compile --quiet --extra test --extra dev --all-build-deps --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links $(LOCK_ARGS) -o requirements.lock pyproject.toml

# The quality gate: lint, formatting, types, and the import layers of pyproject.toml.
lint: $(BIN)/.installed
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy generator
	$(BIN)/lint-imports

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(BIN)/.installed
	$(BIN)/zi build --site-dir site

check: $(BIN)/.installed
	$(BIN)/zi check

# Browser tests drive Debian's Chromium; never a downloaded browser.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Memasang chromium dari Debian ..."; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	fi

# Deploy tests start real servers on 127.0.0.1 (tests/deploy): OpenSSH (ssh + rsync, and an SFTP-only
# chrooted account) and pure-ftpd (FTPS/FTP, certificate made with openssl), Debian's packages. Where
# an init system runs, pure-ftpd's package also starts a system server on port 21; the tests never
# use it (their servers listen on free high ports).
deploy-tools:
	@if [ ! -x /usr/sbin/sshd ] || ! command -v rsync >/dev/null || ! command -v ssh >/dev/null || \
	    [ ! -x /usr/sbin/pure-ftpd ] || ! command -v openssl >/dev/null || [ ! -x /usr/sbin/nginx ] || \
	    [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || [ ! -x /usr/sbin/apache2 ]; then \
	  echo "Memasang openssh-server, rsync, pure-ftpd, openssl, nginx dan apache2 dari Debian ..."; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq openssh-server openssh-client rsync pure-ftpd openssl >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq --no-install-recommends nginx-light libnginx-mod-http-brotli-static apache2 >/dev/null; \
	fi

# axe-core audits every page in the browser tests: pinned in package.json and
# package-lock.json, installed with npm ci (Node.js and npm from Debian if missing).
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	@if ! command -v npm >/dev/null; then \
	  echo "Memasang nodejs dan npm dari Debian ..."; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq nodejs npm >/dev/null; \
	fi
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

axe: $(AXE)

# One pytest worker per core (at most 4), idle workers taking tests from busy ones: on CI's two cores
# the suite then takes about 25 instead of 28 minutes (the long hostile corpus runs beside the rest).
PYTEST_WORKERS ?= auto --maxprocesses=4 --dist worksteal
test: lint $(BIN)/.installed browser deploy-tools $(AXE)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS)

clean:
	rm -rf site .pytest_cache tests/artifacts node_modules

# Quick loop while editing: no browser and none of the heaviest tests (marked slow); under a minute.
.PHONY: test-fast
test-fast: $(BIN)/.installed
	$(BIN)/python -m pytest -m "not browser and not slow" -q
