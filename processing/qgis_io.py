"""Helpers every algorithm adapter shares: layers to shapely in a metric CRS, checked sinks, styles.

Engine inputs are shapely geometries in metres; these functions do the QGIS side of that conversion
so that no algorithm repeats layer-to-geometry code.
"""

import os
from collections import namedtuple
from contextlib import contextmanager

from shapely import wkb
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsGeometry,
    QgsMapLayer,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from .compat import DistanceUnit, FieldType, InvalidGeometryCheck, ProcessingFeatureSourceFlag, make_field
from .engine import geometry as engine_geometry
from .engine.feedback import Feedback
from .engine.messages import TRANSLATION_CONTEXT, Canceled, EngineError

STYLE_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), 'resources', 'styles')
WEB_MERCATOR_IDS = ('EPSG:3857', 'EPSG:900913', 'EPSG:3785')

GEOGRAPHIC_MAX_SEGMENT_DEGREES = 0.001
"""Edges of a geographic layer are cut into segments of at most this many degrees (about 110 m of latitude)
before they are projected, so that an edge straight in degrees keeps its shape in metres: the chord of a projected
parallel then departs from the true curve by well under a millimetre (about L**2 / (8 R) for a segment of length L
on a curve of radius R near the Earth's, 0.24 mm at 110 m, against 2.4 m for the 0.1 degree once used by coverage),
and one layer projected into two working CRSs (generatezones, then validatezones) stays within millimetres of
itself. Edges are already shorter than this in most real boundaries, so it costs few new vertices."""

PROJECTED_MAX_SEGMENT = 100.0
"""The same step in map units for a projected layer read in another CRS (Web Mercator: about 100 m)."""

NUMBER_FIELD_LENGTH = 20
AREA_PRECISION = 4
"""Decimals of area, distance and percentage fields (km2, ha, m, %): 0.0001 km2 is 100 m2."""
INDEX_PRECISION = 6
"""Decimals of dimensionless indices and fractions (ProtConn, dPC, scores, AHP weights)."""

SourceFeature = namedtuple('SourceFeature', 'fid attributes geometry status')
"""One input feature: QGIS feature id, attribute dict, shapely geometry in the working CRS (or None), repair status."""


def translator(context):
    """The module-level ``tr`` of a module whose strings are translated in ``context``
    (``tr = qgis_io.translator('ReservePlannerCoverage')``; resources/i18n/i18n_tool.py reads the context)."""
    def translate(text):
        return QCoreApplication.translate(context, text)
    return translate


tr = translator('ReservePlannerIO')


def attribute_value(value):
    """A QGIS attribute as a plain Python value: None for NULL (a null QVariant in QGIS 3.22), else the value
    held by the QVariant (or the value itself)."""
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def python_value(value):
    """A numpy or pandas scalar as the plain Python value QGIS accepts (setAttributes silently writes nothing
    for a numpy scalar); other values unchanged."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    kind = getattr(getattr(value, 'dtype', None), 'kind', None)
    if kind == 'b':
        return bool(value)
    if kind in ('i', 'u'):
        return int(value)
    if kind == 'f':
        return float(value)
    return value


def double_field(name, precision=AREA_PRECISION):
    """A real-number output field of NUMBER_FIELD_LENGTH digits and ``precision`` decimals (AREA_PRECISION for
    areas, distances and percentages, INDEX_PRECISION for indices)."""
    return make_field(name, FieldType.Double, 'double', NUMBER_FIELD_LENGTH, precision)


def max_segment(source):
    """The densification step, in the units of ``source``'s CRS, for reading ``source`` in another CRS."""
    return GEOGRAPHIC_MAX_SEGMENT_DEGREES if source.sourceCrs().isGeographic() else PROJECTED_MAX_SEGMENT


