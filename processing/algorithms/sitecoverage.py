"""reserveplanner:sitecoverage: how much of each site (KBA, stopover site, monitoring point) is protected, and the
shares per group and region (docs/target3.md). The protected areas are cleaned as protectedcoverage cleans them
(ProtectedAreasInput); sites are read and measured by processing/site_input.py, computed by engine/sites.py.
"""

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
from ..engine import sites as engine
from ..site_input import measure_sites, outside_label, read_sites
from ..protected_areas import ProtectedAreasInput, equal_area_crs, read_regions, write_rows
from ..qgis_io import double_field
from .base import ReservePlannerAlgorithm, keywords

class SiteCoverageAlgorithm(ProtectedAreasInput, ReservePlannerAlgorithm):
    """Protected share of each site and the shares of sites protected per group and region."""

    ALGORITHM_ID = 'sitecoverage'
    GROUP_ID = 'coverage'
    ICON = 'sitecoverage.svg'

    SITES = 'SITES'
    SITE_ID_FIELD = 'SITE_ID_FIELD'
    GROUP_FIELD = 'GROUP_FIELD'
    WEIGHT_FIELD = 'WEIGHT_FIELD'
    REGIONS = 'REGIONS'
    REGION_FIELD = 'REGION_FIELD'
    TOLERANCE = 'TOLERANCE'
    OUTPUT = 'OUTPUT'
    OUTPUT_SUMMARY = 'OUTPUT_SUMMARY'

    ADVANCED = ProtectedAreasInput.ADVANCED + (TOLERANCE,)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Site coverage (KBAs, stopover sites)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('How much of each site lies in protected areas, and the share of sites protected.')

    def tags(self):
        return keywords(self.tr('KBA,key biodiversity area,stopover,site,coverage,protected,30x30,target 3'))

    def summary(self):
        return [
            self.tr('How much of each site lies in protected areas: Key Biodiversity Areas, stopover sites of '
                    'migratory birds, monitoring points.'),
            self.tr("OUTPUT: each site with protected_pct (the share of a polygon's area protected; 100 or 0 for "
                    'a point) and coverage_class: full (>= 98 %, the KBA convention), partial or none.'),
            self.tr('OUTPUT_SUMMARY: per group and region the site count, the % of sites fully, partially and not '
                    'protected, the mean protected_pct and weighted_pct = sum(weight x protected_pct) / '
                    'sum(weight), e.g. the share of the counted birds whose stopover site is protected.'),
            self.tr('Areas in m2 of an equal-area projection centred on the data.'),
        ]

    def parameter_help(self):
        return {
            **self.protected_help(),
            self.SITES: [
                self.tr('Points or polygons: Key Biodiversity Areas, stopover sites of migratory birds, '
                        'monitoring points.'),
            ],
            self.SITE_ID_FIELD: [
                self.tr('Names the sites.'),
            ],
            self.GROUP_FIELD: [
                self.tr('Groups the sites, e.g. by species or site type.'),
            ],
            self.WEIGHT_FIELD: [
                self.tr('Weights the sites, e.g. by bird counts.'),
            ],
            self.REGIONS: [
                self.tr('A site belongs to the region holding its representative point.'),
            ],
            self.REGION_FIELD: [
                self.tr('The field naming each region.'),
            ],
            self.TOLERANCE: [
                self.tr('A point site this close to a protected area (metres) counts as inside; a point on the '
                        'boundary is inside.'),
            ],
        }

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
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE, self.tr('Tolerance for points (m)'), ProcessingNumberParameterType.Double,
            defaultValue=0.0, minValue=0.0))
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
        regions = None if regions_source is None else read_regions(
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
        if not summary.empty:  # without sites read_sites warned, and the outputs are empty
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
        is_point = QgsWkbTypes.geometryType(source.wkbType()) == GeometryType.Point
        # polygons come back as multi-polygons: one cut at the antimeridian has a part on each side of it
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             source.wkbType() if is_point else QgsWkbTypes.multiType(source.wkbType()),
                                             source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        names = source.fields().names()
        for item, row in zip(sites.features, table.itertuples(index=False)):
            feature = QgsFeature(fields)
            feature.setGeometry(
                qgis_io.transform_geometry(item.geometry, crs, source.sourceCrs(), context) if is_point
                else qgis_io.output_polygon(item.geometry, crs, source.sourceCrs(), context, max_segment=None))
            feature.setAttributes([item.attributes.get(name) for name in names]
                                  + [row.region, float(row.protected_pct), row.coverage_class])
            qgis_io.add_feature(sink, feature, self.OUTPUT)
        qgis_io.style_output_on_load(context, dest_id, 'site_coverage_points' if is_point else 'site_coverage')
        return dest_id

    def write_summary(self, parameters, context, summary):
        fields = qgis_io.make_fields(make_field('group', FieldType.String, 'string', 254),
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
