"""reserveplanner:sitecoverage: how much of each site (KBA, stopover site, monitoring point) is protected, and the
shares per group and region (docs/target3.md). The protected areas are cleaned as protectedcoverage cleans them
(ProtectedAreasInput); the computation is in engine/sites.py.
"""

from collections import namedtuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from .. import qgis_io
from ..compat import (
    FieldType,
    GeometryType,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
    make_field,
)
from ..engine import geometry as engine_geometry
from ..engine import sites as engine
from .base import ReservePlannerAlgorithm
from .coverage import (
    ProtectedAreasInput,
    ProtectedCoverageAlgorithm,
    cancelled,
    check_cancel,
    double_field,
    equal_area_crs,
    make_fields,
    max_segment,
    null_to_none,
    write_rows,
)

Sites = namedtuple('Sites', 'features geometries groups weights')
"""Sites read for the engine: SourceFeatures (geometry in the working CRS), the geometries, group labels (or None)
and weights (or None)."""


def tr(text):
    return QCoreApplication.translate('ReservePlannerSites', text)


def outside_label():
    """The region of a site outside every region."""
    return tr('(outside the regions)')


def read_sites(source, name, id_field, group_field, weight_field, crs, context, feedback):
    """The sites of ``source`` (layer ``name``) in ``crs``: polygons repaired, points as they are; raises naming a
    feature without a usable geometry, and a weight that is NULL, NaN or negative."""
    features = []
    for item in qgis_io.read_features(source, crs, context, feedback, max_segment=max_segment(source)):
        geometry = item.geometry
        if geometry is not None and geometry.geom_type not in engine.POINT_TYPES:
            geometry, _status = engine_geometry.repair_polygon(geometry)
        if geometry is None or geometry.is_empty:
            raise QgsProcessingException(tr(
                'Feature {fid} of the sites layer "{layer}" has no usable point or polygon (null, empty or '
                'unrepairable geometry, or a line). Fix or delete it and run again.').format(fid=item.fid, layer=name))
        features.append(item._replace(geometry=geometry))
    if feedback.isCanceled():
        raise cancelled()
    groups = None if not group_field else [group_label(item.attributes.get(group_field)) for item in features]
    weights = None if not weight_field else [site_weight(item, weight_field, name, id_field) for item in features]
    return Sites(features, [item.geometry for item in features], groups, weights)


def group_label(value):
    value = null_to_none(value)
    return tr('(no group)') if value is None else str(value)


def site_weight(item, field, layer_name, id_field=None):
    """The weight of one site; raises naming the site (by ``id_field`` when given) when it is not a number >= 0."""
    value = null_to_none(item.attributes.get(field))
    try:
        weight = float(value)
    except (TypeError, ValueError):
        weight = float('nan')
    if not weight >= 0:
        raise QgsProcessingException(tr(
            'Site {site} of the sites layer "{layer}" has no usable weight in field "{field}" ({value}): weights '
            'are numbers >= 0. Fill it in (0 leaves the site out of the weighted share) and run again.').format(
            site=site_name(item, id_field), layer=layer_name, field=field, value=value))
    return weight


def site_name(item, id_field):
    """A site as messages name it: its SITE_ID_FIELD value and feature id, or the feature id."""
    value = null_to_none(item.attributes.get(id_field)) if id_field else None
    return str(item.fid) if value is None else '"{}" (feature {})'.format(value, item.fid)


def measure_sites(sites, pieces, tolerance, region_geometries, region_labels, feedback):
    """engine.site_table of ``sites`` against the protected ``pieces``, each site in the region (of
    ``region_geometries``, labelled ``region_labels``) holding its representative point; None without regions,
    outside_label() for a site outside all of them."""
    percents = engine.site_protected_pct(sites.geometries, pieces, tolerance, check_cancel(feedback))
    if percents is None or feedback.isCanceled():
        raise cancelled()
    regions = None
    if region_geometries is not None:
        positions = engine.site_region(sites.geometries, region_geometries)
        regions = [region_labels[position] if position >= 0 else outside_label() for position in positions]
    return engine.site_table(percents, sites.groups, regions, sites.weights)


