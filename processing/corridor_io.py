"""Adapter helpers shared by the corridor algorithms (corridornetwork, barriers, pinchpoints, centrality): the core
layer, its ids and the resistance raster read once (processing/resistance.py reads it), rasters written on the
resistance layer's grid. Algorithm modules import this module and never each other.
"""

import os

import numpy as np
from osgeo import gdal
from qgis.core import (
    NULL,
    QgsColorRampShader,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from . import qgis_io
from .compat import ProcessingSourceType
from .engine import corridors, patches, raster
from .engine.messages import EngineError

__all__ = ['CoreParameters', 'add_core_parameters', 'core_ids', 'core_inputs', 'core_source', 'link_ends',
           'null_if_nan', 'raster_style', 'read_cores', 'style_raster_on_load', 'write_on_grid']


class CoreParameters:
    """Names of the parameters the corridor algorithms share (public API: models and batch files use them)."""

    CORES = 'CORES'
    CORE_ID_FIELD = 'CORE_ID_FIELD'
    RESISTANCE = 'RESISTANCE'


tr = qgis_io.translator('ReservePlannerCorridorInputs')


def null_if_nan(value):
    """``value`` as a float for QGIS, NULL when it is NaN (a ratio with a zero distance)."""
    value = float(value)
    return NULL if value != value else value


def add_core_parameters(algorithm):
    """The parameters CORES (polygons) and CORE_ID_FIELD of ``algorithm``."""
    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        algorithm.CORES, tr('Core areas'), [ProcessingSourceType.VectorPolygon]))
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
        raise qgis_io.cancelled()
    qgis_io.require_geometries(cores, label)
    return cores, core_ids([(item.fid, item.attributes.get(id_field)) for item in cores], label, id_field)


def core_ids(values, label, id_field, noun='core'):
    """The core ids of ``values``, (feature id, value of the core id field) pairs of the layer ``label``; a core
    without an id, or with the id of another (by qgis_io.id_key: 1, 1.0 and '1' are one id, as links name them), is
    refused naming its features. ``noun`` 'source' words the messages for gravitymodel's ecological sources."""
    missing_message, repeated_message = _id_messages(noun)
    missing = [str(fid) for fid, core_id in values if core_id is None or core_id == NULL]
    if missing:
        raise QgsProcessingException(missing_message.format(
            layer=label, features=', '.join(missing[:10]), field=id_field))
    first_feature = {}
    for fid, core_id in values:
        earlier = first_feature.setdefault(qgis_io.id_key(core_id), fid)
        if earlier != fid:
            raise QgsProcessingException(repeated_message.format(
                layer=label, first=earlier, second=fid, core=qgis_io.attribute_value(core_id), field=id_field))
    return [core_id for _, core_id in values]


def _id_messages(noun):
    """core_ids' messages (no id, an id used twice) for cores or (``noun`` 'source') ecological sources."""
    if noun == 'source':
        return (tr('Layer "{layer}": feature id {features} has no value in the source id field "{field}". '
                   'Give every source an id and run again.'),
                tr('Layer "{layer}": features {first} and {second} both have the source id {core} in field '
                   '"{field}". Give each source its own id, or dissolve the two into one source, and run again.'))
    return (tr('Layer "{layer}": feature id {features} has no value in the core id field "{field}". '
               'Give every core an id and run again.'),
            tr('Layer "{layer}": features {first} and {second} both have the core id {core} in field "{field}". '
               'Give each core its own id, or dissolve the two into one core, and run again.'))


def require_disjoint_patches(features, label):
    """Refuse habitat patches or sources (qgis_io.read_polygons items of the layer ``label``) that overlap
    (engine.patches.first_overlap), naming the first two: the habitat they share would count twice."""
    overlap = patches.first_overlap([item.geometry for item in features])
    if overlap is not None:
        first, second, shared = overlap
        raise QgsProcessingException(
            tr('Layer "{layer}": features id {first} and {second} overlap by {area:.6g} ha, so the habitat they '
               'share would count twice. They must not overlap: dissolve or clip them (Vector > Geoprocessing '
               'Tools) and run again.').format(layer=label, first=features[first].fid,
                                               second=features[second].fid, area=shared / 1e4))


def link_ends(label, fields, rows, ids):
    """(first, second) indices in ``ids`` of the cores each link joins (engine.corridors.link_ends): ``rows`` are
    (feature id, first id, second id) of the links layer ``label`` (None for NULL) read from ``fields``, matched to
    ``ids`` by qgis_io.id_key (1, 1.0 and '1' name one core); a link without an end, naming an unknown core,
    joining a core to itself or given twice is refused naming the layer and the feature."""
    keyed = [(fid, *(None if end is None else qgis_io.id_key(end) for end in ends)) for fid, *ends in rows]
    try:
        return corridors.link_ends([qgis_io.id_key(core_id) for core_id in ids], keyed, fields)
    except EngineError as error:
        raise QgsProcessingException(tr('Layer "{layer}": {message}').format(
            layer=label, message=qgis_io.engine_message(error))) from error


