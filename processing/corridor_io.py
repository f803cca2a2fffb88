"""Adapter helpers shared by the corridor algorithms (corridornetwork, barriers, pinchpoints, centrality): the core
layer, its ids and the resistance raster read once, engine errors and cancel as QgsProcessingException, rasters
written on the resistance layer's grid.

Algorithm modules import this module and never each other. ResistanceGrid and CostRasterStyle still live in the
costdistance algorithm module; they are imported here only, so a move of them touches this one line.
"""

from qgis.core import (
    NULL,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)
from qgis.PyQt.QtCore import QCoreApplication

from . import qgis_io
from .algorithms.costdistance import CostRasterStyle, ResistanceGrid
from .engine import raster
from .engine.costdistance import Canceled
from .engine.messages import EngineError

__all__ = ['CoreParameters', 'CostRasterStyle', 'ResistanceGrid', 'add_core_parameters', 'cancelled', 'core_inputs',
           'core_source', 'engine_errors', 'null_if_nan', 'read_cores', 'style_raster_on_load', 'write_on_grid']


class CoreParameters:
    """Names of the parameters the corridor algorithms share (public API: models and batch files use them)."""

    CORES = 'CORES'
    CORE_ID_FIELD = 'CORE_ID_FIELD'
    RESISTANCE = 'RESISTANCE'


def tr(text):
    return QCoreApplication.translate('ReservePlannerCorridorInputs', text)


def null_if_nan(value):
    """``value`` as a float for QGIS, NULL when it is NaN (a ratio with a zero distance)."""
    value = float(value)
    return NULL if value != value else value


def cancelled():
    return QgsProcessingException(tr('The run was cancelled; no output was written.'))


def engine_errors(function, *args, **kwargs):
    """Call an engine function, its errors and cancel turned into QgsProcessingException."""
    try:
        return function(*args, **kwargs)
    except EngineError as error:
        raise QgsProcessingException(qgis_io.engine_message(error)) from error
    except Canceled:
        raise cancelled() from None


def add_core_parameters(algorithm):
    """The parameters CORES (polygons) and CORE_ID_FIELD of ``algorithm``."""
    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        algorithm.CORES, tr('Core areas'), [QgsProcessing.TypeVectorPolygon]))
    algorithm.addParameter(QgsProcessingParameterField(
        algorithm.CORE_ID_FIELD, tr('Core id field'), parentLayerParameterName=algorithm.CORES))


def core_source(algorithm, parameters, context):
    """(core source, its label, its id field) of an algorithm with the parameters CORES and CORE_ID_FIELD; a layer
    that cannot be read or a missing field is refused naming it."""
    source = algorithm.parameterAsSource(parameters, algorithm.CORES, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, algorithm.CORES))
    label = qgis_io.layer_label(parameters[algorithm.CORES], context)
    id_field = qgis_io.resolve_field(
        source, algorithm.parameterAsString(parameters, algorithm.CORE_ID_FIELD, context), label)
    return source, label, id_field


def core_inputs(algorithm, parameters, context):
    """core_source's (source, label, id field) and the RESISTANCE raster layer, refused when it cannot be read."""
    source, label, id_field = core_source(algorithm, parameters, context)
    layer = algorithm.parameterAsRasterLayer(parameters, algorithm.RESISTANCE, context)
    if layer is None:
        raise QgsProcessingException(algorithm.invalidRasterError(parameters, algorithm.RESISTANCE))
    return source, label, id_field, layer


def read_cores(source, label, id_field, crs, context, feedback):
    """(the cores as qgis_io.read_polygons items in ``crs``, the id of each); cores without geometry or id are
    refused, a cancel raises."""
    cores = qgis_io.read_polygons(source, label, crs, context, feedback)
    if feedback.isCanceled():
        raise cancelled()
    qgis_io.require_geometries(cores, label)
    ids = [item.attributes.get(id_field) for item in cores]
    missing = [str(item.fid) for item, core_id in zip(cores, ids) if core_id is None or core_id == NULL]
    if missing:
        raise QgsProcessingException(
            tr('Layer "{layer}": feature id {features} has no value in the core id field "{field}". '
               'Give every core an id and run again.').format(
                layer=label, features=', '.join(missing[:10]), field=id_field))
    return cores, ids


def write_on_grid(path, resistance, grid):
    """Write ``grid`` (on the ResistanceGrid's work grid) as a GeoTIFF on the resistance layer's own grid; a write
    error names the file."""
    layer_grid = resistance.layer_grid
    engine_errors(raster.write_geotiff, path, resistance.to_layer_grid(grid), layer_grid.geotransform,
                  layer_grid.crs_wkt)


def style_raster_on_load(context, path, style_file):
    """Style the raster output ``path`` with ``style_file`` stretched to its maximum when it loads."""
    if context.willLoadLayerOnCompletion(path):
        context.layerToLoadOnCompletionDetails(path).setPostProcessor(CostRasterStyle.create(style_file))
