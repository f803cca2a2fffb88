"""The one place that knows how QGIS 3.22 to 4.x (Qt5 and Qt6) differ; everything else imports from here.

Every choice tests for the feature (``hasattr`` / ``getattr`` / a probe), never a version string.

- QGIS enums that moved to ``Qgis.*`` after 3.22 (most in 3.30 and 3.36; the old spellings are gone in QGIS 4):
  the namespaces below carry the ``Qgis.*`` name and member names, so ``compat.WkbType.MultiPolygon`` is
  ``Qgis.WkbType.MultiPolygon`` where it exists and the old QgsWkbTypes member on older QGIS. When 3.22 is
  dropped, ``compat.X`` becomes ``Qgis.X``. Old spellings are looked up by name, so QGIS's Qt6 migration tool
  (``qgis-pyqt5to6``) has nothing here to rewrite.
- Field types: ``QgsField(name, QMetaType.Type)`` where QGIS accepts it (3.38+, required by Qt6),
  ``QVariant.Type`` before (QGIS 3.40 deprecates it, Qt6 has none): build fields with ``make_field``.
- ``QAction`` lives in QtGui in Qt6, in QtWidgets in Qt5.
- Deprecated calls: ``parameterAsFields`` (``parameterAsStrings`` from 3.32), ``bandStatistics`` with an int
  statistic (``Qgis.RasterBandStatistic`` from 3.36).
Enums that stayed on their class (``QgsFeatureSink.Flag.FastInsert``) or were already in ``Qgis`` in 3.22
(``Qgis.MessageLevel``, ``Qgis.TransformDirection``) are written fully scoped where they are used.
"""

from types import SimpleNamespace

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsField,
    QgsMapLayerProxyModel,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingFeatureSource,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsRasterBandStats,
    QgsRenderContext,
    QgsSnappingConfig,
    QgsTolerance,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType, QVariant

try:
    from qgis.PyQt.QtGui import QAction  # noqa: F401 (re-exported) Qt6's home
except ImportError:
    from qgis.PyQt.QtWidgets import QAction  # noqa: F401 (re-exported) Qt5's home


def qgis_enum(name, old_owner, old_names):
    """``Qgis.<name>`` where this QGIS has it; else a namespace with the same member names holding the values of
    the old spelling, ``old_owner.<old name>`` (``old_names``: {new member name: old member name})."""
    modern = getattr(Qgis, name, None)
    if modern is not None:
        return modern
    return SimpleNamespace(**{new: getattr(old_owner, old) for new, old in old_names.items()})


def same_names(*names):
    return {name: name for name in names}


ProcessingSourceType = qgis_enum('ProcessingSourceType', QgsProcessing, {
    'MapLayer': 'TypeMapLayer', 'VectorAnyGeometry': 'TypeVectorAnyGeometry', 'VectorPoint': 'TypeVectorPoint',
    'VectorLine': 'TypeVectorLine', 'VectorPolygon': 'TypeVectorPolygon', 'Raster': 'TypeRaster', 'File': 'TypeFile',
    'Vector': 'TypeVector', 'Mesh': 'TypeMesh', 'Plugin': 'TypePlugin', 'PointCloud': 'TypePointCloud',
    'Annotation': 'TypeAnnotation'})
ProcessingNumberParameterType = qgis_enum('ProcessingNumberParameterType', QgsProcessingParameterNumber,
                                          same_names('Integer', 'Double'))
ProcessingFieldParameterDataType = qgis_enum('ProcessingFieldParameterDataType', QgsProcessingParameterField,
                                             same_names('Any', 'Numeric', 'String', 'DateTime'))
ProcessingParameterFlag = qgis_enum('ProcessingParameterFlag', QgsProcessingParameterDefinition, {
    'Advanced': 'FlagAdvanced', 'Hidden': 'FlagHidden', 'Optional': 'FlagOptional'})
ProcessingAlgorithmFlag = qgis_enum('ProcessingAlgorithmFlag', QgsProcessingAlgorithm, {
    'NoThreading': 'FlagNoThreading'})
ProcessingFeatureSourceFlag = qgis_enum('ProcessingFeatureSourceFlag', QgsProcessingFeatureSource, {
    'SkipGeometryValidityChecks': 'FlagSkipGeometryValidityChecks'})
InvalidGeometryCheck = qgis_enum('InvalidGeometryCheck', QgsFeatureRequest, {
    'NoCheck': 'GeometryNoCheck', 'SkipInvalid': 'GeometrySkipInvalid', 'AbortOnInvalid': 'GeometryAbortOnInvalid'})
