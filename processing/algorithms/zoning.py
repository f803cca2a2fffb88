"""Zoning algorithms: generate biosphere-reserve zones, and measure them (docs/zoning.md).

Adapters only: layers become shapely geometries in metres (qgis_io), engine.zoning computes, the
results are written back in the input layer's CRS.
"""


from qgis.core import (
    QgsCoordinateReferenceSystem,
    NULL,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)
from shapely.ops import unary_union

from ..compat import FieldType, ProcessingNumberParameterType, ProcessingSourceType, WkbType, make_field
from .. import qgis_io
from ..engine import zoning
from ..engine.messages import EngineError
from ..engine.raster import read_window
from ..engine.zone_validation import DEFAULT_TOLERANCES
from ..engine.zones import (AREA_FIELD, ZONE_CODE_FIELD, ZONE_CODES, ZONE_DISPLAY_NAMES, ZONE_FIELD,
                            normalise_zone)
from ..resistance import ResistanceGrid
from .base import ReservePlannerAlgorithm, keywords

ZONES_STYLE = 'zones'



PARALLEL_MIN_CORES = 200
"""Core polygons (over all reserves) below which zoning the reserves is faster in one process than with workers."""


tr = qgis_io.translator('ReservePlannerZoning')


def zone_display_name(zone):
    """The translated display name of a zone code ('Core area', '核心区', ...), or the value itself."""
    name = ZONE_DISPLAY_NAMES.get(zone)
    return qgis_io.engine_tr(name) if name else str(zone)


def work_crs_for(sources, crs, context):
    """The CRS zones are grown in: ``crs`` when metric, else an azimuthal equidistant CRS centred on the features
    of ``sources`` (qgis_io.local_crs: on the right side of the antimeridian, or on a pole's cap).

    Distances from its centre are true and, unlike the local equal-area CRS (whose inverse is a series, about
    1 mm off with PROJ 9.1: 30 m² of gap along the demo reserve's edge), it transforms back to the input CRS
    exactly, so that the zones still fit the boundary in the input CRS.
    """
    return crs if qgis_io.is_metric(crs) else qgis_io.local_crs(sources, context, qgis_io.EQUIDISTANT)