class SiteCoverageAlgorithm(ProtectedAreasInput, ReservePlannerAlgorithm):
    """Protected share of each site and the shares of sites protected per group and region."""

    ALGORITHM_ID = 'sitecoverage'
    GROUP_ID = 'coverage'
    ICON = 'protectedcoverage.svg'

    SITES = 'SITES'
    SITE_ID_FIELD = 'SITE_ID_FIELD'
    GROUP_FIELD = 'GROUP_FIELD'
    WEIGHT_FIELD = 'WEIGHT_FIELD'
    REGIONS = 'REGIONS'
    REGION_FIELD = 'REGION_FIELD'
    TOLERANCE = 'TOLERANCE'
    OUTPUT = 'OUTPUT'
    OUTPUT_SUMMARY = 'OUTPUT_SUMMARY'

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Site coverage (KBAs, stopover sites)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('How much of each site lies in protected areas, and the share of sites protected.')

    def tags(self):
        return self.tr('KBA,key biodiversity area,stopover,site,coverage,protected,30x30,target 3').split(',')

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            'How much of each site lies in protected areas: Key Biodiversity Areas, stopover sites of migratory '
            'birds, monitoring points.\n'
            'SITES: points or polygons. SITE_ID_FIELD (optional) names the sites. GROUP_FIELD (optional): e.g. the '
            'species or site type. WEIGHT_FIELD (optional): e.g. bird counts. REGIONS and REGION_FIELD (optional): '
            'a site belongs to the region holding its representative point. PROTECTED and the cleaning switches: '
            'as in Protected-area coverage. TOLERANCE (m, default 0): a point this close to a protected area counts '
            'as inside (a point on the boundary is inside).\n'
            'OUTPUT: each site with protected_pct (the share of a polygon\'s area protected; 100 or 0 for a point) '
            'and coverage_class: full (>= 98 %, the KBA convention), partial or none. OUTPUT_SUMMARY: per group and '
            'region the site count, the % of sites fully, partially and not protected, the mean protected_pct and '
            'weighted_pct = sum(weight x protected_pct) / sum(weight), e.g. the share of the counted birds whose '
            'stopover site is protected. Areas in m2 of an equal-area projection centred on the data.')

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITES, self.tr('Sites (points or polygons)'),
            [ProcessingSourceType.VectorPoint, ProcessingSourceType.VectorPolygon]))
        for name, description, data_type in (
                (self.SITE_ID_FIELD, self.tr('Site name or id field'), ProcessingFieldParameterDataType.Any),
                (self.GROUP_FIELD, self.tr('Group field (e.g. species or site type)'),
                 ProcessingFieldParameterDataType.Any),
                (self.WEIGHT_FIELD, self.tr('Weight field (e.g. bird counts)'),
                 ProcessingFieldParameterDataType.Numeric)):
            self.addParameter(QgsProcessingParameterField(name, description, parentLayerParameterName=self.SITES,
                                                          type=data_type, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REGIONS, self.tr('Regions (provinces, counties)'), [ProcessingSourceType.VectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.REGION_FIELD, self.tr('Region name field'), parentLayerParameterName=self.REGIONS, optional=True))
        self.add_protected_parameter()
        tolerance = QgsProcessingParameterNumber(
            self.TOLERANCE, self.tr('Tolerance for points (m)'), ProcessingNumberParameterType.Double,
            defaultValue=0.0, minValue=0.0)
        tolerance.setHelp(self.tr('A point site this close to a protected area (metres) counts as inside.'))
        self.addParameter(tolerance)
        self.add_cleaning_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Site coverage'), ProcessingSourceType.VectorAnyGeometry))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, self.tr('Site coverage per group and region'), ProcessingSourceType.Vector))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        layers = self.protected_layers(parameters, context)
        source, label = qgis_io.optional_source(self, parameters, self.SITES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SITES))
        id_field, group_field, weight_field = (qgis_io.source_field(self, parameters, name, source, label, context)
                                               for name in (self.SITE_ID_FIELD, self.GROUP_FIELD, self.WEIGHT_FIELD))
        regions_source, regions_label = qgis_io.optional_source(self, parameters, self.REGIONS, context)
        region_field = qgis_io.source_field(self, parameters, self.REGION_FIELD, regions_source, regions_label, context)
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)

        crs, first_crs, extent = equal_area_crs(layers + [source] + ([regions_source] if regions_source else []),
                                                context)
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        flattened, _summary = self.clean_and_flatten(layers, crs, self.cleaning_options(parameters, context), False,
                                                     context, steps)
        steps.setCurrentStep(1)
        sites = read_sites(source, label, id_field, group_field, weight_field, crs, context, steps)
        steps.setCurrentStep(2)
        regions = None if regions_source is None else ProtectedCoverageAlgorithm().read_regions(
            regions_source, regions_label, region_field, crs, first_crs, extent, context, steps)
        steps.setCurrentStep(3)
        table = measure_sites(sites, flattened.pieces, tolerance,
                              None if regions is None else [region.geometry for region in regions],
                              None if regions is None else [region.label for region in regions], steps)
        summary = engine.site_summary(table)
        outside = int((table['region'] == outside_label()).sum()) if regions is not None else 0
        if outside:
            feedback.pushWarning(self.tr('{count} sites lie outside every region; the summary lists them as '
                                         '"{label}".').format(count=outside, label=outside_label()))
        results = {self.OUTPUT: self.write_sites(parameters, context, source, sites, table, crs)}
        results[self.OUTPUT_SUMMARY] = self.write_summary(parameters, context, summary)
        overall = summary.iloc[-1]
        feedback.pushInfo(self.tr('{count} sites: {full:.1f} % fully, {partial:.1f} % partly protected; mean '
                                  'protected share {mean:.2f} %.').format(
            count=len(table), full=overall['full_pct'], partial=overall['partial_pct'],
            mean=overall['mean_protected_pct']))
        return results

    def write_sites(self, parameters, context, source, sites, table, crs):
        fields = QgsFields(source.fields())
        for field in (make_field('region', FieldType.String, 'string', 254), double_field('protected_pct'),
                      make_field('coverage_class', FieldType.String, 'string', 10)):
            fields.append(field)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                             source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        names = source.fields().names()
        for item, row in zip(sites.features, table.itertuples(index=False)):
            feature = QgsFeature(fields)
            feature.setGeometry(qgis_io.transform_geometry(item.geometry, crs, source.sourceCrs(), context))
            feature.setAttributes([item.attributes.get(name) for name in names]
                                  + [row.region, float(row.protected_pct), row.coverage_class])
            qgis_io.add_feature(sink, feature, self.OUTPUT)
        is_point = QgsWkbTypes.geometryType(source.wkbType()) == GeometryType.Point
        qgis_io.style_output_on_load(context, dest_id, 'site_coverage_points' if is_point else 'site_coverage')
        return dest_id

    def write_summary(self, parameters, context, summary):
        fields = make_fields(make_field('group', FieldType.String, 'string', 254),
                             make_field('region', FieldType.String, 'string', 254),
                             make_field('site_count', FieldType.Int), double_field('full_pct'),
                             double_field('partial_pct'), double_field('none_pct'),
                             double_field('mean_protected_pct'), double_field('weighted_pct'))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_SUMMARY, context, fields, WkbType.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_SUMMARY))
        everything = self.tr('(all)')
        shown = summary.assign(group=[everything if value is None else value for value in summary['group']],
                               region=[everything if value is None else value for value in summary['region']])
        write_rows(sink, fields, shown, self.OUTPUT_SUMMARY)
        return dest_id
