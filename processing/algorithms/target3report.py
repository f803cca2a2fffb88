"""reserveplanner:target3report: the GBF Target 3 indicator set per region (docs/target3.md) in one run, as a table,
an HTML report and a PDF made with a QGIS print layout (an atlas page per region after a summary page).

Every figure comes from the engines the single algorithms use: protected areas cleaned and flattened by
ProtectedAreasInput (protectedcoverage), coverage and the timeline by engine.coverage, KBAs by engine.sites
(sitecoverage), species by habitatcoverage's range reading and engine.coverage's SPI, ProtConn by protconn's
compute. engine/target3.py adds only what the report needs on top (realms, the yearly gain, per-region parts).
"""

import datetime
import os
import tempfile

import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRasterLayer,
)
from shapely.geometry import box
from shapely.ops import unary_union

from .. import qgis_io, report_layout
from ..compat import (
    FieldType,
    ProcessingAlgorithmFlag,
    ProcessingNumberParameterType,
    ProcessingSourceType,
    WkbType,
    make_field,
)
from ..engine import coverage as engine_coverage
from ..engine import report as engine_report
from ..engine import target3 as engine
from .base import ReservePlannerAlgorithm, keywords
from ..protconn_io import protconn_by_region
from ..protected_areas import (
    ProtectedAreasInput,
    Region,
    check_raster_crs,
    empty_raster_message,
    equal_area_crs,
    flatten,
    group_regions,
    log_cleaning,
    multipolygon,
    range_species,
    raster_group_name,
    raster_species,
    read_ranges,
    read_regions,
    write_rows,
)
from ..site_input import measure_sites, outside_label, read_sites

TRANSBOUNDARY_METRES = 50000.0
"""Default reach (m) of ProtConn's stepping stones outside a region: the 50 km of Saura et al. (2017, 2018)."""

PROTCONN_INDICATORS = ('prot', 'protconn', 'protunconn', 'relconn', 'protconn_prot', 'protconn_trans',
                       'protconn_unprot')


tr = qgis_io.translator('ReservePlannerTarget3')


def formatted(value, unit):
    """A value as the reports show it: counts without decimals, other numbers with two, then the unit."""
    if value is None or pd.isna(value):
        return ''
    text = '{:,.0f}'.format(value) if float(value).is_integer() and unit in ('', engine.COUNT) else \
        '{:,.2f}'.format(value)
    return '{} {}'.format(text, unit).strip()


