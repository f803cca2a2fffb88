"""The shipped Graphical Modeler models are listed as algorithms of the group Workflows and run from their id,
in Python, in batch and from qgis_process."""

import json
import os

import processing
import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from conftest import REPO

DEMO = os.path.join(REPO, 'resources', 'demo', 'demo.gpkg')


def zone_reserve_parameters(folder):
    return {
        'cores': DEMO + '|layername=cores', 'boundary': DEMO + '|layername=reserve_boundary',
        'buffer_width': 1000, 'transition_width': 2000,
        'generatezones:Zones': os.path.join(folder, 'zones.gpkg'),
        'validatezones:Zoning problems': os.path.join(folder, 'problems.gpkg'),
        'zonestatistics:Zone statistics': os.path.join(folder, 'statistics.gpkg'),
    }


def test_every_shipped_model_is_a_workflow_algorithm_with_a_stable_id_and_help(qgis_app):
    from reserve_planner.processing import workflows

    provider = QgsApplication.processingRegistry().providerById('reserveplanner')
    listed = {algorithm.id(): algorithm for algorithm in provider.algorithms() if algorithm.groupId() == 'workflows'}
    shipped = {name for name in os.listdir(workflows.MODEL_DIR) if name.endswith('.model3')}
    described = {workflow.file for workflow in workflows.workflow_texts()}
    assert shipped == described, 'every model in resources/models needs an id, a name and help'
    assert set(listed) == {'reserveplanner:' + workflow.id for workflow in workflows.workflow_texts()}
    for algorithm in listed.values():
        assert algorithm.group() == 'Workflows' and algorithm.shortHelpString().strip()
        assert algorithm.createInstance().name() == algorithm.name() and os.path.exists(algorithm.svgIconPath())


def test_workflow_names_are_translated(qgis_app):
    from reserve_planner.plugin.i18n import install_translator, remove_translator
    from reserve_planner.processing import workflows

    translator = install_translator('zh_CN')
    try:
        assert QCoreApplication.translate('ReservePlannerWorkflows', 'Workflows') == '工作流程'
        titles = [workflow.title for workflow in workflows.workflow_texts()]
        assert '生物圈保护区功能区划' in titles
    finally:
        remove_translator(translator)


def model_labels(path):
    """{name: English label} of every input and output of a .model3 file as written: an input's description; an
    output, named ``step:output name``, is labelled by its output name (the model leaves its description empty)."""
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(path), path
    labels = {definition.name(): definition.description() for definition in model.parameterDefinitions()
              if not definition.isDestination()}
    labels.update({output.name(): output.name().split(':', 1)[1] for output in model.outputDefinitions()})
    return labels


def untranslated_labels(algorithm):
    """The names of the inputs and outputs of a loaded workflow whose label is empty or the model's English one.
    An output is checked in both forms the Toolbox shows: its destination parameter and its output definition."""
    english = model_labels(algorithm.path)
    definitions = algorithm.parameterDefinitions() + algorithm.outputDefinitions()
    assert {definition.name() for definition in definitions} == set(english), 'an input or output did not load'
    return sorted({definition.name() for definition in definitions
                   if not definition.description() or definition.description() == english[definition.name()]})


def shipped_workflows_in_chinese():
    """Each shipped workflow as the Toolbox, processing.run and qgis_process get it (a fresh instance of the
    provider's algorithm), loaded under zh_CN."""
    from reserve_planner.plugin.i18n import install_translator, remove_translator

    provider = QgsApplication.processingRegistry().providerById('reserveplanner')
    translator = install_translator('zh_CN')
    assert translator is not None, 'reserve_planner_zh_CN.qm is missing: run make translations'
    try:
        return [algorithm.create() for algorithm in provider.algorithms() if algorithm.groupId() == 'workflows']
    finally:
        remove_translator(translator)


def model_outputs(path):
    """The names of the outputs a .model3 file declares, ``step:output name``, read from its steps' outputs so that
    they do not depend on the steps' algorithms being found."""
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(path), path
    return sorted('{}:{}'.format(step_id, name) for step_id, step in model.childAlgorithms().items()
                  for name in step.modelOutputs())


def declared_outputs():
    """{workflow id: {output name: English label}} of every shipped model's declared outputs."""
    from reserve_planner.processing import workflows

    return {workflow.id: {name: workflow.labels[name]
                          for name in model_outputs(os.path.join(workflows.MODEL_DIR, workflow.file))}
            for workflow in workflows.workflow_texts()}


