"""Zoning algorithms: generate biosphere-reserve zones, and measure them (docs/zoning.md).

Adapters only: layers become shapely geometries in metres (qgis_io), engine.zoning computes, the
results are written back in the input layer's CRS.
"""


from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from shapely.ops import unary_union

from ..compat import FieldType, ProcessingNumberParameterType, ProcessingSourceType, WkbType, make_field
from .. import qgis_io
from ..engine import zoning
from ..engine.geometry import repair_polygon
from ..engine.messages import TRANSLATION_CONTEXT, EngineError
from ..engine.raster import read_window
from ..engine.zones import (AREA_FIELD, ZONE_CODE_FIELD, ZONE_CODES, ZONE_DISPLAY_NAMES, ZONE_FIELD,
                            normalise_zone)
from ..resistance import ResistanceGrid
from .base import ReservePlannerAlgorithm

ZONES_STYLE = 'zones'

OUTPUT_MAX_SEGMENT_M = 20.0
"""Zones are cut into segments of at most this many metres before they go back to a CRS other than the working
one: an edge straight in metres then stays within a fraction of a millimetre of itself in that CRS, far below the
validation tolerances (1 m², 1 cm), so the zones still fit the boundary and each other there."""


tr = qgis_io.translator('ReservePlannerZoning')


def zone_display_name(zone):
    """The translated display name of a zone code ('Core area', '核心区', ...), or the value itself."""
    name = ZONE_DISPLAY_NAMES.get(zone)
    return QCoreApplication.translate(TRANSLATION_CONTEXT, name) if name else str(zone)


def work_crs_for(extent, crs, transform_context):
    """The CRS zones are grown in: ``crs`` when metric, else an azimuthal equidistant CRS centred on ``extent``.

    Distances from its centre are true and, unlike the local equal-area CRS (whose inverse is a series, about
    1 mm off with PROJ 9.1: 30 m² of gap along the demo reserve's edge), it transforms back to the input CRS
    exactly, so that the zones still fit the boundary in the input CRS.
    """
    return crs if qgis_io.is_metric(crs) else qgis_io.local_crs('aeqd', extent, crs, transform_context)


def read_required_polygons(source, crs, context, feedback):
    """Every feature of ``source`` as a repaired polygon in ``crs`` (densified when reprojected); raises naming
    unusable features."""
    features = qgis_io.read_polygons(source, source.sourceName(), crs, context, feedback, qgis_io.max_segment(source))
    if feedback.isCanceled():
        raise qgis_io.cancelled()
    qgis_io.require_geometries(features, source.sourceName())
    return features


def output_geometry(geometry, work_crs, output_crs, context):
    """A shapely polygon in metres (``work_crs``) as a valid QgsGeometry MultiPolygon in ``output_crs``.

    Densified first (OUTPUT_MAX_SEGMENT_M) so that its edges keep their shape in the output CRS, and repaired
    with make-valid after the transform when rounding there made two edges cross.
    """
    if work_crs == output_crs:
        result = qgis_io.to_qgs(geometry)
    else:
        result = qgis_io.to_qgs(geometry).densifyByDistance(OUTPUT_MAX_SEGMENT_M)
        result.transform(QgsCoordinateTransform(work_crs, output_crs, context.transformContext()))
        repaired, _status = repair_polygon(qgis_io.to_shapely(result))
        result = qgis_io.to_qgs(repaired)
    result.convertToMultiType()
    return result


def combined_bounds(geometries):
    """(minx, miny, maxx, maxy) around every geometry."""
    corners = [geometry.bounds for geometry in geometries]
    return (min(corner[0] for corner in corners), min(corner[1] for corner in corners),
            max(corner[2] for corner in corners), max(corner[3] for corner in corners))


