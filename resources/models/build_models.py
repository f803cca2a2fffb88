"""Write the Graphical Modeler models shipped in resources/models/ (run once after changing them).

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 -P resources/models/build_models.py

zone_reserve.model3 chains generatezones -> validatezones -> zonestatistics: a planner's whole zoning
step in one model, and the proof that the algorithms work inside the Modeler.
"""

import os
import sys

from qgis.core import (
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QPointF
from ...processing.compat import ProcessingNumberParameterType, ProcessingSourceType

HERE = os.path.dirname(os.path.abspath(__file__))


def model_input(model, definition, x):
    parameter = QgsProcessingModelParameter(definition.name())
    parameter.setPosition(QPointF(x, 60))
    model.addModelParameter(definition, parameter)


def child(model, child_id, algorithm_id, sources, outputs, x):
    step = QgsProcessingModelChildAlgorithm(algorithm_id)
    step.setChildId(child_id)
    step.setDescription(child_id)
    step.setPosition(QPointF(x, 240))
    for name, source in sources.items():
        step.addParameterSources(name, [source])
    for name, description in outputs.items():
        output = QgsProcessingModelOutput(description)
        output.setChildId(child_id)
        output.setChildOutputName(name)
        step.setModelOutputs({description: output})
    model.addChildAlgorithm(step)


def zone_reserve_model():
    model = QgsProcessingModelAlgorithm('Zone a biosphere reserve', 'Reserve Planner', 'zonereserve')
    model.setHelpContent({'ALG_DESC': 'Generates core, buffer and transition zones around the cores, checks them '
                                      'under the MAB generic profile and reports areas per zone.'})
    polygons = [ProcessingSourceType.VectorPolygon]
    model_input(model, QgsProcessingParameterFeatureSource('cores', 'Core areas', polygons), 60)
    model_input(model, QgsProcessingParameterFeatureSource('boundary', 'Reserve boundary', polygons,
                                                           optional=True), 260)
    model_input(model, QgsProcessingParameterNumber('buffer_width', 'Buffer width (m)',
                                                    ProcessingNumberParameterType.Double, 1000, minValue=0), 460)
    model_input(model, QgsProcessingParameterNumber('transition_width', 'Transition width (m)',
                                                    ProcessingNumberParameterType.Double, 2000, minValue=0), 660)
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


def main():
    application = QgsApplication([], False)
    application.setPrefixPath('/usr', True)
    application.initQgis()
    sys.path.append('/usr/share/qgis/python/plugins')
    model = zone_reserve_model()
    path = os.path.join(HERE, 'zone_reserve.model3')
    if not model.toFile(path):
        raise SystemExit('could not write ' + path)
    print('wrote', path)
    os._exit(0)  # skip Qt teardown, which can crash a standalone script after writing


if __name__ == '__main__':
    main()