WkbType = qgis_enum('WkbType', QgsWkbTypes, same_names(
    'Unknown', 'NoGeometry', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'))
GeometryType = qgis_enum('GeometryType', QgsWkbTypes, {
    'Point': 'PointGeometry', 'Line': 'LineGeometry', 'Polygon': 'PolygonGeometry', 'Unknown': 'UnknownGeometry',
    'Null': 'NullGeometry'})
DistanceUnit = qgis_enum('DistanceUnit', QgsUnitTypes, {
    'Meters': 'DistanceMeters', 'Kilometers': 'DistanceKilometers', 'Degrees': 'DistanceDegrees'})
LayerFilter = qgis_enum('LayerFilter', QgsMapLayerProxyModel, same_names(
    'RasterLayer', 'PolygonLayer', 'LineLayer', 'PointLayer', 'VectorLayer'))
MapToolUnit = qgis_enum('MapToolUnit', QgsTolerance, same_names('LayerUnits', 'Pixels', 'ProjectUnits'))
LayoutUnit = qgis_enum('LayoutUnit', QgsUnitTypes, {'Millimeters': 'LayoutMillimeters'})
RasterBandStatistic = qgis_enum('RasterBandStatistic', QgsRasterBandStats, same_names('Min', 'Max', 'Mean', 'All'))
TextRenderFormat = qgis_enum('TextRenderFormat', QgsRenderContext, {
    'AlwaysOutlines': 'TextFormatAlwaysOutlines', 'AlwaysText': 'TextFormatAlwaysText'})
SnappingMode = qgis_enum('SnappingMode', QgsSnappingConfig, same_names('ActiveLayer', 'AllLayers',
                                                                        'AdvancedConfiguration'))
SnappingType = qgis_enum('SnappingType', QgsSnappingConfig, {
    'NoSnap': 'NoSnapFlag', 'Vertex': 'VertexFlag', 'Segment': 'SegmentFlag'})


def vertex_and_segment_snapping():
    """Snapping to vertices and segments, as QgsSnappingConfig.IndividualLayerSettings takes it."""
    flags_class = Qgis.SnappingTypes if hasattr(Qgis, 'SnappingType') else QgsSnappingConfig.SnappingTypes
    return flags_class(SnappingType.Vertex | SnappingType.Segment)


def metatype_fields_supported():
    """True when QgsField takes a QMetaType.Type (QGIS 3.38+, and Qt6 where QVariant.Type is gone)."""
    try:
        QgsField('probe', QMetaType.Type.Double)
    except TypeError:
        return False
    return True


def field_types():
    """Field types by name: QMetaType.Type where QgsField takes it, else 3.22's QVariant.Type."""
    if metatype_fields_supported():
        return SimpleNamespace(String=QMetaType.Type.QString, Int=QMetaType.Type.Int,
                               LongLong=QMetaType.Type.LongLong, Double=QMetaType.Type.Double,
                               Bool=QMetaType.Type.Bool, Date=QMetaType.Type.QDate,
                               DateTime=QMetaType.Type.QDateTime)
    variant_names = {'String': 'String', 'Int': 'Int', 'LongLong': 'LongLong', 'Double': 'Double', 'Bool': 'Bool',
                     'Date': 'Date', 'DateTime': 'DateTime'}
    return SimpleNamespace(**{name: getattr(QVariant, variant) for name, variant in variant_names.items()})


FieldType = field_types()
"""FieldType.String, .Int, .LongLong, .Double, .Bool, .Date, .DateTime: what QgsField takes on this QGIS."""


def make_field(name, field_type, type_name='', length=0, precision=0):
    """A QgsField of ``field_type`` (a FieldType member), arguments as QgsField's: the one way to build fields."""
    return QgsField(name, field_type, type_name, length, precision)


def is_field_type(field, field_type):
    """True when ``field`` (a QgsField) holds ``field_type`` (a FieldType member), whichever enum QGIS returns."""
    return int_value(field.type()) == int_value(field_type)


def int_value(enum_value):
    """The integer of a Qt5 (int-like) or Qt6 (Python enum) enum value."""
    return int(getattr(enum_value, 'value', enum_value))


def parameter_as_strings(algorithm, parameters, name, context):
    """The string list of a field (or other multi-string) parameter: ``parameterAsStrings`` where QGIS has it
    (3.32+; ``parameterAsFields`` is deprecated in 3.40), else ``parameterAsFields``."""
    method = getattr(algorithm, 'parameterAsStrings', None) or algorithm.parameterAsFields
    return method(parameters, name, context)


def band_maximum(provider, band):
    """The maximum of ``band`` of a raster data provider (QgsRasterBandStats statistics), asked for with
    Qgis.RasterBandStatistic where QGIS has it (3.36+; QGIS 4 has no int overload). QGIS 3.40's Qt5 bindings still
    route that IntEnum to the int overload and warn that it is deprecated: no other spelling reaches the new one."""
    return provider.bandStatistics(band, RasterBandStatistic.Max).maximumValue
