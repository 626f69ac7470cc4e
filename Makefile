# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Every install goes through the pinned versions, so a new upstream release cannot break a
# fresh clone unnoticed; `make upgrade-deps` moves the pins on purpose.
PIP_INSTALL := $(PY) -m pip install --quiet -c constraints.txt

.PHONY: demo test lint typecheck typecheck-budget bench eval icons dist upgrade-deps clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PIP_INSTALL) -e '.[test,bench]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) app.py --demo

# Cheapest first: lint and layer contracts, then the type budget, then the suite.
test: lint typecheck
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

# mypy on core/ and gui/; fails when a package has more errors than mypy-budget.json allows.
typecheck: $(STAMP)
	$(PY) tools/typecheck.py

# Write today's counts as the budget (after a count fell).
typecheck-budget: $(STAMP)
	$(PY) tools/typecheck.py --update

bench: $(STAMP)
	$(PY) bench/bench_align.py

eval: $(STAMP)
	$(PY) bench/evaluate.py

DIST_STAMP := $(VENV)/.dist-installed
$(DIST_STAMP): $(STAMP)
	$(PIP_INSTALL) -e '.[dist]'
	touch $(DIST_STAMP)

# Re-render the committed PNG, ICO and ICNS icons from resources/icons/parallax.svg.
icons: $(DIST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/make_icons.py

# A standalone program in dist/parallax/ (no Python needed on the target machine), built for
# the platform it runs on; see README "Install".
dist: $(DIST_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/parallax.spec
	dist/parallax/parallax --version

# Resolve every dependency afresh in a scratch venv and write the new pins.
upgrade-deps:
	rm -rf .venv-upgrade
	$(PYTHON) -m venv .venv-upgrade
	.venv-upgrade/bin/python -m pip install --quiet --upgrade pip
	.venv-upgrade/bin/python -m pip install --quiet '.[test,bench,dist]'
	{ echo "# Pinned versions that make and CI install with (pip install -c constraints.txt)."; \
	  echo "# Refresh by hand with 'make upgrade-deps', run the tests, and commit the result."; \
	  .venv-upgrade/bin/python -m pip freeze --exclude-editable | grep -v '^parallax'; } > constraints.txt
	rm -rf .venv-upgrade

clean:
	rm -rf $(VENV) build dist *.egg-info
