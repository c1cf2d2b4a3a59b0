# LocalPlan: `make demo` to try it, `make test` to run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo install translations test lint format messages webfonts clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --editable '.[test]'
	touch $@

install: $(STAMP)

# The English catalogue, compiled (the .mo is not kept in git).
translations: $(STAMP)
	$(BIN)/pybabel compile --statistics -d src/localplan/locale -D django 2>&1 | tail -n 1

demo: translations
	$(BIN)/localplan migrate --noinput
	$(BIN)/localplan load_demo
	LOCALPLAN_DEBUG=1 $(BIN)/localplan runserver 127.0.0.1:8000

test: translations
	$(BIN)/pytest -n 2 --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

# Extract the Thai msgids into the English catalogue (needs GNU gettext), then compile.
messages: $(STAMP)
	cd src/localplan && ../../$(BIN)/localplan makemessages --locale en --no-obsolete --ignore "migrations/*"
	$(MAKE) translations

# The WOFF2 subsets of the Sarabun TTFs that the pages use (committed; rerun when the TTFs change).
webfonts: $(STAMP)
	$(BIN)/python -m localplan.core.webfonts

clean:
	rm -rf $(VENV) var