def require_gdal_file(layer):
    """Raise unless the raster ``layer`` is a file GDAL can read (the engine reads rasters with GDAL)."""
    if layer.providerType() != 'gdal':
        raise QgsProcessingException(
            tr('The raster "{layer}" is not a file GDAL can read; save it as a GeoTIFF first.').format(
                layer=layer_label(layer)))


def required_source(algorithm, parameters, name, context):
    """The feature source of parameter ``name``; raises QGIS's invalid-source error when there is none."""
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
    return source


def engine_message(error):
    """The translated text of an engine.messages.EngineError."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, error.template).format(**error.params)


def cancelled():
    """The error a cancelled run ends with: returning normally would look like a success in models and batch runs."""
    return QgsProcessingException(tr('The run was cancelled; no output was written.'))


def engine_feedback(feedback):
    """The engine's progress-and-cancel protocol (engine.feedback.Feedback) over a QgsProcessingFeedback.

    The engine reports into the whole of ``feedback``'s progress bar (a QgsProcessingMultiStepFeedback maps it
    onto its current step); None gives None (no report, no cancel). A QgsProcessingMultiStepFeedback created
    after its parent was cancelled does not know it: check the parent's ``isCanceled()`` once more afterwards.
    """
    if feedback is None:
        return None
    return Feedback(feedback.setProgress, feedback.isCanceled)


@contextmanager
def engine_errors():
    """Run engine code: an EngineError becomes a QgsProcessingException with its translated message and a cancel
    (engine.messages.Canceled) the cancelled() error, so that a run always ends in one or the other."""
    try:
        yield
    except EngineError as error:
        raise QgsProcessingException(engine_message(error)) from error
    except Canceled:
        raise cancelled() from None


def report_language():
    """The HTML language tag of QGIS's user interface (zh-CN, en-US...), for the reports."""
    return QgsApplication.locale().replace('_', '-')


def is_metric(crs):
    """True when ``crs`` is projected in metres and distances in it are true distances (not Web Mercator)."""
    return (
        crs.isValid()
        and not crs.isGeographic()
        and crs.mapUnits() == DistanceUnit.Meters
        and crs.authid() not in WEB_MERCATOR_IDS
    )


def local_crs(projection, extent, crs, transform_context):
    """A CRS of PROJ ``projection`` ('laea', 'aeqd'), in metres on GRS80, centred on ``extent`` given in ``crs``.

    ``transform_context``: ``context.transformContext()`` inside Processing, the project's in the GUI.
    """
    geographic = QgsCoordinateReferenceSystem('EPSG:4326')
    centre = QgsGeometry.fromPointXY(extent.center())
    if crs != geographic:
        centre.transform(QgsCoordinateTransform(crs, geographic, transform_context))
    point = centre.asPoint()
    proj = '+proj={} +lat_0={:.6f} +lon_0={:.6f} +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs'.format(
        projection, point.y(), point.x())
    return QgsCoordinateReferenceSystem.fromProj(proj)


def local_equal_area_crs(extent, crs, transform_context):
    """A Lambert azimuthal equal-area CRS (metres) centred on ``extent`` given in ``crs``."""
    return local_crs('laea', extent, crs, transform_context)


def metric_crs(extent, crs, transform_context):
    """The CRS distances are measured in: ``crs`` itself when metric, else a local equal-area CRS."""
    return crs if is_metric(crs) else local_equal_area_crs(extent, crs, transform_context)


def source_extent(source, crs, context):
    """Extent of a feature source in ``crs``."""
    extent = QgsRectangle(source.sourceExtent())
    if source.sourceCrs() != crs and not extent.isEmpty():
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        extent = transform.transformBoundingBox(extent)
    return extent


def combined_extent(sources, crs, context):
    """The extent of all feature ``sources`` (None entries skipped) in ``crs``."""
    extent = QgsRectangle()
    for source in sources:
        if source is not None:
            extent.combineExtentWith(source_extent(source, crs, context))
    return extent


