"""Bootstrap shared by the benchmark scripts: import the plugin the way QGIS does, start a headless QGIS.

The plugin is imported as the package ``reserve_planner`` through a symlink in a temporary folder, never from
the repo root (whose processing/ folder would shadow QGIS's own ``processing``), as in tests/conftest.py.
The scripts run with ``python3 -P``, which leaves their own folder off sys.path, so each one adds it before
``import bench_support``. Importing this module changes nothing: call the functions.
"""

import os
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QGIS_PYTHON_PLUGINS = '/usr/share/qgis/python/plugins'


def make_plugin_importable(prefix):
    """Make ``import reserve_planner`` and QGIS's ``processing`` work in this process; returns the folder holding
    the ``reserve_planner`` symlink (a new temporary folder named ``prefix...``).

    Drops the repo root from sys.path, puts the symlink's folder first and QGIS's Python plugins last, and sets
    QT_QPA_PLATFORM=offscreen unless the caller chose a platform.
    """
    sys.path[:] = [entry for entry in sys.path if os.path.abspath(entry or os.curdir) != REPO]
    parent = tempfile.mkdtemp(prefix=prefix)
    os.symlink(REPO, os.path.join(parent, 'reserve_planner'))
    sys.path.insert(0, parent)
    if QGIS_PYTHON_PLUGINS not in sys.path:
        sys.path.append(QGIS_PYTHON_PLUGINS)
    os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')
    return parent


def start_qgis(with_processing=True):
    """A headless QgsApplication (prefix /usr), with the Processing framework initialised unless told otherwise.

    Call make_plugin_importable first. Keep the returned application referenced while QGIS is in use.
    """
    from qgis.core import QgsApplication
    application = QgsApplication([], False)
    application.setPrefixPath('/usr', True)
    application.initQgis()
    if with_processing:
        from processing.core.Processing import Processing
        Processing.initialize()
    return application


def qgis_process(profile_dir=None):
    """resources/demo/batch.QgisProcess: ``qgis_process`` with the plugin enabled in a private profile."""
    sys.path.insert(0, os.path.join(REPO, 'resources', 'demo'))
    from batch import QgisProcess
    return QgisProcess(profile_dir)
