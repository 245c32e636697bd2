# The two set-up commands of the README: `make run` and `make test`.
# Both create .venv when missing and install exactly the pinned versions.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint typecheck bench openapi package system-packages clean translations update-translations

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --constraint requirements.lock --editable '.[dev]'
	@touch $(STAMP)

system-packages:
	@sh scripts/install-system-packages

# The compiled catalogues (i18n/*.qm) the program loads; built from the Qt Linguist
# sources, never committed. `make update-translations` refreshes the sources from the
# code (then translate what it lists, e.g. in .venv/bin/pyside6-linguist).
CATALOGUES := $(patsubst %.ts,%.qm,$(wildcard i18n/*.ts))

translations: $(CATALOGUES)

i18n/%.qm: i18n/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

update-translations: $(STAMP)
	$(BIN)/python scripts/update_translations.py

run: system-packages $(STAMP) translations
	QT_QPA_PLATFORM= $(BIN)/advisoros-desktop --local-workspace --demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

test: system-packages $(STAMP) translations lint typecheck
	$(BIN)/python -m pytest

bench: system-packages $(STAMP) translations
	$(BIN)/python -m benchmarks

openapi: $(STAMP)
	$(BIN)/python -m advisoros_desktop.server.openapi_file --write

# The one-folder app in dist/advisoros-desktop/ (packaging/README.md).
package: system-packages $(STAMP) translations
	$(BIN)/pyinstaller --noconfirm --clean packaging/advisoros-desktop.spec --distpath dist --workpath build/pyinstaller

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