def resolve_field(source, name, layer_name):
    """The field of ``source`` called ``name`` in any case, spelt as the layer spells it; None for no name.

    Field parameters are not checked by QGIS in batch runs, models and qgis_process, so every algorithm
    resolves its field names here once, before reading features.
    """
    if not name:
        return None
    fields = source.fields()
    index = fields.lookupField(name)
    if index < 0:
        raise QgsProcessingException(
            tr('Layer "{layer}" has no field "{field}". Its fields are: {fields}.').format(
                layer=layer_name, field=name, fields=', '.join(fields.names()) or tr('none')))
    return fields.at(index).name()


def to_shapely(qgs_geometry):
    """A QgsGeometry as a shapely geometry (None for a null geometry)."""
    if qgs_geometry is None or qgs_geometry.isNull():
        return None
    return wkb.loads(bytes(qgs_geometry.asWkb()))


def to_qgs(shapely_geometry):
    """A shapely geometry as a QgsGeometry."""
    geometry = QgsGeometry()
    geometry.fromWkb(wkb.dumps(shapely_geometry))
    return geometry


def read_features(source, crs, context, feedback, attribute_names=None, max_segment=None):
    """Every feature of ``source`` as a SourceFeature with its geometry (any type, unrepaired) in ``crs``.

    ``attribute_names``: the fields to read (those missing from the source are ignored); None reads all.
    ``max_segment``: densify first so that no segment is longer than this (source CRS units), so that the
    curved edges of geographic polygons stay curved once projected. Status is None: nothing has been checked.
    Stops early when the feedback is cancelled.
    """
    request = QgsFeatureRequest()
    transform = None
    if max_segment and source.sourceCrs() != crs:
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    else:
        request.setDestinationCrs(crs, context.transformContext())
    request.setInvalidGeometryCheck(InvalidGeometryCheck.NoCheck)
    names = source.fields().names()
    if attribute_names is not None:
        names = [name for name in names if name in attribute_names]
        request.setSubsetOfAttributes(names, source.fields())
    indices = [source.fields().indexOf(name) for name in names]
    total = source.featureCount() or 0
    features = []
    for index, feature in enumerate(unchecked_features(source, request)):
        if feedback is not None and feedback.isCanceled():
            break
        values = feature.attributes()
        attributes = {name: values[position] for name, position in zip(names, indices)}
        geometry = feature.geometry()
        if transform is not None and not geometry.isNull():
            geometry = geometry.densifyByDistance(max_segment)
            geometry.transform(transform)
        features.append(SourceFeature(feature.id(), attributes, to_shapely(geometry), None))
        if feedback is not None and total and index % 100 == 0:
            feedback.setProgress(100.0 * index / total)
    return features


def unchecked_features(source, request):
    """The features of ``source`` for ``request``, invalid geometries included: a QgsProcessingFeatureSource
    otherwise applies the context's invalid-geometry check (skip or abort) whatever the request says."""
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, ProcessingFeatureSourceFlag.SkipGeometryValidityChecks)
    return source.getFeatures(request)


def read_polygons(source, layer_name, crs, context, feedback, max_segment=None):
    """Every feature of ``source`` as a SourceFeature with a repaired polygonal geometry in ``crs``.

    Invalid polygons are repaired; null, empty and unrepairable geometries come back with geometry
    None and their status, so the caller decides whether to fail or to keep them in its output.
    One summary line reports what was repaired. ``max_segment``: as in read_features.
    """
    features = []
    for item in read_features(source, crs, context, feedback, max_segment=max_segment):
        geometry, status = engine_geometry.repair_polygon(item.geometry)
        features.append(SourceFeature(item.fid, item.attributes, geometry, status))
    repaired = sum(1 for item in features if item.status == engine_geometry.REPAIRED)
    if repaired and feedback is not None:
        feedback.pushInfo(tr('{layer}: {count} invalid geometries repaired.').format(layer=layer_name, count=repaired))
    return features


