# The two commands a newcomer needs: `make run` and `make test`.
# Each creates .venv and installs into it (quick when already installed).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint browser bench soak clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

# Loads the demo corpus into the embedded store when it is empty, then serves.
run: install
	$(BIN)/allegiance demo
	$(BIN)/allegiance serve

lint: install
	$(BIN)/ruff check graph api loaders viz tests bench
	$(BIN)/mypy

# Headless Chromium for the browser tests (Debian's package; root installs it).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "browser tests need Chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

test: install browser lint
	$(BIN)/pytest

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .cache .mypy_cache .ruff_cache .pytest_cache

# A few minutes of mixed reads and writes against `allegiance serve` on each backend
# (bounded in time and requests); writes bench/results/soak.json.
soak: install
	$(BIN)/python -m bench.soak --seconds 150 --max-requests 20000 --backend both