class GenerateZones(ReservePlannerAlgorithm):
    """Core, buffer and transition zones of a biosphere reserve from its core areas."""

    ALGORITHM_ID = 'generatezones'
    GROUP_ID = 'zoning'
    ICON = 'generatezones.svg'

    CORES = 'CORES'
    BOUNDARY = 'BOUNDARY'
    BUFFER_WIDTH = 'BUFFER_WIDTH'
    TRANSITION_WIDTH = 'TRANSITION_WIDTH'
    RESISTANCE = 'RESISTANCE'
    OUTPUT = 'OUTPUT'

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Generate zones')

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            'Grows the core areas of a biosphere reserve into core, buffer and transition zones '
            '(UNESCO Man and the Biosphere; 核心区, 缓冲区, 实验区).\n\n'
            'Core areas: polygons of the cores. Overlapping or touching cores merge, and so do their buffers; '
            'invalid polygons are repaired.\n'
            'Reserve boundary (optional): the outer edge of the reserve. Cores are clipped to it and the '
            'transition zone fills the rest of it. Without a boundary the outer edge lies the transition width '
            'beyond the buffer.\n'
            'Buffer width and transition width: in metres whatever the CRS (a geographic CRS such as EPSG:4326 '
            'or CGCS2000 EPSG:4490 is projected internally). A width of 0 gives no such zone.\n'
            'Resistance raster (optional): with it, the buffer and transition reach an accumulated cost '
            'instead of a distance: the widths are then cost-weighted metres (resistance x metres, '
            '8-neighbour average-cost convention, the same as the Cost distance algorithm), so zones reach '
            'far across easy ground and stop at barriers (nodata or resistance <= 0). Their edges follow '
            'the raster cells; the zones stop at the raster edge.\n\n'
            'Output: one polygon per zone, in the CRS of the core layer, with zone (core, buffer, transition), '
            'zone_code (1, 2, 3) and area_ha (hectares). The zones never overlap and together cover the '
            'reserve exactly.')

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CORES, self.tr('Core areas'), [ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BOUNDARY, self.tr('Reserve boundary'), [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BUFFER_WIDTH, self.tr('Buffer width (m, or cost-weighted m with a resistance raster)'),
            ProcessingNumberParameterType.Double, defaultValue=1000.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.TRANSITION_WIDTH, self.tr('Transition width (m, or cost-weighted m with a resistance raster)'),
            ProcessingNumberParameterType.Double, defaultValue=2000.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.RESISTANCE, self.tr('Resistance raster (cost-based zones)'), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Zones'), ProcessingSourceType.VectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        cores_source = qgis_io.required_source(self, parameters, self.CORES, context)
        boundary_source = self.parameterAsSource(parameters, self.BOUNDARY, context)
        buffer_width = self.parameterAsDouble(parameters, self.BUFFER_WIDTH, context)
        transition_width = self.parameterAsDouble(parameters, self.TRANSITION_WIDTH, context)
        resistance = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context)

        output_crs = cores_source.sourceCrs()
        work_crs = work_crs_for(qgis_io.source_extent(cores_source, output_crs, context), output_crs,
                                context.transformContext())
        grid = None
        if resistance is not None:
            resistance_grid = ResistanceGrid(resistance, context, feedback, work_crs)
            grid, work_crs = resistance_grid.grid, resistance_grid.crs
        steps = QgsProcessingMultiStepFeedback(3, feedback)
        cores = read_required_polygons(cores_source, work_crs, context, steps)
        boundary = None
        if boundary_source is not None:
            steps.setCurrentStep(1)
            boundary = [item.geometry for item in read_required_polygons(boundary_source, work_crs, context, steps)]
        steps.setCurrentStep(2)
        labels = [tr('{fid} of layer "{layer}"').format(fid=item.fid, layer=cores_source.sourceName())
                  for item in cores]
        zones = self.zones([item.geometry for item in cores], boundary, buffer_width, transition_width, grid,
                           labels, steps)
        if feedback.isCanceled():
            raise qgis_io.cancelled()

        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, self.output_fields(),
                                             WkbType.MultiPolygon, output_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for zone, geometry in zones.items():
            self.write_zone(sink, zone, geometry, work_crs, output_crs, context, feedback)
        qgis_io.style_output_on_load(context, dest_id, ZONES_STYLE)
        return {self.OUTPUT: dest_id}

    @staticmethod
    def zones(cores, boundary, buffer_width, transition_width, grid, labels, feedback):
        """The engine's zones, Euclidean or cost-based, with engine errors as QgsProcessingException."""
        boundary_geometry = unary_union(boundary) if boundary is not None else None
        with qgis_io.engine_errors():
            if grid is None:
                return zoning.generate_zones(cores, boundary_geometry, buffer_width, transition_width, labels)
            return zoning.generate_cost_zones(cores, boundary_geometry, buffer_width, transition_width, grid, labels,
                                              feedback=qgis_io.engine_feedback(feedback))

    @staticmethod
    def output_fields():
        fields = QgsFields()
        fields.append(make_field(ZONE_FIELD, FieldType.String, length=20))
        fields.append(make_field(ZONE_CODE_FIELD, FieldType.Int))
        fields.append(make_field(AREA_FIELD, FieldType.Double, length=20, precision=4))
        return fields

    def write_zone(self, sink, zone, geometry, work_crs, output_crs, context, feedback):
        if geometry.is_empty:
            feedback.pushInfo(tr('{zone}: empty (a width of 0, or no room left inside the boundary), '
                                 'no feature written.').format(
                zone=zone_display_name(zone)))
            return
        area_ha = geometry.area / zoning.SQUARE_METRES_PER_HECTARE
        feedback.pushInfo(tr('{zone}: {area:.2f} ha').format(zone=zone_display_name(zone), area=area_ha))
        feature = QgsFeature(self.output_fields())
        feature.setGeometry(output_geometry(geometry, work_crs, output_crs, context))
        feature.setAttributes([zone, int(ZONE_CODES[zone]), float(area_ha)])
        qgis_io.add_feature(sink, feature, self.OUTPUT)


class ZoneStatistics(ReservePlannerAlgorithm):
    """Area, share and land-cover composition of each zone of a zoning layer."""

    ALGORITHM_ID = 'zonestatistics'
    GROUP_ID = 'zoning'
    ICON = 'zonestatistics.svg'

    ZONES = 'ZONES'
    ZONE_FIELD = 'ZONE_FIELD'
    LANDCOVER = 'LANDCOVER'
    OUTPUT = 'OUTPUT'

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Zone statistics')

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            'Area and share of each zone of a biosphere-reserve zoning, and its land-cover composition.\n\n'
            'Zones: a polygon layer, for example the output of Generate zones. Several polygons of one zone '
            'are added up.\n'
            'Zone field: the field holding the zone (core, buffer, transition or 1, 2, 3; default zone). '
            'Other values are reported as they are, after the three zones, with an empty zone_code.\n'
            'Land cover (optional): a raster of class values (band 1). A cell belongs to a zone when its '
            'centre lies inside it (a zone smaller than a cell takes the cells it touches); cells outside the '
            'raster or without data form the class NULL.\n\n'
            'Output: a table. Without land cover, one row per zone: zone, zone_code, area_ha (hectares, '
            'measured in metres whatever the CRS) and share_pct (percent of the summed area of all zones). '
            'With land cover, one row per zone and class (a long table, easy to pivot): the same columns '
            'plus landcover (the class value), class_pct (percent of the zone) and class_area_ha '
            '(class_pct x area_ha / 100).')

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, self.tr('Zones'), [ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_FIELD, self.tr('Zone field'), defaultValue=ZONE_FIELD, parentLayerParameterName=self.ZONES,
            optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LANDCOVER, self.tr('Land cover raster'), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Zone statistics'), ProcessingSourceType.Vector))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        source = qgis_io.required_source(self, parameters, self.ZONES, context)
        field = qgis_io.resolve_field(
            source, self.parameterAsString(parameters, self.ZONE_FIELD, context) or ZONE_FIELD, source.sourceName())
        landcover = self.parameterAsRasterLayer(parameters, self.LANDCOVER, context)

        work_crs = qgis_io.metric_crs(qgis_io.source_extent(source, source.sourceCrs(), context), source.sourceCrs(),
                                      context.transformContext())
        steps = QgsProcessingMultiStepFeedback(2, feedback)
        features = read_required_polygons(source, work_crs, context, steps)
        if not features:
            raise QgsProcessingException(tr('Layer "{layer}" has no features: there are no zones to measure.').format(
                layer=source.sourceName()))
        zones = [(self.zone_value(item.attributes[field]), item.geometry) for item in features]
        self.report_unknown_zones(zones, feedback)
        composition = None
        if landcover is not None:
            steps.setCurrentStep(1)
            composition = self.composition(zones, landcover, work_crs, context, steps)
        rows = zoning.zone_statistics_rows(zoning.zone_areas(zones), composition)

        fields = self.output_fields(composition)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([self.attribute(row.get(name)) for name in fields.names()])
            qgis_io.add_feature(sink, feature, self.OUTPUT)
        return {self.OUTPUT: dest_id}

    @staticmethod
    def zone_value(value):
        """The zone code of a field value, the value as text when it is no zone code, None when NULL."""
        if value is None or (hasattr(value, 'isNull') and value.isNull()):
            return None
        return normalise_zone(value) or str(value)

    @staticmethod
    def report_unknown_zones(zones, feedback):
        unknown = sorted({'NULL' if zone is None else zone for zone, _geometry in zones if zone not in ZONE_CODES})
        if unknown:
            feedback.pushWarning(tr('Values that are not core, buffer or transition are reported as they are: '
                                    '{values}.').format(values=', '.join(unknown)))

    @staticmethod
    def composition(zones, landcover, work_crs, context, feedback):
        """Land-cover composition per zone, zone by zone so that progress and cancel work."""
        by_zone = {}
        for zone, geometry in zones:
            by_zone.setdefault(zone, []).append(qgis_io.to_shapely(
                qgis_io.transform_geometry(geometry, work_crs, landcover.crs(), context)))
        try:
            grid = read_window(landcover.source(),
                               combined_bounds(part for parts in by_zone.values() for part in parts))
        except EngineError as error:
            raise QgsProcessingException(tr('The land-cover raster "{layer}" cannot be read: {reason}').format(
                layer=landcover.name(), reason=qgis_io.engine_message(error))) from error
        composition = {}
        for index, (zone, geometries) in enumerate(by_zone.items()):
            if feedback.isCanceled():
                raise qgis_io.cancelled()
            composition.update(zoning.landcover_composition([(zone, part) for part in geometries], grid))
            feedback.setProgress(100.0 * (index + 1) / len(by_zone))
        if all(cover.landcover is None for covers in composition.values() for cover in covers):
            feedback.pushWarning(tr('The land-cover raster "{layer}" has no data under any zone (its cells there are '
                                    'nodata, or it lies elsewhere): every zone is reported as class NULL. Check the '
                                    'raster and its nodata value.').format(layer=landcover.name()))
        return composition

    @staticmethod
    def output_fields(composition):
        fields = QgsFields()
        fields.append(make_field(ZONE_FIELD, FieldType.String, length=50))
        fields.append(make_field(ZONE_CODE_FIELD, FieldType.Int))
        fields.append(make_field(AREA_FIELD, FieldType.Double, length=20, precision=4))
        fields.append(make_field(zoning.SHARE_FIELD, FieldType.Double, length=10, precision=4))
        if composition is not None:
            values = [cover.landcover for covers in composition.values() for cover in covers]
            integral = all(value is None or isinstance(value, int) for value in values)
            fields.append(make_field(zoning.LANDCOVER_FIELD, FieldType.Int if integral else FieldType.Double))
            fields.append(make_field(zoning.CLASS_SHARE_FIELD, FieldType.Double, length=10, precision=4))
            fields.append(make_field(zoning.CLASS_AREA_FIELD, FieldType.Double, length=20, precision=4))
        return fields

    @staticmethod
    def attribute(value):
        """A table value as a plain Python value QGIS accepts (numpy scalars would be dropped silently)."""
        if value is None or isinstance(value, str):
            return value
        return int(value) if isinstance(value, int) else float(value)
