"""The zip the QGIS plugin manager installs: built by ``make zip``, loadable by qgis_process."""

import configparser
import os
import subprocess
import zipfile

import pytest

from conftest import REPO


@pytest.fixture(scope='module')
def plugin_zip():
    built = subprocess.run(['make', '-s', '-C', REPO, 'zip'], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    parser = configparser.ConfigParser()
    parser.read(os.path.join(REPO, 'metadata.txt'), encoding='utf-8')
    return os.path.join(REPO, 'dist', 'reserve_planner-{}.zip'.format(parser['general']['version']))


def test_zip_holds_the_plugin_folder_with_translations_and_without_tests(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert 'reserve_planner/metadata.txt' in names
    assert 'reserve_planner/__init__.py' in names
    assert 'reserve_planner/processing/provider.py' in names
    assert 'reserve_planner/resources/i18n/reserve_planner_zh_CN.qm' in names
    assert not [name for name in names if name.startswith('reserve_planner/tests/')]
    assert all(name.startswith('reserve_planner/') for name in names)


@pytest.mark.slow
def test_unzipped_plugin_loads_in_qgis_process(plugin_zip, tmp_path):
    zipfile.ZipFile(plugin_zip).extractall(tmp_path / 'plugins')
    from reserve_planner.resources.demo.batch import qgis_process_executable

    environment = dict(os.environ, QGIS_PLUGINPATH=str(tmp_path / 'plugins'), XDG_DATA_HOME=str(tmp_path / 'profile'))
    executable = qgis_process_executable()
    enabled = subprocess.run([executable, 'plugins', 'enable', 'reserve_planner'], env=environment,
                             capture_output=True, text=True)
    assert enabled.returncode == 0, enabled.stderr
    listing = subprocess.run([executable, 'list'], env=environment, capture_output=True, text=True)
    assert 'reserveplanner:' in listing.stdout, listing.stdout[-2000:]