def write_on_grid(path, resistance, grid):
    """Write ``grid`` (a map of costs, scores or currents on the ResistanceGrid's work grid) as a GeoTIFF on the
    resistance layer's own grid, Float32 unless a value is beyond its range (engine.raster.float_type_for), also
    when warping it back made it float64; a write error names the file."""
    layer_grid = resistance.layer_grid
    with qgis_io.engine_errors():
        raster.write_geotiff(path, resistance.to_layer_grid(grid), layer_grid.geotransform, layer_grid.crs_wkt,
                             float32=True)


class StretchedRasterStyle(qgis_io.StylePostProcessor):
    """A raster style whose colour ramp item values are fractions of the layer's maximum: they are stretched to it
    when the layer loads and labelled with the values they then stand for, so that the legend reads in the layer's
    units."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        super().postProcessLayer(layer, context, feedback)
        ramp = color_ramp(layer)
        low, high = value_range(layer.source()) if ramp is not None else (None, None)
        if high is not None:
            set_ramp_values(layer, ramp, self.item_values(ramp.colorRampItemList(), low, high))

    @staticmethod
    def item_values(items, low, high):
        return [item.value * high for item in items]


class LogStretchedRasterStyle(StretchedRasterStyle):
    """A raster style whose colour ramp items are spread on a log scale from the layer's 2nd percentile of positive
    values to its maximum (at most a tenth of it), as Circuitscape's viewers show current maps: the spread of the
    bulk of the cells, not of a few near-empty ones, fills the ramp."""

    @staticmethod
    def item_values(items, low, high):
        low = min(low, high / 10)
        return [low * (high / low) ** (index / max(len(items) - 1, 1)) for index in range(len(items))]


RASTER_STYLES = {'corridors': StretchedRasterStyle, 'barriers': StretchedRasterStyle,
                 'current': LogStretchedRasterStyle}
"""The post-processor of each raster style of the corridor algorithms (resources/styles/NAME.qml)."""


def raster_style(name):
    """The post-processor applying resources/styles/``name``.qml to a raster output as it loads."""
    return RASTER_STYLES[name].create(os.path.join(qgis_io.STYLE_DIR, name + '.qml'))


def color_ramp(layer):
    """The colour ramp shader of a valid single-band pseudocolour ``layer``, or None."""
    renderer = layer.renderer() if layer is not None and layer.isValid() else None
    shader = renderer.shader() if hasattr(renderer, 'shader') else None
    ramp = shader.rasterShaderFunction() if shader is not None else None
    return ramp if isinstance(ramp, QgsColorRampShader) else None


def value_range(path, sample_cells=1024):
    """(2nd percentile of the positive values in a sample of at most ``sample_cells`` squared cells, exact
    maximum) of band 1 of the raster at ``path``; (None, None) when nothing is positive or GDAL cannot read it.
    Read with GDAL, not from statistics a stale .aux.xml may hold for an overwritten file."""
    try:
        with raster.gdal_exceptions():
            dataset = gdal.Open(path)
            band = dataset.GetRasterBand(1)
            high = band.ComputeRasterMinMax(False)[1]
            sample = band.ReadAsArray(buf_xsize=min(dataset.RasterXSize, sample_cells),
                                      buf_ysize=min(dataset.RasterYSize, sample_cells)).astype(float)
            nodata = band.GetNoDataValue()
    except RuntimeError:  # not a GDAL raster, or only nodata: the style keeps its own values
        return None, None
    positive = sample[np.isfinite(sample) & (sample > 0) & (sample != nodata)]
    if not high > 0 or not positive.size:
        return None, None
    return float(np.percentile(positive, 2)), float(high)


def set_ramp_values(layer, ramp, values):
    """Give the items of ``ramp`` (``layer``'s) the ``values``, labelled with them, and classify the layer over
    them."""
    items = ramp.colorRampItemList()
    for item, value in zip(items, values):
        item.value = value
        item.label = legend_number(value)
    ramp.setColorRampItemList(items)
    ramp.setMinimumValue(items[0].value)
    ramp.setMaximumValue(items[-1].value)
    layer.renderer().setClassificationMin(items[0].value)
    layer.renderer().setClassificationMax(items[-1].value)
    layer.triggerRepaint()


def legend_number(value):
    """``value`` as a legend shows it: whole numbers with thousands separators from 100 up, three significant
    digits below, never an exponent (2,945; 12.5; 0.000123)."""
    if abs(value) >= 100:
        return '{:,.0f}'.format(value)
    text = '{:.3g}'.format(value)
    return '{:.12f}'.format(float(text)).rstrip('0').rstrip('.') if 'e' in text else text


def style_raster_on_load(context, path, style_name):
    """Style the raster output ``path`` with raster_style(``style_name``) when it loads."""
    if context.willLoadLayerOnCompletion(path):
        context.layerToLoadOnCompletionDetails(path).setPostProcessor(raster_style(style_name))
