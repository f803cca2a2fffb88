"""Processing algorithm ``habitatcoverage``: habitat / species coverage with the Species Protection Index. The
computation is in engine/coverage.py, the shared protected-area input in processing/protected_areas.py.
"""


import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsRasterLayer,
)
from shapely.ops import unary_union

from ..compat import (
    FieldType,
    ProcessingSourceType,
    WkbType,
    make_field,
)
from .. import qgis_io
from ..qgis_io import double_field, measure_max_segment
from ..engine import coverage as engine
from ..engine import report as engine_report
from ..protected_areas import (
    ProtectedAreasInput,
    empty_raster_message,
    equal_area_crs,
    range_species,
    raster_group_name,
    raster_species,
    read_ranges,
    write_rows,
)
from .base import ReservePlannerAlgorithm, keywords


class HabitatCoverageAlgorithm(ProtectedAreasInput, ReservePlannerAlgorithm):
    """Protected share of each species' range or habitat, per group, and the Species Protection Index."""

    ALGORITHM_ID = 'habitatcoverage'
    GROUP_ID = 'coverage'
    ICON = 'habitatcoverage.svg'

    SPECIES = 'SPECIES'
    SPECIES_FIELD = 'SPECIES_FIELD'
    GROUP_FIELD = 'GROUP_FIELD'
    HABITAT_RASTERS = 'HABITAT_RASTERS'
    RASTER_GROUP = 'RASTER_GROUP'
    BOUNDARY = 'BOUNDARY'
    OUTPUT = 'OUTPUT'
    OUTPUT_GROUPS = 'OUTPUT_GROUPS'
    OUTPUT_HTML = 'OUTPUT_HTML'
    SPI = 'SPI'
    SPECIES_COUNT = 'SPECIES_COUNT'
    HABITAT_PROTECTED_PERCENT = 'HABITAT_PROTECTED_PERCENT'

    ADVANCED = ProtectedAreasInput.ADVANCED

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Habitat coverage and Species Protection Index')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr("How much of each species' range or habitat is protected, and the Species Protection Index.")

    def tags(self):
        return keywords(self.tr('species,habitat,range,protection,SPI,Species Protection Index,Map of '
                                'Life,representation'))

    def summary(self):
        return [
            self.tr("How much of each species' range or habitat is protected, per group (e.g. threatened "
                    'mammals), and the Map of Life Species Protection Index (SPI).'),
            self.tr('Per species: range_km2 and protected_km2 (inside the boundary), percent, target_pct (Map of '
                    'Life target, set by the whole range: 100 % of ranges under 10 000 km2, 15 % from 250 000 '
                    'km2, linear in log10(area) between), sps and region_share.'),
            self.tr('sps = min(100, 100 x protected_km2 / (target x range_km2)); the SPI of a group is the mean '
                    'SPS weighted by region_share.'),
            self.tr('Areas are in km2 in an equal-area projection centred on the data (rasters: their cell areas, '
                    'exact on geographic grids).'),
        ]

    def parameter_help(self):
        return {
            **self.protected_help(),
            self.SPECIES: [
                self.tr('Range polygons; several features of one species are merged.'),
                self.tr('Give ranges, habitat rasters or both.'),
            ],
            self.SPECIES_FIELD: [
                self.tr('The field naming the species.'),
            ],
            self.GROUP_FIELD: [
                self.tr('Groups the species, e.g. by class.'),
            ],
            self.HABITAT_RASTERS: [
                self.tr('One raster per species, cells > 0 are habitat; the species is named after the layer.'),
                self.tr('For a habitat raster the whole range is all the habitat in the raster.'),
            ],
            self.RASTER_GROUP: [
                self.tr('The group the species of the habitat rasters belong to.'),
            ],
            self.BOUNDARY: [
                self.tr('The region of the analysis; ranges are clipped to it and its share of each range '
                        '(region_share = range_km2 / whole range) weights the SPI.'),
            ],
            self.OUTPUT_GROUPS: [
                self.tr('Per group the species count, habitat and protected km2, percent of the habitat protected '
                        "and the group's SPI."),
            ],
            self.OUTPUT_HTML: [
                self.tr('A report with tables and charts.'),
            ],
        }

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SPECIES, self.tr('Species ranges'), [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.SPECIES_FIELD, self.tr('Species name field'), parentLayerParameterName=self.SPECIES, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.GROUP_FIELD, self.tr('Group field (e.g. class)'), parentLayerParameterName=self.SPECIES,
            optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.HABITAT_RASTERS, self.tr('Habitat rasters (one per species, cells > 0 are habitat)'),
            ProcessingSourceType.Raster, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.RASTER_GROUP, self.tr('Group of the habitat rasters'), defaultValue='', optional=True))
        self.add_protected_parameter()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BOUNDARY, self.tr('Region of the analysis'), [ProcessingSourceType.VectorPolygon], optional=True))
        self.add_cleaning_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Protection per species'), ProcessingSourceType.Vector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_GROUPS, self.tr('Protection per group'), ProcessingSourceType.Vector, optional=True,
            createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr('Habitat coverage report'), self.tr('HTML files (*.html)'), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.SPI, self.tr('Species Protection Index')))
        self.addOutput(QgsProcessingOutputNumber(self.SPECIES_COUNT, self.tr('Number of species')))
        self.addOutput(QgsProcessingOutputNumber(self.HABITAT_PROTECTED_PERCENT,
                                                 self.tr('Share of all habitat protected (%)')))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        layers = self.protected_layers(parameters, context)
        species_source = self.parameterAsSource(parameters, self.SPECIES, context)
        species_label = None if species_source is None else qgis_io.layer_label(parameters[self.SPECIES], context)
        species_field, group_field = (None if species_source is None else qgis_io.resolve_field(
            species_source, self.parameterAsString(parameters, name, context), species_label)
            for name in (self.SPECIES_FIELD, self.GROUP_FIELD))
        rasters = [layer for layer in self.parameterAsLayerList(parameters, self.HABITAT_RASTERS, context)
                   if isinstance(layer, QgsRasterLayer)]
        raster_group = raster_group_name(self.parameterAsString(parameters, self.RASTER_GROUP, context))
        boundary_source = self.parameterAsSource(parameters, self.BOUNDARY, context)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if species_source is None and not rasters:
            raise QgsProcessingException(self.tr('Give species ranges (SPECIES) or habitat rasters (HABITAT_RASTERS), '
                                                 'or both.'))
        if species_source is not None and not species_field:
            raise QgsProcessingException(self.tr('Choose the field that names the species (SPECIES_FIELD).'))

        vector_sources = layers + [source for source in (species_source, boundary_source) if source is not None]
        crs, _first_crs, _extent = equal_area_crs(vector_sources, context)
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        flattened, summary = self.clean_and_flatten(layers, crs, self.cleaning_options(parameters, context), False,
                                                    context, steps)
        boundary = None if boundary_source is None else self.read_boundary(
            boundary_source, qgis_io.layer_label(parameters[self.BOUNDARY], context), crs, context, steps)
        steps.setCurrentStep(1)
        tables = []
        if species_source is not None:
            ranges = read_ranges(species_source, species_label, species_field, group_field, crs, context, steps)
            tables.append(range_species(ranges, flattened, boundary, steps))
        steps.setCurrentStep(2)
        if rasters:
            by_boundary, empty = raster_species(rasters, raster_group, flattened.units, [boundary], crs, context, steps)
            tables.append(by_boundary[0])
            for layer in empty:
                feedback.pushWarning(empty_raster_message(layer))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        species = pd.concat(tables, ignore_index=True)
        groups = engine.group_table(species)
        spi = engine.species_protection_index(species['sps'], species['region_share'])
        habitat = float(species['range_km2'].sum())
        if boundary is not None and not habitat > 0:
            feedback.pushWarning(self.tr('No species range or habitat lies inside the boundary "{layer}": the '
                                         'SPI and shares are 0 for want of habitat, not of protection. Check the '
                                         "boundary's extent and CRS.").format(
                layer=qgis_io.layer_label(parameters[self.BOUNDARY], context)))
        habitat_percent = 100.0 * float(species['protected_km2'].sum()) / habitat if habitat > 0 else 0.0

        results = {self.SPI: spi, self.SPECIES_COUNT: len(species), self.HABITAT_PROTECTED_PERCENT: habitat_percent}
        results[self.OUTPUT] = self.write_species(parameters, context, species)
        if parameters.get(self.OUTPUT_GROUPS):
            results[self.OUTPUT_GROUPS] = self.write_groups(parameters, context, groups)
        if html_path:
            self.habitat_report(species, groups, spi, summary).write(html_path)
            results[self.OUTPUT_HTML] = html_path
        feedback.pushInfo(self.tr('{count} species; Species Protection Index {spi:.1f}.').format(
            count=len(species), spi=spi))
        return results

    def read_boundary(self, source, name, crs, context, feedback):
        """The union of the BOUNDARY features (layer ``name``) in ``crs``."""
        features = qgis_io.read_polygons(source, name, crs, context, feedback, measure_max_segment(source))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        if not features:
            raise QgsProcessingException(self.tr('The boundary layer "{layer}" has no features: every range would be '
                                                 'clipped away and the SPI read 0. Give a layer with the region, or '
                                                 'leave BOUNDARY empty.').format(layer=name))
        qgis_io.require_geometries(features, name)
        return unary_union([item.geometry for item in features])

    def write_species(self, parameters, context, frame):
        fields = qgis_io.make_fields(make_field('species', FieldType.String, 'string', 254),
                             make_field('group', FieldType.String, 'string', 254), double_field('range_km2'),
                             double_field('protected_km2'), double_field('percent'), double_field('target_pct'),
                             double_field('sps'), double_field('region_share'))
        return self.write_table(parameters, self.OUTPUT, context, fields, frame)

    def write_groups(self, parameters, context, frame):
        fields = qgis_io.make_fields(make_field('group', FieldType.String, 'string', 254),
                             make_field('species_count', FieldType.Int),
                             double_field('range_km2'), double_field('protected_km2'), double_field('percent'),
                             double_field('spi'))
        return self.write_table(parameters, self.OUTPUT_GROUPS, context, fields, frame)

    def write_table(self, parameters, name, context, fields, frame):
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, WkbType.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        write_rows(sink, fields, frame[[field.name() for field in fields]], name)
        return dest_id

    def habitat_report(self, species, groups, spi, summary):
        report = engine_report.HtmlReport(self.tr('Habitat coverage and Species Protection Index'),
                                          qgis_io.report_language())
        report.paragraph(self.tr('{count} species; Species Protection Index (SPI) {spi:.1f} of 100.').format(
            count=len(species), spi=spi))
        report.heading(self.tr('Protection per group'))
        report.figure(engine_report.bar_chart(groups['group'].tolist(), groups['percent'].tolist(), None,
                                              self.tr('Share of each group\'s habitat protected'),
                                              self.tr('Protected (%)')))
        report.table(groups, columns={
            'group': self.tr('Group'), 'species_count': self.tr('Species'), 'range_km2': self.tr('Habitat (km2)'),
            'protected_km2': self.tr('Protected (km2)'), 'percent': self.tr('Protected (%)'), 'spi': self.tr('SPI')})
        report.heading(self.tr('Protection per species'))
        report.table(species, columns={
            'species': self.tr('Species'), 'group': self.tr('Group'), 'range_km2': self.tr('Range (km2)'),
            'protected_km2': self.tr('Protected (km2)'), 'percent': self.tr('Protected (%)'),
            'target_pct': self.tr('Target (%)'), 'sps': self.tr('SPS'),
            'region_share': self.tr('Share of range in region')})
        report.heading(self.tr('Cleaning of the protected areas'))
        report.bullet_list(summary)
        return report
