# Reserve Planner: set-up, tests, demo and packaging on Debian 12/13.
# Every target installs what it needs and is quick when everything is there.

PYTHON := /usr/bin/python3
VENV := .venv
VENV_PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PACKAGES := qgis python3-qgis qgis-providers python3-gdal gdal-bin \
	python3-numpy python3-scipy python3-pandas python3-shapely python3-matplotlib \
	python3-pytest python3-hypothesis python3-pytest-xdist xvfb xauth grass-core \
	qttools5-dev-tools fonts-noto-cjk python3-venv poppler-utils
QM := resources/i18n/reserve_planner_zh_CN.qm
DEMO_OUT ?= demo_output
PYTEST_ARGS ?=
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)

.PHONY: help deps venv translations test test-fast lint demo zip clean

help:
	@echo "make demo       run the algorithms on the bundled demo data -> $(DEMO_OUT)/"
	@echo "make test       install what is missing, lint, and run the whole test suite"
	@echo "make test-fast  the quick subset (no slow, desktop or external-tool tests)"
	@echo "make zip        build dist/reserve_planner-$(VERSION).zip for the QGIS plugin manager"
	@echo "make lint       ruff"

deps: .deps-stamp
.deps-stamp: Makefile
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:" $$missing; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@touch $@

venv: $(VENV)/.stamp
$(VENV)/.stamp: .deps-stamp tests/requirements.txt
	$(PYTHON) -m venv --system-site-packages $(VENV)
	$(VENV_PY) -c "import numpy, scipy; print('numpy==' + numpy.__version__); print('scipy==' + scipy.__version__)" > $(VENV)/constraints.txt
	$(VENV_PY) -m pip install -q -c $(VENV)/constraints.txt -r tests/requirements.txt
	@touch $@

translations: $(QM)
$(QM): .deps-stamp $(wildcard resources/i18n/zh_CN/*.ts)
	$(PYTHON) resources/i18n/i18n_tool.py compile

test: venv translations
	$(VENV)/bin/ruff check .
	QT_QPA_PLATFORM=offscreen $(VENV_PY) -P -m pytest $(PYTEST_ARGS)

test-fast: venv translations
	QT_QPA_PLATFORM=offscreen $(VENV_PY) -P -m pytest -m "not slow and not desktop and not external" $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .

demo: deps translations
	QT_QPA_PLATFORM=offscreen $(PYTHON) -P resources/demo/run_demo.py $(DEMO_OUT)

zip: translations
	rm -rf build/reserve_planner && mkdir -p build/reserve_planner dist
	git ls-files | grep -v -E '^(tests/|\.ci/|Makefile|pytest\.ini|\.gitignore|ruff\.toml)' | \
		tar -cf - -T - | tar -xf - -C build/reserve_planner
	cp $(QM) build/reserve_planner/$(QM)
	rm -f dist/reserve_planner-$(VERSION).zip
	cd build && $(PYTHON) -c "import shutil; shutil.make_archive('../dist/reserve_planner-$(VERSION)', 'zip', '.', 'reserve_planner')"
	@echo "dist/reserve_planner-$(VERSION).zip"

clean:
	rm -rf build dist $(DEMO_OUT) $(QM) .deps-stamp
