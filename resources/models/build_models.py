"""Write the Graphical Modeler models shipped in resources/models/ (run once after changing them).

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 -P resources/models/build_models.py

zone_reserve.model3 chains generatezones -> validatezones -> zonestatistics: a planner's whole zoning step.
security_pattern.model3 chains mspa -> patchimportance -> the sources above a dPC and an area threshold ->
resistancesurface -> corridornetwork -> pinchpoints and barriers -> gravitymodel: the ecological-security-pattern
workflow. The provider lists both as algorithms of the group Workflows (processing/workflows.py).
"""

import os
import sys
import tempfile

from qgis.core import (
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QPointF

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def plugin_compat():
    """The plugin's processing.compat, imported through a ``reserve_planner`` symlink as QGIS imports the plugin."""
    parent = tempfile.mkdtemp(prefix='build_models_')
    os.symlink(REPO, os.path.join(parent, 'reserve_planner'))
    sys.path.insert(0, parent)
    from reserve_planner.processing import compat
    return compat


def model_input(model, definition, x):
    parameter = QgsProcessingModelParameter(definition.name())
    parameter.setPosition(QPointF(x, 60))
    model.addModelParameter(definition, parameter)


def child(model, child_id, algorithm_id, sources, outputs, x, y=240):
    """Add step ``child_id`` running ``algorithm_id`` with parameter ``sources``; ``outputs`` maps the step's output
    names to the model output descriptions (the model output is then named child_id:description)."""
    step = QgsProcessingModelChildAlgorithm(algorithm_id)
    step.setChildId(child_id)
    step.setDescription(child_id)
    step.setPosition(QPointF(x, y))
    for name, source in sources.items():
        step.addParameterSources(name, source if isinstance(source, list) else [source])
    model_outputs = {}
    for name, description in outputs.items():
        output = QgsProcessingModelOutput(description)
        output.setChildId(child_id)
        output.setChildOutputName(name)
        model_outputs[description] = output
    step.setModelOutputs(model_outputs)
    model.addChildAlgorithm(step)


def zone_reserve_model(compat):
    model = QgsProcessingModelAlgorithm('Zone a biosphere reserve', 'Reserve Planner', 'zonereserve')
    model.setHelpContent({'ALG_DESC': 'Generates core, buffer and transition zones around the cores, checks them '
                                      'under the MAB generic profile and reports areas per zone.'})
    polygons = [compat.ProcessingSourceType.VectorPolygon]
    model_input(model, QgsProcessingParameterFeatureSource('cores', 'Core areas', polygons), 60)
    model_input(model, QgsProcessingParameterFeatureSource('boundary', 'Reserve boundary', polygons,
                                                           optional=True), 260)
    model_input(model, QgsProcessingParameterNumber('buffer_width', 'Buffer width (m)',
                                                    compat.ProcessingNumberParameterType.Double, 1000, minValue=0), 460)
    model_input(model, QgsProcessingParameterNumber('transition_width', 'Transition width (m)',
                                                    compat.ProcessingNumberParameterType.Double, 2000, minValue=0), 660)
    parameter = QgsProcessingModelChildParameterSource.fromModelParameter
    child(model, 'generatezones', 'reserveplanner:generatezones', {
        'CORES': parameter('cores'), 'BOUNDARY': parameter('boundary'),
        'BUFFER_WIDTH': parameter('buffer_width'), 'TRANSITION_WIDTH': parameter('transition_width'),
    }, {'OUTPUT': 'Zones'}, 160)
    zones = QgsProcessingModelChildParameterSource.fromChildOutput('generatezones', 'OUTPUT')
    child(model, 'validatezones', 'reserveplanner:validatezones', {
        'ZONES': zones, 'ZONE_FIELD': QgsProcessingModelChildParameterSource.fromStaticValue('zone'),
        'BOUNDARY': parameter('boundary'), 'PROFILE': QgsProcessingModelChildParameterSource.fromStaticValue(0),
    }, {'OUTPUT': 'Zoning problems'}, 420)
    child(model, 'zonestatistics', 'reserveplanner:zonestatistics', {
        'ZONES': zones, 'ZONE_FIELD': QgsProcessingModelChildParameterSource.fromStaticValue('zone'),
    }, {'OUTPUT': 'Zone statistics'}, 680)
    return model


DEMO_LANDCOVER_RESISTANCE = [1, 1, 1, 1, 1, 2, 2, 3, 1, 3, 3, 5, 1, 4, 4, 30, 1, 5, 5, 200, 1, 6, 6, 500]
"""Resistance of the demo's land-cover classes (factor, min, max, score rows), the model's default table."""


def security_pattern_model(compat):
    model = QgsProcessingModelAlgorithm('Ecological security pattern', 'Reserve Planner', 'securitypattern')
    model.setHelpContent({'ALG_DESC': 'Land cover -> MSPA cores -> patch importance (dPC) -> ecological sources '
                                      '(dPC and area thresholds) -> resistance surface -> corridor network -> pinch '
                                      'points and barriers -> gravity model between the sources.'})
    number = compat.ProcessingNumberParameterType.Double
    model_input(model, QgsProcessingParameterRasterLayer('landcover', 'Land cover'), 60)
    model_input(model, QgsProcessingParameterString('habitat', 'Habitat classes (MSPA foreground)', '1'), 220)
    model_input(model, QgsProcessingParameterNumber('dispersal', 'Dispersal distance (m)', number, 5000,
                                                    minValue=1), 380)
    model_input(model, QgsProcessingParameterNumber('min_dpc', 'Smallest dPC of a source (%)', number, 0.1,
                                                    minValue=0), 540)
    model_input(model, QgsProcessingParameterNumber('min_area', 'Smallest area of a source (ha)', number, 100,
                                                    minValue=0), 700)
    # a text input, not a matrix one: QGIS 3.22 ignores the default of a matrix model input that is left out
    model_input(model, QgsProcessingParameterString(
        'resistance_table', 'Resistance of each land-cover class: factor, min, max, score, ... (1 = the land cover)',
        ','.join(str(value) for value in DEMO_LANDCOVER_RESISTANCE)), 860)
    parameter = QgsProcessingModelChildParameterSource.fromModelParameter
    output = QgsProcessingModelChildParameterSource.fromChildOutput
    static = QgsProcessingModelChildParameterSource.fromStaticValue
    child(model, 'mspa', 'reserveplanner:mspa', {
        'INPUT': parameter('landcover'), 'FOREGROUND': parameter('habitat'), 'EDGE_WIDTH': static(1),
    }, {'OUTPUT': 'MSPA', 'OUTPUT_CORES': 'MSPA cores'}, 60)
    child(model, 'patchimportance', 'reserveplanner:patchimportance', {
        'PATCHES': output('mspa', 'OUTPUT_CORES'), 'THRESHOLD': parameter('dispersal'),
        'DISTANCE': parameter('dispersal'),
    }, {'OUTPUT': 'Patch importance'}, 220)
    child(model, 'sources', 'native:extractbyexpression', {
        'INPUT': output('patchimportance', 'OUTPUT'),
        'EXPRESSION': static('"dPC" >= @min_dpc AND "area_ha" >= @min_area'),
    }, {'OUTPUT': 'Ecological sources'}, 380)
    child(model, 'resistancesurface', 'reserveplanner:resistancesurface', {
        'FACTORS': [parameter('landcover')], 'RECLASS': parameter('resistance_table'),
    }, {'OUTPUT': 'Resistance'}, 540)
    sources = output('sources', 'OUTPUT')
    resistance = output('resistancesurface', 'OUTPUT')
    network = {'CORES': sources, 'CORE_ID_FIELD': static('patch_id'), 'RESISTANCE': resistance}
    child(model, 'corridornetwork', 'reserveplanner:corridornetwork', dict(network, MAX_NEIGHBORS=static(2)),
          {'OUTPUT_LINKS': 'Corridor links', 'OUTPUT_CORRIDORS': 'Corridors'}, 220, 420)
    links = output('corridornetwork', 'OUTPUT_LINKS')
    child(model, 'pinchpoints', 'reserveplanner:pinchpoints', dict(network, LINKS=links),
          {'OUTPUT_PINCHPOINTS': 'Pinch points', 'OUTPUT_LINKS': 'Links with effective resistance'}, 380, 420)
    child(model, 'barriers', 'reserveplanner:barriers', dict(network, LINKS=links), {'OUTPUT': 'Barriers'}, 540, 420)
    child(model, 'gravitymodel', 'reserveplanner:gravitymodel', {
        'SOURCES': sources, 'SOURCE_ID_FIELD': static('patch_id'), 'RESISTANCE': resistance, 'LINKS': links,
        'AREA_UNIT': static(1),
    }, {'OUTPUT_LINKS': 'Interaction between sources'}, 700, 420)
    return model


def main():
    application = QgsApplication([], False)
    application.setPrefixPath('/usr', True)
    application.initQgis()
    sys.path.append('/usr/share/qgis/python/plugins')
    compat = plugin_compat()
    for file_name, model in (('zone_reserve.model3', zone_reserve_model(compat)),
                             ('security_pattern.model3', security_pattern_model(compat))):
        path = os.path.join(HERE, file_name)
        if not model.toFile(path):
            raise SystemExit('could not write ' + path)
        print('wrote', path)
    os._exit(0)  # skip Qt teardown, which can crash a standalone script after writing


if __name__ == '__main__':
    main()
