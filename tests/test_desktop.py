"""Real QGIS Desktop under Xvfb: the plugin loads from a clean profile, shows its menu, toolbar and zone
editor, survives a planner's editing session, unloads and reloads without a traceback, in English and Chinese.

Screenshots of the main window and of the dock are saved in the test's tmp dir (copies for the README are
in resources/docs/)."""

import importlib.util
import json
import os
import shutil
import subprocess

import pytest

from conftest import REPO

pytestmark = [pytest.mark.desktop, pytest.mark.slow]
SCRIPT = os.path.join(REPO, 'tests', 'desktop_scripts', 'plugin_session.py')
DOCK_TITLE = 'Reserve Planner: zone editor'
DOCK_CONTEXT = 'ZoneEditorDock'
"""The translation context of the dock title: the <class> of ui/zone_editor_dock.ui, which uic passes to translate()."""


def zh_cn_translation(context, text):
    """The zh_CN translation of ``text`` in ``context`` as the .ts files under resources/i18n/zh_CN hold it."""
    spec = importlib.util.spec_from_file_location('i18n_tool', os.path.join(REPO, 'resources', 'i18n', 'i18n_tool.py'))
    i18n_tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(i18n_tool)
    return i18n_tool.read_translations()[(context, text)]


def run_qgis_desktop(tmp_path, locale):
    """Start QGIS with a fresh profile in which only Reserve Planner is enabled; return result.json."""
    if not (shutil.which('qgis') and shutil.which('xvfb-run')):
        pytest.fail('QGIS Desktop and xvfb-run are required (make deps installs them)')
    plugins = tmp_path / 'plugins'
    plugins.mkdir()
    os.symlink(REPO, plugins / 'reserve_planner')
    settings = tmp_path / 'profiles' / 'profiles' / 'default' / 'QGIS'
    settings.mkdir(parents=True)
    (settings / 'QGIS3.ini').write_text(
        '[PythonPlugins]\nreserve_planner=true\nprocessing=true\n\n'
        '[locale]\noverrideFlag=true\nuserLocale={}\nglobalLocale={}\n\n'
        '[qgis]\ncheckVersion=false\nshowTips=false\n'.format(locale, locale), encoding='utf-8')
    out = tmp_path / 'out'
    out.mkdir()
    environment = dict(os.environ, QGIS_PLUGINPATH=str(plugins), RP_OUT=str(out), RP_REPO=REPO)
    environment.pop('QT_QPA_PLATFORM', None)
    command = ['xvfb-run', '-a', '-s', '-screen 0 1400x900x24', 'qgis', '--nologo', '--noversioncheck',
               '--profiles-path', str(tmp_path / 'profiles'), '--code', SCRIPT]
    completed = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=240)
    result_file = out / 'result.json'
    assert result_file.exists(), 'QGIS ended without a result ({}):\n{}'.format(
        completed.returncode, completed.stderr[-3000:])
    return json.loads(result_file.read_text(encoding='utf-8')), out


def check_session(result, out, menu_title, zone_editor_text, zones_label):
    assert result['errors'] == [], '\n'.join(result['errors'])
    loaded = result['loaded']
    assert loaded['active'] and loaded['menu'] == menu_title and loaded['menus'] == loaded['toolbars'] == 1
    assert zone_editor_text in loaded['menu_actions'] and loaded['toolbar_actions'] >= 5
    assert result['dock_visible']
    assert result['area_rows'] >= 3 and result['corridors'] == 1
    assert result['unload'] and result['after_unload']['menu'] is None
    assert result['after_unload']['toolbars'] == 0 and not result['provider_after_unload']
    assert result['reload'] and result['after_reload'] == loaded
    assert result['algorithms'] >= 12 and result['algorithms_after_reload'] == result['algorithms']
    assert result['workflow_outputs']['generatezones:Zones'] == zones_label and len(result['workflow_outputs']) == 3
    assert result['workflow_outputs_after_reload'] == result['workflow_outputs']
    for name in ('main_window.png', 'dock.png', 'dock_corridors.png'):
        assert (out / name).stat().st_size > 10000, name


def test_plugin_in_qgis_desktop_english(tmp_path):
    result, out = run_qgis_desktop(tmp_path, 'en_US')
    check_session(result, out, 'Reserve Planner', 'Zone editor', 'Zones')
    assert result['dock_title'] == DOCK_TITLE


def test_plugin_in_qgis_desktop_chinese(tmp_path):
    result, out = run_qgis_desktop(tmp_path, 'zh_CN')
    check_session(result, out, '保护地规划', '功能区编辑器', '功能区')
    assert result['dock_title'] == zh_cn_translation(DOCK_CONTEXT, DOCK_TITLE)