def read_required_polygons(source, label, crs, context, feedback):
    """Every feature of ``source`` (the layer ``label``) as a repaired polygon in ``crs`` (densified when
    reprojected); raises naming unusable features."""
    features = qgis_io.read_polygons(source, label, crs, context, feedback, qgis_io.shape_max_segment(source))
    if feedback.isCanceled():
        raise qgis_io.cancelled()
    qgis_io.require_geometries(features, label)
    return features


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
    RESERVE_FIELD = 'RESERVE_FIELD'
    OUTPUT = 'OUTPUT'

    ADVANCED = (RESERVE_FIELD,)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Generate zones')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Grows the cores of a biosphere reserve into core, buffer and transition zones.')

    def tags(self):
        return keywords(self.tr('biosphere reserve,MAB,zoning,core,buffer,transition,zones'))

    def summary(self):
        return [
            self.tr('Grows the core areas of a biosphere reserve into core, buffer and transition zones (UNESCO '
                    'Man and the Biosphere; 核心区, 缓冲区, 实验区).'),
            self.tr('Widths are in metres whatever the CRS, or cost-weighted metres with a resistance raster, so '
                    'that zones reach far across easy ground and stop at barriers.'),
            self.tr('Output: one polygon per zone, in the CRS of the core layer, with zone (core, buffer, '
                    'transition), zone_code (1, 2, 3) and area_ha (hectares).'),
            self.tr('The zones never overlap and together cover the reserve exactly.'),
        ]

    def parameter_help(self):
        return {
            self.CORES: [
                self.tr('Polygons of the cores.'),
                self.tr('Overlapping or touching cores merge, and so do their buffers; invalid polygons are '
                        'repaired.'),
            ],
            self.BOUNDARY: [
                self.tr('The outer edge of the reserve: cores are clipped to it and the transition zone fills the '
                        'rest of it.'),
                self.tr('Without a boundary the outer edge lies the transition width beyond the buffer.'),
            ],
            self.BUFFER_WIDTH: [
                self.tr('In metres whatever the CRS (a geographic CRS such as EPSG:4326 or CGCS2000 EPSG:4490 is '
                        'projected internally).'),
                self.tr('With a resistance raster: cost-weighted metres (resistance x metres).'),
                self.tr('A width of 0 gives no such zone.'),
            ],
            self.TRANSITION_WIDTH: [
                self.tr('In metres whatever the CRS (a geographic CRS such as EPSG:4326 or CGCS2000 EPSG:4490 is '
                        'projected internally).'),
                self.tr('With a resistance raster: cost-weighted metres (resistance x metres).'),
                self.tr('A width of 0 gives no such zone.'),
            ],
            self.RESISTANCE: [
                self.tr('With it, the buffer and transition reach an accumulated cost instead of a distance '
                        '(8-neighbour average-cost convention, the same as the Cost distance algorithm).'),
                self.tr('Nodata or resistance <= 0 is a barrier; zone edges follow the raster cells and stop at '
                        'the raster edge.'),
            ],
            self.RESERVE_FIELD: [
                self.tr('Zones every reserve of a province in one run: the cores with one value of this field '
                        'form one reserve, bounded by the boundary features with the same value in a field of the '
                        'same name.'),
                self.tr('Each reserve is zoned inside its own boundary as if it were alone, so zones of different '
                        'reserves never merge; overlapping boundaries are reported.'),
                self.tr('The zones then carry the reserve in a "reserve" field.'),
            ],
        }

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
        self.addParameter(QgsProcessingParameterField(
            self.RESERVE_FIELD, self.tr('Reserve field (one reserve per value; empty: one reserve)'),
            parentLayerParameterName=self.CORES, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Zones'), ProcessingSourceType.VectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        cores_source = qgis_io.required_source(self, parameters, self.CORES, context)
        boundary_source = self.parameterAsSource(parameters, self.BOUNDARY, context)
        buffer_width = self.parameterAsDouble(parameters, self.BUFFER_WIDTH, context)
        transition_width = self.parameterAsDouble(parameters, self.TRANSITION_WIDTH, context)
        resistance = self.parameterAsRasterLayer(parameters, self.RESISTANCE, context)

        output_crs = cores_source.sourceCrs()
        work_crs = work_crs_for([cores_source], output_crs, context)
        grid = None
        if resistance is not None:
            resistance_grid = ResistanceGrid(resistance, context, feedback, work_crs)
            grid, work_crs = resistance_grid.grid, resistance_grid.crs
        reserve_name = self.parameterAsString(parameters, self.RESERVE_FIELD, context)
        reserve_field = qgis_io.resolve_field(
            cores_source, reserve_name, qgis_io.layer_label(parameters[self.CORES], context)) if reserve_name else None
        steps = QgsProcessingMultiStepFeedback(3, feedback)
        cores_label = qgis_io.layer_label(parameters[self.CORES], context)
        cores = read_required_polygons(cores_source, cores_label, work_crs, context, steps)
        boundaries, boundary_label = None, qgis_io.layer_label(parameters.get(self.BOUNDARY), context)
        if boundary_source is not None:
            steps.setCurrentStep(1)
            boundaries = read_required_polygons(boundary_source, boundary_label, work_crs, context, steps)
        steps.setCurrentStep(2)
        if reserve_field:
            reserves = reserve_groups(cores, boundaries, reserve_field, (cores_source, cores_label),
                                      (boundary_source, boundary_label), feedback)
        else:
            boundary = [item.geometry for item in boundaries] if boundaries is not None else None
            reserves = {None: (cores, boundary)}
        results = self.reserve_zones(reserves, buffer_width, transition_width, grid, cores_label, steps)
        if feedback.isCanceled():
            raise qgis_io.cancelled()

        fields = self.output_fields()
        if reserve_field:
            reserve = QgsField(cores_source.fields().field(reserve_field))
            reserve.setName('reserve')
            fields.append(reserve)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon,
                                             output_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for reserve, zones in zip(reserves, results):
            for zone, geometry in zones.items():
                self.write_zone(sink, fields, (zone, reserve, reserve_field), geometry, (work_crs, output_crs),
                                context, feedback)
        qgis_io.style_output_on_load(context, dest_id, ZONES_STYLE)
        return {self.OUTPUT: dest_id}

    def reserve_zones(self, reserves, buffer_width, transition_width, grid, layer_name, feedback):
        """The zones of each reserve of ``reserves`` ({value: (core items, boundary geometries or None)}), each
        zoned alone through the executor; engine errors and cancel as QgsProcessingException."""
        tasks = [zoning.ReserveCores([item.geometry for item in cores],
                                     unary_union(boundary) if boundary is not None else None,
                                     [tr('{fid} of layer "{layer}"').format(fid=item.fid, layer=layer_name)
                                      for item in cores])
                 for cores, boundary in reserves.values()]
        for task in tasks:
            for core, area_ha in zoning.cores_beyond(task.cores, task.boundary, task.labels):
                feedback.pushWarning(tr('Core {core} extends {area:.4f} ha beyond the reserve boundary: that part is '
                                        'left out of the core and of the zones. Extend the boundary if it belongs '
                                        'to the reserve.').format(core=core, area=area_ha))
        cores = sum(len(task.cores) for task in tasks)
        executor = qgis_io.engine_executor(
            feedback if len(tasks) > 1 else None, small=len(tasks) < 2 or cores < PARALLEL_MIN_CORES)
        with qgis_io.engine_errors():
            return executor.map(zoning.reserve_zones, tasks,
                                zoning.ZoningSettings(buffer_width, transition_width, grid),
                                feedback=qgis_io.engine_feedback(feedback))

    @staticmethod
    def output_fields():
        fields = QgsFields()
        fields.append(make_field(ZONE_FIELD, FieldType.String, length=20))
        fields.append(make_field(ZONE_CODE_FIELD, FieldType.Int))
        fields.append(qgis_io.double_field(AREA_FIELD))
        return fields

    def write_zone(self, sink, fields, key, geometry, crs_pair, context, feedback):
        """Write one zone; ``key`` is (zone, reserve value, reserve field or None), ``crs_pair`` (work, output)."""
        zone, reserve, reserve_field = key
        name = zone_display_name(zone) if not reserve_field else tr('{reserve}: {zone}').format(
            reserve=reserve, zone=zone_display_name(zone))
        if geometry.is_empty:
            feedback.pushInfo(tr('{zone}: empty (a width of 0, or no room left inside the boundary), '
                                 'no feature written.').format(zone=name))
            return
        area_ha = geometry.area / zoning.SQUARE_METRES_PER_HECTARE
        feedback.pushInfo(tr('{zone}: {area:.2f} ha').format(zone=name, area=area_ha))
        feature = QgsFeature(fields)
        feature.setGeometry(qgis_io.output_polygon(geometry, *crs_pair, context))
        feature.setAttributes([zone, int(ZONE_CODES[zone]), float(area_ha)] + ([reserve] if reserve_field else []))
        qgis_io.add_feature(sink, feature, self.OUTPUT)


def reserve_groups(cores, boundaries, reserve_field, cores_layer, boundary_layer, feedback):
    """{reserve value: (its core items, its boundary geometries or None)} in the order reserves first appear;
    ``cores_layer`` and ``boundary_layer`` are (source, label) pairs.

    Raises naming the cores without a reserve value; warns about reserves whose boundaries overlap."""
    missing = [str(item.fid) for item in cores if item.attributes.get(reserve_field) in (None, NULL)]
    if missing:
        raise QgsProcessingException(tr(
            'Features {ids} of layer "{layer}" have no value in the reserve field "{field}". Give every core the id '
            'of its reserve, or leave the reserve field empty to zone the layer as one reserve.').format(
                ids=', '.join(missing[:20]), layer=cores_layer[1], field=reserve_field))
    grouped = {}
    for item in cores:
        grouped.setdefault(item.attributes[reserve_field], []).append(item)
    outlines = {}
    if boundaries is not None:
        key = qgis_io.resolve_field(boundary_layer[0], reserve_field, boundary_layer[1])
        for item in boundaries:
            outlines.setdefault(qgis_io.id_key(item.attributes.get(key)), []).append(item.geometry)
        report_overlapping_reserves(outlines, feedback)
        without = [str(value) for value in grouped if qgis_io.id_key(value) not in outlines]
        if without:
            feedback.pushWarning(tr('Reserves without a boundary feature (zoned without a boundary): '
                                    '{reserves}.').format(reserves=', '.join(without)))
    return {value: (members, outlines.get(qgis_io.id_key(value)) if boundaries is not None else None)
            for value, members in grouped.items()}


def report_overlapping_reserves(outlines, feedback):
    """Warn about each pair of reserves whose boundaries ({value: geometries}) overlap by more than 1 m²."""
    unions = [(value, unary_union(parts)) for value, parts in outlines.items()]
    for index, (first, first_area) in enumerate(unions):
        for second, second_area in unions[index + 1:]:
            shared = first_area.intersection(second_area).area if first_area.intersects(second_area) else 0.0
            if shared > 1.0:
                feedback.pushWarning(tr('The boundaries of reserves {first} and {second} overlap over {area:.0f} m²: '
                                        'their zones overlap there too. Correct the boundaries.').format(
                    first=first, second=second, area=shared))


class ZoneStatistics(ReservePlannerAlgorithm):
    """Area, share and land-cover composition of each zone of a zoning layer."""

    ALGORITHM_ID = 'zonestatistics'
    GROUP_ID = 'zoning'
    ICON = 'zonestatistics.svg'

    ZONES = 'ZONES'
    ZONE_FIELD = 'ZONE_FIELD'
    LANDCOVER = 'LANDCOVER'
    RESERVE_FIELD = 'RESERVE_FIELD'
    OUTPUT = 'OUTPUT'

    ADVANCED = (RESERVE_FIELD,)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Zone statistics')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('Area and share of each zone of a biosphere-reserve zoning, and its land-cover composition.')

    def tags(self):
        return keywords(self.tr('biosphere reserve,zoning,statistics,area,land cover,composition'))

    def summary(self):
        return [
            self.tr('Area and share of each zone of a biosphere-reserve zoning, and its land-cover composition.'),
            self.tr('Output: a table with one row per zone: zone, zone_code, area_ha (hectares, measured in '
                    'metres whatever the CRS) and share_pct (percent of the summed area of all zones).'),
            self.tr('With land cover, one row per zone and class (a long table, easy to pivot), plus landcover '
                    '(the class value), class_pct (percent of the zone) and class_area_ha (class_pct x area_ha / '
                    '100).'),
        ]

    def parameter_help(self):
        return {
            self.ZONES: [
                self.tr('A polygon layer, for example the output of Generate zones.'),
                self.tr('Several polygons of one zone are added up.'),
            ],
            self.ZONE_FIELD: [
                self.tr('The field holding the zone (core, buffer, transition or 1, 2, 3; default zone).'),
                self.tr('Other values are reported as they are, after the three zones, with an empty zone_code.'),
            ],
            self.LANDCOVER: [
                self.tr('A raster of class values (band 1).'),
                self.tr('A cell belongs to a zone when its centre lies inside it (a zone smaller than a cell '
                        'takes the cells it touches); cells outside the raster or without data form the class '
                        'NULL.'),
            ],
            self.RESERVE_FIELD: [
                self.tr("Measures every reserve of a province in one run; each reserve's rows are those it would "
                        'get alone (shares are of that reserve), with the reserve in a first "reserve" column.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, self.tr('Zones'), [ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_FIELD, self.tr('Zone field'), defaultValue=ZONE_FIELD, parentLayerParameterName=self.ZONES,
            optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LANDCOVER, self.tr('Land cover raster'), optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.RESERVE_FIELD, self.tr('Reserve field (one reserve per value; empty: one reserve)'),
            parentLayerParameterName=self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Zone statistics'), ProcessingSourceType.Vector))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        source = qgis_io.required_source(self, parameters, self.ZONES, context)
        label = qgis_io.layer_label(parameters[self.ZONES], context)
        field = qgis_io.resolve_field(
            source, self.parameterAsString(parameters, self.ZONE_FIELD, context) or ZONE_FIELD, label)
        landcover = self.parameterAsRasterLayer(parameters, self.LANDCOVER, context)

        work_crs = qgis_io.metric_crs_of([source], source.sourceCrs(), context)
        steps = QgsProcessingMultiStepFeedback(2, feedback)
        features = read_required_polygons(source, label, work_crs, context, steps)
        if not features:
            raise QgsProcessingException(tr('Layer "{layer}" has no features: there are no zones to measure.').format(
                layer=label))
        zones = [(self.zone_value(item.attributes[field]), item.geometry) for item in features]
        self.report_unknown_zones(zones, feedback)
        reserves = self.reserves(parameters, source, features, context)
        rows, compositions = [], {}
        steps.setCurrentStep(1)
        for reserve in dict.fromkeys(reserves):
            mine = [zone for zone, owner in zip(zones, reserves) if owner == reserve]
            composition = None
            if landcover is not None:
                composition = self.composition(mine, landcover, work_crs, context, steps)
                compositions.update({(reserve, zone): covers for zone, covers in composition.items()})
            areas = zoning.zone_areas(mine)
            self.report_overlaps(zoning.zone_overlap_ha(mine, areas), reserve, feedback)
            rows += [dict(row, reserve=reserve) for row in zoning.zone_statistics_rows(areas, composition)]

        fields = self.output_fields(compositions if landcover is not None else None)
        if self.parameterAsString(parameters, self.RESERVE_FIELD, context):
            reserve_field = QgsField(source.fields().field(self.reserve_field(parameters, source, context)))
            reserve_field.setName('reserve')
            fields = self.with_first(reserve_field, fields)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([self.attribute(row.get(name)) for name in fields.names()])
            qgis_io.add_feature(sink, feature, self.OUTPUT)
        return {self.OUTPUT: dest_id}

    def reserve_field(self, parameters, source, context):
        """The resolved name of RESERVE_FIELD (empty when not given)."""
        return qgis_io.resolve_field(source, self.parameterAsString(parameters, self.RESERVE_FIELD, context),
                                     qgis_io.layer_label(parameters[self.ZONES], context))

    def reserves(self, parameters, source, features, context):
        """The reserve of each feature (all None without RESERVE_FIELD); raises naming features without one."""
        if not self.parameterAsString(parameters, self.RESERVE_FIELD, context):
            return [None] * len(features)
        name = self.reserve_field(parameters, source, context)
        values = [item.attributes.get(name) for item in features]
        missing = [str(item.fid) for item, value in zip(features, values) if value in (None, NULL)]
        if missing:
            raise QgsProcessingException(tr(
                'Features {ids} of layer "{layer}" have no value in the reserve field "{field}". Give every zone '
                'the id of its reserve, or leave the reserve field empty to measure the layer as one '
                'reserve.').format(ids=', '.join(missing[:20]), field=name,
                                   layer=qgis_io.layer_label(parameters[self.ZONES], context)))
        return values

    @staticmethod
    def with_first(field, fields):
        """QgsFields with ``field`` first, then ``fields``."""
        result = QgsFields()
        result.append(field)
        for other in fields:
            result.append(other)
        return result

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
    def report_overlaps(overlap_ha, reserve, feedback):
        """Warn when the zones (of ``reserve``, None for the whole layer) overlap each other by more than
        validatezones' area tolerance: their shares are then of more land than the reserve holds."""
        if overlap_ha * zoning.SQUARE_METRES_PER_HECTARE < DEFAULT_TOLERANCES.area_m2:
            return
        where = '' if reserve is None else tr(' (reserve {reserve})').format(reserve=reserve)
        feedback.pushWarning(tr('Zones of different kinds overlap by {area:.4f} ha{where}: that land counts in each '
                                'of them, and the shares add up over more land than the reserve has. Run '
                                '"Validate zones" to locate the overlaps.').format(area=overlap_ha, where=where))

    @staticmethod
    def composition(zones, landcover, work_crs, context, feedback):
        """Land-cover composition per zone, zone by zone so that progress and cancel work."""
        by_zone = {}
        for zone, geometry in zones:
            by_zone.setdefault(zone, []).extend(qgis_io.reprojected([geometry], work_crs, landcover.crs(), context))
        try:
            grid = read_window(landcover.source(),
                               combined_bounds(part for parts in by_zone.values() for part in parts))
        except EngineError as error:
            raise QgsProcessingException(tr('The land-cover raster "{layer}" cannot be read: {reason}').format(
                layer=qgis_io.layer_label(landcover), reason=qgis_io.engine_message(error))) from error
        composition = {}
        for index, (zone, geometries) in enumerate(by_zone.items()):
            if feedback.isCanceled():
                raise qgis_io.cancelled()
            composition.update(zoning.landcover_composition([(zone, part) for part in geometries], grid))
            feedback.setProgress(100.0 * (index + 1) / len(by_zone))
        if all(cover.landcover is None for covers in composition.values() for cover in covers):
            feedback.pushWarning(tr('The land-cover raster "{layer}" has no data under any zone (its cells there are '
                                    'nodata, or it lies elsewhere): every zone is reported as class NULL. Check the '
                                    'raster and its nodata value.').format(layer=qgis_io.layer_label(landcover)))
        return composition

    @staticmethod
    def output_fields(composition):
        fields = QgsFields()
        fields.append(make_field(ZONE_FIELD, FieldType.String, length=50))
        fields.append(make_field(ZONE_CODE_FIELD, FieldType.Int))
        fields.append(qgis_io.double_field(AREA_FIELD))
        fields.append(qgis_io.double_field(zoning.SHARE_FIELD))
        if composition is not None:
            values = [cover.landcover for covers in composition.values() for cover in covers]
            integral = all(value is None or isinstance(value, int) for value in values)
            fields.append(make_field(zoning.LANDCOVER_FIELD, FieldType.Int) if integral
                          else qgis_io.double_field(zoning.LANDCOVER_FIELD))
            fields.append(qgis_io.double_field(zoning.CLASS_SHARE_FIELD))
            fields.append(qgis_io.double_field(zoning.CLASS_AREA_FIELD))
        return fields

    @staticmethod
    def attribute(value):
        """A table value as a plain Python value QGIS accepts (numpy scalars would be dropped silently)."""
        if value is None or isinstance(value, str):
            return value
        return int(value) if isinstance(value, int) else float(value)