def test_the_provider_s_own_workflows_list_the_outputs_of_their_models(qgis_app):
    """qgis_process help and the Toolbox read the provider's own instance of a workflow, not a fresh one: its
    outputs are those of its steps, our algorithms, found only once the registry lists the provider."""
    provider = QgsApplication.processingRegistry().providerById('reserveplanner')
    registered = {algorithm.name(): algorithm for algorithm in provider.algorithms()
                  if algorithm.groupId() == 'workflows'}
    expected = declared_outputs()
    assert set(registered) == set(expected) and all(expected.values())
    for workflow_id, algorithm in registered.items():
        outputs = {output.name(): output.description() for output in algorithm.outputDefinitions()}
        destinations = {definition.name(): definition.description()
                        for definition in algorithm.destinationParameterDefinitions()}
        assert outputs == destinations == expected[workflow_id], workflow_id


@pytest.mark.external
def test_qgis_process_help_lists_each_workflow_s_outputs_in_chinese(qgis_app, tmp_path):
    """``qgis_process --json help`` of each workflow, in a QGIS profile set to zh_CN, as a batch user reads it."""
    from reserve_planner.plugin.i18n import install_translator, remove_translator
    from reserve_planner.resources.demo.batch import QgisProcess

    batch = QgisProcess(str(tmp_path))
    settings = [os.path.join(folder, 'QGIS3.ini') for folder, _dirs, files in os.walk(str(tmp_path))
                if 'QGIS3.ini' in files]
    assert len(settings) == 1, settings
    with open(settings[0], 'a', encoding='utf-8') as ini:
        ini.write('\n[locale]\noverrideFlag=true\nuserLocale=zh_CN\nglobalLocale=zh_CN\n')
    translator = install_translator('zh_CN')
    assert translator is not None, 'reserve_planner_zh_CN.qm is missing: run make translations'
    try:
        expected = declared_outputs()
    finally:
        remove_translator(translator)
    assert expected['zonereserve']['generatezones:Zones'] == '功能区'
    for workflow_id, outputs in expected.items():
        completed = batch.call('--json', 'help', 'reserveplanner:' + workflow_id)
        assert completed.returncode == 0, completed.stderr
        listed = json.loads(completed.stdout)
        destinations = {name: parameter['description'] for name, parameter in listed['parameters'].items()
                        if parameter['is_destination']}
        assert {name: output['description'] for name, output in listed['outputs'].items()} == outputs, workflow_id
        assert destinations == outputs, workflow_id


def test_workflow_labels_are_declared_in_english_as_the_models_have_them(qgis_app):
    from reserve_planner.processing import workflows

    for workflow in workflows.workflow_texts():
        assert workflow.labels == model_labels(os.path.join(workflows.MODEL_DIR, workflow.file)), workflow.file


def test_every_workflow_input_and_output_label_is_translated(qgis_app):
    algorithms = shipped_workflows_in_chinese()
    assert len(algorithms) == 3
    for algorithm in algorithms:
        assert untranslated_labels(algorithm) == [], algorithm.id()
    zone_reserve = next(algorithm for algorithm in algorithms if algorithm.name() == 'zonereserve')
    labels = {definition.name(): definition.description() for definition in zone_reserve.outputDefinitions()}
    assert labels['generatezones:Zones'] == '功能区'


def test_a_label_missing_from_the_declarations_is_left_in_english_and_caught(qgis_app, monkeypatch):
    from reserve_planner.processing import workflows

    declared = workflows.workflow_texts

    def without_mspa_label():
        return [workflow._replace(labels={name: label for name, label in workflow.labels.items()
                                          if name != 'mspa:MSPA'}) for workflow in declared()]

    monkeypatch.setattr(workflows, 'workflow_texts', without_mspa_label)
    security_pattern = next(algorithm for algorithm in shipped_workflows_in_chinese()
                            if algorithm.name() == 'securitypattern')
    assert untranslated_labels(security_pattern) == ['mspa:MSPA']


