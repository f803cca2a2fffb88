"""The base class of every Reserve Planner algorithm: naming, groups, icons, translation, help."""

import os

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsProviderRegistry,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

ICON_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), 'resources', 'icons')
HELP_URL = 'https://github.com/reserve-planner/reserve_planner#algorithms'

LAYER_INPUTS = {parameter.typeName() for parameter in (
    QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer, QgsProcessingParameterRasterLayer,
    QgsProcessingParameterMapLayer)}
LAYER_OUTPUTS = {parameter.typeName() for parameter in (
    QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination,
    QgsProcessingParameterRasterDestination)}


def tr(text):
    return QCoreApplication.translate('ReservePlannerAlgorithm', text)


def comparable_path(path):
    """``path`` made comparable with another path to the same file (symbolic links, case on Windows)."""
    return os.path.normcase(os.path.realpath(path))


def layer_location(layer):
    """(layer name, file) of ``layer``: the file without its |layername=... (a GeoPackage, a shapefile, a
    GeoTIFF) and the layer's name inside it; the file is None when the layer is not stored in a file (memory,
    database, web service)."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get('path')
    return parts.get('layerName') or layer.name(), path if path and os.path.isfile(path) else None


def input_files(algorithm, definition, parameters, context):
    """(layer name, file) of each layer or file given to the input parameter ``definition`` and stored in a file."""
    name = definition.name()
    if definition.type() == QgsProcessingParameterFile.typeName():
        path = algorithm.parameterAsFile(parameters, name, context)
        return [(os.path.basename(path), path)] if path and os.path.isfile(path) else []
    if definition.type() in LAYER_INPUTS:
        layers = [algorithm.parameterAsLayer(parameters, name, context)]
    elif definition.type() == QgsProcessingParameterMultipleLayers.typeName():
        layers = algorithm.parameterAsLayerList(parameters, name, context)
    else:
        return []
    locations = [layer_location(layer) for layer in layers if layer is not None]
    return [(layer_name, path) for layer_name, path in locations if path]


def output_file(algorithm, definition, parameters, context):
    """The file the destination parameter ``definition`` writes to, or None (memory layer, not a file output)."""
    if definition.type() == QgsProcessingParameterFileDestination.typeName():
        path = algorithm.parameterAsFileOutput(parameters, definition.name(), context)
    elif definition.type() in LAYER_OUTPUTS:
        path = algorithm.parameterAsOutputLayer(parameters, definition.name(), context)
    else:
        return None
    path = (path or '').split('|')[0]
    return path if path and not path.startswith('memory:') else None


def overwritten_input(algorithm, parameters, context):
    """A sentence naming the first output that would overwrite the file of an input layer, or None."""
    inputs = [(definition.description(), layer_name, path)
              for definition in algorithm.parameterDefinitions() if not definition.isDestination()
              for layer_name, path in input_files(algorithm, definition, parameters, context)]
    for definition in algorithm.destinationParameterDefinitions():
        output_path = output_file(algorithm, definition, parameters, context)
        for input_name, layer_name, input_path in inputs:
            if output_path and comparable_path(output_path) == comparable_path(input_path):
                return tr('The output "{output}" would be written to {path}, the file holding the input layer '
                          '"{layer}" ({input}), and would overwrite it: inputs are never modified. '
                          'Choose another file for "{output}".').format(
                    output=definition.description(), path=output_path, layer=layer_name, input=input_name)
    return None


def group_names():
    """Translated display names of the algorithm groups, by group id."""
    return {
        'zoning': QCoreApplication.translate('ReservePlannerAlgorithm', 'Zoning'),
        'corridors': QCoreApplication.translate('ReservePlannerAlgorithm', 'Corridors'),
        'coverage': QCoreApplication.translate('ReservePlannerAlgorithm', 'Coverage'),
        'oecm': QCoreApplication.translate('ReservePlannerAlgorithm', 'OECM'),
        'sources': QCoreApplication.translate('ReservePlannerAlgorithm', 'Ecological sources'),
        'planning': QCoreApplication.translate('ReservePlannerAlgorithm', 'Conservation planning'),
        'workflows': QCoreApplication.translate('ReservePlannerAlgorithm', 'Workflows'),
    }


class ReservePlannerAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ALGORITHM_ID, GROUP_ID and ICON and implement displayName, shortHelpString,
    initAlgorithm and processAlgorithm. ``tr`` uses the class name as translation context."""

    ALGORITHM_ID = None
    GROUP_ID = None
    ICON = 'reserve_planner.svg'

    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802 (QGIS API name)
        return type(self)()

    def name(self):
        return self.ALGORITHM_ID

    def groupId(self):  # noqa: N802 (QGIS API name)
        return self.GROUP_ID

    def group(self):
        return group_names()[self.GROUP_ID]

    def icon(self):
        return QIcon(self.svgIconPath())

    def svgIconPath(self):  # noqa: N802 (QGIS API name)
        return os.path.join(ICON_DIR, self.ICON)

    def helpUrl(self):  # noqa: N802 (QGIS API name)
        return HELP_URL

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        """QGIS's checks, then refuse an output that would overwrite the file of an input layer."""
        valid, message = super().checkParameterValues(parameters, context)
        if not valid:
            return valid, message
        overwritten = overwritten_input(self, parameters, context)
        return (False, overwritten) if overwritten else (True, '')