def require_geometries(features, layer_name):
    """Raise a QgsProcessingException naming every feature of ``layer_name`` without a usable polygon
    (or saying that the layer holds points or lines when none of its features is a polygon)."""
    bad = [item for item in features if item.geometry is None]
    if not bad:
        return
    if all(item.status == engine_geometry.NOT_POLYGON for item in features):
        raise QgsProcessingException(
            tr('Layer "{layer}" holds points or lines, but a polygon layer is required. '
               'Choose a polygon layer and run again.').format(layer=layer_name))
    reasons = {
        engine_geometry.EMPTY: tr('null or empty geometry'),
        engine_geometry.UNREPAIRABLE: tr('invalid geometry that could not be repaired'),
        engine_geometry.NOT_POLYGON: tr('a point or line, not a polygon'),
    }
    listed = ', '.join('{} ({})'.format(item.fid, reasons.get(item.status, item.status)) for item in bad[:10])
    more = tr(' and {count} more').format(count=len(bad) - 10) if len(bad) > 10 else ''
    raise QgsProcessingException(
        tr('Layer "{layer}" has features without a usable polygon: feature id {features}{more}. '
           'Fix or delete them (Vector > Geometry Tools > Check Validity helps) and run again.').format(
            layer=layer_name, features=listed, more=more))


def transform_geometry(shapely_geometry, source_crs, target_crs, context):
    """A shapely geometry reprojected between two CRSs, returned as a QgsGeometry."""
    geometry = to_qgs(shapely_geometry)
    if source_crs != target_crs:
        geometry.transform(QgsCoordinateTransform(source_crs, target_crs, context.transformContext()))
    return geometry


def add_feature(sink, feature, output_name):
    """Add ``feature`` to ``sink`` or raise: QgsFeatureSink.addFeature fails silently otherwise."""
    if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
        raise QgsProcessingException(
            tr('Could not write a feature to the output "{output}": {error}').format(
                output=output_name, error=sink.lastError() if hasattr(sink, 'lastError') else ''))


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies one of resources/styles/*.qml to an output layer when it loads."""

    _alive = []

    def __init__(self, style_file):
        super().__init__()
        self.style_file = style_file

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        if layer is not None and layer.isValid():
            layer.loadNamedStyle(self.style_file)
            layer.triggerRepaint()

    @classmethod
    def create(cls, style_file):
        """A post-processor kept alive for the session (QGIS holds only a weak reference)."""
        processor = cls(style_file)
        cls._alive.append(processor)
        return processor


def style_output_on_load(context, destination_id, style_name):
    """Style the output ``destination_id`` with resources/styles/``style_name``.qml if it is loaded on completion."""
    if not context.willLoadLayerOnCompletion(destination_id):
        return
    style_file = os.path.join(STYLE_DIR, style_name + '.qml')
    details = context.layerToLoadOnCompletionDetails(destination_id)
    details.setPostProcessor(StylePostProcessor.create(style_file))


def layer_label(layer_or_source_uri, context=None):
    """The name a planner knows an input layer by, for messages: "demo.gpkg (oecm_candidates)" for a table of a
    file, the file name for a whole file ("roads.shp"), else the layer's name (memory layers).

    Accepts a QgsMapLayer, a parameter value (layer id, name or source URI, QgsProcessingFeatureSourceDefinition,
    looked up in ``context``) or a plain source URI.
    """
    value = layer_or_source_uri
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    if isinstance(value, str) and context is not None:
        value = QgsProcessingUtils.mapLayerFromString(value, context) or value
    if isinstance(value, QgsMapLayer):
        provider, uri, name = value.providerType(), value.source(), value.name()
    else:
        provider, uri, name = 'ogr', str(value), None
    parts = QgsProviderRegistry.instance().decodeUri(provider, uri)
    path, table = parts.get('path'), parts.get('layerName')
    if path and table:
        return '{} ({})'.format(os.path.basename(path), table)
    return os.path.basename(path) if path else name or uri
