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
from ..qgis_io import double_field, max_segment
from ..engine import coverage as engine
from ..engine import report as engine_report
from ..protected_areas import (
    ProtectedAreasInput,
    equal_area_crs,
    range_species,
    write_rows,
)
from .base import ReservePlannerAlgorithm

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

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Habitat coverage and Species Protection Index')

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return self.tr(
            'How much of each species\' range or habitat is protected, per group (e.g. threatened mammals: the '
            'share of their habitat protected), and the Map of Life Species Protection Index.\n'
            'SPECIES (optional): range polygons; SPECIES_FIELD names the species (several features of one '
            'species are merged); GROUP_FIELD (optional) groups them, e.g. by class. HABITAT_RASTERS (optional): one '
            'raster per species, cells > 0 are habitat; the species is named after the layer and belongs to '
            'RASTER_GROUP. Give '
            'ranges, rasters or both. PROTECTED and the cleaning switches: as in Protected-area coverage. BOUNDARY '
            '(optional): the region of the analysis; ranges are clipped to it and its share of each range weights '
            'the SPI.\n'
            'Per species: range_km2 (the range inside the boundary), protected_km2 (inside the boundary), percent, '
            'target_pct (Map of Life target, set by the WHOLE range, boundary or not: 100 % of ranges under '
            '10 000 km2, 15 % from 250 000 km2, linear in log10(area) between; for a habitat raster the whole range '
            'is all the habitat in the raster), sps = min(100, 100 x protected_km2 / (target x range_km2)), Map of '
            'Life\'s national score: the region is asked to protect the target share of the part of the range it '
            'holds, and region_share = range_km2 / whole range. Areas are in km2 in an equal-area '
            'projection centred on the data (rasters: their cell areas, exact on geographic grids). OUTPUT_GROUPS '
            '(optional, created by default in the Toolbox): '
            'per group the species count, habitat and protected km2, percent of the habitat protected and the '
            'group\'s SPI. SPI: the mean SPS weighted by region_share. OUTPUT_HTML (optional): a report '
            'with tables and charts.')

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
        raster_group = self.parameterAsString(parameters, self.RASTER_GROUP, context) or self.tr('Habitat rasters')
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
            tables.append(range_species(species_source, species_label, species_field, group_field, flattened,
                                             boundary, crs, context, steps))
        steps.setCurrentStep(2)
        if rasters:
            tables.append(self.raster_species(rasters, raster_group, flattened.units, boundary, crs, context, steps))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        species = pd.concat(tables, ignore_index=True)
        groups = engine.group_table(species)
        spi = engine.species_protection_index(species['sps'], species['region_share'])
        habitat = float(species['range_km2'].sum())
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
        features = qgis_io.read_polygons(source, name, crs, context, feedback, max_segment(source))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        qgis_io.require_geometries(features, name)
        return unary_union([item.geometry for item in features])

    def raster_species(self, rasters, group, units, boundary, crs, context, feedback):
        """engine.species_table of the habitat rasters (one row per raster, named after the layer)."""
        rows = []
        whole = qgis_io.engine_feedback(feedback)
        for index, layer in enumerate(rasters):
            part = whole.part(index / len(rasters), (index + 1) / len(rasters))
            rows.append(self.raster_row(layer, units, boundary, crs, context, part))
            if rows[-1][2] == 0:
                feedback.pushWarning(self.tr(
                    'The habitat raster "{layer}" has no habitat cell (every cell is nodata or 0): it still counts '
                    'as a species, with no habitat. Check the raster, or leave it out of HABITAT_RASTERS.').format(
                    layer=qgis_io.layer_label(layer)))
        range_km2, protected_km2, whole_km2 = (list(column) for column in zip(*rows))
        return engine.species_table([layer.name() for layer in rasters], [group] * len(rows), range_km2,
                                    protected_km2, whole_km2)

    def raster_row(self, layer, units, boundary, crs, context, feedback):
        """(habitat km2 in the region, protected km2, all the raster's habitat km2) of one habitat raster; polygons
        burnt by cell centre; ``feedback``: an engine.feedback.Feedback."""
        raster_crs = layer.crs()
        if not raster_crs.isGeographic() and not qgis_io.is_metric(raster_crs):
            raise QgsProcessingException(self.tr(
                'The habitat raster "{layer}" is in {crs}, whose cells do not have true areas: warp it to an '
                'equal-area or UTM projection (Raster > Projections > Warp) and run again.').format(
                layer=layer.name(), crs=raster_crs.authid()))
        protected = [self.in_crs(unit, crs, raster_crs, context) for unit in units]
        region = None if boundary is None else self.in_crs(boundary, crs, raster_crs, context)
        with qgis_io.engine_errors():
            return engine.raster_habitat_coverage(layer.source(), protected, region, raster_crs.isGeographic(),
                                                  feedback=feedback)

    @staticmethod
    def in_crs(geometry, crs, target_crs, context):
        """A shapely geometry reprojected from ``crs`` to ``target_crs``."""
        return qgis_io.to_shapely(qgis_io.transform_geometry(geometry, crs, target_crs, context))

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
