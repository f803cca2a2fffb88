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

.PHONY: help deps venv translations test test-host test-fast lint demo zip clean

help:
	@echo "make demo       run the algorithms on the bundled demo data -> $(DEMO_OUT)/"
	@echo "make test       everything CI runs: test-host, check-qt6 and test-qgis340 (root or sudo)"
	@echo "make test-host  install what is missing, lint, and run the whole suite on this machine's QGIS"
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

# The README's test command, and all that CI (.ci/run) runs: the suite on this machine's QGIS, the Qt6 migration
# check and the suite and demo on QGIS 3.40 (Debian trixie chroot). Each step prints its wall time.
TEST_STEPS := test-host check-qt6 test-qgis340
test:
	@for step in $(TEST_STEPS); do \
		started=$$(date +%s); \
		$(MAKE) --no-print-directory $$step || exit 1; \
		echo "make test: $$step passed in $$(($$(date +%s) - started)) s"; \
	done

test-host: venv translations
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

# --- Newer QGIS in Debian chroots (cached in CHROOT_CACHE/SUITE, updated or rebuilt when the package list changes) ---
# trixie: QGIS 3.40 (Python 3.13); sid: QGIS 3.44 (Python 3.14). See .ci/chroot.sh. Needs root (debootstrap, chroot).
CHROOT_CACHE ?= /var/cache/reserve-planner
# Beyond make deps' packages: make and git (minbase has neither), pip (installs wheels), PyQt6 and its uic for
# check-qt6, and Open Sans, which QGIS 3.40+ otherwise tries to download at start-up (an error bar without network).
CHROOT_PACKAGES := $(SYSTEM_PACKAGES) make git python3-pip python3-pyqt6 python3-pyqt6.qsci python3-pyqt6.qtsvg \
	pyqt6-dev-tools fonts-open-sans
CHROOT := $(SUDO) env CHROOT_CACHE=$(CHROOT_CACHE) CHROOT_PACKAGES="$(CHROOT_PACKAGES)" \
	CHROOT_PIP_REQUIREMENTS="tests/requirements.txt .ci/qt6_requirements.txt" CHROOT_PIP_INSTALL=.ci/qt6_requirements.txt \
	HOST_PIP="$(VENV_PY) -m pip" .ci/chroot.sh

.PHONY: chroot-trixie chroot-sid test-qgis340 test-qgis344 check-qt6 screenshot-qgis340

chroot-trixie chroot-sid: chroot-%: venv
	@command -v debootstrap >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends debootstrap; }
	$(CHROOT) build $*

test-qgis340: chroot-trixie
	$(CHROOT) run trixie 'make test-host demo'

test-qgis344: chroot-sid
	$(CHROOT) run sid 'make test-host demo'

check-qt6: chroot-trixie
	$(CHROOT) run trixie '.ci/check_qt6.sh'

# QGIS 3.40 Desktop under Xvfb: the desktop test (plugin, menu, toolbar, zone editor dock, no traceback) and its
# main-window screenshot copied to resources/docs/qgis340_desktop.png.
screenshot-qgis340: chroot-trixie
	$(CHROOT) run trixie 'make venv translations && .venv/bin/python -P -m pytest -q --basetemp=desktop_run \
		tests/test_desktop.py::test_plugin_in_qgis_desktop_english && \
		cp desktop_run/test_plugin_in_qgis_desktop_en0/out/main_window.png resources/docs/qgis340_desktop.png' resources/docs/qgis340_desktop.png
