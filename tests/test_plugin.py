"""The plugin as QGIS sees it: metadata, entry point, provider, translation."""

import configparser
import os

import pytest

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication

import conftest
from conftest import REPO

REQUIRED_METADATA = ('name', 'qgisMinimumVersion', 'description', 'about', 'version', 'author', 'email',
                     'repository', 'tracker', 'tags', 'icon', 'hasProcessingProvider', 'changelog')


def read_metadata():
    parser = configparser.ConfigParser()
    parser.read(os.path.join(REPO, 'metadata.txt'), encoding='utf-8')
    return parser['general']


def test_metadata_is_complete_and_declares_the_provider():
    metadata = read_metadata()
    for key in REQUIRED_METADATA:
        assert metadata.get(key, '').strip(), 'metadata.txt lacks ' + key
    assert metadata['qgisMinimumVersion'] == '3.22'
    assert metadata['qgisMaximumVersion'] == '4.99', 'QGIS 4 hides plugins whose maximum version is below 4'
    assert metadata.getboolean('supportsQt6'), 'QGIS 4 (Qt6) hides plugins that do not declare supportsQt6'
    assert metadata['hasProcessingProvider'] == 'yes'
    assert os.path.exists(os.path.join(REPO, metadata['icon']))


def test_class_factory_without_iface_registers_and_removes_the_provider(qgis_app):
    import reserve_planner
    from reserve_planner.processing.provider import ReservePlannerProvider

    registry = QgsApplication.processingRegistry()
    registry.removeProvider('reserveplanner')
    try:
        plugin = reserve_planner.classFactory(None)
        plugin.initProcessing()
        assert registry.providerById('reserveplanner') is not None
        plugin.unload()
        assert registry.providerById('reserveplanner') is None
    finally:
        conftest.PROVIDER = ReservePlannerProvider()  # PyQGIS needs the Python object kept alive
        registry.addProvider(conftest.PROVIDER)


def test_provider_lists_algorithms_in_the_declared_groups(qgis_app):
    from reserve_planner.processing.algorithms.base import group_names

    provider = QgsApplication.processingRegistry().providerById('reserveplanner')
    assert provider is not None and provider.name() == 'Reserve Planner'
    assert provider.algorithms(), 'the provider has no algorithms'
    for algorithm in provider.algorithms():
        assert algorithm.groupId() in group_names()
        assert algorithm.shortHelpString().strip(), algorithm.id() + ' has no help'
        assert os.path.exists(algorithm.svgIconPath()), algorithm.id() + ' has no icon'


def test_every_algorithm_has_an_icon_of_its_own_that_renders(qgis_app):
    from qgis.PyQt.QtSvg import QSvgRenderer

    from reserve_planner.processing.workflows import ICON as WORKFLOW_ICON

    provider = QgsApplication.processingRegistry().providerById('reserveplanner')
    algorithms = [algorithm for algorithm in provider.algorithms() if algorithm.svgIconPath() != WORKFLOW_ICON]
    owners = {}
    for algorithm in algorithms:
        owners.setdefault(algorithm.svgIconPath(), []).append(algorithm.id())
        assert QSvgRenderer(algorithm.svgIconPath()).isValid(), algorithm.id()
        assert not algorithm.icon().isNull(), algorithm.id()
    assert {path: ids for path, ids in owners.items() if len(ids) > 1} == {}


def test_chinese_translation_switches_algorithm_groups(qgis_app):
    from reserve_planner.plugin.i18n import install_translator, remove_translator

    translator = install_translator('zh_CN')
    try:
        assert translator is not None, 'reserve_planner_zh_CN.qm is missing: run make translations'
        assert QCoreApplication.translate('ReservePlannerAlgorithm', 'Zoning') == '功能区划'
    finally:
        remove_translator(translator)
    assert QCoreApplication.translate('ReservePlannerAlgorithm', 'Zoning') == 'Zoning'


