"""The executor's worker processes start from real QGIS Desktop (under Xvfb), where sys.executable is not the
Python QGIS runs (here a pyenv shim, or QGIS itself), and give the one-process results."""

import json
import os
import shutil
import subprocess

import pytest

from conftest import REPO

pytestmark = [pytest.mark.desktop, pytest.mark.slow]


def test_worker_processes_start_from_qgis_desktop(tmp_path):
    if not (shutil.which('qgis') and shutil.which('xvfb-run')):
        pytest.fail('QGIS Desktop and xvfb-run are required (make deps installs them)')
    plugins = tmp_path / 'plugins'
    plugins.mkdir()
    os.symlink(REPO, plugins / 'reserve_planner')
    environment = dict(os.environ, QGIS_PLUGINPATH=str(plugins), RP_OUT=str(tmp_path))
    environment.pop('QT_QPA_PLATFORM', None)
    completed = subprocess.run(
        ['xvfb-run', '-a', 'qgis', '--nologo', '--noversioncheck', '--profiles-path', str(tmp_path / 'profiles'),
         '--code', os.path.join(REPO, 'tests', 'desktop_scripts', 'executor_session.py')],
        env=environment, capture_output=True, text=True, timeout=240)
    result_file = tmp_path / 'result.json'
    assert result_file.exists(), completed.stderr[-3000:]
    result = json.loads(result_file.read_text(encoding='utf-8'))
    assert 'error' not in result, result
    assert result['squares'] == [2, 4, 8] and result['same_network']
    assert os.path.basename(result['interpreter']).startswith('python')
