# Two commands do everything on a fresh machine with python3:
#   make run   - set up .venv and serve the app on http://localhost:8501
#   make test  - set up .venv with the test tools and run every test (browser tests included)
#   make check-data - check the data files after adding or correcting an offer
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
AXE := node_modules/axe-core/axe.min.js

SESSIONS ?= 20
DURATION ?= 60
REPLICAS ?= 1
BROWSERS ?= 2

.PHONY: run serve test check-data bench loadtest screenshot mutation clean

$(READY): pyproject.toml requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -e ".[test]"
	touch $@

# axe-core, which the browser tests inject into the page for the accessibility audit.
$(AXE): package.json package-lock.json
	@command -v npm >/dev/null || { echo "make test needs Node.js and npm (apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: $(READY)
	$(BIN)/streamlit run app.py --server.port 8501

# Several replicas behind nginx with sticky sessions, on loopback (needs nginx: apt-get install nginx).
serve: $(READY)
	$(BIN)/python -m scripts.serve --replicas $(REPLICAS)

test: $(READY) $(AXE)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m incentives.check_data
	$(BIN)/python -m pytest

# Validate every file in data/ (see CONTRIBUTING.md); lists offers due to be read again.
check-data: $(READY)
	$(BIN)/python -m incentives.check_data

bench: $(READY)
	$(BIN)/python -m benchmarks

# 20 agent sessions and 2 Chromium pages for 60 seconds against the app on loopback; prints
# latency, errors and memory. SESSIONS=50 REPLICAS=2 puts two replicas behind nginx.
loadtest: $(READY)
	$(BIN)/python -m scripts.loadtest --sessions $(SESSIONS) --seconds $(DURATION) \
		--replicas $(REPLICAS) --browsers $(BROWSERS)

screenshot: $(READY)
	$(BIN)/python -m scripts.screenshot

# Mutation testing of the rules (slow: minutes per module; not part of make test). Scores per
# module, survivors explained in docs/surviving-mutants.md. One module: make mutation MODULES=sharing
MODULES ?=
mutation: $(READY)
	$(BIN)/python -m pip install --quiet -e ".[mutation]"
	$(BIN)/python -m scripts.mutation $(MODULES)

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache .mypy_cache .hypothesis mutants