def test_every_user_visible_string_has_a_chinese_translation():
    import importlib.util

    spec = importlib.util.spec_from_file_location('i18n_tool', os.path.join(REPO, 'resources', 'i18n', 'i18n_tool.py'))
    i18n_tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(i18n_tool)
    untranslated = i18n_tool.missing()
    assert not untranslated, 'untranslated strings (run i18n_tool.py update, then translate): {}'.format(
        untranslated[:20])
    assert not i18n_tool.conflicts(), 'one string translated two ways: {}'.format(i18n_tool.conflicts())


@pytest.mark.slow
def test_qgis_process_lists_the_provider_with_help(qgis_process):
    listing = qgis_process.batch.call('list')
    assert listing.returncode == 0, listing.stderr
    assert 'Reserve Planner' in listing.stdout
    for algorithm in QgsApplication.processingRegistry().providerById('reserveplanner').algorithms():
        assert algorithm.id() in listing.stdout
        help_text = qgis_process.batch.call('help', algorithm.id())
        assert help_text.returncode == 0 and algorithm.shortHelpString()[:40] in help_text.stdout


PUBLIC_API = {
    'generatezones': ('CORES', 'BOUNDARY', 'BUFFER_WIDTH', 'TRANSITION_WIDTH', 'RESISTANCE', 'OUTPUT'),
    'validatezones': ('ZONES', 'ZONE_FIELD', 'BOUNDARY', 'PROFILE', 'OUTPUT', 'ERROR_COUNT', 'WARNING_COUNT'),
    'zonestatistics': ('ZONES', 'LANDCOVER', 'OUTPUT'),
    'costdistance': ('RESISTANCE', 'SOURCES', 'OUTPUT'),
    'corridornetwork': ('CORES', 'CORE_ID_FIELD', 'RESISTANCE', 'OUTPUT_LINKS', 'OUTPUT_CORRIDORS'),
    'protectedcoverage': ('PROTECTED', 'REGIONS', 'REGION_FIELD', 'TARGET', 'OUTPUT'),
    'protconn': ('PROTECTED', 'REGIONS', 'REGION_FIELD', 'DISTANCE', 'PROBABILITY', 'TRANSBOUNDARY_DISTANCE', 'OUTPUT'),
    'scoreoecm': ('CANDIDATES', 'PROTECTED', 'CRITERIA', 'WEIGHTS', 'OUTPUT'),
}


def test_public_algorithm_ids_and_parameter_names_match_the_design(qgis_app):
    """Batch users and models depend on these names (DESIGN.md, algorithm contract)."""
    registry = QgsApplication.processingRegistry()
    for algorithm_id, names in PUBLIC_API.items():
        algorithm = registry.algorithmById('reserveplanner:' + algorithm_id)
        assert algorithm is not None, algorithm_id + ' is missing'
        declared = {definition.name() for definition in algorithm.parameterDefinitions()}
        declared |= {definition.name() for definition in algorithm.outputDefinitions()}
        assert set(names) <= declared, (algorithm_id, set(names) - declared)


def test_every_algorithm_follows_the_naming_conventions(qgis_app):
    for algorithm in QgsApplication.processingRegistry().providerById('reserveplanner').algorithms():
        if algorithm.groupId() == 'workflows':
            continue  # Modeler models: QGIS names their outputs child:Name (tests/test_workflows.py)
        fresh = algorithm.createInstance()
        assert fresh is not algorithm and type(fresh) is type(algorithm)
        for definition in algorithm.parameterDefinitions():
            assert definition.name() == definition.name().upper(), (algorithm.id(), definition.name())
            assert definition.description().strip(), (algorithm.id(), definition.name())
            if definition.isDestination():
                assert definition.name().startswith('OUTPUT'), (algorithm.id(), definition.name())


def test_html_reports_are_html_outputs_so_they_open_from_the_results_panel(qgis_app):
    from qgis.core import QgsProcessingOutputHtml

    provider = QgsApplication.processingRegistry().providerById('reserveplanner')
    reports = [algorithm for algorithm in provider.algorithms() if algorithm.outputDefinition('OUTPUT_HTML')]
    assert len(reports) >= 5
    for algorithm in reports:
        assert isinstance(algorithm.outputDefinition('OUTPUT_HTML'), QgsProcessingOutputHtml), algorithm.id()


