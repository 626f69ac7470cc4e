# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Every install goes through the pinned versions, so a new upstream release cannot break a
# fresh clone unnoticed; `make upgrade-deps` moves the pins on purpose.
PIP_INSTALL := $(PY) -m pip install --quiet -c constraints.txt

.PHONY: demo test bench eval dist upgrade-deps clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PIP_INSTALL) -e '.[test,bench]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) app.py --demo

test: $(STAMP)
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/bench_align.py

eval: $(STAMP)
	$(PY) bench/evaluate.py

# Resolve every dependency afresh in a scratch venv and write the new pins.
upgrade-deps:
	rm -rf .venv-upgrade
	$(PYTHON) -m venv .venv-upgrade
	.venv-upgrade/bin/python -m pip install --quiet --upgrade pip
	.venv-upgrade/bin/python -m pip install --quiet '.[test,bench]'
	{ echo "# Pinned versions that make and CI install with (pip install -c constraints.txt)."; \
	  echo "# Refresh by hand with 'make upgrade-deps', run the tests, and commit the result."; \
	  .venv-upgrade/bin/python -m pip freeze --exclude-editable | grep -v '^parallax'; } > constraints.txt
	rm -rf .venv-upgrade

clean:
	rm -rf $(VENV) build dist *.egg-info
