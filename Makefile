# Two commands do everything on a fresh machine with python3:
#   make run   - set up .venv and serve the app on http://localhost:8501
#   make test  - set up .venv with the test tools and run every test (browser tests included)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: run test bench lint screenshot clean

$(READY): pyproject.toml requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -e ".[test]"
	touch $@

run: $(READY)
	$(BIN)/streamlit run app.py --server.port 8501

test: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

bench: $(READY)
	$(BIN)/python -m benchmarks

screenshot: $(READY)
	$(BIN)/python -m scripts.screenshot

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