class Target3ReportAlgorithm(ProtectedAreasInput, ReservePlannerAlgorithm):
    """GBF Target 3 indicators per region, with a table, an HTML and a PDF report."""

    ALGORITHM_ID = 'target3report'
    GROUP_ID = 'coverage'
    ICON = 'target3report.svg'

    REGIONS = 'REGIONS'
    REGION_FIELD = 'REGION_FIELD'
    OECM_FIELD = 'OECM_FIELD'
    OECM_VALUE = 'OECM_VALUE'
    REALM = 'REALM'
    KBAS = 'KBAS'
    SPECIES = 'SPECIES'
    SPECIES_FIELD = 'SPECIES_FIELD'
    CLASS_FIELD = 'CLASS_FIELD'
    HABITAT_RASTERS = 'HABITAT_RASTERS'
    RASTER_CLASS = 'RASTER_CLASS'
    ECOREGIONS = 'ECOREGIONS'
    ECOREGION_FIELD = 'ECOREGION_FIELD'
    DISTANCE = 'DISTANCE'
    PROBABILITY = 'PROBABILITY'
    TRANSBOUNDARY_DISTANCE = 'TRANSBOUNDARY_DISTANCE'
    TARGET = 'TARGET'
    YEAR = 'YEAR'
    OUTPUT = 'OUTPUT'
    OUTPUT_HTML = 'OUTPUT_HTML'
    OUTPUT_PDF = 'OUTPUT_PDF'

    ADVANCED = ProtectedAreasInput.ADVANCED + (OECM_FIELD, OECM_VALUE)

    def displayName(self):  # noqa: N802 (QGIS API name)
        return self.tr('Target 3 report (30 x 30 indicators)')

    def shortDescription(self):  # noqa: N802 (QGIS API name)
        return self.tr('The Kunming-Montreal Target 3 indicators per region, as a table, HTML and PDF report.')

    def tags(self):
        return keywords(self.tr('30x30,target 3,GBF,KBA,ProtConn,SPI,OECM,report,atlas,PDF'))

    def summary(self):
        return [
            self.tr('The indicators countries report for Target 3 of the Kunming-Montreal Global Biodiversity '
                    'Framework, per region and for all regions together, computed by the same engines as '
                    'Protected-area coverage, Site coverage, Habitat coverage and ProtConn.'),
            self.tr('Indicators: 3.1 coverage per realm by protected areas, by OECMs and by both (%); KBA '
                    'coverage; ProtConn and its fractions; the Species Protection Index and the share of each '
                    "class's habitat protected; ecoregion representativeness; the coverage trajectory by "
                    'STATUS_YR and the yearly gain needed to reach TARGET by 2030.'),
            self.tr('Where an indicator cannot be computed (no protected area, no KBA, no OECM field) the report '
                    'says why.'),
            self.tr('OUTPUT: one row per region and indicator (region, indicator, subject, value, unit, '
                    'statement).'),
        ]

    def parameter_help(self):
        return {
            **self.protected_help(),
            self.REGIONS: [
                self.tr('The counties or provinces.'),
            ],
            self.REGION_FIELD: [
                self.tr('The field naming each region.'),
            ],
            self.OECM_FIELD: [
                self.tr('Field of the PROTECTED layers telling OECMs from protected areas (WDPA: PA_DEF, 0 for an '
                        'OECM).'),
                self.tr('A layer without it counts as protected areas, and the report says so.'),
            ],
            self.OECM_VALUE: [
                self.tr('The value of that field marking an OECM (default 0, as in the WDPA).'),
            ],
            self.REALM: [
                self.tr('Polygons of the marine and coastal realm; coverage is reported for it and for the rest '
                        'of each region (terrestrial and inland waters) apart.'),
            ],
            self.KBAS: [
                self.tr('A KBA belongs to the region holding its representative point; a point KBA counts as '
                        'protected when it lies in a protected area or on its boundary.'),
                self.tr('Reported as the mean share of each KBA protected and the share of KBAs fully protected.'),
            ],
            self.SPECIES: [
                self.tr('Range polygons of the species; give ranges, habitat rasters or both.'),
            ],
            self.SPECIES_FIELD: [
                self.tr('The field naming the species.'),
            ],
            self.CLASS_FIELD: [
                self.tr('Groups the species, e.g. Mammalia.'),
            ],
            self.HABITAT_RASTERS: [
                self.tr('One raster per species, in a CRS with true cell areas (geographic, or projected in '
                        'metres); cells > 0 are habitat, counted by cell centre.'),
                self.tr('The species is named after the layer.'),
            ],
            self.RASTER_CLASS: [
                self.tr("The class all the habitat rasters' species belong to."),
            ],
            self.ECOREGIONS: [
                self.tr('Ecoregion polygons: representativeness is the share of the ecoregions in the region '
                        'reaching TARGET.'),
            ],
            self.ECOREGION_FIELD: [
                self.tr('The field naming each ecoregion.'),
            ],
            self.DISTANCE: [
                self.tr('Distance (m) at which the dispersal probability is PROBABILITY (JRC/DOPA: 10 000 m).'),
            ],
            self.PROBABILITY: [
                self.tr("ProtConn's dispersal probability at DISTANCE (default 0.5)."),
            ],
            self.TRANSBOUNDARY_DISTANCE: [
                self.tr('Protected areas outside a region (in a neighbouring region, or beyond all of them) but '
                        'within this distance (m) of it carry dispersal between its protected units without '
                        'adding area (ProtConn[Trans]).'),
                self.tr('0 leaves them out; Saura et al. use 50 000 m.'),
            ],
            self.TARGET: [
                self.tr('The target coverage in %.'),
            ],
            self.YEAR: [
                self.tr('The year of the data: the yearly gain needed is spread over the years left to 2030.'),
            ],
            self.OUTPUT_HTML: [
                self.tr('The report with tables and charts.'),
            ],
            self.OUTPUT_PDF: [
                self.tr('A print layout atlas: a summary page, then one page per region with a map, the indicator '
                        'table and charts, in the language of QGIS.'),
            ],
        }

    def flags(self):
        # the PDF is drawn by a print layout, which QGIS renders on the main thread
        return super().flags() | ProcessingAlgorithmFlag.NoThreading

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REGIONS, self.tr('Regions (counties, provinces)'), [ProcessingSourceType.VectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.REGION_FIELD, self.tr('Region name field'), parentLayerParameterName=self.REGIONS))
        self.add_protected_parameter()
        self.addParameter(QgsProcessingParameterString(
            self.OECM_FIELD, self.tr('Field telling OECMs from protected areas'), defaultValue='PA_DEF',
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.OECM_VALUE, self.tr('Value of that field for an OECM'), defaultValue='0', optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REALM, self.tr('Marine and coastal realm (polygons)'), [ProcessingSourceType.VectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.KBAS, self.tr('Key Biodiversity Areas (points or polygons)'),
            [ProcessingSourceType.VectorPoint, ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SPECIES, self.tr('Species ranges'), [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.SPECIES_FIELD, self.tr('Species name field'), parentLayerParameterName=self.SPECIES, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CLASS_FIELD, self.tr('Class field (e.g. Mammalia)'), parentLayerParameterName=self.SPECIES,
            optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.HABITAT_RASTERS, self.tr('Habitat rasters (one per species, cells > 0 are habitat)'),
            ProcessingSourceType.Raster, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.RASTER_CLASS, self.tr('Class of the habitat rasters (e.g. Aves)'), defaultValue='', optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ECOREGIONS, self.tr('Ecoregions'), [ProcessingSourceType.VectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ECOREGION_FIELD, self.tr('Ecoregion name field'), parentLayerParameterName=self.ECOREGIONS,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr('ProtConn median dispersal distance (m)'), ProcessingNumberParameterType.Double,
            defaultValue=10000.0, minValue=0.001))
        self.addParameter(QgsProcessingParameterNumber(
            self.PROBABILITY, self.tr('ProtConn dispersal probability at that distance'),
            ProcessingNumberParameterType.Double, defaultValue=0.5, minValue=0.000001, maxValue=0.999999))
        self.addParameter(QgsProcessingParameterNumber(
            self.TRANSBOUNDARY_DISTANCE, self.tr('ProtConn transboundary distance for stepping stones (m, 0 = none)'),
            ProcessingNumberParameterType.Double, defaultValue=TRANSBOUNDARY_METRES, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET, self.tr('Target coverage (%)'), ProcessingNumberParameterType.Double,
            defaultValue=engine_coverage.GBF_TARGET_PERCENT, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, self.tr('Year of the data'), ProcessingNumberParameterType.Integer,
            defaultValue=datetime.date.today().year, minValue=1900, maxValue=2100))
        self.add_cleaning_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr('Target 3 indicators'), ProcessingSourceType.Vector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr('Target 3 report (HTML)'), self.tr('HTML files (*.html)'), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, self.tr('Target 3 report (PDF)'), self.tr('PDF files (*.pdf)'), optional=True,
            createByDefault=False))

    # --- reading ---------------------------------------------------------------------------------------------

    def oecm_origins(self, layers, field, value, feedback):
        """(the origins (index in ``layers``, feature id, as engine.DatedPolygon.origin) of the OECMs: the features
        whose ``field`` is ``value``; whether a layer has ``field``; statements): a layer without ``field`` counts
        as protected areas, and a statement says so."""
        origins, has_field, statements = set(), False, []
        for index, layer in enumerate(layers):
            position = layer.fields().lookupField(field) if field else -1
            if position < 0:
                statements.append(self.tr('Layer "{layer}" has no field "{field}" telling OECMs from protected '
                                          'areas: all its areas count as protected areas.').format(
                    layer=qgis_io.layer_label(layer), field=field or ''))
                continue
            has_field = True
            column = QgsExpression.quotedColumnRef(layer.fields().at(position).name())
            request = QgsFeatureRequest().setFilterExpression(
                'to_string({}) = {}'.format(column, QgsExpression.quotedString(value)))
            for feature in layer.getFeatures(request):
                if feedback.isCanceled():
                    raise qgis_io.cancelled()
                origins.add((index, feature.id()))
        for line in statements:
            feedback.pushWarning(line)
        return origins, has_field, statements

    @staticmethod
    def part_pieces(polygons, options, feedback):
        """The disjoint pieces of the cleaned ``polygons`` (a part of them: the protected areas or the OECMs),
        flattened as protectedcoverage flattens them ([] for none)."""
        return flatten(polygons, options, False, feedback).pieces if polygons else []

    @staticmethod
    def read_optional_polygons(given, crs, context, feedback):
        """The checked polygon features of an optional layer ``given`` as (source, label, field), or None."""
        source, label, _field = given
        if source is None:
            return None
        features = qgis_io.read_polygons(source, label, crs, context, feedback, qgis_io.measure_max_segment(source))
        if feedback.isCanceled():
            raise qgis_io.cancelled()
        qgis_io.require_geometries(features, label)
        return features

    @staticmethod
    def read_species(given, crs, context, feedback):
        """The Ranges of SPECIES, read once for every region (given: (source, label, species field, class field));
        None without it."""
        source, label, species_field, class_field = given
        return None if source is None else read_ranges(source, label, species_field, class_field, crs, context,
                                                       feedback)

    def read_ecoregions(self, given, crs, context, feedback):
        """[(ecoregion name, geometry)] of ECOREGIONS, the parts of one ecoregion together; None without it."""
        features = self.read_optional_polygons(given, crs, context, feedback)
        return None if features is None else [(str(fid) if key is None else str(key), unary_union(parts))
                                              for key, fid, parts in group_regions(features, given[2])]

    def read_marine(self, given, crs, context, feedback):
        """The union of the REALM polygons (marine and coastal), or None without REALM."""
        features = self.read_optional_polygons(given, crs, context, feedback)
        return unary_union([item.geometry for item in features]) if features else None

    # --- the run ---------------------------------------------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        layers = self.protected_layers(parameters, context)
        given = self.layer_inputs(parameters, context)
        settings = {
            'target': self.parameterAsDouble(parameters, self.TARGET, context),
            'year': self.parameterAsInt(parameters, self.YEAR, context),
            'protconn': {'distance': self.parameterAsDouble(parameters, self.DISTANCE, context),
                         'probability': self.parameterAsDouble(parameters, self.PROBABILITY, context),
                         'transboundary_distance': self.parameterAsDouble(
                             parameters, self.TRANSBOUNDARY_DISTANCE, context)},
        }
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        sources = layers + [item[0] for item in given.values() if item[0] is not None]
        crs, first_crs, extent = equal_area_crs(sources, context)
        steps = QgsProcessingMultiStepFeedback(7, feedback)
        options = self.cleaning_options(parameters, context)
        # cleaned once: the protected areas and the OECMs are parts of the cleaned polygons, flattened on their own
        polygons, notes = self.clean(layers, crs, options, context, steps)
        flattened = flatten(polygons, options, True, steps)
        cleaning = log_cleaning(notes, polygons, flattened, options, steps)
        oecms, has_oecm_field, oecm_statements = self.oecm_origins(
            layers, self.parameterAsString(parameters, self.OECM_FIELD, context),
            self.parameterAsString(parameters, self.OECM_VALUE, context), steps)
        steps.setCurrentStep(1)
        pieces = {'pa': self.part_pieces([item for item in polygons if item.origin not in oecms], options, steps),
                  'oecm': self.part_pieces([item for item in polygons if item.origin in oecms], options, steps),
                  'all': flattened.pieces}
        steps.setCurrentStep(2)
        regions_source, regions_label, region_field = given['regions']
        regions = read_regions(regions_source, regions_label, region_field, crs,
                                                            first_crs, extent, context, steps)
        whole = unary_union([region.geometry for region in regions])
        scopes = [Region(None, whole, qgis_io.output_polygon(whole, crs, regions_source.sourceCrs(), context, None),
                         self.tr('All regions'))] + regions
        steps.setCurrentStep(3)
        rasters = self.habitat_rasters(parameters, whole, crs, context)
        raster_tables = self.raster_tables(rasters, flattened, scopes, crs, context, steps)
        inputs = {'pieces': pieces, 'flattened': flattened, 'settings': settings,
                  'marine': self.read_marine(given['realm'], crs, context, steps),
                  'kba_table': self.kba_table(given['kbas'], flattened, regions, crs, context, steps),
                  'ecoregions': self.read_ecoregions(given['ecoregions'], crs, context, steps),
                  'species': self.read_species(given['species'], crs, context, steps),
                  'raster_tables': raster_tables,
                  'oecm_statements': oecm_statements, 'has_oecm_field': has_oecm_field}
        steps.setCurrentStep(4)
        inputs['protconn'] = protconn_by_region(scopes, flattened.units, settings['protconn'], False, steps)
        steps.setCurrentStep(5)
        table, timelines = self.all_indicators(scopes, inputs, crs, context, steps)
        steps.setCurrentStep(6)
        results = {self.OUTPUT: self.write_table(parameters, context, table)}
        if html_path or pdf_path:
            charts = self.charts(scopes, table, timelines, settings)
            if html_path:
                self.html_report(scopes, table, charts, cleaning, settings).write(html_path)
                results[self.OUTPUT_HTML] = html_path
            if pdf_path:
                self.pdf_report(pdf_path, scopes, table, charts, flattened.units, crs, regions_source.sourceCrs(),
                                context)
                results[self.OUTPUT_PDF] = pdf_path
        return results

    def layer_inputs(self, parameters, context):
        """{'regions', 'realm', 'kbas', 'ecoregions': (source or None, label, field or None); 'species': (source,
        label, species field, class field)}; raises on a missing REGIONS or SPECIES_FIELD."""
        given = {}
        for key, layer, field in (('regions', self.REGIONS, self.REGION_FIELD), ('realm', self.REALM, None),
                                  ('kbas', self.KBAS, None), ('ecoregions', self.ECOREGIONS, self.ECOREGION_FIELD),
                                  ('species', self.SPECIES, self.SPECIES_FIELD)):
            source, label = qgis_io.optional_source(self, parameters, layer, context)
            given[key] = (source, label, field and qgis_io.source_field(self, parameters, field, source, label,
                                                                        context))
        if given['regions'][0] is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.REGIONS))
        species_source, species_label, species_field = given['species']
        if species_source is not None and not species_field:
            raise QgsProcessingException(self.tr('Choose the field that names the species (SPECIES_FIELD).'))
        if species_source is None and self.parameterAsString(parameters, self.CLASS_FIELD, context):
            raise QgsProcessingException(self.tr(
                'CLASS_FIELD names a field of the SPECIES layer, but no SPECIES layer was given: give the class of '
                'the habitat rasters in RASTER_CLASS instead.'))
        given['species'] += (qgis_io.source_field(self, parameters, self.CLASS_FIELD, species_source, species_label,
                                                  context),)
        return given

    @staticmethod
    def raster_tables(rasters, flattened, scopes, crs, context, feedback):
        """habitatcoverage's species table of the habitat rasters for each scope (the first, "All regions", is the
        union of the others, which are disjoint), every raster read once, and the rasters without habitat
        (protected_areas.raster_species); None without rasters."""
        if rasters is None:
            return None
        layers, raster_class = rasters
        return raster_species(layers, raster_class, flattened.units, [scope.geometry for scope in scopes[1:]], crs,
                              context, feedback, with_union=True)

    def habitat_rasters(self, parameters, regions, crs, context):
        """(raster layers, their class) of HABITAT_RASTERS, or None without any; raises on a raster without a CRS
        with true cell areas, or one that lies wholly outside ``regions`` (the union of the regions, in ``crs``)."""
        rasters = [layer for layer in self.parameterAsLayerList(parameters, self.HABITAT_RASTERS, context)
                   if isinstance(layer, QgsRasterLayer)]
        if not rasters:
            return None
        for layer in rasters:
            check_raster_crs(layer)
            extent = QgsCoordinateTransform(layer.crs(), crs, context.transformContext()).transformBoundingBox(
                layer.extent())
            if not box(extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()).intersects(
                    regions):
                raise QgsProcessingException(self.tr(
                    'The habitat raster "{layer}" does not overlap any region of REGIONS: check that it is the right '
                    'raster and that its CRS ({crs}) is the one its coordinates are in, or leave it out of '
                    'HABITAT_RASTERS.').format(layer=qgis_io.layer_label(layer), crs=layer.crs().authid()))
        return rasters, raster_group_name(self.parameterAsString(parameters, self.RASTER_CLASS, context))

    def kba_table(self, kbas, flattened, regions, crs, context, feedback):
        """sitecoverage's site table of the KBAs against the cleaned protected areas, or None without KBAs."""
        source, label, _field = kbas
        if source is None:
            return None
        sites = read_sites(source, label, None, None, None, crs, context, feedback)
        return measure_sites(sites, flattened.pieces, 0.0, [region.geometry for region in regions],
                             [region.label for region in regions], feedback)

    def all_indicators(self, scopes, inputs, crs, context, feedback):
        """(indicator table of all scopes, the timeline of each); raises qgis_io.cancelled() when cancelled."""
        tables, timelines = [], []
        for index, scope in enumerate(scopes):
            if feedback.isCanceled():
                raise qgis_io.cancelled()
            frame, timeline = self.scope_indicators(scope, index, inputs, crs, context, feedback)
            tables.append(frame)
            timelines.append(timeline)
            feedback.setProgress(100.0 * (index + 1) / len(scopes))
        return pd.concat(tables, ignore_index=True), timelines

    # --- indicators of one region ----------------------------------------------------------------------------

    def scope_indicators(self, scope, index, inputs, crs, context, feedback):
        """(indicator rows of ``scope`` as engine.indicator_rows, its timeline DataFrame or None)."""
        settings = inputs['settings']
        rows = []
        land, sea = engine.split_by_realm(scope.geometry, inputs['marine'])
        realms = [('terrestrial', land)] + ([('marine', sea)] if inputs['marine'] is not None else [])
        rows += self.coverage_rows(realms, inputs)
        timeline, timeline_rows = self.trajectory_rows(land, inputs, settings)
        rows += timeline_rows
        rows += self.kba_rows(None if index == 0 else scope.label, inputs['kba_table'])
        rows += self.protconn_rows(inputs['protconn'][index][0])
        if inputs['species'] is not None or inputs['raster_tables'] is not None:
            rows += self.species_rows(scope, index, inputs, crs, context, feedback)
        if inputs['ecoregions'] is not None:
            rows += self.ecoregion_rows(scope, inputs, settings['target'])
        if index == 0:
            rows += [('note', '', None, '', statement) for statement in inputs['oecm_statements']]
        return engine.indicator_rows(scope.label, rows), timeline

    def coverage_rows(self, realms, inputs):
        rows = []
        for realm, geometry in realms:
            if geometry is None:
                rows.append(('coverage_all', realm, None, '%', self.tr('This region has no {realm} part.').format(
                    realm=self.realm_names()[realm])))
                continue
            rows.append(('area_km2', realm, geometry.area / engine_coverage.M2_PER_KM2, 'km2', ''))
            for kind in ('pa', 'oecm', 'all'):
                frame, _ = engine_coverage.coverage_from_pieces(inputs['pieces'][kind], [(realm, geometry)])
                percent = float(frame['percent'].iloc[0])
                statement = ''
                if kind == 'all' and percent == 0:
                    statement = self.tr('No protected area or OECM lies in this part of the region.')
                if kind == 'oecm' and not inputs['has_oecm_field']:
                    percent, statement = None, self.tr('OECMs cannot be told apart from protected areas: no layer has '
                                                       'the OECM field.')
                rows.append(('coverage_' + kind, realm, percent, '%', statement))
        return rows

    def realm_names(self):
        return {'terrestrial': self.tr('terrestrial and inland waters'), 'marine': self.tr('marine and coastal')}

    def trajectory_rows(self, land, inputs, settings):
        """(timeline DataFrame or None, rows): coverage by STATUS_YR of the terrestrial part and the yearly gain."""
        if land is None:
            return None, []
        flattened = inputs['flattened']
        frame, clipped = engine_coverage.coverage_from_pieces(flattened.pieces, [('land', land)])
        timeline, undated_km2 = engine.region_timeline(flattened.years, clipped, 0, float(frame['area_km2'].iloc[0]))
        current = float(frame['percent'].iloc[0])
        rows = [('trajectory_pct', str(int(year)), percent, '%', '')
                for year, percent in zip(timeline['year'], timeline['percent'])]
        if undated_km2 > 0:
            rows.append(('undated_km2', '', undated_km2, 'km2', self.tr(
                'Protected by areas without an establishment year (STATUS_YR): not in the trajectory.')))
        gain = engine.yearly_gain_needed(current, settings['target'], settings['year'])
        statement = '' if gain is not None else self.tr('The year of the data is 2030 or later: no years remain.')
        if gain == 0:
            statement = self.tr('The target is met.')
        rows.append(('gain_needed', str(engine.TARGET_YEAR), gain, engine.POINTS_A_YEAR, statement))
        return timeline, rows

    def kba_rows(self, region_label, kba_table):
        """KBA coverage of the region labelled ``region_label`` (None: of the KBAs inside any region)."""
        if kba_table is None:
            return [('kba_mean_pct', '', None, '%', self.tr('No KBA layer was given.'))]
        inside = kba_table[kba_table['region'] != outside_label()]
        count, mean, full = engine.site_figures(inside, region_label)
        if count == 0:
            return [('kba_count', '', 0, engine.COUNT, self.tr('No KBA lies in this region.'))]
        return [('kba_count', '', count, engine.COUNT, ''), ('kba_mean_pct', '', mean, '%', ''),
                ('kba_full_pct', '', full, '%', '')]

    def protconn_rows(self, indicators):
        statement = '' if indicators['prot'] > 0 else self.tr('No protected area: ProtConn is 0 and its fractions '
                                                               'are undefined.')
        return [(name, '', indicators[name], '%', statement if indicators[name] is None else '')
                for name in PROTCONN_INDICATORS]

    def species_rows(self, scope, index, inputs, crs, context, feedback):
        """SPI and the share of each class's habitat protected in ``scope`` (the ``index``-th), from the ranges and
        the rasters as habitatcoverage computes them with the scope as its boundary; on the first scope also a
        note per habitat raster without any habitat cell."""
        tables, rows = [], []
        if inputs['species'] is not None:
            tables.append(range_species(inputs['species'], inputs['flattened'], scope.geometry, feedback))
        if inputs['raster_tables'] is not None:
            by_scope, empty = inputs['raster_tables']
            tables.append(by_scope[index])
            for layer in empty if index == 0 else []:
                message = empty_raster_message(layer)
                feedback.pushWarning(message)
                rows.append(('note', '', None, '', message))
        species = pd.concat(tables, ignore_index=True)
        present = species[species['range_km2'] > 0]
        if present.empty:
            return rows + [('spi', '', None, '', self.tr('No species range or habitat reaches into this region.'))]
        rows += [('spi', '', engine_coverage.species_protection_index(present['sps'], present['region_share']), '',
                 ''), ('species_count', '', len(present), engine.COUNT, '')]
        groups = engine_coverage.group_table(present)
        rows += [('habitat_pct', str(group), percent, '%', '')
                 for group, percent in zip(groups['group'], groups['percent'])]
        return rows

    def ecoregion_rows(self, scope, inputs, target):
        parts = engine.ecoregion_parts(scope.geometry, inputs['ecoregions'])
        if not parts:
            return [('ecoregion_count', '', 0, engine.COUNT, self.tr('No ecoregion lies in this region.'))]
        frame, _ = engine_coverage.coverage_from_pieces(inputs['flattened'].pieces, parts)
        score = engine_coverage.representativeness(frame, target)
        return [('ecoregion_count', '', score.region_count, engine.COUNT, ''),
                ('ecoregion_meeting', '', score.meeting_target, engine.COUNT, ''),
                ('ecoregion_representativeness', '', score.share_percent, '%', ''),
                ('ecoregion_unprotected', '', score.unprotected, engine.COUNT, '')]

    # --- outputs ---------------------------------------------------------------------------------------------

    def write_table(self, parameters, context, table):
        fields = qgis_io.make_fields(*(make_field(name, FieldType.String, 'string', 254)
                               for name in ('region', 'indicator', 'subject')),
                             qgis_io.double_field('value'), make_field('unit', FieldType.String, 'string', 40),
                             make_field('statement', FieldType.String, 'string', 254))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_rows(sink, fields, table[engine.INDICATOR_COLUMNS], self.OUTPUT)
        return dest_id

    def indicator_labels(self):
        return {
            'area_km2': self.tr('Area'), 'coverage_pa': self.tr('3.1 Coverage: protected areas'),
            'coverage_oecm': self.tr('3.1 Coverage: OECMs'), 'coverage_all': self.tr('3.1 Coverage: PAs and OECMs'),
            'trajectory_pct': self.tr('Coverage in year'), 'undated_km2': self.tr('Protected, year unknown'),
            'gain_needed': self.tr('Yearly gain needed to reach the target by'),
            'kba_count': self.tr('KBAs'), 'kba_mean_pct': self.tr('KBA coverage (mean share protected)'),
            'kba_full_pct': self.tr('KBAs fully protected (>= 98 %)'), 'prot': self.tr('Prot'),
            'protconn': self.tr('ProtConn'), 'protunconn': self.tr('ProtUnconn'), 'relconn': self.tr('RelConn'),
            'protconn_prot': self.tr('ProtConn[Prot] (% of ProtConn)'),
            'protconn_trans': self.tr('ProtConn[Trans] (% of ProtConn)'),
            'protconn_unprot': self.tr('ProtConn[Unprot] (% of ProtConn)'),
            'spi': self.tr('Species Protection Index'), 'species_count': self.tr('Species'),
            'habitat_pct': self.tr('Habitat protected'), 'ecoregion_count': self.tr('Ecoregions'),
            'ecoregion_meeting': self.tr('Ecoregions reaching the target'),
            'ecoregion_representativeness': self.tr('Ecoregion representativeness'),
            'ecoregion_unprotected': self.tr('Ecoregions < 1 % protected'), 'note': self.tr('Note'),
        }

    def shown_table(self, table):
        """The indicator rows as a report shows them: translated labels, values with their unit, no trajectory
        (a chart shows it)."""
        labels = self.indicator_labels()
        shown = table[table['indicator'] != 'trajectory_pct']
        units = {engine.POINTS_A_YEAR: self.tr('points a year'), engine.COUNT: ''}
        values = [formatted(value, units.get(unit, unit)) for value, unit in zip(shown['value'], shown['unit'])]
        realms = self.realm_names()
        return pd.DataFrame({'region': shown['region'], 'label': [labels[name] for name in shown['indicator']],
                             'subject': [realms.get(subject, subject) for subject in shown['subject']],
                             'value': values, 'statement': shown['statement']})

    def charts(self, scopes, table, timelines, settings):
        """[(coverage figure, trajectory figure or None)] per scope."""
        target = settings['target']
        kinds = ('coverage_pa', 'coverage_oecm', 'coverage_all')
        charts = []
        for scope, timeline in zip(scopes, timelines):
            rows = table[(table['region'] == scope.label) & table['indicator'].isin(kinds)]
            rows = rows[rows['value'].notna()]
            short = {'coverage_pa': self.tr('PAs'), 'coverage_oecm': self.tr('OECMs'),
                     'coverage_all': self.tr('PAs + OECMs')}
            several_realms = rows['subject'].nunique() > 1
            names = ['{} ({})'.format(short[name], self.realm_names()[subject]) if several_realms else short[name]
                     for name, subject in zip(rows['indicator'], rows['subject'])]
            coverage_chart = engine_report.bar_chart(
                names, [float(value) for value in rows['value']], target, self.tr('Coverage (3.1)'),
                self.tr('Protected (%)'), self.tr('Target {:.0f} %').format(target))
            trajectory = None
            if timeline is not None and not timeline.empty:
                years = timeline['year'].tolist() + [settings['year']]
                values = timeline['percent'].tolist() + [timeline['percent'].iloc[-1]]
                trajectory = engine_report.line_chart(
                    years, values, target, self.tr('Coverage by establishment year'), self.tr('Year'),
                    self.tr('Protected (%)'), self.tr('Target {:.0f} %').format(target))
            charts.append((coverage_chart, trajectory))
        return charts

    def html_report(self, scopes, table, charts, cleaning, settings):
        report = engine_report.HtmlReport(self.tr('Target 3 report (30 x 30)'), qgis_io.report_language())
        report.paragraph(self.tr('Indicators of Target 3 of the Kunming-Montreal Global Biodiversity Framework '
                                 '(CBD decision 15/5 monitoring framework), target {target:.0f} % by 2030, data of '
                                 '{year}.').format(target=settings['target'], year=settings['year']))
        shown = self.shown_table(table)
        columns = {'label': self.tr('Indicator'), 'subject': self.tr('Realm, class or year'),
                   'value': self.tr('Value'), 'statement': self.tr('Statement')}
        for scope, (coverage_chart, trajectory) in zip(scopes, charts):
            report.heading(scope.label)
            report.table(shown[shown['region'] == scope.label][list(columns)], columns=columns)
            report.figure(coverage_chart)
            if trajectory is not None:
                report.figure(trajectory)
        report.heading(self.tr('Cleaning of the protected areas'))
        report.bullet_list(cleaning)
        return report

    def pdf_report(self, path, scopes, table, charts, units, crs, out_crs, context):
        shown = self.shown_table(table)
        folder = tempfile.mkdtemp(prefix='target3_charts_')
        pages, rows = [], []
        for number, (scope, figures) in enumerate(zip(scopes, charts)):
            files = []
            for position, figure in enumerate(figures):
                file_name = os.path.join(folder, 'page{}_{}.png'.format(number, position))
                if figure is not None:
                    figure.savefig(file_name, dpi=150, bbox_inches='tight')
                files.append(file_name if figure is not None else '')
            pages.append(report_layout.Page(scope.label, multipolygon(scope.output_geometry), files))
            rows += [report_layout.TableRow(number, *values) for values in shown[shown['region'] == scope.label][
                ['label', 'subject', 'value', 'statement']].itertuples(index=False)]
        texts = {'title': self.tr('Target 3 report (30 x 30)'), 'protected': self.tr('Protected areas and OECMs'),
                 'footer': self.tr('Reserve Planner; indicators of the CBD monitoring framework (decision 15/5). '
                                   'Green: protected areas and OECMs after cleaning.'),
                 'headings': [self.tr('Indicator'), self.tr('Realm, class or year'), self.tr('Value'),
                              self.tr('Statement')]}
        geometries = [qgis_io.output_polygon(unit, crs, out_crs, context, None) for unit in units]
        try:
            report_layout.export_pdf(path, pages, rows, out_crs, geometries, texts)
        except RuntimeError as error:
            raise QgsProcessingException(self.tr('The PDF report could not be written to {path}: {error}').format(
                path=path, error=error)) from error