def test_zone_reserve_workflow_runs_by_its_id(qgis_app, tmp_path):
    results = processing.run('reserveplanner:zonereserve', zone_reserve_parameters(str(tmp_path)),
                             context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    zones = QgsVectorLayer(results['generatezones:Zones'], 'zones')
    assert sorted(feature['zone'] for feature in zones.getFeatures()) == ['buffer', 'core', 'transition']


@pytest.mark.external
def test_zone_reserve_workflow_from_qgis_process(qgis_process, tmp_path):
    folder = tmp_path / '流程'
    folder.mkdir()
    code, result, output = qgis_process('zonereserve', **zone_reserve_parameters(str(folder)))
    assert code == 0, output
    assert QgsVectorLayer(str(folder / 'statistics.gpkg'), 'statistics').featureCount() == 3


def security_pattern_outputs(folder):
    names = {'mspa:MSPA': 'mspa.tif', 'mspa:MSPA cores': 'cores.gpkg', 'patchimportance:Patch importance': 'dpc.gpkg',
             'sources:Ecological sources': 'sources.gpkg', 'resistancesurface:Resistance': 'resistance.tif',
             'corridornetwork:Corridor links': 'links.gpkg', 'corridornetwork:Corridors': 'corridors.tif',
             'pinchpoints:Pinch points': 'pinchpoints.tif',
             'pinchpoints:Links with effective resistance': 'effective.gpkg', 'barriers:Barriers': 'barriers.tif',
             'gravitymodel:Interaction between sources': 'gravity.gpkg'}
    return {output: os.path.join(folder, name) for output, name in names.items()}


@pytest.mark.slow
def test_security_pattern_workflow_chains_every_step_on_the_demo_land_cover(qgis_app, tmp_path):
    parameters = dict(security_pattern_outputs(str(tmp_path)), landcover=os.path.join(REPO, 'resources', 'demo',
                                                                                       'landcover.tif'))
    results = processing.run('reserveplanner:securitypattern', parameters, context=QgsProcessingContext(),
                             feedback=QgsProcessingFeedback())
    patches = list(QgsVectorLayer(results['patchimportance:Patch importance']).getFeatures())
    chosen = sorted(feature['patch_id'] for feature in patches if feature['dPC'] >= 0.1 and feature['area_ha'] >= 100)
    sources = sorted(feature['patch_id'] for feature in QgsVectorLayer(results['sources:Ecological sources'])
                     .getFeatures())
    assert len(chosen) >= 3 and sources == chosen, 'sources are the patches above the dPC and area thresholds'
    links = QgsVectorLayer(results['corridornetwork:Corridor links'])
    gravity = QgsVectorLayer(results['gravitymodel:Interaction between sources'])
    assert links.featureCount() >= 2 and gravity.featureCount() == links.featureCount()
    assert all(feature['g_ab'] > 0 for feature in gravity.getFeatures())
    effective = QgsVectorLayer(results['pinchpoints:Links with effective resistance'])
    assert all(feature['eff_resistance'] > 0 for feature in effective.getFeatures())
    for raster in ('pinchpoints:Pinch points', 'barriers:Barriers', 'resistancesurface:Resistance'):
        assert os.path.getsize(results[raster]) > 1000, raster


def test_a_workflow_runs_row_by_row_in_batch_mode(qgis_app, tmp_path):
    algorithm = QgsApplication.processingRegistry().algorithmById('reserveplanner:zonereserve')
    outcomes = []
    for row, width in enumerate((500, 2000)):
        folder = tmp_path / 'row{}'.format(row)
        folder.mkdir()
        parameters = dict(zone_reserve_parameters(str(folder)), buffer_width=width)
        outcomes.append(algorithm.run(parameters, QgsProcessingContext(), QgsProcessingFeedback())[1])
    assert outcomes == [True, True]
    buffers = [sum(feature['area_ha'] for feature in QgsVectorLayer(str(tmp_path / 'row{}'.format(row) / 'zones.gpkg'))
                   .getFeatures() if feature['zone'] == 'buffer') for row in (0, 1)]
    assert buffers[1] > 2 * buffers[0]


def test_a_user_model_nesting_a_workflow_lists_its_output_after_the_plugin_is_reloaded(qgis_app, tmp_path):
    """The Toolbox's copy of a user's model resolves its steps when the model provider loads it, which QGIS does as
    soon as a provider is added, before that provider has loaded its workflows."""
    import conftest
    from processing.core.ProcessingConfig import ProcessingConfig
    from processing.modeler.ModelerUtils import ModelerUtils
    from qgis.core import QgsProcessingModelChildAlgorithm, QgsProcessingModelOutput
    from reserve_planner.processing.provider import ReservePlannerProvider

    registry = QgsApplication.processingRegistry()
    workflow = next(algorithm for algorithm in registry.providerById('reserveplanner').algorithms()
                    if algorithm.groupId() == 'workflows')
    model = QgsProcessingModelAlgorithm('nests a workflow', 'mine')
    step = QgsProcessingModelChildAlgorithm(workflow.id())
    step.generateChildId(model)
    output = QgsProcessingModelOutput('result')
    output.setChildId(step.childId())
    output.setChildOutputName(workflow.outputDefinitions()[0].name())
    step.setModelOutputs({'result': output})
    model.addChildAlgorithm(step)
    assert model.toFile(str(tmp_path / 'nests.model3'))
    folders = ProcessingConfig.getSetting(ModelerUtils.MODELS_FOLDER)
    ProcessingConfig.setSettingValue(ModelerUtils.MODELS_FOLDER, str(tmp_path))
    try:
        registry.removeProvider('reserveplanner')
        conftest.PROVIDER = ReservePlannerProvider()  # PyQGIS needs the Python object kept alive
        registry.addProvider(conftest.PROVIDER)
        nesting = registry.algorithmById('model:nests a workflow')
        assert [definition.name() for definition in nesting.outputDefinitions()] == [step.childId() + ':result']
    finally:
        ProcessingConfig.setSettingValue(ModelerUtils.MODELS_FOLDER, folders)
        registry.providerById('model').refreshAlgorithms()
