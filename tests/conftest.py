"""Session set-up shared by every test: a headless QGIS with Processing and the plugin's provider.

The plugin is imported as the package ``reserve_planner`` through a symlink in a temporary folder,
never from the repo root (whose processing/ folder would shadow QGIS's own ``processing``).
"""

import os
import sys
import tempfile

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), 'shared')
os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')
sys.path[:] = [entry for entry in sys.path if os.path.abspath(entry or os.curdir) != REPO]

PLUGIN_PARENT = tempfile.mkdtemp(prefix='reserve_planner_pkg_')
os.symlink(REPO, os.path.join(PLUGIN_PARENT, 'reserve_planner'))
sys.path.insert(0, PLUGIN_PARENT)
sys.path.append('/usr/share/qgis/python/plugins')
sys.path.append(os.path.join(REPO, 'tests'))

from qgis.core import QgsApplication  # noqa: E402

QGIS_APP = QgsApplication([], False)
QGIS_APP.setPrefixPath('/usr', True)
QGIS_APP.initQgis()

from processing.core.Processing import Processing  # noqa: E402

Processing.initialize()

from reserve_planner.processing.provider import ReservePlannerProvider  # noqa: E402

PROVIDER = ReservePlannerProvider()
QgsApplication.processingRegistry().addProvider(PROVIDER)


@pytest.fixture(scope='session')
def qgis_app():
    """The session's QgsApplication with Processing initialised and the Reserve Planner provider registered."""
    return QGIS_APP


@pytest.fixture(scope='session')
def shared_dir():
    """The project's shared/ folder (outside references such as Circuitscape's test cases)."""
    if not os.path.isdir(SHARED):
        pytest.fail('shared/ is missing beside the repository: {}'.format(SHARED))
    return SHARED


@pytest.fixture(scope='session')
def qgis_process(tmp_path_factory):
    """Run ``qgis_process --json run reserveplanner:ALG -- NAME=VALUE ...`` as a batch user does.

    Returns ``run(algorithm_id, *arguments, **parameters) -> (returncode, parsed json or None, output)``;
    ``run.batch`` is the underlying resources/demo/batch.QgisProcess (private profile, plugin enabled).
    """
    from reserve_planner.resources.demo.batch import QgisProcess

    batch = QgisProcess(str(tmp_path_factory.mktemp('qgis_profile')))

    def run(algorithm_id, *arguments, **parameters):
        return batch.run(algorithm_id, *arguments, **parameters)

    run.batch = batch
    run.executable = batch.executable
    run.environment = batch.environment
    return run