SHORT_HELP_LIMIT = 900
"""Characters of a short help: a few sentences; each parameter's details belong to its own help (tooltip)."""


def help_problems(algorithm):
    """What the help of ``algorithm`` lacks: short help, short description, tags, help of each input parameter."""
    problems = []
    if not 0 < len(algorithm.shortHelpString().strip()) <= SHORT_HELP_LIMIT:
        problems.append('short help of {} characters'.format(len(algorithm.shortHelpString())))
    if not algorithm.shortDescription().strip():
        problems.append('no short description')
    if not [tag for tag in algorithm.tags() if tag.strip()]:
        problems.append('no tags')
    problems.extend('parameter {} has no help'.format(definition.name())
                    for definition in algorithm.parameterDefinitions()
                    if not definition.isDestination() and not definition.help().strip())
    return problems


def has_chinese(text):
    return any('\u4e00' <= character <= '\u9fff' for character in text)


def test_every_algorithm_has_short_help_a_description_tags_and_parameter_help(qgis_app):
    provider = QgsApplication.processingRegistry().providerById('reserveplanner')
    problems = {algorithm.id(): help_problems(algorithm.create()) for algorithm in provider.algorithms()}
    assert {algorithm_id: found for algorithm_id, found in problems.items() if found} == {}


def test_help_names_only_parameters_the_algorithm_has(qgis_app):
    """A parameter renamed without its help or its advanced flag would silently lose them."""
    provider = QgsApplication.processingRegistry().providerById('reserveplanner')
    for algorithm in provider.algorithms():
        algorithm = algorithm.create()
        names = {definition.name() for definition in algorithm.parameterDefinitions()}
        declared = set(getattr(algorithm, 'ADVANCED', ())) | set(getattr(algorithm, 'parameter_help', dict)())
        assert declared <= names, '{}: {}'.format(algorithm.id(), declared - names)


def test_algorithm_help_is_in_chinese_under_zh_cn(qgis_app):
    from reserve_planner.plugin.i18n import install_translator, remove_translator

    provider = QgsApplication.processingRegistry().providerById('reserveplanner')
    translator = install_translator('zh_CN')
    try:
        for algorithm in provider.algorithms():
            algorithm = algorithm.create()
            assert help_problems(algorithm) == [], algorithm.id()
            texts = [algorithm.shortHelpString(), algorithm.shortDescription(), ','.join(algorithm.tags())] + [
                definition.help() for definition in algorithm.parameterDefinitions() if not definition.isDestination()]
            assert [text for text in texts if not has_chinese(text)] == [], algorithm.id()
    finally:
        remove_translator(translator)


def test_advanced_parameters_are_flagged_and_never_needed_to_run(qgis_app):
    """A parameter under "Advanced parameters" must run at its default: the user need not open that section."""
    from reserve_planner.processing.compat import ProcessingParameterFlag

    provider = QgsApplication.processingRegistry().providerById('reserveplanner')
    for algorithm in provider.algorithms():
        algorithm = algorithm.create()
        for name in getattr(algorithm, 'ADVANCED', ()):
            definition = algorithm.parameterDefinition(name)
            assert definition.flags() & ProcessingParameterFlag.Advanced, '{} {}'.format(algorithm.id(), name)
            optional = definition.flags() & ProcessingParameterFlag.Optional
            assert optional or definition.defaultValue() is not None, '{} {}'.format(algorithm.id(), name)


def test_help_sentences_are_spaced_as_each_language_writes():
    from reserve_planner.processing.algorithms.base import sentences

    assert sentences(['Counts the zones.', ' Writes a table. ']) == 'Counts the zones. Writes a table.'
    assert sentences(['统计各功能区。', '输出一张表。']) == '统计各功能区。输出一张表。'
